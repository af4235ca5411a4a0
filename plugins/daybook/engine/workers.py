"""Run a build step over many items on every core: forked workers, results in order.

Forking lets each worker start with the builder as it is (settings, templates, Pelican's
writer) instead of pickling it. Small batches, a single core or a platform without fork run in
this process instead, with the same results.

Pelican builds inside a rich status spinner, whose thread may hold the console's locks at the
moment of the fork; a worker therefore never writes through the parent's console or streams:
its log records go to a handler of its own on a fresh copy of stderr. For the same reason
progress is told only here, in the parent, as whole chunks come back (``done``).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from concurrent.futures import Future

logger = logging.getLogger(__name__)
Item = TypeVar("Item")
Result = TypeVar("Result")
# Below this many items, starting workers costs more than it saves.
MIN_PARALLEL_ITEMS = 48
Done = Callable[[int], None]
"""Told, in the parent process only, how many items are done so far."""

_task: Callable[[object], object] | None = None
_finish: Callable[[], None] | None = None


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run_all(  # noqa: PLR0913 -- three optional hooks, keyword-only
    task: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    *,
    meanwhile: Callable[[], None] | None = None,
    done: Done | None = None,
    finish: Callable[[], None] | None = None,
) -> list[Result]:
    """``[task(item) for item in items]``, spread over up to *workers* processes; this process
    runs *meanwhile* (if given) while the workers work, then tells *done* (if given) how many
    items are done as each chunk comes back. Neither changes the results or their order.
    *finish* (if given) runs after each chunk in the process that ran it (so after all items
    when they ran here): for what a task leaves to be written once, such as a cache's rows."""
    workers = min(workers, len(items) // (MIN_PARALLEL_ITEMS // 2) or 1)
    if workers < 2 or not _can_fork():
        serial = []
        for item in items:
            serial.append(task(item))
            if done:
                done(len(serial))
        if finish:
            finish()
        if meanwhile:
            meanwhile()
        return serial
    global _task, _finish  # noqa: PLW0603 -- read by the forked workers, set only here
    _task, _finish = task, finish  # type: ignore[assignment]
    # Contiguous chunks keep neighbouring days (which share feed pages) in one worker.
    size = -(-len(items) // (workers * 4))
    chunks = [items[start : start + size] for start in range(0, len(items), size)]
    # Imported here: most builds are small and never start a worker.
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_own_logging
        ) as pool:
            futures = [pool.submit(_run_chunk, chunk) for chunk in chunks]
            if meanwhile:
                meanwhile()
            if done:
                _follow(futures, [len(chunk) for chunk in chunks], done)
            # Each chunk's results are the task's: the pool's futures only lose their type.
            chunked = [cast("list[Result]", future.result()) for future in futures]
    finally:
        _task = _finish = None
    logger.debug("daybook: %d item(s) in %d worker(s)", len(items), workers)
    return [result for chunk in chunked for result in chunk]


def _follow(futures: Sequence[Future[list[object]]], sizes: list[int], done: Done) -> None:
    """Tell *done*, in this process, how many items are done as each chunk finishes."""
    from concurrent.futures import as_completed  # noqa: PLC0415

    size_of = dict(zip(futures, sizes, strict=True))
    finished = 0
    for future in as_completed(futures):
        finished += size_of[future]
        done(finished)


def _run_chunk(chunk: Sequence[object]) -> list[object]:
    if _task is None:
        raise RuntimeError("daybook: a worker runs only inside run_all")
    results = [_task(item) for item in chunk]
    if _finish is not None:
        _finish()
    return results


def _own_logging() -> None:
    """In a worker: log through a new handler on a new stream, at the parent's level."""
    root = logging.getLogger()
    stream = os.fdopen(os.dup(sys.stderr.fileno()), "w", buffering=1, encoding="utf-8")
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork")
