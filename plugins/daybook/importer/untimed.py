"""Pages without timestamps: split into updates by rules ("___") or headline-like lines.

Such updates only have a position on the page; the importer gives them the page's date and
an order, never an invented clock time (they are flagged ``untimed``).
"""

from __future__ import annotations

import re
from datetime import date

from . import noise
from .calendar_words import MONTHS
from .lines import Line
from .paragraphs import is_title_like
from .text import PAGE_TITLE, STAND_FIRST, Draft, Skipped

_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_IN_TEXT = (
    re.compile(
        # "PoliticsOctober 17, 2020": a copied page may glue the date to the word before it.
        rf"(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?P<month>{_MONTH_WORDS})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
        re.I,
    ),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_WORDS})\.?,?\s+(?P<year>\d{{4}})\b",
        re.I,
    ),
    re.compile(rf"\b(?P<month>{_MONTH_WORDS})-(?P<day>\d{{1,2}})-(?P<year>\d{{4}})\b", re.I),
    re.compile(r"/(?P<year>20\d\d)/(?P<month>\d{1,2})/(?P<day>\d{1,2})/"),
    re.compile(r"\b(?P<year>20\d\d)-?(?P<month>[01]\d)-?(?P<day>[0-3]\d)(?:-|\b)"),
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_LIVE_TITLE = re.compile(r"^(live\b|.*\bas it happened\b|.*\blive (updates|blog)\b)", re.I)


def date_in_text(text: str) -> date | None:
    """The first date written inside a line: a title, an intro or a page URL."""
    if not _YEAR.search(text):
        return None  # every form below carries a four-digit year: most lines have none
    for pattern in _DATE_IN_TEXT:
        for match in pattern.finditer(text):
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS.get(month.lower())
            try:
                return date(int(match.group("year")), number or 0, int(match.group("day")))
            except ValueError:
                continue
    return None


def split_untimed(
    lines: list[Line],
) -> tuple[
    list[Draft], list[date | None], list[int], list[Skipped], tuple[date, tuple[int, str]] | None
]:
    """Drafts without stamps, the date blocks and their lines, skipped lines, and a date stated
    in the preamble with the line it came from."""
    blocks: list[date | None] = [None]
    block_lines = [0]
    skipped: list[Skipped] = []
    segments: list[tuple[int, list[Line]]] = []
    by_rules = any(line.kind == "rule" for line in lines)
    current: list[Line] | None = None
    for index, line in enumerate(lines):
        if line.kind == "date":
            blocks.append(None if line.dated is None else line.dated[0])
            block_lines.append(line.number)
            current = None
        elif line.kind in ("noise", "rule", "zone", "updated", "stamp"):
            skipped.append(Skipped(line.number, line.text, line.reason or noise.PAGE_NOISE))
            if line.kind == "rule":
                current = None
        elif current is None or (not by_rules and _starts_update(lines, index)):
            current = [line]
            segments.append((len(blocks) - 1, current))
        else:
            current.append(line)
    drafts, preamble_date = _drafts(segments, skipped)
    return drafts, blocks, block_lines, skipped, preamble_date


def _starts_update(lines: list[Line], index: int) -> bool:
    """A headline-like line followed by body text opens a new update."""
    following = next((ln for ln in lines[index + 1 :] if ln.kind != "noise"), None)
    return (
        is_title_like(lines[index].text)
        and following is not None
        and following.kind == "text"
        and not is_title_like(following.text)
    )


def _drafts(
    segments: list[tuple[int, list[Line]]], skipped: list[Skipped]
) -> tuple[list[Draft], tuple[date, tuple[int, str]] | None]:
    drafts: list[Draft] = []
    preamble_date = None
    for block, segment in segments:
        texts = [line.text for line in segment]
        if not drafts and _is_page_title(texts):
            found = date_in_text(" ".join(texts))
            preamble_date = (found, (segment[0].number, texts[0])) if found else None
            skipped += [
                Skipped(ln.number, ln.text, PAGE_TITLE if i == 0 else STAND_FIRST)
                for i, ln in enumerate(segment)
            ]
            continue
        credit = re.fullmatch(r"\(?[A-Z][\w .&/-]{1,30}\)?", texts[0]) and noise.is_credit(
            texts[0].strip("()")
        )
        headline = texts[0] if len(texts) > 1 and is_title_like(texts[0]) and not credit else ""
        body = texts[1:] if headline else texts
        drafts.append(Draft(segment[0].number, None, block, headline, tuple(body)))
    return drafts, preamble_date


def _is_page_title(texts: list[str]) -> bool:
    """The first block is the page's title when it says so, or is only a title."""
    return bool(_LIVE_TITLE.match(texts[0])) or (len(texts) == 1 and is_title_like(texts[0]))
