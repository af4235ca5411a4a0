"""From clock times on a page to exact instants: reading order, midnight rollover, zones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import pairwise

from .text import Draft, ParsedPage
from .zones import resolve_zone

# A later clock time further down a newest-first page is either an item posted out of
# order (a pinned or late-inserted post: minutes to an hour or two off) or the previous
# evening (midnight crossed). Jumps larger than this are read as the latter.
ROLLOVER_MINUTES = 180


@dataclass(frozen=True, slots=True)
class Timed:
    """A draft with its exact instant."""

    draft: Draft
    published: datetime
    """Aware, in the zone the page printed (or implied)."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """The instants of a page's drafts, the order it was read in, and any doubts."""

    timed: tuple[Timed, ...]
    newest_first: bool
    warnings: tuple[str, ...]


class UndatedPageError(ValueError):
    """The page states no date and none was given."""


def resolve(page: ParsedPage, default_date: date | None, default_zone: tzinfo) -> Resolution:
    """Give every draft on *page* its instant; raise UndatedPageError when no date is known."""
    newest_first = detect_newest_first(page.drafts)
    warnings: list[str] = []
    timed: list[Timed] = []
    for block, drafts in _blocks(page.drafts):
        base = page.block_dates[block] or _fallback_date(page, block, default_date)
        shift, previous = 0, None
        for draft in drafts:
            minutes = draft.stamp.hour * 60 + draft.stamp.minute
            if previous is not None:
                step = minutes - previous if newest_first else previous - minutes
                if step > ROLLOVER_MINUTES:
                    shift += -1 if newest_first else 1
                elif step > 0:
                    warnings.append(f"line {draft.line}: update is out of order on the page")
            previous = minutes
            zone = _zone(draft, page.page_zone, default_zone)
            local = _local(base + timedelta(days=shift), draft, zone, warnings)
            timed.append(Timed(draft, local))
    return Resolution(tuple(timed), newest_first, tuple(warnings))


def detect_newest_first(drafts: tuple[Draft, ...]) -> bool:
    """Newest first unless most steps between neighbours (within a date block) go forward."""
    forward = backward = 0
    for _, block in _blocks(drafts):
        for before, after in pairwise(block):
            a = before.stamp.hour * 60 + before.stamp.minute
            b = after.stamp.hour * 60 + after.stamp.minute
            # A big jump is a midnight crossing, which points the other way.
            if b > a:
                forward, backward = (
                    (forward + 1, backward) if b - a <= 720 else (forward, backward + 1)
                )
            elif b < a:
                forward, backward = (
                    (forward, backward + 1) if a - b <= 720 else (forward + 1, backward)
                )
    return backward >= forward


def _blocks(drafts: tuple[Draft, ...]) -> list[tuple[int, list[Draft]]]:
    blocks: dict[int, list[Draft]] = {}
    for draft in drafts:
        blocks.setdefault(draft.block, []).append(draft)
    return sorted(blocks.items())


def _fallback_date(page: ParsedPage, block: int, default_date: date | None) -> date:
    if default_date is not None:
        return default_date
    if any(page.block_dates):
        raise UndatedPageError(
            f"updates above line {page.drafts[0].line} come before any date line"
        )
    raise UndatedPageError("the page states no date; give one with --date YYYY-MM-DD")


def _zone(draft: Draft, page_zone: tzinfo | None, default_zone: tzinfo) -> tzinfo:
    if draft.stamp.zone:
        printed = resolve_zone(draft.stamp.zone)
        if printed is not None:
            return printed
    return page_zone or default_zone


def _local(day: date, draft: Draft, zone: tzinfo, warnings: list[str]) -> datetime:
    stamp = draft.stamp
    naive = datetime.combine(day, time(stamp.hour, stamp.minute, stamp.second))
    local = naive.replace(tzinfo=zone)
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        warnings.append(
            f"line {draft.line}: {naive:%H:%M} does not exist on {day} (clocks went forward)"
        )
    elif local.utcoffset() != naive.replace(tzinfo=zone, fold=1).utcoffset():
        warnings.append(f"line {draft.line}: {naive:%H:%M} happens twice on {day}; took the first")
    return local
