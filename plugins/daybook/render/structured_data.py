"""What machines read: schema.org LiveBlogPosting for a day page, and the sitemap."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from markupsafe import Markup

from ..core.model import utc_text
from ..core.urls import absolute
from .views import DayView, TimelineRef


def _iso(value: datetime) -> str:
    return utc_text(value)


def day_json_ld(day: DayView, timeline: TimelineRef, base: str) -> dict[str, object]:
    """A LiveBlogPosting with one liveBlogUpdate per update (newest first, as on the page)."""
    page_url = absolute(base, day.url)
    updates = day.updates
    posting: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": f"{timeline.timeline.title}: {day.heading}",
        "url": page_url,
        "isPartOf": {
            "@type": "CreativeWork",
            "name": timeline.timeline.title,
            "url": absolute(base, timeline.url),
        },
    }
    if updates:
        first, last = updates[-1], updates[0]
        posting["coverageStartTime"] = _iso(first.published)
        posting["coverageEndTime"] = _iso(last.published)
        posting["datePublished"] = _iso(first.published)
        posting["dateModified"] = _iso(max(u.updated or u.published for u in updates))
    posting["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "headline": item.title,
            "datePublished": _iso(item.published),
            **({"dateModified": _iso(item.updated)} if item.updated else {}),
            "url": f"#{item.anchor}",  # resolved against the page's own URL
            **({"author": {"@type": "Person", "name": item.author}} if item.author else {}),
        }
        for item in updates
    ]
    return posting


def sitemap_xml(entries: Iterable[tuple[str, datetime | None]]) -> bytes:
    """A sitemap of absolute URLs, each with the date its content last changed."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for loc, modified in entries:
        lastmod = f"<lastmod>{modified.astimezone(UTC):%Y-%m-%d}</lastmod>" if modified else ""
        lines.append(f"  <url><loc>{escape(loc)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def compact_json(value: object) -> Markup:
    """JSON for a <script> data block: compact, and with <, > and & escaped so no text in it
    can close the script element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
