"""The build cache: one SQLite database with one versioned schema (docs/architecture.md).

It keeps what a build learns for the next one: rendered days (`record`), the stat, hash and
summary of each day file (`content`), the key and stat of each file written (`output`), and
the state of the search index (`search`), with small facts in `meta`. A schema version other
than this code's, or a damaged file, starts an empty cache: it is only a cache.

One file rather than one per day: a long archive has thousands of days, and creating thousands
of small files is slow on common file systems (ext4 spends more time finding an inode than
writing the data). SQLite also lets forked workers write at the same time, safely. Each
process opens its own connection: a connection must not cross a fork, so the builder closes
its own before starting workers. Day records and summaries are marshal blobs: plain tuples,
several times quicker to load than pickle or JSON.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from .records import DayRecord

logger = logging.getLogger(__name__)
SCHEMA_VERSION = 2
CACHE_FILE = "daybook.sqlite"
_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS record (
        timeline TEXT NOT NULL, day TEXT NOT NULL, digest TEXT NOT NULL, data BLOB NOT NULL,
        PRIMARY KEY (timeline, day))""",
    """CREATE TABLE IF NOT EXISTS content (
        relative TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
        inode INTEGER NOT NULL, digest TEXT NOT NULL, summary BLOB NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS output (
        site TEXT NOT NULL, relative TEXT NOT NULL, key TEXT NOT NULL, size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL, PRIMARY KEY (site, relative))""",
    """CREATE TABLE IF NOT EXISTS search (
        site TEXT PRIMARY KEY, pages TEXT NOT NULL, entry TEXT NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


_SAVES_PER_COMMIT = 64


class CacheStore:
    """The build cache of one cache folder; day records by (timeline, date), each checked
    against its day file's hash, and the tables the other parts of the engine keep."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / CACHE_FILE
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._pending: list[tuple[str, str, str, bytes]] = []

    def rows(self, query: str, *args: object) -> list[tuple[Any, ...]]:
        """The rows *query* selects; none from a damaged database (then started afresh)."""
        try:
            return list(self._db().execute(query, args))
        except sqlite3.OperationalError:
            raise  # locked, or the disk: not a broken file
        except sqlite3.DatabaseError:
            self._reset()
            return []

    def replace_rows(
        self, table: str, where: str, args: tuple[object, ...], rows: list[tuple[Any, ...]]
    ) -> None:
        """Replace the rows of *table* matching *where* by *rows*, in one transaction."""
        if not rows and not self.rows(f"SELECT 1 FROM {table} WHERE {where} LIMIT 1", *args):
            return
        marks = ", ".join("?" * len(rows[0])) if rows else ""
        with self._db() as db:
            db.execute(f"DELETE FROM {table} WHERE {where}", args)
            if rows:
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def meta(self, name: str) -> str | None:
        """A small fact kept with the cache (the content index's salt, its write time)."""
        found = self.rows("SELECT value FROM meta WHERE name = ?", name)
        return str(found[0][0]) if found else None

    def set_meta(self, values: dict[str, str]) -> None:
        """Keep small facts with the cache."""
        with self._db() as db:
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(values.items()))

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
        """Keep *record*, replacing any older version of its day: written with the next
        ``flush`` (or once enough are waiting), since a commit per record cost 0.67 s of a
        7.6 s build of 1,000 days."""
        row = (record.timeline, record.date.isoformat(), record.digest, record.to_bytes())
        self._pending.append(row)
        if len(self._pending) >= _SAVES_PER_COMMIT:
            self.flush()

    def flush(self) -> None:
        """Write the records saved since the last flush, in one transaction."""
        if not self._pending:
            return
        with self._db() as db:
            db.executemany("INSERT OR REPLACE INTO record VALUES (?, ?, ?, ?)", self._pending)
        self._pending = []

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
        """Write what is waiting and close this process's connection (before forking workers,
        or at the end)."""
        self.flush()
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
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        listed = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = [row[0] for row in listed]
        with connection:
            for table in tables:
                connection.execute(f"DROP TABLE {table}")
            for statement in _SCHEMA:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return connection
