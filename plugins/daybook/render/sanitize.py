"""The allow-list every rendered body passes before it reaches a page or a feed (nh3).

Imported pages are untrusted and day files are hand-editable: whatever Markdown and raw HTML
they hold, only these tags, attributes and URL schemes come out. No script, event handler,
style, iframe, form, or javascript:/data: URL survives; links get rel="nofollow noopener".
"""

from __future__ import annotations

import nh3

from ..core.mdtext import strip_control

ALLOWED_TAGS = frozenset(
    ("p", "br", "hr", "a", "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup",
     "code", "pre", "kbd", "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd",
     "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
     "abbr", "time", "small", "mark", "span", "figure", "figcaption", "img")
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "time": {"datetime"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset(("http", "https", "mailto"))
LINK_REL = "nofollow noopener"


def clean_html(html: str) -> str:
    """*html* with everything outside the allow-list removed."""
    return nh3.clean(
        strip_control(html),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
        attribute_filter=_filter_attribute,
    )


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    # An image from a saved page with a relative source points nowhere on this site.
    if tag == "img" and name == "src" and not value.startswith(("https://", "http://", "/")):
        return None
    return value
