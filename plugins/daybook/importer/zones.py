"""Time-zone words printed in live blogs, and what they mean."""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo

from ..model import zone

# Abbreviations name one fixed offset each: "EDT" is UTC-4 whatever the date, which is
# exactly what a printed stamp means. Regional words that switch with DST map to IANA zones.
_FIXED_HOURS = {
    "GMT": 0, "UTC": 0, "Z": 0, "WET": 0, "BST": 1, "WEST": 1, "CET": 1, "CEST": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
    "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AEST": 10, "AEDT": 11, "JST": 9, "KST": 9,
    "HKT": 8, "SGT": 8, "EAT": 3, "CAT": 2, "WAT": 1, "SAST": 2, "PKT": 5, "NZST": 12, "NZDT": 13,
}  # fmt: skip
_REGIONAL = {
    "ET": "America/New_York", "EASTERN": "America/New_York", "CT": "America/Chicago",
    "CENTRAL": "America/Chicago", "MT": "America/Denver", "MOUNTAIN": "America/Denver",
    "PT": "America/Los_Angeles", "PACIFIC": "America/Los_Angeles", "UK": "Europe/London",
    "LONDON": "Europe/London", "PARIS": "Europe/Paris", "BERLIN": "Europe/Berlin",
    "KYIV": "Europe/Kyiv", "KIEV": "Europe/Kyiv", "MOSCOW": "Europe/Moscow",
}  # fmt: skip
_SPELLED = {
    "GREENWICH MEAN TIME": "GMT", "BRITISH SUMMER TIME": "BST", "COORDINATED UNIVERSAL TIME": "UTC",
    "CENTRAL EUROPEAN TIME": "CET", "CENTRAL EUROPEAN SUMMER TIME": "CEST",
    "EASTERN STANDARD TIME": "EST", "EASTERN DAYLIGHT TIME": "EDT",
}  # fmt: skip

# Abbreviations that name different offsets in different places; a dual stamp's other clock
# tells which is meant ("06:45 GMT/ 00:45 CST": US Central; "08:30 GMT/ 16:30 CST": China).
_AMBIGUOUS_HOURS = {
    "CST": (-6, 8), "IST": (5.5, 1, 2), "BST": (1, 6), "AST": (-4, 3), "EST": (-5, 10),
}  # fmt: skip
_FIXED_HOURS["AST"] = -4

ABBREVIATIONS = sorted([*_FIXED_HOURS, *_REGIONAL, *_SPELLED], key=len, reverse=True)
_OFFSET_RE = re.compile(r"^(?:GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
ZONE_PATTERN = (
    r"(?:(?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?|(?i:"
    + "|".join(re.escape(a) for a in _SPELLED)
    + ")|"
    + "|".join(re.escape(a) for a in ABBREVIATIONS if a not in ("Z",) and a not in _SPELLED)
    + r")"
)


def resolve_zone(word: str) -> tzinfo | None:
    """The tzinfo a printed zone word stands for ("GMT", "EDT", "GMT+1", "UK"), or None."""
    key = " ".join(word.upper().replace(".", "").split())
    key = _SPELLED.get(key, key)
    if key in _FIXED_HOURS:
        return timezone(timedelta(hours=_FIXED_HOURS[key]), key)
    if key in _REGIONAL:
        return zone(_REGIONAL[key])
    match = _OFFSET_RE.match(key)
    if match:
        sign, hours, minutes = match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        return timezone(-delta if sign in "-−" else delta)
    return None


_PAGE_ZONE_RE = re.compile(
    r"(?:^|[.:!]\s+)\(?all times (?:are |stated are |shown are |in )*(?:in )?"
    r"(?P<what>[^.:]+(?:\([^)]*\))?)",
    re.IGNORECASE,
)
_PAREN_ZONE_RE = re.compile(r"\(([^)]+)")


def page_zone_statement(line: str) -> tzinfo | None:
    """The zone a page-level note states: "All times EDT:", "All times are Paris time (GMT+1)."."""
    match = _PAGE_ZONE_RE.search(line.strip())
    if not match:
        return None
    what = match.group("what").strip().rstrip(")").strip()
    # "Paris time (GMT+1)": the named place wins, because its zone knows about DST.
    place = re.sub(r"\s*\(.*$", "", what)
    place = re.sub(r"\s+time$", "", place, flags=re.IGNORECASE).strip()
    found = resolve_zone(place)
    if found is None:
        paren = _PAREN_ZONE_RE.search(what)
        found = resolve_zone(paren.group(1)) if paren else None
    return found


# The IANA zone whose days a page printing this word keeps: "BST" pages are London's, while
# "GMT" alone is what outlets that print GMT all year (wires, Doha, Istanbul) mean.
_IANA_FOR = {
    "GMT": "GMT", "UTC": "UTC", "Z": "UTC", "BST": "Europe/London", "UK": "Europe/London",
    "LONDON": "Europe/London", "WET": "WET", "WEST": "WET", "CET": "CET", "CEST": "CET",
    "PARIS": "Europe/Paris", "BERLIN": "Europe/Berlin", "EET": "EET", "EEST": "EET",
    "KYIV": "Europe/Kyiv", "KIEV": "Europe/Kyiv", "MSK": "Europe/Moscow", "MOSCOW": "Europe/Moscow",
    "IST": "Asia/Kolkata", "PKT": "Asia/Karachi", "HKT": "Asia/Hong_Kong", "SGT": "Asia/Singapore",
    "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney", "NZST": "Pacific/Auckland", "NZDT": "Pacific/Auckland",
    "EAT": "Africa/Nairobi", "CAT": "Africa/Maputo", "WAT": "Africa/Lagos",
    "SAST": "Africa/Johannesburg", "EST": "America/New_York", "EDT": "America/New_York",
    "ET": "America/New_York", "EASTERN": "America/New_York", "CST": "America/Chicago",
    "CDT": "America/Chicago", "CT": "America/Chicago", "CENTRAL": "America/Chicago",
    "MST": "America/Denver", "MDT": "America/Denver", "MT": "America/Denver",
    "MOUNTAIN": "America/Denver", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "PT": "America/Los_Angeles", "PACIFIC": "America/Los_Angeles", "AST": "America/Halifax",
}  # fmt: skip


def zone_name(tz: tzinfo) -> str | None:
    """An IANA name for a zone read off a page, for counting days in it; None if it has none.

    Abbreviations name the place's zone ("EDT" -> America/New_York), whole-hour offsets an
    Etc/GMT zone; an offset such as UTC+05:45 with no name has none.
    """
    key = getattr(tz, "key", None)
    if key:
        return str(key)
    label = tz.tzname(None) or ""
    if label.upper() in _IANA_FOR:
        return _IANA_FOR[label.upper()]
    offset = tz.utcoffset(None)
    if offset is None or offset.total_seconds() % 3600:
        return None
    hours = int(offset.total_seconds() // 3600)
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def zone_candidates(word: str) -> list[tzinfo]:
    """Every zone a printed word may mean, the usual reading first."""
    key = " ".join(word.upper().replace(".", "").split())
    key = _SPELLED.get(key, key)
    if key in _AMBIGUOUS_HOURS:
        return [timezone(timedelta(hours=h), key) for h in _AMBIGUOUS_HOURS[key]]
    found = resolve_zone(word)
    return [found] if found is not None else []
