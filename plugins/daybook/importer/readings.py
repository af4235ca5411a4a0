"""How one printed clock is read: in which zone, which of two clocks, which twelve, and the
instants a wall time on a date may be."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, tzinfo
from itertools import pairwise

from .assumptions import ROLLOVER, Assumption
from .clock import Stamp
from .text import Draft
from .zones import zone_candidates

_TWENTY_FOUR = ("colon", "dotted", "compact", "french")


def midnight_twelves(drafts: tuple[Draft, ...], assumptions: list[Assumption]) -> list[Draft]:
    """On a 24-hour page that writes the hour after midnight as "12" ("12.32", "12.00",
    then "23.52"), read those twelves as 00, when that makes the page's steps far shorter."""
    kinds = [d.stamp.shape.split("|")[2] if d.stamp and d.stamp.shape else "" for d in drafts]
    clocks = [d for d, kind in zip(drafts, kinds, strict=True) if kind in _TWENTY_FOUR]
    twelves = [d for d in clocks if d.stamp.hour == 12]
    if not twelves or not any(d.stamp.hour >= 13 for d in clocks):
        return list(drafts)
    as_noon = _circular_steps([d.stamp.hour * 60 + d.stamp.minute for d in clocks])
    as_midnight = _circular_steps(
        [(0 if d.stamp.hour == 12 else d.stamp.hour) * 60 + d.stamp.minute for d in clocks]
    )
    if as_noon - as_midnight < 360:
        return list(drafts)
    for draft in twelves:
        source = f"line {draft.line}: the page's neighbouring times fit the hour after midnight"
        value = f"{clock_text(draft.stamp)} read as 00:{draft.stamp.minute:02d}"
        assumptions.append(Assumption(ROLLOVER, value, source, draft.line))
    return [
        replace(d, stamp=replace(d.stamp, hour=0)) if d in twelves else d for d in drafts
    ]


def _circular_steps(minutes: list[int]) -> int:
    return sum(min(abs(b - a), 1440 - abs(b - a)) for a, b in pairwise(minutes))


def stamp_zone(draft: Draft, default_zone: tzinfo, warnings: list[str]) -> tzinfo:
    stamp = draft.stamp
    if stamp.zone:
        options = zone_candidates(stamp.zone)
        if stamp.dual is not None:
            return _dual_zone(draft, options, warnings)
        if options:
            return options[0]
    return default_zone


def _dual_zone(draft: Draft, options: list[tzinfo], warnings: list[str]) -> tzinfo:
    """Pick the reading of the first clock's zone that agrees with the second clock."""
    stamp = draft.stamp
    hour, minute, word = stamp.dual
    for mine in options:
        if any(_agree(stamp, mine, (hour, minute), theirs) for theirs in zone_candidates(word)):
            return mine
    warnings.append(f"line {draft.line}: the two clocks of the stamp disagree; used the first")
    return options[0]


def _agree(stamp: Stamp, mine: tzinfo, other: tuple[int, int], theirs: tzinfo) -> bool:
    here = datetime(2000, 1, 1, 12)
    a = stamp.hour * 60 + stamp.minute - mine.utcoffset(here).total_seconds() // 60
    b = other[0] * 60 + other[1] - theirs.utcoffset(here).total_seconds() // 60
    return (a - b) % 1440 == 0


def page_clock(draft: Draft, page_zone: tzinfo, warnings: list[str]) -> Draft:
    """A two-zone stamp whose clocks disagree ("11:18 p.m. EET / 4:29 p.m. EST"): the clock
    in the page's own zone is the page's time."""
    stamp = draft.stamp
    if stamp.dual is None or stamp.zone is None:
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
