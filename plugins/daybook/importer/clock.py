"""The clock grammar: recognise a timestamp that opens (or closes) a line, and what surrounds it.

A stamp is read in steps, each optional but the clock itself: a label ("UPDATED:"), an author
glued to a numeric date ("Dana Ruiz 10/4/2023"), a date, the clock, its zone, a second clock in
another zone ("06:45 GMT/ 00:45 CST"), a date after the clock ("6:39 a.m., Mar. 1"), then the
separator and the rest of the line. ISO instants, relative stamps ("2m ago (11:00 GMT)") and
BBC-style glued stamps ("Headlinepublished at 22:46 Greenwich Mean Time 27 February 2022")
have their own forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from .dates import month_number
from .zones import ZONE_PATTERN

_DASHES = "—–‒―-"
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ZONE = rf"(?:\s*(?P<zone>{ZONE_PATTERN})(?![A-Za-z]))?"
# A 12-hour clock: "7 p.m.", "10:30 a.m.", "9.49pm", "1:30 A.M.", "3:56 p.m .", "4:57:09 PMNow".
_TWELVE = re.compile(
    r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]?\d)(?::(?P<second>[0-5]\d))?)?\s*"
    r"(?P<ampm>[ap])\s*\.?\s*m(?-i:(?![a-z]))\s*\.?(?:\s+\.)?" + _ZONE,
    re.IGNORECASE,
)
# A 24-hour clock with a colon: "18:08", "9:05", "18:08:42".
_COLON = re.compile(
    r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?!\d)" + _ZONE
)
# Compact or dotted 24-hour clocks need a zone or "h"/"hrs" to tell them from years and
# numbers: "1808 GMT", "18.08 GMT", "0930hrs".
_COMPACT = re.compile(
    rf"(?P<hour>[01]\d|2[0-3])\.?(?P<minute>[0-5]\d)\s*(?:(?P<zone>{ZONE_PATTERN})(?![A-Za-z])|h(?:rs)?\b)"
)
_CLOCKS = (_TWELVE, _COLON, _COMPACT)
_SEPARATOR = re.compile(rf"\s*[{_DASHES}]+\s*|\s*:\s*|\s*\|\s*|\s+|(?=[A-Z\"“‘'(])|$")
_LABEL = re.compile(r"(?:last\s+)?(?:updated|posted|published)(?:\s+(?:at|on))?\s*:?\s*", re.I)
_AUTHOR = re.compile(
    r"(?P<author>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+(?=\d{1,2}/\d{1,2}/\d{2,4}\b)"
)
_NUMERIC_DATE = re.compile(r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})(?!\d)")
_MDY = re.compile(
    rf"(?P<month>{_MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?(?!\d)",
    re.I,
)
_DMY = re.compile(
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_NAME})\.?(?:,?\s+(?P<year>\d{{4}}))?(?![\w])",
    re.I,
)
_DATES = (_NUMERIC_DATE, _MDY, _DMY)
_DUAL_JOIN = re.compile(r"\s*(?:/|,|\(|and)\s*")
_ISO = re.compile(
    r"(?P<iso>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))"
)
_RELATIVE = re.compile(
    r"(?P<count>\d+|an?|one)\s*(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)"
    r"\s+ago\b",
    re.I,
)
_GLUED = re.compile(r"(?P<head>.*?\S)(?P<space>\s*)(?:published|posted)\s+at\s*", re.I)
# The Independent's footer: an author glued to "25 February 2022 10:55".
_FOOTER = re.compile(
    rf"(?P<author>[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){{0,3}})\s?(?P<day>\d{{1,2}})\s+"
    rf"(?P<month>{_MONTH_NAME})\s+(?P<year>\d{{4}})\s+(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)$",
    re.I,
)
_GLUED_REPEAT = re.compile(r"(\d{1,2}:\d{2})\1(?!\d)")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date printed in a stamp; the year may be missing ("Mar. 1")."""

    year: int | None
    month: int
    day: int


