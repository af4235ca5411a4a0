"""Updates from the structure of a saved HTML page: JSON-LD, microdata, <time> blocks.

Tried in that order; the first that yields updates with text wins. Pages with none of them
fall back to their visible text and the plain-text rules.
"""

from __future__ import annotations

import copy
import html
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timezone, tzinfo

from bs4 import BeautifulSoup, Tag

from .htmlmd import body_markdown, is_chrome
from .paragraphs import to_markdown
from .zonechoice import MissingZoneError
from .zones import zone_name

logger = logging.getLogger(__name__)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5")
# An element of these names carrying an epoch attribute is the update's own block.
_OWN_BLOCKS = ("div", "article", "li", "section")
_LAST_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last instant a datetime holds
_BLOCK_HINT = re.compile(r"update|entry|post|block|item|card", re.I)
_BYLINE_HINT = re.compile(r"\b(?:author|byline|contributor)\b", re.I)
_KEY_LABEL = re.compile(r"^(?:key (?:event|update|point)s?|pinned|important)$", re.I)
_LEADING_CLOCK = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s*(?:\(?[A-Z]{2,4}\)?)?\s*")
_EPOCH_ATTRIBUTES = (
    "data-timestamp", "data-post-time", "data-time", "data-published", "data-epoch"
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class StructuredUpdate:
    """An update read from the page's markup: its instant is exact."""

    published: datetime
    headline: str
    body: str
    """Markdown."""
    author: str | None = None
    origin: str | None = None
    updated: datetime | None = None
    key: bool = False


@dataclass(frozen=True, slots=True)
class StructuredPage:
    """The updates found, and which markup they came from."""

    updates: tuple[StructuredUpdate, ...]
    method: str
    language: str = ""
    """The page's language tag (<html lang>), a hint to the outlet's zone."""

    @property
    def offset_zone(self) -> str | None:
        """An IANA name for the offset the markup's first timestamp carries (Etc/GMT-2)."""
        offset = self.updates[0].published.utcoffset() if self.updates else None
        return zone_name(timezone(offset)) if offset is not None else None


def extract(soup: BeautifulSoup, zone: tzinfo | None) -> StructuredPage | None:
    """Updates from the page's structured markup, or None when it has none usable; the tree
    is only read.

    Times printed without an offset are read in *zone* (--tz or the timeline's); with no
    zone, they are refused (MissingZoneError) rather than read as UTC.
    """
    finders = (
        ("json-ld", _from_json_ld),
        ("microdata", _from_microdata),
        ("time blocks", _from_time_blocks),
    )
    for method, finder in finders:
        updates = [_in_zone(u, zone) for u in finder(soup) if u.headline or u.body]
        if updates and any(u.body for u in updates):
            root = soup.find("html")
            language = str(root.get("lang") or "") if root is not None else ""
            return StructuredPage(tuple(updates), method, language)
    return None


# -- JSON-LD --------------------------------------------------------------------------------


def _from_json_ld(soup: BeautifulSoup) -> list[StructuredUpdate]:
    found: list[StructuredUpdate] = []
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.I)):
        try:
            data = json.loads(script.string or "")
        except json.JSONDecodeError:
            logger.info("daybook: a JSON-LD block is not valid JSON; reading the page without it")
            continue
        for posting in _objects(data):
            items = posting.get("liveBlogUpdate") or posting.get("blogPosts") or []
            page_headline = str(posting.get("headline") or "")
            for item in items if isinstance(items, list) else [items]:
                update = _json_item(item, page_headline)
                if update is not None:
                    found.append(update)
    return _unique(found)


def _objects(data: object) -> Iterator[dict[str, object]]:
    """Every JSON object in *data* that carries live-blog updates (through @graph and lists)."""
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        if "liveBlogUpdate" in data or "blogPosts" in data:
            yield data
        for key in ("@graph", "mainEntity"):
            if key in data:
                yield from _objects(data[key])


