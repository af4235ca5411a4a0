"""Rendered days kept between builds, in one SQLite database.

One file rather than one per day: a long archive has thousands of days, and creating thousands
of small files is slow on common file systems (ext4 spends more time finding an inode than
writing the data). SQLite also lets forked workers write at the same time, safely. Each
process opens its own connection: a connection must not cross a fork, so the builder closes
its own before starting workers.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import date
from pathlib import Path

from .records import DayRecord

logger = logging.getLogger(__name__)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS record (
    timeline TEXT NOT NULL,
    day TEXT NOT NULL,
    digest TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (timeline, day)
)
"""


class RecordStore:
    """Day records by (timeline, date), each checked against its day file's hash."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = 0

    def has(self, timeline: str, day: date, digest: str) -> bool:
        """True if the record of exactly this version of the day file is kept."""
        return self._data(timeline, day, digest) is not None

    def load(self, timeline: str, day: date, digest: str) -> DayRecord | None:
        """The kept record, if there is one for exactly this version of the day file."""
        data = self._data(timeline, day, digest)
        if data is None:
            return None
        try:
            return DayRecord.from_bytes(data)
        except (ValueError, TypeError, EOFError):
            logger.warning("daybook: ignoring an unreadable cached day %s %s", timeline, day)
            return None

    def save(self, record: DayRecord) -> None:
        """Keep *record*, replacing any older version of its day."""
        with self._db() as db:
            db.execute(
                "INSERT OR REPLACE INTO record VALUES (?, ?, ?, ?)",
                (record.timeline, record.date.isoformat(), record.digest, record.to_bytes()),
            )

    def _data(self, timeline: str, day: date, digest: str) -> bytes | None:
        """The stored bytes of exactly this version of the day; None for none, or a damaged
        database (which is then started afresh)."""
        query = "SELECT data FROM record WHERE timeline = ? AND day = ? AND digest = ?"
        try:
            row = self._db().execute(query, (timeline, day.isoformat(), digest)).fetchone()
        except sqlite3.OperationalError:
            raise  # locked, or the disk: not a broken file
        except sqlite3.DatabaseError:
            self._reset()
            return None
        return row[0] if row else None

    def prune(self, keep: set[tuple[str, date]]) -> None:
        """Forget the records of days that are no longer in the content."""
        wanted = {(timeline, day.isoformat()) for timeline, day in keep}
        db = self._db()
        gone = [row for row in db.execute("SELECT timeline, day FROM record") if row not in wanted]
        if gone:
            with db:
                db.executemany("DELETE FROM record WHERE timeline = ? AND day = ?", gone)

    def prepare(self) -> None:
        """Create the database (and its WAL mode) here, before workers open it at once."""
        self._db()
        self.close()

    def close(self) -> None:
        """Close this process's connection (before forking workers, or at the end)."""
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None

    def _db(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            self._connection = self._open()
            self._pid = os.getpid()
        return self._connection

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return _connect(self.path)
        except sqlite3.OperationalError:
            raise  # locked, or the disk: not a broken file, so nothing to throw away
        except sqlite3.DatabaseError:
            self._reset()
            return _connect(self.path)

    def _reset(self) -> None:
        """Throw away a damaged database (it is only a cache) and start an empty one."""
        logger.warning("daybook: starting a new cache; %s was unreadable", self.path)
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=120)
    # WAL lets workers read while another writes; a cache can skip the fsync of each commit.
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute(_SCHEMA)
    return connection
