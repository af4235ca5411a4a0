"""The plain-text layout: lines of a pasted live blog -> stamped drafts, plus skipped lines.

Lines are classified first (date line, zone note, stamp, rule, noise, text) so that choices
that depend on the whole page can be made before any update is built: which clock-like
openings are really stamps, whether headlines stand above or below their stamps, and which
labelled stamp is the page's own "Updated" time rather than an update.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, tzinfo

from . import noise
from .clock import Stamp
from .lines import Line
from .paragraphs import (
    headlines_below,
    is_fragment,
    is_title_like,
    join_wrapped,
    reads_as_sentence,
    rests_open_bodies,
    split_headline,
    words,
)
from .templates import FOOTER_STAMP, PAGE_UPDATED
from .zones import page_zone_statement

ZONE_NOTE = "time-zone note (applied to the page)"
PAGE_TITLE = "page title"
STAND_FIRST = "stand-first"
PAGE_FOOTER = "page footer"
_LIST_NUMBER = re.compile(r"^\d{1,3}[.)]\s+(?=\S)")
NOTE_WORDS = 12
"""A zone note inside an update longer than this is a sentence of the update, kept as text."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A line of the source that no update carries, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Draft:
    """An update as written on the page, before dates and zones are resolved."""

    line: int
    stamp: Stamp | None
    """None on pages without timestamps: the update only has a position."""
    block: int
    """Index of the date block the update sits in (a new block starts at each date line)."""
    headline: str
    paragraphs: tuple[str, ...]
    author: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """Everything the text layout found on one page."""

    title: str
    drafts: tuple[Draft, ...]
    block_dates: tuple[date | None, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]
    page_zone: tzinfo | None
    reference: Stamp | None = None
    """The page's own "Updated …" stamp, the reference for relative stamps."""
    reference_line: int = 0
    page_date: date | None = None
    """A date the page states outside date lines (in its title, intro or URL)."""
    zone_note: tuple[int, str] | None = None
    """The line (number, text) whose note gave *page_zone*."""
    block_lines: tuple[int, ...] = ()
    """The line number of each block's date line (0 for the block above the first one)."""
    page_dated_blocks: frozenset[int] = frozenset()
    """Blocks whose date line stands above the intro, not right above the updates: the page's
    own date (the day it began), not a day header."""
    page_date_line: tuple[int, str] | None = None
    """The line (number, text) *page_date* was read from."""
    page_date_weak: bool = False
    """*page_date* was found inside the text of an update (a caption), not above it."""


@dataclass
class _Builder:
    """Mutable state while walking the lines of one page."""

    headlines_above: set[int]
    title: str = ""
    block_dates: list[date | None] = field(default_factory=lambda: [None])
    block_lines: list[int] = field(default_factory=lambda: [0])
    page_dated_blocks: set[int] = field(default_factory=set)
    zone_note: tuple[int, str] | None = None
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_zone: tzinfo | None = None
    reference: Stamp | None = None
    reference_line: int = 0
    current: tuple[int, Stamp, int] | None = None
    above: str = ""
    pending_above: str = ""
    paragraphs: list[str] = field(default_factory=list)
    paragraph_lines: list[int] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    pending: list[tuple[int, Stamp, int, str, list[str]]] = field(default_factory=list)
    captions: set[str] = field(default_factory=set)
    previous: str = ""

    def skip(self, number: int, text: str, reason: str) -> None:
        self.skipped.append(Skipped(number, text, reason))

    def close_update(self) -> None:
        if self.current is not None:
            number, stamp, block = self.current
            # A label on the stamp line ("Le 23/06 à 04:30 Pour approfondir") is no headline.
            given = "" if stamp.rest and noise.is_label(stamp.rest) else stamp.rest
            rest, paragraphs = join_wrapped(given, self.paragraphs)
            self.pending.append((number, replace(stamp, rest=rest), block, self.above, paragraphs))
        self.current, self.paragraphs, self.paragraph_lines, self.above = None, [], [], ""

    def finish_drafts(self) -> None:
        """Split headline from body once the whole page is read: whether text on a stamp
        line opens the body is decided for the page, from all of its stamp lines."""
        rests_are_body = rests_open_bodies([p[1].rest for p in self.pending if p[1].rest])
        below = headlines_below([p[4] for p in self.pending if not p[1].rest and not p[3]])
        body: list[str]
        for number, stamp, block, above, paragraphs in self.pending:
            alone = len(paragraphs) == 1 and is_title_like(paragraphs[0])
            if below and alone and not stamp.rest and not above:
                headline, body = paragraphs[0], []  # a headline-only post
            else:
                headline, body = split_headline(stamp, paragraphs, above, rests_are_body)
            author = stamp.prefix or None
            self.drafts.append(Draft(number, stamp, block, headline, tuple(body), author))
        self.drafts = unnumbered(self.drafts)


def unnumbered(drafts: list[Draft]) -> list[Draft]:
    """Headlines copied from a numbered list ("1. NATO rules out…", "2. …") lose the numbers,
    when the page numbers at least two of them: one "1. " alone may be the headline's own."""
    numbered = [d for d in drafts if _LIST_NUMBER.match(d.headline)]
    if len(numbered) < 2:
        return drafts
    return [
        replace(d, headline=_LIST_NUMBER.sub("", d.headline, count=1)) if d in numbered else d
        for d in drafts
    ]


