"""From clock times on a page to exact instants: reading order, midnight rollover, zones, DST."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import pairwise

from .clock import PartialDate, Stamp
from .text import Draft, ParsedPage
from .zones import resolve_zone, zone_candidates

# A later clock time further down a newest-first page is either an item posted out of
# order (a pinned or late-inserted post: minutes to an hour or two off) or the previous
# evening (midnight crossed). Jumps larger than this are read as the latter.
ROLLOVER_MINUTES = 180


@dataclass(frozen=True, slots=True)
class Timed:
    """A draft with its exact instant."""

    draft: Draft
    published: datetime


@dataclass(frozen=True, slots=True)
class Resolution:
    """The instants of a page's drafts, the order it was read in, and any doubts."""

    timed: tuple[Timed, ...]
    newest_first: bool
    warnings: tuple[str, ...]


class UndatedPageError(ValueError):
    """The page states no date (or no reference time for relative stamps) and none was given."""


@dataclass(frozen=True, slots=True)
class _Candidate:
    draft: Draft
    options: tuple[datetime, ...]
    """One instant, or two where a wall time is ambiguous or skipped by a DST change."""


def resolve(
    page: ParsedPage,
    default_date: date | None,
    default_zone: tzinfo,
    reference: datetime | None = None,
    order: bool | None = None,
) -> Resolution:
    """Give every stamped draft on *page* its instant.

    Raise UndatedPageError when a date or, for relative stamps, a reference time is missing.
    *order* forces newest first (True) or oldest first (False) instead of detecting it.
    """
    if page.drafts and page.drafts[0].stamp is None:
        return _untimed(page, default_date, page.page_zone or default_zone, order)
    newest_first = detect_newest_first(page.drafts, page.page_zone or default_zone)
    if order is not None:
        newest_first = order
    context = _Context(
        page, default_date, default_zone, newest_first,
        reference or _page_reference(page, default_date, default_zone), [],
    )  # fmt: skip
    candidates: list[_Candidate] = []
    for block, drafts in _blocks(page.drafts):
        candidates += _block_candidates(drafts, page.block_dates[block], context)
    timed = _settle_ambiguous(candidates, newest_first, context.warnings)
    return Resolution(tuple(timed), newest_first, tuple(context.warnings))


@dataclass(frozen=True, slots=True)
class _Context:
    """What resolving one page needs besides the drafts themselves."""

    page: ParsedPage
    default_date: date | None
    default_zone: tzinfo
    newest_first: bool
    reference: datetime | None
    warnings: list[str]


def _block_candidates(drafts: list[Draft], day: date | None, context: _Context) -> list[_Candidate]:
    """Instants for the drafts under one date line, carrying the date across midnight."""
    found: list[_Candidate] = []
    previous: int | None = None
    for draft in drafts:
        stamp = draft.stamp
        if stamp.instant is not None or stamp.relative is not None:
            found.append(_Candidate(draft, (_absolute(draft, context.reference),)))
            continue
        zone = _zone(draft, context.page.page_zone, context.default_zone, context.warnings)
        minutes = _utc_minutes(stamp, zone, day)
        if stamp.date is not None:
            day = _full_date(
                stamp.date, day or context.default_date or _year_hint(context.page), draft
            )
        elif day is None:
            day = _fallback_date(context.page, context.default_date)
        elif previous is not None:
            step = minutes - previous if context.newest_first else previous - minutes
            if step > ROLLOVER_MINUTES:
                day += timedelta(days=-1 if context.newest_first else 1)
            elif step > 0:
                context.warnings.append(f"line {draft.line}: update is out of order on the page")
        previous = minutes
        found.append(_Candidate(draft, _wall_instants(day, stamp, zone)))
    return found


def _absolute(draft: Draft, reference: datetime | None) -> datetime:
    """The instant of an ISO stamp, or of a relative one counted back from *reference*."""
    stamp = draft.stamp
    if stamp.instant is not None:
        return stamp.instant
    if reference is None:
        raise UndatedPageError(
            f"line {draft.line}: relative time needs a reference; give --date "
            "YYYY-MM-DDTHH:MM (when the page was saved)"
        )
    return reference - stamp.relative


