"""Stamp shapes a page repeats, zone notes, dates in several languages, bylines: inline pages."""

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from daybook.cli import main
from daybook.importer.attribution import byline, signature
from daybook.importer.clock import match_stamp
from daybook.importer.dates import match_date_line
from daybook.importer.layout import parse_page
from daybook.importer.resolve import resolve
from daybook.importer.zones import page_zone_statement


@pytest.mark.parametrize(
    ("line", "hour", "minute", "zone", "rest", "weak"),
    [
        ("• 18:28 (IST)", 18, 28, "IST", "", False),
        ("[00.25 Uhr] Rund 140 Helfer", 0, 25, None, "Rund 140 Helfer", False),
        ("+++ 22:09 Gesandter erwartet +++", 22, 9, None, "Gesandter erwartet", False),
        ("07.57 Uhr: Konfettiregen", 7, 57, None, "Konfettiregen", False),
        ("21h47 - Macron prend la parole", 21, 47, None, "Macron prend la parole", False),
        ("16h00 - Boa tarde", 16, 0, None, "Boa tarde", False),
        ("Ore 23.26 - Camera, exit poll", 23, 26, None, "Camera, exit poll", True),
        ("20.20Vox valora el resultado", 20, 20, None, "Vox valora el resultado", True),
        ("1458 Dublin Mid West declaration", 14, 58, None, "Dublin Mid West declaration", True),
        ("5:15: pm: Stray colons", 17, 15, None, "Stray colons", False),
        ("[Update 9:22 p.m.] A source says", 21, 22, None, "A source says", False),
        ("Update at noon ET: The story", 12, 0, "ET", "The story", False),
        ("Update at 11:20 a.m. ET. This photo", 11, 20, "ET", "This photo", False),
        ("Sat, 31 Dec 2022 13:36 EST", 13, 36, "EST", "", False),
        ("692d ago / 6:45 AM UTC", 6, 45, "UTC", "", False),
        ("12am:That's it", 0, 0, None, "That's it", False),
    ],
)
def test_stamp_shapes(line, hour, minute, zone, rest, weak):
    stamp = match_stamp(line)
    assert stamp is not None
    assert (stamp.hour, stamp.minute, stamp.zone, stamp.rest, stamp.weak) == (
        hour, minute, zone, rest, weak,
    )  # fmt: skip


@pytest.mark.parametrize(
    "line", ["2011 was the year", "12.50 euros were paid", "1458 people voted", "24h of talks"]
)
def test_numbers_are_not_stamps(line):
    assert match_stamp(line) is None


def test_bare_clock_shape_counts_only_when_it_repeats():
    once = "Decision day\n\nTurnout was high.\n\n1458 Dublin declares first.\n\nMore soon.\n"
    assert parse_page(once).drafts == () or parse_page(once).drafts[0].stamp is None
    page = "Count live\n\n1458 Dublin declares.\n\n1453 Cork is next.\n\n1447 Galway follows.\n"
    assert [d.stamp.hour * 100 + d.stamp.minute for d in parse_page(page).drafts] == [
        1458, 1453, 1447,
    ]  # fmt: skip


def test_the_same_moment_printed_again_is_one_stamp():
    page = "Thursday, June 23, 2016\n\n3.33am BST\n03:33\nFarage reacts.\n\n3.29am BST\n03:29\nSterling falls.\n"
    drafts = parse_page(page).drafts
    assert [(d.stamp.hour, d.stamp.minute) for d in drafts] == [(3, 33), (3, 29)]
    assert [d.paragraphs for d in drafts] == [("Farage reacts.",), ("Sterling falls.",)]


@pytest.mark.parametrize(
    ("line", "zone"),
    [
        ("WASHINGTON (AP) — The Latest on Election Day (all times EST):", "EST"),
        ("(All times are local in Egypt.)", "Africa/Cairo"),
        ("  • All times in GMT", "GMT"),
        ("We'll be marking time in EST.", "EST"),
        ("All times Eastern:", "America/New_York"),
        ("Heure de Paris", "Europe/Paris"),
        ("all times in Kyiv time", "Europe/Kyiv"),
    ],
)
def test_zone_notes_inside_sentences(line, zone):
    found = page_zone_statement(line)
    assert found is not None and (getattr(found, "key", None) or found.tzname(None)) == zone


@pytest.mark.parametrize(
    "line", ["Please stay vigilant at all times in Kyiv.", "(all times local):", "Time will tell."]
)
def test_no_zone_note(line):
    assert page_zone_statement(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("mardi 4 avril 2023", date(2023, 4, 4)),
        ("Dienstag, 4. April 2023", date(2023, 4, 4)),
        ("martes, 4 de abril de 2023", date(2023, 4, 4)),
        ("domenica 25 settembre 2022", date(2022, 9, 25)),
        ("11 de março de 2022", date(2022, 3, 11)),
        ("Yesterday 30.09.2016", date(2016, 9, 30)),
        ("• 20/09/2014", date(2014, 9, 20)),
    ],
)
def test_date_lines_in_several_languages(line, expected):
    found, agrees = match_date_line(line)
    assert (found, agrees) == (expected, True)


