"""The reading order of a page (newest or oldest first) from the steps between its clocks."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import pairwise

from .clock import Stamp
from .text import Draft
from .zones import resolve_zone


def order_steps(drafts: tuple[Draft, ...], zone: tzinfo) -> tuple[int, int]:
    """How many steps between neighbouring stamps (within a date block) go forward, and back."""
    forward = backward = 0
    for _, block in blocks(drafts):
        keys = [_order_key(d.stamp, zone) for d in block]
        for a, b in pairwise(keys):
            later = None if a is None or b is None or a == b else _later(a, b)
            if later is None:
                continue
            forward, backward = (forward + 1, backward) if later else (forward, backward + 1)
    return forward, backward


def _later(a: datetime | int, b: datetime | int) -> bool | None:
    """Whether *b* comes after *a*; None when one is an instant and the other a clock."""
    if isinstance(a, datetime) and isinstance(b, datetime):
        return b > a
    if isinstance(a, int) and isinstance(b, int):
        return 0 < b - a <= 720 or b - a < -720
    return None


def _order_key(stamp: Stamp | None, zone: tzinfo) -> datetime | int | None:
    if stamp is None:
        return None  # an untimed draft: no clock to order by
    if stamp.instant is not None:
        return stamp.instant
    if stamp.relative is not None:
        return datetime(2000, 1, 1, tzinfo=UTC) - stamp.relative
    if stamp.date is not None and stamp.date.year:
        naive = datetime(
            stamp.date.year, stamp.date.month, stamp.date.day, stamp.hour, stamp.minute
        )
        printed = resolve_zone(stamp.zone) if stamp.zone else None
        return naive.replace(tzinfo=printed or zone)
    printed = resolve_zone(stamp.zone) if stamp.zone else None
    return utc_minutes(stamp, printed or zone, None)


def utc_minutes(stamp: Stamp, zone: tzinfo, day: date | None) -> int:
    """The clock in minutes, shifted by its zone's offset, so GMT and BST stamps compare."""
    sample = datetime.combine(day or date(2000, 1, 1), time(12)).replace(tzinfo=zone)
    offset = sample.utcoffset() or timedelta(0)
    return stamp.hour * 60 + stamp.minute - int(offset.total_seconds() // 60)


def blocks(drafts: tuple[Draft, ...] | list[Draft]) -> list[tuple[int, list[Draft]]]:
    blocks: dict[int, list[Draft]] = {}
    for draft in drafts:
        blocks.setdefault(draft.block, []).append(draft)
    return sorted(blocks.items())
