"""Shared fixtures: paths, a CLI runner, and a real tiny Pelican site built in tmp_path."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from daybook.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "archive" / "russia-ukraine-war" / "000_93f28ac5cc137d89.txt"
ATOM_RNG = ROOT / ".cache" / "atom.rng"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
RAW_HTML_DAY = """Date: 2025-03-02
Timeline: russia-ukraine-war
Timezone: GMT

{#1200}
## 12:00 — Hand-written raw HTML

<div onclick="window.__pwned='day file'"><script>window.__pwned='day file script'</script>
<a href="javascript:window.__pwned='day link'">x</a> <a href="https://example.org/">fine</a></div>

<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>
"""


@dataclass(frozen=True)
class CliResult:
    """What `daybook` printed and returned."""

    code: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        """stdout parsed as the one JSON object it must be."""
        return json.loads(self.stdout)


@pytest.fixture
def daybook(tmp_path: Path) -> Callable[..., CliResult]:
    """Run the real `daybook` command in a subprocess, with tmp_path as the project."""

    def run(*args: str | Path, cwd: Path = tmp_path) -> CliResult:
        proc = subprocess.run(
            [sys.executable, "-m", "daybook.cli", *map(str, args)],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run


def make(*args: str) -> None:
    """Run the project's Makefile (the virtualenv is already set up by `make test`: -o keeps
    make from reinstalling it)."""
    subprocess.run(["make", "-s", "-C", str(ROOT), "-o", ".venv/.installed", *args], check=True)


def write_day_files(content: Path, files: dict[str, str]) -> None:
    """Write {relative path: text} under *content*."""
    for relative, text in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def build_site(content: Path, output: Path, **overrides: object) -> None:
    """Run Pelican in-process with the project's settings, the theme and the daybook plugin."""
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "CACHE_PATH": str(output.parent / f"{output.name}-cache"),
            **overrides,
        },
    )
    Pelican(settings).run()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Show the real-pages score (tests/test_real_pages.py) at the end of every run."""
    module = sys.modules.get(f"{__package__}.test_real_pages")
    for line in getattr(module, "SUMMARY", []):
        terminalreporter.write_line(line)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    shutil.copy(ROOT / "pelicanconf.py", root)
    pages = [
        str(HOSTILE / name)
        for name in ("hostile_jsonld.html", "hostile_blocks.html", "hostile_text.txt")
    ]
    assert main(["import", "--content", str(root / "content"), "--no-archive", *pages]) == 0
    day = root / "content/russia-ukraine-war/2025/2025-03-02.md"
    day.write_text(
        day.read_text(encoding="utf-8") + "\n" + RAW_HTML_DAY.split("\n\n", 1)[1], encoding="utf-8"
    )
    build_site(root / "content", root / "output", FEED_DOMAIN="https://archive.example.org")
    return root / "output"
