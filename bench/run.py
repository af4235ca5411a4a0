"""`make bench`: Daybook against stock Pelican (and Hugo, when installed) on the same archive.

    python bench/run.py [--days 100] [--updates 25] [--repeat 1] [--work DIR]

Generates a deterministic archive (bench/generate.py), imports it with `daybook import`, builds it
with the real `make html INPUTDIR=... OUTPUTDIR=... SEARCH=no`, and times the cases maintainers
meet: a full build, a rebuild with nothing changed, one new day, one edited day. The same days as
one Pelican article each go through stock Pelican (Python-Markdown, its default theme and feeds),
with its content cache for the rebuilds. Prints one table: wall seconds (median of --repeat runs),
peak RSS of the build process, output size.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import day_page  # noqa: E402

BIN = ROOT / ".venv" / "bin"
START = date(2022, 2, 24)


def run(command: list[str], cwd: Path = ROOT) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one command and its children."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed: {proc.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss // 1024


def timed(
    command: list[str], repeat: int, prepare: Callable[[], None] | None = None, cwd: Path = ROOT
) -> tuple[float, int]:
    """Median wall time and largest peak RSS over *repeat* runs (prepare() before each)."""
    times, peaks = [], []
    for _ in range(repeat):
        if prepare:
            prepare()
        elapsed, peak = run(command, cwd)
        times.append(elapsed)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def make_html(content: Path, output: Path) -> list[str]:
    """The real build, with the bench's own cache folder (beside the output)."""
    cache = output.parent / "cache"
    folders = [f"INPUTDIR={content}", f"OUTPUTDIR={output}", f"PELICANOPTS=--cache-path {cache}"]
    return ["make", "-s", "-o", ".venv/.installed", "html", *folders, "SEARCH=no"]


def clean_build(output: Path) -> None:
    """Nothing left from an earlier build: no output, no cache."""
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(output.parent / "cache", ignore_errors=True)


def daybook_rows(work: Path, days: int, updates: int, repeat: int) -> dict[str, str]:
    pages, content, output = work / "pages", work / "content", work / "output"
    shutil.copy(ROOT / "pelicanconf.py", work)
    megabytes = sum(p.stat().st_size for p in pages.glob("*.txt")) / 1e6
    daybook = [str(BIN / "daybook"), "import", "--no-archive", "--content", str(content)]
    import_time, import_peak = timed(
        [*daybook, *map(str, sorted(pages.glob("*.txt")))],
        repeat,
        prepare=lambda: shutil.rmtree(content, ignore_errors=True),
        cwd=work,
    )
    full, full_peak = timed(
        make_html(content, output),
        repeat,
        prepare=lambda: clean_build(output),
    )
    same, _ = timed(make_html(content, output), repeat)
    new_day = work / "new-day.txt"
    new_day.write_text(
        day_page(START + timedelta(days=days), updates, random.Random(days)), encoding="utf-8"
    )
    run(
        [str(BIN / "daybook"), "import", "--no-archive", "--content", str(content), str(new_day)],
        work,
    )
    one_new, _ = timed(make_html(content, output), 1)
    edited = sorted(content.rglob("*.md"))[days // 2]
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("Loading", "Loading (edited)", 1)
        + "\nEdited by hand.\n",
        encoding="utf-8",
    )
    one_edit, _ = timed(make_html(content, output), 1)
    return {
        "import": f"{megabytes / import_time:.2f} MB/s ({import_time:.1f} s, {import_peak} MB)",
        "full build": f"{full:.1f} s",
        "no-change rebuild": f"{same:.1f} s",
        "one new day": f"{one_new:.1f} s",
        "one edited day": f"{one_edit:.1f} s",
        "peak RSS (full build)": f"{full_peak} MB",
        "output size": f"{size_mb(output):.0f} MB",
    }


def pelican_rows(work: Path, days: int, updates: int, repeat: int) -> dict[str, str]:
    """Stock Pelican 4.12 on the same days: one Markdown article per day, default theme."""
    site = work / "pelican"
    content = site / "content"
    content.mkdir(parents=True)
    for page in sorted((work / "pages").glob("*.txt")):
        content.joinpath(page.stem + ".md").write_text(_article(page), encoding="utf-8")
    settings = site / "conf.py"
    settings.write_text(
        "SITENAME = 'Bench'\nSITEURL = ''\nTIMEZONE = 'UTC'\nPATH = 'content'\n"
        "FEED_DOMAIN = 'http://localhost:8000'\nFEED_ALL_ATOM = 'feeds/all.atom.xml'\n"
        "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nCACHE_PATH = 'cache'\n",
        encoding="utf-8",
    )
    command = [str(BIN / "pelican"), "content", "-o", "output", "-s", "conf.py", "-q"]

    def clean() -> None:
        shutil.rmtree(site / "output", ignore_errors=True)
        shutil.rmtree(site / "cache", ignore_errors=True)

    full, peak = timed(command, repeat, prepare=clean, cwd=site)
    cached, _ = timed(command, repeat, cwd=site)
    new = content / "new-day.md"
    new.write_text(_article(work / "new-day.txt"), encoding="utf-8")
    one_new, _ = timed(command, 1, cwd=site)
    return {
        "import": "n/a",
        "full build": f"{full:.1f} s",
        "no-change rebuild": f"{cached:.1f} s (cache on)",
        "one new day": f"{one_new:.1f} s (cache on)",
        "one edited day": "n/a",
        "peak RSS (full build)": f"{peak} MB",
        "output size": f"{size_mb(site / 'output'):.0f} MB",
    }


def _article(page: Path) -> str:
    """A saved day page as a Pelican article: one ## section per update."""
    lines = page.read_text(encoding="utf-8").splitlines()
    day = lines[4]
    body = "\n".join(
        "## " + line if re.match(r"^\d{4} GMT — ", line) else line
        for line in lines[6:]
        if "Loading" not in line
    )
    return f"Title: {day}\nDate: {page.stem}\n\n{body}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=100)
    parser.add_argument("--updates", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "bench")
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    run(
        [
            sys.executable,
            str(ROOT / "bench/generate.py"),
            str(args.work / "pages"),
            "--days",
            str(args.days),
            "--updates",
            str(args.updates),
        ]
    )
    columns = {
        "Daybook": daybook_rows(args.work, args.days, args.updates, args.repeat),
        "stock Pelican 4.12": pelican_rows(args.work, args.days, args.updates, args.repeat),
    }
    if shutil.which("hugo"):
        columns["Hugo"] = {"full build": "not wired yet"}
    rows = list(columns["Daybook"])
    print(f"\n{args.days} days x {args.updates} updates, median of {args.repeat}; SEARCH=no\n")
    print("| | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for row in rows:
        print(f"| {row} | " + " | ".join(col.get(row, "n/a") for col in columns.values()) + " |")


if __name__ == "__main__":
    main()
