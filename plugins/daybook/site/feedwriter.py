"""Plan the site's feeds (all updates, each timeline, each tag) and write their documents."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from ..feeds import KINDS, MEDIA_TYPES, FeedInfo, FeedItem, feed_path, paginate, render
from ..pages import TagView, TimelineView, UpdateView
from ..render import RENDER_VERSION
from ..urls import absolute, tag_slug

logger = logging.getLogger(__name__)
DEV_FEED_URL = "http://localhost:8000"


@dataclass(frozen=True, slots=True)
class FeedPlan:
    """One feed: what it says about itself and its items (all of them, before paging)."""

    info: FeedInfo
    items: tuple[FeedItem, ...]

    def links(self) -> list[tuple[str, str, str]]:
        """(kind, media type, site-relative path) of its subscription documents."""
        return [(kind, MEDIA_TYPES[kind], feed_path(self.info.name, kind)) for kind in KINDS]


def feed_base(settings: Mapping[str, Any]) -> str:
    """The absolute URL feeds are built on: FEED_DOMAIN, else SITEURL."""
    base = settings.get("FEED_DOMAIN") or settings.get("SITEURL") or ""
    if not base.startswith(("http://", "https://")):
        logger.warning("daybook: no absolute FEED_DOMAIN or SITEURL; feed ids use %s", DEV_FEED_URL)
        base = DEV_FEED_URL
    return base.rstrip("/")


def plan_feeds(
    settings: Mapping[str, Any], timelines: Sequence[TimelineView], tags: Sequence[TagView]
) -> tuple[FeedPlan, ...]:
    """The site-wide feed, one per timeline and one per tag."""
    base = feed_base(settings)
    sitename = settings.get("SITENAME", "Daybook")

    def info(name: str, title: str, subtitle: str, home: str) -> FeedInfo:
        return FeedInfo(
            name=name,
            title=title,
            subtitle=subtitle,
            home_url=absolute(base, home),
            base_url=base,
            author=sitename,
            language=settings.get("DEFAULT_LANG", "en"),
        )

    every = [u for view in timelines for day in view.days for u in day.updates]
    plans = [
        FeedPlan(info("all", sitename, settings.get("SITESUBTITLE", ""), ""), _items(base, every))
    ]
    for view in timelines:
        updates = [u for day in view.days for u in day.updates]
        title = f"{view.timeline.title} — {sitename}"
        meta = info(view.timeline.slug, title, view.timeline.description, view.url)
        plans.append(FeedPlan(meta, _items(base, updates)))
    for tag in tags:
        meta = info(
            f"tags/{tag_slug(tag.name)}",
            f"{tag.name} — {sitename}",
            f"Updates tagged {tag.name}",
            tag.url,
        )
        plans.append(FeedPlan(meta, _items(base, [t.item for t in tag.updates])))
    return tuple(plans)


def write_feeds(
    output: Path, plans: Iterable[FeedPlan], per_page: int, cache_file: Path | None = None
) -> list[Path]:
    """Every document of every feed: subscriptions and archive pages, in each format.

    A document whose inputs hash the same as when it was last written, and whose file is still
    there, is not rendered again: complete archive pages never change, so on a long timeline
    most documents are skipped. What is written is what a full build writes.
    """
    known = _load_keys(cache_file)
    kept: dict[str, str] = {}
    written = []
    for plan in plans:
        for page in paginate(plan.items, per_page):
            for kind in KINDS:
                relative = feed_path(plan.info.name, kind, page.number)
                key = hashlib.sha1(
                    repr((RENDER_VERSION, kind, plan.info, page)).encode()
                ).hexdigest()
                kept[relative] = key
                target = output / relative
                if known.get(relative) == key and target.exists():
                    continue
                written.append(_write_bytes(target, render(plan.info, page, kind)))
    _save_keys(cache_file, kept)
    return written


def _load_keys(cache_file: Path | None) -> dict[str, str]:
    if cache_file is None or not cache_file.exists():
        return {}
    try:
        return json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_keys(cache_file: Path | None, keys: dict[str, str]) -> None:
    if cache_file is not None:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_text(json.dumps(keys, sort_keys=True), encoding="utf-8")


def _items(base: str, updates: Iterable[UpdateView]) -> tuple[FeedItem, ...]:
    return tuple(
        FeedItem(
            permalink=absolute(base, update.permalink),
            title=update.title,
            content_html=update.html or f"<p>{escape(update.title)}</p>",
            published=update.update.published,
            updated=update.update.updated,
            author=update.update.author,
            categories=update.update.tags,
        )
        for update in updates
    )


def _write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    logger.info("Writing %s", path)
    return path
