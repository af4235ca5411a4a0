"""The day-file codec: format, round trip, byte stability, clear errors."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from daybook.core.errors import DayFileError
from daybook.core.model import Day, Update
from daybook.dayfile.codec import DayFileCodec
from daybook.dayfile.folder import day_path

codec = DayFileCodec()


def make_day(*updates, tz="GMT", on=date(2024, 4, 4), **fields):
    return Day("russia-ukraine-war", on, tz, tuple(updates), title="T", **fields)


def at(hour, minute, second=0, on=date(2024, 4, 4), tz=UTC):
    return datetime(on.year, on.month, on.day, hour, minute, second, tzinfo=tz)


def test_format_matches_the_contract():
    day = make_day(
        Update(
            at(18, 8), "NATO has no plans", "First.\n\nSecond.", "1808", source="NATO", key=True
        ),
        Update(at(9, 6), "", "Body only.", "0906"),
    )
    assert codec.dumps(day) == (
        "Title: T\nDate: 2024-04-04\nTimeline: russia-ukraine-war\nTimezone: GMT\n\n"
        "{#0906}\n## 09:06\n\nBody only.\n\n"
        '{#1808 .key source="NATO"}\n## 18:08 — NATO has no plans\n\nFirst.\n\nSecond.\n'
    )


@pytest.mark.parametrize(
    "update",
    [
        Update(at(18, 8), "Plain headline", "Body.", "1808"),
        Update(at(18, 8), "Markdown *specials* _here_ [x](y) `c` <b> #1 & &amp; \\", "B", "1808"),
        Update(at(18, 8), "Dash — inside — headline", "B", "1808"),
        Update(at(0, 0, 42), "", "Seconds kept", "0000"),
        Update(at(23, 59), "Headline only", "", "2359"),
        Update(at(12, 0), "Ünïcödé 🙂 héadline", "Бодi", "1200", author='A "quoted" {author}'),
        Update(
            at(12, 0), "Tags", "B", "1200-2", tags=("war", "nato"), origin="https://e.org/p?a=1%20"
        ),
        Update(at(12, 0), "Lists", "- one\n- two\n\n> quote\n\n```\n## not a heading\n```", "1200"),
    ],
)
def test_round_trip_is_exact_and_byte_stable(update):
    day = make_day(update, summary="A summary", tags=("a",), sources=("archive/x.txt",))
    text = codec.dumps(day)
    back = codec.loads(text, "x.md")
    assert back == day
    assert codec.dumps(back) == text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_updates_are_written_oldest_first_and_same_minute_order_kept():
    a = Update(at(10, 0), "first", "", "1000")
    b = Update(at(10, 0), "second", "", "1000-2")
    c = Update(at(9, 0), "earlier", "", "0900")
    back = codec.loads(codec.dumps(make_day(a, b, c)))
    assert [u.anchor for u in back.updates] == ["0900", "1000", "1000-2"]


def test_dst_repeated_hour_records_the_offset():
    london = "Europe/London"
    first = Update(datetime(2024, 10, 27, 0, 30, tzinfo=UTC), "BST", "", "0130")
    second = Update(datetime(2024, 10, 27, 1, 30, tzinfo=UTC), "GMT", "", "0130-2")
    day = make_day(first, second, tz=london, on=date(2024, 10, 27))
    text = codec.dumps(day)
    assert 'offset="+01:00"' in text and 'offset="+00:00"' in text
    assert codec.loads(text).updates == (first, second)


def test_instant_comes_from_date_clock_and_zone():
    text = "Date: 2024-07-01\nTimeline: t\nTimezone: Europe/Kyiv\n\n{#1808}\n## 18:08 — X\n"
    (update,) = codec.loads(text).updates
    assert update.published == datetime(2024, 7, 1, 15, 8, tzinfo=UTC)


def test_intro_text_above_first_update_is_kept():
    text = "Date: 2024-07-01\nTimeline: t\nTimezone: UTC\n\nA note written by hand.\n\n{#1808}\n## 18:08 — X\n"
    day = codec.loads(text)
    assert day.intro == "A note written by hand."
    assert codec.dumps(day).split("\n\n", 1)[1].startswith("A note written by hand.")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Timeline: t\n\n{#1}\n## 10:00\n", "no Date"),
        ("Date: someday\nTimeline: t\n", "not YYYY-MM-DD"),
        ("Date: 2024-01-01\nTimeline: t\nTimezone: Mars/Base\n", "unknown time zone"),
        (
            "Date: 2024-01-01\nTimeline: t\n\n## 10:00 — No anchor\n",
            ":4: update heading has no {#anchor}",
        ),
        ("Date: 2024-01-01\nTimeline: t\n\n{#a}\n## Noon — x\n", "must start with a clock time"),
        ("Date: 2024-01-01\nTimeline: t\n\n{#a}\n## 25:00 — x\n", "bad clock time"),
        ("Date: 2024-01-01\nTimeline: t\n\n{#a}\n## 10:00\n\n{#a}\n## 11:00\n", "#a is used twice"),
        (
            "Date: 2024-03-31\nTimeline: t\nTimezone: Europe/London\n\n{#a}\n## 01:30\n",
            "does not exist",
        ),
        ("Just text\n", "expected metadata"),
    ],
)
def test_broken_files_name_the_problem(text, message):
    with pytest.raises(DayFileError, match=r"^bad\.md") as info:
        codec.loads(text, "bad.md")
    assert message in str(info.value)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        Update(datetime(2024, 1, 1, 10, 0), "x", "", "1000")


def test_any_aware_zone_is_stored_as_utc():
    update = Update(
        datetime(2024, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=2))), "x", "", "1000"
    )
    assert update.published == datetime(2024, 1, 1, 10, 0, tzinfo=UTC)


def test_day_path_layout(tmp_path):
    assert day_path(tmp_path, "war", date(2024, 4, 4)) == tmp_path / "war/2024/2024-04-04.md"


FULL_PARSE = DayFileCodec(line_scan=False)
HEAD = "Date: 2024-04-04\nTimeline: t\nTimezone: UTC\n\n"


@pytest.mark.parametrize(
    "body",
    [
        '{#a .key source="x y"}\n## 10:00 — Hello world\n\nBody',
        '{#a key=""}\n## 10:00',
        '{#a .key .untimed class="zz" tags="a, b"}\n## 10:00 — x *y* z',
        "{#a}\n## 10:00 — a &amp; b \\* c",
        "{#a}\n##\t10:00 —   spaced   out  ",
        "{#a}\n## 10:00 — ends with hash #",
        "{#a}\n## 10:00 — ends with hash ##",
        "para\n{#a}\n## 10:00 — an attribute line cannot interrupt a paragraph",
        '{#a source="p%22q"}\n## 10:00 — encoded',
        "{#a}\n## 10:00 — <b>x</b>",
        "{#a}\n## 10:00 — a\u00a0b\u2003",
        "{ #a }\n## 10:00 — spaced braces",
        "{#a source=bare}\n## 10:00 — bare value",
        "{#a}\n## 10:00\n\n```\n{#b}\n## 11:00\n```",
        "{#a}\n## 10:00\n\n<div>\n\n{#b}\n## 11:00\n\n</div>",
        "{#a}\n## 10:00 — one\n\n{#b}\n## 11:00 — two\n\n- list\n\n{#c}\n## 12:00 — three",
    ],
)
def test_the_line_scan_reads_what_the_full_parse_reads(body):
    def read(reader):
        try:
            return reader.loads(HEAD + body, "x.md")
        except DayFileError as exc:
            return str(exc)

    assert read(codec) == read(FULL_PARSE)
