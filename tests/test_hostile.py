"""Hostile pages: nothing from a saved page, or raw HTML in a day file, can run in a reader's browser."""

from __future__ import annotations

import json
import re

import feedparser
from bs4 import BeautifulSoup

_DANGEROUS_TAGS = {
    "script",
    "svg",
    "math",
    "iframe",
    "frame",
    "object",
    "embed",
    "form",
    "input",
    "style",
    "link",
    "meta",
    "base",
}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "xlink:href", "data"}


def dangers(html: str, page: bool = False) -> list[str]:
    """Everything in *html* that could run script or load a frame, found in the parsed DOM."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        own_script = tag.name == "script" and re.search(
            r"/(theme/js|pagefind)/[\w-]+\.js$", tag.get("src", "")
        )
        ours = page and (
            (tag.name in ("link", "meta") and tag.parent.name == "head")
            or (own_script and not tag.string)
        )
        if (
            tag.name in _DANGEROUS_TAGS
            and not ours
            and not (tag.name == "script" and tag.get("type") == "application/ld+json")
        ):
            found.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") or name.lower() == "style":
                found.append(f"{tag.name}[{name}]")
            if name.lower() in _URL_ATTRIBUTES and re.match(
                r"\s*(javascript|data|vbscript):", text, re.I
            ):
                found.append(f"{tag.name}[{name}={text[:30]}]")
    return found


def test_pages_carry_no_hostile_markup(hostile_site):
    day = (hostile_site / "russia-ukraine-war/2025/03/02/index.html").read_text(encoding="utf-8")
    assert day.count('<article class="update') == 5
    assert '<a href="https://example.org/ok" rel="nofollow noopener">safe link</a>' in day
    assert "&lt;script&gt;window.__pwned='headline'&lt;/script&gt;Ferry news" in day.replace(
        "&#39;", "'"
    )
    for html in sorted(hostile_site.rglob("*.html")):
        assert dangers(html.read_text(encoding="utf-8"), page=True) == [], html


def test_feeds_carry_no_hostile_markup(hostile_site):
    checked = 0
    for feed in sorted((hostile_site / "feeds").rglob("*.xml")):
        for entry in feedparser.parse(str(feed)).entries:
            for content in entry.get("content", []):
                assert dangers(content.value) == [], (feed, entry.id)
                checked += 1
    for feed in sorted((hostile_site / "feeds").rglob("*.json")):
        for item in json.loads(feed.read_text(encoding="utf-8"))["items"]:
            assert dangers(item["content_html"]) == [], (feed, item["id"])
            checked += 1
    assert checked >= 5 * 4  # every update, in the Atom, RSS and JSON feeds of site and timeline


def test_the_checker_sees_danger():
    assert dangers('<p onclick="x">a</p><a href=" JavaScript:x">b</a><svg></svg>') == [
        "p[onclick]",
        "a[href= JavaScript:x]",
        "<svg>",
    ]


def test_every_page_declares_a_content_security_policy(hostile_site):
    for html in hostile_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        # Only the search page may compile WebAssembly (Pagefind); no page allows inline script.
        wasm = " 'wasm-unsafe-eval'" if html.parent.name == "search" else ""
        policy = f"content=\"default-src 'self'; script-src 'self'{wasm}; style-src 'self';"
        assert f'<meta http-equiv="Content-Security-Policy" {policy}' in text, html
