"""Source lines and their kinds: date line, zone note, stamp, rule, noise or text.

Each line is classified on its own here; templates.py then makes the decisions that need
the whole page (which stamp shapes are the page's own, which times are printed twice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..core.mdtext import strip_control
from . import noise
from .clock import Stamp, match_stamp
from .dates import match_date_line
from .zones import page_zone_statement

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_RULE = re.compile(r"^[_=*~\-–—]{3,}$|^[-–—*•·]$")
RULE_LINE = "separator line"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank source line and what it is."""

    number: int
    text: str
    kind: str
    """"date", "zone", "stamp", "rule", "noise" or "text"."""
    stamp: Stamp | None = None
    reason: str = ""
    dated: tuple[date, bool] | None = None
    """For a date line: the date it states (read with the page's day-first habit), and
    whether a printed weekday agrees with it."""


def clean_line(raw: str) -> str:
    """One source line with odd spaces folded and control characters removed."""
    if raw.isascii() and raw.isprintable():  # the common case: only plain spaces to fold
        return " ".join(raw.split())
    return _SPACES.sub(" ", strip_control(raw).replace("\ufeff", "")).strip()


def classify(number: int, text: str, day_first: bool = False) -> Line:
    """The kind of one cleaned, non-blank line, judged on its own."""
    dated = match_date_line(text, day_first)
    if dated:
        return Line(number, text, "date", dated=dated)
    if page_zone_statement(text) is not None:
        return Line(number, text, "zone")
    stamp = match_stamp(text)
    if stamp is not None:
        return Line(number, text, "stamp", stamp)
    if _RULE.match(text):
        return Line(number, text, "rule", reason=RULE_LINE)
    reason = noise.classify(text)
    return Line(number, text, "noise", reason=reason) if reason else Line(number, text, "text")
