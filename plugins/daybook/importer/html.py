"""Saved HTML pages: the visible text of the page, laid out as lines for the text rules."""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, Tag
from bs4.element import NavigableString

# Elements that never carry update text on a saved page.
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button",
              "nav", "header", "footer", "aside", "figure", "figcaption", "head")  # fmt: skip
_BLOCKS = frozenset(
    ("address", "article", "blockquote", "dd", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5",
     "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tr", "td", "th", "ul",
     "time", "br")
)  # fmt: skip
_NOT_TEXT = (Comment, Declaration, Doctype)


def parse_html(html: str) -> BeautifulSoup:
    """A saved page's tree, parsed once for its markup and, failing that, its visible text."""
    return BeautifulSoup(html, "html.parser")


def visible_lines(page: str | BeautifulSoup) -> str:
    """The page's visible text with one block per line, as a reader would copy it (the tree
    is consumed: invisible elements are taken out of it)."""
    soup = parse_html(page) if isinstance(page, str) else page
    for element in soup.find_all(_INVISIBLE):
        element.decompose()
    collector = _LineCollector()
    collector.walk(soup.body or soup)
    collector.flush()
    return "\n\n".join(collector.lines)


class _LineCollector:
    """Walks the tree, starting a new line at every block element's start and end."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._current: list[str] = []

    def flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.lines.append(text)
        self._current.clear()

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _NOT_TEXT):
                    self._current.append(str(child))
            elif isinstance(child, Tag) and child.name in _BLOCKS:
                self.flush()
                if child.name == "li":
                    self._current.append("• ")
                self.walk(child)
                self.flush()
            elif isinstance(child, Tag):
                self.walk(child)
