"""One day file read and rendered: its updates as pages and feeds show them.

A record is made once per version of a day file and kept (daybook.engine.store), so a build
renders a day's Markdown only when the file changed; everything about many days is planned
from the small summary each record gives.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..core.model import Day, Update, utc_text, zone
from ..core.urls import day_url
from ..dayfile.codec import DayFileCodec
from ..dayfile.folder import read_day
from ..render.feeds import ATOM, entry_text
from ..render.markdown import body_html, first_words, html_text
from ..render.views import UpdateView

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TaggedUpdate:
    """What a tag page lists of an update."""

    anchor: str
    title: str
    iso: str
    clock: str
    zone_label: str
    published: datetime
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DaySummary:
    """A day as the pages about many days see it: its counts, feed items and tagged updates.

    The feed items are columns, in feed order (by publication, then anchor): a long
    archive's summaries are read on every build, and a few tuples per day load far faster
    than a tuple per update.
    """

    timeline: str
    date: date
    digest: str
    """Hash of the day file's bytes."""
    count: int
    last_change: datetime | None
    anchors: tuple[str, ...]
    published: tuple[int, ...]
    """Each item's publication, in microseconds since 1970."""
    changed: tuple[int, ...]
    """Each item's last change (publication or update), in microseconds since 1970."""
    positions: tuple[int, ...]
    """Where each item sits in the day's record."""
    tagged: tuple[TaggedUpdate, ...]

    def to_plain(self) -> tuple[Any, ...]:
        """The summary as plain tuples (for marshal)."""
        last = _micros(self.last_change) if self.last_change else None
        tagged = tuple(
            (t.anchor, t.title, t.iso, t.clock, t.zone_label, _micros(t.published), t.tags)
            for t in self.tagged
        )
        return (self.timeline, self.date.toordinal(), self.digest, self.count, last,
                self.anchors, self.published, self.changed, self.positions, tagged)  # fmt: skip

    @classmethod
    def from_plain(cls, plain: tuple[Any, ...]) -> DaySummary:
        """The summary to_plain() gave."""
        timeline, ordinal, digest, count, last, anchors, published, changed, positions = plain[:9]
        return cls(
            timeline, date.fromordinal(ordinal), digest, count,
            _from_micros(last) if last is not None else None,
            anchors, published, changed, positions,
            tuple(_tagged(t) for t in plain[9]),
        )  # fmt: skip


def _tagged(plain: tuple[Any, ...]) -> TaggedUpdate:
    anchor, title, iso, clock, zone_label, published, tags = plain
    return TaggedUpdate(anchor, title, iso, clock, zone_label, _from_micros(published), tags)


@dataclass(frozen=True, slots=True)
class DayRecord:
    """A rendered day file: its updates, oldest first, bodies rendered and sanitized."""

    timeline: str
    date: date
    timezone: str
    digest: str
    updates: tuple[UpdateView, ...]
    """Oldest first, as in the day file."""
    entries: tuple[bytes, ...] = ()
    """Each update's Atom entry (render.feeds.entry_text), made once with the record: an
    unchanged update is never serialised again. (RSS and JSON Feed entries are made only for
    the subscription documents that hold them.)"""

    def summary(self) -> DaySummary:
        """What plans of the whole site need of this day."""
        order = sorted(range(len(self.updates)), key=lambda i: _feed_order(self.updates[i]))
        feed = [self.updates[i] for i in order]
        tagged = tuple(
            TaggedUpdate(u.anchor, u.title, u.iso, u.clock, u.zone_label, u.published, u.tags)
            for u in self.updates
            if u.tags
        )
        last = max((u.updated or u.published for u in self.updates), default=None)
        return DaySummary(
            self.timeline, self.date, self.digest, len(self.updates), last,
            tuple(u.anchor for u in feed), tuple(_micros(u.published) for u in feed),
            tuple(_micros(u.updated or u.published) for u in feed), tuple(order), tagged,
        )  # fmt: skip

    def to_bytes(self) -> bytes:
        """The record as marshal data: plain tuples, several times quicker to load than pickle."""
        rows = tuple(_row(u) for u in self.updates)
        day = (self.timeline, self.date.toordinal(), self.timezone, self.digest)
        return marshal.dumps((_RECORD_FORMAT, day, rows, self.entries))

    @classmethod
    def from_bytes(cls, data: bytes) -> DayRecord:
        """The record *data* holds; ValueError if it is not one (or of another version)."""
        form, (timeline, ordinal, timezone, digest), rows, entries = marshal.loads(data)
        if form != _RECORD_FORMAT:
            raise ValueError(f"record format {form!r}")
        views = tuple(_view(row) for row in rows)
        return cls(timeline, date.fromordinal(ordinal), timezone, digest, views, entries)


_RECORD_FORMAT = "daybook-record-4"


def _row(u: UpdateView) -> tuple[Any, ...]:
    updated = _micros(u.updated) if u.updated else None
    text = (u.anchor, u.headline, u.title, str(u.html), u.iso, u.clock, u.zone_label, u.permalink)
    return (*text, _micros(u.published), updated, u.key, u.tags, u.source, u.author)


def _view(row: tuple) -> UpdateView:  # type: ignore[type-arg]
    anchor, headline, title, html, iso, clock, zone_label, permalink, published, updated = row[:10]
    key, tags, source, author = row[10:]
    return UpdateView(
        anchor, headline, title, Markup(html), iso, clock, zone_label, permalink,
        _from_micros(published),
        _from_micros(updated) if updated is not None else None,
        key, tags, source, author,
    )  # fmt: skip


def digest_of(data: bytes) -> str:
    """The content hash day files are known by."""
    return hashlib.sha1(data).hexdigest()


def make_record(
    codec: DayFileCodec, data: bytes, path: Path, timeline: str, base_url: str
) -> DayRecord:
    """Read and render one day file, its Atom entries under *base_url* too; DayFileError if
    it breaks the format or its place."""
    day = read_day(codec, data, path, timeline)
    tz = zone(day.timezone)
    views = tuple(_update_view(day, update, tz) for update in day.updates)
    entries = tuple(entry_text(view, base_url, ATOM) for view in views)
    return DayRecord(day.timeline, day.date, day.timezone, digest_of(data), views, entries)


def _update_view(day: Day, update: Update, tz: tzinfo) -> UpdateView:
    local = update.published.astimezone(tz)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    html = body_html(update.body)
    title = update.headline or (first_words(html_text(html)) if html else "") or clock
    return UpdateView(
        anchor=update.anchor,
        headline=update.headline,
        title=title,
        html=Markup(html),
        iso=utc_text(update.published),
        clock=clock,
        zone_label=local.tzname() or day.timezone,
        permalink=f"{day_url(day.timeline, day.date)}#{update.anchor}",
        published=update.published,
        updated=update.updated,
        key=update.key,
        tags=update.tags,
        source=update.source,
        author=update.author,
    )


def _feed_order(update: UpdateView) -> tuple[datetime, str]:
    return update.published, update.anchor


def _from_micros(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)


def _micros(value: datetime) -> int:
    delta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
