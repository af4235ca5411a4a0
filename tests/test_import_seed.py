"""The importer on the shipped sample live blog: its updates, instants, noise and report."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT, SEED

# What a reader of the saved page sees: 16 updates, newest first, crossing midnight after 0906.
EXPECTED = [
    ("2024-04-03T21:49:00+00:00", "France denies Russian claim of discussion on potential Ukraine talks"),
    ("2024-04-03T23:41:00+00:00", "Russian drone attack kills three in Kharkiv: Ukraine officials"),
    ("2024-04-03T23:43:00+00:00", "Top diplomats to mark 75 years of NATO"),
    ("2024-04-04T09:06:00+00:00", "Russian strike on Kharkiv 'despicable': Zelenskyy"),
    ("2024-04-04T09:32:00+00:00", "War would come to Europe if Ukraine fails, German foreign minister warns"),
    ("2024-04-04T09:42:00+00:00", "Russian air attacks kill five in northeast Ukraine"),
    ("2024-04-04T10:01:00+00:00", "Russia and NATO are now in 'direct confrontation' — Kremlin"),
    ("2024-04-04T10:03:00+00:00", "Alliance work to 'cement Ukraine's path' towards membership: NATO chief"),
    ("2024-04-04T10:14:00+00:00", "'No doubt' Russia targeting Paris Olympics: Macron"),
    ("2024-04-04T14:30:00+00:00", "Russia ready for 'honest' peace agreement with Ukraine: Moscow"),
    ("2024-04-04T15:00:00+00:00", "IMF expects high-level discussion on Ukraine budget support"),
    ("2024-04-04T15:56:00+00:00", "Ukraine strikes may have hit 15 percent of Russian refinery capacity: NATO official"),
    ("2024-04-04T16:56:00+00:00", "Zaporizhzhia nuclear power plant 'on verge' of another blackout: Ukraine"),
    ("2024-04-04T17:58:00+00:00", "Blinken pushes for urgently needed aid for Ukraine"),
    ("2024-04-04T18:06:00+00:00", "Zelenskyy accuses Moscow of cynically targeting civilians"),
    ("2024-04-04T18:08:00+00:00", "NATO has no plans to deploy troops to Ukraine, and Kiev has made no such request, the alliance's chief has said."),
]  # fmt: skip
NOISE = [
    "Loading...",
    "More updates",
    "click here",
    "Route 6",
    "Photo: Reuters Archive",
    "772nd day",
]


@pytest.fixture
def project(tmp_path):
    """An empty project folder with the site's settings."""
    shutil.copy(ROOT / "pelicanconf.py", tmp_path / "pelicanconf.py")
    return tmp_path


def test_dry_run_json_reports_the_sixteen_updates(daybook, project):
    result = daybook("import", "--dry-run", "--json", SEED)
    assert result.code == 0, result.stderr
    report = result.json()  # stdout is exactly one JSON object
    assert [(u["published"], u["headline"]) for u in report["updates"]] == EXPECTED
    assert {u["day"] for u in report["updates"][:3]} == {"2024-04-03"}
    assert {u["timeline"] for u in report["updates"]} == {"russia-ukraine-war"}
    assert len({(u["day"], u["anchor"]) for u in report["updates"]}) == 16
    assert report["written"] == []
    assert not (project / "content").exists()
    assert not (project / "archive").exists()


def test_noise_is_reported_not_imported(daybook, project):
    report = daybook("import", "--dry-run", "--json", SEED).json()
    text = " ".join(u["headline"] + " " + u["body"] for u in report["updates"])
    for fragment in NOISE:
        assert fragment not in text
    skipped = {s["text"]: s["reason"] for s in report["skipped"]}
    assert skipped["Route 6"] == "page footer"
    assert (
        skipped["For our live updates from Wednesday, April 3, click here."]
        == "link to another day"
    )
    assert sum(1 for s in report["skipped"] if s["text"] == "Loading...") == 2
    assert all(s["line"] > 0 and s["reason"] for s in report["skipped"])


def test_bodies_keep_every_paragraph(daybook, project):
    report = daybook("import", "--dry-run", "--json", SEED).json()
    nato = report["updates"][-1]
    assert nato["anchor"] == "1808"
    assert nato["body"].count("\n\n") == 1
    assert nato["body"].startswith("Jens Stoltenberg said at a press conference")
    kremlin = next(u for u in report["updates"] if u["anchor"] == "1001")
    assert kremlin["body"].count("\n\n") == 4
    assert kremlin["source"] == "Kremlin"


def test_import_writes_day_files_and_archives_the_page(daybook, project):
    result = daybook("import", SEED)
    assert result.code == 0, result.stderr
    day3 = project / "content/russia-ukraine-war/2024/2024-04-03.md"
    day4 = project / "content/russia-ukraine-war/2024/2024-04-04.md"
    assert day3.read_text(encoding="utf-8").count("\n## ") == 3
    assert day4.read_text(encoding="utf-8").count("\n## ") == 13
    assert (project / "archive/russia-ukraine-war" / SEED.name).read_bytes() == SEED.read_bytes()
    before = {p: p.read_bytes() for p in (day3, day4)}
    again = daybook("import", "--json", SEED)
    assert again.code == 0
    assert again.json()["written"] == []
    assert {u["status"] for u in again.json()["updates"]} == {"unchanged"}
    assert {p: p.read_bytes() for p in (day3, day4)} == before


