"""HTML fragments of an update body -> Markdown: paragraphs, lists, quotes and safe links kept."""

from __future__ import annotations

import re

from bs4 import Tag
from bs4.element import NavigableString

from ..core.mdtext import escape_inline

# Chrome inside update blocks that is not part of the update.
_DROP = frozenset(
    ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav",
     "figure", "figcaption", "img", "picture", "video", "audio", "aside", "time", "header",
     "footer", "input", "select", "textarea")
)  # fmt: skip
_CHROME_CLASS = re.compile(
    r"share|social|advert|(^|-)ad(-|$)|related|newsletter|byline|caption", re.I
)
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_SPACE = re.compile(r"\s+")
_EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*"}


def is_chrome(tag: Tag) -> bool:
    """Share bars, ads, captions and the like, which never belong to an update's text."""
    if tag.name in _DROP:
        return True
    classes = " ".join(tag.get("class") or [])
    return bool(_CHROME_CLASS.search(classes))


def body_markdown(container: Tag, skip: set[int] | None = None) -> str:
    """The Markdown for the block-level content of *container* (elements in *skip* left out)."""
    blocks: list[str] = []
    _blocks(container, blocks, skip or set())
    return "\n\n".join(b for b in blocks if b.strip())


def _blocks(node: Tag, blocks: list[str], skip: set[int]) -> None:
    loose: list[str] = []
    for child in node.children:
        if isinstance(child, Tag) and (id(child) in skip or is_chrome(child)):
            continue
        if isinstance(child, Tag) and child.name in ("p", "h2", "h3", "h4", "h5", "h6", "pre"):
            _flush(loose, blocks)
            text = inline_markdown(child)
            if text:
                blocks.append(escape_paragraph_start(text))
        elif isinstance(child, Tag) and child.name in ("ul", "ol"):
            _flush(loose, blocks)
            blocks.append(_list(child))
        elif isinstance(child, Tag) and child.name == "blockquote":
            _flush(loose, blocks)
            inner: list[str] = []
            _blocks(child, inner, skip)
            blocks.append("\n>\n".join("> " + b.replace("\n", "\n> ") for b in inner if b))
        elif isinstance(child, Tag) and child.name in ("div", "section", "article", "main", "span"):
            if child.find(["p", "ul", "ol", "blockquote", "div"]):
                _flush(loose, blocks)
                _blocks(child, blocks, skip)
            else:
                loose.append(inline_markdown(child))
        else:
            loose.append(_inline_node(child))
    _flush(loose, blocks)


def _flush(loose: list[str], blocks: list[str]) -> None:
    text = _SPACE.sub(" ", "".join(loose)).strip()
    if text:
        blocks.append(escape_paragraph_start(text))
    loose.clear()


def _list(node: Tag) -> str:
    ordered = node.name == "ol"
    items = [li for li in node.find_all("li", recursive=False) if not is_chrome(li)]
    lines = []
    for number, item in enumerate(items, start=1):
        marker = f"{number}." if ordered else "-"
        lines.append(f"{marker} {inline_markdown(item)}")
    return "\n".join(lines)


def inline_markdown(node: Tag) -> str:
    """The inline Markdown of an element: text escaped, emphasis and safe links kept."""
    return _SPACE.sub(" ", "".join(_inline_node(c) for c in node.children)).strip()


def _inline_node(node: object) -> str:
    if isinstance(node, NavigableString):
        return escape_inline(str(node)) if type(node) is NavigableString else ""
    if not isinstance(node, Tag) or is_chrome(node):
        return ""
    if node.name == "br":
        return " "
    return _wrap(node, "".join(_inline_node(c) for c in node.children))


def _wrap(node: Tag, inner: str) -> str:
    """Emphasis and links around already-converted inner Markdown; other tags vanish."""
    text = inner.strip()
    mark = _EMPHASIS.get(node.name)
    if mark and text:
        return f"{mark}{text}{mark}"
    raw = node.get("href") if node.name == "a" else None
    href = raw.strip() if isinstance(raw, str) else ""  # one value: href is no list attribute
    if href.startswith(_SAFE_SCHEMES) and text:
        return f"[{text}](<{href.replace('>', '%3E').replace(' ', '%20')}>)"
    return inner


def escape_paragraph_start(markdown: str) -> str:
    """Guard the start of a paragraph built from inline Markdown against block syntax."""
    if re.match(r"[>+\-=~{]", markdown):
        return "\\" + markdown
    return re.sub(r"^(\d{1,9})([.)])(?=\s|$)", r"\1\\\2", markdown)
