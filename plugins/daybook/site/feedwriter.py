"""Write the site-wide and per-timeline feeds into the output folder."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from ..feeds import FeedInfo, FeedItem, atom_bytes, build_feed, rss_bytes
from ..pages import TimelineView
from ..urls import absolute, feed_path

logger = logging.getLogger(__name__)


def feed_base(settings: Mapping[str, Any]) -> str:
    """The absolute URL feeds are built on: FEED_DOMAIN, else SITEURL."""
    base = settings.get("FEED_DOMAIN") or settings.get("SITEURL") or ""
    if not base.startswith(("http://", "https://")):
        logger.warning(
            "daybook: no absolute FEED_DOMAIN or SITEURL; feed ids fall back to localhost"
        )
        base = "http://localhost:8000"
    return base.rstrip("/")


def write_feeds(
    output: Path, settings: Mapping[str, Any], timelines: Sequence[TimelineView], max_items: int
) -> list[Path]:
    """Atom and RSS for all timelines together and for each one; returns the files written."""
    base = feed_base(settings)
    sitename = settings.get("SITENAME", "Daybook")
    language = settings.get("DEFAULT_LANG", "en")
    feeds = [("all", sitename, settings.get("SITESUBTITLE", ""), "", _items(base, timelines))]
    for view in timelines:
        title = f"{view.timeline.title} — {sitename}"
        feeds.append(
            (view.timeline.slug, title, view.timeline.description, view.url, _items(base, [view]))
        )
    written = []
    for name, title, subtitle, home, items in feeds:
        info = FeedInfo(
            feed_id=absolute(base, home),
            title=title,
            subtitle=subtitle,
            home_url=absolute(base, home),
            atom_url=absolute(base, feed_path(name, "atom")),
            rss_url=absolute(base, feed_path(name, "rss")),
            author=sitename,
            language=language,
        )
        for kind, render in (("atom", atom_bytes), ("rss", rss_bytes)):
            self_url = info.atom_url if kind == "atom" else info.rss_url
            data = render(build_feed(info, items, self_url, max_items))
            written.append(_write_bytes(output / feed_path(name, kind), data))
    return written


def _items(base: str, timelines: Sequence[TimelineView]) -> list[FeedItem]:
    return [
        FeedItem(
            permalink=absolute(base, update.permalink),
            title=update.title,
            content_html=update.html or f"<p>{escape(update.title)}</p>",
            published=update.update.published,
            author=update.update.author,
            categories=update.update.tags,
        )
        for view in timelines
        for day in view.days
        for update in day.updates
    ]


def _write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    logger.info("Writing %s", path)
    return path
