"""Progress bars for long runs: on a terminal only, transient, driven from this process.

    bars = Bars(terminal(), minimum=5)
    with bars:
        done = bars.phase("importing pages", len(pages))
        for count, page in enumerate(pages, 1):
            ...
            done(count)

A phase of *minimum* items or fewer shows nothing, nor does one that ends within ``DELAY``
seconds: a quick run prints exactly what it printed before. Without a terminal there is no
console and no bar at all, so tests, pipes and logs never see one.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console
    from rich.progress import Progress, TaskID

logger = logging.getLogger(__name__)
DELAY = 1.0
"""Seconds a phase runs before its bar appears."""


def terminal(preferred: Console | None = None) -> Console | None:
    """*preferred* when it writes to a terminal (a live display it already shows, such as
    Pelican's spinner, then holds the bar too), else a console on stderr when that is a
    terminal, else None."""
    if preferred is not None and preferred.is_terminal:
        return preferred
    if not sys.stderr.isatty():
        return None
    from rich.console import Console  # noqa: PLC0415 (only for a terminal)

    return Console(stderr=True)


class Bars:
    """One transient bar at a time on *console*, for phases of more than *minimum* items."""

    def __init__(self, console: Console | None, minimum: int, redirect: bool = False) -> None:
        self.console = console
        self.minimum = minimum
        self.redirect = redirect
        """Whether lines printed to sys.stderr (and to sys.stdout on a terminal) while the bar
        shows go above it; not in builds, whose forked workers must not inherit streams that
        write through the parent's console."""
        self._current: _Phase | None = None

    def phase(self, name: str, total: int) -> Callable[[int], None]:
        """A phase of *total* items begins (ending the last); the function returned is told
        how many are done so far."""
        self.close()
        if self.console is None or total <= self.minimum:
            return _ignore
        self._current = _Phase(self, name, total)
        return self._current.done

    def close(self) -> None:
        """Remove the bar on screen, if any."""
        if self._current is not None:
            self._current.stop()
            self._current = None

    def __enter__(self) -> Bars:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Phase:
    def __init__(self, bars: Bars, name: str, total: int) -> None:
        self.bars = bars
        self.name = name
        self.total = total
        self.began = time.monotonic()
        self.over = False
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        if DELAY <= 0:
            self.done(0)

    def done(self, count: int) -> None:
        if self.over:
            return
        if count >= self.total:
            self.stop()
            return
        if self._bar is None and time.monotonic() - self.began >= DELAY:
            self._start()
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=count)

    def _start(self) -> None:
        from rich.errors import LiveError  # noqa: PLC0415 (only for a terminal)
        from rich.progress import MofNCompleteColumn, Progress  # noqa: PLC0415

        redirect = self.bars.redirect
        bar = Progress(
            *Progress.get_default_columns(),
            MofNCompleteColumn(),
            console=self.bars.console,
            transient=True,
            # Lines for a terminal go above the bar; lines for a pipe still go to the pipe.
            redirect_stdout=redirect and sys.stdout.isatty(),
            redirect_stderr=redirect,
        )
        self._task = bar.add_task(self.name, total=self.total)
        try:
            bar.start()
        except LiveError:  # an older rich shows one live display per console at most
            logger.debug("daybook: no progress bar under another live display")
            self.over = True
            return
        self._bar = bar

    def stop(self) -> None:
        self.over = True
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _ignore(_count: int) -> None:
    """No bar: nothing to tell."""
