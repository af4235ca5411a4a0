"""The feed builder: one entry per update, newest first, no "now", valid Atom and RSS."""

from datetime import UTC, datetime

import feedparser
import pytest
from daybook.feeds import FeedInfo, FeedItem, atom_bytes, build_feed, rss_bytes
from lxml import etree

from .conftest import ATOM_RNG

INFO = FeedInfo(
    feed_id="https://example.org/t/",
    title="T",
    subtitle="Sub",
    home_url="https://example.org/t/",
    atom_url="https://example.org/feeds/t.atom.xml",
    rss_url="https://example.org/feeds/t.rss.xml",
    author="Site",
)


def item(hour, anchor, title="Headline & <more>"):
    return FeedItem(
        permalink=f"https://example.org/t/2024/04/04/#{anchor}",
        title=title,
        content_html="<p>Body &amp; more</p>",
        published=datetime(2024, 4, 4, hour, 0, tzinfo=UTC),
    )


ITEMS = [item(9, "0900"), item(18, "1800"), item(12, "1200")]


def test_atom_entries_newest_first_with_permalink_ids():
    parsed = feedparser.parse(atom_bytes(build_feed(INFO, ITEMS, INFO.atom_url, 50)))
    assert not parsed.bozo
    assert [e.id for e in parsed.entries] == [
        "https://example.org/t/2024/04/04/#1800",
        "https://example.org/t/2024/04/04/#1200",
        "https://example.org/t/2024/04/04/#0900",
    ]
    assert parsed.feed.updated == "2024-04-04T18:00:00+00:00"
    assert parsed.entries[0].title == "Headline & <more>"
    assert parsed.feed.links[0].rel == "self"


def test_rss_guids_are_permalinks_and_dates_rfc822():
    rss = rss_bytes(build_feed(INFO, ITEMS, INFO.rss_url, 50))
    root = etree.fromstring(rss)
    guids = root.findall("./channel/item/guid")
    assert [g.get("isPermaLink") for g in guids] == ["true"] * 3
    assert guids[0].text == "https://example.org/t/2024/04/04/#1800"
    assert root.findtext("./channel/lastBuildDate") == "Thu, 04 Apr 2024 18:00:00 +0000"
    assert root.findtext("./channel/link") == "https://example.org/t/"
    assert not feedparser.parse(rss).bozo


def test_max_items_keeps_the_newest():
    parsed = feedparser.parse(atom_bytes(build_feed(INFO, ITEMS, INFO.atom_url, 2)))
    assert [e.id[-4:] for e in parsed.entries] == ["1800", "1200"]


def test_output_is_the_same_every_time():
    first = (
        atom_bytes(build_feed(INFO, ITEMS, INFO.atom_url, 50)),
        rss_bytes(build_feed(INFO, ITEMS, INFO.rss_url, 50)),
    )
    second = (
        atom_bytes(build_feed(INFO, ITEMS[::-1], INFO.atom_url, 50)),
        rss_bytes(build_feed(INFO, ITEMS[::-1], INFO.rss_url, 50)),
    )
    assert first == second


@pytest.mark.skipif(not ATOM_RNG.exists(), reason="make test fetches the Atom grammar first")
def test_atom_validates_against_rfc4287_grammar():
    grammar = etree.RelaxNG(etree.parse(str(ATOM_RNG)))
    doc = etree.fromstring(atom_bytes(build_feed(INFO, ITEMS, INFO.atom_url, 50)))
    assert grammar.validate(doc), grammar.error_log
