"""What the last build wrote into an output folder, so this one writes only what changed.

Each output file is known by a key: a hash of everything it is rendered from. A file whose key
is the same as last time, and which is still as it was written (same size and modification
time), is left alone; files the last build wrote and this one does not are removed, so an
incremental build leaves exactly what a clean build writes.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from .store import CacheStore

logger = logging.getLogger(__name__)

_Entry = tuple[str, int, int]
"""(key, size, modification time in ns) of one written file."""


class OutputManifest:
    """The keys and stats of the files a build wrote under one output folder."""

    def __init__(self, output: Path, store: CacheStore) -> None:
        self.output = output
        self._root = str(output)
        self._site = str(output.resolve())
        self._store = store
        self._last = self._load()
        self._now: dict[str, _Entry] = {}

    def fresh(self, relative: str, key: str) -> bool:
        """True if *relative* holds what *key* describes (then it counts as written now)."""
        last = self._last.get(relative)
        if last is None or last[0] != key:
            return False
        try:
            stat = os.stat(f"{self._root}/{relative}")
        except OSError:
            return False
        if stat.st_size != last[1] or stat.st_mtime_ns != last[2]:
            return False
        self._now[relative] = last
        return True

    def written(self, relative: str, key: str) -> None:
        """Note that *relative* was just written from *key*."""
        stat = os.stat(f"{self._root}/{relative}")
        self._now[relative] = (key, stat.st_size, stat.st_mtime_ns)

    @property
    def changed(self) -> list[str]:
        """The files this build wrote (or rewrote)."""
        return sorted(r for r, entry in self._now.items() if entry != self._last.get(r))

    def remove_stale(self) -> list[str]:
        """Delete the files the last build wrote that this build does not produce."""
        removed = []
        for relative in sorted(set(self._last) - set(self._now)):
            path = self.output / relative
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            removed.append(relative)
            _remove_empty_parents(path.parent, self.output)
        if removed:
            logger.info("daybook: removed %d file(s) no longer in the site", len(removed))
        return removed

    def save(self) -> None:
        """Keep this build's entries for the next build."""
        if self._now == self._last:
            return
        rows: list[tuple[object, ...]] = [
            (self._site, relative, *entry) for relative, entry in sorted(self._now.items())
        ]
        self._store.replace_rows("output", "site = ?", (self._site,), rows)

    def _load(self) -> dict[str, _Entry]:
        query = "SELECT relative, key, size, mtime_ns FROM output WHERE site = ?"
        return {
            str(relative): (str(key), int(size), int(mtime_ns))
            for relative, key, size, mtime_ns in self._store.rows(query, self._site)
        }


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
