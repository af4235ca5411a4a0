"""Time-zone words printed in live blogs, and what they mean."""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import available_timezones

from ..core.model import zone

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


# Notes that state the page's zone: "All times EDT:", "(all times are local in Egypt)",
# "We'll be marking time in EST.", "heure de Paris", "alle Zeiten in MEZ", "hora peninsular".
_NOTE_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"(?<!\bat )(?<!\bAt )\ball times\b(?:\s+(?:are|is|shown|given|listed|stated|below|here|"
        r"on this page))*(?:\s+(?:in|on))?\s*(?P<what>[^.:;,!?]+(?:\([^)]*\))?)",
        r"\b(?:marking|keeping) time in\s+(?P<what>[^.:;,!?)]+)",
        r"\btimes (?:are|shown are|given are) (?:in\s+)?(?P<what>[^.:;,!?)]+)",
        r"\b(?:alle |sämtliche )?(?:uhr)?zeit(?:en|angaben)? (?:in |sind )?(?P<what>MEZ|MESZ|OEZ|"
        r"deutscher zeit|ortszeit)\b",
        r"\bheures? (?:de |d')(?P<what>[\w-]+)",
        r"\(heure (?P<what>française|belge|suisse|de paris)\)",
        r"\bhora (?P<what>peninsular|de madrid|de brasília|de brasilia)\b",
        r"\bora (?P<what>italiana)\b",
    )
)
_NOTE_HINT = re.compile(r"time|heure|zeit|hora|ora ", re.IGNORECASE)
_LOCAL = re.compile(r"^(?:local(?: time)?(?: in| of)?\s*|the\s+)", re.IGNORECASE)
_PAREN_ZONE_RE = re.compile(r"\(([^)]+)")
_WORD_ZONES = {"MEZ": "CET", "MESZ": "CEST", "OEZ": "EET", "DEUTSCHER ZEIT": "Europe/Berlin"}


def page_zone_statement(line: str) -> tzinfo | None:
    """The zone a page-level note states: "All times EDT:", "All times are Paris time (GMT+1).",
    "(All times are local in Egypt.)"; None when the line states none a zone can be read from."""
    if not _NOTE_HINT.search(line):
        return None  # every note names times, heures, Zeiten or horas: most lines do not
    for pattern in _NOTE_PATTERNS:
        match = pattern.search(line.strip())
        if match:
            found = _note_zone(match.group("what"))
            if found is not None:
                return found
    return None


def _note_zone(what: str) -> tzinfo | None:
    what = what.strip().rstrip(")").strip()
    # "Paris time (GMT+1)": the named place wins, because its zone knows about DST.
    place = re.sub(r"\s*\(.*$", "", what)
    place = _LOCAL.sub("", re.sub(r"\s+time$", "", place, flags=re.IGNORECASE)).strip()
    word = _WORD_ZONES.get(place.upper(), place)
    found = resolve_zone(word) or place_zone(word)
    if found is None:
        paren = _PAREN_ZONE_RE.search(what)
        found = resolve_zone(paren.group(1)) if paren else None
    return found


_COUNTRIES = {
    "egypt": "Africa/Cairo", "ukraine": "Europe/Kyiv", "russia": "Europe/Moscow",
    "israel": "Asia/Jerusalem", "gaza": "Asia/Gaza", "lebanon": "Asia/Beirut",
    "syria": "Asia/Damascus", "iran": "Asia/Tehran", "iraq": "Asia/Baghdad",
    "turkey": "Europe/Istanbul", "türkiye": "Europe/Istanbul", "france": "Europe/Paris",
    "germany": "Europe/Berlin", "britain": "Europe/London", "uk": "Europe/London",
    "england": "Europe/London", "scotland": "Europe/London", "ireland": "Europe/Dublin",
    "spain": "Europe/Madrid", "italy": "Europe/Rome", "poland": "Europe/Warsaw",
    "belgium": "Europe/Brussels", "netherlands": "Europe/Amsterdam", "portugal": "Europe/Lisbon",
    "greece": "Europe/Athens", "switzerland": "Europe/Zurich", "austria": "Europe/Vienna",
    "belarus": "Europe/Minsk", "india": "Asia/Kolkata", "pakistan": "Asia/Karachi",
    "afghanistan": "Asia/Kabul", "china": "Asia/Shanghai", "japan": "Asia/Tokyo",
    "korea": "Asia/Seoul", "south korea": "Asia/Seoul", "taiwan": "Asia/Taipei",
    "hong kong": "Asia/Hong_Kong", "singapore": "Asia/Singapore", "thailand": "Asia/Bangkok",
    "philippines": "Asia/Manila", "indonesia": "Asia/Jakarta", "myanmar": "Asia/Yangon",
    "bangladesh": "Asia/Dhaka", "nepal": "Asia/Kathmandu", "sri lanka": "Asia/Colombo",
    "australia": "Australia/Sydney", "new zealand": "Pacific/Auckland", "qatar": "Asia/Qatar",
    "saudi arabia": "Asia/Riyadh", "yemen": "Asia/Aden", "jordan": "Asia/Amman",
    "libya": "Africa/Tripoli", "tunisia": "Africa/Tunis", "sudan": "Africa/Khartoum",
    "kenya": "Africa/Nairobi", "nigeria": "Africa/Lagos", "south africa": "Africa/Johannesburg",
    "brazil": "America/Sao_Paulo", "mexico": "America/Mexico_City", "canada": "America/Toronto",
    "française": "Europe/Paris", "belge": "Europe/Brussels", "suisse": "Europe/Zurich",
    "peninsular": "Europe/Madrid", "italiana": "Europe/Rome", "brasília": "America/Sao_Paulo",
    "brasilia": "America/Sao_Paulo", "eastern": "America/New_York", "central": "America/Chicago",
    "pacific": "America/Los_Angeles", "mountain": "America/Denver",
}  # fmt: skip


