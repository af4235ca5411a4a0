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


# "… at eight. -Jane Doe", "… 1%. —Li", "… size. — Santoli": a name signed after the text.
_SIGNATURE = re.compile(
    r"(?<=[.!?\"”’)])\s+[-—–]\s?(?P<author>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})$"
    r"|\s+-(?P<plain>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2})$"
)


def signature(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """An author signed at the end of the body ("… polls close at eight. -Jane Doe")."""
    if not paragraphs:
        return None, paragraphs
    match = _SIGNATURE.search(paragraphs[-1])
    if not match:
        return None, paragraphs
    last = paragraphs[-1][: match.start()].rstrip()
    author = match.group("author") or match.group("plain")
    return author, [*paragraphs[:-1], last] if last else paragraphs[:-1]


_NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|di|le|la|al|bin)){1,3}"
_NAMES = rf"{_NAME}(?:(?:,\s*|\s+and\s+){_NAME})*"
_BYLINES = (
    # "From CNN's Wayne Chang and Nectar Gan"
    re.compile(rf"^From\s+(?:[A-Z][\w&.-]*\s?){{1,4}}['’]s\s+(?P<name>{_NAMES})$"),
    # "-ABC News’ Quinn Owen", "—By Elaine Ganley"
    re.compile(
        rf"^[-—–]\s*(?:By\s+)?(?:(?:[A-Z][\w.&-]*\s)*[A-Z][\w.&-]*['’]s?\s+)?(?P<name>{_NAMES})$"
    ),
    # "By: Evan Hollyday", "Posted by Jane Doe", "Von Anna Schmidt", "Par Jean Dupont"
    re.compile(rf"^(?:By|Posted by|Written by|Von|Par|Por|Di):?\s+(?P<name>{_NAMES})$", re.I),
)
_ONLY_NAME = re.compile(r"^[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}$")
_INITIALS = re.compile(r"\s\((?P<initials>[a-zäöüéè]{2,4})\)$")
_AGENCY_INITIALS = frozenset(("dpa", "afp", "ap", "rtr", "kna", "epd", "apa", "sda", "ansa", "efe"))


def byline(paragraphs: list[str], headline: str) -> tuple[str | None, str | None, list[str]]:
    """The author named in an update's byline, and an agency its initials name, with the
    byline taken out of the body: "From CNN's Wayne Chang", "-ABC News’ Quinn Owen",
    "By: Evan Hollyday", a name alone under the headline, or trailing initials "(hav)"."""
    for index, paragraph in enumerate(paragraphs):
        for pattern in _BYLINES:
            match = pattern.match(paragraph.strip())
            if match:
                return match.group("name"), None, paragraphs[:index] + paragraphs[index + 1 :]
    if headline and len(paragraphs) >= 2 and _ONLY_NAME.match(paragraphs[0].strip()):
        return paragraphs[0].strip(), None, paragraphs[1:]
    if paragraphs:
        match = _INITIALS.search(paragraphs[-1])
        if match:
            rest = paragraphs[-1][: match.start()].rstrip()
            body = [*paragraphs[:-1], rest] if rest else paragraphs[:-1]
            initials = match.group("initials")
            if initials in _AGENCY_INITIALS:
                return None, initials.upper(), body
            return initials, None, body
    return None, None, paragraphs
