"""URLs and output paths of day pages, indexes, feeds and permalinks (docs/architecture.md)."""

from __future__ import annotations

import re
from datetime import date


def day_url(timeline: str, day: date) -> str:
    """``<timeline>/<YYYY>/<MM>/<DD>/``, relative to the site root."""
    return f"{timeline}/{day.year:04d}/{day.month:02d}/{day.day:02d}/"


OLDEST_FIRST = "oldest-first/"
"""Below a day page: where the day read oldest first was once its own page, now a redirect."""


def oldest_first_url(day_page_url: str) -> str:
    """``<day page URL>oldest-first/``, the redirect to the day page's ``#oldest-first``."""
    return f"{day_page_url}{OLDEST_FIRST}"


def timeline_url(timeline: str) -> str:
    """``<timeline>/``, the timeline index."""
    return f"{timeline}/"


def tag_slug(tag: str) -> str:
    """A tag's URL segment: lower case, runs of other characters as one hyphen."""
    return "-".join(re.findall(r"[^\W_]+", tag.lower())) or "tag"


def tag_url(tag: str) -> str:
    """``tags/<slug>/``, the page listing a tag's updates."""
    return f"tags/{tag_slug(tag)}/"


def save_as(url: str) -> str:
    """The output file for a directory-style URL: ``a/b/`` -> ``a/b/index.html``."""
    return f"{url}index.html" if url.endswith("/") or not url else url


def absolute(base: str, url: str) -> str:
    """*url* (site-relative) under the absolute *base* URL."""
    return f"{base.rstrip('/')}/{url}"
