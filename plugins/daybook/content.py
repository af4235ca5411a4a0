"""Find and read the day files under a content folder."""

from __future__ import annotations

import hashlib
import logging
import pickle
import re
from pathlib import Path

from .dayfile import FORMAT_VERSION, DayFileCodec
from .errors import DayFileError
from .model import Day

logger = logging.getLogger(__name__)
_DAY_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}\.md$")


def find_day_files(content: Path) -> list[tuple[str, Path]]:
    """(timeline slug, path) for every ``<timeline>/<YYYY>/<YYYY-MM-DD>.md``, sorted."""
    found = []
    for path in content.glob("*/[0-9][0-9][0-9][0-9]/*.md"):
        if _DAY_FILE.match(path.name) and path.name.startswith(path.parent.name):
            found.append((path.parent.parent.name, path))
    return sorted(found)


def load_days(
    content: Path, codec: DayFileCodec, cache_file: Path | None = None
) -> tuple[list[Day], list[DayFileError]]:
    """Every day file parsed; files that break the format come back as errors, not days.

    With a cache file, a day file whose bytes hash as before is not parsed again.
    """
    known = _load_cache(cache_file)
    used: dict[str, tuple[str, Day]] = {}
    days: list[Day] = []
    errors: list[DayFileError] = []
    for timeline, path in find_day_files(content):
        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        name = path.relative_to(content).as_posix()
        cached = known.get(name)
        day = cached[1] if cached and cached[0] == digest else None
        if day is None:
            try:
                day = _parse(codec, data, path, timeline)
            except DayFileError as exc:
                errors.append(exc)
                continue
        used[name] = (digest, day)
        days.append(day)
    _save_cache(cache_file, used)
    return days, errors


def _parse(codec: DayFileCodec, data: bytes, path: Path, timeline: str) -> Day:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DayFileError(str(path), None, f"not UTF-8 ({exc.reason})") from exc
    day = codec.loads(text, str(path), timeline)
    if day.timeline != timeline or path.stem != day.date.isoformat():
        raise DayFileError(str(path), None, "Timeline:/Date: do not match the file's place")
    return day


def _load_cache(cache_file: Path | None) -> dict[str, tuple[str, Day]]:
    if cache_file is None or not cache_file.exists():
        return {}
    try:
        with cache_file.open("rb") as handle:
            salt, known = pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
        logger.warning("daybook: ignoring an unreadable day cache %s", cache_file)
        return {}
    return known if salt == FORMAT_VERSION else {}


def _save_cache(cache_file: Path | None, used: dict[str, tuple[str, Day]]) -> None:
    if cache_file is None:
        return
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = cache_file.with_suffix(".tmp")
    with temporary.open("wb") as handle:
        pickle.dump((FORMAT_VERSION, used), handle, protocol=pickle.HIGHEST_PROTOCOL)
    temporary.replace(cache_file)
