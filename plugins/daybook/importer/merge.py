"""Merge imported updates into existing days: match, keep anchors and hand edits, add new."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from ..model import Day, Update

NEW, UNCHANGED, DIFFERS = "new", "unchanged", "differs"


@dataclass(frozen=True, slots=True)
class Merged:
    """The day after merging, and each incoming update's outcome, in the order given."""

    day: Day
    outcomes: tuple[tuple[Update, str], ...]
    """Each incoming update as stored in the day (anchor set), with its status."""


def clock_anchor(local: datetime) -> str:
    """The readable anchor base for a clock time: "1808" for 18:08."""
    return f"{local:%H%M}"


def unique_anchor(base: str, taken: set[str]) -> str:
    """*base*, or *base* with the first free "-2", "-3", … suffix."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def merge_day(day: Day, incoming: list[Update], source_ref: str | None) -> Merged:
    """Add *incoming* (oldest first, no anchors) to *day*; existing updates are never changed.

    An incoming update matches a stored one at the same instant with the same headline or
    the same body, or the only one at that instant on both sides. A match whose text
    differs keeps the stored text: it may be a hand edit, which must survive re-import.
    """
    stored = list(day.updates)
    taken = {u.anchor for u in stored}
    claimed: set[str] = set()
    outcomes: list[tuple[Update, str]] = []
    added: list[Update] = []
    for update in incoming:
        match = _find_match(update, stored, incoming, claimed)
        if match is not None:
            claimed.add(match.anchor)
            same = match.headline == update.headline and match.body == update.body
            outcomes.append((match, UNCHANGED if same else DIFFERS))
            continue
        anchor = unique_anchor(clock_anchor(day.local(update)), taken)
        taken.add(anchor)
        new = replace(update, anchor=anchor)
        added.append(new)
        outcomes.append((new, NEW))
    sources = day.sources
    if added and source_ref and source_ref not in sources:
        sources = (*sources, source_ref)
    updates = sorted([*stored, *added], key=lambda u: u.published)
    return Merged(replace(day, updates=tuple(updates), sources=sources), tuple(outcomes))


def _find_match(
    update: Update, stored: list[Update], incoming: list[Update], claimed: set[str]
) -> Update | None:
    same_time = [u for u in stored if u.published == update.published and u.anchor not in claimed]
    for candidate in same_time:
        if (
            update.headline and candidate.headline == update.headline
        ) or candidate.body == update.body:
            return candidate
    peers = [u for u in incoming if u.published == update.published]
    if len(same_time) == 1 and len(peers) == 1:
        return same_time[0]
    return None