def test_ambiguous_numeric_dates_follow_the_page():
    assert match_date_line("4/5/2024")[0] == date(2024, 4, 5)
    assert match_date_line("4/5/2024", day_first=True)[0] == date(2024, 5, 4)


@pytest.mark.parametrize(
    ("paragraphs", "headline", "author", "source", "body"),
    [
        (["From CNN's Wayne Chang", "A quake struck."], "Quake", "Wayne Chang", None,
         ["A quake struck."]),
        (["Deportations paused.", "-ABC News’ Quinn Owen"], "Pause", "Quinn Owen", None,
         ["Deportations paused."]),
        (["The fire spread.", "—By Elaine Ganley"], "", "Elaine Ganley", None, ["The fire spread."]),
        (["Jill Treanor", "Sterling fell 6%."], "Sterling down", "Jill Treanor", None,
         ["Sterling fell 6%."]),
        (["Obama spoke of unity. (hav)"], "Rede", "hav", None, ["Obama spoke of unity."]),
        (["Berlin agreed. (dpa)"], "", None, "DPA", ["Berlin agreed."]),
        (["Jill Treanor", "Sterling fell."], "", None, None, ["Jill Treanor", "Sterling fell."]),
    ],
)  # fmt: skip
def test_bylines(paragraphs, headline, author, source, body):
    assert byline(paragraphs, headline) == (author, source, body)


def test_a_page_that_writes_after_midnight_as_twelve():
    page = "Election night\n\n12.32: Key speaks.\n\n12.00: Key confirms a deal.\n\n23.52: Key arrives.\n"
    parsed = parse_page(page)
    resolution = resolve(parsed, date(2008, 11, 8), ZoneInfo("Pacific/Auckland"))
    local = [t.published.astimezone(ZoneInfo("Pacific/Auckland")) for t in resolution.timed]
    assert [f"{t:%d %H:%M}" for t in local] == ["09 00:32", "09 00:00", "08 23:52"]
    assert any(a.what == "midnight" and "00:32" in a.value for a in resolution.assumptions)


def test_a_date_given_for_the_page_is_its_oldest_updates():
    page = "Election night\n\n12:31am\n\nThat's all.\n\n11:35pm\n\nA seat falls.\n"
    resolution = resolve(parse_page(page), date(2014, 9, 20), ZoneInfo("Pacific/Auckland"))
    local = [t.published.astimezone(ZoneInfo("Pacific/Auckland")).date() for t in resolution.timed]
    assert local == [date(2014, 9, 21), date(2014, 9, 20)]


def test_a_date_line_is_the_date_of_the_update_below_it():
    page = "Thursday, April 4, 2024\n\n0906 GMT — Strike\n\nBody.\n\n2343 GMT — Talks\n\nBody.\n"
    resolution = resolve(parse_page(page), None, UTC)
    assert [t.published for t in resolution.timed] == [
        datetime(2024, 4, 4, 9, 6, tzinfo=UTC), datetime(2024, 4, 3, 23, 43, tzinfo=UTC),
    ]  # fmt: skip
    assert any(a.what == "midnight" for a in resolution.assumptions)


def test_a_page_that_writes_dates_day_first_reads_its_date_lines_so():
    page = "Live\n\nPublished 20/09/2014\n\n04/10/2014\n\n18:08 GMT — Head\n\nBody.\n"
    assert parse_page(page).block_dates[-1] == date(2014, 10, 4)
    us = "Live\n\n04/10/2014\n\n6:08 p.m. ET — Head\n\nBody.\n"
    assert parse_page(us).block_dates[-1] == date(2014, 4, 10)