def _json_item(item: object, page_headline: str) -> StructuredUpdate | None:
    if not isinstance(item, dict):
        return None
    published = parse_instant(item.get("datePublished") or item.get("dateCreated"))
    if published is None:
        return None
    headline = " ".join(html.unescape(str(item.get("headline") or "")).split())
    body_text = html.unescape(str(item.get("articleBody") or ""))
    # Some CMSs repeat the page's headline on every update, or fill it with the stamp and
    # the first words of the body: neither is a headline of the update's own.
    if headline == " ".join(page_headline.split()) or _is_body_opening(headline, body_text):
        headline = ""
    return StructuredUpdate(
        published=published,
        headline=headline,
        body=_json_body(body_text),
        author=_author_name(item.get("author")),
        origin=str(item.get("url") or item.get("@id") or "") or None,
        updated=parse_instant(item.get("dateModified")),
    )


def _is_body_opening(headline: str, body: str) -> bool:
    """A 'headline' that is a clock and the first words of the body ("19:02(IST) TOSS: …")."""
    text = _LEADING_CLOCK.sub("", headline).rstrip(".… ")
    flat = " ".join(BeautifulSoup(body, "html.parser").get_text(" ").split())
    if not text or not flat.startswith(text):
        return False
    return text != headline or (len(text) >= 20 and len(flat) > len(text) + 20)


def _json_body(text: str) -> str:
    if "<" in text and re.search(r"</?(p|ul|ol|li|blockquote|a|br)\b", text, re.I):
        return body_markdown(BeautifulSoup(text, "html.parser"))
    return to_markdown(_paragraphs(text))


def _author_name(author: object) -> str | None:
    if isinstance(author, list):
        names = [n for n in (_author_name(a) for a in author) if n]
        return ", ".join(names) or None
    if isinstance(author, dict):
        return str(author.get("name") or "") or None
    return str(author) if isinstance(author, str) and author.strip() else None


# -- microdata and <time> blocks -----------------------------------------------------------------


def _from_microdata(soup: BeautifulSoup) -> list[StructuredUpdate]:
    found = []
    for block in soup.find_all(itemprop=re.compile(r"\bliveBlogUpdate\b")):
        stamp = block.find(itemprop="datePublished") or block.find("time", datetime=True)
        published = _element_instant(stamp) if stamp else _epoch_attribute(block)
        if published is None:
            continue
        headline_tag = block.find(itemprop="headline") or block.find(_HEADINGS)
        body_tag = block.find(itemprop="articleBody") or block
        skip = {id(headline_tag)} if headline_tag is not None else set()
        body = (
            to_markdown(_paragraphs(_text_attribute(body_tag, "content")))
            if body_tag.name == "meta"
            else body_markdown(body_tag, skip)
        )
        headline = inline_text(headline_tag)
        found.append(StructuredUpdate(published=published, headline=headline, body=body))
    return _unique(found)


def _from_time_blocks(soup: BeautifulSoup) -> list[StructuredUpdate]:
    """Blocks (article, li, div…) holding exactly one machine-readable time each."""
    found = []
    for block in _time_blocks(soup):
        stamp = block.find("time", datetime=True) or block.find(_is_stamp_element)
        published = _epoch_attribute(block) or _element_instant(stamp) or _epoch_attribute(stamp)
        if published is None:
            continue
        found.append(_block_update(block, published))
    return _unique(found)


def _block_update(block: Tag, published: datetime) -> StructuredUpdate:
    """Headline, body and byline of one block; its stamps' text ("2 hours ago", "21:22") is
    not the update's, and a "KEY EVENT" label flags it."""
    block = copy.copy(block)  # blocks may nest: work on a copy, never on the shared tree
    for stamp in block.find_all("time"):
        stamp.decompose()
    for stamp in block.find_all(_is_stamp_element):
        stamp.decompose()
    author, key = _byline(block)
    headline_tag = block.find(_HEADINGS)
    skip = {id(headline_tag)} if headline_tag is not None else set()
    body = body_markdown(block, skip)
    headline = inline_text(headline_tag)
    return StructuredUpdate(published, headline, body, author=author, key=key)


