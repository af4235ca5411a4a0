"""The day files of a content folder, and what each held when the last build read it.

A file whose size, modification time and inode are what the last build saw is taken to hold
what it held then (as make, git and Hugo do); any other file is read and hashed, and only a
changed hash means the day is read again. As in git's racy-index check, a file modified within
two seconds before the index was written is hashed again, whatever its stat says: a second
edit within the file system's clock tick would otherwise go unseen.
"""

from __future__ import annotations

import logging
import marshal
import os
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..dayfile.folder import find_day_files
from .records import DaySummary
from .store import CacheStore

logger = logging.getLogger(__name__)
_RACY_NS = 2_000_000_000

StatKey = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class DayFile:
    """One ``<timeline>/<YYYY>/<YYYY-MM-DD>.md``, and what the last build knew of it."""

    timeline: str
    date: date
    location: str
    """The file's path (a string: thousands of Path objects per build add up)."""
    relative: str
    stat: StatKey
    digest: str | None
    """The content hash the last build read, if it read this file."""
    summary: DaySummary | None
    """What the last build learnt of that version of the file."""
    unchanged: bool
    """The stat is what the last build saw (and not racy): digest and summary hold."""

    @property
    def path(self) -> Path:
        """The file's path."""
        return Path(self.location)


class ContentIndex:
    """Stat, hash and summary of each day file as of the last build, kept in the cache store."""

    def __init__(self, store: CacheStore, salt: str) -> None:
        self._store = store
        self._salt = salt
        self._known, self._written_ns = self._load()
        self._next: dict[str, tuple[StatKey, str, DaySummary]] = {}

    def scan(self, content: Path) -> list[DayFile]:
        """Every day file, by stat alone: which ones may have changed since the last build."""
        files = []
        for timeline, relative, path in find_day_files(content):
            try:
                stat = os.stat(path)
                day = date.fromisoformat(relative[-13:-3])
            except (FileNotFoundError, ValueError):
                continue  # removed while we looked, or not a calendar date
            key = (stat.st_size, stat.st_mtime_ns, stat.st_ino)
            known = self._known.get(relative)
            unchanged = (
                known is not None and known[0] == key and key[1] < self._written_ns - _RACY_NS
            )
            digest, summary = (known[1], known[2]) if known else (None, None)
            files.append(DayFile(timeline, day, path, relative, key, digest, summary, unchanged))
        return files

    def remember(self, day: DayFile, digest: str, summary: DaySummary) -> None:
        """Keep *summary* of this version of *day* for the next build."""
        self._next[day.relative] = (day.stat, digest, summary)

    def save(self) -> None:
        """Write what this build learnt (only the files it found) for the next build."""
        if self._next == self._known and not self._any_racy():
            return
        rows: list[tuple[Any, ...]] = [
            (relative, *stat, digest, marshal.dumps(summary.to_plain()))
            for relative, (stat, digest, summary) in sorted(self._next.items())
        ]
        self._store.replace_rows("content", "1 = 1", (), rows)
        written = str(time.time_ns())
        self._store.set_meta({"content_salt": self._salt, "content_written_ns": written})

    def _any_racy(self) -> bool:
        # Entries racy against the current index stay racy until it is written again later.
        return any(stat[1] >= self._written_ns - _RACY_NS for stat, _, _ in self._next.values())

    def _load(self) -> tuple[dict[str, tuple[StatKey, str, DaySummary]], int]:
        if self._store.meta("content_salt") != self._salt:
            return {}, 0
        written_ns = int(self._store.meta("content_written_ns") or 0)
        known = {}
        try:
            for relative, size, mtime_ns, inode, digest, plain in self._store.rows(
                "SELECT relative, size, mtime_ns, inode, digest, summary FROM content"
            ):
                stat = (int(size), int(mtime_ns), int(inode))
                summary = DaySummary.from_plain(marshal.loads(plain))
                known[str(relative)] = (stat, str(digest), summary)
        except (EOFError, ValueError, TypeError):
            logger.warning("daybook: ignoring an unreadable content index in %s", self._store.path)
            return {}, 0
        return known, written_ns