def test_committed_sample_is_what_the_importer_writes(daybook, tmp_path):
    """Re-importing the shipped page into a copy of the shipped content changes no byte."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "archive", tmp_path / "archive")
    shutil.copy(ROOT / "pelicanconf.py", tmp_path / "pelicanconf.py")
    result = daybook("import", "--json", tmp_path / "archive/russia-ukraine-war" / SEED.name)
    assert result.code == 0, result.stderr
    assert result.json()["written"] == []
    diff = subprocess.run(
        ["diff", "-r", str(ROOT / "content"), str(tmp_path / "content")],
        capture_output=True,
        check=False,
    )
    assert diff.returncode == 0, diff.stdout


def test_hand_edits_survive_reimport(daybook, project):
    daybook("import", SEED)
    day4 = project / "content/russia-ukraine-war/2024/2024-04-04.md"
    edited = (
        day4.read_text(encoding="utf-8")
        .replace("## 18:06 — Zelenskyy accuses", "## 18:06 — Zelenskyy (edited) accuses")
        .replace("{#1430", "{#1430 .key")
    )
    day4.write_text(edited, encoding="utf-8")
    result = daybook("import", "--json", SEED)
    assert result.code == 0
    assert day4.read_text(encoding="utf-8") == edited
    statuses = {u["anchor"]: u["status"] for u in result.json()["updates"]}
    assert statuses["1806"] == "hand-edited"
    assert list(statuses.values()).count("unchanged") == 15


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b"  \n\n \n", "is empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("prose.txt", b"Just some words.\n\nNo clock anywhere.\n", "no timestamps found"),
        ("mixed.txt", "Caf\u00e9 ".encode() + "caf\u00e9 1808 GMT".encode("cp1252"), "mixes UTF-8"),
        ("undated.txt", "1808 GMT \u2014 Headline\n\nBody.\n".encode(), "--date"),
    ],
)
def test_unusable_input_gives_one_line_error_and_writes_nothing(
    daybook, project, name, data, reason
):
    source = project / name
    source.write_bytes(data)
    result = daybook("import", source)
    assert result.code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0] and reason in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert not (project / "content").exists()
    assert not (project / "archive").exists()


def test_missing_file_and_bad_options_are_clear(daybook, project):
    missing = daybook("import", project / "nope.txt")
    assert missing.code != 0 and "nope.txt: no such file" in missing.stderr
    bad_tz = daybook("import", "--tz", "Mars/Olympus", SEED)
    assert bad_tz.code != 0 and "Mars/Olympus" in bad_tz.stderr and "Traceback" not in bad_tz.stderr
    bad_date = daybook("import", "--date", "yesterday", SEED)
    assert bad_date.code == 2 and "YYYY-MM-DD" in bad_date.stderr


def test_one_bad_file_does_not_stop_the_others(daybook, project):
    empty = project / "empty.txt"
    empty.write_bytes(b"")
    result = daybook("import", "--json", empty, SEED)
    assert result.code == 1
    report = result.json()
    assert len(report["updates"]) == 16
    assert report["errors"] == [f"{empty}: is empty"]
    assert (project / "content/russia-ukraine-war/2024/2024-04-04.md").exists()


def test_html_page_falls_back_to_visible_text(daybook, project):
    page = project / "saved.html"
    page.write_text(
        """<!doctype html><html><head><title>Live</title><script>var x = "0900 GMT — fake";</script></head>
        <body><nav>Home</nav><h1>Live blog: Storm</h1><p>Tuesday, June 3, 2025</p>
        <article><h2>0012 GMT — Cranes restart</h2><p>Work resumed <b>at dawn</b>.</p></article>
        <article><h2>2351 GMT — Search widens</h2><p>The area doubled.</p><button>Share</button></article>
        </body></html>""",
        encoding="utf-8",
    )
    report = daybook("import", "--dry-run", "--json", page).json()
    assert [(u["published"], u["headline"], u["body"]) for u in report["updates"]] == [
        ("2025-06-02T23:51:00+00:00", "Search widens", "The area doubled."),
        ("2025-06-03T00:12:00+00:00", "Cranes restart", "Work resumed at dawn."),
    ]
    assert report["files"][0]["format"] == "html"


def test_runs_from_any_folder_with_the_projects_settings(daybook, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = daybook("import", "--dry-run", "--json", SEED, cwd=elsewhere)
    assert result.code == 0, result.stderr
    assert {u["timeline"] for u in result.json()["updates"]} == {"russia-ukraine-war"}
    assert list(elsewhere.iterdir()) == []


def test_settings_file_that_does_not_exist_is_a_clear_error(daybook, project):
    result = daybook("import", "--settings", project / "nope.py", SEED)
    assert result.code == 2
    assert result.stderr.strip() == f"daybook: {project / 'nope.py'}: no such settings file"
