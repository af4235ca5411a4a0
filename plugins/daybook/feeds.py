"""Feeds (contract 4): RSS 2.0 and Atom 1.0 with one item per update, built with feedgen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from feedgen.feed import FeedGenerator


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One update as a feed entry."""

    permalink: str
    """Absolute URL of the update (day page + #anchor): also the entry id and guid."""
    title: str
    content_html: str
    published: datetime
    author: str | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """What a feed says about itself."""

    feed_id: str
    """Absolute URL of the page the feed follows."""
    title: str
    subtitle: str
    home_url: str
    atom_url: str
    rss_url: str
    author: str
    language: str = "en"


def build_feed(
    info: FeedInfo, items: Sequence[FeedItem], self_url: str, max_items: int
) -> FeedGenerator:
    """A feedgen feed of the newest *max_items* items, newest first, with no "now" in it."""
    newest = sorted(items, key=lambda item: (item.published, item.permalink), reverse=True)[
        :max_items
    ]
    feed = FeedGenerator()
    feed.id(info.feed_id)
    feed.title(info.title)
    feed.subtitle(info.subtitle or info.title)
    feed.author({"name": info.author})
    feed.language(info.language)
    # feedgen takes the RSS channel <link> from the last link added: self first, alternate last.
    feed.link(href=self_url, rel="self")
    feed.link(href=info.home_url, rel="alternate")
    feed.generator("Daybook")
    if newest:
        feed.updated(newest[0].published)
        feed.lastBuildDate(newest[0].published)
    for item in newest:
        _add_entry(feed, item)
    return feed


def _add_entry(feed: FeedGenerator, item: FeedItem) -> None:
    entry = feed.add_entry(order="append")
    entry.id(item.permalink)
    entry.guid(item.permalink, permalink=True)
    entry.title(item.title)
    entry.link(href=item.permalink, rel="alternate")
    entry.published(item.published)
    entry.updated(item.published)
    if item.author:
        entry.author({"name": item.author})
    for category in item.categories:
        entry.category(term=category)
    # description() after content() would overwrite Atom <content>, so only content is set.
    entry.content(item.content_html, type="html")


def atom_bytes(feed: FeedGenerator) -> bytes:
    """The Atom document."""
    return feed.atom_str(pretty=True)


def rss_bytes(feed: FeedGenerator) -> bytes:
    """The RSS 2.0 document."""
    return feed.rss_str(pretty=True)
