"""Feeds: Atom 1.0 and RSS 2.0 written by feedgen, JSON Feed 1.1 by the json module; one item
per update (docs/architecture.md, "Feeds").

A feed is a subscription document holding the newest items and, for a timeline, RFC 5005
archive documents in Atom holding fixed runs of older items (numbered from the oldest, so a
complete archive page never changes). Nothing here reads the clock: every date comes from the
items.

Each update's Atom entry is serialised once, by feedgen (``entry_text``), and kept with its
day's record, so an unchanged update is never serialised again; a document is its head
(feedgen, with the RFC 5005 links as a feedgen extension) followed by its entries' texts
(``document``). An update sits in the site feed, its timeline's feed, its tags' feeds and an
archive page, so building a tree per document would redo the same entries many times over.
RSS and JSON Feed entries are made when a document needs them: only subscription documents
are in those formats, so only the newest items of each feed (at 1,000 days, 100 of 25,000
updates); making them for every update took 0.9 of a 7.6 s single-process build.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from feedgen.entry import FeedEntry
from feedgen.ext.base import BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree
from markupsafe import escape

from ..core.model import utc_text
from ..core.urls import absolute
from .views import UpdateView

ATOM, RSS, JSON = "atom", "rss", "json"
KINDS = (ATOM, RSS, JSON)
MEDIA_TYPES = {
    ATOM: "application/atom+xml",
    RSS: "application/rss+xml",
    JSON: "application/feed+json",
}
_EXTENSIONS = {ATOM: "atom.xml", RSS: "rss.xml", JSON: "json"}
_HISTORY_NS = "http://purl.org/syndication/history/1.0"
ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
# An empty feed still needs an <updated>; a fixed date keeps two builds identical.
EMPTY_FEED_UPDATED = datetime(1970, 1, 1, tzinfo=UTC)


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
    archived: bool = True
    """Whether older items are kept in RFC 5005 archive pages (timeline feeds), or the feed
    is a subscription document only (the site and tag feeds)."""


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


def entry_text(view: UpdateView, base_url: str, kind: str) -> bytes:
    """An update's entry in one format (ATOM, RSS or JSON), UTF-8, placed for a document."""
    permalink = absolute(base_url, view.permalink)
    content = str(view.html) or f"<p>{escape(view.title)}</p>"
    if kind == JSON:
        return _json_item(view, permalink, content).encode("utf-8")
    entry = FeedEntry()
    entry.id(permalink)
    entry.guid(permalink, permalink=True)
    entry.title(view.title)
    entry.link(href=permalink, rel="alternate", type="text/html")
    entry.published(view.published)
    entry.updated(view.updated or view.published)
    if view.author:
        entry.author({"name": view.author})
        if kind == RSS:
            # RSS's own <author> must be an e-mail address; a byline is Dublin Core's creator
            # (loaded only here: an extension per entry costs a third of its serialising).
            entry.load_extension("dc", atom=False, rss=True)
            entry.dc.dc_creator(view.author)
    for term in view.tags:
        entry.category(term=term)
    # description() after content() would overwrite Atom <content>, so only content is set.
    entry.content(content, type="html")
    return _serialised(entry.atom_entry() if kind == ATOM else entry.rss_entry())


def document(
    info: FeedInfo, kind: str, slot: PageSlot, updated: datetime | None, entries: Sequence[bytes]
) -> bytes:
    """A whole document: the feed's head for *slot*, then *entries* (from entry_text: an entry
    is serialised once however many documents hold it), newest first; *updated* is the newest
    change among them."""
    if kind == JSON:
        json_head = _json_head(info, slot.number, slot.prev_archive).encode()
        if not entries:
            return json_head + b'  "items": []\n}\n'
        return json_head + b'  "items": [\n' + b",\n".join(entries) + b"\n  ]\n}\n"
    feed = _feed_head(info, kind, slot, updated or EMPTY_FEED_UPDATED)
    head: bytes = feed.atom_str(pretty=True) if kind == ATOM else feed.rss_str(pretty=True)
    closing = b"</feed>\n" if kind == ATOM else b"  </channel>\n</rss>\n"
    if not head.endswith(closing):
        raise ValueError(f"feedgen wrote an unexpected {kind} document end")
    return head[: -len(closing)] + b"".join(entries) + closing


