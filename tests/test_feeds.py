"""The feed writer: feedgen entries made once, documents newest first, archive pages, no "now",
valid output; the archive shape (only timelines keep archives, in Atom)."""

import json
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from lxml import etree
from markupsafe import Markup

from daybook.render.feeds import (
    ATOM,
    JSON,
    KINDS,
    RSS,
    FeedInfo,
    PageSlot,
    document,
    entry_text,
    feed_path,
    page_slots,
)
from daybook.render.views import UpdateView
from daybook.tools.feedcheck import AtomValidator, json_feed_problems, rss_problems

from .conftest import ATOM_RNG

BASE = "https://example.org"
INFO = FeedInfo("t", "T", "Sub", f"{BASE}/t/", BASE, "Site")
START = datetime(2024, 4, 4, 0, 0, tzinfo=UTC)


def view(minutes: int, **extra) -> UpdateView:
    published = START + timedelta(minutes=minutes)
    values = {
        "anchor": f"{minutes:04d}", "headline": f"Headline & <{minutes}>",
        "title": f"Headline & <{minutes}>", "html": Markup("<p>Body &amp; more</p>"),
        "iso": published.isoformat(), "clock": f"{minutes:04d}", "zone_label": "UTC",
        "permalink": f"t/2024/04/04/#{minutes:04d}", "published": published, **extra,
    }  # fmt: skip
    return UpdateView(**values)


VIEWS = [view(9), view(18), view(12)]


def render(views: list[UpdateView], kind: str, slot: PageSlot | None = None) -> bytes:
    """A document as the build writes it: entries made once each, newest first."""
    newest_first = sorted(views, key=lambda v: v.published, reverse=True)
    slot = slot or PageSlot(None, 0, len(views), None, None)
    updated = max((v.updated or v.published for v in views), default=None)
    entries = [entry_text(v, BASE, kind) for v in newest_first]
    return document(INFO, kind, slot, updated, entries)


def test_atom_entries_newest_first_with_permalink_ids():
    parsed = feedparser.parse(render(VIEWS, ATOM))
    assert not parsed.bozo
    assert parsed.entries[0].id == f"{BASE}/t/2024/04/04/#0018"
    assert [e.id[-4:] for e in parsed.entries] == ["0018", "0012", "0009"]
    assert parsed.feed.updated == "2024-04-04T00:18:00+00:00"
    assert parsed.entries[0].title == "Headline & <18>"
    assert parsed.feed.links[0].rel == "self"
    assert b"<generator>Daybook</generator>" in render(VIEWS, ATOM)


def test_rss_guids_are_permalinks_and_dates_rfc822():
    rss = render([*VIEWS, view(3, author="Jane Doe")], RSS)
    root = etree.fromstring(rss)
    guids = root.findall("./channel/item/guid")
    assert [g.get("isPermaLink") for g in guids] == ["true"] * 4
    assert root.findtext("./channel/lastBuildDate") == "Thu, 04 Apr 2024 00:18:00 +0000"
    assert root.findtext("./channel/link") == f"{BASE}/t/"
    assert root.findtext("./channel/item/{http://purl.org/dc/elements/1.1/}creator") == "Jane Doe"
    assert not feedparser.parse(rss).bozo


def test_json_feed_items_and_dates():
    data = json.loads(render(VIEWS, JSON))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == f"{BASE}/feeds/t.json"
    assert [i["date_published"] for i in data["items"]] == [
        "2024-04-04T00:18:00Z", "2024-04-04T00:12:00Z", "2024-04-04T00:09:00Z",
    ]  # fmt: skip
    assert "next_url" not in data


def test_updated_items_carry_their_update_time():
    views = [*VIEWS, view(5, updated=START + timedelta(hours=3))]
    atom = feedparser.parse(render(views, ATOM))
    entry = next(e for e in atom.entries if e.id.endswith("#0005"))
    assert (entry.updated, entry.published) == (
        "2024-04-04T03:00:00+00:00", "2024-04-04T00:05:00+00:00",
    )  # fmt: skip
    assert atom.feed.updated == "2024-04-04T03:00:00+00:00"
    data = json.loads(render(views, JSON))
    modified = next(i for i in data["items"] if i["id"].endswith("#0005"))["date_modified"]
    assert modified == "2024-04-04T03:00:00Z"


