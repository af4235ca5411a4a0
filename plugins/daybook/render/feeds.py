"""Feeds (docs/architecture.md, "Feeds"): Atom 1.0, RSS 2.0 and JSON Feed 1.1, one item per update.

A feed is a subscription document holding the newest items and, for long timelines, RFC 5005
archive documents holding fixed runs of older items (numbered from the oldest, so a complete
archive page never changes). Nothing here reads the clock: every date comes from the items.

Each item is serialised once, as text (``entry_text``), and a document is its head followed by
its items' texts (``document``): an update sits in the site feed, its timeline's feed, its tags'
feeds and one archive page of each, in three formats, so a long archive is mostly copies of the
same entries. Building an lxml tree per document (feedgen) cost about 1 ms per 50-item document,
or 3 s for a 1,000-day archive; concatenation costs a few microseconds per entry.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

ATOM, RSS, JSON = "atom", "rss", "json"
KINDS = (ATOM, RSS, JSON)
MEDIA_TYPES = {
    ATOM: "application/atom+xml",
    RSS: "application/rss+xml",
    JSON: "application/feed+json",
}
_EXTENSIONS = {ATOM: "atom.xml", RSS: "rss.xml", JSON: "json"}
_HISTORY_NS = "http://purl.org/syndication/history/1.0"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# An empty feed still needs an <updated>; a fixed date keeps two builds identical.
EMPTY_FEED_UPDATED = datetime(1970, 1, 1, tzinfo=UTC)
_XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One update as a feed entry."""

    permalink: str
    """Absolute URL of the update (day page + #anchor): also the entry id and guid."""
    title: str
    content_html: str
    published: datetime
    updated: datetime | None = None
    author: str | None = None
    categories: tuple[str, ...] = ()

    @property
    def last_change(self) -> datetime:
        """When the item last changed: its update time, else its publication."""
        return self.updated or self.published


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """What a feed says about itself."""

    name: str
    """Path stem under feeds/: "all", "<timeline>", "tags/<tag>"."""
    title: str
    subtitle: str
    home_url: str
    """Absolute URL of the page the feed follows (its alternate link and its id)."""
    base_url: str
    """Absolute site URL the feed files live under."""
    author: str
    language: str = "en"


@dataclass(frozen=True, slots=True)
class PageSlot:
    """Where one document of a feed sits: items [start, stop) of the oldest-first list."""

    number: int | None
    """None for the subscription document, else the archive page number (1 is the oldest)."""
    start: int
    stop: int
    prev_archive: int | None
    """The next older archive page."""
    next_archive: int | None
    """The next newer archive page (None on the newest: its newer side is the subscription)."""


@dataclass(frozen=True, slots=True)
class FeedPage:
    """One document of a feed with its items: the subscription or an archive page."""

    slot: PageSlot
    items: tuple[FeedItem, ...]
    """Newest first."""

    @property
    def number(self) -> int | None:
        """None for the subscription document, else the archive page number."""
        return self.slot.number

    @property
    def prev_archive(self) -> int | None:
        """The next older archive page."""
        return self.slot.prev_archive

    @property
    def next_archive(self) -> int | None:
        """The next newer archive page."""
        return self.slot.next_archive


def feed_path(name: str, kind: str, number: int | None = None) -> str:
    """Site-relative path of a feed document."""
    if number is None:
        return f"feeds/{name}.{_EXTENSIONS[kind]}"
    return f"feeds/archive/{name}/{number}.{_EXTENSIONS[kind]}"


