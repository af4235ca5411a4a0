"""Date lines: a whole line that states a day ("Thursday, April 4, 2024", "mardi 4 avril
2024", "Dienstag, 4. April 2023", "4 de abril de 2024", "30.09.2016", "2024-04-04")."""

from __future__ import annotations

import re
from datetime import date

from .calendar_words import MONTH_PATTERN, WEEKDAY_PATTERN, month_number, weekday_number

_LABEL = re.compile(
    r"^(?:[•·▪●◦*>|-]+\s*)?(?:(?:published|updated|last updated|posted)(?:\s+on)?\s*:?\s*"
    r"|(?:yesterday|today|heute|gestern|aujourd'hui|hier|hoy|ayer|oggi|ieri|hoje|ontem)"
    r"\s*,?\s*)?",
    re.I,
)
_WEEKDAY = rf"(?:(?P<weekday>{WEEKDAY_PATTERN})\.?,?\s+)?"
_MONTH = rf"(?P<month>{MONTH_PATTERN})\.?"
_OF = r"(?:\s+de|\s+del)?"
_PATTERNS = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$",
        rf"^{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?{_OF}\s+{_MONTH},?{_OF}\s+"
        r"(?P<year>\d{4})$",
        r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$",
        rf"^{_WEEKDAY}(?P<first>\d{{1,2}})\s?/\s?(?P<second>\d{{1,2}})\s?/\s?(?P<year>\d{{4}}|\d{{2}})$",
        rf"^{_WEEKDAY}(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>\d{{4}})$",
    )
)


def match_date_line(line: str, day_first: bool = False) -> tuple[date, bool] | None:
    """The date a line states on its own, and whether a printed weekday agrees with it.

    Numeric dates such as 4/5/2024 are month first unless *day_first* (or the numbers
    only fit day first).
    """
    text = _LABEL.sub("", line.strip(), count=1).rstrip(":").strip()
    if not text or not text[0].isalnum():
        return None
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _to_date(match, day_first)
    return None


def _to_date(match: re.Match[str], day_first: bool) -> tuple[date, bool] | None:
    groups = match.groupdict()
    if groups.get("first"):
        first, second = int(groups["first"]), int(groups["second"])
        swap = day_first if first <= 12 and second <= 12 else first > 12
        day_number, month_number_ = (first, second) if swap else (second, first)
        groups["day"], groups["month"] = str(day_number), str(month_number_)
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    if month is None:
        return None
    year = int(groups["year"])
    try:
        found = date(year + 2000 if year < 100 else year, month, int(groups["day"]))
    except ValueError:
        return None
    weekday = groups.get("weekday")
    if weekday and weekday_number(weekday) is None:
        return None
    agrees = not weekday or weekday_number(weekday) == found.weekday()
    return found, agrees