def test_paging_keeps_the_newest_and_archives_complete_runs():
    current, *archives = page_slots(7, 3)
    assert (current.start, current.stop, current.prev_archive) == (4, 7, 2)
    assert [(s.number, s.start, s.stop, s.prev_archive, s.next_archive) for s in archives] == [
        (1, 0, 3, None, 2), (2, 3, 6, 1, None),
    ]  # fmt: skip
    assert page_slots(9, 3)[1:3] == archives  # complete pages never change as a feed grows


def test_archive_documents_link_back_and_forth():
    _, first, _ = page_slots(7, 3)
    atom = etree.fromstring(render([view(m) for m in range(3)], ATOM, first))
    links = {k.get("rel"): k.get("href") for k in atom.findall("{http://www.w3.org/2005/Atom}link")}
    assert links["current"] == f"{BASE}/feeds/t.atom.xml"
    assert links["next-archive"] == f"{BASE}/feeds/archive/t/2.atom.xml"
    assert atom.find("{http://purl.org/syndication/history/1.0}archive") is not None
    current = page_slots(7, 3)[0]
    subscription = etree.fromstring(render([view(m) for m in range(4, 7)], ATOM, current))
    prev = subscription.find("{http://www.w3.org/2005/Atom}link[@rel='prev-archive']")
    assert prev is not None and prev.get("href") == f"{BASE}/feeds/archive/t/2.atom.xml"


def test_paths():
    assert feed_path("all", ATOM) == "feeds/all.atom.xml"
    assert feed_path("war", ATOM, 3) == "feeds/archive/war/3.atom.xml"


def test_output_is_the_same_every_time():
    first = [render(VIEWS, kind) for kind in KINDS]
    second = [render(VIEWS[::-1], kind) for kind in KINDS]
    assert first == second
    empty = [render([], kind) for kind in KINDS]
    assert empty == [render([], kind) for kind in KINDS]  # no "now" in an empty feed either
    assert b"1970-01-01" in empty[0]


@pytest.mark.skipif(not ATOM_RNG.exists(), reason="make test fetches the Atom grammar first")
def test_every_document_validates(tmp_path):
    validator = AtomValidator(ATOM_RNG)
    views = [view(m, author="A" if m % 2 else None, tags=("x",) if m % 3 else ()) for m in range(7)]
    for slot in page_slots(7, 3):
        chosen = sorted(views, key=lambda v: v.published)[slot.start : slot.stop]
        kinds = KINDS if slot.number is None else (ATOM,)
        checks = {ATOM: validator.problems, RSS: rss_problems, JSON: json_feed_problems}
        for kind in kinds:
            path = tmp_path / f"{slot.number}.{kind}"
            path.write_bytes(render(chosen, kind, slot))
            assert checks[kind](path) == [], (slot.number, kind)


def test_validators_find_problems(tmp_path):
    bad_rss = tmp_path / "bad.rss"
    bad_rss.write_text(
        '<rss version="2.0"><channel><title>x</title><link>http://e.org/</link>'
        "<item><guid>relative/1</guid><pubDate>yesterday</pubDate></item></channel></rss>"
    )
    problems = rss_problems(bad_rss)
    assert "channel has no description" in problems
    assert "yesterday: not an RFC 822 date" in problems
    assert "guid 'relative/1' is a permalink but not an absolute URL" in problems
    bad_json = tmp_path / "bad.json"
    bad_json.write_text(
        '{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "a"}, {"id": "a"}]}'
    )
    assert json_feed_problems(bad_json) == [
        "missing title",
        "item ids must be unique non-empty strings",
        "item a has no content",
        "item a has no content",
    ]
