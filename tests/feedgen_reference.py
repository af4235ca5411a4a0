"""The feed documents as feedgen builds them: the reference the fast serializer is checked against.

This was Daybook's feed writer until entries came to be serialised once and concatenated
(daybook.render.feeds); tests render the same pages both ways and compare what a feed reader parses.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from feedgen.ext.base import BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from daybook.render.feeds import (
    ATOM,
    JSON,
    JSON_FEED_VERSION,
    MEDIA_TYPES,
    FeedInfo,
    FeedItem,
    FeedPage,
    feed_path,
)

_ATOM_NS = "http://www.w3.org/2005/Atom"
_HISTORY_NS = "http://purl.org/syndication/history/1.0"


def render(info: FeedInfo, page: FeedPage, kind: str) -> bytes:
    """The document of *page* in format *kind*."""
    if kind == JSON:
        return _json_feed(info, page)
    feed = _feedgen(info, page, kind)
    return feed.atom_str(pretty=True) if kind == ATOM else feed.rss_str(pretty=True)


def _url(info: FeedInfo, kind: str, number: int | None = None) -> str:
    return f"{info.base_url.rstrip('/')}/{feed_path(info.name, kind, number)}"


def _feedgen(info: FeedInfo, page: FeedPage, kind: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(info.home_url)  # archive pages are parts of the same feed (RFC 5005)
    feed.title(info.title)
    feed.subtitle(info.subtitle or info.title)
    feed.author({"name": info.author})
    feed.language(info.language)
    feed.generator("Daybook")
    history = _History()
    history.links = [
        (rel, href, MEDIA_TYPES[kind]) for rel, href in _history_links(info, page, kind)
    ]
    history.archive = page.number is not None
    feed.register_extension("history", lambda: history, atom=True, rss=True)
    # feedgen takes the RSS channel <link> from the last link added: self first, alternate last.
    feed.link(href=_url(info, kind, page.number), rel="self", type=MEDIA_TYPES[kind])
    feed.link(href=info.home_url, rel="alternate", type="text/html")
    if page.items:
        newest = max(item.last_change for item in page.items)
        feed.updated(newest)
        feed.lastBuildDate(newest)
    for item in page.items:
        _add_entry(feed, item)
    return feed


def _add_entry(feed: FeedGenerator, item: FeedItem) -> None:
    entry = feed.add_entry(order="append")
    entry.id(item.permalink)
    entry.guid(item.permalink, permalink=True)
    entry.title(item.title)
    entry.link(href=item.permalink, rel="alternate")
    entry.published(item.published)
    entry.updated(item.last_change)
    if item.author:
        entry.author({"name": item.author})
    for category in item.categories:
        entry.category(term=category)
    # description() after content() would overwrite Atom <content>, so only content is set.
    entry.content(item.content_html, type="html")


def _history_links(info: FeedInfo, page: FeedPage, kind: str) -> list[tuple[str, str]]:
    links = []
    if page.number is not None:
        links.append(("current", _url(info, kind)))
    if page.prev_archive is not None:
        links.append(("prev-archive", _url(info, kind, page.prev_archive)))
    if page.next_archive is not None:
        links.append(("next-archive", _url(info, kind, page.next_archive)))
    return links


class _History(BaseExtension):
    """RFC 5005 links (current, prev-archive, next-archive) and, on archive pages, fh:archive.

    A feedgen extension, so they are added while feedgen builds its tree, not parsed in after.
    """

    def __init__(self) -> None:
        self.links: list[tuple[str, str, str]] = []
        self.archive = False

    def extend_ns(self) -> dict[str, str]:
        return {"fh": _HISTORY_NS} if self.archive else {}

    def extend_atom(self, feed: etree._Element) -> etree._Element:
        self._insert(feed, feed.findall(f"{{{_ATOM_NS}}}link"))
        return feed

    def extend_rss(self, feed: etree._Element) -> etree._Element:
        channel = feed.find("channel")
        self._insert(channel, channel.findall(f"{{{_ATOM_NS}}}link") or channel.findall("link"))
        return feed

    def _insert(self, parent: etree._Element, after: list[etree._Element]) -> None:
        position = list(parent).index(after[-1]) + 1 if after else len(parent)
        for rel, href, media_type in self.links:
            parent.insert(
                position, etree.Element(f"{{{_ATOM_NS}}}link", rel=rel, href=href, type=media_type)
            )
            position += 1
        if self.archive:
            parent.insert(position, etree.Element(f"{{{_HISTORY_NS}}}archive"))


def _json_feed(info: FeedInfo, page: FeedPage) -> bytes:
    document: dict[str, object] = {
        "version": JSON_FEED_VERSION,
        "title": info.title,
        "home_page_url": info.home_url,
        "feed_url": _url(info, JSON, page.number),
        "description": info.subtitle or info.title,
        "language": info.language,
        "authors": [{"name": info.author}],
    }
    if page.prev_archive is not None:
        document["next_url"] = _url(info, JSON, page.prev_archive)
    if page.number is not None:
        document["expired"] = True  # an archive page never changes
    document["items"] = [_json_item(item) for item in page.items]
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _json_item(item: FeedItem) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": item.permalink,
        "url": item.permalink,
        "title": item.title,
        "content_html": item.content_html,
        "date_published": _rfc3339(item.published),
    }
    if item.updated:
        entry["date_modified"] = _rfc3339(item.updated)
    if item.author:
        entry["authors"] = [{"name": item.author}]
    if item.categories:
        entry["tags"] = list(item.categories)
    return entry


def _rfc3339(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
