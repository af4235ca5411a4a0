"""Paragraph rules: what reads as a headline, what as body, and plain text as Markdown."""

from __future__ import annotations

import re

from ..core.mdtext import escape_inline, escape_paragraph
from .clock import Stamp

BULLET = re.compile(r"^[•·▪●◦*-]\s+")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
_DECORATION = re.compile(r"^[+*#=]{2,}\s*|\s*[+*#=]{2,}$")
_LEAD_HEADLINE = re.compile(r"^(?P<head>\S.{0,58}?)\s+[–—]\s+(?P<body>\S.*)$")
_OPEN_END = re.compile(r"[.!?…:;][\"'”’)]*$")
_WORD = re.compile(r"\S+")


def words(text: str) -> int:
    """Number of words in *text*."""
    return len(_WORD.findall(text))


def is_title_like(text: str) -> bool:
    """A headline is short and does not end like a sentence (or open one, with a colon)."""
    return (
        0 < words(text) <= 20
        and not SENTENCE_END.search(text)
        and not text.rstrip().endswith(":")
        and not BULLET.match(text)
    )


def headlines_below(updates: list[list[str]]) -> bool:
    """Whether a page puts a headline line under its bare stamps: most updates of two or
    more paragraphs open with a title-like one. Its one-line updates are then headlines."""
    longer = [paragraphs for paragraphs in updates if len(paragraphs) >= 2]
    titled = sum(1 for paragraphs in longer if is_title_like(paragraphs[0]))
    return len(longer) >= 2 and titled * 3 >= len(longer) * 2


def reads_as_sentence(text: str) -> bool:
    """Text that ends like a sentence or runs too long for a headline."""
    return words(text) > 20 or bool(SENTENCE_END.search(text))


def rests_open_bodies(rests: list[str]) -> bool:
    """Whether a page's text after its stamps is body (most of it sentences) or headlines."""
    sentences = sum(1 for rest in rests if reads_as_sentence(rest))
    return len(rests) >= 2 and sentences * 2 > len(rests)


def join_wrapped(rest: str, paragraphs: list[str]) -> tuple[str, list[str]]:
    """Hard-wrapped text joined again: a line that starts in lower case and follows a line
    that did not end a sentence continues it ("…has written" ⏎ "on Twitter that…")."""
    joined: list[str] = [rest] if rest else []
    for paragraph in paragraphs:
        if joined and paragraph[:1].islower() and not _OPEN_END.search(joined[-1]):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    if rest:
        return joined[0], joined[1:]
    return "", joined


def is_fragment(text: str) -> bool:
    """A few words that are no sentence ("Route 6"): page furniture when they trail a page."""
    return words(text) <= 3 and not SENTENCE_END.search(text) and not BULLET.match(text)


def split_headline(
    stamp: Stamp, paragraphs: list[str], above: str = "", rests_are_body: bool = False
) -> tuple[str, list[str]]:
    """Decide what of the stamp line and the paragraphs below it is headline and what is body.

    *rests_are_body*: the page writes its text straight after the stamp ("6:59pm Reporting
    from Suez, …"), so text on a stamp line opens the body.
    """
    if above or stamp.headline:
        body = [stamp.rest, *paragraphs] if stamp.rest else list(paragraphs)
        return _DECORATION.sub("", above or stamp.headline), body
    if stamp.rest and rests_are_body:
        lead = _LEAD_HEADLINE.match(stamp.rest)
        if lead and is_title_like(lead.group("head")) and reads_as_sentence(lead.group("body")):
            return lead.group("head"), [lead.group("body"), *paragraphs]  # "DONE DEAL – Two…"
        return "", [stamp.rest, *paragraphs]
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
    text = re.sub(r"^\d{1,3}[.)]\s+", "", text)  # "2. Blinken…": a list number, no sentence
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