@dataclass(frozen=True, slots=True)
class Stamp:
    """A time found on a line, and what surrounds it."""

    hour: int
    minute: int
    second: int
    zone: str | None
    separator: str
    """"dash", "colon", "bar", "space" or "end" (nothing follows the stamp)."""
    rest: str
    date: PartialDate | None = None
    dual: tuple[int, int, str] | None = None
    """A second clock for the same moment in another zone: (hour, minute, zone word)."""
    prefix: str = ""
    """An author or label printed before the stamp ("Dana Ruiz")."""
    relative: timedelta | None = None
    """Set for a relative-only stamp ("3h ago"): the clock fields are then meaningless."""
    instant: datetime | None = None
    """Set when the stamp is a complete ISO instant."""
    headline: str = ""
    """Text glued in front of a trailing stamp ("Rail strike called offpublished at …")."""
    labelled: bool = False
    """Introduced by "Updated"/"Posted"/"Published": may be the page's own timestamp."""
    trailing: bool = False
    """Printed under the update it belongs to ("Thomas Kingsley25 February 2022 10:55")."""


def match_stamp(line: str) -> Stamp | None:
    """The stamp on *line* (at its start, or glued at its end), or None."""
    text = line.strip()
    if not text:
        return None
    lowered = text.lower()
    # Only BBC-style "…published at" / "Posted at" lines can carry a glued stamp; checking for
    # the words first keeps those patterns off every body line.
    glued = "published at" in lowered or "posted at" in lowered
    if glued:
        text = _GLUED_REPEAT.sub(r"\1", text)  # "Posted at 7:247:24": the clock printed twice
    return (
        _iso(text)
        or _relative(text)
        or (_glued(text) if glued else None)
        or _footer(text)
        or _leading(text)
    )


def _leading(text: str) -> Stamp | None:
    pos, prefix = 0, ""
    label = _LABEL.match(text)
    if label:
        pos = label.end()
    author = _AUTHOR.match(text, pos)
    if author:
        prefix, pos = author.group("author"), author.end()
    date, after_date = _date_at(text, pos)
    if date is not None:
        joined = re.compile(r",?\s*(?:at\s+)?").match(text, after_date)
        pos = joined.end()
    clock = _clock_at(text, pos)
    if clock is None:
        return None
    hour, minute, second, zone, pos = clock
    dual, pos = _dual_at(text, pos)
    if date is None:
        later = re.compile(r",?\s*").match(text, pos)
        date, after = _date_at(text, later.end())
        pos = after if date is not None else pos
    found = Stamp(hour, minute, second, zone, "end", "", date, dual, prefix, labelled=bool(label))
    return _with_rest(found, text, pos)


def _with_rest(stamp: Stamp, text: str, pos: int) -> Stamp | None:
    """*stamp* completed with the separator and the text after position *pos*."""
    separator = _SEPARATOR.match(text, pos)
    if separator is None:
        return None
    # "03:00am:?Headline": a lost non-breaking space shows as "?" or "\ufffd".
    rest = re.sub(r"^[?\ufffd]+(?=[A-Z\"“‘'])", "", text[separator.end() :].strip())
    kind = _separator_kind(separator.group(0), rest)
    if kind == "space" and rest[:1].isdigit() and stamp.date is None:
        return None  # "10:30 12 people…" is a number in a sentence, not a stamp.
    if stamp.date is None and kind == "dash":
        # "22:15 – 10 Mar 2022": the date stands after the dash.
        trailing, end = _date_at(rest, 0)
        if trailing is not None and trailing.year and not rest[end:].strip():
            return replace(stamp, date=trailing)
    return replace(stamp, separator=kind, rest=rest)


