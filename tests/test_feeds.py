"""The feed builder: one entry per update, newest first, archive pages, no "now", valid output."""

import json
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from lxml import etree

from daybook.render.feeds import ATOM, JSON, RSS, FeedInfo, FeedItem, feed_path, paginate, render
from daybook.tools.feedcheck import AtomValidator, json_feed_problems, rss_problems

from .conftest import ATOM_RNG

INFO = FeedInfo(
    name="t",
    title="T",
    subtitle="Sub",
    home_url="https://example.org/t/",
    base_url="https://example.org",
    author="Site",
)
START = datetime(2024, 4, 4, 0, 0, tzinfo=UTC)


def item(minutes: int, **extra) -> FeedItem:
    return FeedItem(
        permalink=f"https://example.org/t/2024/04/04/#{minutes:04d}",
        title=f"Headline & <{minutes}>",
        content_html="<p>Body &amp; more</p>",
        published=START + timedelta(minutes=minutes),
        **extra,
    )


ITEMS = [item(9), item(18), item(12)]


def subscription(items, per_page=50):
    return paginate(items, per_page)[0]


def test_atom_entries_newest_first_with_permalink_ids():
    parsed = feedparser.parse(render(INFO, subscription(ITEMS), ATOM))
    assert not parsed.bozo
    assert [e.id[-4:] for e in parsed.entries] == ["0018", "0012", "0009"]
    assert parsed.feed.updated == "2024-04-04T00:18:00+00:00"
    assert parsed.entries[0].title == "Headline & <18>"
    assert parsed.feed.links[0].rel == "self"


def test_rss_guids_are_permalinks_and_dates_rfc822():
    rss = render(INFO, subscription(ITEMS), RSS)
    root = etree.fromstring(rss)
    guids = root.findall("./channel/item/guid")
    assert [g.get("isPermaLink") for g in guids] == ["true"] * 3
    assert root.findtext("./channel/lastBuildDate") == "Thu, 04 Apr 2024 00:18:00 +0000"
    assert root.findtext("./channel/link") == "https://example.org/t/"
    assert not feedparser.parse(rss).bozo


def test_json_feed_items_and_dates():
    document = json.loads(render(INFO, subscription(ITEMS), JSON))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["feed_url"] == "https://example.org/feeds/t.json"
    assert [i["date_published"] for i in document["items"]] == [
        "2024-04-04T00:18:00Z",
        "2024-04-04T00:12:00Z",
        "2024-04-04T00:09:00Z",
    ]
    assert "next_url" not in document


def test_updated_items_carry_their_update_time():
    changed = item(5, updated=START + timedelta(hours=3))
    page = subscription([*ITEMS, changed])
    atom = feedparser.parse(render(INFO, page, ATOM))
    entry = next(e for e in atom.entries if e.id.endswith("#0005"))
    assert (
        entry.updated == "2024-04-04T03:00:00+00:00"
        and entry.published == "2024-04-04T00:05:00+00:00"
    )
    assert atom.feed.updated == "2024-04-04T03:00:00+00:00"
    document = json.loads(render(INFO, page, JSON))
    assert (
        next(i for i in document["items"] if i["id"].endswith("#0005"))["date_modified"]
        == "2024-04-04T03:00:00Z"
    )


def test_paging_keeps_the_newest_and_archives_complete_runs():
    items = [item(m) for m in range(7)]
    pages = paginate(items, 3)
    current, *archives = pages
    assert [i.permalink[-1] for i in current.items] == ["6", "5", "4"]
    assert current.prev_archive == 2
    assert [
        (p.number, [i.permalink[-1] for i in p.items], p.prev_archive, p.next_archive)
        for p in archives
    ] == [
        (1, ["2", "1", "0"], None, 2),
        (2, ["5", "4", "3"], 1, None),
    ]
    # Complete archive pages never change as the timeline grows.
    later = paginate([*items, item(7), item(8)], 3)
    assert later[1] == archives[0] and later[2] == archives[1]


def test_archive_documents_link_back_and_forth():
    pages = paginate([item(m) for m in range(7)], 3)
    atom = etree.fromstring(render(INFO, pages[1], ATOM))
    links = {k.get("rel"): k.get("href") for k in atom.findall("{http://www.w3.org/2005/Atom}link")}
    assert links["current"] == "https://example.org/feeds/t.atom.xml"
    assert links["next-archive"] == "https://example.org/feeds/archive/t/2.atom.xml"
    assert atom.find("{http://purl.org/syndication/history/1.0}archive") is not None
    rss = etree.fromstring(render(INFO, pages[0], RSS))
    assert rss.find("./channel/{http://www.w3.org/2005/Atom}link[@rel='prev-archive']").get(
        "href"
    ) == ("https://example.org/feeds/archive/t/2.rss.xml")
    document = json.loads(render(INFO, pages[0], JSON))
    assert document["next_url"] == "https://example.org/feeds/archive/t/2.json"
    assert json.loads(render(INFO, pages[1], JSON))["expired"] is True


def test_paths():
    assert feed_path("all", ATOM) == "feeds/all.atom.xml"
    assert feed_path("tags/nato", JSON, 3) == "feeds/archive/tags/nato/3.json"


def test_output_is_the_same_every_time():
    first = [render(INFO, subscription(ITEMS), kind) for kind in (ATOM, RSS, JSON)]
    second = [render(INFO, subscription(ITEMS[::-1]), kind) for kind in (ATOM, RSS, JSON)]
    assert first == second


@pytest.mark.skipif(not ATOM_RNG.exists(), reason="make test fetches the Atom grammar first")
def test_every_document_validates(tmp_path):
    validator = AtomValidator(ATOM_RNG)
    for page in paginate([item(m) for m in range(7)], 3):
        for kind, check in (
            (ATOM, validator.problems),
            (RSS, rss_problems),
            (JSON, json_feed_problems),
        ):
            path = tmp_path / f"{page.number}.{kind}"
            path.write_bytes(render(INFO, page, kind))
            assert check(path) == [], (page.number, kind)


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
