"""Paragraph rules: what reads as a headline, what as body, and plain text as Markdown."""

from __future__ import annotations

import re

from ..mdtext import escape_inline, escape_paragraph
from .clock import Stamp

BULLET = re.compile(r"^[•·▪●◦*-]\s+")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
_WORD = re.compile(r"\S+")


def words(text: str) -> int:
    """Number of words in *text*."""
    return len(_WORD.findall(text))


def is_title_like(text: str) -> bool:
    """A headline is short and does not end like a sentence."""
    return 0 < words(text) <= 20 and not SENTENCE_END.search(text) and not BULLET.match(text)


def is_fragment(text: str) -> bool:
    """A few words that are no sentence ("Route 6"): page furniture when they trail a page."""
    return words(text) <= 3 and not SENTENCE_END.search(text) and not BULLET.match(text)


def split_headline(stamp: Stamp, paragraphs: list[str], above: str = "") -> tuple[str, list[str]]:
    """Decide what of the stamp line and the paragraphs below it is headline and what is body."""
    if above or stamp.headline:
        body = [stamp.rest, *paragraphs] if stamp.rest else list(paragraphs)
        return above or stamp.headline, body
    if stamp.rest:
        return _split_stamp_line(stamp, list(paragraphs))
    if len(paragraphs) >= 2 and is_title_like(paragraphs[0]):
        return paragraphs[0], list(paragraphs[1:])
    return "", list(paragraphs)


def _split_stamp_line(stamp: Stamp, paragraphs: list[str]) -> tuple[str, list[str]]:
    """Text after the clock is the headline, unless it reads as the start of the body."""
    rest = stamp.rest
    if stamp.separator == "colon" and (not paragraphs or not is_title_like(rest)):
        return "", [rest, *paragraphs]
    if not paragraphs and _reads_as_body(rest):
        return "", [rest]
    if stamp.separator == "space" and stamp.prefix:
        return "", [rest, *paragraphs]  # "Name 9/7/2016 4:57:09 PMNow that…": glued body
    return rest, paragraphs


def _reads_as_body(text: str) -> bool:
    sentences = len(re.findall(r"[.!?][\"'”’]?\s+[A-Z“\"]", text))
    return words(text) > 25 or sentences >= 1


def to_markdown(paragraphs: tuple[str, ...] | list[str]) -> str:
    """Paragraphs of plain text as Markdown, bullet lines joined into lists."""
    blocks: list[str] = []
    for paragraph in paragraphs:
        bullet = BULLET.match(paragraph)
        if bullet:
            item = "- " + escape_inline(paragraph[bullet.end() :].strip())
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + item
                continue
            blocks.append(item)
        else:
            blocks.append(escape_paragraph(paragraph))
    return "\n\n".join(blocks)
