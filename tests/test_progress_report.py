"""A build that tells the user what it did: many pages are reported a line each and a total
(every detail with --verbose), and long imports and builds show a progress bar on a terminal
only, driven from the parent process, changing no output byte."""

from __future__ import annotations

import io
import json
import os
from datetime import date, timedelta
from pathlib import Path

from rich.console import Console

import daybook.cli
import daybook.site.generator
from daybook.cli import main
from daybook.engine.workers import MIN_PARALLEL_ITEMS, run_all
from daybook.tools import progress
from daybook.tools.progress import Bars, terminal

from .conftest import build_site


def write_pages(folder: Path, count: int) -> list[str]:
    """*count* one-day pages, 1-6 April 2024, each with a noise line; the sixth page's weekday
    is wrong (a warning)."""
    paths = []
    for number in range(1, count + 1):
        day = date(2024, 4, number)
        weekday = "Monday" if number == 6 else f"{day:%A}"
        page = folder / f"page{number}.txt"
        page.write_text(
            f"{weekday}, April {number}, 2024\n\nLoading...\n\n1808 GMT — Talks on day {number}\n"
            f"\nWhat was said.\n\n0905 GMT — Briefing {number}\n\nWho was there.\n",
            encoding="utf-8",
        )
        paths.append(str(page))
    return paths


def run_import(capsys, tmp_path: Path, count: int, *args: str) -> list[str]:
    pages = write_pages(tmp_path, count)
    content = ["--content", str(tmp_path / "content"), "--timeline", "new-story"]
    assert main(["import", "--no-archive", *content, *args, *pages]) == 0
    return capsys.readouterr().out.splitlines()


def test_many_pages_are_a_line_each_and_a_total(capsys, tmp_path):
    lines = run_import(capsys, tmp_path, 6)
    assert len(lines) == 7
    assert lines[0] == (
        f"{tmp_path}/page1.txt: 2 updates on 1 day, 2024-04-01 (2 new); "
        "1 skipped line, 4 assumptions, 0 warnings"
    )
    assert lines[5] == (
        f"{tmp_path}/page6.txt: 2 updates on 1 day, 2024-04-06 (2 new); "
        "1 skipped line, 3 assumptions, 1 warning (see --verbose)"
    )
    assert lines[6] == (
        "total: 6 pages, 12 updates on 6 days (12 new); 6 skipped lines, 19 assumptions, "
        "1 warning (see --verbose); wrote 6 day files"
    )


def test_verbose_gives_every_page_its_details_and_the_total(capsys, tmp_path):
    lines = run_import(capsys, tmp_path, 6, "--dry-run", "--verbose")
    assert sum(line == "  skipped line 3 (page noise): Loading..." for line in lines) == 6
    assert "  assumed date: 2024-04-03 (from the date line, line 1)" in lines
    assert (
        "  warning: line 1: weekday in 'Monday, April 6, 2024' does not match 2024-04-06" in lines
    )
    assert sum(line.split()[:2] == ["local", "time"] for line in lines) == 6  # the tables
    assert lines[-1] == (
        "total: 6 pages, 12 updates on 6 days (12 new); 6 skipped lines, 19 assumptions, "
        "1 warning; dry run: nothing written"
    )


def test_a_dry_run_of_many_pages_is_condensed_and_counts_refusals(capsys, tmp_path):
    pages = write_pages(tmp_path, 6)
    args = ["import", "--no-archive", "--dry-run", "--timeline", "new-story"]
    assert main([*args, "--content", str(tmp_path / "c"), *pages, str(tmp_path / "gone.txt")]) == 1
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert len(lines) == 7 and not any(
        "local" in line or "skipped line 3" in line for line in lines
    )
    assert lines[-1].endswith("; 1 page refused; dry run: nothing written")
    assert "gone.txt: no such file" in out.err


def test_a_few_pages_keep_every_detail(capsys, tmp_path):
    lines = run_import(capsys, tmp_path, 5)
    assert sum(line == "  skipped line 3 (page noise): Loading..." for line in lines) == 5
    assert not any(line.startswith("total:") for line in lines)


