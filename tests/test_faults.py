"""Faults: an import killed at any point, two imports at once, a broken pipe."""

from __future__ import annotations

import random
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from daybook.core.locking import content_lock
from daybook.dayfile.codec import DayFileCodec

from .conftest import ROOT
from .pages import day_page

codec = DayFileCodec()


def pages(tmp_path: Path) -> tuple[Path, Path]:
    """A first capture of ten days, and a later one adding updates to them and five more days."""
    first, second = [], []
    for offset in range(15):
        text = day_page(date(2024, 5, 1 + offset), 9, random.Random(offset))
        body = text.split("\n", 4)[4].split("For our live updates")[0]  # date line to last update
        second.append(body)
        if offset < 10:
            sections = re.split(r"(?m)^(?=\d{4} GMT — )", body)
            first.append("".join(part for index, part in enumerate(sections) if index % 3 != 1))
    a, b = tmp_path / "first.txt", tmp_path / "second.txt"
    a.write_text("\n".join(first), encoding="utf-8")
    b.write_text("\n".join(second), encoding="utf-8")
    return a, b


def snapshot(content: Path) -> dict[str, bytes]:
    return {
        p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*.md"))
    }


def run_import(project: Path, page: Path, instrument: str = "") -> subprocess.Popen:
    code = f"{instrument}\nimport sys\nfrom daybook.cli import main\nsys.exit(main(['import', '--no-archive', {str(page)!r}]))"
    return subprocess.Popen(
        [sys.executable, "-c", code], cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


@pytest.fixture
def project(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "pelicanconf.py", project)
    first, second = pages(tmp_path)
    assert run_import(project, first).wait() == 0
    reference = tmp_path / "reference"
    shutil.copytree(project, reference)
    assert run_import(reference, second).wait() == 0
    return project, second, snapshot(project / "content"), snapshot(reference / "content")


def assert_each_file_old_or_complete(content: Path, before: dict, after: dict) -> None:
    now = snapshot(content)
    for name, data in now.items():
        assert data in (before.get(name), after[name]), name
        codec.loads(data.decode(), name)  # and every file still parses


# Each fsync waits a little, so the writing phase of an import lasts long enough for a kill
# at a fraction of its measured time to land while it writes, even on a busy machine.
SLOW_WRITES = """
import os, time
_real_fsync = os.fsync
def _slow_fsync(fd):
    time.sleep(0.1)
    return _real_fsync(fd)
os.fsync = _slow_fsync
"""

KILL_AT = """
import os, signal
_calls = 0
_real = os.{name}
def _hook(*args):
    global _calls
    _calls += 1
    if _calls > {after}:
        os.kill(os.getpid(), signal.SIGKILL)
    return _real(*args)
os.{name} = _hook
"""


@pytest.mark.parametrize(
    ("call", "after"), [("fsync", 0), ("fsync", 4), ("replace", 0), ("replace", 7), ("replace", 14)]
)
def test_import_killed_mid_write_leaves_every_day_file_old_or_complete(project, call, after):
    folder, second, before, complete = project
    proc = run_import(folder, second, KILL_AT.format(name=call, after=after))
    assert proc.wait() == -signal.SIGKILL
    assert_each_file_old_or_complete(folder / "content", before, complete)
    # The next import finishes the job and clears what the killed one left behind.
    assert run_import(folder, second).wait() == 0
    assert snapshot(folder / "content") == complete
    assert not list((folder / "content").rglob(".*.tmp"))


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.75])
def test_import_killed_at_any_time(project, fraction):
    """Killed at a point within the time a whole import takes here (so the kill lands while
    it works, and the test fails if it did not), every day file is old or complete."""
    folder, second, before, complete = project
    timing = folder.parent / "timing"
    shutil.copytree(folder, timing)
    started = time.monotonic()
    assert run_import(timing, second, SLOW_WRITES).wait() == 0
    took = time.monotonic() - started
    proc = run_import(folder, second, SLOW_WRITES)
    time.sleep(took * fraction)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the import ended before the kill"
    assert_each_file_old_or_complete(folder / "content", before, complete)


def test_two_imports_do_not_interleave(project):
    folder, second, before, _ = project
    with content_lock(folder / "content"):
        waiting = run_import(folder, second)
        time.sleep(1.0)
        assert waiting.poll() is None  # still waiting for the lock
        assert snapshot(folder / "content") == before  # and it wrote nothing
    assert waiting.wait(timeout=60) == 0
    assert snapshot(folder / "content") != before


def test_broken_pipe_is_not_a_traceback(tmp_path):
    seed = ROOT / "archive/russia-ukraine-war/000_93f28ac5cc137d89.txt"
    shell = f"{sys.executable} -m daybook.cli import --dry-run {seed} | head -c 10"
    result = subprocess.run(
        shell, shell=True, cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert "Traceback" not in result.stderr