def _byline(block: Tag) -> tuple[str | None, bool]:
    """The author named in a block's byline element (removed from the block), and whether
    the block is labelled a key event instead."""
    tag = block.find(itemprop="author") or block.find(_is_byline)
    if tag is None:
        return None, False
    text = " ".join(tag.get_text(" ").split())
    tag.decompose()
    if _KEY_LABEL.match(text):
        return None, True
    return (text or None) if len(text.split()) <= 5 else None, False


def _text_attribute(tag: Tag, name: str) -> str:
    """A single-valued attribute of *tag*; "" when it is missing."""
    value = tag.get(name)
    return value if isinstance(value, str) else ""


def _is_byline(tag: Tag) -> bool:
    return tag.name == "mark" or bool(_BYLINE_HINT.search(" ".join(tag.get("class") or [])))


def _time_blocks(soup: BeautifulSoup) -> list[Tag]:
    blocks = []
    for stamp in soup.find_all(_is_stamp_element):
        block = stamp if stamp.name in _OWN_BLOCKS else _enclosing_block(stamp)
        if block is not None and not is_chrome(block) and block not in blocks:
            blocks.append(block)
    # A block holding several stamps is a container of updates, not one update.
    return [b for b in blocks if len(b.find_all(_is_stamp_element)) <= 2]


def _enclosing_block(stamp: Tag) -> Tag | None:
    """The nearest article, li or update-like element around a <time>; None at the top."""
    block = stamp
    while block.parent is not None and block.parent.name not in ("body", "[document]"):
        block = block.parent
        hinted = _BLOCK_HINT.search(" ".join(block.get("class") or []))
        if block.name in ("article", "li") or hinted:
            break
    return None if block is stamp else block


def _is_stamp_element(tag: Tag) -> bool:
    return (tag.name == "time" and tag.has_attr("datetime")) or any(
        tag.has_attr(name) for name in _EPOCH_ATTRIBUTES
    )


def inline_text(tag: Tag | None) -> str:
    """An element's text on one line (headlines are plain text); a <meta>'s content."""
    if tag is None:
        return ""
    text = str(tag.get("content", "")) if tag.name == "meta" else tag.get_text(" ")
    return " ".join(text.split())


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def _element_instant(tag: Tag | None) -> datetime | None:
    if tag is None:
        return None
    return parse_instant(tag.get("datetime") or tag.get("content"))


def _epoch_attribute(tag: Tag | None) -> datetime | None:
    names = [a for a in _EPOCH_ATTRIBUTES if tag is not None and tag.has_attr(a)]
    raw = tag.get(names[0]) if tag is not None and names else None
    if raw is None or not str(raw).strip().isdigit():
        return None
    seconds = int(str(raw).strip())
    seconds = seconds // 1000 if seconds > 10**11 else seconds  # milliseconds, as JavaScript writes
    if not 0 < seconds < _LAST_EPOCH:
        return None
    return datetime.fromtimestamp(seconds, UTC)


def _in_zone(update: StructuredUpdate, zone: tzinfo | None) -> StructuredUpdate:
    def aware(value: datetime) -> datetime:
        if value.tzinfo is not None:
            return value
        if zone is None:
            raise MissingZoneError(
                f"the page's markup gives {value:%Y-%m-%d %H:%M} without an offset and neither "
                "--tz nor the timeline's settings give a zone; give --tz, e.g. --tz Europe/London"
            )
        return value.replace(tzinfo=zone)

    published = aware(update.published)
    updated = None if update.updated is None else aware(update.updated)
    return replace(update, published=published, updated=updated)


def parse_instant(value: object) -> datetime | None:
    """An ISO 8601 date-time; one without an offset stays naive, for the caller's zone."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if "T" in text or " " in text else None


def _unique(updates: list[StructuredUpdate]) -> list[StructuredUpdate]:
    seen: set[tuple[datetime, str, str]] = set()
    unique = []
    for update in updates:
        key = (update.published, update.headline, update.body)
        if key not in seen:
            seen.add(key)
            unique.append(update)
    return unique