def _feed_head(info: FeedInfo, kind: str, slot: PageSlot, updated: datetime) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(info.home_url)  # archive pages are parts of the same feed (RFC 5005)
    feed.title(info.title)
    feed.subtitle(info.subtitle or info.title)
    feed.author({"name": info.author})
    feed.language(info.language)
    feed.generator("Daybook")
    feed.load_extension("dc", atom=False, rss=True)
    history = _History(
        [(rel, href, MEDIA_TYPES[kind]) for rel, href in _history_links(info, kind, slot)],
        archive=slot.number is not None,
    )
    feed.register_extension("history", lambda: history, atom=True, rss=True)
    # feedgen takes the RSS channel <link> from the last link added: self first, alternate last.
    feed.link(href=_url(info, kind, slot.number), rel="self", type=MEDIA_TYPES[kind])
    feed.link(href=info.home_url, rel="alternate", type="text/html")
    feed.updated(updated)
    feed.lastBuildDate(updated)
    return feed


class _History(BaseExtension):
    """RFC 5005 links (current, prev-archive, next-archive) and, on archive pages, fh:archive:
    a feedgen extension, so they are part of the tree feedgen builds."""

    def __init__(self, links: list[tuple[str, str, str]], archive: bool) -> None:
        self.links = links
        self.archive = archive

    def extend_ns(self) -> dict[str, str]:
        return {"fh": _HISTORY_NS} if self.archive else {}

    def extend_atom(self, feed: etree._Element) -> etree._Element:
        self._insert(feed, feed.findall(f"{{{ATOM_NS}}}link"))
        return feed

    def extend_rss(self, feed: etree._Element) -> etree._Element:
        channel = feed.find("channel")
        if channel is not None:
            links = channel.findall(f"{{{ATOM_NS}}}link") or channel.findall("link")
            self._insert(channel, links)
        return feed

    def _insert(self, parent: etree._Element, after: list[etree._Element]) -> None:
        position = list(parent).index(after[-1]) + 1 if after else len(parent)
        for rel, href, media_type in self.links:
            link = etree.Element(f"{{{ATOM_NS}}}link", rel=rel, href=href, type=media_type)
            parent.insert(position, link)
            position += 1
        if self.archive:
            parent.insert(position, etree.Element(f"{{{_HISTORY_NS}}}archive"))


def _serialised(element: etree._Element) -> bytes:
    """An entry element as UTF-8 text (lxml's pretty layout, left as it is: re-indenting would
    change the whitespace inside its content)."""
    text: bytes = etree.tostring(element, pretty_print=True, encoding="utf-8")
    return text


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


def _json_item(view: UpdateView, permalink: str, content: str) -> str:
    fields = [
        f'"id": {_js(permalink)}',
        f'"url": {_js(permalink)}',
        f'"title": {_js(view.title)}',
        f'"content_html": {_js(content)}',
        f'"date_published": {_js(_rfc3339(view.published))}',
    ]
    if view.updated:
        fields.append(f'"date_modified": {_js(_rfc3339(view.updated))}')
    if view.author:
        fields.append(
            f'"authors": [\n        {{\n          "name": {_js(view.author)}\n        }}\n      ]'
        )
    if view.tags:
        tags = ",\n".join(f"        {_js(tag)}" for tag in view.tags)
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


def _js(value: str) -> str:
    return _JSON.encode(value)


def _rfc3339(value: datetime) -> str:
    return utc_text(value)


_JSON = json.JSONEncoder(ensure_ascii=False)
