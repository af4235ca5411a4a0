"""One import run: pages -> updates -> merged day files, all or nothing per page."""

from __future__ import annotations

import itertools
import json
import logging
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from bs4 import BeautifulSoup

from ..core.errors import DayFileError, SourceError
from ..core.model import Day, Timeline, Update, zone
from ..dayfile.codec import DayFileCodec, day_title
from ..dayfile.folder import day_path, write_text_atomic
from .assumptions import DAY_ZONE, ZONE, Assumption
from .attribution import body_source, byline, headline_source, signature
from .html import parse_html, visible_lines
from .layout import parse_page
from .merge import merge_day
from .noise import without_read_more
from .paragraphs import to_markdown
from .report import FileReport, ImportedUpdate
from .resolve import Timed, UndatedPageError, resolve
from .source import MAX_PAGE_BYTES, SavedPage, read_page
from .structured import StructuredPage, extract
from .text import ParsedPage, Skipped
from .zonechoice import (
    MissingZoneError,
    TimelineZones,
    ZoneChoice,
    choose_zones,
    missing_zone_message,
    needs_zone,
)
from .zones import language_zone

logger = logging.getLogger(__name__)
NO_TEXT = "timestamp with no text"


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the `daybook import` command was asked to do."""

    timeline: Timeline
    content_dir: Path
    archive_dir: Path | None = None
    """Where saved pages are kept (archive/); None: do not archive."""
    tz: str | None = None
    """--tz: the IANA zone of clock times printed without one; wins over the page's note."""
    default_date: date | None = None
    reference: datetime | None = None
    """When the page was saved: the reference for relative stamps ("3h ago"). Given without
    a zone (a wall-clock time), it is read in the zone the page's clock times are read in."""
    newest_first: bool | None = None
    """Force the page's reading order; None detects it."""
    dry_run: bool = False
    format: str = "auto"
    max_bytes: int = MAX_PAGE_BYTES
    recipe: tuple[tuple[str, str], ...] = ()
    """The options given on the command line, kept beside the archived page for re-import."""
    captured: datetime | None = None
    """When this import runs: the 'updated' time of text a new capture changed."""


@dataclass(frozen=True, slots=True)
class Found:
    """The updates read from one page, oldest first, with their source lines (0: none)."""

    items: tuple[tuple[int, Update], ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]
    newest_first: bool
    day_zone: str
    """The IANA zone the timeline's days are counted in."""
    assumptions: tuple[Assumption, ...] = ()


