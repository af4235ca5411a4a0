"""Timing and memory of one command: wall seconds and the peak memory of its whole process tree.

A build may fork workers, so the peak RSS of one process (what wait4 reports) understates it;
the tree's proportional set size (PSS: shared pages split between the processes sharing them)
is sampled every 10 ms from /proc and its largest sum reported.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.01


@dataclass(frozen=True)
class Run:
    """One command's wall time and peak memory."""

    seconds: float
    peak_mb: float
    """Largest sum of PSS over the process tree (falls back to the largest single RSS)."""


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run *command*, failing loudly, and measure it."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    sampler = _TreeSampler(proc.pid)
    sampler.start()
    stderr = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    sampler.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{stderr.decode()[-1500:]}")
    return Run(elapsed, max(sampler.peak_kb, usage.ru_maxrss) / 1024)


def timed(command: list[str], cwd: Path, repeat: int, prepare: Callable[[], None] | None = None,
          env: dict[str, str] | None = None) -> Run:  # fmt: skip
    """The median time and the largest peak over *repeat* runs, prepare() before each."""
    runs = []
    for _ in range(repeat):
        if prepare:
            prepare()
        runs.append(run(command, cwd, env))
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


class _TreeSampler(threading.Thread):
    """Samples the summed PSS of a process and all its descendants."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak_kb = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in self._tree()))
            self._done.wait(SAMPLE_SECONDS)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def _tree(self) -> list[int]:
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
        tree, frontier = [self.root], [self.root]
        while frontier:
            frontier = [pid for pid, parent in parents.items() if parent in frontier]
            tree += frontier
        return tree


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def size_mb(folder: Path) -> float:
    """Bytes of every file under *folder*, in MB."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def file_count(folder: Path) -> int:
    """Number of files under *folder*."""
    return sum(1 for p in folder.rglob("*") if p.is_file())
