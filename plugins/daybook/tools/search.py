"""Build the site's Pagefind search: one bundle per timeline and month, indexed only when its
day pages changed, byte for byte the same on every run.

Pagefind has no incremental mode: it reads every page it is given. So the day pages are split
into bundles (`pagefind/<timeline>-<YYYY>-<MM>/`), each indexed on its own by the Pagefind CLI,
and the search page merges them at query time (Pagefind UI's `mergeIndex`), reading their names
from `pagefind/bundles.json`. A bundle is indexed again only when the names, sizes or
modification times of its pages changed (kept in the cache's `search` table, one row per
bundle) or its files are not those it was built into; bundles whose pages are gone are removed.
Only day pages are searchable: the other pages carry no `data-pagefind-body`.

Pagefind writes its UI, its script, its worker and its WebAssembly into every bundle, the same
bytes each time (about 230 KB and 4 files a bundle, 7 MB and 128 files per 1,000 days). The
UI is kept once beside the bundles; the rest only in the first bundle, which the search page
opens: bundles merged into it load none of them (Pagefind 1.x runs every bundle in the first
one's worker and WebAssembly).

Why a month and not a year, measured on a 1,000-day synthetic archive (25 updates a day, 2
cores): Pagefind takes about 5 ms a day page, so a year bundle takes 1.6-2.2 s to index and a
month 0.2 s; after one new day `make html` took 3.1-3.2 s (250 MB) with year bundles and
0.75-1.2 s (60-70 MB) with month bundles, against a target of 2 s. The price is paid when
searching: each bundle is fetched on its own (its metadata, its WebAssembly, its index chunks),
so at 3,000 days (100 bundles) a first search made about 500 requests, 3 MB, against 56 and
0.8 MB with 9 year bundles.

Pagefind lists a bundle's filters in hash-map order, so with two filters (timeline, year) its
metadata, and the file name derived from it, changed from one run to the next. The filter list
is sorted afterwards and the file renamed after its new content, keeping builds reproducible.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import cbor2
from pagefind_bin import get_executable

from ..core.errors import DaybookError
from ..engine.report import cache_folder
from ..engine.store import CacheStore

FOLDER = "pagefind"
MANIFEST = "bundles.json"
UI_FILES = ("pagefind-ui.css", "pagefind-ui.js")
"""Pagefind's default UI, kept once beside the bundles (the search page loads it from there)."""
RUNTIME = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")
"""Pagefind's script, worker and WebAssembly (glob patterns): kept in the first bundle only."""
_UNUSED = (
    "pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-highlight.js",
    "pagefind-modular-ui.css", "pagefind-modular-ui.js",
)  # fmt: skip
_SCHEME = "month bundles of day pages, 1"  # a change of layout or glob re-indexes every bundle
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_YEAR = re.compile(r"^\d{4}$")
_TWO_DIGITS = re.compile(r"^\d{2}$")
_SIGNATURE_LENGTH = len(b"pagefind_dcd")
_FILTERS = 3  # position of the filter list in Pagefind 1.x metadata
_WORKERS = min(4, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Indexed:
    """What one run did: the site's bundles, those indexed again, and those removed."""

    bundles: tuple[str, ...]
    rebuilt: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def changed(self) -> bool:
        """True if any file of the search index was written or removed."""
        return bool(self.rebuilt or self.removed)

    def summary(self) -> str:
        """One phrase: 'search index up to date' or how many bundles were rebuilt."""
        if not self.changed:
            return "search index up to date"
        gone = f", {len(self.removed)} removed" if self.removed else ""
        return f"search index: {len(self.rebuilt)} of {len(self.bundles)} bundles rebuilt{gone}"


def build_index(site: Path, cache: Path | None = None) -> Indexed:
    """Index the day pages of *site* under site/pagefind/, one bundle per timeline and month;
    with *cache*, only the bundles whose pages changed since the cache's last run."""
    folder = site / FOLDER
    bundles = day_pages(site)
    store = CacheStore(cache_folder(cache, site)) if cache else None
    try:
        known = _read_states(store) if store else {}
        stale = [
            name
            for name, pages in sorted(bundles.items())
            if known.get(name) != (pages, _entry_digest(folder / name))
        ]
        first = min(bundles) if bundles else ""
        if first and first not in stale and not _ready(folder, first):
            stale.insert(0, first)  # the UI and the runtime come with a bundle: index it
        with ThreadPoolExecutor(_WORKERS) as pool:
            list(pool.map(lambda name: _index(site, name), stale))
        _take_ui(folder, stale)
        _drop_runtime(folder, [name for name in sorted(bundles) if name != first])
        removed = _tidy(folder, set(bundles))
        if stale or removed or not (folder / MANIFEST).is_file():
            _write_manifest(folder, sorted(bundles))
        if store and (stale or removed or set(known) != set(bundles)):
            rows = [(n, p, _entry_digest(folder / n)) for n, p in sorted(bundles.items())]
            store.replace_rows("search", "1 = 1", (), rows)
    finally:
        if store:
            store.close()
    return Indexed(tuple(sorted(bundles)), tuple(stale), tuple(removed))


def day_pages(site: Path) -> dict[str, str]:
    """Each bundle of *site* and a hash of its day pages' names, sizes and modification times
    (day pages are <timeline>/<YYYY>/<MM>/<DD>/index.html; their oldest-first redirects are not
    searchable)."""
    pages: dict[str, list[str]] = {}
    for timeline in _folders(site, _SLUG):
        for year in _folders(timeline, _YEAR):
            for month in _folders(year, _TWO_DIGITS):
                for day in _folders(month, _TWO_DIGITS):
                    try:
                        stat = os.stat(os.path.join(day, "index.html"))
                    except FileNotFoundError:
                        continue
                    line = f"{month.name}/{day.name}\0{stat.st_size}\0{stat.st_mtime_ns}"
                    pages.setdefault(f"{timeline.name}-{year.name}-{month.name}", []).append(line)
    version = metadata.version("pagefind_bin")
    return {
        name: hashlib.sha1("\n".join([_SCHEME, version, *sorted(lines)]).encode()).hexdigest()
        for name, lines in pages.items()
    }


def _folders(parent: Path | os.DirEntry[str], pattern: re.Pattern[str]) -> list[os.DirEntry[str]]:
    """The sub-folders of *parent* whose names match *pattern*, sorted (pagefind/ excluded)."""
    try:
        with os.scandir(parent) as entries:
            found = [e for e in entries if pattern.match(e.name) and e.name != FOLDER]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted((e for e in found if e.is_dir()), key=lambda e: e.name)


def _glob(name: str) -> str:
    """The Pagefind glob of a bundle's day pages: <timeline>/<YYYY>/<MM>/*/index.html."""
    timeline, year, month = name.rsplit("-", 2)
    return f"{timeline}/{year}/{month}/*/index.html"


def _index(site: Path, name: str) -> None:
    """Index one bundle into a new folder, make it canonical, then put it in place."""
    folder = site / FOLDER
    building = folder / f".{name}.new"
    if building.exists():
        shutil.rmtree(building)
    command = [
        str(_pagefind()), "--site", str(site), "--glob", _glob(name),
        "--output-subdir", f"{FOLDER}/{building.name}", "--silent",
    ]  # fmt: skip
    if subprocess.run(command, check=False).returncode != 0:
        raise DaybookError(f"{site}: pagefind could not index the bundle {name}")
    for unused in _UNUSED:
        (building / unused).unlink(missing_ok=True)
    canonicalise(building)
    if (folder / name).exists():
        shutil.rmtree(folder / name)
    building.rename(folder / name)


@cache
def _pagefind() -> Path:
    """The Pagefind binary of the pagefind_bin wheel, run directly: its `python -m pagefind`
    wrapper adds 40 ms a bundle (0.15 s against 0.19 s for a month of day pages)."""
    return Path(get_executable())


def _take_ui(folder: Path, fresh: list[str]) -> None:
    """Keep one copy of Pagefind's UI beside the bundles (from the first bundle just indexed,
    the same in all of them) and none inside them."""
    for name in fresh:
        for ui in UI_FILES:
            if name == fresh[0]:
                _write_if_changed(folder / ui, (folder / name / ui).read_bytes())
            (folder / name / ui).unlink()


def _ready(folder: Path, first: str) -> bool:
    """True if the UI is beside the bundles and Pagefind's runtime in the *first* one (moved
    there from the bundle that was first before, if need be)."""
    return all((folder / ui).is_file() for ui in UI_FILES) and _runtime_in_first(folder, first)


def _runtime_in_first(folder: Path, first: str) -> bool:
    """Put Pagefind's runtime in the *first* bundle, from the bundle that was first before,
    if it is not there yet; False if no bundle has it."""
    if _has_runtime(folder / first):
        return True
    before = [b for b in sorted(folder.iterdir()) if b.name != first and _has_runtime(b)]
    if not before:
        return False
    for pattern in RUNTIME:
        for path in before[0].glob(pattern):
            path.rename(folder / first / path.name)
    return True


def _has_runtime(bundle: Path) -> bool:
    return bundle.is_dir() and all(any(bundle.glob(pattern)) for pattern in RUNTIME)


def _drop_runtime(folder: Path, bundles: list[str]) -> None:
    """Remove Pagefind's script, worker and WebAssembly from *bundles* (all but the first)."""
    for name in bundles:
        for pattern in RUNTIME:
            for path in (folder / name).glob(pattern):
                path.unlink()


def _tidy(folder: Path, bundles: set[str]) -> list[str]:
    """Remove what is not a bundle of the site, the manifest or the UI; the names removed."""
    keep = bundles | {MANIFEST, *UI_FILES}
    removed = []
    for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
        if entry.name in keep:
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed.append(entry.name)
    return removed


def _write_manifest(folder: Path, bundles: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"bundles": bundles}, separators=(",", ":")) + "\n"
    _write_if_changed(folder / MANIFEST, text.encode())


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)


