"""How one printed clock is read: in which zone, which of two clocks, which twelve, and the
instants a wall time on a date may be."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import pairwise

from .assumptions import ROLLOVER, Assumption
from .clock import Stamp
from .text import Draft
from .zones import zone_candidates

_TWENTY_FOUR = ("colon", "dotted", "compact", "french")


def midnight_twelves(drafts: tuple[Draft, ...], assumptions: list[Assumption]) -> list[Draft]:
    """On a 24-hour page that writes the hour after midnight as "12" ("12.32", "12.00",
    then "23.52"), read those twelves as 00, when that makes the page's steps far shorter."""
    clocks = [(d, d.stamp) for d in drafts if d.stamp and _clock_kind(d.stamp) in _TWENTY_FOUR]
    twelves = [(d, s) for d, s in clocks if s.hour == 12]
    if not twelves or not any(s.hour >= 13 for _, s in clocks):
        return list(drafts)
    as_noon = _circular_steps([s.hour * 60 + s.minute for _, s in clocks])
    as_midnight = _circular_steps(
        [(0 if s.hour == 12 else s.hour) * 60 + s.minute for _, s in clocks]
    )
    if as_noon - as_midnight < 360:
        return list(drafts)
    for draft, stamp in twelves:
        source = f"line {draft.line}: the page's neighbouring times fit the hour after midnight"
        value = f"{clock_text(stamp)} read as 00:{stamp.minute:02d}"
        assumptions.append(Assumption(ROLLOVER, value, source, draft.line))
    moved = [d for d, _ in twelves]
    return [
        replace(d, stamp=replace(d.stamp, hour=0)) if d.stamp and d in moved else d for d in drafts
    ]


def _clock_kind(stamp: Stamp) -> str:
    """The kind of clock face the stamp printed ("colon", "twelve", …), from its shape."""
    return stamp.shape.split("|")[2] if stamp.shape else ""


def _circular_steps(minutes: list[int]) -> int:
    return sum(min(abs(b - a), 1440 - abs(b - a)) for a, b in pairwise(minutes))


def stamp_zone(draft: Draft, default_zone: tzinfo, warnings: list[str]) -> tzinfo:
    """The zone the draft's clock is read in: the one it prints, else *default_zone*."""
    stamp = draft.stamp
    if stamp is not None and stamp.zone:
        options = zone_candidates(stamp.zone)
        if stamp.dual is not None:
            return _dual_zone(stamp, stamp.dual, draft.line, options, warnings)
        if options:
            return options[0]
    return default_zone


def _dual_zone(
    stamp: Stamp, dual: tuple[int, int, str], line: int, options: list[tzinfo], warnings: list[str]
) -> tzinfo:
    """Pick the reading of the first clock's zone that agrees with the second clock."""
    hour, minute, word = dual
    for mine in options:
        if any(_agree(stamp, mine, (hour, minute), theirs) for theirs in zone_candidates(word)):
            return mine
    warnings.append(f"line {line}: the two clocks of the stamp disagree; used the first")
    return options[0]


def _agree(stamp: Stamp, mine: tzinfo, other: tuple[int, int], theirs: tzinfo) -> bool:
    here = datetime(2000, 1, 1, 12)
    a = stamp.hour * 60 + stamp.minute - _offset(mine, here).total_seconds() // 60
    b = other[0] * 60 + other[1] - _offset(theirs, here).total_seconds() // 60
    return (a - b) % 1440 == 0


def _offset(zone: tzinfo, at: datetime) -> timedelta:
    """The zone's UTC offset at *at* (a zone that gives none counts as UTC)."""
    return zone.utcoffset(at) or timedelta(0)


def page_clock(draft: Draft, page_zone: tzinfo, warnings: list[str]) -> Draft:
    """A two-zone stamp whose clocks disagree ("11:18 p.m. EET / 4:29 p.m. EST"): the clock
    in the page's own zone is the page's time."""
    stamp = draft.stamp
    if stamp is None or stamp.dual is None or stamp.zone is None:
        return draft
    hour, minute, word = stamp.dual
    here = datetime(2000, 1, 1, 12)
    mine, theirs = zone_candidates(stamp.zone), zone_candidates(word)
    if any(_agree(stamp, m, (hour, minute), t) for m in mine for t in theirs):
        return draft
    if not any(t.utcoffset(here) == page_zone.utcoffset(here) for t in theirs):
        return draft
    warnings.append(
        f"line {draft.line}: the two clocks of the stamp disagree; used {hour:02d}:{minute:02d} "
        f"{word}, the page's zone"
    )
    second = replace(stamp, hour=hour, minute=minute, zone=word, dual=None)
    return replace(draft, stamp=second)


def wall_instants(day: date, stamp: Stamp, zone: tzinfo) -> tuple[datetime, ...]:
    naive = datetime.combine(day, time(stamp.hour, stamp.minute, stamp.second))
    options = {naive.replace(tzinfo=zone, fold=fold).astimezone(UTC) for fold in (0, 1)}
    return tuple(sorted(options))


def clock_text(stamp: Stamp) -> str:
    return f"{stamp.hour:02d}:{stamp.minute:02d}"


def draft_clock(draft: Draft) -> str:
    """The draft's clock as "HH:MM"; "" for an untimed draft (it has none)."""
    return "" if draft.stamp is None else clock_text(draft.stamp)