@dataclass
class Importer:
    """Imports pages one by one into the content folder, keeping pending days in memory."""

    options: ImportOptions
    codec: DayFileCodec = field(default_factory=DayFileCodec)
    _days: dict[Path, Day] = field(default_factory=dict)

    def import_page(self, path: Path) -> FileReport:
        """Import one saved page; raise SourceError (and write nothing) when it is unusable."""
        page = read_page(path, self.options.format, self.options.max_bytes)
        found = self._read_updates(page)
        timeline = self.options.timeline
        archived = self._archive_ref(path)
        new_capture = not self._already_archived(path)
        changed: dict[Path, Day] = {}
        imported: list[ImportedUpdate] = []
        content = self.options.content_dir
        for target, items in _by_day(found.items, timeline, found.day_zone, content).items():
            day = changed.get(target) or self._load_day(target, items[0][1], found.day_zone)
            merged = merge_day(
                day, [u for _, u in items], archived, new_capture, self.options.captured
            )
            changed[target] = merged.day
            for (line, _), (stored, status) in zip(items, merged.outcomes, strict=True):
                day_name = stored.published.astimezone(zone(day.timezone)).date().isoformat()
                imported.append(ImportedUpdate(stored, day_name, timeline.slug, status, line))
        written = () if self.options.dry_run else self._write(path, changed)
        self._days.update(changed)
        return FileReport(
            path=page.path,
            format=page.format,
            newest_first=found.newest_first,
            updates=tuple(sorted(imported, key=lambda u: u.update.published)),
            skipped=found.skipped,
            warnings=(*page.warnings, *found.warnings),
            written=written,
            assumptions=found.assumptions,
            day_zone=found.day_zone,
        )

    def known_zones(self) -> TimelineZones:
        """The timeline's zone as the settings, --tz and its existing day files give it."""
        timeline = self.options.timeline
        stored = None
        if not timeline.timezone:
            pending = [d.timezone for d in self._days.values() if d.timeline == timeline.slug]
            content = self.options.content_dir
            stored = pending[-1] if pending else stored_zone(content, timeline.slug)
        return TimelineZones(self.options.tz, timeline.timezone, stored)

    def _read_updates(self, page: SavedPage) -> Found:
        if page.format == "html":
            soup = parse_html(page.text)
            structured = self._structured(page, soup)
            if structured is not None:
                return structured
            return self._from_text(page.path, visible_lines(soup))
        return self._from_text(page.path, page.text)

    def _structured(self, page: SavedPage, soup: BeautifulSoup) -> Found | None:
        known = self.known_zones()
        fallback = known.option or known.configured or known.stored
        try:
            structured = extract(soup, zone(fallback) if fallback else None)
        except MissingZoneError as exc:
            raise SourceError(page.path, str(exc)) from exc
        if structured is None:
            return None
        markup = f"the page's {structured.method} markup"
        assumptions = [Assumption(ZONE, "as given with each timestamp", markup)]
        day_zone = known.configured or known.stored
        if not day_zone:
            spoken = language_zone(structured.language) if structured.language else None
            day_zone = known.option or spoken or structured.offset_zone or "UTC"
            source = (
                "--tz" if known.option
                else f"the page's language, lang={structured.language!r}" if spoken
                else f"the offset of the timestamps in {markup}"
            )  # fmt: skip
            value = f"{day_zone} (the timeline has no zone in the settings)"
            assumptions.append(Assumption(DAY_ZONE, value, source))
        return _from_structured(structured, day_zone, tuple(assumptions))

    def _from_text(self, path: str, text: str) -> Found:
        parsed = parse_page(text)
        if not parsed.drafts:
            raise SourceError(path, "no updates found (no lines such as '1808 GMT — Headline')")
        options = self.options
        choice = self._zones(path, parsed)
        reference = options.reference
        if reference is not None and reference.tzinfo is None:
            reference = reference.replace(tzinfo=choice.clock or zone(choice.day_zone))
        try:
            resolution = resolve(
                parsed,
                options.default_date,
                choice.clock or zone(choice.day_zone),
                reference,
                options.newest_first,
            )
        except UndatedPageError as exc:
            raise SourceError(path, str(exc)) from exc
        items, empty = _chronological(resolution.timed, resolution.newest_first)
        return Found(
            items=tuple(items),
            skipped=tuple(sorted([*parsed.skipped, *empty], key=lambda s: s.line)),
            warnings=(*parsed.warnings, *choice.warnings, *resolution.warnings),
            newest_first=resolution.newest_first,
            day_zone=choice.day_zone,
            assumptions=(*choice.assumptions, *resolution.assumptions),
        )

    def _zones(self, path: str, parsed: ParsedPage) -> ZoneChoice:
        """The page's zones; a page whose clock times have no zone anywhere is refused."""
        near = parsed.page_date or next((d for d in parsed.block_dates if d), None)
        choice = choose_zones(parsed, self.known_zones(), near or self.options.default_date)
        if choice.clock is None and needs_zone(parsed):
            raise SourceError(path, missing_zone_message(parsed))
        return choice

    def _load_day(self, target: Path, first: Update, day_zone: str) -> Day:
        if target in self._days:
            return self._days[target]
        if target.exists():
            try:
                text = target.read_text(encoding="utf-8")
                return self.codec.loads(text, str(target), self.options.timeline.slug)
            except (DayFileError, UnicodeDecodeError) as exc:
                reason = f"existing day file is broken, fix it first: {exc}"
                raise SourceError(str(target), reason) from exc
        timeline = self.options.timeline
        local = first.published.astimezone(zone(day_zone)).date()
        return Day(
            timeline=timeline.slug,
            date=local,
            timezone=day_zone,
            updates=(),
            title=day_title(timeline.title, local),
        )

    def _archive_ref(self, path: Path) -> str | None:
        """Where the page is kept in the archive, relative to the project; checked for clashes."""
        if self.options.archive_dir is None:
            return None
        archive = self.options.archive_dir.resolve()
        target = archive / self.options.timeline.slug / path.name
        if (
            target.exists()
            and not target.samefile(path)
            and target.read_bytes() != path.read_bytes()
        ):
            reason = f"{target} already holds a different page of that name; rename one"
            raise SourceError(str(path), reason)
        return target.relative_to(archive.parent).as_posix()

    def _already_archived(self, path: Path) -> bool:
        """True when this very page was imported before (an older capture, not a new one)."""
        if self.options.archive_dir is None:
            return False
        target = self.options.archive_dir / self.options.timeline.slug / path.name
        return target.exists() and target.read_bytes() == path.read_bytes()

    def _write(self, source: Path, changed: dict[Path, Day]) -> tuple[str, ...]:
        written: list[str] = []
        if self.options.archive_dir is not None:
            target = self.options.archive_dir / self.options.timeline.slug / source.name
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                written.append(str(target))
            if self.options.recipe:
                recipe = target.with_name(target.name + ".import.json")
                text = json.dumps(dict(self.options.recipe), indent=2, sort_keys=True) + "\n"
                if write_text_atomic(recipe, text):
                    written.append(str(recipe))
        for target, day in sorted(changed.items()):
            if write_text_atomic(target, self.codec.dumps(day)):
                logger.info("daybook: wrote %s", target)
                written.append(str(target))
        return tuple(written)


