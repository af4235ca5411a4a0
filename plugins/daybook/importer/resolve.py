"""From clock times on a page to exact instants: reading order, midnight rollover, zones, DST."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from .assumptions import DATE, DAYLIGHT_SAVING, ORDER, ROLLOVER, Assumption
from .clock import Stamp
from .clockparts import PartialDate
from .order import blocks, order_steps, utc_minutes
from .readings import draft_clock, midnight_twelves, page_clock, stamp_zone, wall_instants
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


@dataclass(frozen=True, slots=True)
class Resolution:
    """The instants of a page's drafts, the order it was read in, and any doubts."""

    timed: tuple[Timed, ...]
    newest_first: bool
    warnings: tuple[str, ...]
    assumptions: tuple[Assumption, ...] = ()


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

    *default_zone* is the zone of clock times printed without one (the caller has already
    weighed --tz, the page's note and the settings). *default_date* (--date) wins over dates
    the page states outside its stamps. Raise UndatedPageError when a date or, for relative
    stamps, a reference time is missing. *order* forces newest first (True) or oldest first
    (False) instead of detecting it.
    """
    assumptions: list[Assumption] = []
    if page.drafts and page.drafts[0].stamp is None:
        return _untimed(page, default_date, default_zone, order)
    newest_first = _reading_order(page.drafts, default_zone, order, assumptions)
    context = _Context(
        page, default_date, default_zone, newest_first,
        reference or _page_reference(page, default_date, default_zone), [], assumptions,
    )  # fmt: skip
    candidates: list[_Candidate] = []
    for block, drafts in blocks(midnight_twelves(page.drafts, assumptions)):
        day = _block_date(block, context)
        whole_page = day is None or block in page.page_dated_blocks
        candidates += _block_candidates(drafts, day, context, whole_page)
    timed = _settle_ambiguous(candidates, context)
    return Resolution(tuple(timed), newest_first, tuple(context.warnings), tuple(assumptions))


def _reading_order(
    drafts: tuple[Draft, ...], zone: tzinfo, order: bool | None, assumptions: list[Assumption]
) -> bool:
    if order is not None:
        value = "newest first" if order else "oldest first"
        assumptions.append(Assumption(ORDER, value, "--order"))
        return order
    forward, backward = order_steps(drafts, zone)
    newest_first = backward >= forward
    if forward + backward:
        value = "newest first" if newest_first else "oldest first"
        steps = f"{backward if newest_first else forward} of {forward + backward}"
        direction = "back" if newest_first else "forward"
        source = f"the clock times: {steps} steps down the page go {direction}"
        assumptions.append(Assumption(ORDER, value, source))
    return newest_first


def _block_date(block: int, context: _Context) -> date | None:
    """The date a block's date line states; --date wins over the page's first date."""
    page = context.page
    day = page.block_dates[block]
    line = page.block_lines[block] if block < len(page.block_lines) else 0
    first_dated = next((i for i, d in enumerate(page.block_dates) if d), None)
    given = context.default_date
    if day is not None and given is not None and block == first_dated and given != day:
        context.warnings.append(
            f"the page's date line (line {line}) says {day} but --date says {given}: used --date"
        )
        day = given
    own = _stamp_date(page.reference) if page.reference else None
    if day is not None and own and block in page.page_dated_blocks and page.reference_line > line:
        source = (
            f"the page's own timestamp, line {page.reference_line} (the date line {line} above "
            "it is the site's, not the page's)"
        )
        context.assumptions.append(Assumption(DATE, own.isoformat(), source, page.reference_line))
        return own if given is None else given
    if day is not None:
        given_here = day == given and block == first_dated
        source = "--date" if given_here else f"the date line, line {line}"
        context.assumptions.append(Assumption(DATE, day.isoformat(), source, line or None))
    return day


@dataclass(frozen=True, slots=True)
class _Context:
    """What resolving one page needs besides the drafts themselves."""

    page: ParsedPage
    default_date: date | None
    default_zone: tzinfo
    newest_first: bool
    reference: datetime | None
    warnings: list[str]
    assumptions: list[Assumption]


def _block_candidates(
    drafts: list[Draft], day: date | None, context: _Context, whole_page: bool
) -> list[_Candidate]:
    """Instants for the drafts under one date line, carrying the date across midnight.

    A date line is the date of the first update below it. A date stated for the whole page
    (--date, its title) is the date of its oldest update, the day the page began.
    """
    planned: list[tuple[Draft, date | None, tzinfo | None]] = []
    previous: tuple[int, Draft] | None = None
    for draft in drafts:
        draft = page_clock(draft, context.default_zone, context.warnings)  # noqa: PLW2901
        stamp = draft.stamp
        if stamp is None or stamp.instant is not None or stamp.relative is not None:
            planned.append((draft, None, None))
            continue
        zone = stamp_zone(draft, context.default_zone, context.warnings)
        minutes = utc_minutes(stamp, zone, day)
        if stamp.date is not None:
            whole_page = False
            day = _full_date(
                stamp.date, day or context.default_date or _year_hint(context.page), draft
            )
        elif day is None:
            day = _fallback_date(context)
        elif previous is not None:
            day = _carry_date(day, previous, (minutes, draft), context)
        previous = (minutes, draft)
        planned.append((draft, day, zone))
    if whole_page and context.newest_first:
        planned = _anchor_oldest(planned, context)
    return [
        _Candidate(draft, wall_instants(day, draft.stamp, zone))
        if draft.stamp is not None and day is not None and zone is not None
        else _Candidate(draft, (_absolute(draft, context.reference),))
        for draft, day, zone in planned
    ]


def _anchor_oldest(
    planned: list[tuple[Draft, date | None, tzinfo | None]], context: _Context
) -> list[tuple[Draft, date | None, tzinfo | None]]:
    """Shift a newest-first page that crosses midnight so its oldest update has the date
    stated for the page (the top updates then fall on the days after it)."""
    days = [(draft, day) for draft, day, _ in planned if day is not None]
    if len(days) < 2 or days[0][1] == days[-1][1]:
        return planned
    shift = days[0][1] - days[-1][1]
    oldest = days[-1][0]
    source = (
        f"a date stated for the whole page is the date of its oldest update (line "
        f"{oldest.line}); the page crosses midnight, so the updates above it are on the days after"
    )
    context.assumptions.append(Assumption(DATE, (days[0][1] + shift).isoformat(), source))
    return [(d, day + shift if day else day, z) for d, day, z in planned]


def _carry_date(
    day: date, previous: tuple[int, Draft], current: tuple[int, Draft], context: _Context
) -> date:
    """The date of *current*, one day on (or back) when the clock jumps across midnight."""
    (before, above), (minutes, draft) = previous, current
    step = minutes - before if context.newest_first else before - minutes
    if step > ROLLOVER_MINUTES:
        moved = day + timedelta(days=-1 if context.newest_first else 1)
        direction = "the day before" if context.newest_first else "the next day"
        source = (
            f"line {draft.line}: {draft_clock(draft)} below {draft_clock(above)} "
            f"(line {above.line}) on a {'newest' if context.newest_first else 'oldest'}-first "
            f"page: midnight crossed, so {direction}; the date above the crossing is taken "
            f"as the {'newest' if context.newest_first else 'oldest'} updates' date"
        )
        context.assumptions.append(Assumption(ROLLOVER, moved.isoformat(), source, draft.line))
        return moved
    if step > 0:
        context.warnings.append(f"line {draft.line}: update is out of order on the page")
    return day


def _absolute(draft: Draft, reference: datetime | None) -> datetime:
    """The instant of an ISO stamp, or of a relative one counted back from *reference*."""
    stamp = draft.stamp
    if stamp is not None and stamp.instant is not None:
        return stamp.instant
    if stamp is None or stamp.relative is None:
        raise UndatedPageError(f"line {draft.line}: the update has no time to resolve")
    if reference is None:
        raise UndatedPageError(
            f"line {draft.line}: relative time needs a reference; give --date "
            "YYYY-MM-DDTHH:MM (when the page was saved)"
        )
    return reference - stamp.relative


def _fallback_date(context: _Context) -> date:
    """The date of updates above any date line: --date, else the page's, else a stamp's."""
    page, given = context.page, context.default_date
    stated = page.page_date
    where = f"line {page.page_date_line[0]}" if page.page_date_line else "the page"
    if given is not None:
        if stated is not None and stated != given:
            context.warnings.append(
                f"the page states {stated} ({where}) but --date says {given}: used --date"
            )
        context.assumptions.append(Assumption(DATE, given.isoformat(), "--date"))
        return given
    if stated is not None:
        if page.page_date_weak:
            context.warnings.append(
                f"the page states no date above its updates; took {stated} from the text at "
                f"{where}: check it, or give --date"
            )
        line = page.page_date_line[0] if page.page_date_line else None
        text = page.page_date_line[1] if page.page_date_line else ""
        source = f"{where}: {text[:60]!r}" if text else where
        context.assumptions.append(Assumption(DATE, stated.isoformat(), source, line))
        return stated
    dated = [(d, day) for d in page.drafts if d.stamp and (day := _stamp_date(d.stamp))]
    if dated:
        draft, day = dated[0]
        source = f"the date in the stamp on line {draft.line}"
        context.assumptions.append(Assumption(DATE, day.isoformat(), source, draft.line))
        return day
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
    for draft in page.drafts:
        partial = draft.stamp.date if draft.stamp else None
        if partial is not None and partial.year:
            return date(partial.year, partial.month, partial.day)
    return page.page_date or next((d for d in page.block_dates if d), None)


def _full_date(partial: PartialDate, context: date | None, draft: Draft) -> date:
    year = partial.year or (context.year if context is not None else None)
    if year is None:
        raise UndatedPageError(f"line {draft.line}: the date in the stamp has no year; give --date")
    try:
        return date(year, partial.month, partial.day)
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
    return datetime.combine(day, time(stamp.hour, stamp.minute)).replace(tzinfo=printed or zone)


def _settle_ambiguous(candidates: list[_Candidate], context: _Context) -> list[Timed]:
    """Wall times that are ambiguous or skipped by a clock change: the page's order decides.

    A time that fits only one way between its neighbours takes that reading; the same wall
    time printed twice in the repeated hour is read as both, in page order.
    """
    fixed = [c.options[0] if len(c.options) == 1 else None for c in candidates]
    twins: dict[tuple[datetime, ...], list[int]] = {}
    for index, candidate in enumerate(candidates):
        if len(candidate.options) > 1:
            twins.setdefault(candidate.options, []).append(index)
    timed: list[Timed] = []
    for index, candidate in enumerate(candidates):
        settled = fixed[index]
        if settled is None:
            settled = _settle_one(candidate, index, fixed, twins[candidate.options], context)
            fixed[index] = settled
        timed.append(Timed(candidate.draft, settled))
    return timed


def _settle_one(
    candidate: _Candidate,
    index: int,
    fixed: list[datetime | None],
    group: list[int],
    context: _Context,
) -> datetime:
    """The reading of the ambiguous *candidate* at *index* that fits between its settled
    neighbours in *fixed*; *group* holds the indexes of candidates with the same readings."""
    before = next((f for f in reversed(fixed[:index]) if f is not None), None)
    after = next((f for f in fixed[index + 1 :] if f is not None), None)
    fitting = [o for o in candidate.options if _fits(o, before, after, context.newest_first)]
    if len(fitting) != 1 and len(group) == len(candidate.options):
        fitting = [sorted(candidate.options, reverse=context.newest_first)[group.index(index)]]
    line = candidate.draft.line
    if len(fitting) != 1:
        context.warnings.append(
            f"line {line}: clock time is ambiguous at a clock change; took the earlier"
        )
    settled = fitting[0] if len(fitting) == 1 else candidate.options[0]
    reading = "the earlier" if settled == min(candidate.options) else "the later"
    source = (
        f"line {line}: {draft_clock(candidate.draft)} happens twice or never at a clock "
        f"change; {reading} reading ({settled:%H:%M} UTC) fits the page's order"
        if len(fitting) == 1
        else f"line {line}: nothing on the page tells the two readings apart"
    )
    context.assumptions.append(Assumption(DAYLIGHT_SAVING, settled.isoformat(), source, line))
    return settled


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
    context = _Context(page, default_date, zone, newest_first, None, [], [])
    for block, drafts in blocks(page.drafts):
        try:
            day = _block_date(block, context) or _fallback_date(context)
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
    order_source = "--order" if order is not None else "pages without timestamps are read so"
    context.assumptions.append(
        Assumption(ORDER, "newest first" if newest_first else "oldest first", order_source)
    )
    return Resolution(
        tuple(timed), newest_first, (warning, *context.warnings), tuple(context.assumptions)
    )
