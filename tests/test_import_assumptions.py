"""What the importer assumes is reported; what it cannot know it asks for; options win."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from daybook.cli import main
from daybook.core.errors import SettingsError
from daybook.core.settings import DaybookSettings

NEW_TIMELINE = ["--timeline", "new-story"]


def run(capsys, tmp_path: Path, text: str, *args: str, name: str = "page.txt"):
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    content = tmp_path / "content"
    code = main(["import", "--no-archive", "--content", str(content), *args, str(page)])
    out = capsys.readouterr()
    return code, out.out, out.err


def report(capsys, tmp_path, text, *args):
    code, out, err = run(capsys, tmp_path, text, "--dry-run", "--json", *args)
    assert code == 0, err
    return json.loads(out)


def test_clock_times_with_no_zone_anywhere_are_refused(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path, "Thursday, April 4, 2024\n\n18:08 — Talks end\n\nBody.\n",
                         *NEW_TIMELINE)  # fmt: skip
    assert code == 1
    assert err.count("\n") == 1 and "page.txt: line 3: clock times carry no zone" in err
    assert "--tz" in err and "Traceback" not in err
    assert not (tmp_path / "content").exists()


def test_every_choice_is_an_assumption_naming_its_source(capsys, tmp_path):
    text = "Thursday, April 4, 2024\n\nAll times EDT:\n\n9:05 p.m.: Ferries stop.\n\n8:10 p.m.: Rain.\n"
    found = report(capsys, tmp_path, text, *NEW_TIMELINE)
    assumed = {(a["what"], a["from"].split(",")[0]) for a in found["assumptions"]}
    assert ("zone", "the page's note") in assumed
    assert ("timeline zone", "the page's note") in assumed
    assert ("date", "the date line") in assumed
    assert any(a["what"] == "order" and a["value"] == "newest first" for a in found["assumptions"])
    assert found["files"][0]["day_zone"] == "America/New_York"
    assert [u["day"] for u in found["updates"]] == ["2024-04-04", "2024-04-04"]


def test_tz_wins_over_the_page_note_with_a_warning(capsys, tmp_path):
    text = "Thursday, April 4, 2024\n\nAll times EDT:\n\n9:05 p.m.: Ferries stop.\n"
    found = report(capsys, tmp_path, text, *NEW_TIMELINE, "--tz", "Europe/Paris")
    assert found["updates"][0]["published"] == "2024-04-04T19:05:00+00:00"
    assert any("--tz" in w and "EDT" in w for w in found["warnings"])


def test_date_wins_over_a_caption_date_with_a_warning(capsys, tmp_path):
    text = (
        "Live: talks\n\nA file photo from September 8, 2022.\n\n"
        "7:07am: Talks resume\n\nBody.\n\n6:01am: Delegates arrive\n\nBody.\n"
    )
    found = report(capsys, tmp_path, text, *NEW_TIMELINE, "--tz", "Europe/Paris",
                   "--date", "2022-11-18")  # fmt: skip
    assert {u["day"] for u in found["updates"]} == {"2022-11-18"}
    assert any("2022-09-08" in w and "--date" in w for w in found["warnings"])


def test_a_new_timeline_keeps_the_outlets_days(capsys, tmp_path):
    """A New Zealand paper's 15 February stays 15 February, and the next page agrees."""
    text = "Saturday, February 15, 2025\n\n8:15am: Quake felt in Wellington\n\nBody.\n"
    code, _, err = run(capsys, tmp_path, text, *NEW_TIMELINE, "--tz", "Pacific/Auckland")
    assert code == 0, err
    day_file = tmp_path / "content/new-story/2025/2025-02-15.md"
    assert "Timezone: Pacific/Auckland" in day_file.read_text(encoding="utf-8")
    later = "Sunday, February 16, 2025\n\n7:30am: Aftershock\n\nBody.\n"
    found = report(capsys, tmp_path, later, *NEW_TIMELINE)
    assert found["files"][0]["day_zone"] == "Pacific/Auckland"
    assert any(a["from"] == "the timeline's day files" for a in found["assumptions"])


@pytest.mark.parametrize("slug", ["../evil", "Evil", "a/b", "a--b", "a-", ""])
def test_a_timeline_that_is_not_a_slug_is_refused(capsys, tmp_path, slug):
    code, _, err = run(capsys, tmp_path, "1808 GMT — Headline\n\nBody.\n", "--timeline", slug,
                         "--date", "2024-04-04")  # fmt: skip
    assert code == 2 if slug else code == 0
    if slug:
        assert "is not a slug" in err and "Traceback" not in err
        assert not (tmp_path / "content").exists() and not (tmp_path / "evil").exists()


def test_a_slug_in_the_settings_is_checked_too(tmp_path):
    with pytest.raises(SettingsError, match="not a slug"):
        DaybookSettings.from_mapping({"timelines": {"../x": {"title": "X"}}})


def test_dry_run_prints_a_table_then_skipped_lines_and_assumptions(capsys, tmp_path):
    text = "Thursday, April 4, 2024\n\nLoading...\n\n1808 GMT — NATO rules out troops\n\nBody.\n"
    code, out, err = run(capsys, tmp_path, text, "--dry-run", *NEW_TIMELINE)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1].split() == ["local", "time", "UTC", "day", "headline", "(or", "first", "words)",
                                "flags"]  # fmt: skip
    assert lines[2].split()[:5] == ["2024-04-04", "18:08", "GMT", "2024-04-04", "18:08Z"]
    assert "NATO rules out troops" in lines[2] and lines[2].rstrip().endswith("new")
    assert any("skipped line 3 (page noise): Loading..." in line for line in lines)
    assert any(line.startswith("  assumed timeline zone: GMT") for line in lines)
    assert lines[-1] == "  (dry run: nothing written)"
