"""The plain-text layout: stamps, headlines and bodies, date rollover, noise, all from inline pages."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from daybook.importer import noise
from daybook.importer.layout import parse_page
from daybook.importer.paragraphs import to_markdown
from daybook.importer.resolve import UndatedPageError, resolve
from daybook.importer.zonechoice import TimelineZones, choose_zones

DAY = "Tuesday, June 3, 2025"


def instants(text, default_date=None, default_zone="UTC"):
    """Instants as the importer reads them: zones weighed first, with *default_zone* set."""
    page = parse_page(text)
    choice = choose_zones(page, TimelineZones(configured=default_zone), default_date)
    resolution = resolve(page, default_date, choice.clock or ZoneInfo(choice.day_zone))
    return [t.published.astimezone(UTC) for t in resolution.timed]


@pytest.mark.parametrize("dash", ["—", "–", "––", "-", " —", "— ", "—\u00a0"])
def test_dash_forms_separate_stamp_and_headline(dash):
    page = parse_page(f"{DAY}\n\n1808 GMT{dash}Cranes restart after storm\n\nThe port reopened.\n")
    (draft,) = page.drafts
    assert draft.headline == "Cranes restart after storm"
    assert draft.paragraphs == ("The port reopened.",)


def test_no_separator_headline():
    page = parse_page(f"{DAY}\n\n1808 GMT Cranes restart after storm\n\nThe port reopened.\n")
    assert page.drafts[0].headline == "Cranes restart after storm"


def test_newest_first_rollover_goes_back_a_day():
    text = f"""{DAY}

0012 GMT — Harbour cranes restart after storm

Work resumed at dawn.

2351 GMT — Coastguard widens search zone

The search area doubled overnight.

2340 GMT — Storm makes landfall

Winds reached 120 km/h.
"""
    assert instants(text) == [
        datetime(2025, 6, 3, 0, 12, tzinfo=UTC),
        datetime(2025, 6, 2, 23, 51, tzinfo=UTC),
        datetime(2025, 6, 2, 23, 40, tzinfo=UTC),
    ]


def test_oldest_first_rollover_goes_forward_a_day():
    text = f"""{DAY}

2240 GMT — Polls close

Counting starts.

2350 GMT — First results

Turnout is high.

0015 GMT — Winner declared

The count is over.
"""
    page = parse_page(text)
    resolution = resolve(page, None, UTC)
    assert not resolution.newest_first
    assert [t.published for t in resolution.timed][-1] == datetime(2025, 6, 4, 0, 15, tzinfo=UTC)


def test_pinned_first_item_out_of_order_stays_on_the_day():
    text = f"""{DAY}

1756 GMT — Pinned summary of the day

Summary.

1902 GMT — Latest

Latest text.

1850 GMT — Earlier

Earlier text.
"""
    page = parse_page(text)
    resolution = resolve(page, None, UTC)
    assert resolution.newest_first
    assert [t.published.date() for t in resolution.timed] == [date(2025, 6, 3)] * 3
    assert any("out of order" in w for w in resolution.warnings)


def test_date_lines_start_new_blocks():
    text = """Wednesday, June 4, 2025

0900 GMT — Morning

Text.

Tuesday, June 3, 2025

2100 GMT — Evening before

Text.
"""
    assert [i.date() for i in instants(text)] == [date(2025, 6, 4), date(2025, 6, 3)]


def test_undated_page_needs_a_date():
    text = "1808 GMT — Headline\n\nBody.\n"
    with pytest.raises(UndatedPageError, match="--date"):
        instants(text)
    assert instants(text, default_date=date(2025, 1, 2)) == [
        datetime(2025, 1, 2, 18, 8, tzinfo=UTC)
    ]


def test_clock_without_zone_uses_page_note_then_default():
    text = (
        f"{DAY}\n\nAll times EDT:\n\n9:05 p.m.: The ferry operator said it would refund tickets.\n"
    )
    assert instants(text) == [datetime(2025, 6, 4, 1, 5, tzinfo=UTC)]
    no_note = f"{DAY}\n\n9:05 p.m.: The ferry operator said it would refund tickets.\n"
    assert instants(no_note, default_zone="Europe/Paris") == [
        datetime(2025, 6, 3, 19, 5, tzinfo=UTC)
    ]


def test_colon_without_title_is_body_not_headline():
    text = f"{DAY}\n\n9:05 p.m.: The ferry operator said it would refund all cancelled tickets.\n\n7 p.m.: Officials reopened the northern bridge.\n"
    page = parse_page(text)
    assert [d.headline for d in page.drafts] == ["", ""]
    assert page.drafts[1].paragraphs == ("Officials reopened the northern bridge.",)


def test_headline_only_update():
    page = parse_page(
        f"{DAY}\n\n10:30 a.m. Ceasefire announced\n\n10:00 a.m. Talks resume in Geneva\n"
    )
    assert [(d.headline, d.paragraphs) for d in page.drafts] == [
        ("Ceasefire announced", ()),
        ("Talks resume in Geneva", ()),
    ]


def test_noise_is_dropped_and_reported():
    text = f"""Live blog: Storm hits the coast