def _read_states(store: CacheStore) -> dict[str, tuple[str, str]]:
    """The kept state of each bundle: its pages' hash and its entry file's digest."""
    return {str(n): (str(p), str(e)) for n, p, e in store.rows("SELECT * FROM search")}


def _entry_digest(bundle: Path) -> str:
    try:
        return hashlib.sha1((bundle / "pagefind-entry.json").read_bytes()).hexdigest()
    except (FileNotFoundError, NotADirectoryError):
        return ""


def canonicalise(bundle: Path) -> None:
    """Sort the filters in each language's metadata and rename the file after its content."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry.get("languages", {}).items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        raw = gzip.decompress(meta_path.read_bytes())
        signature, meta = raw[:_SIGNATURE_LENGTH], cbor2.loads(raw[_SIGNATURE_LENGTH:])
        meta[_FILTERS] = sorted(meta[_FILTERS])
        content = signature + cbor2.dumps(meta)
        digest = f"{language}_{hashlib.sha256(content).hexdigest()[:10]}"
        meta_path.unlink()
        (bundle / f"pagefind.{digest}.pf_meta").write_bytes(gzip.compress(content, mtime=0))
        info["hash"] = digest
    entry_path.write_text(
        json.dumps(entry, separators=(",", ":"), sort_keys=True), encoding="utf-8"
    )