def detect_newest_first(drafts: tuple[Draft, ...], zone: tzinfo) -> bool:
    """Newest first unless most steps between neighbours (within a date block) go forward."""
    forward = backward = 0
    for _, block in _blocks(drafts):
        keys = [_order_key(d.stamp, zone) for d in block]
        for a, b in pairwise(keys):
            if a is None or b is None or a == b or type(a) is not type(b):
                continue
            later = b > a if isinstance(a, datetime) else (0 < b - a <= 720 or b - a < -720)
            forward, backward = (forward + 1, backward) if later else (forward, backward + 1)
    return backward >= forward


def _order_key(stamp: Stamp, zone: tzinfo) -> datetime | int | None:
    if stamp.instant is not None:
        return stamp.instant
    if stamp.relative is not None:
        return datetime(2000, 1, 1, tzinfo=UTC) - stamp.relative
    if stamp.date is not None and stamp.date.year:
        naive = datetime(
            stamp.date.year, stamp.date.month, stamp.date.day, stamp.hour, stamp.minute
        )
        printed = resolve_zone(stamp.zone) if stamp.zone else None
        return naive.replace(tzinfo=printed or zone)
    printed = resolve_zone(stamp.zone) if stamp.zone else None
    return _utc_minutes(stamp, printed or zone, None)


