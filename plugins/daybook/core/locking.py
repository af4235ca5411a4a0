"""One writer at a time: an exclusive lock on the content folder while an import writes."""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import DaybookError

logger = logging.getLogger(__name__)


def lock_path(content: Path) -> Path:
    """The lock file for *content*: outside the project, so a refused import writes nothing."""
    key = hashlib.sha256(str(content.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"daybook-{key}.lock"


@contextmanager
def content_lock(content: Path, timeout: float = 600.0) -> Iterator[None]:
    """Hold the content folder's lock; wait for another import to finish, up to *timeout* s.

    Temporary files a killed import left behind are removed once the lock is held: no other
    writer can own them then.
    """
    path = lock_path(content)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        _acquire(fd, path, timeout)
        for stale in content.rglob(".*.tmp") if content.is_dir() else ():
            logger.warning("daybook: removed %s, left by an interrupted import", stale)
            stale.unlink(missing_ok=True)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _acquire(fd: int, path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise DaybookError(
                    f"{path}: another import held the lock for {timeout:.0f} s"
                ) from None
            time.sleep(0.05)
