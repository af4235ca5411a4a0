"""`make bench`: Daybook against stock Pelican and Hugo (when installed) on the same archive.

    python bench/run.py [--days 100] [--updates 25] [--repeat 1] [--work DIR]

Generates a deterministic archive (bench/generate.py), imports it with `daybook import` (text
pages, and the same pages saved as HTML), builds it with the real `make html INPUTDIR=...
OUTPUTDIR=... SEARCH=no`, and times what maintainers do: a full build, a rebuild with nothing
changed, one new day imported, one day edited by hand, and the search index (Pagefind): all its
bundles built once, then `make html` with search on (the default) after one more new day, which
indexes that day's month again. The same days go through stock Pelican and Hugo. Prints one
table: wall seconds (median of --repeat runs, each "one new day" run adding another day), peak
memory of the whole process tree, output size; then the ratios the targets are stated in.

A clean build starts from empty folders. Nothing is deleted while the bench runs: on ext4,
creating files within minutes of deleting thousands is several times slower (new inodes are
searched for among the recently freed ones), which would time the file system's bookkeeping,
not the builds. Earlier output is moved aside, and an earlier bench folder is renamed
<work>-old-N; `make clean` deletes them.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.measure import Run, file_count, run, size_mb, timed  # noqa: E402
from bench.others import hugo_rows, pelican_rows  # noqa: E402
from tests.pages import day_page, html_page  # noqa: E402

BIN = ROOT / ".venv" / "bin"
START = date(2022, 2, 24)
# The builds run as a maintainer's would: bytecode caching on, whatever this shell says.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


class Bench:
    """One bench run: its folders, the archive, and the trash of earlier outputs."""

    def __init__(self, work: Path, days: int, updates: int, repeat: int) -> None:
        self.work, self.days, self.updates, self.repeat = work, days, updates, repeat
        self.pages = sorted((work / "pages").glob("*.txt"))
        self._trash = itertools.count()

    def fresh(self, folder: Path) -> None:
        """Make way for a clean build: move *folder* aside (removed at the end)."""
        if folder.exists():
            trash = self.work / "trash"
            trash.mkdir(exist_ok=True)
            folder.rename(trash / str(next(self._trash)))

    def new_days(self, tag: str, after: int = 0) -> list[Path]:
        """Saved pages of days after the archive's last (and *after* more), one per timed run."""
        folder = self.work / f"new-{tag}"
        folder.mkdir()
        pages = []
        for n in range(self.repeat):
            day = START + timedelta(days=self.days + after + n)
            page = folder / f"{day.isoformat()}.txt"
            page.write_text(day_page(day, self.updates, random.Random(day.toordinal())), "utf-8")
            pages.append(page)
        return pages

    def daybook(self) -> dict[str, str]:
        """Daybook's rows."""
        content, output, cache = (self.work / n for n in ("content", "output", "cache"))
        shutil.copy(ROOT / "pelicanconf.py", self.work)
        megabytes = sum(p.stat().st_size for p in self.pages) / 1e6
        text_import = self._import(self.pages, content)
        html_import = self._import(self._html_pages(), self.work / "content-html")
        build = [
            "make", "-s", "-o", ".venv/.installed", "html", f"INPUTDIR={content}",
            f"OUTPUTDIR={output}", f"CACHEDIR={cache}", "SEARCH=no",
        ]  # fmt: skip

        def clean() -> None:
            self.fresh(output)
            self.fresh(cache)

        full = timed(build, ROOT, self.repeat, prepare=clean, env=ENV)
        size = f"{size_mb(output):.0f} MB, {file_count(output)} files"
        same = timed(build, ROOT, self.repeat, env=ENV)
        added = iter(self.new_days("daybook"))
        one_new = timed(build, ROOT, self.repeat, prepare=lambda: self._import([next(added)],
                        content, timed_run=False), env=ENV)  # fmt: skip
        index = [str(BIN / "daybook"), "search-index", str(output), "--cache", str(cache)]
        search = run(index, ROOT, ENV)
        more = iter(self.new_days("daybook-search", after=self.repeat))
        with_search = [part for part in build if part != "SEARCH=no"]
        new_searched = timed(with_search, ROOT, self.repeat, prepare=lambda: self._import(
            [next(more)], content, timed_run=False), env=ENV)  # fmt: skip
        per_thousand = 1000 / len(list(content.rglob("*.md")))
        all_in = (f"{size_mb(output) * per_thousand:.0f} MB, "
                  f"{file_count(output) * per_thousand:.0f} files")  # fmt: skip
        edits = iter(sorted(content.rglob("*.md"))[self.days // 3 :])
        one_edit = timed(build, ROOT, self.repeat, prepare=lambda: _edit(next(edits)), env=ENV)
        return {
            "import, text pages": _speed(megabytes, text_import),
            "import, HTML pages": _speed(megabytes, html_import, "same text"),
            "full build": f"{full.seconds:.2f} s",
            "no-change rebuild": f"{same.seconds:.2f} s",
            "one new day": f"{one_new.seconds:.2f} s",
            "one edited day": f"{one_edit.seconds:.2f} s",
            "search index (Pagefind, all bundles)": f"{search.seconds:.2f} s",
            "one new day, search on": f"{new_searched.seconds:.2f} s",
            "peak memory (one new day, search on)": f"{new_searched.peak_mb:.0f} MB",
            "peak memory (full build)": f"{full.peak_mb:.0f} MB",
            "output": size,
            "all-in with search, per 1,000 days": all_in,
            "_full": f"{full.seconds}",
            "_searched": f"{full.seconds + search.seconds}",
            "_new": f"{one_new.seconds}",
        }

    def _import(self, pages: list[Path], content: Path, timed_run: bool = True) -> Run:
        command = [str(BIN / "daybook"), "import", "--no-archive", "--content", str(content)]
        command += [str(p) for p in pages]
        if not timed_run:
            return run(command, self.work, ENV)
        return timed(command, self.work, self.repeat, prepare=lambda: self.fresh(content), env=ENV)

    def _html_pages(self) -> list[Path]:
        folder = self.work / "pages-html"
        folder.mkdir(exist_ok=True)
        for page in self.pages:
            html = html_page(page.read_text(encoding="utf-8"))
            (folder / f"{page.stem}.html").write_text(html, encoding="utf-8")
        return sorted(folder.glob("*.html"))


def _edit(day_file: Path) -> None:
    text = day_file.read_text(encoding="utf-8")
    day_file.write_text(text.replace(".\n", ". Edited by hand.\n", 1), encoding="utf-8")


def _speed(megabytes: float, result: Run, note: str = "") -> str:
    extra = f", {note}" if note else ""
    return (
        f"{megabytes / result.seconds:.2f} MB/s ({result.seconds:.1f} s, "
        f"{result.peak_mb:.0f} MB{extra})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=100)
    parser.add_argument("--updates", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "bench")
    args = parser.parse_args()
    args.work = args.work.resolve()
    if args.work.exists():
        old = next(p for n in itertools.count() if not (p := args.work.with_name(
            f"{args.work.name}-old-{n}")).exists())  # fmt: skip
        args.work.rename(old)
        print(f"bench: moved the last run to {old} (make clean deletes it)")
    args.work.mkdir(parents=True)
    generate = [sys.executable, str(ROOT / "bench/generate.py"), str(args.work / "pages")]
    run([*generate, "--days", str(args.days), "--updates", str(args.updates)], ROOT)
    bench = Bench(args.work, args.days, args.updates, args.repeat)
    columns = {"Daybook": bench.daybook()}
    columns["stock Pelican 4.12"] = pelican_rows(bench, BIN / "pelican")
    hugo = shutil.which("hugo")
    if hugo:
        columns["Hugo"] = hugo_rows(bench, hugo)
    _print(args, columns)


def _print(args: argparse.Namespace, columns: dict[str, dict[str, str]]) -> None:
    rows = [row for row in columns["Daybook"] if not row.startswith("_")]
    note = "SEARCH=no but in the search rows"
    print(f"\n{args.days} days x {args.updates} updates, median of {args.repeat}; {note}\n")
    print("| | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for row in rows:
        print(f"| {row} | " + " | ".join(col.get(row, "n/a") for col in columns.values()) + " |")
    ours = columns["Daybook"]
    print()
    for name, theirs in columns.items():
        if name != "Daybook":
            full = float(ours["_full"]) / float(theirs["_full"])
            searched = float(ours["_searched"]) / float(theirs["_full"])
            new = float(ours["_new"]) / float(theirs["_new"])
            print(f"Daybook / {name}: full build {full:.2f}x (with every search bundle indexed "
                  f"{searched:.2f}x), one new day {new:.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