def build_update(item: Timed) -> Update:
    """The Update for a resolved draft: body as Markdown, source pulled from the text."""
    draft = item.draft
    source, paragraphs = body_source([without_read_more(p) for p in draft.paragraphs])
    signed, paragraphs = signature(paragraphs)
    named, agency, paragraphs = byline(paragraphs, draft.headline)
    return Update(
        published=item.published,
        headline=draft.headline,
        body=to_markdown(paragraphs),
        source=source or agency or headline_source(draft.headline),
        author=draft.author or signed or named,
        untimed=draft.stamp is None,
    )


def _from_structured(
    page: StructuredPage, day_zone: str, assumptions: tuple[Assumption, ...]
) -> Found:
    """Updates from markup carry exact instants; the page order plays no part."""
    updates = sorted(
        (
            Update(
                published=u.published,
                headline=u.headline,
                body=u.body,
                source=headline_source(u.headline),
                author=u.author,
                key=u.key,
                origin=u.origin,
                updated=u.updated if u.updated and u.updated > u.published else None,
            )
            for u in page.updates
        ),
        key=lambda u: u.published,
    )
    note = f"updates read from the page's {page.method} markup"
    return Found(tuple((0, u) for u in updates), (), (note,), True, day_zone, assumptions)


def _chronological(
    timed: tuple[Timed, ...], newest_first: bool
) -> tuple[list[tuple[int, Update]], list[Skipped]]:
    """Updates oldest first; within one minute, the page's own order is kept."""
    order = range(len(timed) - 1, -1, -1) if newest_first else range(len(timed))
    items = [(timed[i].draft.line, build_update(timed[i])) for i in order]
    items.sort(key=lambda pair: pair[1].published)
    empty = [Skipped(line, "", NO_TEXT) for line, u in items if not (u.headline or u.body)]
    return [(line, u) for line, u in items if u.headline or u.body], empty


def stored_zone(content_dir: Path, slug: str) -> str | None:
    """The zone the timeline's latest day file was written in, or None if it has none."""
    folder = content_dir / slug
    days = sorted(folder.glob("[0-9][0-9][0-9][0-9]/*.md")) if folder.is_dir() else []
    for path in reversed(days):
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in itertools.islice(handle, 12):
                if line.lower().startswith("timezone:"):
                    return line.split(":", 1)[1].strip() or None
    return None


def _by_day(
    items: tuple[tuple[int, Update], ...], timeline: Timeline, day_zone: str, content_dir: Path
) -> dict[Path, list[tuple[int, Update]]]:
    tz = zone(day_zone)
    groups: dict[Path, list[tuple[int, Update]]] = {}
    for item in items:
        local = item[1].published.astimezone(tz)
        groups.setdefault(day_path(content_dir, timeline.slug, local.date()), []).append(item)
    return groups
