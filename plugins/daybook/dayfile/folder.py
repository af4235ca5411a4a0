"""Day files in a content folder: find them, read one, read them all."""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path

from ..core.errors import DayFileError
from ..core.model import Day
from .codec import DayFileCodec

_YEAR = re.compile(r"^\d{4}$")
_DAY_FILE = re.compile(r"^(\d{4})-\d{2}-\d{2}\.md$")


def find_day_files(content: Path) -> list[tuple[str, str, str]]:
    """(timeline, relative path, path) of every day file under *content*, sorted."""
    found = []
    for timeline in _entries(str(content)):
        if not timeline.is_dir() or timeline.name.startswith("."):
            continue
        for year in _entries(timeline.path):
            if not (year.is_dir() and _YEAR.match(year.name)):
                continue
            for entry in _entries(year.path):
                match = _DAY_FILE.match(entry.name)
                if match and match.group(1) == year.name and entry.is_file():
                    relative = f"{timeline.name}/{year.name}/{entry.name}"
                    found.append((timeline.name, relative, entry.path))
    return sorted(found)


def _entries(folder: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as listing:
            return list(listing)
    except (FileNotFoundError, NotADirectoryError):
        return []


def read_day(codec: DayFileCodec, data: bytes, path: Path, timeline: str) -> Day:
    """Parse one day file's bytes; DayFileError if it breaks the format or its place."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DayFileError(str(path), None, f"not UTF-8 ({exc.reason})") from exc
    day = codec.loads(text, str(path), timeline)
    if day.timeline != timeline or path.stem != day.date.isoformat():
        raise DayFileError(str(path), None, "Timeline:/Date: do not match the file's place")
    return day


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


def day_path(content: Path, timeline: str, day: date) -> Path:
    """Where the day file of *timeline* on *day* lives under the content folder."""
    return content / timeline / f"{day.year:04d}" / f"{day.isoformat()}.md"


def write_text_atomic(path: Path, text: str) -> bool:
    """Write *text* to *path* through a temporary file and rename; False if already identical."""
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    write_bytes_atomic(path, data)
    return True


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file, fsync and rename: a reader (or a
    kill) sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
