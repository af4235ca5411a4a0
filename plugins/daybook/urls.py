"""URLs and output paths (contract 3): day pages, timeline indexes, feeds, permalinks."""

from __future__ import annotations

from datetime import date


def day_url(timeline: str, day: date) -> str:
    """``<timeline>/<YYYY>/<MM>/<DD>/``, relative to the site root."""
    return f"{timeline}/{day:%Y/%m/%d}/"


def timeline_url(timeline: str) -> str:
    """``<timeline>/``, the timeline index."""
    return f"{timeline}/"


def feed_path(name: str, kind: str) -> str:
    """``feeds/<name>.atom.xml`` or ``feeds/<name>.rss.xml``."""
    return f"feeds/{name}.{kind}.xml"


def save_as(url: str) -> str:
    """The output file for a directory-style URL: ``a/b/`` -> ``a/b/index.html``."""
    return f"{url}index.html" if url.endswith("/") or not url else url


def absolute(base: str, url: str) -> str:
    """*url* (site-relative) under the absolute *base* URL."""
    return f"{base.rstrip('/')}/{url}"
