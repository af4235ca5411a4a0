"""The data passed between stages: Update, Day and Timeline (frozen, typed, tz-aware)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import SettingsError
from .mdtext import one_line, strip_control


def require_aware(value: datetime, what: str) -> datetime:
    """Return *value* in UTC; a naive datetime is a programming error, never guessed."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got {value!r}")
    return value.astimezone(UTC)


def utc_text(value: datetime) -> str:
    """An instant as ISO 8601 in UTC to the second: ``2024-04-04T18:08:00Z`` (the form day
    files, pages, feeds and capture records all write)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def zone(name: str) -> ZoneInfo:
    """Look up an IANA time zone, with a user-facing error for an unknown name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingsError(f"unknown time zone {name!r}") from exc


@dataclass(frozen=True, slots=True)
class Update:
    """One timestamped entry of a live blog."""

    published: datetime
    """The exact instant, stored in UTC (any aware datetime is converted)."""
    headline: str
    """Plain text; "" where the source has none."""
    body: str
    """Markdown."""
    anchor: str = ""
    """The id on the day page; empty until assigned, then never changed."""
    source: str | None = None
    """Agency or outlet the update is attributed to ("Reuters")."""
    author: str | None = None
    key: bool = False
    """Flagged as a key event."""
    tags: tuple[str, ...] = ()
    origin: str | None = None
    """URL of the archived page the update came from, when known."""
    untimed: bool = False
    """The page gave no clock time: *published* only carries the date and the page's order."""
    digest: str | None = None
    """Hash of headline and body as last imported: tells a hand edit from a new capture."""
    updated: datetime | None = None
    """When the outlet last changed the text (from the page, or the capture that showed it)."""

    def __post_init__(self) -> None:
        # Normalised here, once, so no stage can pass on a two-line headline or a control
        # character that XML (and so every feed) forbids.
        text = strip_control(self.body.replace("\r\n", "\n").replace("\r", "\n"))
        object.__setattr__(self, "body", text.strip("\n"))
        object.__setattr__(self, "headline", one_line(self.headline))
        object.__setattr__(self, "source", one_line(self.source or "") or None)
        object.__setattr__(self, "author", one_line(self.author or "") or None)
        object.__setattr__(self, "origin", one_line(self.origin or "") or None)
        tags = (one_line(tag.replace(",", " ")) for tag in self.tags)
        object.__setattr__(self, "tags", tuple(tag for tag in tags if tag))
        object.__setattr__(self, "published", require_aware(self.published, "Update.published"))
        if self.updated is not None:
            updated = require_aware(self.updated, "Update.updated").replace(microsecond=0)
            object.__setattr__(self, "updated", updated)


@dataclass(frozen=True, slots=True)
class Day:
    """All updates of one timeline on one local date, oldest first."""

    timeline: str
    date: date
    timezone: str
    """IANA name of the zone the day and its clock times are counted in."""
    updates: tuple[Update, ...]
    title: str = ""
    summary: str = ""
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    """Archived pages (paths or URLs) the updates were imported from."""
    intro: str = ""
    """Markdown written above the first update (hand-written notes), kept as is."""

    def local(self, update: Update) -> datetime:
        """The update's instant on this day's wall clock."""
        return update.published.astimezone(zone(self.timezone))


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_slug(slug: str, where: str) -> str:
    """*slug* if it is a timeline slug (lowercase letters, digits, hyphens); else SettingsError.

    Slugs become folder names under content/ and archive/, so "../x" must never pass.
    """
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise SettingsError(
            f"{where}: timeline {slug!r} is not a slug (lowercase letters, digits and single "
            "hyphens, e.g. 'russia-ukraine-war')"
        )
    return slug


@dataclass(frozen=True, slots=True)
class Timeline:
    """A series of days about one story, with its own slug, title and time zone."""

    slug: str
    title: str
    timezone: str | None = None
    """IANA zone its days are counted in; None: not set, the importer takes the first
    page's zone (and keeps it in the day files)."""
    start: date | None = None
    """First day of the story, for "Day N" numbering."""
    description: str = ""
