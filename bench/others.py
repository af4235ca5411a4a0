"""The same days as stock Pelican and Hugo sites, for `make bench` to time beside Daybook.

Each day becomes one article (Pelican: Python-Markdown, its default theme, its feeds, its
content cache on; Hugo: one page per day in a section, minimal layouts, its default RSS).
"""

from __future__ import annotations

import re
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
    work, pages, repeat, fresh = bench.work, bench.pages, bench.repeat, bench.fresh
    site = work / "pelican"
    content = site / "content"
    content.mkdir(parents=True)
    for page in pages:
        title, day, body = article(page)
        (content / f"{day}.md").write_text(f"Title: {title}\nDate: {day}\n\n{body}\n", "utf-8")
    (site / "conf.py").write_text(
        "SITENAME = 'Bench'\nSITEURL = ''\nTIMEZONE = 'UTC'\nPATH = 'content'\n"
        "FEED_DOMAIN = 'http://localhost:8000'\nFEED_ALL_ATOM = 'feeds/all.atom.xml'\n"
        "CACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\nCACHE_PATH = 'cache'\n",
        encoding="utf-8",
    )
    command = [str(pelican), "content", "-o", "output", "-s", "conf.py", "-q"]

    def clean() -> None:
        fresh(site / "output")
        fresh(site / "cache")

    full = timed(command, site, repeat, prepare=clean)
    cached = timed(command, site, repeat)
    added = iter(bench.new_days("pelican"))

    def add_day() -> None:
        title, day, body = article(next(added))
        (content / f"{day}.md").write_text(f"Title: {title}\nDate: {day}\n\n{body}\n", "utf-8")

    one_new = timed(command, site, repeat, prepare=add_day)
    return _rows(full, cached, one_new, site / "output", "(cache on)")


def hugo_rows(bench: Bench, hugo: str) -> dict[str, str]:
    """Hugo (Debian's) on the same days: one page per day, minimal layouts, default RSS."""
    work, pages, repeat, fresh = bench.work, bench.pages, bench.repeat, bench.fresh

    site = work / "hugo"
    content = site / "content" / "days"
    content.mkdir(parents=True)
    for name, text in HUGO_LAYOUTS.items():
        path = site / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (site / "hugo.toml").write_text(
        'baseURL = "http://localhost:8000/"\ntitle = "Bench"\n', encoding="utf-8"
    )
    for page in pages:
        _hugo_page(content, page)
    command = [hugo, "--quiet"]

    def clean() -> None:
        fresh(site / "public")
        fresh(site / "resources")

    full = timed(command, site, repeat, prepare=clean)
    again = timed(command, site, repeat)
    added = iter(bench.new_days("hugo"))
    one_new = timed(command, site, repeat, prepare=lambda: _hugo_page(content, next(added)))
    return _rows(full, again, one_new, site / "public", "")


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
