"""Markdown to HTML for update bodies: one markdown-it parser, raw HTML and unsafe links off."""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_block_plugin

from .mdtext import inline_text
from .sanitize import clean_html


class BodyRenderer:
    """Renders update bodies; build once and reuse (building a parser is the costly part)."""

    def __init__(self) -> None:
        # Raw HTML is allowed in day files (they are Markdown), but every rendered body goes
        # through the allow-list sanitizer, which is what keeps untrusted markup inert.
        self._md = MarkdownIt("commonmark", {"html": True}).enable("table").use(attrs_block_plugin)

    def html(self, markdown: str) -> str:
        """The sanitized HTML for a Markdown body."""
        return clean_html(self._md.render(markdown))

    def plain_text(self, markdown: str) -> str:
        """The body's text without markup, paragraphs joined by spaces."""
        tokens = self._md.parse(markdown)
        parts = [inline_text(t.children, keep_html=False) for t in tokens if t.type == "inline"]
        return " ".join(p for p in parts if p)


def first_words(text: str, limit: int = 12) -> str:
    """A title for a headline-less update: its first *limit* words, with an ellipsis if cut."""
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
