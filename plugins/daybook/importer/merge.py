"""Merge imported updates into existing days: match, keep anchors and hand edits, add new."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime

from ..core.model import Day, Update

NEW, UNCHANGED, CHANGED, EDITED, SUPERSEDED = (
    "new",
    "unchanged",
    "changed",
    "hand-edited",
    "superseded",
)


@dataclass(frozen=True, slots=True)
class Merged:
    """The day after merging, and each incoming update's outcome, in the order given."""

    day: Day
    outcomes: tuple[tuple[Update, str], ...]
    """Each incoming update as stored in the day (anchor set), with its status."""


def text_digest(update: Update) -> str:
    """A short, stable hash of an update's headline and body."""
    data = f"{update.headline}\n{update.body}".encode()
    return hashlib.sha256(data).hexdigest()[:10]


def clock_anchor(local: datetime, untimed: bool = False) -> str:
    """The readable anchor base for a clock time: "1808" for 18:08.

    Untimed updates have no clock: "u1", "u2", … by their place in the day.
    """
    if untimed:
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        return f"u{int((local - midnight).total_seconds()) + 1}"
    return f"{local:%H%M}"


def unique_anchor(base: str, taken: set[str]) -> str:
    """*base*, or *base* with the first free "-2", "-3", … suffix."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def merge_day(
    day: Day,
    incoming: list[Update],
    source_ref: str | None,
    new_capture: bool = True,
    captured: datetime | None = None,
) -> Merged:
    """Add *incoming* (oldest first, no anchors) to *day*, keeping every anchor.

    A stored update still holding the text it was imported with (its digest matches) takes
    a new capture's text in place, marked updated at *captured* unless the page said when;
    one edited by hand since keeps its text. A page imported before (*new_capture* false)
    is an older capture and changes no text.
    """
    stored = {u.anchor: u for u in day.updates}
    taken = set(stored)
    claimed: set[str] = set()
    outcomes: list[tuple[Update, str]] = []
    for raw in incoming:
        update = replace(raw, digest=text_digest(raw))
        match = _find_match(update, list(stored.values()), incoming, claimed)
        if match is None:
            anchor = unique_anchor(clock_anchor(day.local(update), update.untimed), taken)
            taken.add(anchor)
            claimed.add(anchor)
            stored[anchor] = replace(update, anchor=anchor)
            outcomes.append((stored[anchor], NEW))
            continue
        claimed.add(match.anchor)
        merged, status = _reconcile(match, update, new_capture)
        if status == CHANGED:
            merged = replace(merged, updated=update.updated or captured or merged.updated)
        stored[match.anchor] = merged
        outcomes.append((merged, status))
    sources = day.sources
    if (
        any(status != UNCHANGED for _, status in outcomes)
        and source_ref
        and source_ref not in sources
    ):
        sources = (*sources, source_ref)
    updates = sorted(stored.values(), key=lambda u: u.published)
    return Merged(replace(day, updates=tuple(updates), sources=sources), tuple(outcomes))


def _reconcile(stored: Update, incoming: Update, new_capture: bool) -> tuple[Update, str]:
    if (stored.headline, stored.body) == (incoming.headline, incoming.body):
        return stored, UNCHANGED
    if stored.digest is None or stored.digest != text_digest(stored):
        return stored, EDITED  # without a digest we cannot tell, so the file's text wins
    if not new_capture:
        return stored, SUPERSEDED
    taken = replace(stored, headline=incoming.headline, body=incoming.body, digest=incoming.digest)
    return replace(taken, source=stored.source or incoming.source), CHANGED


def _find_match(
    update: Update, stored: list[Update], incoming: list[Update], claimed: set[str]
) -> Update | None:
    free = [u for u in stored if u.anchor not in claimed]
    same_time = [u for u in free if u.published == update.published]
    for candidate in same_time:
        if _same_text(candidate, update):
            return candidate
    if update.untimed:
        # Untimed positions shift when a page grows: match by text anywhere in the day.
        return next((u for u in free if u.untimed and _same_text(u, update)), None)
    peers = [u for u in incoming if u.published == update.published]
    if len(same_time) == 1 and len(peers) == 1:
        return same_time[0]
    return None


def _same_text(stored: Update, update: Update) -> bool:
    return (
        stored.digest == update.digest
        or (bool(update.headline) and stored.headline == update.headline)
        or (bool(update.body) and stored.body == update.body)
    )
