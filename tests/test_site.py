"""A real tiny site built in tmp_path: day pages, indexes, navigation, escaping, feeds."""

from __future__ import annotations

import logging
import random
import shutil
import subprocess
from datetime import date

import feedparser
import pytest

from daybook.cli import main

from .conftest import ATOM_RNG, ROOT, build_site, write_day_files
from .pages import day_page
from .sitecheck import atom_problems, broken_links, json_feed_problems, page, rss_problems

DAY_3 = """Title: Storm: Wednesday, April 3, 2024
Date: 2024-04-03
Timeline: storm
Timezone: Europe/London

{#2330 tags="warnings"}
## 23:30 — Storm reaches the coast

Winds of 120 km/h.
"""
DAY_4 = """Title: Storm: Thursday, April 4, 2024
Date: 2024-04-04
Timeline: storm
Timezone: Europe/London

{#0906 .key source="Met Office" tags="Warnings, Met Office"}
## 09:06 — <script>alert("headline")</script> warning

Body with [a link](https://example.org/) and <img src=x onerror=alert(1)>.

{#1808}
## 18:08

Only a body, no headline: cranes restart at the port after the storm passed through overnight.
"""
OTHER = """Date: 2024-05-01
Timeline: election
Timezone: UTC

{#1200}
## 12:00 — Polls open
"""
BROKEN = "Date: 2024-04-05\nTimeline: storm\n\n## 10:00 — no anchor\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    content, output = root / "content", root / "output"
    write_day_files(
        content,
        {
            "storm/2024/2024-04-03.md": DAY_3,
            "storm/2024/2024-04-04.md": DAY_4,
            "election/2024/2024-05-01.md": OTHER,
        },
    )
    build_site(
        content,
        output,
        DAYBOOK={
            "default_timeline": "storm",
            "timelines": {"storm": {"title": "The storm", "timezone": "Europe/London"}},
            "feed_items": 10,
        },
        FEED_DOMAIN="https://archive.example.org",
    )
    return output


def test_day_page_has_an_article_per_update(site):
    soup = page(site, "storm/2024/04/04/")
    articles = soup.select("article.update")
    assert [a["id"] for a in articles] == ["1808", "0906"]  # newest first, as on the live page
    for article in articles:
        assert article.select_one(f'a[href="#{article["id"]}"]') is not None
    times = [a.select_one("time")["datetime"] for a in articles]
    # BST: 09:06 local is 08:06 UTC.
    assert times == ["2024-04-04T17:08:00Z", "2024-04-04T08:06:00Z"]
    assert articles[1].select_one("time").get_text(" ", strip=True) == "09:06 BST"
    assert "key" in articles[1]["class"]
    assert "Source: Met Office" in articles[1].get_text()


def test_untrusted_text_is_escaped(site):
    html = (site / "storm/2024/04/04/index.html").read_text(encoding="utf-8")
    soup = page(site, "storm/2024/04/04/")
    scripts = soup.find_all("script")
    kinds = [tag.get("type") or tag.get("src").rsplit("/", 1)[-1] for tag in scripts]
    assert kinds == ["application/ld+json", "daybook.js"]
    assert "<script>" not in scripts[0].string  # the JSON-LD escapes it
    assert "onerror" not in html and "alert(1)" not in html
    body = soup.find(id="0906").select_one(".body")
    assert [a["rel"] for a in body.find_all("a")] == [["nofollow", "noopener"]]
    assert '<script>alert("headline")</script> warning' in soup.find(id="0906").h2.get_text()
    assert "&lt;script&gt;" in html


def test_days_link_to_each_other(site):
    older = page(site, "storm/2024/04/03/")
    newer = page(site, "storm/2024/04/04/")
    assert older.select_one('a[rel="next"]')["href"].endswith("storm/2024/04/04/")
    assert newer.select_one('a[rel="prev"]')["href"].endswith("storm/2024/04/03/")
    assert older.select_one('a[rel="prev"]') is None


