"""Source attribution: who an update is credited to ("Reuters", "NATO official")."""

from __future__ import annotations

import re

# "…another blackout: Ukraine", "…'direct confrontation' — Kremlin": a short capitalised
# name closing a headline. The headline keeps it; the source field gets a copy.
_HEADLINE_TAIL = re.compile(
    r"^(?P<head>(?:\S+\s+){2,}\S*?)(?::|\s[—–-])\s+"
    r"(?P<source>[A-Za-z][A-Za-z'’.&-]*(?:\s+[A-Za-z][A-Za-z'’&-]*){0,3})$"
)
# "(Reuters) - Two observers…" and "MOSCOW, March 2 (Reuters) - …" (wire style).
_LEADING_AGENCY = re.compile(
    r"^(?P<dateline>[A-Z][^()]{0,60}?\s)?\((?P<source>[A-Z][\w .&/-]{1,30})\)\s*[—–-]+\s*"
)
# A paragraph that is only "(Reuters)" or "(AFP)" closing the update (Euronews style).
_AGENCY_PARAGRAPH = re.compile(r"^\((?P<source>[A-Z][\w .&/-]{1,30})\)\.?$")


def headline_source(headline: str) -> str | None:
    """The attribution a headline ends with, or None."""
    match = _HEADLINE_TAIL.match(headline.strip())
    if not match or re.search(r"[.?!\"“”]$", match.group("source")):
        return None
    source = match.group("source").strip()
    # "…: officials" names a source; "…: what we know so far" does not.
    if source[0].islower() and len(source.split()) > 2:
        return None
    return source


def body_source(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """Pull an agency credit out of the body: leading "(Reuters) - " or a closing "(AFP)"."""
    if not paragraphs:
        return None, paragraphs
    last = _AGENCY_PARAGRAPH.match(paragraphs[-1].strip())
    if last:
        return last.group("source").strip(), paragraphs[:-1]
    first = _LEADING_AGENCY.match(paragraphs[0])
    if first:
        if first.group("dateline"):
            return first.group("source").strip(), paragraphs
        return first.group("source").strip(), [paragraphs[0][first.end() :], *paragraphs[1:]]
    return None, paragraphs


_SIGNATURE = re.compile(r"\s+-(?P<author>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})$")


def signature(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """An author signed at the end of the body ("… polls close at eight. -Jane Doe")."""
    if not paragraphs:
        return None, paragraphs
    match = _SIGNATURE.search(paragraphs[-1])
    if not match:
        return None, paragraphs
    last = paragraphs[-1][: match.start()].rstrip()
    return match.group("author"), [*paragraphs[:-1], last] if last else paragraphs[:-1]
