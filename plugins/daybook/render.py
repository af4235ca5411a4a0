"""Markdown to HTML for update bodies: one markdown-it parser, raw HTML and unsafe links off."""

from __future__ import annotations

import hashlib
import logging
import pickle
from pathlib import Path

import markdown_it
import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_block_plugin

from .mdtext import inline_text
from .sanitize import clean_html

logger = logging.getLogger(__name__)


# Bump when rendering or sanitizing changes, so cached bodies are rendered again.
RENDER_VERSION = "1"


class BodyRenderer:
    """Renders update bodies; build once and reuse (building a parser is the costly part).

    Rendered bodies are remembered by content hash; with a cache file they are kept between
    builds, so a rebuild renders only the bodies that changed.
    """

    def __init__(self, cache_file: Path | None = None) -> None:
        # Raw HTML is allowed in day files (they are Markdown), but every rendered body goes
        # through the allow-list sanitizer, which is what keeps untrusted markup inert.
        self._md = MarkdownIt("commonmark", {"html": True}).enable("table").use(attrs_block_plugin)

        self._cache_file = cache_file
        self._salt = f"{RENDER_VERSION}/{markdown_it.__version__}/{nh3.__version__}"
        self._known: dict[str, str] = self._load()
        self._used: dict[str, str] = {}

    def html(self, markdown: str) -> str:
        """The sanitized HTML for a Markdown body."""
        key = hashlib.sha1(markdown.encode()).hexdigest()
        html = self._used.get(key) or self._known.pop(key, None)
        if html is None:
            html = clean_html(self._md.render(markdown))
        self._used[key] = html
        return html

    def save(self) -> None:
        """Keep the bodies this build used (and only those) for the next build."""
        if self._cache_file is None:
            return
        self._cache_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self._cache_file.with_suffix(".tmp")
        with temporary.open("wb") as handle:
            pickle.dump((self._salt, self._used), handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(self._cache_file)

    def _load(self) -> dict[str, str]:
        if self._cache_file is None or not self._cache_file.exists():
            return {}
        try:
            with self._cache_file.open("rb") as handle:
                salt, known = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError):
            logger.warning("daybook: ignoring an unreadable render cache %s", self._cache_file)
            return {}
        return known if salt == self._salt else {}

    def plain_text(self, markdown: str) -> str:
        """The body's text without markup, paragraphs joined by spaces."""
        tokens = self._md.parse(markdown)
        parts = [inline_text(t.children, keep_html=False) for t in tokens if t.type == "inline"]
        return " ".join(p for p in parts if p)


def first_words(text: str, limit: int = 12) -> str:
    """A title for a headline-less update: its first *limit* words, with an ellipsis if cut."""
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