def page_slots(count: int, per_page: int) -> list[PageSlot]:
    """The subscription document (the newest *per_page*) and every complete archive page."""
    archived = max(0, (count - 1) // per_page)
    slots = [PageSlot(None, max(0, count - per_page), count, archived or None, None)]
    for number in range(1, archived + 1):
        newer = number + 1 if number < archived else None
        start = (number - 1) * per_page
        slots.append(PageSlot(number, start, start + per_page, number - 1 or None, newer))
    return slots


def paginate(items: Sequence[FeedItem], per_page: int) -> list[FeedPage]:
    """The feed's documents, each with its items newest first."""
    oldest_first = sorted(items, key=lambda i: (i.published, i.permalink))
    return [
        FeedPage(slot, tuple(reversed(oldest_first[slot.start : slot.stop])))
        for slot in page_slots(len(oldest_first), per_page)
    ]


def render(info: FeedInfo, page: FeedPage, kind: str) -> bytes:
    """The document of *page* in format *kind*."""
    updated = max((item.last_change for item in page.items), default=None)
    entries = [entry_text(item, kind).encode("utf-8") for item in page.items]
    return document(info, kind, page.slot, updated, entries)


def entry_text(item: FeedItem, kind: str) -> str:
    """One item, serialised for a document of format *kind* (indented for its place there)."""
    return entry_texts(item)[KINDS.index(kind)]


def entry_texts(item: FeedItem) -> tuple[str, str, str]:
    """The item in each format (Atom, RSS, JSON Feed), its text escaped once for both XMLs."""
    xml = _XmlItem(_text(item.permalink), _text(item.title), _text(item.content_html))
    return _atom_entry(item, xml), _rss_item(item, xml), _json_item(item)


def document(
    info: FeedInfo, kind: str, slot: PageSlot, updated: datetime | None, entries: Sequence[bytes]
) -> bytes:
    """A whole document: the feed's head for *slot*, then *entries* (entry_text, UTF-8
    encoded: an entry is encoded once however many documents hold it), newest first;
    *updated* is the newest change among them."""
    number = slot.number
    links = _history_links(info, kind, slot)
    if kind == ATOM:
        head = _atom_head(info, number, links, updated)
        return head.encode() + b"".join(entries) + b"</feed>\n"
    if kind == RSS:
        head = _rss_head(info, number, links, updated)
        return head.encode() + b"".join(entries) + b"  </channel>\n</rss>\n"
    json_head = _json_head(info, number, slot.prev_archive).encode()
    if not entries:
        return json_head + b'  "items": []\n}\n'
    return json_head + b'  "items": [\n' + b",\n".join(entries) + b"\n  ]\n}\n"


@dataclass(frozen=True, slots=True)
class _XmlItem:
    """An item's character data, escaped for XML."""

    permalink: str
    title: str
    content: str


# -- Atom ---------------------------------------------------------------------------------------


def _atom_head(
    info: FeedInfo, number: int | None, links: list[tuple[str, str]], updated: datetime | None
) -> str:
    media = MEDIA_TYPES[ATOM]
    history = f' xmlns:fh="{_HISTORY_NS}"' if number is not None else ""
    head = [
        f'<feed xmlns="http://www.w3.org/2005/Atom"{history} xml:lang="{_attr(info.language)}">',
        f"  <id>{_text(info.home_url)}</id>",
        f"  <title>{_text(info.title)}</title>",
        f"  <updated>{_iso(updated or EMPTY_FEED_UPDATED)}</updated>",
        f"  <author>\n    <name>{_text(info.author)}</name>\n  </author>",
        f'  <link href="{_attr(_url(info, ATOM, number))}" rel="self" type="{media}"/>',
        f'  <link href="{_attr(info.home_url)}" rel="alternate" type="text/html"/>',
        *(f'  <link href="{_attr(href)}" rel="{rel}" type="{media}"/>' for rel, href in links),
        *(["  <fh:archive/>"] if number is not None else []),
        "  <generator>Daybook</generator>",
        f"  <subtitle>{_text(info.subtitle or info.title)}</subtitle>",
    ]
    return _XML_DECLARATION + "\n".join(head) + "\n"


def _atom_entry(item: FeedItem, xml: _XmlItem) -> str:
    link = _attr(item.permalink)
    lines = [
        "  <entry>",
        f"    <id>{xml.permalink}</id>",
        f"    <title>{xml.title}</title>",
        f"    <updated>{_iso(item.last_change)}</updated>",
    ]
    if item.author:
        lines.append(f"    <author>\n      <name>{_text(item.author)}</name>\n    </author>")
    lines.append(f'    <content type="html">{xml.content}</content>')
    lines.append(f'    <link href="{link}" rel="alternate" type="text/html"/>')
    lines += [f'    <category term="{_attr(term)}"/>' for term in item.categories]
    lines += [f"    <published>{_iso(item.published)}</published>", "  </entry>\n"]
    return "\n".join(lines)


# -- RSS ----------------------------------------------------------------------------------------


def _rss_head(
    info: FeedInfo, number: int | None, links: list[tuple[str, str]], updated: datetime | None
) -> str:
    media = MEDIA_TYPES[RSS]
    history = f' xmlns:fh="{_HISTORY_NS}"' if number is not None else ""
    head = [
        '<rss xmlns:atom="http://www.w3.org/2005/Atom"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"' + history + ' version="2.0">',
        "  <channel>",
        f"    <title>{_text(info.title)}</title>",
        f"    <link>{_text(info.home_url)}</link>",
        f"    <description>{_text(info.subtitle or info.title)}</description>",
        f'    <atom:link href="{_attr(_url(info, RSS, number))}" rel="self" type="{media}"/>',
        *(
            f'    <atom:link href="{_attr(href)}" rel="{rel}" type="{media}"/>'
            for rel, href in links
        ),
        *(["    <fh:archive/>"] if number is not None else []),
        "    <docs>https://www.rssboard.org/rss-specification</docs>",
        "    <generator>Daybook</generator>",
        f"    <language>{_text(info.language)}</language>",
    ]
    if updated is not None:
        head.append(f"    <lastBuildDate>{_rfc822(updated)}</lastBuildDate>")
    return _XML_DECLARATION + "\n".join(head) + "\n"


def _rss_item(item: FeedItem, xml: _XmlItem) -> str:
    lines = [
        "    <item>",
        f"      <title>{xml.title}</title>",
        f"      <link>{xml.permalink}</link>",
        f"      <description>{xml.content}</description>",
    ]
    if item.author:
        # RSS's own <author> must be an e-mail address; a byline is Dublin Core's creator.
        lines.append(f"      <dc:creator>{_text(item.author)}</dc:creator>")
    lines.append(f'      <guid isPermaLink="true">{xml.permalink}</guid>')
    lines += [f"      <category>{_text(term)}</category>" for term in item.categories]
    lines += [f"      <pubDate>{_rfc822(item.published)}</pubDate>", "    </item>\n"]
    return "\n".join(lines)


# -- JSON Feed ----------------------------------------------------------------------------------


def _json_head(info: FeedInfo, number: int | None, prev_archive: int | None) -> str:
    """The layout json.dumps(document, indent=2) gives, written by hand before the items."""
    head = [
        f'  "version": {_js(JSON_FEED_VERSION)}',
        f'  "title": {_js(info.title)}',
        f'  "home_page_url": {_js(info.home_url)}',
        f'  "feed_url": {_js(_url(info, JSON, number))}',
        f'  "description": {_js(info.subtitle or info.title)}',
        f'  "language": {_js(info.language)}',
        f'  "authors": [\n    {{\n      "name": {_js(info.author)}\n    }}\n  ]',
    ]
    if prev_archive is not None:
        head.append(f'  "next_url": {_js(_url(info, JSON, prev_archive))}')
    if number is not None:
        head.append('  "expired": true')  # an archive page never changes
    return "{\n" + ",\n".join(head) + ",\n"


def _json_item(item: FeedItem) -> str:
    fields = [
        f'"id": {_js(item.permalink)}',
        f'"url": {_js(item.permalink)}',
        f'"title": {_js(item.title)}',
        f'"content_html": {_js(item.content_html)}',
        f'"date_published": {_js(_rfc3339(item.published))}',
    ]
    if item.updated:
        fields.append(f'"date_modified": {_js(_rfc3339(item.updated))}')
    if item.author:
        fields.append(
            f'"authors": [\n        {{\n          "name": {_js(item.author)}\n        }}\n      ]'
        )
    if item.categories:
        tags = ",\n".join(f"        {_js(tag)}" for tag in item.categories)
        fields.append(f'"tags": [\n{tags}\n      ]')
    return "    {\n" + ",\n".join(f"      {field}" for field in fields) + "\n    }"


# -- shared -------------------------------------------------------------------------------------


def _url(info: FeedInfo, kind: str, number: int | None = None) -> str:
    return f"{info.base_url.rstrip('/')}/{feed_path(info.name, kind, number)}"


def _history_links(info: FeedInfo, kind: str, slot: PageSlot) -> list[tuple[str, str]]:
    """RFC 5005 links: current (on archive pages), prev-archive and next-archive."""
    links = []
    if slot.number is not None:
        links.append(("current", _url(info, kind)))
    if slot.prev_archive is not None:
        links.append(("prev-archive", _url(info, kind, slot.prev_archive)))
    if slot.next_archive is not None:
        links.append(("next-archive", _url(info, kind, slot.next_archive)))
    return links


def _text(value: str) -> str:
    """Character data, escaped as lxml escapes it."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _attr(value: str) -> str:
    """An attribute value in double quotes, escaped as lxml escapes it."""
    return _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def _js(value: str) -> str:
    return _JSON.encode(value)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _rfc822(value: datetime) -> str:
    """RFC 822 in UTC, as email.utils.format_datetime writes it (without its per-call cost)."""
    v = value.astimezone(UTC)
    return (
        f"{_DAYS[v.weekday()]}, {v.day:02d} {_MONTHS[v.month - 1]} {v.year:04d} "
        f"{v.hour:02d}:{v.minute:02d}:{v.second:02d} +0000"
    )


def _rfc3339(value: datetime) -> str:
    return value.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


_JSON = json.JSONEncoder(ensure_ascii=False)
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