def test_json_of_many_pages_is_still_one_object_with_everything(capsys, tmp_path):
    report = json.loads("\n".join(run_import(capsys, tmp_path, 6, "--dry-run", "--json")))
    assert len(report["skipped"]) == 6 and len(report["warnings"]) == 1


def fake_terminal() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, width=100)


def shown(console: Console) -> str:
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue()


def test_a_phase_of_many_items_shows_a_bar_and_a_few_show_nothing(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0)
    many, few = fake_terminal(), fake_terminal()
    for console, total in ((many, 300), (few, 3)):
        with Bars(console, minimum=200) as bars:
            done = bars.phase("reading day files", total)
            for count in range(1, total + 1):
                done(count)
    assert "reading day files" in shown(many) and "0/300" in shown(many)
    assert shown(few) == ""


def test_a_quick_phase_and_no_terminal_show_nothing(monkeypatch):
    quick = fake_terminal()
    with Bars(quick, minimum=2) as bars:  # the default delay: a phase this quick shows no bar
        done = bars.phase("importing pages", 300)
        done(1)
    assert shown(quick) == ""
    monkeypatch.setattr(progress, "DELAY", 0)
    with Bars(None, minimum=2) as bars:
        bars.phase("importing pages", 300)(1)  # nothing to show it on, and nothing fails
    assert terminal(quick) is quick
    assert terminal(Console(file=io.StringIO())) is None  # tests' stderr is no terminal


def test_an_import_of_many_pages_shows_a_bar_on_a_terminal(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(progress, "DELAY", 0)
    consoles: list[Console] = []

    def terminal_for_test() -> Console:
        consoles.append(fake_terminal())
        return consoles[-1]

    monkeypatch.setattr(daybook.cli, "terminal", terminal_for_test)
    run_import(capsys, tmp_path, 6, "--dry-run")
    run_import(capsys, tmp_path, 5, "--dry-run")
    run_import(capsys, tmp_path, 6, "--dry-run", "--json")  # no bar, no console asked for
    assert len(consoles) == 2
    assert "importing pages" in shown(consoles[0]) and shown(consoles[1]) == ""


def test_workers_tell_progress_in_the_parent_without_changing_results():
    items = list(range(MIN_PARALLEL_ITEMS * 3))
    for workers in (1, 2):
        told: list[tuple[int, int]] = []

        def done(count: int, told: list[tuple[int, int]] = told) -> None:
            told.append((count, os.getpid()))

        assert run_all(_square, items, workers, done=done) == [i * i for i in items]
        counts = [n for n, _ in told]
        assert counts == sorted(counts) and counts[-1] == len(items)
        assert {pid for _, pid in told} == {os.getpid()}
        assert len(told) == (len(items) if workers == 1 else 8)  # each item, else each chunk


def _square(item: int) -> int:
    return item * item


def test_a_build_with_bars_writes_what_a_build_without_them_does(monkeypatch, tmp_path):
    content = tmp_path / "content"
    start = date(2024, 4, 1)
    for offset in range(MIN_PARALLEL_ITEMS + 2):  # enough days for two workers
        day = start + timedelta(days=offset)
        folder = content / "war" / f"{day.year}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{day}.md").write_text(
            f"Title: Day {offset}\nDate: {day}\nTimeline: war\nTimezone: UTC\n\n"
            f"{{#1200}}\n## 12:00 — Update {offset}\n\nBody {offset}.\n",
            encoding="utf-8",
        )
    settings = {"DAYBOOK": {"default_timeline": "war", "workers": 2}}
    build_site(content, tmp_path / "plain", **settings)
    console = fake_terminal()
    monkeypatch.setattr(progress, "DELAY", 0)
    monkeypatch.setattr(daybook.site.generator, "terminal", lambda _console: console)
    monkeypatch.setattr(daybook.site.generator, "BAR_MINIMUM", 10)
    build_site(content, tmp_path / "bars", **settings)
    assert "reading day files" in shown(console)
    assert "writing day pages and feeds" in shown(console)
    assert _files(tmp_path / "bars") == _files(tmp_path / "plain")


def _files(output: Path) -> dict[str, bytes]:
    return {
        p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()
    }
