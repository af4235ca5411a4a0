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
from datetime import UTC, datetime, timedelta

from .calendar_words import MONTH_PATTERN
from .clockparts import (
    AUTHOR,
    CLOSE,
    LABEL,
    LEAD,
    LEAD_WORD,
    WEAK_KINDS,
    Clock,
    PartialDate,
    clock_at,
    date_at,
    partial_date,
)

_DASHES = "—–‒―-"
_MONTH_NAME = MONTH_PATTERN
_OPENERS = "\"“‘'«¡¿("
_SEPARATOR = re.compile(
    rf"\s*[{_DASHES}]+\s*|\s*:\s*|\s*\|\s*|\.\s+|\s+|(?=[A-ZÀ-ÖØ-Þ\"“‘'(«¡¿])|$"
)
_EPOCH_LINE = re.compile(r"^\d{10}$|^\d{13}$")
_EPOCH_YEARS = (2000, 2100)
_DATE_JOIN = re.compile(r",?\s*(?:at\s+|um\s+|à\s+|-\s+)?")
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
_COMMA = re.compile(r",?\s*")
_CLOSE_PAREN = re.compile(r"\s*\)")
_RELATIVE_OPEN = re.compile(r"\s*(?:[/·|–—-]\s*)?[(\[]?\s*")


def _end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where *pattern* (which may match the empty string) stops when tried at *pos*."""
    found = pattern.match(text, pos)
    return pos if found is None else found.end()


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
    shape: str = ""
    """The stamp's form (lead, label, clock kind, zone, date, suffix): updates on one page
    repeat one form, which is how a page's own stamps are told from times in the text."""
    weak: bool = False
    """A bare "22.25" or "1458": a stamp only when the page repeats its shape."""


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
        or _epoch(text)
        or _relative(text)
        or (_glued(text) if glued else None)
        or _footer(text)
        or _leading(text)
    )


def _epoch(text: str) -> Stamp | None:
    """A line that is only a Unix time ("1522316372", or in milliseconds): what a page's
    machine-readable stamps become when its text is copied."""
    if not _EPOCH_LINE.match(text):
        return None
    seconds = int(text) // 1000 if len(text) == 13 else int(text)
    instant = datetime.fromtimestamp(seconds, UTC)
    if not _EPOCH_YEARS[0] <= instant.year <= _EPOCH_YEARS[1]:
        return None
    return Stamp(instant.hour, instant.minute, instant.second, None, "end", "",
                 instant=instant, shape="|||epoch|||")  # fmt: skip


def _leading(text: str) -> Stamp | None:
    pos, lead = 0, ""
    opening = LEAD.match(text)
    if opening:
        mark = opening.group("lead")
        pos, lead = opening.end(), "#" if mark[0].isdigit() else mark[0]
    word = LEAD_WORD.match(text, pos)
    if word:
        pos, lead = word.end(), lead + word.group("word").lower()
    label = LABEL.match(text, pos)
    if label:
        pos = label.end()
    author = AUTHOR.match(text, pos)
    prefix = ""
    if author:
        prefix, pos = author.group("author"), author.end()
    date, after_date = date_at(text, pos)
    if date is not None:
        pos = _end(_DATE_JOIN, text, after_date)
    clock = clock_at(text, pos)
    if clock is None:
        return None
    pos = clock.end
    dual, pos = _dual_at(text, pos)
    if date is None:
        date, after = date_at(text, _end(_COMMA, text, pos))
        pos = after if date is not None else pos
    if lead[:1] in ("[", "(", "+"):
        closing = CLOSE.match(text, pos)
        pos = closing.end() if closing else pos
    bare_hour = clock.kind == "french" and not re.search(r"[hH]\s?\d", text[:pos])
    weak = (clock.kind in WEAK_KINDS or bare_hour) and not (clock.zone or clock.suffix or date)
    shape = "|".join(
        (lead, "label" if label else "", clock.kind, "zone" if clock.zone else "",
         "date" if date else "", clock.suffix)
    )  # fmt: skip
    found = Stamp(
        clock.hour, clock.minute, clock.second, clock.zone, "end", "", date, dual, prefix,
        labelled=bool(label), shape=shape, weak=weak,
    )  # fmt: skip
    return _with_rest(found, text, pos, lead[:1] == "+")


def _with_rest(stamp: Stamp, text: str, pos: int, plus: bool = False) -> Stamp | None:
    """*stamp* completed with the separator and the text after position *pos*."""
    separator = _SEPARATOR.match(text, pos)
    if separator is None:
        return None
    # "03:00am:?Headline": a lost non-breaking space shows as "?" or "\ufffd".
    rest = re.sub(r"^[?\ufffd]+(?=[A-Z\"“‘'])", "", text[separator.end() :].strip())
    if plus:
        rest = re.sub(r"\s*\+{2,}$", "", rest)  # "+++ 22:09 Headline +++"
    kind = _separator_kind(separator.group(0), rest)
    if kind == "space" and rest[:1].isdigit() and stamp.date is None:
        return None  # "10:30 12 people…" is a number in a sentence, not a stamp.
    if stamp.weak and kind == "space" and not (rest[:1].isupper() or rest[:1] in _OPENERS):
        return None  # "12.50 euros", "2011 was…": a number, not a stamp.
    if stamp.date is None and kind == "dash":
        # "22:15 – 10 Mar 2022": the date stands after the dash.
        trailing, end = date_at(rest, 0)
        if trailing is not None and trailing.year and not rest[end:].strip():
            return replace(stamp, date=trailing, separator="end", rest="")
    return replace(stamp, separator=kind, rest=rest)


def _clock_at(text: str, pos: int) -> tuple[int, int, int, str | None, int] | None:
    clock: Clock | None = clock_at(text, pos)
    if clock is None or (clock.kind in WEAK_KINDS and not (clock.zone or clock.suffix)):
        return None
    return clock.hour, clock.minute, clock.second, clock.zone, clock.end


def _dual_at(text: str, pos: int) -> tuple[tuple[int, int, str] | None, int]:
    join = _DUAL_JOIN.match(text, pos)
    if join is None:
        return None, pos
    clock = _clock_at(text, join.end())
    if clock is None:
        return None, pos
    hour, minute, _, zone, end = clock
    if zone is None:
        return None, pos
    return (hour, minute, zone), _end(_CLOSE_PAREN, text, end)


def _separator_kind(raw: str, rest: str) -> str:
    raw = raw.strip()
    if not rest:
        return "end"
    if not raw:
        return "space"
    if raw[0] in _DASHES:
        return "dash"
    return "colon" if raw[0] in ":." else "bar"


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
    opening = _end(_RELATIVE_OPEN, text, match.end())
    absolute = _leading(text[opening:].replace(")", "", 1).replace("]", "", 1))
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
    date, end = date_at(text, _end(_COMMA, text, pos))
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
    date = partial_date(match)
    if date is None:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    author = match.group("author").strip()
    return Stamp(hour, minute, 0, None, "end", "", date, prefix=author, trailing=True)
