"""The plain-text layout: lines of a pasted live blog -> stamped drafts, plus skipped lines."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, tzinfo

from ..mdtext import escape_inline, escape_paragraph
from . import noise
from .clock import Stamp, match_stamp
from .dates import match_date_line
from .zones import page_zone_statement

_BULLET = re.compile(r"^[•·▪●◦*-]\s+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
_WORD = re.compile(r"\S+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
ZONE_NOTE = "time-zone note (applied to the page)"
PAGE_TITLE = "page title"
STAND_FIRST = "stand-first"
PAGE_FOOTER = "page footer"


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
    stamp: Stamp
    block: int
    """Index of the date block the update sits in (a new block starts at each date line)."""
    headline: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ParsedPage:
    """Everything the text layout found on one page."""

    title: str
    drafts: tuple[Draft, ...]
    block_dates: tuple[date | None, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]
    page_zone: tzinfo | None


@dataclass
class _Builder:
    """Mutable state while walking the lines of one page."""

    title: str = ""
    block_dates: list[date | None] = field(default_factory=lambda: [None])
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_zone: tzinfo | None = None
    current: tuple[int, Stamp, int] | None = None
    paragraphs: list[str] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    captions: set[str] = field(default_factory=set)
    previous: str = ""

    def skip(self, number: int, text: str, reason: str) -> None:
        self.skipped.append(Skipped(number, text, reason))

    def close_update(self) -> None:
        if self.current is not None:
            number, stamp, block = self.current
            headline, body = split_headline(stamp, self.paragraphs)
            self.drafts.append(Draft(number, stamp, block, headline, tuple(body)))
        self.current, self.paragraphs = None, []


def clean_line(raw: str) -> str:
    """One source line with odd spaces folded and control characters removed."""
    return _SPACES.sub(" ", _CONTROL.sub("", raw)).strip()


def parse_text(text: str) -> ParsedPage:
    """Split a pasted live blog into drafts; every line not used is reported as skipped."""
    lines = [clean_line(raw) for raw in text.split("\n")]
    stamps = _accepted_stamps(lines)
    state = _Builder()
    paragraph_lines: list[int] = []
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        if _handle_structure(state, number, line, stamps.get(number)):
            paragraph_lines = []
            continue
        reason = _noise_reason(state, line)
        if reason:
            state.skip(number, line, reason)
        elif state.current is None:
            _preamble(state, number, line)
        else:
            state.paragraphs.append(line)
            paragraph_lines.append(number)
        state.previous = line
    _drop_footer(state, paragraph_lines)
    state.close_update()
    return ParsedPage(
        title=state.title,
        drafts=tuple(state.drafts),
        block_dates=tuple(state.block_dates),
        skipped=tuple(sorted(state.skipped, key=lambda s: s.line)),
        warnings=tuple(state.warnings),
        page_zone=state.page_zone,
    )


def _handle_structure(state: _Builder, number: int, line: str, stamp: Stamp | None) -> bool:
    """Date lines, zone notes and stamps shape the page rather than carry text."""
    found = match_date_line(line)
    if found:
        day, agrees = found
        if not agrees:
            state.warnings.append(f"line {number}: weekday in {line!r} does not match {day}")
        state.close_update()
        state.block_dates.append(day)
        return True
    zone = page_zone_statement(line)
    if zone is not None:
        state.page_zone = zone
        state.skip(number, line, ZONE_NOTE)
        return True
    if stamp is not None:
        state.close_update()
        state.current = (number, stamp, len(state.block_dates) - 1)
        return True
    return False


def _noise_reason(state: _Builder, line: str) -> str | None:
    reason = noise.classify(line)
    if reason == noise.PHOTO_CAPTION:
        key = noise.normalise(line)
        reason = noise.REPEATED_CAPTION if key in state.captions else reason
        state.captions.add(key)
    elif reason is None and line == state.previous:
        reason = noise.REPEATED_LINE
    return reason


def _preamble(state: _Builder, number: int, line: str) -> None:
    """Lines above the first update: the page title, then stand-first and intro text."""
    if not state.title:
        state.title = re.sub(r"^live( blog| updates)?\s*[:|-]\s*", "", line, flags=re.I)
        state.skip(number, line, PAGE_TITLE)
    else:
        state.skip(number, line, STAND_FIRST)


def _drop_footer(state: _Builder, paragraph_lines: list[int]) -> None:
    """Short phrases after the last update's text are page furniture ("Route 6"), not body."""
    while state.paragraphs and _is_fragment(state.paragraphs[-1]):
        state.skip(paragraph_lines.pop(), state.paragraphs.pop(), PAGE_FOOTER)


def _is_fragment(text: str) -> bool:
    return (
        len(_WORD.findall(text)) <= 3 and not _SENTENCE_END.search(text) and not _BULLET.match(text)
    )


def _accepted_stamps(lines: list[str]) -> dict[int, Stamp]:
    """Stamps by line number, dropping clock-like sentence openings ("7 p.m. curfew begins…").

    A page that marks its updates with punctuation after the time ("1808 GMT —", "7 p.m.:")
    does not also mark some with a bare space, so those are read as text.
    """
    found = {n: s for n, line in enumerate(lines, start=1) if line and (s := match_stamp(line))}
    styles = Counter(s.separator in ("dash", "colon", "bar") for s in found.values())
    if styles[True] > styles[False]:
        return {n: s for n, s in found.items() if s.separator != "space" or s.zone}
    return found


def split_headline(stamp: Stamp, paragraphs: list[str]) -> tuple[str, list[str]]:
    """Decide what of the stamp line and the paragraphs below it is headline and what is body."""
    rest = stamp.rest
    if rest:
        if stamp.separator == "colon" and (not paragraphs or not is_title_like(rest)):
            return "", [rest, *paragraphs]
        if not paragraphs and _reads_as_body(rest):
            return "", [rest]
        return rest, list(paragraphs)
    if len(paragraphs) >= 2 and is_title_like(paragraphs[0]):
        return paragraphs[0], list(paragraphs[1:])
    return "", list(paragraphs)


def is_title_like(text: str) -> bool:
    """A headline is short and does not end like a sentence."""
    return len(_WORD.findall(text)) <= 20 and not _SENTENCE_END.search(text)


def _reads_as_body(text: str) -> bool:
    words = len(_WORD.findall(text))
    sentences = len(re.findall(r"[.!?][\"'”’]?\s+[A-Z“\"]", text))
    return words > 25 or sentences >= 1


def to_markdown(paragraphs: tuple[str, ...] | list[str]) -> str:
    """Paragraphs of plain text as Markdown, bullet lines joined into lists."""
    blocks: list[str] = []
    for paragraph in paragraphs:
        bullet = _BULLET.match(paragraph)
        if bullet:
            item = "- " + escape_inline(paragraph[bullet.end() :].strip())
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + item
                continue
            blocks.append(item)
        else:
            blocks.append(escape_paragraph(paragraph))
    return "\n\n".join(blocks)
