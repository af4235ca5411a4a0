"""The parts of an incremental build: item numbering, feed pages, the output manifest, workers."""

from __future__ import annotations

import os
import sqlite3
from datetime import date

import pytest

from daybook.core.errors import SettingsError
from daybook.core.settings import DaybookSettings
from daybook.engine.feedplan import ItemTable
from daybook.engine.manifest import OutputManifest
from daybook.engine.records import DayRecord, DaySummary
from daybook.engine.store import SCHEMA_VERSION, CacheStore
from daybook.engine.workers import MIN_PARALLEL_ITEMS, run_all
from daybook.render.feeds import page_slots


def summary(day: int, count: int, timeline: str = "t") -> DaySummary:
    anchors = tuple(f"{n:04d}" for n in range(count))
    times = tuple(range(count))
    return DaySummary(
        timeline, date(2024, 1, day), f"digest{day}", count, None, anchors, times, times,
        tuple(range(count)), (),
    )  # fmt: skip


TABLE = ItemTable([summary(1, 3), summary(2, 0), summary(3, 2), summary(4, 4)])


@pytest.mark.parametrize(
    ("number", "place"), [(0, (0, 0)), (2, (0, 2)), (3, (2, 0)), (4, (2, 1)), (5, (3, 0))]
)
def test_items_are_numbered_across_days(number, place):
    assert TABLE.locate(number) == place


def test_runs_name_each_days_part_of_a_document():
    assert TABLE.runs(range(2, 7)) == [("digest1", 2, 1), ("digest3", 0, 2), ("digest4", 0, 2)]
    assert TABLE.runs([0, 1, 5, 6, 8]) == [("digest1", 0, 2), ("digest4", 0, 2), ("digest4", 3, 1)]
    assert TABLE.runs(range(0)) == []


@pytest.mark.parametrize(("count", "per_page"), [(0, 3), (1, 3), (3, 3), (4, 3), (10, 3), (9, 50)])
def test_feed_pages_hold_every_item_and_archives_never_move(count, per_page):
    slots = page_slots(count, per_page)
    covered = {i for slot in slots for i in range(slot.start, slot.stop)}
    assert covered == set(range(count))
    assert all(s.stop - s.start == per_page for s in slots[1:])  # archives are complete
    subscription = slots[0]
    assert subscription.stop == count and subscription.stop - subscription.start == min(
        count, per_page
    )
    later = page_slots(count + per_page, per_page)  # the items of an archive page stay put
    assert [(s.number, s.start, s.stop) for s in later[1 : len(slots)]] == [
        (s.number, s.start, s.stop) for s in slots[1:]
    ]


def test_the_manifest_skips_what_is_unchanged_and_removes_what_is_gone(tmp_path):
    output, cache = tmp_path / "out", CacheStore(tmp_path / "cache")
    (output / "a/b").mkdir(parents=True)
    (output / "a/b/page.html").write_text("one")
    (output / "keep.html").write_text("keep")
    first = OutputManifest(output, cache)
    first.written("a/b/page.html", "k1")
    first.written("keep.html", "k2")
    first.save()

    second = OutputManifest(output, cache)
    assert second.fresh("keep.html", "k2")
    assert not second.fresh("keep.html", "other key")
    assert second.remove_stale() == ["a/b/page.html"]
    assert not (output / "a").exists()  # emptied folders go too
    second.save()

    third = OutputManifest(output, cache)
    (output / "keep.html").write_text("edited by hand")
    assert not third.fresh("keep.html", "k2")


def test_workers_return_results_in_order_as_one_process_would():
    items = list(range(MIN_PARALLEL_ITEMS * 3))
    assert run_all(_square_and_pid, items, 2) != run_all(_square_and_pid, items, 1)  # other pids
    assert [r[0] for r in run_all(_square_and_pid, items, 2)] == [i * i for i in items]
    assert {r[1] for r in run_all(_square_and_pid, items[:5], 2)} == {os.getpid()}


def _square_and_pid(item: int) -> tuple[int, int]:
    return item * item, os.getpid()


_SEEN: list[int] = []


def _remember(item: int) -> int:
    _SEEN.append(item)
    return item


@pytest.mark.parametrize("workers", [1, 2])
def test_finish_runs_after_each_chunk_where_it_ran(tmp_path, workers):
    """What a task leaves to be written once (a cache's rows) is written by the process that
    ran it, for every item, whether the items ran here or in workers."""
    items = list(range(MIN_PARALLEL_ITEMS * 3))

    def finish() -> None:
        with (tmp_path / f"{os.getpid()}.txt").open("a") as out:
            out.write("".join(f"{item}\n" for item in _SEEN))
        _SEEN.clear()

    _SEEN.clear()
    assert run_all(_remember, items, workers, finish=finish) == items
    written = sorted(int(line) for f in tmp_path.glob("*.txt") for line in f.read_text().split())
    assert written == items
    assert len(list(tmp_path.glob("*.txt"))) == (1 if workers == 1 else 2)


def test_saved_records_are_written_by_flush_or_close(tmp_path):
    record = DayRecord("t", date(2024, 4, 4), "UTC", "d1", ())
    store = CacheStore(tmp_path)
    store.save(record)
    assert not CacheStore(tmp_path).has("t", date(2024, 4, 4), "d1")  # one commit for many
    store.flush()
    assert CacheStore(tmp_path).has("t", date(2024, 4, 4), "d1")
    store.save(DayRecord("t", date(2024, 4, 5), "UTC", "d2", ()))
    store.close()
    kept = CacheStore(tmp_path).load("t", date(2024, 4, 5), "d2")
    assert kept == DayRecord("t", date(2024, 4, 5), "UTC", "d2", ())


@pytest.mark.parametrize("workers", [-1, 1.5, True, "2"])
def test_workers_setting_is_checked(workers):
    with pytest.raises(SettingsError, match="workers"):
        DaybookSettings.from_mapping({"workers": workers})


def test_one_cache_store_with_a_schema_version(tmp_path):
    store = CacheStore(tmp_path)
    store.set_meta({"content_salt": "s"})
    assert store.meta("content_salt") == "s"
    store.close()
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        db.execute("PRAGMA user_version = 1")  # a cache written by another version of the code
    assert CacheStore(tmp_path).meta("content_salt") is None
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        "daybook.sqlite"
    ]
