"""The shipped sample, built the way users build it (`make html`, publishconf.py)."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from datetime import datetime

import feedparser
import pytest

from .conftest import ATOM_RNG, ROOT, make
from .sitecheck import atom_problems, broken_links, json_feed_problems, page, rss_problems

PUBLISH_URL = "https://example.github.io/daybook"


@pytest.fixture(scope="module")
def html_build(tmp_path_factory):
    output = tmp_path_factory.mktemp("html")
    make("html", f"OUTPUTDIR={output}", f"CACHEDIR={tmp_path_factory.mktemp('html-cache')}")
    return output


@pytest.fixture(scope="module")
def publish_build(tmp_path_factory):
    output = tmp_path_factory.mktemp("publish")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            "content",
            "-o",
            str(output),
            "-s",
            "publishconf.py",
            "-q",
        ],
        cwd=ROOT,
        check=True,
        env={**os.environ, "DAYBOOK_SITEURL": PUBLISH_URL},
    )
    return output


@pytest.mark.parametrize(
    ("url", "count"),
    [("russia-ukraine-war/2024/04/03/", 3), ("russia-ukraine-war/2024/04/04/", 13)],
)
def test_day_pages_carry_their_updates(html_build, url, count):
    soup = page(html_build, url)
    articles = soup.select("article.update[id]")
    assert len(articles) == count
    assert len({a["id"] for a in articles}) == count
    for article in articles:
        stamp = article.select_one("time[datetime]")["datetime"]
        instant = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        assert stamp.endswith("Z") and instant.utcoffset().total_seconds() == 0
        assert article.select_one(f'a[href="#{article["id"]}"]') is not None
        assert stamp[11:16].replace(":", "") == article["id"][:4]  # GMT timeline: anchor = clock


def test_the_two_days_link_to_each_other(html_build):
    assert (
        page(html_build, "russia-ukraine-war/2024/04/03/")
        .select_one('a[rel="next"]')["href"]
        .endswith("russia-ukraine-war/2024/04/04/")
    )
    assert (
        page(html_build, "russia-ukraine-war/2024/04/04/")
        .select_one('a[rel="prev"]')["href"]
        .endswith("russia-ukraine-war/2024/04/03/")
    )


def test_sample_links_and_anchors_resolve(html_build):
    assert broken_links(html_build) == []


def test_search_index_is_built(html_build):
    manifest = json.loads((html_build / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    assert manifest == {"bundles": ["russia-ukraine-war-2024-04"]}
    assert (html_build / "pagefind" / "russia-ukraine-war-2024-04" / "pagefind.js").is_file()
    assert (html_build / "pagefind" / "pagefind-ui.js").is_file()


def test_two_builds_are_byte_identical(html_build, tmp_path):
    make("html", f"OUTPUTDIR={tmp_path / 'out'}", f"CACHEDIR={tmp_path / 'cache'}")
    comparison = filecmp.dircmp(html_build, tmp_path / "out")
    assert _differences(comparison) == []


def test_the_search_index_is_built_again_only_when_a_page_changed(tmp_path):
    output, cache = tmp_path / "out", tmp_path / "cache"
    make("html", f"OUTPUTDIR={output}", f"CACHEDIR={cache}")
    index = {p: p.stat().st_mtime_ns for p in (output / "pagefind").rglob("*") if p.is_file()}

    def search_index() -> str:
        command = [
            sys.executable,
            "-m",
            "daybook.cli",
            "search-index",
            str(output),
            "--cache",
            str(cache),
        ]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    assert "up to date" in search_index()
    assert all(p.stat().st_mtime_ns == mtime for p, mtime in index.items())
    day = output / "russia-ukraine-war/2024/04/04/index.html"
    day.write_text(day.read_text(encoding="utf-8").replace("NATO", "N.A.T.O."), encoding="utf-8")
    assert "up to date" not in search_index()
    assert "up to date" in search_index()


def _differences(comparison: filecmp.dircmp) -> list[str]:
    found = comparison.left_only + comparison.right_only
    _, mismatch, errors = filecmp.cmpfiles(
        comparison.left, comparison.right, comparison.common_files, shallow=False
    )
    found += mismatch + errors
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


@pytest.mark.parametrize("name", ["all", "russia-ukraine-war"])
def test_publish_feeds_have_sixteen_items_with_absolute_permalink_ids(publish_build, name):
    atom = feedparser.parse(str(publish_build / f"feeds/{name}.atom.xml"))
    rss = feedparser.parse(str(publish_build / f"feeds/{name}.rss.xml"))
    for feed in (atom, rss):
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) == 16
    ids = [e.id for e in atom.entries]
    assert ids == [e.id for e in rss.entries]
    assert ids[0] == f"{PUBLISH_URL}/russia-ukraine-war/2024/04/04/#1808"
    assert ids[-1] == f"{PUBLISH_URL}/russia-ukraine-war/2024/04/03/#2149"
    assert atom.feed.updated == "2024-04-04T18:08:00+00:00"
    for entry_id in ids:
        url, anchor = entry_id.split("#")
        soup = page(publish_build, url.removeprefix(f"{PUBLISH_URL}/"))
        assert soup.find("article", id=anchor) is not None


@pytest.mark.skipif(not ATOM_RNG.exists(), reason="make test fetches the Atom grammar first")
def test_publish_atom_feeds_validate(publish_build):
    feeds = sorted((publish_build / "feeds").rglob("*.atom.xml"))
    assert feeds
    for feed in feeds:
        assert atom_problems(feed, ATOM_RNG) == [], feed


def test_publish_rss_and_json_feeds_follow_their_rules(publish_build):
    rss = sorted((publish_build / "feeds").rglob("*.rss.xml"))
    json_feeds = sorted((publish_build / "feeds").rglob("*.json"))
    assert rss and len(rss) == len(json_feeds)
    for feed in rss:
        assert rss_problems(feed) == [], feed
        assert not feedparser.parse(str(feed)).bozo
    for feed in json_feeds:
        assert json_feed_problems(feed) == [], feed


def test_publish_json_feed_ids_are_the_page_anchors(publish_build):
    document = json.loads(
        (publish_build / "feeds/russia-ukraine-war.json").read_text(encoding="utf-8")
    )
    ids = [item["id"] for item in document["items"]]
    assert len(ids) == 16
    assert ids == [
        e.id for e in feedparser.parse(str(publish_build / "feeds/all.atom.xml")).entries
    ]


def test_publish_pages_use_absolute_urls(publish_build):
    soup = page(publish_build, "russia-ukraine-war/2024/04/04/")
    assert soup.select_one('link[rel="stylesheet"]')["href"].startswith(PUBLISH_URL)
    assert (
        soup.select_one('a[rel="prev"]')["href"] == f"{PUBLISH_URL}/russia-ukraine-war/2024/04/03/"
    )