def headlines_above(lines: list[Line]) -> set[int]:
    """Line numbers of headlines printed above their stamp ("Library reopens ⏎ 14:20 – 7 Feb").

    Chosen for the whole page: when most bare stamps (nothing after the clock) have a
    title-like line right above them, those lines are the headlines; stamps that carry the
    body on their line ("[00.25 Uhr] Rund 140 Helfer …") need one above nearly every one.
    """
    content = [line for line in lines if line.kind != "noise"]
    stamps = {
        i: line.stamp
        for i, line in enumerate(content)
        if line.kind == "stamp" and line.stamp is not None and not line.stamp.headline
    }
    bare = [i for i, stamp in stamps.items() if not stamp.rest]
    carrying = [i for i, stamp in stamps.items() if reads_as_sentence(stamp.rest)]
    chosen = set()
    above = [i for i in bare if _title_above(content, i)]
    below = [i for i in bare if _headline_below(content, i)]
    if above and len(above) > len(below) and len(above) * 2 >= len(bare):
        chosen.update(above)
    above = [i for i in carrying if _title_above(content, i)]
    if len(above) >= 2 and len(above) * 4 >= len(carrying) * 3:
        chosen.update(above)
    return {content[i - 1].number for i in chosen}


def _title_above(content: list[Line], index: int) -> bool:
    line = content[index - 1] if index > 0 else None
    return line is not None and line.kind == "text" and is_title_like(line.text)


def _headline_below(content: list[Line], index: int) -> bool:
    """A title-like line right under a bare stamp, with more text after it (Sky, BBC)."""
    if index + 2 >= len(content):
        return False
    below, after = content[index + 1], content[index + 2]
    return below.kind == "text" and is_title_like(below.text) and after.kind == "text"


def parse_lines(lines: list[Line]) -> ParsedPage:
    """Build the drafts of a page whose updates carry stamps."""
    state = _Builder(headlines_above(lines))
    for line in lines:
        _take(state, line)
    _drop_footer(state)
    state.close_update()
    state.finish_drafts()
    return ParsedPage(
        title=state.title,
        drafts=tuple(state.drafts),
        block_dates=tuple(state.block_dates),
        skipped=tuple(sorted(state.skipped, key=lambda s: s.line)),
        warnings=tuple(state.warnings),
        page_zone=state.page_zone,
        reference=state.reference,
        zone_note=state.zone_note,
        block_lines=tuple(state.block_lines),
        page_dated_blocks=frozenset(state.page_dated_blocks),
        reference_line=state.reference_line,
    )


def _take(state: _Builder, line: Line) -> None:
    number, text = line.number, line.text
    if line.kind == "date":
        _take_date(state, number, text, line.dated)
    elif line.kind == "zone":
        if state.zone_note is None:
            state.page_zone, state.zone_note = page_zone_statement(text), (number, text)
        if state.current is not None and words(text) > NOTE_WORDS:
            _take_text(state, line)  # a sentence of the update that also names the zone
        else:
            state.skip(number, text, ZONE_NOTE)
    elif line.kind == "updated":
        state.reference, state.reference_line = line.stamp, number
        state.skip(number, text, PAGE_UPDATED)
    elif line.kind == "stamp" and line.stamp is not None:
        state.close_update()
        state.current = (number, line.stamp, len(state.block_dates) - 1)
        state.above, state.pending_above = state.pending_above, ""
    elif number in state.headlines_above:
        state.pending_above = text
    else:
        _take_text(state, line)


def _take_date(state: _Builder, number: int, text: str, found: tuple[date, bool] | None) -> None:
    """A date line: the update above it ends and a new date block begins."""
    day: date | None = None  # None only if the line no longer reads as a date: an undated block
    if found is not None:
        day, agrees = found
        if not agrees:
            state.warnings.append(f"line {number}: weekday in {text!r} does not match {day}")
    state.close_update()
    state.block_dates.append(day)
    state.block_lines.append(number)


def _take_text(state: _Builder, line: Line) -> None:
    reason = _noise_reason(state, line)
    if reason:
        state.skip(line.number, line.text, reason)
    elif state.current is None:
        _preamble(state, line.number, line.text)
    else:
        state.paragraphs.append(line.text)
        state.paragraph_lines.append(line.number)
    state.previous = line.text


def _noise_reason(state: _Builder, line: Line) -> str | None:
    reason = line.reason or None
    if reason == FOOTER_STAMP and state.current is not None and line.stamp and line.stamp.prefix:
        number, stamp, block = state.current  # the byline closing the update names its author
        state.current = (number, replace(stamp, prefix=line.stamp.prefix), block)
    if reason == noise.BYLINE and state.current is not None:
        return None  # an update's own byline: attribution.byline makes it the author
    if reason == noise.PHOTO_CAPTION:
        key = noise.normalise(line.text)
        reason = noise.REPEATED_CAPTION if key in state.captions else reason
        state.captions.add(key)
    elif reason is None and line.text == state.previous:
        reason = noise.REPEATED_LINE
    return reason


def _preamble(state: _Builder, number: int, line: str) -> None:
    """Lines above the first update: the page title, then stand-first and intro text."""
    if len(state.block_dates) > 1 and not state.drafts:
        state.page_dated_blocks.add(len(state.block_dates) - 1)
    if not state.title:
        state.title = re.sub(r"^live( blog| updates)?\s*[:|-]\s*", "", line, flags=re.I)
        state.skip(number, line, PAGE_TITLE)
    else:
        state.skip(number, line, STAND_FIRST)


def _drop_footer(state: _Builder) -> None:
    """Short phrases after the last update's text are page furniture ("Route 6"), not body."""
    while state.paragraphs and is_fragment(state.paragraphs[-1]):
        state.skip(state.paragraph_lines.pop(), state.paragraphs.pop(), PAGE_FOOTER)
