"""The pieces of the clock grammar: clock faces, what may stand around them, stamp dates.

Each clock face has a kind. "twelve" (9.49pm), "french" (14h32), "colon" (18:08) and
"word" (noon) are clocks on their own; "dotted" (22.25) and "compact" (1808) are numbers
until a zone, a suffix ("Uhr", "hrs") or the page's repetition of the same shape says
otherwise (text.py decides on repetition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .calendar_words import MONTH_PATTERN, WEEKDAY_PATTERN, month_number
from .zones import ZONE_PATTERN

_AMPM = r"(?:\s*[:.,]\s*|\s*)(?P<ampm>[ap])\s*\.?\s*m(?-i:(?![a-z]))\s*\.?(?:\s+\.)?"
CLOCKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("twelve", re.compile(
        r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?"
        + _AMPM, re.I)),
    ("word", re.compile(r"(?P<word>noon|midday|midnight)\b", re.I)),
    ("french", re.compile(r"(?P<hour>[01]?\d|2[0-3])\s?[hH]\s?(?P<minute>[0-5]\d)?(?![\d])")),
    ("colon", re.compile(
        r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?![\d])")),
    ("dotted", re.compile(r"(?P<hour>[01]?\d|2[0-3])\.(?P<minute>[0-5]\d)(?![\d])")),
    ("compact", re.compile(r"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?![\d])")),
)  # fmt: skip
WEAK_KINDS = frozenset(("dotted", "compact"))
SUFFIX = re.compile(r"\s*(?P<suffix>uhr|hrs?|horas?|hs|heures?|ortszeit|h)(?![a-zäöüß])\.?", re.I)
TAIL_ZONE = re.compile(
    rf"\s*(?:(?P<open>[(\[])\s*)?(?P<zone>{ZONE_PATTERN})(?![A-Za-z])(?(open)\s*[)\]])"
)
# What may stand before a stamp: bullets, "+++", brackets, or a copied list number ("1. ").
LEAD = re.compile(r"(?P<lead>[•·▪●◦*>|]+|[-–](?=\s+\d)|\+{2,}|\[|\(|\d{1,3}[.)](?=\s+\d))\s*")
LEAD_WORD = re.compile(r"(?P<word>ore|h\.|um|kl\.?|à|a las|às|le|el|il|am)\s+(?=\d)", re.I)
CLOSE = re.compile(r"\s*(?:\]|\)|\+{2,})")
LABEL = re.compile(
    r"(?:last\s+)?(?P<label>updated?|posted|published|aktualisiert|actualizado|actualización"
    r"|aggiornato|aggiornamento|mis à jour|atualizado)(?:\s+(?:at|on|um|à|a las|alle|às))?"
    r"\s*:?\s*",
    re.I,
)
AUTHOR = re.compile(
    r"(?P<author>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+(?=\d{1,2}/\d{1,2}/\d{2,4}\b)"
)
_WEEKDAY = rf"(?:(?:{WEEKDAY_PATTERN})\.?,?\s+)?"
_NUMERIC_DATE = re.compile(
    _WEEKDAY + r"(?P<month>\d{1,2})/\s?(?P<day>\d{1,2})/\s?(?P<year>\d{4}|\d{2})(?!\d)", re.I
)
_DOTTED_DATE = re.compile(
    _WEEKDAY + r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\d)", re.I
)
_MDY = re.compile(
    rf"{_WEEKDAY}(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<year>\d{{4}}))?(?!\d)",
    re.I,
)
_DMY = re.compile(
    rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th|er)?\.?(?:\s+de)?\s+(?P<month>{MONTH_PATTERN})\.?"
    rf"(?:,?(?:\s+de)?\s+(?P<year>\d{{4}}))?(?![\w])",
    re.I,
)
# "Le 23/06 à 06:04": a day and month without a year, day first (after "Le", "El", "Am").
_SHORT_DATE = re.compile(r"(?P<day>\d{1,2})/(?P<month>\d{1,2})(?=\s+(?:à|a las|às|um|,)\s*\d)")
DATES = (_NUMERIC_DATE, _DOTTED_DATE, _MDY, _DMY, _SHORT_DATE)
_UNSAFE_ALONE = frozenset(("ago", "set", "out", "mag", "gen"))


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date printed in a stamp; the year may be missing ("Mar. 1")."""

    year: int | None
    month: int
    day: int


@dataclass(frozen=True, slots=True)
class Clock:
    """A clock face read at some position: its time, kind and what follows it."""

    hour: int
    minute: int
    second: int
    kind: str
    zone: str | None
    suffix: str
    end: int


def clock_at(text: str, pos: int) -> Clock | None:
    """The clock face starting at *pos*, with a suffix and zone after it, or None."""
    for kind, pattern in CLOCKS:
        match = pattern.match(text, pos)
        if not match:
            continue
        groups = match.groupdict()
        if kind == "word":
            hour, minute, second = (0 if groups["word"].lower() == "midnight" else 12), 0, 0
        else:
            hour = int(groups["hour"])
            if groups.get("ampm"):
                hour = hour % 12 + (12 if groups["ampm"].lower() == "p" else 0)
            minute, second = int(groups.get("minute") or 0), int(groups.get("second") or 0)
        end, suffix = match.end(), ""
        found = SUFFIX.match(text, end)
        if found and kind != "french":
            end, suffix = found.end(), found.group("suffix").lower()
        zone = TAIL_ZONE.match(text, end)
        if zone:
            end = zone.end()
        return Clock(hour, minute, second, kind, zone.group("zone") if zone else None, suffix, end)
    return None


def date_at(text: str, pos: int) -> tuple[PartialDate | None, int]:
    """The date printed at *pos* ("Mar. 1", "24.02.2022", "Sat, 31 Dec 2022"), and its end."""
    for pattern in DATES:
        match = pattern.match(text, pos)
        if match:
            date = partial_date(match)
            if date is not None:
                return date, match.end()
    return None, pos


def partial_date(match: re.Match[str]) -> PartialDate | None:
    """The date a matched pattern names, or None when it is no real date."""
    groups = match.groupdict()
    month_text = groups["month"]
    if not month_text.isdigit() and month_text.lower() in _UNSAFE_ALONE and not groups.get("year"):
        return None
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    year_text = groups.get("year")
    year = int(year_text) if year_text else None
    if year is not None and year < 100:
        year += 2000
    day = int(groups["day"])
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return PartialDate(year, month, day)
