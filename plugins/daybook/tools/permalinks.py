"""What a built site promises readers and subscribers: pages, update anchors, feed ids.

Publishing compares the new build with what is already published; anything that would
disappear is a broken promise (a dead link, a lost #anchor, a duplicated feed item).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..core.urls import OLDEST_FIRST

_UPDATE_ID = re.compile(r'<article class="update[^"]*" id="([^"]+)"')


def update_anchors(html: str) -> list[str]:
    """The anchors of the updates on a built page (the theme's `<article class="update" id>`)."""
    return _UPDATE_ID.findall(html)


_ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True, slots=True)
class Permalinks:
    """Everything of a site that a link or a feed reader may point at."""

    pages: frozenset[str]
    """Site-relative page URLs ("russia-ukraine-war/2024/04/04/")."""
    anchors: frozenset[str]
    """Update permalinks ("russia-ukraine-war/2024/04/04/#1808")."""
    feed_ids: frozenset[str]
    """Entry ids found in any Atom document, archives included."""


def collect(site: Path) -> Permalinks:
    """The permalinks of the built site under *site*."""
    pages: set[str] = set()
    anchors: set[str] = set()
    feed_ids: set[str] = set()
    for html in site.rglob("*.html"):
        relative = html.relative_to(site).as_posix()
        if relative.startswith("pagefind/"):
            continue
        url = relative.removesuffix("index.html")
        pages.add(url)
        if url.endswith(OLDEST_FIRST):
            continue  # a redirect to its day page (once that day read oldest first): no anchors
        text = html.read_text(encoding="utf-8")
        anchors.update(f"{url}#{anchor}" for anchor in update_anchors(text))
    for feed in site.rglob("*.atom.xml"):
        root = etree.parse(str(feed)).getroot()
        feed_ids.update(
            node.text or ""
            for node in root.iter(f"{_ATOM}entry")
            for node in node.iterfind(f"{_ATOM}id")
        )
    return Permalinks(frozenset(pages), frozenset(anchors), frozenset(feed_ids))


def lost(published: Permalinks, built: Permalinks) -> list[str]:
    """What the published site has and the new build would drop, one line each."""
    return [
        *(f"page /{url}" for url in sorted(published.pages - built.pages)),
        *(f"anchor /{link}" for link in sorted(published.anchors - built.anchors)),
        *(f"feed id {entry}" for entry in sorted(published.feed_ids - built.feed_ids)),
    ]
