"""When to capture: duration and rate syntax, the clock, and the capture loop's stop rules."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from ..core.errors import DaybookError

_DURATION_RE = re.compile(r"^(\d+)([smh])$")
_RATE_RE = re.compile(r"^(\d+(?:\.\d+)?)/([sm])$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}


class ScheduleError(DaybookError):
    """A duration, rate or stop rule that cannot be used."""


def parse_duration(text: str) -> timedelta:
    """`<n>s`, `<n>m` or `<n>h` as a timedelta of at least one second."""
    match = _DURATION_RE.match(text.strip())
    if not match or int(match.group(1)) == 0:
        raise ScheduleError(f"not a duration: {text!r} (use <n>s, <n>m or <n>h, e.g. 10m)")
    return timedelta(seconds=int(match.group(1)) * _UNIT_SECONDS[match.group(2)])


def parse_rate(text: str) -> float:
    """`<n>/s` or `<n>/m` as the least number of seconds between two requests."""
    match = _RATE_RE.match(text.strip())
    if not match or float(match.group(1)) == 0:
        raise ScheduleError(f"not a rate: {text!r} (use <n>/s or <n>/m, e.g. 1/s)")
    return _UNIT_SECONDS[match.group(2)] / float(match.group(1))


class Clock(Protocol):
    """Wall time (timezone-aware UTC), a monotonic reading and a way to wait."""

    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


@dataclass(frozen=True, slots=True)
class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """Now, in UTC."""
        return datetime.now(UTC)

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back."""
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        """Wait *seconds*."""
        if seconds > 0:
            time.sleep(seconds)


@dataclass(frozen=True, slots=True)
class Schedule:
    """How often to capture and when to stop; without *every*, one capture is made."""

    every: timedelta | None = None
    until: datetime | None = None
    """No capture starts after this instant (from --for or --until)."""
    max_captures: int | None = None
    idle: timedelta | None = None
    """Stop when the page has not changed for this long."""

    def __post_init__(self) -> None:
        if self.until is not None and self.until.tzinfo is None:
            raise ScheduleError("--until needs a time zone (e.g. 2024-04-05T06:00Z)")
        if self.max_captures is not None and self.max_captures < 1:
            raise ScheduleError("--max must be at least 1")


def make_schedule(clock: Clock, wanted: Schedule, span: timedelta | None = None) -> Schedule:
    """*wanted* with --for turned into an end time; --for and --until exclude each other."""
    if span is not None and wanted.until is not None:
        raise ScheduleError("give --for or --until, not both")
    stops = (span, wanted.until, wanted.max_captures, wanted.idle)
    if wanted.every is None and any(stop is not None for stop in stops):
        raise ScheduleError("--for, --until, --max and --idle need --every")
    if span is None:
        return wanted
    return Schedule(wanted.every, clock.now() + span, wanted.max_captures, wanted.idle)


def capture_times(
    schedule: Schedule, clock: Clock, changed: Callable[[], datetime]
) -> Iterator[datetime]:
    """Yield the start of each capture, waiting between them; stop by the schedule's rules.

    *changed* gives the time the page last changed (read after each capture, for --idle).
    """
    count = 0
    next_start = clock.now()
    while True:
        clock.sleep((next_start - clock.now()).total_seconds())
        start = clock.now()
        yield start
        count += 1
        if schedule.every is None or (schedule.max_captures and count >= schedule.max_captures):
            return
        next_start = start + schedule.every
        if schedule.until is not None and next_start > schedule.until:
            return
        if schedule.idle is not None and next_start - changed() >= schedule.idle:
            return
