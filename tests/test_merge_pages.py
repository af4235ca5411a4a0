"""Importing several captures of one live blog: each update once, anchors and hand edits kept."""

from __future__ import annotations

import re
import shutil

import pytest

from .conftest import ROOT

MORNING = """Harbour strike live

Tuesday, June 3, 2025

0930 GMT — Talks resume at the port

Both sides arrived at nine.

0815 GMT — Pickets at gate 4

About 50 dock workers gathered at dawn.
"""
# The same blog captured later: one new update, one whose text the outlet corrected.
EVENING = """Harbour strike live

Tuesday, June 3, 2025

1740 GMT — Deal reached, strike called off

Loading resumes tomorrow.

0930 GMT — Talks resume at the port

Both sides arrived at nine, an hour late.

0815 GMT — Pickets at gate 4

About 50 dock workers gathered at dawn.
"""
DAY = "content/russia-ukraine-war/2025/2025-06-03.md"


@pytest.fixture
def project(tmp_path):
    shutil.copy(ROOT / "pelicanconf.py", tmp_path / "pelicanconf.py")
    (tmp_path / "morning.txt").write_text(MORNING, encoding="utf-8")
    (tmp_path / "evening.txt").write_text(EVENING, encoding="utf-8")
    return tmp_path


def statuses(result) -> dict[str, str]:
    return {u["anchor"]: u["status"] for u in result.json()["updates"]}


def test_overlapping_pages_give_each_update_once(daybook, project):
    assert daybook("import", "morning.txt").code == 0
    result = daybook("import", "--json", "evening.txt")
    assert result.code == 0, result.stderr
    assert statuses(result) == {"0815": "unchanged", "0930": "changed", "1740": "new"}
    text = (project / DAY).read_text(encoding="utf-8")
    assert text.count("\n## ") == 3
    assert "Both sides arrived at nine, an hour late." in text
    assert "Both sides arrived at nine.\n" not in text
    assert (
        "Sources: archive/russia-ukraine-war/morning.txt, archive/russia-ukraine-war/evening.txt"
        in text
    )


def test_both_pages_in_one_run(daybook, project):
    result = daybook("import", "--json", "morning.txt", "evening.txt")
    assert result.code == 0
    assert (project / DAY).read_text(encoding="utf-8").count("\n## ") == 3


def test_changed_update_keeps_its_anchor_and_flags(daybook, project):
    daybook("import", "morning.txt")
    day = project / DAY
    day.write_text(
        day.read_text(encoding="utf-8").replace("{#0930 ", "{#0930 .key "), encoding="utf-8"
    )
    daybook("import", "evening.txt")
    text = day.read_text(encoding="utf-8")
    assert re.search(
        r'\{#0930 \.key updated="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" digest="\w+"\}', text
    )
    assert "an hour late" in text
    assert '{#0815 digest="' in text  # unchanged updates get no updated time


def test_hand_edit_survives_a_new_capture(daybook, project):
    daybook("import", "morning.txt")
    day = project / DAY
    edited = day.read_text(encoding="utf-8").replace(
        "Both sides arrived at nine.", "Both sides arrived at 9:00 (fixed by hand)."
    )
    day.write_text(edited, encoding="utf-8")
    result = daybook("import", "--json", "evening.txt")
    assert statuses(result)["0930"] == "hand-edited"
    text = day.read_text(encoding="utf-8")
    assert "fixed by hand" in text and "an hour late" not in text


def test_second_import_of_the_same_inputs_changes_no_byte(daybook, project):
    daybook("import", "morning.txt", "evening.txt")
    before = (project / DAY).read_bytes()
    again = daybook("import", "--json", "morning.txt", "evening.txt")
    assert again.json()["written"] == []
    assert (project / DAY).read_bytes() == before


def test_the_same_update_on_two_pages_of_different_days(daybook, project):
    """A page that repeats yesterday's last update adds nothing for it."""
    (project / "next.txt").write_text(
        "Wednesday, June 4, 2025\n\n0105 GMT — Night shift returns\n\nCranes are moving.\n\n"
        "Tuesday, June 3, 2025\n\n1740 GMT — Deal reached, strike called off\n\nLoading resumes tomorrow.\n",
        encoding="utf-8",
    )
    daybook("import", "evening.txt")
    result = daybook("import", "--json", "next.txt")
    assert statuses(result) == {"0105": "new", "1740": "unchanged"}


def test_reimporting_an_older_capture_does_not_undo_a_newer_one(daybook, project):
    daybook("import", "morning.txt", "evening.txt")
    result = daybook("import", "--json", "morning.txt")
    assert statuses(result)["0930"] == "superseded"
    assert "an hour late" in (project / DAY).read_text(encoding="utf-8")
