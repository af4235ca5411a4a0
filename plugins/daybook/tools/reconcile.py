"""`daybook check`: every archived update is in content once, on its day page and in the feeds.

archive/ holds the saved pages, content/ the day files made from them, output/ the built site.
Each link of that chain is checked; anything missing or doubled is named, update by update.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from lxml import etree

from ..core.errors import SourceError
from ..core.model import Day, Timeline
from ..core.settings import DaybookSettings
from ..core.urls import day_url
from ..dayfile.codec import DayFileCodec
from ..dayfile.folder import load_days
from ..importer.merge import NEW
from ..importer.run import Importer, ImportOptions
from .permalinks import update_anchors

RECIPE_SUFFIX = ".import.json"
_ATOM = "{http://www.w3.org/2005/Atom}"
# The site-relative part of an absolute permalink, whatever the site's base URL.
_PERMALINK_TAIL = re.compile(r"([^/]+/\d{4}/\d{2}/\d{2}/#[^/]+)$")


@dataclass
class Reconciliation:
    """Counts along the chain, and every problem found."""

    pages: int = 0
    archived_updates: int = 0
    days: int = 0
    updates: int = 0
    day_pages: int = 0
    anchors: int = 0
    feed_items: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line of counts."""
        return (
            f"archive: {self.pages} pages, {self.archived_updates} updates; "
            f"content: {self.days} days, {self.updates} updates; "
            f"output: {self.day_pages} day pages, {self.anchors} update anchors, "
            f"{self.feed_items} feed items; {len(self.problems)} problems"
        )


def reconcile(
    settings: DaybookSettings, archive: Path, content: Path, output: Path
) -> Reconciliation:
    """Check the whole chain from saved pages to the built site."""
    result = Reconciliation()
    days, errors = load_days(content, DayFileCodec())
    result.problems += [f"content: {error}" for error in errors]
    result.days, result.updates = len(days), sum(len(d.updates) for d in days)
    for day in days:
        result.problems += _doubled(day)
    _check_archive(settings, archive, content, result)
    _check_output(days, output, result)
    return result


def _doubled(day: Day) -> list[str]:
    seen = Counter((u.published, u.headline, u.body) for u in day.updates)
    return [
        f"content: {day.timeline} {day.date} #{u.anchor} appears more than once"
        for u in day.updates
        if seen[(u.published, u.headline, u.body)] > 1
    ]


def _check_archive(
    settings: DaybookSettings, archive: Path, content: Path, result: Reconciliation
) -> None:
    for page in sorted(
        p for p in archive.glob("*/*") if p.is_file() and not p.name.endswith(RECIPE_SUFFIX)
    ):
        result.pages += 1
        timeline = settings.timeline(page.parent.name)
        try:
            report = Importer(_options(timeline, content, page)).import_page(page)
        except SourceError as exc:
            result.problems.append(f"archive: {exc}")
            continue
        result.archived_updates += len(report.updates)
        for found in report.updates:
            if found.status == NEW:
                name = found.update.headline or found.update.body[:60]
                when = f"{found.update.published:%Y-%m-%d %H:%M} UTC"
                where = f"{page.relative_to(archive.parent)} line {found.line}"
                result.problems.append(
                    f"archive: {where}: update of {when} {name!r} is not in content"
                )


def _options(timeline: Timeline, content: Path, page: Path) -> ImportOptions:
    """Import options as recorded when *page* was imported (a recipe beside it, if any)."""
    recipe_path = page.with_name(page.name + RECIPE_SUFFIX)
    recipe = json.loads(recipe_path.read_text(encoding="utf-8")) if recipe_path.exists() else {}
    order = {"newest-first": True, "oldest-first": False}.get(recipe.get("order", ""))
    return ImportOptions(
        timeline=timeline,
        content_dir=content,
        tz=recipe.get("tz"),
        default_date=date.fromisoformat(recipe["date"][:10]) if "date" in recipe else None,
        reference=datetime.fromisoformat(recipe["date"]) if "T" in recipe.get("date", "") else None,
        newest_first=order,
        dry_run=True,
        format=recipe.get("format", "auto"),
    )


def _check_output(days: list[Day], output: Path, result: Reconciliation) -> None:
    feed_ids = _feed_ids(output)
    result.feed_items = len(feed_ids)
    wanted: set[str] = set()
    for day in days:
        url = day_url(day.timeline, day.date)
        page = output / url / "index.html"
        anchors = [u.anchor for u in day.updates]
        wanted.update(f"{url}#{anchor}" for anchor in anchors)
        if not page.exists():
            result.problems.append(f"output: /{url} is missing ({len(anchors)} updates)")
            continue
        result.day_pages += 1
        shown = set(update_anchors(page.read_text(encoding="utf-8")))
        result.anchors += len(shown)
        result.problems += [
            f"output: /{url}#{a} is not on its day page" for a in anchors if a not in shown
        ]
        result.problems += [
            f"output: /{url}#{a} has no update in content" for a in sorted(shown - set(anchors))
        ]
    suffixes = {match.group(1) for entry in feed_ids if (match := _PERMALINK_TAIL.search(entry))}
    result.problems += [f"feeds: /{link} is in no feed" for link in sorted(wanted - suffixes)]
    result.problems += [
        f"feeds: item /{link} has no update in content" for link in sorted(suffixes - wanted)
    ]


def _feed_ids(output: Path) -> set[str]:
    """Entry ids of the site-wide Atom feed and its archive pages."""
    documents = [
        output / "feeds/all.atom.xml",
        *sorted((output / "feeds/archive/all").glob("*.atom.xml")),
    ]
    ids: set[str] = set()
    for document in documents:
        if document.exists():
            root = etree.parse(str(document)).getroot()
            ids.update(e.findtext(f"{_ATOM}id", "") for e in root.iter(f"{_ATOM}entry"))
    return ids
