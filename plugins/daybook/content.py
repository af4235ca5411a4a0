"""Find and read the day files under a content folder."""

from __future__ import annotations

import re
from pathlib import Path

from .dayfile import DayFileCodec
from .errors import DayFileError
from .model import Day

_DAY_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}\.md$")


def find_day_files(content: Path) -> list[tuple[str, Path]]:
    """(timeline slug, path) for every ``<timeline>/<YYYY>/<YYYY-MM-DD>.md``, sorted."""
    found = []
    for path in content.glob("*/[0-9][0-9][0-9][0-9]/*.md"):
        if _DAY_FILE.match(path.name) and path.name.startswith(path.parent.name):
            found.append((path.parent.parent.name, path))
    return sorted(found)


def load_days(content: Path, codec: DayFileCodec) -> tuple[list[Day], list[DayFileError]]:
    """Every day file parsed; files that break the format come back as errors, not days."""
    days: list[Day] = []
    errors: list[DayFileError] = []
    for timeline, path in find_day_files(content):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            errors.append(DayFileError(str(path), None, f"not UTF-8 ({exc.reason})"))
            continue
        try:
            day = codec.loads(text, str(path), timeline)
        except DayFileError as exc:
            errors.append(exc)
            continue
        if day.timeline != timeline or path.stem != day.date.isoformat():
            errors.append(
                DayFileError(str(path), None, "Timeline:/Date: do not match the file's place")
            )
            continue
        days.append(day)
    return days, errors
