"""Date lines and time-zone words."""

from datetime import date, datetime, timedelta

import pytest

from daybook.importer.dates import match_date_line
from daybook.importer.zones import page_zone_statement, resolve_zone


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thursday, April 4, 2024", date(2024, 4, 4)),
        ("April 4, 2024", date(2024, 4, 4)),
        ("March 23, 2022", date(2022, 3, 23)),
        ("Sun 30 Mar 2025", date(2025, 3, 30)),
        ("4 April 2024", date(2024, 4, 4)),
        ("Tuesday, June 3rd, 2025:", date(2025, 6, 3)),
        ("2024-04-04", date(2024, 4, 4)),
    ],
)
def test_date_lines(line, expected):
    found, agrees = match_date_line(line)
    assert found == expected
    assert agrees


@pytest.mark.parametrize(
    "line",
    [
        "For our live updates from Wednesday, April 3, click here.",
        "On April 4, 1949, the treaty was signed.",
        "February 30, 2024",
        "Blursday, April 4, 2024",
    ],
)
def test_not_date_lines(line):
    assert match_date_line(line) is None


def test_weekday_mismatch_is_flagged():
    assert match_date_line("Friday, April 4, 2024") == (date(2024, 4, 4), False)


@pytest.mark.parametrize(
    ("word", "hours"),
    [("GMT", 0), ("UTC", 0), ("BST", 1), ("CET", 1), ("CEST", 2), ("EDT", -4), ("EST", -5),
     ("PDT", -7), ("IST", 5.5), ("GMT+1", 1), ("UTC-03:30", -3.5), ("Greenwich Mean Time", 0)],
)  # fmt: skip
def test_fixed_zone_words(word, hours):
    tz = resolve_zone(word)
    assert tz.utcoffset(datetime(2024, 7, 1)) == timedelta(hours=hours)


def test_regional_words_follow_dst():
    tz = resolve_zone("ET")
    assert tz.utcoffset(datetime(2024, 1, 15)) == timedelta(hours=-5)
    assert tz.utcoffset(datetime(2024, 7, 15)) == timedelta(hours=-4)


@pytest.mark.parametrize(
    ("line", "zone_key"),
    [
        ("All times EDT:", "EDT"),
        ("(All times central.)", "America/Chicago"),
        ("All times are Paris time (GMT+1).", "Europe/Paris"),
        ("All times stated are UK", "Europe/London"),
    ],
)
def test_page_zone_statements(line, zone_key):
    assert str(page_zone_statement(line)) == zone_key


def test_ordinary_sentence_is_not_a_zone_note():
    assert page_zone_statement("All times of day were dangerous in the city.") is None
