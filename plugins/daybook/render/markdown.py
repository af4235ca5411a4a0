"""Markdown to HTML for update bodies: pulldown-cmark with tables, then the allow-list sanitizer.

Bodies are CommonMark. They are rendered by pulldown-cmark (through pyromark) rather than
markdown-it-py: about 30 times faster (2 µs against 65 µs for a 1.6 KB body; rendering every
body was the largest single cost of a cold build). cmark-gfm's Python binding was tried first
and dropped: it never frees the HTML it returns or the parsed tree (about 5 KB a body, so
hundreds of MB on a long archive, and without end in `make devserver`). The day-file structure
around the bodies is still read by markdown-it-py.
"""

from __future__ import annotations

import html
import re

import nh3
import pyromark

from .sanitize import clean_html

# Bump when rendering or sanitizing changes, so cached bodies are rendered again.
RENDER_VERSION = "2"
# Raw HTML is allowed in day files (they are Markdown, and hand-editable); every rendered body
# goes through the allow-list sanitizer, which is what keeps untrusted markup inert.
_MARKDOWN = pyromark.Markdown(options=pyromark.Options.ENABLE_TABLES)
TITLE_WORDS = 12
# Markup pulldown-cmark makes that the allow-list keeps as it is: these tags, without attributes
# (but an ordered list's start). HTML with no other "<" (no raw HTML, no link, image, h1 or h2,
# code language or cell alignment) is already what the sanitizer would return, up to how it
# writes a few characters; so only HTML with something else goes through nh3.
_PLAIN_MARKUP = re.compile(
    r"<(?!/?(?:p|em|strong|code|pre|blockquote|ul|li|h[3-6]|table|thead|tbody|tr|th|td)>"
    r'|ol(?: start="\d+")?>|/ol>|br />|hr />)'
)
# How html5ever (inside nh3) writes what pulldown-cmark writes otherwise.
_SERIALISED = (("\xa0", "&nbsp;"), ("<br />", "<br>"), ("<hr />", "<hr>"))


def body_html(markdown: str) -> str:
    """The sanitized HTML for a Markdown body ("" for an empty one).

    *markdown* is a body as an Update holds it: without the control characters XML forbids.
    """
    if not markdown.strip():
        return ""
    rendered = _MARKDOWN.html(markdown)
    if _PLAIN_MARKUP.search(rendered):
        return clean_html(rendered)
    plain = rendered
    for written, rewritten in _SERIALISED:
        plain = plain.replace(written, rewritten)
    return plain


def html_text(fragment: str) -> str:
    """The text of sanitized HTML, tags dropped and entities resolved."""
    return html.unescape(nh3.clean(fragment, tags=set()))


def first_words(text: str, limit: int = TITLE_WORDS) -> str:
    """A title for a headline-less update: its first *limit* words, with an ellipsis if cut."""
    words = text.split()
    return " ".join(words[:limit]) + ("…" if len(words) > limit else "")