def test_a_date_under_every_clock_dates_its_stamp():
    page = "Live\n\n18:28\n4.4.2024\nRiver bursts its banks\nResidents left.\n\n23:05\n3.4.2024\nRain warning\nIt covers the region.\n"
    drafts = parse_page(page).drafts
    assert [(d.stamp.date.day, d.headline) for d in drafts if d.stamp and d.stamp.date] == [
        (4, "River bursts its banks"), (3, "Rain warning"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "page",
    [
        "Thursday, April 4, 2024\n\n1. 18:08 GMT — NATO rules out troops\n\nIn Brussels.\n\n2. 17:58 GMT — Blinken urges aid\n\nTo reporters.\n",
        "Thursday, April 4, 2024\n\n18:08 GMT — 1. NATO rules out troops\n\nIn Brussels.\n\n17:58 GMT — 2. Blinken urges aid\n\nTo reporters.\n",
    ],
)
def test_copied_list_numbers_are_not_part_of_stamps_or_headlines(page):
    drafts = parse_page(page).drafts
    assert [(d.stamp.hour, d.headline) for d in drafts if d.stamp] == [
        (18, "NATO rules out troops"), (17, "Blinken urges aid"),
    ]  # fmt: skip


def test_a_headline_on_the_stamp_line_with_body_below():
    page = "Thursday, April 4, 2024\n\n1808 GMT NATO rules out troops\n\nThe alliance chief spoke in Brussels.\n\n1758 GMT Blinken urges aid\n\nHe spoke to reporters after the meeting.\n"
    drafts = parse_page(page).drafts
    assert [(d.headline, d.paragraphs) for d in drafts] == [
        ("NATO rules out troops", ("The alliance chief spoke in Brussels.",)),
        ("Blinken urges aid", ("He spoke to reporters after the meeting.",)),
    ]


def test_titles_above_iso_stamp_lines():
    page = "Transfer news\n\nAtletico close in on Torreira\n2020-10-02T22:00:16Z\nThe deal is worth 22 million euros.\n\nTelles move hits a snag\n2020-10-02T21:40:23Z\nPorto want more money.\n"
    drafts = parse_page(page).drafts
    assert [d.headline for d in drafts] == [
        "Atletico close in on Torreira",
        "Telles move hits a snag",
    ]
    assert drafts[0].stamp.instant == datetime(2020, 10, 2, 22, 0, 16, tzinfo=UTC)


def test_an_empty_placeholder_post_is_skipped_and_reported(capsys, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Thursday, April 4, 2024\n\n1808 GMT — Talks end\n\nBody.\n\n1750 GMT\n\n1740 GMT — Sirens\n\nBody.\n"
    )
    assert (
        main(
            ["import", "--dry-run", "--json", "--no-archive", "--content", str(tmp_path), str(page)]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert [u["headline"] for u in report["updates"]] == ["Sirens", "Talks end"]
    assert any(s["reason"] == "timestamp with no text" for s in report["skipped"])


@pytest.mark.parametrize(
    ("line", "hour", "minute", "rest"),
    [
        ("- 2.55 PM: Markets close lower", 14, 55, "Markets close lower"),
        ("Le 23/06 à 06:04 La ville se réveille", 6, 4, "La ville se réveille"),
        ("23.00 h Resultados provisionales", 23, 0, "Resultados provisionales"),
    ],
)
def test_stamp_shapes_first_met_on_unseen_outlets(line, hour, minute, rest):
    stamp = match_stamp(line)
    assert stamp is not None
    assert (stamp.hour, stamp.minute, stamp.rest) == (hour, minute, rest)


def test_a_line_of_unix_time_is_a_stamp_of_that_instant():
    stamp = match_stamp("1522316372")
    assert stamp is not None and stamp.instant == datetime(2018, 3, 29, 9, 39, 32, tzinfo=UTC)
    assert match_stamp("1522316372000").instant == stamp.instant
    assert match_stamp("0000000042") is None  # 1970: a number, not a stamp


def test_short_date_after_le_dates_the_stamp():
    stamp = match_stamp("Le 23/06 à 06:04 La ville se réveille")
    assert stamp is not None and stamp.date is not None
    assert (stamp.date.day, stamp.date.month) == (23, 6)


@pytest.mark.parametrize(
    ("last", "author", "kept"),
    [
        ("Stocks fell 1%. —Li", "Li", "Stocks fell 1%."),
        ("The size matters. — Santoli", "Santoli", "The size matters."),
        ("Votes at eight. -Jane Doe", "Jane Doe", "Votes at eight."),
        ("A 3-2 win - Madrid celebrates", None, "A 3-2 win - Madrid celebrates"),
    ],
)
def test_a_name_signed_after_the_text_is_the_author(last, author, kept):
    found, body = signature(["First.", last])
    assert (found, body) == (author, ["First.", kept])


def test_a_bare_clock_beside_the_same_clock_with_a_suffix_is_a_stamp():
    page = "Elecciones\n\n23.15 Escrutinio al 90%\n\nEl PP gana.\n\n23.00 h Primeros datos\n\nParticipación alta.\n"
    drafts = parse_page(page).drafts
    assert [(d.stamp.hour, d.stamp.minute) for d in drafts if d.stamp] == [(23, 15), (23, 0)]


@pytest.mark.parametrize("label", ["Importante", "Pour approfondir", "KEY EVENT", "Eilmeldung"])
def test_a_label_above_an_update_is_never_its_headline(label):
    page = f"Thursday, April 4, 2024\n\n18:08 GMT\n{label}\nNATO rules out troops\n\nIn Brussels today.\n\n17:58 GMT\nBlinken urges aid\n\nTo reporters.\n"
    drafts = parse_page(page).drafts
    assert label not in [d.headline for d in drafts]
    assert all(label not in p for d in drafts for p in d.paragraphs)
