"""Update bodies: pulldown-cmark's HTML, sanitized; the shortcut for plain markup changes nothing."""

import pyromark
import pytest

from daybook.render.markdown import body_html, first_words, html_text
from daybook.render.sanitize import clean_html


def through_nh3(markdown: str) -> str:
    rendered = pyromark.html(markdown, options=pyromark.Options.ENABLE_TABLES)
    return clean_html(rendered)


@pytest.mark.parametrize(
    "markdown",
    [
        'Plain "quoted" & <escaped> text\u00a0with a no-break space.',
        "*em* **strong** `code` and a hard  \nbreak",
        "> quote\n\n---\n\n* a\n* b\n\n3. three\n4. four",
        "#### A small heading\n\n    indented code <b>",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "| a | b |\n|:--|--:|\n| aligned | cells |",
        "# A level-one heading is not allowed in a body",
        '[a link](https://example.org/ "title") and ![an image](picture.png)',
        "<script>alert(1)</script> <b onclick=x>bold</b> <!-- comment -->",
        "```python\ncode with a language\n```",
    ],
)
def test_bodies_are_what_the_sanitizer_returns(markdown):
    assert body_html(markdown) == through_nh3(markdown)


def test_untrusted_markup_never_takes_the_shortcut():
    html = body_html('<img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href="/x">y</a>')
    assert "onerror" not in html and "javascript" not in html
    assert 'rel="nofollow noopener"' in html


def test_empty_bodies_render_to_nothing():
    assert body_html("") == "" and body_html("\n\n") == ""


def test_titles_come_from_the_text_of_the_body():
    text = html_text(body_html("A *first* sentence &amp; more.\n\nSecond paragraph here."))
    assert first_words(text, 5) == "A first sentence & more.…"
