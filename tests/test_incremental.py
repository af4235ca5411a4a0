"""Incremental builds: only what changed is written, and the result is what a clean build writes."""

from __future__ import annotations

import logging
import os
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from daybook.cli import main

from .conftest import build_site
from .pages import day_page

START = date(2024, 3, 1)
SETTINGS = {"DAYBOOK": {"feed_items": 7, "default_timeline": "war"}}


def import_days(content: Path, first: int, count: int, tmp_path: Path, updates: int = 4) -> None:
    """Import generated saved pages for days first..first+count-1 into *content*."""
    pages = []
    for offset in range(first, first + count):
        page = tmp_path / "pages" / f"{offset}.txt"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            day_page(START + timedelta(days=offset), updates, random.Random(offset)),
            encoding="utf-8",
        )
        pages.append(str(page))
    args = ["import", "--no-archive", "--timeline", "war", "--content", str(content), *pages]
    assert main(args) == 0


def snapshot(output: Path) -> dict[str, tuple[bytes, int]]:
    """{relative path: (bytes, mtime_ns)} of every file, the theme's copied assets aside."""
    return {
        path.relative_to(output).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(output.rglob("*"))
        if path.is_file() and not path.relative_to(output).as_posix().startswith("theme/")
    }


def build(content: Path, output: Path, cache: Path, **overrides: object) -> dict:
    build_site(content, output, CACHE_PATH=str(cache), **{**SETTINGS, **overrides})
    return snapshot(output)


def rewritten(before: dict, after: dict) -> set[str]:
    return {name for name in after if name not in before or after[name][1] != before[name][1]}


def assert_same_site(built: dict, clean: dict) -> None:
    assert sorted(built) == sorted(clean)
    for name, (data, _) in clean.items():
        assert built[name][0] == data, name


@pytest.fixture
def site(tmp_path):
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    import_days(content, 0, 10, tmp_path)
    return content, output, cache


def test_add_edit_delete_then_rebuild_equals_a_clean_build(site, tmp_path):
    content, output, cache = site
    build(content, output, cache)
    import_days(content, 10, 2, tmp_path)  # two new days, at the end
    edited = content / "war/2024/2024-03-05.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace(".\n", ". Edited.\n", 1))
    tagged = content / "war/2024/2024-03-07.md"
    tagged.write_text(
        tagged.read_text(encoding="utf-8").replace("}\n## ", ' tags="Ports"}\n## ', 1)
    )
    (content / "war/2024/2024-03-02.md").unlink()
    built = build(content, output, cache)
    clean = build(content, tmp_path / "clean", tmp_path / "clean-cache")
    assert_same_site(built, clean)
    assert "war/2024/03/02/index.html" not in built  # a removed day's pages go
    assert "Edited." in built["war/2024/03/05/index.html"][0].decode()
    assert "tags/ports/index.html" in built


def test_a_rebuild_with_no_change_writes_nothing(site):
    content, output, cache = site
    first = build(content, output, cache)
    assert rewritten(first, build(content, output, cache)) == set()


def test_a_new_day_rewrites_only_what_shows_it(site, tmp_path):
    content, output, cache = site
    before = build(content, output, cache)
    import_days(content, 10, 1, tmp_path)
    after = build(content, output, cache)
    changed = rewritten(before, after)
    days = {name for name in changed if name.startswith("war/2024/03/") and name.count("/") > 3}
    assert days == {
        "war/2024/03/11/index.html",  # the new day
        "war/2024/03/11/oldest-first/index.html",
        "war/2024/03/10/index.html",  # its neighbour, for the link to it
        "war/2024/03/10/oldest-first/index.html",
    }
    assert {"index.html", "war/index.html", "war/2024/03/index.html", "sitemap.xml"} <= changed
    assert {"feeds/all.atom.xml", "feeds/war.rss.xml", "feeds/war.json"} <= changed
    # Complete archive pages of older updates stay as they were.
    assert "feeds/archive/war/1.atom.xml" not in changed
    assert not any(name.startswith("war/2024/03/0") for name in changed)


def test_touching_a_day_file_renders_nothing_again(site):
    content, output, cache = site
    before = build(content, output, cache)
    day = content / "war/2024/2024-03-04.md"
    os.utime(day, ns=(day.stat().st_atime_ns, day.stat().st_mtime_ns + 10**9))
    assert rewritten(before, build(content, output, cache)) == set()


