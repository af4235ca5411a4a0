"""Build the site's Pagefind search index, byte for byte the same on every run.

Pagefind lists a site's filters in hash-map order, so with two filters (timeline, year) its
metadata, and the file name derived from it, changed from one run to the next. The filter list
is sorted afterwards and the file renamed after its new content, keeping builds reproducible.

Pagefind has no incremental mode and reads every page, so the index is built again only when
a page changed: the names, sizes and modification times of the pages are kept (in the cache)
with the index they went into.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import cbor2

from ..core.errors import DaybookError
from ..engine.report import cache_folder
from ..engine.store import CacheStore

_SIGNATURE_LENGTH = len(b"pagefind_dcd")
_FILTERS = 3  # position of the filter list in Pagefind 1.x metadata


def build_index(site: Path, cache: Path | None = None) -> bool:
    """Index every page of *site* under site/pagefind/, deterministically; False if the index
    was already that of these pages (known from *cache*) and nothing was done."""
    store = CacheStore(cache_folder(cache, site)) if cache else None
    name = str(site.resolve())
    pages = pages_state(site)
    entry = site / "pagefind" / "pagefind-entry.json"
    if store and entry.exists() and _read_state(store, name) == (pages, _digest(entry)):
        return False
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"]
    if subprocess.run(command, check=False).returncode != 0:
        raise DaybookError(f"{site}: pagefind could not index the site")
    canonicalise(site / "pagefind")
    if store:
        store.replace_rows("search", "site = ?", (name,), [(name, pages, _digest(entry))])
        store.close()
    return True


def pages_state(site: Path) -> str:
    """A hash of the name, size and modification time of every page of *site*."""
    digest = hashlib.sha1()
    for folder, children, files in os.walk(site):
        children.sort()
        if Path(folder) == site and "pagefind" in children:
            children.remove("pagefind")
        for name in sorted(files):
            if name.endswith(".html"):
                stat = os.stat(os.path.join(folder, name))
                digest.update(f"{folder}/{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _read_state(store: CacheStore, name: str) -> tuple[str, str] | None:
    found = store.rows("SELECT pages, entry FROM search WHERE site = ?", name)
    return (str(found[0][0]), str(found[0][1])) if found else None


def _digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


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
