"""Which zone a page's clock times are read in, and which zone its days are counted in.

Evidence, strongest first: the maintainer's --tz; a note on the page ("All times EDT"); the
zone printed on the page's other stamps; the timeline's settings; the zone its day files were
written in. Clock times with none of these are refused rather than read as UTC. Every choice
is reported as an assumption naming where it came from.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from ..core.model import zone
from .assumptions import DAY_ZONE, ZONE, Assumption, quoted
from .clock import Stamp
from .text import ParsedPage
from .zones import resolve_zone, zone_name


class MissingZoneError(ValueError):
    """Clock times carry no zone and nothing (page, option, settings) says which."""


@dataclass(frozen=True, slots=True)
class TimelineZones:
    """What is known of a timeline's zone before the page is read."""

    option: str | None = None
    """--tz, as given."""
    configured: str | None = None
    """The timeline's "timezone" setting."""
    stored: str | None = None
    """The zone of the timeline's existing day files."""


@dataclass(frozen=True, slots=True)
class ZoneChoice:
    """The zone for clocks printed without one, the zone days are counted in, and why."""

    clock: tzinfo | None
    day_zone: str
    assumptions: tuple[Assumption, ...]
    warnings: tuple[str, ...]


def choose_zones(page: ParsedPage, known: TimelineZones, when: date | None) -> ZoneChoice:
    """Decide both zones for *page*; *when* is a date near the page's, for offsets."""
    assumptions: list[Assumption] = []
    warnings: list[str] = []
    printed = _printed_zone(page)
    clock, source = _clock_zone(page, known, printed, when, warnings)
    if clock is not None and _needs_clock_zone(page):
        assumptions.append(Assumption(ZONE, _label(clock, when), source))
    elif printed is not None:
        assumptions.append(Assumption(ZONE, "as printed on each stamp", "the stamps"))
    day_zone = _day_zone(known, clock, source, printed, assumptions)
    return ZoneChoice(clock, day_zone, tuple(assumptions), tuple(warnings))


def missing_zone_message(page: ParsedPage) -> str:
    """The one-line refusal for a page whose clock times have no zone anywhere."""
    first = next(d for d in page.drafts if _unzoned(d.stamp))
    return (
        f"line {first.line}: clock times carry no zone and neither the page, --tz nor the "
        "timeline's settings give one; give --tz, e.g. --tz Europe/London"
    )


def _clock_zone(
    page: ParsedPage,
    known: TimelineZones,
    printed: tuple[tzinfo, str] | None,
    when: date | None,
    warnings: list[str],
) -> tuple[tzinfo | None, str]:
    note = page.page_zone
    note_source = quoted(*page.zone_note) if page.zone_note else "a note on the page"
    if known.option:
        option = zone(known.option)
        if note is not None and _offset(note, when) != _offset(option, when):
            warnings.append(
                f"the page says its times are {_label(note, when)} ({note_source}) but --tz "
                f"says {known.option}: used --tz"
            )
        return option, "--tz"
    if note is not None:
        return note, f"the page's note, {note_source}"
    if printed is not None:
        return printed[0], f"the zone printed on the page's other stamps ({printed[1]})"
    if known.configured:
        return zone(known.configured), "the timeline's settings"
    if known.stored:
        return zone(known.stored), "the timeline's day files"
    return None, ""


def _day_zone(
    known: TimelineZones,
    clock: tzinfo | None,
    source: str,
    printed: tuple[tzinfo, str] | None,
    assumptions: list[Assumption],
) -> str:
    if known.configured:
        return known.configured
    if known.stored:
        return known.stored
    candidates = [(clock, source)] if clock is not None else []
    if printed is not None:
        candidates.append((printed[0], f"the zone printed on the page's stamps ({printed[1]})"))
    for found, why in candidates:
        name = zone_name(found)
        if name:
            value = f"{name} (the timeline has no zone in the settings)"
            assumptions.append(Assumption(DAY_ZONE, value, why))
            return name
    value = "UTC (the timeline has no zone in the settings and the page names none)"
    assumptions.append(Assumption(DAY_ZONE, value, "no evidence"))
    return "UTC"


def _printed_zone(page: ParsedPage) -> tuple[tzinfo, str] | None:
    """The zone the page's stamps (and its own timestamp) print, when they agree on one place
    ("BST" and "GMT" are London's)."""
    stamps = [d.stamp for d in page.drafts if d.stamp] + [page.reference] * bool(page.reference)
    words = Counter(stamp.zone for stamp in stamps if stamp and stamp.zone)
    if not words:
        return None
    names = {zone_name(z) for w in words if (z := resolve_zone(w)) is not None}
    if {"GMT", "Europe/London"} == names:
        names = {"Europe/London"}
    if len(names) != 1 or None in names:
        return None
    (name,) = names
    return zone(str(name)), "/".join(sorted(words))


def _needs_clock_zone(page: ParsedPage) -> bool:
    return any(_unzoned(d.stamp) for d in page.drafts) or page.reference is not None


def _unzoned(stamp: Stamp | None) -> bool:
    """A clock printed without a zone (ISO instants and relative stamps need none)."""
    if stamp is None:
        return False
    return stamp.zone is None and stamp.instant is None and stamp.relative is None


def needs_zone(page: ParsedPage) -> bool:
    """True when some clock time on *page* is printed without a zone."""
    return any(_unzoned(d.stamp) for d in page.drafts)


def _offset(tz: tzinfo, when: date | None) -> timedelta | None:
    return datetime.combine(when or date(2000, 1, 1), time(12)).replace(tzinfo=tz).utcoffset()


def _label(tz: tzinfo, when: date | None) -> str:
    name = zone_name(tz) or ""
    short = datetime.combine(when or date(2000, 1, 1), time(12)).replace(tzinfo=tz).tzname()
    return f"{name} ({short})" if name and short and short != name else name or short or "?"
