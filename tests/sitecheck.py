"""Checks on a built site shared by the site tests: parsed pages, links, feed validation."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from daybook.tools.feedcheck import AtomValidator, json_feed_problems, rss_problems

__all__ = ["atom_problems", "broken_links", "json_feed_problems", "page", "rss_problems"]


def page(output: Path, url: str) -> BeautifulSoup:
    """The parsed page at a directory-style site URL ("t/2024/04/04/")."""
    path = output / url / "index.html" if url.endswith("/") or not url else output / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def broken_links(output: Path) -> list[str]:
    """Every internal href/src in every page whose file or #anchor does not exist.

    Links into pagefind/ are only checked when the search index was built.
    """
    searchable = (output / "pagefind").is_dir()
    ids: dict[Path, set[str]] = {}
    problems = []
    for html in sorted(output.rglob("*.html")):
        if "pagefind" in html.parts:
            continue
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "script", "img"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or urlsplit(ref).scheme or ref.startswith("//"):
                continue
            if "pagefind/" in ref and not searchable:
                continue
            target, _, anchor = ref.partition("#")
            path = (html.parent / unquote(target)).resolve() if target else html
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                problems.append(f"{html.relative_to(output)}: {ref} (no file)")
                continue
            if anchor:
                if path not in ids:
                    doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
                    ids[path] = {t["id"] for t in doc.find_all(id=True)}
                if unquote(anchor) not in ids[path]:
                    problems.append(f"{html.relative_to(output)}: {ref} (no anchor)")
    return problems


def atom_problems(feed: Path, rng: Path) -> list[str]:
    """RFC 4287 grammar, its Schematron rules and the W3C rules, for one Atom document."""
    return AtomValidator(rng).problems(feed)