@cache
def _cities() -> dict[str, str]:
    """IANA zones by their city ("cairo" -> Africa/Cairo), read once from the zone database."""
    found: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            found.setdefault(name.rsplit("/", 1)[1].replace("_", " ").lower(), name)
    return found


def place_zone(name: str) -> tzinfo | None:
    """The zone of a country or city named in a note ("Egypt", "Kyiv", "de Madrid")."""
    key = re.sub(r"^(?:in|de|d'|of)\s*", "", name.strip().lower()).strip()
    iana = _COUNTRIES.get(key) or _cities().get(key)
    return zone(iana) if iana else None


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
    if offset is None:
        return None
    minutes = int(offset.total_seconds() // 60)
    if minutes % 60:
        return _HALF_HOURS.get(minutes)
    hours = minutes // 60
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


# Offsets that are not whole hours belong to few places, each the usual one.
_HALF_HOURS = {
    330: "Asia/Kolkata", 345: "Asia/Kathmandu", 270: "Asia/Kabul", 210: "Asia/Tehran",
    390: "Asia/Yangon", 570: "Australia/Darwin", -210: "America/St_Johns",
}  # fmt: skip
# A page's language tag names its country's zone when the country has one.
_LANGUAGE_ZONES = {
    "it": "Europe/Rome", "fr": "Europe/Paris", "fr-be": "Europe/Brussels", "de": "Europe/Berlin",
    "de-at": "Europe/Vienna", "de-ch": "Europe/Zurich", "es": "Europe/Madrid",
    "es-mx": "America/Mexico_City", "es-ar": "America/Argentina/Buenos_Aires",
    "nl": "Europe/Amsterdam", "nl-be": "Europe/Brussels", "pl": "Europe/Warsaw",
    "pt": "Europe/Lisbon", "pt-pt": "Europe/Lisbon", "pt-br": "America/Sao_Paulo",
    "en-gb": "Europe/London", "en-ie": "Europe/Dublin", "en-in": "Asia/Kolkata",
    "en-nz": "Pacific/Auckland", "ja": "Asia/Tokyo", "ko": "Asia/Seoul", "uk": "Europe/Kyiv",
    "tr": "Europe/Istanbul", "el": "Europe/Athens", "sv": "Europe/Stockholm",
    "da": "Europe/Copenhagen", "fi": "Europe/Helsinki", "cs": "Europe/Prague",
    "hu": "Europe/Budapest", "ro": "Europe/Bucharest", "he": "Asia/Jerusalem",
}  # fmt: skip


_HOME_REGIONS = {"ja": "jp", "ko": "kr", "uk": "ua", "el": "gr", "sv": "se", "da": "dk",
                 "cs": "cz", "he": "il"}  # fmt: skip


def language_zone(tag: str) -> str | None:
    """The zone of the country a page's language tag names ("it-IT" -> Europe/Rome), if one."""
    key = tag.strip().lower().replace("_", "-")
    if key in _LANGUAGE_ZONES:
        return _LANGUAGE_ZONES[key]
    base, _, region = key.partition("-")
    return _LANGUAGE_ZONES.get(base) if region == _HOME_REGIONS.get(base, base) else None


def zone_candidates(word: str) -> list[tzinfo]:
    """Every zone a printed word may mean, the usual reading first."""
    key = " ".join(word.upper().replace(".", "").split())
    key = _SPELLED.get(key, key)
    if key in _AMBIGUOUS_HOURS:
        return [timezone(timedelta(hours=h), key) for h in _AMBIGUOUS_HOURS[key]]
    found = resolve_zone(word)
    return [found] if found is not None else []