def _clock_at(text: str, pos: int) -> tuple[int, int, int, str | None, int] | None:
    for pattern in _CLOCKS:
        match = pattern.match(text, pos)
        if match:
            groups = match.groupdict()
            hour = int(groups["hour"])
            if groups.get("ampm"):
                hour = hour % 12 + (12 if groups["ampm"].lower() == "p" else 0)
            minute, second = int(groups.get("minute") or 0), int(groups.get("second") or 0)
            return hour, minute, second, groups.get("zone"), match.end()
    return None


def _dual_at(text: str, pos: int) -> tuple[tuple[int, int, str] | None, int]:
    join = _DUAL_JOIN.match(text, pos)
    if join is None:
        return None, pos
    clock = _clock_at(text, join.end())
    if clock is None or clock[3] is None:
        return None, pos
    hour, minute, _, zone, end = clock
    close = re.compile(r"\s*\)").match(text, end)
    return (hour, minute, zone), close.end() if close else end


def _date_at(text: str, pos: int) -> tuple[PartialDate | None, int]:
    for pattern in _DATES:
        match = pattern.match(text, pos)
        if match:
            date = _partial_date(match)
            if date is not None:
                return date, match.end()
    return None, pos


def _partial_date(match: re.Match[str]) -> PartialDate | None:
    groups = match.groupdict()
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    year_text = groups.get("year")
    year = int(year_text) if year_text else None
    if year is not None and year < 100:
        year += 2000
    day = int(groups["day"])
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return PartialDate(year, month, day)


def _separator_kind(raw: str, rest: str) -> str:
    raw = raw.strip()
    if not rest:
        return "end"
    if not raw:
        return "space"
    if raw[0] in _DASHES:
        return "dash"
    return "colon" if raw[0] == ":" else "bar"


def _iso(text: str) -> Stamp | None:
    match = _ISO.match(text)
    if not match:
        return None
    try:
        instant = datetime.fromisoformat(match.group("iso").replace("Z", "+00:00"))
    except ValueError:
        return None
    separator = _SEPARATOR.match(text, match.end())
    rest = text[separator.end() :].strip() if separator else ""
    kind = _separator_kind(separator.group(0) if separator else "", rest)
    return Stamp(instant.hour, instant.minute, instant.second, None, kind, rest, instant=instant)


def _relative(text: str) -> Stamp | None:
    match = _RELATIVE.match(text)
    if not match:
        return None
    # "2m ago (11:00 GMT)": the absolute clock beside it is what counts.
    opening = re.compile(r"\s*[(\[]?\s*").match(text, match.end())
    absolute = _leading(text[opening.end() :].replace(")", "", 1).replace("]", "", 1))
    if absolute is not None:
        return absolute
    count = match.group("count").lower()
    number = 1 if count in ("a", "an", "one") else int(count)
    unit = match.group("unit").lower()[0]
    rest = text[match.end() :].strip(" -–—:·|")
    kind = "end" if not rest else "space"
    delta = timedelta(seconds=number * _UNIT_SECONDS[unit])
    return Stamp(0, 0, 0, None, kind, rest, relative=delta)


def _glued(text: str) -> Stamp | None:
    head = _GLUED.match(text)
    if not head:
        return None
    clock = _clock_at(text, head.end())
    if clock is None:
        return None
    hour, minute, second, zone, pos = clock
    date, end = _date_at(text, re.compile(r",?\s*").match(text, pos).end())
    if text[end if date else pos :].strip():
        return None
    if head.group("space") and date is None and not re.fullmatch(r"\d+\.?", head.group("head")):
        return None  # "…the report was published at 10:00 GMT" is a sentence, not a stamp.
    headline = head.group("head").strip()
    headline = "" if re.fullmatch(r"\d+\.?", headline) else headline
    return Stamp(hour, minute, second, zone, "end", "", date, headline=headline)


def _footer(text: str) -> Stamp | None:
    match = _FOOTER.match(text)
    if not match:
        return None
    date = _partial_date(match)
    if date is None:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    author = match.group("author").strip()
    return Stamp(hour, minute, 0, None, "end", "", date, prefix=author, trailing=True)
