"""Read every day file under a content folder (for checks; builds use daybook.build)."""

from __future__ import annotations

from pathlib import Path

from .build.content_index import find_day_files
from .build.records import read_day
from .dayfile import DayFileCodec
from .errors import DayFileError
from .model import Day


def load_days(content: Path, codec: DayFileCodec) -> tuple[list[Day], list[DayFileError]]:
    """Every day file parsed; files that break the format come back as errors, not days."""
    days: list[Day] = []
    errors: list[DayFileError] = []
    for timeline, _, location in find_day_files(content):
        path = Path(location)
        try:
            days.append(read_day(codec, path.read_bytes(), path, timeline))
        except DayFileError as exc:
            errors.append(exc)
    return days, errors
