"""The same days as stock Pelican and Hugo sites, for `make bench` to time beside Daybook.

Each day becomes one article (Pelican: Python-Markdown, its default theme, its feeds, its
content cache on; Hugo: one page per day in a section, minimal layouts, its default RSS).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from bench.measure import Run, file_count, size_mb, timed

_STAMP = re.compile(r"^\d{4} GMT — ")
HUGO_LAYOUTS = {
    "_default/baseof.html": "<!doctype html><html lang=en><head><meta charset=utf-8>"
    '<title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>\n',
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}'
    '{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'
    '{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}\n',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n',
}


def article(page: Path) -> tuple[str, str, str]:
    """(title, date, Markdown body) of a saved day page: one ## section per update."""
    lines = page.read_text(encoding="utf-8").splitlines()
    body = "\n".join(
        "## " + line if _STAMP.match(line) else line for line in lines[6:] if "Loading" not in line
    )
    return lines[4], page.stem, body


class Bench(Protocol):
    """What the other tools' runs need of the bench."""

    work: Path
    pages: list[Path]
    repeat: int

    def fresh(self, folder: Path) -> None: ...

    def new_days(self, tag: str) -> list[Path]: ...


def pelican_rows(bench: Bench, pelican: Path) -> dict[str, str]:
    """Stock Pelican 4.12 on the same days, its content cache on for the rebuilds."""
    site = bench.work / "pelican"
    content = site / "content"
    content.mkdir(parents=True)
    for page in bench.pages:
        title, day, body = article(page)
        (content / f"{day}.md").write_text(f"Title: {title}\nDate: {day}\n\n{body}\n", "utf-8")
    (site / "conf.py").write_text(
        "SITENAME = 'Bench'\nSITEURL = ''\nTIMEZONE = 'UTC'\nPATH = 'content'\n"
        "FEED_DOMAIN = 'http://localhost:8000'\nFEED_ALL_ATOM = 'feeds/all.atom.xml'\n"
        "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nCACHE_PATH = 'cache'\n",
        encoding="utf-8",
    )
    command = [str(pelican), "content", "-o", "output", "-s", "conf.py", "-q"]

    def add_day(page: Path) -> None:
        title, day, body = article(page)
        (content / f"{day}.md").write_text(f"Title: {title}\nDate: {day}\n\n{body}\n", "utf-8")

    return _time_site(
        bench, SiteRun("pelican", command, ("output", "cache"), add_day, "(cache on)")
    )


def hugo_rows(bench: Bench, hugo: str) -> dict[str, str]:
    """Hugo (Debian's) on the same days: one page per day, minimal layouts, default RSS."""
    site = bench.work / "hugo"
    content = site / "content" / "days"
    content.mkdir(parents=True)
    for name, text in HUGO_LAYOUTS.items():
        path = site / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (site / "hugo.toml").write_text(
        'baseURL = "http://localhost:8000/"\ntitle = "Bench"\n', encoding="utf-8"
    )
    for page in bench.pages:
        _hugo_page(content, page)
    add_day = partial(_hugo_page, content)
    return _time_site(bench, SiteRun("hugo", [hugo, "--quiet"], ("public", "resources"), add_day))


@dataclass(frozen=True)
class SiteRun:
    """How to build one tool's site and add a day to it."""

    name: str
    command: list[str]
    outputs: tuple[str, ...]
    """Folders a clean build starts without (the first is the output)."""
    add_day: Callable[[Path], None]
    note: str = ""


def _time_site(bench: Bench, run: SiteRun) -> dict[str, str]:
    """A full build from empty folders, a rebuild, and one new day per timed run."""
    site = bench.work / run.name

    def clean() -> None:
        for folder in run.outputs:
            bench.fresh(site / folder)

    full = timed(run.command, site, bench.repeat, prepare=clean)
    again = timed(run.command, site, bench.repeat)
    added = iter(bench.new_days(run.name))
    one_new = timed(run.command, site, bench.repeat, prepare=lambda: run.add_day(next(added)))
    return _rows(full, again, one_new, site / run.outputs[0], run.note)


def _hugo_page(content: Path, page: Path) -> None:
    title, day, body = article(page)
    front = f'---\ntitle: "{title}"\ndate: {day}\n---\n\n'
    (content / f"{day}.md").write_text(front + body + "\n", encoding="utf-8")


def _rows(full: Run, again: Run, one_new: Run, output: Path, note: str) -> dict[str, str]:
    suffix = f" {note}" if note else ""
    return {
        "full build": f"{full.seconds:.2f} s",
        "no-change rebuild": f"{again.seconds:.2f} s{suffix}",
        "one new day": f"{one_new.seconds:.2f} s{suffix}",
        "peak memory (full build)": f"{full.peak_mb:.0f} MB",
        "output": f"{size_mb(output):.0f} MB, {file_count(output)} files",
        "_full": f"{full.seconds}",
        "_new": f"{one_new.seconds}",
    }
