"""Plain text <-> Markdown: escape text so it renders literally, and read text back."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

# Characters that can open an inline construct anywhere in a line. Escaping them always
# (rather than only where they would bite) keeps escape/unescape exact inverses.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<#])")
# "&" only matters where it would start an entity reference.
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What turns the start of a paragraph into another block: heading, quote, list, rule, attrs.
_BLOCK_START = re.compile(r"^(\s*)([>+\-=~{]|\d{1,9}(?=[.)](?:\s|$)))")


# Characters XML 1.0 forbids: they would make a feed ill-formed, and mean nothing in text.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def strip_control(text: str) -> str:
    """*text* without the control characters XML 1.0 (and so every feed) forbids."""
    # isprintable() is a fast C scan that is false for every forbidden character (and for
    # line breaks, tabs and non-ASCII spaces, which then take the regular expression).
    if text.replace("\n", "").isprintable():
        return text
    return _XML_ILLEGAL.sub("", text)


def one_line(text: str) -> str:
    """*text* on one line, runs of white space (any kind) as single spaces."""
    if text.isprintable() and "  " not in text and text == text.strip():
        return text  # already one line: printable means no line break or control character
    return " ".join(strip_control(text).split())


def escape_inline(text: str) -> str:
    """Escape *text* so that Markdown shows it as it is, within a line."""
    return _ENTITY_LIKE.sub(r"\\&", _INLINE_SPECIALS.sub(r"\\\1", text))


def escape_paragraph(text: str) -> str:
    """Escape one paragraph of plain text (a single line) as a Markdown paragraph."""
    escaped = escape_inline(text.strip())
    match = _BLOCK_START.match(escaped)
    if not match:
        return escaped
    lead, char = match.groups()
    if char[0].isdigit():
        # "1991. A year" would start an ordered list: escape the dot or paren after the number.
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    return lead + "\\" + escaped[len(lead) :]


def inline_text(children: list[Token] | None, keep_html: bool = True) -> str:
    """The plain text of a parsed inline token stream (markup dropped, escapes resolved).

    Raw inline HTML is kept as text (a headline is text, whatever it looks like) unless
    *keep_html* is false.
    """
    kinds = ("text", "code_inline", "html_inline") if keep_html else ("text", "code_inline")
    parts: list[str] = []
    for token in children or ():
        if token.type in kinds:
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(inline_text(token.children, keep_html))
    return "".join(parts)
