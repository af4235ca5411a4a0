"""The clock grammar: what opens an update, and what merely looks like a time."""

import pytest

from daybook.importer.clock import match_stamp


@pytest.mark.parametrize(
    ("line", "hour", "minute", "zone", "separator", "rest"),
    [
        ("1808 GMT — NATO has no plans", 18, 8, "GMT", "dash", "NATO has no plans"),
        ("1913 GMT –– Double en dash", 19, 13, "GMT", "dash", "Double en dash"),
        ("1902 GMT —Biden said", 19, 2, "GMT", "dash", "Biden said"),
        ("20:35 GMT -Biden", 20, 35, "GMT", "dash", "Biden"),
        ("20:00 GMT - Spaced hyphen", 20, 0, "GMT", "dash", "Spaced hyphen"),
        ("0012 GMT – En dash", 0, 12, "GMT", "dash", "En dash"),
        ("1808 GMT NATO without a separator", 18, 8, "GMT", "space", "NATO without a separator"),
        ("10:30 a.m. Headline on the line", 10, 30, None, "space", "Headline on the line"),
        ("9:20 p.m.: The body follows", 21, 20, None, "colon", "The body follows"),
        ("7 p.m.:", 19, 0, None, "end", ""),
        ("12:22 a.m. Just after midnight", 0, 22, None, "space", "Just after midnight"),
        ("12:05 p.m. Just after noon", 12, 5, None, "space", "Just after noon"),
        ("3:56 p.m .: French spacing typo", 15, 56, None, "colon", "French spacing typo"),
        ("9.49pm BST", 21, 49, "BST", "end", ""),
        ("1:30 A.M. Capitals", 1, 30, None, "space", "Capitals"),
        ("08:08 : spaced colon", 8, 8, None, "colon", "spaced colon"),
        ("18:08:42 GMT — With seconds", 18, 8, "GMT", "dash", "With seconds"),
        ("0930hrs — Military style", 9, 30, None, "dash", "Military style"),
    ],
)
def test_stamps_at_line_start(line, hour, minute, zone, separator, rest):
    stamp = match_stamp(line)
    assert stamp is not None
    assert (stamp.hour, stamp.minute, stamp.zone, stamp.separator, stamp.rest) == (
        hour, minute, zone, separator, rest,
    )  # fmt: skip


@pytest.mark.parametrize(
    "line",
    [
        "2024 was the year the talks began",
        "1991 borders are Kyiv's demand",
        "The video ran 13:32 minutes",
        "More than 1,000 km into Russian territory",
        "25:10 is not a time",
        "10:30 12 people were hurt",
        "",
    ],
)
def test_not_stamps(line):
    assert match_stamp(line) is None


def test_seconds_are_kept():
    assert match_stamp("18:08:42 GMT — x").second == 42