def test_timeline_index_is_a_calendar_of_days_with_counts(site):
    soup = page(site, "storm/")
    (month,) = soup.select("table.calendar")
    assert month.caption.a.get_text() == "April 2024"
    linked = {a.get_text(): (a["title"], a.parent["class"]) for a in month.select("td a")}
    assert linked == {
        "3": ("Wednesday, April 3, 2024: 1 update", ["level-2"]),
        "4": ("Thursday, April 4, 2024: 2 updates", ["level-4"]),
    }
    weeks = month.select("tbody tr")
    assert len(weeks) == 5 and all(len(week.select("td")) == 7 for week in weeks)
    listed = [
        li.get_text(" ", strip=True) for li in page(site, "storm/2024/04/").select(".day-list li")
    ]
    assert listed == ["Thursday, April 4, 2024 2 updates", "Wednesday, April 3, 2024 1 update"]


def test_home_shows_latest_day_and_all_timelines(site):
    soup = page(site, "")
    assert [a.get_text() for a in soup.select(".timeline-list a")] == ["The storm", "Election"]
    assert len(soup.select(".latest article.update")) == 2
    assert "Thursday, April 4, 2024" in soup.select_one("#latest-heading").get_text()


def test_headline_less_update_gets_a_title_from_its_body(site):
    feed = feedparser.parse(str(site / "feeds/storm.atom.xml"))
    assert feed.entries[0].title.startswith("Only a body, no headline: cranes restart")


def test_feeds_one_entry_per_update_with_absolute_ids(site):
    everything = feedparser.parse(str(site / "feeds/all.atom.xml"))
    assert not everything.bozo
    assert [e.id for e in everything.entries] == [
        "https://archive.example.org/election/2024/05/01/#1200",
        "https://archive.example.org/storm/2024/04/04/#1808",
        "https://archive.example.org/storm/2024/04/04/#0906",
        "https://archive.example.org/storm/2024/04/03/#2330",
    ]
    storm_rss = feedparser.parse(str(site / "feeds/storm.rss.xml"))
    assert len(storm_rss.entries) == 3
    assert rss_problems(site / "feeds/storm.rss.xml") == []


@pytest.mark.skipif(not ATOM_RNG.exists(), reason="make test fetches the Atom grammar first")
def test_atom_feeds_are_valid(site):
    for feed in sorted((site / "feeds").glob("*.atom.xml")):
        assert atom_problems(feed, ATOM_RNG) == [], feed


def test_feed_autodiscovery(site):
    def feeds(url: str) -> set[str]:
        links = page(site, url).select('link[rel="alternate"]')
        return {link["href"].rsplit("/", 1)[-1] for link in links}

    timeline = {"storm.atom.xml", "storm.rss.xml", "storm.json"}
    assert feeds("storm/2024/04/04/") == timeline  # a day page: its own timeline's feeds
    assert feeds("storm/") == {"all.atom.xml", "all.rss.xml", "all.json", *timeline}


def test_every_internal_link_and_anchor_resolves(site):
    assert broken_links(site) == []


def test_broken_day_file_is_skipped_and_logged(tmp_path, caplog):
    content = tmp_path / "content"
    write_day_files(
        content, {"storm/2024/2024-04-03.md": DAY_3, "storm/2024/2024-04-05.md": BROKEN}
    )
    with caplog.at_level(logging.ERROR):
        build_site(content, tmp_path / "out")
    assert any(
        "2024-04-05.md" in r.getMessage() and "no {#anchor}" in r.getMessage()
        for r in caplog.records
    )
    assert (tmp_path / "out/storm/2024/04/03/index.html").exists()
    assert not (tmp_path / "out/storm/2024/04/05").exists()


def test_empty_content_builds_a_home_page(tmp_path):
    (tmp_path / "content").mkdir()
    build_site(tmp_path / "content", tmp_path / "out")
    assert "No timelines archived yet" in page(tmp_path / "out", "").get_text()


def test_tag_pages_list_tagged_updates_across_days(site):
    soup = page(site, "tags/warnings/")
    assert soup.h1.get_text() == "Warnings"
    links = [a["href"] for a in soup.select(".update h2 a")]
    assert [link.rsplit("/", 4)[-4:] for link in links] == [
        ["2024", "04", "04", "#0906"],
        ["2024", "04", "03", "#2330"],
    ]
    day = page(site, "storm/2024/04/04/")
    assert [a.get_text() for a in day.find(id="0906").select(".tags a")] == [
        "Warnings",
        "Met Office",
    ]
    assert [a.get_text() for a in page(site, "tags/").select(".day-list a")] == [
        "Met Office",
        "Warnings",
    ]


