"""Merging imported updates into days: anchors, matches and hand edits."""

from datetime import UTC, date, datetime

from daybook.core.model import Day, Update
from daybook.importer.merge import EDITED, NEW, UNCHANGED, merge_day, unique_anchor


def at(hour, minute):
    return datetime(2024, 4, 4, hour, minute, tzinfo=UTC)


def empty_day():
    return Day("t", date(2024, 4, 4), "UTC", ())


def test_anchors_come_from_clock_time_with_stable_suffixes():
    merged = merge_day(empty_day(), [Update(at(18, 8), "a", ""), Update(at(18, 8), "b", "")], "src")
    assert [u.anchor for u in merged.day.updates] == ["1808", "1808-2"]
    assert merged.day.sources == ("src",)


def test_existing_anchors_are_kept_and_new_ones_avoid_them():
    day = merge_day(empty_day(), [Update(at(18, 8), "a", "")], None).day
    merged = merge_day(day, [Update(at(18, 8), "a", ""), Update(at(18, 8), "new", "")], None)
    assert [(u.headline, u.anchor) for u in merged.day.updates] == [
        ("a", "1808"),
        ("new", "1808-2"),
    ]
    assert [status for _, status in merged.outcomes] == [UNCHANGED, NEW]


def test_hand_edited_update_is_matched_and_left_alone():
    stored = Update(at(9, 0), "Edited by hand", "Fixed typo.", "0900", key=True)
    day = Day("t", date(2024, 4, 4), "UTC", (stored,))
    merged = merge_day(day, [Update(at(9, 0), "Original", "Typo.")], None)
    assert merged.day.updates == (stored,)
    assert merged.outcomes[0] == (stored, EDITED)


def test_unique_anchor():
    assert unique_anchor("1808", set()) == "1808"
    assert unique_anchor("1808", {"1808", "1808-2"}) == "1808-3"
