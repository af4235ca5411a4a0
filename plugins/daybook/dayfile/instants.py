"""Clock times in day files: an update's instant from its day, wall time and zone (or a
written offset), and the clock, offset and UTC text written back."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

from ..core.errors import DayFileError
from ..core.model import Day, utc_text, zone

_OFFSET_RE = re.compile(r"^([+-])(\d{2}):(\d{2})$")


def instant(day: Day, clock: time, offset: str | None, where: tuple[str, int]) -> datetime:
    naive = datetime.combine(day.date, clock)
    if offset:
        match = _OFFSET_RE.match(offset)
        if not match:
            raise DayFileError(*where, f"offset must look like +01:00, got {offset!r}")
        sign, hours, minutes = match.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes)) * (1 if sign == "+" else -1)
        return naive.replace(tzinfo=timezone(delta))
    tz = zone(day.timezone)
    local = naive.replace(tzinfo=tz)
    # A wall time skipped by a clock change does not survive a round trip through UTC; on a
    # day whose two midnights have the same offset, no clock change skipped one.
    if _clock_changes(day.date, tz) and (
        local.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive
    ):
        raise DayFileError(*where, f"{naive:%H:%M} does not exist on {day.date} in {day.timezone}")
    return local


@lru_cache(maxsize=4096)
def _clock_changes(day: date, tz: tzinfo) -> bool:
    start = datetime.combine(day, time(), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=tz)
    return start.utcoffset() != end.utcoffset()


def offset_if_ambiguous(local: datetime, tz_name: str) -> str | None:
    naive = local.replace(tzinfo=None)
    tz = zone(tz_name)
    first = naive.replace(tzinfo=tz, fold=0).utcoffset()
    second = naive.replace(tzinfo=tz, fold=1).utcoffset()
    if first == second:
        return None
    offset = local.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def clock_text(local: datetime) -> str:
    text = f"{local:%H:%M}"
    if local.second or local.microsecond:
        text += f":{local:%S}"
    if local.microsecond:
        text += f".{local:%f}"
    return text


def iso_utc(value: datetime | None) -> str | None:
    return utc_text(value) if value else None


def read_updated(value: str | None, where: tuple[str, int]) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise DayFileError(*where, f"updated={value!r} is not an ISO date-time") from exc
    if parsed.tzinfo is None:
        raise DayFileError(*where, f"updated={value!r} has no UTC offset")
    return parsed
