"""Date lines: a whole line that states a day ("Thursday, April 4, 2024", "Sun 30 Mar 2025")."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_LABEL = re.compile(r"^(?:published|updated|last updated)(?:\s+on)?\s*:?\s*", re.I)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?P<weekday>[A-Za-z]{3,9})\.?,?\s+)?"
_PATTERNS = (
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$"),
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
    re.compile(rf"^{_WEEKDAY}(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})/(?P<year>\d{{4}}|\d{{2}})$"),
)


def match_date_line(line: str) -> tuple[date, bool] | None:
    """The date a line states on its own, and whether a printed weekday agrees with it."""
    text = _LABEL.sub("", line.strip()).rstrip(":").strip()
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _to_date(match)
    return None


def _to_date(match: re.Match[str]) -> tuple[date, bool] | None:
    groups = match.groupdict()
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    if month is None:
        return None
    year = int(groups["year"])
    try:
        found = date(year + 2000 if year < 100 else year, month, int(groups["day"]))
    except ValueError:
        return None
    weekday = (groups.get("weekday") or "").lower()[:3]
    if weekday and weekday not in _WEEKDAYS:
        return None
    agrees = not weekday or _WEEKDAYS.index(weekday) == found.weekday()
    return found, agrees


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Mar", "Sept."), else None."""
    return MONTHS.get(name.lower().rstrip("."))
