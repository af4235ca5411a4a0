"""Markdown to HTML for update bodies: one markdown-it parser, raw HTML and unsafe links off."""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_block_plugin

from .mdtext import inline_text


class BodyRenderer:
    """Renders update bodies; build once and reuse (building a parser is the costly part)."""

    def __init__(self) -> None:
        # Raw HTML is off: imported text is untrusted, and markdown-it already refuses
        # javascript:, vbscript: and data: link targets.
        self._md = MarkdownIt("commonmark", {"html": False}).enable("table").use(attrs_block_plugin)

    def html(self, markdown: str) -> str:
        """The HTML for a Markdown body."""
        return self._md.render(markdown)

    def plain_text(self, markdown: str) -> str:
        """The body's text without markup, paragraphs joined by spaces."""
        parts = [inline_text(t.children) for t in self._md.parse(markdown) if t.type == "inline"]
        return " ".join(p for p in parts if p)


def first_words(text: str, limit: int = 12) -> str:
    """A title for a headline-less update: its first *limit* words, with an ellipsis if cut."""
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
