"""`daybook check`: archive -> content -> output, update by update."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from .conftest import ROOT, make


@pytest.fixture
def project(tmp_path):
    """A copy of the sample project with its site built."""
    for name in ("content", "archive"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "pelicanconf.py", tmp_path)
    make(
        "html", f"INPUTDIR={tmp_path / 'content'}", f"OUTPUTDIR={tmp_path / 'output'}", "SEARCH=no"
    )
    return tmp_path


def test_sample_archive_reconciles(daybook, project):
    result = daybook("check", cwd=project)
    assert result.code == 0, result.stderr
    assert result.stdout.strip() == (
        "archive: 1 pages, 16 updates; content: 2 days, 16 updates; "
        "output: 2 day pages, 16 update anchors, 16 feed items; 0 problems"
    )


def test_update_deleted_from_output_by_hand_is_named(daybook, project):
    page = project / "output/russia-ukraine-war/2024/04/04/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        re.sub(r'<article class="update" id="1430">.*?</article>', "", html, flags=re.S),
        encoding="utf-8",
    )
    result = daybook("check", cwd=project)
    assert result.code == 1
    assert "output: /russia-ukraine-war/2024/04/04/#1430 is not on its day page" in result.stderr


def test_update_missing_from_content_is_named(daybook, project):
    day = project / "content/russia-ukraine-war/2024/2024-04-03.md"
    text = day.read_text(encoding="utf-8")
    day.write_text(text.split("\n\n{#2343")[0] + "\n", encoding="utf-8")
    result = daybook("check", cwd=project)
    assert result.code == 1
    assert (
        "update of 2024-04-03 23:43 UTC 'Top diplomats to mark 75 years of NATO' is not in content"
        in result.stderr
    )
    assert (
        "feeds: item /russia-ukraine-war/2024/04/03/#2343 has no update in content" in result.stderr
    )


def test_doubled_update_is_named(daybook, project):
    day = project / "content/russia-ukraine-war/2024/2024-04-03.md"
    text = day.read_text(encoding="utf-8")
    section = "{#2149" + text.split("{#2149", 1)[1].split("\n\n{#", 1)[0]
    day.write_text(
        text.rstrip("\n") + "\n\n" + section.replace("{#2149", "{#2149-copy", 1) + "\n",
        encoding="utf-8",
    )
    result = daybook("check", cwd=project)
    assert result.code == 1
    assert (
        "content: russia-ukraine-war 2024-04-03 #2149-copy appears more than once" in result.stderr
    )


def test_import_options_are_kept_beside_the_archived_page(daybook, tmp_path):
    shutil.copy(ROOT / "pelicanconf.py", tmp_path)
    page = tmp_path / "undated.txt"
    page.write_text(
        "1808 — Ferry crossings resume\n\nThe first boat left at six.\n", encoding="utf-8"
    )
    assert daybook("import", "--date", "2025-06-03", "--tz", "Europe/Paris", page).code == 0
    recipe = json.loads(
        (tmp_path / "archive/russia-ukraine-war/undated.txt.import.json").read_text()
    )
    assert recipe == {"date": "2025-06-03", "tz": "Europe/Paris"}
    make(
        "html", f"INPUTDIR={tmp_path / 'content'}", f"OUTPUTDIR={tmp_path / 'output'}", "SEARCH=no"
    )
    assert daybook("check", cwd=tmp_path).code == 0  # re-read with the same options