The storm enters its third day.

A flooded street in the old town / Photo: Reuters
Reuters

A flooded street in the old town / Photo: Reuters

{DAY}

1808 GMT — Cranes restart

The port reopened.

More updates 👇

Loading...

1700 GMT — Storm weakens

Winds dropped.

For our live updates from Monday, June 2, click here.

Route 6
"""
    page = parse_page(text)
    assert page.title == "Storm hits the coast"
    reasons = {s.text: s.reason for s in page.skipped}
    assert reasons["More updates 👇"] == noise.PAGE_NOISE
    assert reasons["Loading..."] == noise.PAGE_NOISE
    assert reasons["Reuters"] == noise.CREDIT_LINE
    assert reasons["For our live updates from Monday, June 2, click here."] == noise.OTHER_DAY_LINK
    assert reasons["Route 6"] == "page footer"
    assert [s.reason for s in page.skipped if "flooded" in s.text] == [
        noise.PHOTO_CAPTION,
        noise.REPEATED_CAPTION,
    ]
    bodies = [p for d in page.drafts for p in d.paragraphs]
    assert bodies == ["The port reopened.", "Winds dropped."]


def test_every_line_is_either_used_or_reported():
    text = (
        "Title line\n\nIntro.\n\nTuesday, June 3, 2025\n\n1808 GMT — A\n\nB.\n\nLoading...\n\nC.\n"
    )
    page = parse_page(text)
    used = {d.line for d in page.drafts}
    reported = {s.line for s in page.skipped}
    body_lines = {9, 13}  # "B." and "C."
    date_line = {5}
    nonblank = {n for n, line in enumerate(text.split("\n"), 1) if line.strip()}
    assert nonblank == used | reported | body_lines | date_line


def test_sentence_opening_with_a_clock_is_not_a_new_update():
    text = f"{DAY}\n\n1808 GMT — Curfew announced\n\n7 p.m. curfew begins tonight in the capital.\n\n1700 GMT — Earlier\n\nText.\n"
    page = parse_page(text)
    assert len(page.drafts) == 2
    assert page.drafts[0].paragraphs == ("7 p.m. curfew begins tonight in the capital.",)


def test_bullets_become_a_markdown_list():
    assert (
        to_markdown(["Key points:", "• One", "• Two", "After."])
        == "Key points:\n\n- One\n- Two\n\nAfter."
    )


@pytest.mark.parametrize(
    "line", ["Edited by Sam Lee", "By Ana Ruiz, Tom Berg and Lee Chan", "Live reporting by Jo Park"]
)
def test_bylines_are_noise(line):
    page = parse_page(f"{line}\n\n{DAY}\n\n1808 GMT — A headline\n\nBody.\n")
    assert [(s.text, s.reason) for s in page.skipped] == [(line, noise.BYLINE)]


LONG = "The counting continued through the night in every district of the region"


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (f"{LONG}. Read more", f"{LONG}."),
        (f"{LONG}. Lee la noticia completa.", f"{LONG}."),
        (f"{LONG}.  Weiterlesen:", f"{LONG}."),
        (f"{LONG}. Read more about it tomorrow.", f"{LONG}. Read more about it tomorrow."),
        (f"{LONG} {'x' * 300}. Leia mais", f"{LONG} {'x' * 300}."),
        ("Read more", "Read more"),
    ],
)
def test_read_more_link_text_is_cut_from_the_paragraph_end(paragraph, expected):
    assert noise.without_read_more(paragraph) == expected