def test_an_edit_that_keeps_size_and_time_is_still_seen(site):
    """Within two seconds of a build, a file's stat is not trusted (git's racy-index rule)."""
    content, output, cache = site
    build(content, output, cache)
    day = content / "war/2024/2024-03-04.md"
    stat = day.stat()
    text = day.read_text(encoding="utf-8")
    swapped = text.replace("Loading", "Lxading", 1) if "Loading" in text else text[:-2] + "x\n"
    day.write_text(swapped, encoding="utf-8")
    os.utime(day, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert day.stat().st_size == stat.st_size
    after = build(content, output, cache)
    clean = build(content, output.parent / "clean", output.parent / "clean-cache")
    assert_same_site(after, clean)


def test_deleted_or_edited_output_files_are_written_again(site):
    content, output, cache = site
    first = build(content, output, cache)
    (output / "war/2024/03/04/index.html").unlink()
    (output / "feeds/archive/war/2.atom.xml").write_text("tampered", encoding="utf-8")
    again = build(content, output, cache)
    assert again["war/2024/03/04/index.html"][0] == first["war/2024/03/04/index.html"][0]
    assert again["feeds/archive/war/2.atom.xml"][0] == first["feeds/archive/war/2.atom.xml"][0]


def test_unreadable_caches_are_rebuilt(site, tmp_path, caplog):
    content, output, cache = site
    build(content, output, cache)
    for path in cache.rglob("*"):
        if path.is_file():
            path.write_bytes(b"not a cache")
    built = build(content, output, cache)
    clean = build(content, tmp_path / "clean", tmp_path / "clean-cache")
    assert_same_site(built, clean)
    assert "ignoring an unreadable" in caplog.text or "starting a new cache" in caplog.text


def test_changing_a_template_renders_every_page_again(site, tmp_path):
    content, output, cache = site
    theme = tmp_path / "theme"
    shutil.copytree(Path(__file__).resolve().parent.parent / "theme", theme)
    before = build(content, output, cache, THEME=str(theme))
    footer = theme / "templates/includes/extend_footer.html"
    footer.write_text("<p>Archived by the Daybook test</p>\n", encoding="utf-8")
    after = build(content, output, cache, THEME=str(theme))
    pages = {name for name in after if name.endswith(".html")}
    assert pages <= rewritten(before, after)
    assert b"Archived by the Daybook test" in after["war/2024/03/04/index.html"][0]


def test_many_days_build_the_same_in_workers_and_in_one_process(tmp_path, caplog):
    content = tmp_path / "content"
    import_days(content, 0, 60, tmp_path, updates=2)
    alone = {**SETTINGS["DAYBOOK"], "workers": 1}
    one = build(content, tmp_path / "one", tmp_path / "one-cache", DAYBOOK=alone)
    caplog.set_level(logging.DEBUG, logger="daybook.engine.workers")
    two = build(content, tmp_path / "two", tmp_path / "two-cache", DAYBOOK={**alone, "workers": 2})
    assert "in 2 worker(s)" in caplog.text
    assert_same_site(two, one)


def test_two_timelines_and_tags_rebuild_as_a_clean_build_does(tmp_path):
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    import_days(content, 0, 6, tmp_path)
    (content / "peace").mkdir()
    shutil.copytree(content / "war", content / "peace", dirs_exist_ok=True)
    for day in (content / "peace").rglob("*.md"):
        text = day.read_text(encoding="utf-8").replace("Timeline: war", "Timeline: peace")
        day.write_text(text.replace("}\n## ", ' tags="Talks"}\n## ', 2), encoding="utf-8")
    build(content, output, cache)
    (content / "peace/2024/2024-03-06.md").unlink()  # the newest day of one timeline
    import_days(content, 6, 1, tmp_path)  # and a new day in the other
    built = build(content, output, cache)
    clean = build(content, tmp_path / "clean", tmp_path / "clean-cache")
    assert_same_site(built, clean)
    assert "feeds/tags/talks.atom.xml" in built and "peace/2024/03/06/index.html" not in built
    feeds = b"".join(data for name, (data, _) in built.items() if name.startswith("feeds/"))
    assert b"/peace/2024/03/05/" in feeds and b"/war/2024/03/05/" in feeds
    # Only timelines keep archives, in Atom; the site and tag feeds are subscriptions only.
    archived = {name.split("/")[2] for name in built if name.startswith("feeds/archive/")}
    assert archived <= {"war", "peace"} and archived
    assert all(name.endswith(".atom.xml") for name in built if name.startswith("feeds/archive/"))


def test_a_timeline_whose_days_all_go_leaves_nothing_behind(site, tmp_path):
    content, output, cache = site
    build(content, output, cache)
    shutil.rmtree(content / "war")
    built = build(content, output, cache)
    clean = build(content, tmp_path / "clean", tmp_path / "clean-cache")
    assert_same_site(built, clean)
    assert not any(name.startswith("war/2024/") for name in built)