def test_tag_and_timeline_feeds(site):
    tag = feedparser.parse(str(site / "feeds/tags/warnings.atom.xml"))
    assert [e.id.rsplit("/", 4)[-1] for e in tag.entries] == ["#0906", "#2330"]
    assert [t.term for t in tag.entries[0].tags] == ["Warnings", "Met Office"]
    assert json_feed_problems(site / "feeds/tags/warnings.json") == []


def test_feeds_page_lists_every_feed(site):
    soup = page(site, "feeds/")
    titles = [li.select_one(".feed-title").get_text() for li in soup.select(".feed-list li")]
    assert titles == [
        "Daybook",
        "The storm — Daybook",
        "Election — Daybook",
        "Met Office — Daybook",
        "Warnings — Daybook",
    ]
    assert len(soup.select(".feed-list a")) == 15


def test_cname_comes_from_a_setting(tmp_path):
    write_day_files(tmp_path / "content", {"storm/2024/2024-04-03.md": DAY_3})
    build_site(tmp_path / "content", tmp_path / "with", CNAME="archive.example.org")
    build_site(tmp_path / "content", tmp_path / "without")
    assert (tmp_path / "with/CNAME").read_text() == "archive.example.org\n"
    assert not (tmp_path / "without/CNAME").exists()


def test_a_day_of_2000_updates_builds_with_an_hour_index(tmp_path):
    sections = [
        f"{{#{m // 60:02d}{m % 60:02d}-{n}}}\n## {m // 60:02d}:{m % 60:02d} — Update {n}\n\nText of update {n}."
        for n, m in ((n, n * 1440 // 2000) for n in range(2000))
    ]
    day = "Date: 2024-04-05\nTimeline: storm\nTimezone: UTC\n\n" + "\n\n".join(sections) + "\n"
    write_day_files(
        tmp_path / "content", {"storm/2024/2024-04-05.md": day, "storm/2024/2024-04-03.md": DAY_3}
    )
    build_site(tmp_path / "content", tmp_path / "out")
    soup = page(tmp_path / "out", "storm/2024/04/05/")
    assert len(soup.select("article.update")) == 2000
    hours = soup.select(".hour-index a")
    assert [a.get_text() for a in hours][:2] == ["23:00", "22:00"] and len(hours) == 24
    ids = {a["id"] for a in soup.select("article.update")}
    assert all(a["href"][1:] in ids for a in hours)
    assert sum(int(c.get_text().strip("()")) for c in soup.select(".hour-index .count")) == 2000
    assert page(tmp_path / "out", "storm/2024/04/05/").select_one(
        ".hour-index"
    )  # and short days have none:
    assert page(tmp_path / "out", "storm/").select_one(".hour-index") is None


def test_page_weight_of_a_25_update_day(tmp_path):
    """Budget: a day of 25 updates (~40 KB of text) under 60 KB of HTML+CSS; JavaScript under 15 KB."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages/day.txt").write_text(
        day_page(date(2022, 2, 24), 25, random.Random(1)), encoding="utf-8"
    )
    shutil.copy(ROOT / "pelicanconf.py", tmp_path)
    assert (
        main(
            [
                "import",
                "--content",
                str(tmp_path / "content"),
                "--no-archive",
                str(tmp_path / "pages/day.txt"),
            ]
        )
        == 0
    )
    build_site(tmp_path / "content", tmp_path / "out")
    html = (tmp_path / "out/russia-ukraine-war/2022/02/24/index.html").stat().st_size
    linked = [
        link["href"]
        for link in page(tmp_path / "out", "russia-ukraine-war/2022/02/24/").select(
            'link[rel="stylesheet"]'
        )
    ]
    css = sum(
        (tmp_path / "out/russia-ukraine-war/2022/02/24" / href).resolve().stat().st_size
        for href in linked
        if "print" not in href
    )
    js = sum(p.stat().st_size for p in (tmp_path / "out/theme/js").glob("*.js"))
    assert (
        len(page(tmp_path / "out", "russia-ukraine-war/2022/02/24/").select("article.update")) == 25
    )
    assert html + css < 60_000, (html, css)
    assert js < 15_000


def test_rebuild_after_changes_equals_a_clean_build(tmp_path):
    """Builds reuse cached bodies and feed documents; the result must be what a clean build writes."""
    content, cache = tmp_path / "content", tmp_path / "cache"
    days = {
        f"storm/2024/2024-04-{n:02d}.md": DAY_3.replace("2024-04-03", f"2024-04-{n:02d}")
        for n in range(1, 9)
    }
    write_day_files(content, days)
    settings = {"DAYBOOK": {"feed_items": 2}, "CACHE_PATH": str(cache)}
    build_site(content, tmp_path / "incremental", **settings)
    assert (tmp_path / "incremental/feeds/archive/storm/3.atom.xml").exists()  # archive pages exist
    write_day_files(
        content, {"storm/2024/2024-04-09.md": DAY_3.replace("2024-04-03", "2024-04-09")}
    )
    edited = content / "storm/2024/2024-04-05.md"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("120 km/h", "130 km/h"), encoding="utf-8"
    )
    build_site(content, tmp_path / "incremental", **settings)
    build_site(
        content,
        tmp_path / "clean",
        DAYBOOK={"feed_items": 2},
        CACHE_PATH=str(tmp_path / "empty-cache"),
    )
    for path in sorted((tmp_path / "clean").rglob("*")):
        if path.is_file():
            mirror = tmp_path / "incremental" / path.relative_to(tmp_path / "clean")
            assert mirror.read_bytes() == path.read_bytes(), path
    assert "130 km/h" in (tmp_path / "incremental/feeds/all.json").read_text() or "130 km/h" in (
        " ".join(p.read_text() for p in (tmp_path / "incremental/feeds/archive/storm").glob("*"))
    )


def test_a_long_timeline_has_year_pages_and_a_light_index(tmp_path):
    days = {}
    for year in (2022, 2023, 2024):
        for month in (2, 7):
            text = OTHER.replace("2024-05-01", f"{year}-{month:02d}-01")
            days[f"election/{year}/{year}-{month:02d}-01.md"] = text
    write_day_files(tmp_path / "content", days)
    build_site(tmp_path / "content", tmp_path / "out", FEED_DOMAIN="https://archive.example.org")
    index = page(tmp_path / "out", "election/")
    captions = [c.a.get_text() for c in index.select("table.calendar caption")]
    assert captions == ["July 2024", "February 2024"]
    years = [a.get_text() for a in index.select(".year-nav a")]
    assert years == ["2024", "2023", "2022"]
    for year in (2022, 2023):  # a trimmed day URL (/<timeline>/<YYYY>/) is a page too
        year_page = page(tmp_path / "out", f"election/{year}/")
        assert year_page.h1.get_text() == str(year)
        months = [c.a.get_text() for c in year_page.select("table.calendar caption")]
        assert months == [f"July {year}", f"February {year}"]
        assert year_page.select_one(".year-nav a[aria-current=page]").get_text() == str(year)
    assert not broken_links(tmp_path / "out")


def test_make_html_fails_loudly_on_a_day_file_it_cannot_read(tmp_path):
    """The rest of the site is built, the summary says so, and make exits non-zero naming
    the file and the reason, so a CI publish never ships a site silently missing a day."""
    write_day_files(tmp_path / "content", {"storm/2024/2024-04-04.md": DAY_4,
                                           "storm/2024/2024-04-05.md": BROKEN})  # fmt: skip
    proc = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "-o", ".venv/.installed", "html", "SEARCH=no",
         f"INPUTDIR={tmp_path / 'content'}", f"OUTPUTDIR={tmp_path / 'out'}",
         f"CACHEDIR={tmp_path / 'cache'}"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode != 0
    assert "1 day(s), 2 update(s)" in proc.stdout and "1 day file(s) SKIPPED" in proc.stdout
    assert "2024-04-05.md" in proc.stderr and "Traceback" not in proc.stderr
    assert (tmp_path / "out/storm/2024/04/04/index.html").exists()
    assert "Done: Processed" not in proc.stdout + proc.stderr  # Pelican's article count
