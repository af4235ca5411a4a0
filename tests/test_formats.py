"""Every format variant of reference/formats.md §4: instants, headlines, bodies, sources.

Fixtures are invented pages under tests/fixtures/formats/, one or more per variant, plus the
adversarial pages (a video duration in the text, a city clock header and a misleading crawl
date; mixed clock syntaxes). Expectations were checked by hand against the page's text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from daybook.cli import main

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "formats"

CASES = [
    ('v01_day_header_dashes.txt', [], [
        ('2025-06-02T22:50:00', 'Winds reach 120 km/h', 'Gusts were strongest on the headland.', None),
        ('2025-06-02T23:05:00', 'Power cut in three districts: utility', 'About 12,000 homes lost power.', 'utility'),
        ('2025-06-02T23:40:00', 'Ferry services suspended until further notice', 'The operator cancelled all crossings.', None),
        ('2025-06-02T23:51:00', 'Coastguard widens search zone', 'The search area doubled overnight after a fishing boat went missing.', None),
        ('2025-06-03T00:12:00', 'Harbour cranes restart after storm', 'Dock workers resumed loading at dawn, the port authority said.', None),
    ]),
    ('v01_multi_day_ampm.txt', ['--tz', 'America/New_York'], [
        ('2024-11-06T00:15:00', 'Queues outside the library polling station', 'Voters waited up to an hour.', None),
        ('2024-11-06T01:00:00', 'Polls close across the city', 'Counting began immediately in all 40 districts.', None),
        ('2024-11-06T04:55:00', 'Turnout passes 60 percent', 'Officials said it was the highest turnout in two decades.', None),
        ('2024-11-06T05:40:00', 'Final district reports', '', None),
        ('2024-11-06T06:10:00', 'Winner declared in the mayoral race', 'The election board confirmed the result shortly after one in the morning.', None),
    ]),
    ('v02_all_times_edt.txt', [], [
        ('2022-05-26T15:30:00', '', 'Union leaders met the transport minister for two hours.\n\nThey agreed to meet again on Friday.', None),
        ('2022-05-26T23:00:00', '', 'Officials reopened the northern bridge.', None),
        ('2022-05-27T01:05:00', '', 'The ferry operator said it would refund all cancelled tickets.', None),
    ]),
    ('v02_mixed_clock_syntax.txt', ['--tz', 'Europe/Paris'], [
        ('2025-03-08T07:08:00', '', 'The strike began at midnight, on schedule.', None),
        ('2025-03-08T14:56:00', '', "Saturday's negotiations ended without agreement.", None),
        ('2025-03-09T08:47:00', '', 'Several schools report staff shortages.', None),
        ('2025-03-09T08:47:00', '', 'The unions have called a rally for 2 pm in front of the ministry.', None),
        ('2025-03-09T09:09:00', '', 'The transport authority advises travellers to work from home.', None),
        ('2025-03-09T09:16:00', '', 'Trains are running on two of the five suburban lines.', None),
    ]),
    ('v03_headline_above_stamp.txt', [], [
        ('2024-02-07T09:30:00', 'Schools to stay closed on Thursday', 'The education office said buildings still needed inspection.', None),
        ('2024-02-07T13:05:00', 'Bus route 12 diverted', 'Buses will avoid the river road until Friday.', None),
        ('2024-02-07T14:20:00', 'Library reopens after flood repairs', 'The city library welcomed readers back on Wednesday after two weeks of repairs.\n\nStaff moved 4,000 books to the upper floor before the water rose.', None),
    ]),
    ('v03_relative_and_absolute.txt', [], [
        ('2023-07-14T09:58:00', 'Hospitals report rise in heat-related admissions', 'Doctors urged people to stay indoors during the afternoon.', None),
        ('2023-07-14T11:00:00', 'Water restrictions extended to three more counties', 'The utility said reservoir levels had fallen to 40 percent.', None),
    ]),
    ('v03_sky_time_lines.txt', ['--date', '2025-06-03'], [
        ('2025-06-03T14:20:00', 'Ministers arrive for summit', 'The first delegations arrived by train.', None),
        ('2025-06-03T15:45:00', 'Talks resume in Brussels', 'Negotiators returned to the table after a two-hour break.', None),
    ]),
    ('v04_relative_only.txt', ['--date', '2025-01-10T18:00'], [
        ('2025-01-10T13:00:00', 'Schools announce closures', 'All schools in the valley will stay shut on Friday.', None),
        ('2025-01-10T15:00:00', 'Power restored to most eastern districts', 'Engineers finished repairs overnight, the utility said.', None),
    ]),
    ('v05_glued_published_at.txt', [], [
        ('2023-05-12T12:55:00', 'Strike talks resume at 14:00', 'Both sides met at the arbitration service.', None),
        ('2023-05-12T14:40:00', 'Commuters react with relief', 'Passengers at the central station said they were glad to have certainty.', None),
        ('2023-05-12T15:05:00', 'Rail strike called off', 'Union leaders said a new pay offer would be put to members next week.', None),
    ]),
    ('v06_no_stamps_title_date.txt', [], [
        ('2025-03-02T00:00:00', 'Airport tests new baggage system', 'The trial will run for a month in terminal 2.', None),
        ('2025-03-02T00:00:01', 'Tram line 4 reopens', 'Service resumed on Sunday after repairs.\n\nIt runs every ten minutes until midnight.', None),
        ('2025-03-02T00:00:02', 'Bridge inspectors submit final report', "The transport ministry received the inspectors' findings and will publish them next week.", None),
    ]),
    ('v06_no_stamps_url_date.txt', [], [
        ('2023-10-24T00:00:00', 'New cycle lane opens on the ring road', 'The 4 km lane links the university with the station.', None),
        ('2023-10-24T00:00:01', 'Museum announces free entry weekend', 'All city museums will waive entry fees on Saturday and Sunday.', None),
    ]),
    ('v07_author_numeric_dates.txt', ['--tz', 'America/Los_Angeles'], [
        ('2023-10-04T20:05:10', '', 'Doors are open and the hall is filling up.', None),
        ('2023-10-04T20:07:42', '', 'The keynote has started; the stage lights just dimmed.', None),
        ('2023-10-04T20:07:42', '', 'A new laptop is on the screen already.', None),
        ('2023-10-04T20:15:03', '', 'The demo crashed, to laughter from the audience.', None),
    ]),
    ('v07_date_in_stamp.txt', ['--tz', 'America/New_York'], [
        ('2022-02-28T13:49:00', 'Reservoir levels fall to record low', 'The national water agency published new figures.', None),
        ('2022-03-01T04:50:00', 'Government announces emergency fund', 'The fund will cover irrigation costs for small farms.', None),
        ('2022-03-01T11:39:00', 'Farmers protest water quotas', 'Several hundred farmers blocked a highway near the capital.', None),
    ]),
    ('v08_dual_zone.txt', [], [
        ('2025-09-08T01:15:00', '', 'Delegations leave the first session.', None),
        ('2025-09-08T06:45:00', '', 'Soybean futures rise in early trading.', None),
        ('2025-09-08T08:30:00', '', 'Port authority says loading resumed at dawn.', None),
    ]),
    ('v09_uk_dst_labels.txt', [], [
        ('2025-03-30T00:58:00', '', 'Polls closed in the final district.', None),
        ('2025-03-30T01:03:00', '', 'Turnout figures are now in: 38 percent.', None),
        ('2025-03-30T01:41:00', '', 'The first result is declared in the north ward.', None),
    ]),
    ('v09_uk_fall_back.txt', [], [
        ('2024-10-26T23:50:00', 'Last ballot boxes arrive', '', None),
        ('2024-10-27T00:30:00', 'Candidates gather at the town hall', '', None),
        ('2024-10-27T01:30:00', 'Recount ordered in the east ward', '', None),
        ('2024-10-27T02:15:00', 'Final results expected within the hour', '', None),
    ]),
    ('v10_wire_rules.txt', ['--date', '2025-05-09'], [
        ('2025-05-09T00:00:00', '', 'The river authority published flow data for the first time in a month.', 'Reuters'),
        ('2025-05-09T00:00:01', '', 'KYIV, Ukraine — The city council approved a new shelter budget.', None),
        ('2025-05-09T00:00:02', '', 'Two observers arrived at the border crossing on Friday.', 'AFP'),
        ('2025-05-09T00:00:03', '', 'GENEVA — Negotiators agreed to extend the water-sharing talks by a week.', None),
    ]),
    ('v12_event_clock.txt', [], [
        ('2025-11-22T06:08:00', '', 'Drinks break. India 41/0 after 7 overs.', None),
        ('2025-11-22T06:11:00', '', '7.2: Kapoor to Malik, 1 run, pushed to mid-on.', None),
        ('2025-11-22T06:12:00', '', '7.3: Kapoor to Malik, FOUR, driven through the covers.', None),
        ('2025-11-22T06:12:00', '', '7.4: Kapoor to Malik, no run, beaten outside off.', None),
    ]),
    ('adv_video_duration.txt', [], [
        ('2025-04-12T17:40:00', 'River peaks at 6.2 metres', 'Officials expect the level to fall from midnight.\n\n13:32 of footage released by the fire service shows the evacuation.', None),
        ('2025-04-12T18:15:00', 'Helicopters lift 40 people from rooftops', 'Watch: rescue crews reach the stranded village overnight 13:32\n\nThe army said more aircraft would join on Sunday.', None),
    ]),
    ('adv_clock_header.txt', [], [
        ('2022-02-25T23:12:00', 'Airspace closed to civilian flights', 'The aviation authority issued the notice this evening.', None),
        ('2022-02-26T00:40:00', 'Convoy reaches the outskirts', 'Satellite images show a column of vehicles north of the city.', None),
    ]),
    ('v09_guardian_blocks.txt', [], [
        ('2024-03-07T17:51:00', '', 'Residents in the lower town are asked to boil drinking water until further notice.', None),
        ('2024-03-07T17:51:00', '', 'Emergency funding of £2m has been approved for the worst-hit streets.', None),
        ('2024-03-07T18:14:00', 'Summary', 'The council will publish a full damage report on Monday.', None),
    ]),
    ('v07_nyt_twice.txt', [], [
        ('2022-02-24T12:58:00', 'Oil passes $100 a barrel', 'Brent crude rose above $100 for the first time since 2014.', None),
        ('2022-02-24T13:49:00', 'Markets fall at the open', 'Stocks dropped sharply in the first minutes of trading.', None),
    ]),
    ('v05_footer_stamps.txt', [], [
        ('2022-02-25T10:55:00', 'Chancellor confirms fuel duty freeze', 'The freeze will last another twelve months, the chancellor told MPs.', None),
        ('2022-02-25T11:20:00', 'Opposition leader responds', 'She called the budget a missed opportunity.', None),
    ]),
    ('v07_numeric_date_header.txt', ['--tz', 'America/Chicago'], [
        ('2022-04-12T02:30:00', '', 'Evacuation orders were issued for the low-lying districts.', None),
        ('2022-04-12T12:00:00', '', 'The river crested overnight at 8.1 metres.\n\nCrews are pumping water out of the hospital basement.', None),
    ]),
    ('v02_mojibake_signature.txt', [], [
        ('2023-02-08T02:00:00', 'Air raid sirens sound across the region', 'Residents were told to move to shelters.', None),
        ('2023-02-08T03:00:00', 'Drone strikes reported near the power plant', 'The regional governor said two drones were shot down.', None),
    ]),
]  # fmt: skip


def run_import(capsys, *args: str | Path) -> dict:
    code = main(["import", "--dry-run", "--json", "--no-archive", *map(str, args)])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


@pytest.mark.parametrize(("name", "args", "expected"), CASES, ids=[c[0] for c in CASES])
def test_variant(capsys, name, args, expected):
    report = run_import(capsys, *args, FIXTURES / name)
    found = [
        (u["published"][:19], u["headline"], u["body"], u["source"]) for u in report["updates"]
    ]
    assert found == expected
    assert all(u["published"].endswith("+00:00") for u in report["updates"])
    anchors = [(u["day"], u["anchor"]) for u in report["updates"]]
    assert len(set(anchors)) == len(anchors)


@pytest.mark.parametrize(
    "html",
    [
        "v11_tram_strike_jsonld.html",
        "v11_tram_strike_blocks.html",
        "v11_tram_strike_microdata.html",
        "v11_tram_strike_epochs.html",
    ],
)
def test_html_imports_like_the_text_of_the_same_blog(capsys, html):
    def essentials(report: dict) -> list[tuple]:
        return [(u["published"], u["headline"], u["body"]) for u in report["updates"]]

    text = essentials(run_import(capsys, FIXTURES / "v11_tram_strike.txt"))
    assert len(text) == 3
    assert essentials(run_import(capsys, FIXTURES / html)) == text


def test_structured_html_is_labelled_in_the_report(capsys):
    report = run_import(capsys, FIXTURES / "v11_tram_strike_jsonld.html")
    assert report["files"][0]["format"] == "html"
    assert any("json-ld" in w for w in report["warnings"])


def test_relative_only_page_needs_a_reference_time(capsys):
    code = main(["import", "--dry-run", "--json", str(FIXTURES / "v04_relative_only.txt")])
    out = capsys.readouterr()
    assert code == 1
    assert "relative time needs a reference" in out.err
    assert "YYYY-MM-DDTHH:MM" in out.err


@pytest.mark.parametrize(
    ("name", "reason", "text"),
    [
        (
            "v03_sky_time_lines.txt",
            "relative time (the absolute stamp beside it is used)",
            "5h ago",
        ),
        (
            "adv_clock_header.txt",
            "clock header (local times of several cities)",
            "Kyiv Feb. 26, 2:59 a.m.",
        ),
        ("v10_wire_rules.txt", "separator line", "___"),
        ("v02_all_times_edt.txt", "time-zone note (applied to the page)", "All times EDT:"),
    ],
)
def test_skipped_lines_say_why(capsys, name, reason, text):
    report = run_import(capsys, "--date", "2025-06-03", FIXTURES / name)
    assert {"text": text, "reason": reason} in [
        {"text": s["text"], "reason": s["reason"]} for s in report["skipped"]
    ]


def test_untimed_updates_are_flagged_and_anchored_by_position(capsys):
    report = run_import(capsys, FIXTURES / "v06_no_stamps_title_date.txt")
    assert [u["untimed"] for u in report["updates"]] == [True, True, True]
    assert [u["anchor"] for u in report["updates"]] == ["u1", "u2", "u3"]


@pytest.mark.parametrize(
    ("name", "authors"),
    [
        ("v07_author_numeric_dates.txt", ["Dana Ruiz", "Dana Ruiz", "Sam Okafor", "Dana Ruiz"]),
        ("v05_footer_stamps.txt", ["Thomas Kingsley", "Maya Lind"]),
        ("v02_mojibake_signature.txt", ["Jane Doe", None]),
    ],
)
def test_authors_are_kept(capsys, name, authors):
    report = run_import(capsys, FIXTURES / name)
    assert [u["author"] for u in report["updates"]] == authors
