"""The clock grammar: recognise a timestamp that opens a line, and the separator after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .zones import ZONE_PATTERN

_DASHES = "—–‒―-"
_SEPARATOR = rf"(?P<sep>\s*[{_DASHES}]+\s*|\s*:\s*|\s*\|\s*|\s+|$)"
_AMPM = r"(?P<ampm>[ap])\s*\.?\s*m\b\s*\.?(?:\s+\.)?"
_ZONE = rf"(?:\s*(?P<zone>{ZONE_PATTERN})\b)?"

# 12-hour clocks: "7 p.m.", "10:30 a.m.", "9.49pm", "1:30 A.M.", "3:56 p.m .", "5:1pm".
_TWELVE = re.compile(
    rf"^(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]?\d)(?::(?P<second>[0-5]\d))?)?\s*{_AMPM}"
    rf"{_ZONE}{_SEPARATOR}",
    re.IGNORECASE,
)
# 24-hour clocks with a colon: "18:08", "9:05", "18:08:42", optionally with a zone.
_COLON = re.compile(
    rf"^(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?!\d){_ZONE}{_SEPARATOR}"
)
# Compact or dotted 24-hour clocks need a zone or an "h"/"hrs" to tell them from years and
# numbers: "1808 GMT", "18.08 GMT", "0930hrs".
_COMPACT = re.compile(
    rf"^(?P<hour>[01]\d|2[0-3])\.?(?P<minute>[0-5]\d)\s*(?:(?P<zone>{ZONE_PATTERN})\b|h(?:rs)?\b)"
    rf"{_SEPARATOR}"
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A clock time found at the start of a line, and what follows it."""

    hour: int
    minute: int
    second: int
    zone: str | None
    separator: str
    """"dash", "colon", "bar", "space" or "end" (nothing follows the stamp)."""
    rest: str


def match_stamp(line: str) -> Stamp | None:
    """The stamp that opens *line*, or None when the line does not start with a clock time."""
    text = line.strip()
    for pattern in (_TWELVE, _COLON, _COMPACT):
        match = pattern.match(text)
        if match:
            return _stamp(match, text)
    return None


def _stamp(match: re.Match[str], text: str) -> Stamp | None:
    groups = match.groupdict()
    hour = int(groups["hour"])
    if groups.get("ampm"):
        hour = hour % 12 + (12 if groups["ampm"].lower() == "p" else 0)
    rest = text[match.end() :].strip()
    separator = _separator_kind(groups["sep"], rest)
    if separator == "space" and rest[:1].isdigit():
        return None  # "10:30 12 people" is not a stamp we can trust; nor is "13:32 1/2".
    return Stamp(
        hour=hour,
        minute=int(groups.get("minute") or 0),
        second=int(groups.get("second") or 0),
        zone=groups.get("zone"),
        separator=separator,
        rest=rest,
    )


def _separator_kind(raw: str, rest: str) -> str:
    raw = raw.strip()
    if not rest:
        return "end"
    if not raw:
        return "space"
    if raw[0] in _DASHES:
        return "dash"
    return "colon" if raw[0] == ":" else "bar"
