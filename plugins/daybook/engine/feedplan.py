"""The site's feeds planned from day summaries: every document, its key, and how to write it.

Updates are numbered once, in the order of the summaries (timeline, then date, then feed
order within the day), so a timeline's items are one contiguous range and a document's items
are a few runs of days. A document's key is the days' digests and where in them it starts and
stops: computing it touches a few days, not fifty items, and rendering a document loads only
the days it covers.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from ..core.urls import day_url
from ..render.feeds import (
    ATOM,
    KINDS,
    MEDIA_TYPES,
    FeedInfo,
    PageSlot,
    document,
    feed_path,
    page_slots,
)
from .records import DaySummary

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class ItemTable:
    """Every update of the site, numbered: summary *i* holds items offsets[i] to offsets[i+1]."""

    def __init__(self, days: Sequence[DaySummary]) -> None:
        self.days = days
        self.offsets = [0]
        for day in days:
            self.offsets.append(self.offsets[-1] + day.count)

    def __len__(self) -> int:
        return self.offsets[-1]

    def locate(self, number: int) -> tuple[int, int]:
        """(summary index, item index within it) of item *number*."""
        day = bisect.bisect_right(self.offsets, number) - 1
        return day, number - self.offsets[day]

    def runs(self, members: Sequence[int]) -> list[tuple[str, int, int]]:
        """(day digest, first item, item count) of each run of one day's items in *members*."""
        runs: list[tuple[str, int, int]] = []
        if isinstance(members, range) and members.step == 1:
            # A contiguous range: find the days at its ends, the ones between are whole.
            number = members.start
            while number < members.stop:
                day, first = self.locate(number)
                count = min(self.days[day].count - first, members.stop - number)
                runs.append((self.days[day].digest, first, count))
                number += count
            return runs
        for number in members:
            day, first = self.locate(number)
            digest = self.days[day].digest
            if runs and runs[-1][0] == digest and runs[-1][1] + runs[-1][2] == first:
                runs[-1] = (digest, runs[-1][1], runs[-1][2] + 1)
            else:
                runs.append((digest, first, 1))
        return runs

    def order_key(self, number: int) -> tuple[int, str]:
        """Feed order across timelines: by instant, then by permalink."""
        day, index = self.locate(number)
        summary = self.days[day]
        url = day_url(summary.timeline, summary.date)
        return summary.published[index], f"{url}#{summary.anchors[index]}"


@dataclass(frozen=True, slots=True)
class FeedDocument:
    """One file of a feed: a format and a page of its items."""

    path: str
    kind: str
    slot: PageSlot
    key: str


@dataclass(frozen=True, slots=True)
class FeedPlan:
    """One feed: what it says about itself and which updates it holds, oldest first."""

    info: FeedInfo
    members: Sequence[int]
    """Item numbers (see ItemTable), oldest first."""
    documents: tuple[FeedDocument, ...]

    @property
    def count(self) -> int:
        """Number of updates in the feed."""
        return len(self.members)

    def links(self) -> list[tuple[str, str, str]]:
        """(kind, media type, site-relative path) of its subscription documents."""
        return [(kind, MEDIA_TYPES[kind], feed_path(self.info.name, kind)) for kind in KINDS]


def plan_feed(
    table: ItemTable,
    info: FeedInfo,
    members: Sequence[int],
    per_page: int,
    salt: str,
) -> FeedPlan:
    """A feed's documents, each with its key: the subscription document in every format and,
    when the feed keeps archives, RFC 5005 archive pages of its older items in Atom only (a
    reader walks back through a timeline in one format; three copies would triple the site)."""
    documents = []
    feed_key = hashlib.sha1(repr((salt, info)).encode())  # once per feed, copied per document
    for slot in page_slots(len(members), per_page):
        if slot.number is not None and not info.archived:
            break  # the archive pages follow the subscription document
        runs = table.runs(members[slot.start : slot.stop])
        for kind in KINDS if slot.number is None else (ATOM,):
            linked = slot if info.archived and kind == ATOM else replace(slot, prev_archive=None)
            place = (linked.number, linked.start, linked.stop, linked.prev_archive,
                     linked.next_archive)  # fmt: skip
            digest = feed_key.copy()
            digest.update(repr((place, runs)).encode())
            path = feed_path(info.name, kind, slot.number)
            documents.append(FeedDocument(path, kind, linked, f"{digest.hexdigest()}.{kind}"))
    return FeedPlan(info, members, tuple(documents))


@dataclass(frozen=True, slots=True)
class DocumentGroup:
    """Stale documents holding the same updates, in any format: their entries are made once.

    On a site with one timeline, the site feed and the timeline's feed page alike, so each
    update's entries serve six documents.
    """

    members: Sequence[int]
    """The documents' item numbers, oldest first."""
    documents: tuple[tuple[FeedPlan, FeedDocument], ...]


def group_documents(stale: Sequence[tuple[FeedPlan, FeedDocument]]) -> list[DocumentGroup]:
    """*stale* documents grouped by the updates they hold, in the order first seen."""
    groups: dict[object, tuple[Sequence[int], list[tuple[FeedPlan, FeedDocument]]]] = {}
    for plan, doc in stale:
        members = plan.members[doc.slot.start : doc.slot.stop]
        identity = (members.start, members.stop) if isinstance(members, range) else tuple(members)
        groups.setdefault(identity, (members, []))[1].append((plan, doc))
    return [DocumentGroup(members, tuple(docs)) for members, docs in groups.values()]


def render_group(
    table: ItemTable,
    group: DocumentGroup,
    entry_of: Callable[[DaySummary, int, str], bytes],
) -> list[tuple[str, bytes]]:
    """(path, bytes) of each document of *group*; *entry_of* gives an update's entry in a
    format by its day and its position in the day."""
    newest = 0
    located = []
    for number in reversed(group.members):
        day, index = table.locate(number)
        summary = table.days[day]
        newest = max(newest, summary.changed[index])
        located.append((summary, summary.positions[index]))
    updated = _EPOCH + timedelta(microseconds=newest) if located else None
    return [
        (doc.path, document(plan.info, doc.kind, doc.slot, updated,
                            [entry_of(day, position, doc.kind) for day, position in located]))
        for plan, doc in group.documents
    ]  # fmt: skip