def _utc_minutes(stamp: Stamp, zone: tzinfo, day: date | None) -> int:
    """The clock in minutes, shifted by its zone's offset, so GMT and BST stamps compare."""
    sample = datetime.combine(day or date(2000, 1, 1), time(12)).replace(tzinfo=zone)
    offset = sample.utcoffset() or timedelta(0)
    return stamp.hour * 60 + stamp.minute - int(offset.total_seconds() // 60)


def _blocks(drafts: tuple[Draft, ...] | list[Draft]) -> list[tuple[int, list[Draft]]]:
    blocks: dict[int, list[Draft]] = {}
    for draft in drafts:
        blocks.setdefault(draft.block, []).append(draft)
    return sorted(blocks.items())


def _fallback_date(page: ParsedPage, default_date: date | None) -> date:
    if page.page_date is not None:
        return page.page_date
    if default_date is not None:
        return default_date
    if any(
        d.stamp and (d.stamp.instant or (d.stamp.date and d.stamp.date.year)) for d in page.drafts
    ):
        return next(_stamp_date(d.stamp) for d in page.drafts if d.stamp and _stamp_date(d.stamp))
    if any(page.block_dates):
        raise UndatedPageError(
            f"updates above line {page.drafts[0].line} come before any date line"
        )
    raise UndatedPageError("the page states no date; give one with --date YYYY-MM-DD")


def _stamp_date(stamp: Stamp) -> date | None:
    if stamp.instant is not None:
        return stamp.instant.date()
    if stamp.date is not None and stamp.date.year:
        return date(stamp.date.year, stamp.date.month, stamp.date.day)
    return None


def _year_hint(page: ParsedPage) -> date | None:
    """A date carrying the page's year, for stamps that print only day and month."""
    dated = [d.stamp.date for d in page.drafts if d.stamp and d.stamp.date and d.stamp.date.year]
    if dated:
        return date(dated[0].year, dated[0].month, dated[0].day)
    return page.page_date or next((d for d in page.block_dates if d), None)


def _full_date(partial: PartialDate, context: date | None, draft: Draft) -> date:
    if partial.year is None and context is None:
        raise UndatedPageError(f"line {draft.line}: the date in the stamp has no year; give --date")
    try:
        return date(partial.year or context.year, partial.month, partial.day)
    except ValueError as exc:
        raise UndatedPageError(f"line {draft.line}: {partial} is not a real date") from exc


def _page_reference(page: ParsedPage, default_date: date | None, zone: tzinfo) -> datetime | None:
    stamp = page.reference
    if stamp is None:
        return None
    if stamp.instant is not None:
        return stamp.instant
    day = _stamp_date(stamp) or default_date
    if day is None:
        return None
    printed = resolve_zone(stamp.zone) if stamp.zone else None
    return datetime.combine(day, time(stamp.hour, stamp.minute)).replace(
        tzinfo=page.page_zone or printed or zone
    )


def _zone(
    draft: Draft, page_zone: tzinfo | None, default_zone: tzinfo, warnings: list[str]
) -> tzinfo:
    stamp = draft.stamp
    if stamp.zone:
        options = zone_candidates(stamp.zone)
        if stamp.dual is not None:
            return _dual_zone(draft, options, warnings)
        if options:
            return options[0]
    return page_zone or default_zone


def _dual_zone(draft: Draft, options: list[tzinfo], warnings: list[str]) -> tzinfo:
    """Pick the reading of the first clock's zone that agrees with the second clock."""
    stamp = draft.stamp
    hour, minute, word = stamp.dual
    here = datetime(2000, 1, 1, 12)
    first = stamp.hour * 60 + stamp.minute
    second = hour * 60 + minute
    for mine in options:
        for theirs in zone_candidates(word):
            a = first - mine.utcoffset(here).total_seconds() // 60
            b = second - theirs.utcoffset(here).total_seconds() // 60
            if (a - b) % 1440 == 0:
                return mine
    warnings.append(f"line {draft.line}: the two clocks of the stamp disagree; used the first")
    return options[0]


def _wall_instants(day: date, stamp: Stamp, zone: tzinfo) -> tuple[datetime, ...]:
    naive = datetime.combine(day, time(stamp.hour, stamp.minute, stamp.second))
    options = {naive.replace(tzinfo=zone, fold=fold).astimezone(UTC) for fold in (0, 1)}
    return tuple(sorted(options))


def _settle_ambiguous(
    candidates: list[_Candidate], newest_first: bool, warnings: list[str]
) -> list[Timed]:
    """Wall times that are ambiguous or skipped by a clock change: the page's order decides.

    A time that fits only one way between its neighbours takes that reading; the same wall
    time printed twice in the repeated hour is read as both, in page order.
    """
    fixed = [c.options[0] if len(c.options) == 1 else None for c in candidates]
    twins: dict[tuple[datetime, ...], list[int]] = {}
    for index, candidate in enumerate(candidates):
        if len(candidate.options) > 1:
            twins.setdefault(candidate.options, []).append(index)
    for index, candidate in enumerate(candidates):
        if fixed[index] is not None:
            continue
        before = next((f for f in reversed(fixed[:index]) if f is not None), None)
        after = next((f for f in fixed[index + 1 :] if f is not None), None)
        fitting = [o for o in candidate.options if _fits(o, before, after, newest_first)]
        group = twins[candidate.options]
        if len(fitting) != 1 and len(group) == len(candidate.options):
            fitting = [sorted(candidate.options, reverse=newest_first)[group.index(index)]]
        if len(fitting) != 1:
            line = candidate.draft.line
            warnings.append(
                f"line {line}: clock time is ambiguous at a clock change; took the earlier"
            )
        fixed[index] = fitting[0] if len(fitting) == 1 else candidate.options[0]
    return [Timed(c.draft, f) for c, f in zip(candidates, fixed, strict=True)]


def _fits(
    option: datetime, before: datetime | None, after: datetime | None, newest_first: bool
) -> bool:
    if newest_first:
        before, after = after, before
    return (before is None or before <= option) and (after is None or option <= after)


def _untimed(
    page: ParsedPage, default_date: date | None, zone: tzinfo, order: bool | None
) -> Resolution:
    """Updates without clocks keep their date and their order: second N after local midnight."""
    newest_first = True if order is None else order
    timed: list[Timed] = []
    for block, drafts in _blocks(page.drafts):
        try:
            day = page.block_dates[block] or _fallback_date(page, default_date)
        except UndatedPageError as exc:
            raise UndatedPageError(
                "no timestamps found (lines such as '1808 GMT — Headline') and no date: "
                "to import its text as untimed updates, give --date YYYY-MM-DD"
            ) from exc
        midnight = datetime.combine(day, time(0)).replace(tzinfo=zone)
        ordered = list(reversed(drafts)) if newest_first else drafts
        positions = {id(d): i for i, d in enumerate(ordered)}
        timed += [Timed(d, midnight + timedelta(seconds=positions[id(d)])) for d in drafts]
    warning = "the page has no timestamps: updates keep the page's date and order only"
    return Resolution(tuple(timed), newest_first, (warning,))
