"""docs/architecture.md names real types, each used by production code, and the docstrings
and no file of the repository points to notes it does not hold."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
SOURCES = {
    path: path.read_text(encoding="utf-8") for path in (ROOT / "plugins" / "daybook").rglob("*.py")
}
TYPES = sorted(
    set(re.findall(r"`([A-Z][a-z]+(?:[A-Z][a-z]*)+|Update|Day|Timeline|Line|Stamp|Draft)`", DOC))
)


def test_the_document_lists_the_types():
    assert len(TYPES) >= 30


@pytest.mark.parametrize("name", TYPES)
def test_each_type_it_lists_is_defined_and_used(name):
    defined = [p for p, text in SOURCES.items() if re.search(rf"^class {name}\b", text, re.M)]
    assert len(defined) == 1, f"{name} is defined in {defined}"
    uses = sum(len(re.findall(rf"\b{name}\b", text)) for text in SOURCES.values())
    assert uses >= 2, f"{name} is defined but not used"


_OUTSIDE_NOTES = re.compile(r"contract \d|DESIGN\.md|\.\./shared", re.I)
_OWN_TEXT = ("*.py", "*.md", "*.html", "*.css", "*.js", "Makefile", "*.toml", "*.cfg")


def test_no_file_cites_notes_outside_the_repository():
    files = {
        path
        for folder in ("plugins", "tests", "docs", "theme", "bench", ".ci")
        for pattern in _OWN_TEXT
        for path in (ROOT / folder).rglob(pattern)
    }
    files |= {ROOT / name for name in ("README.md", "Makefile", "pyproject.toml", "pelicanconf.py")}
    cited = [
        str(path.relative_to(ROOT))
        for path in sorted(files)
        if path.name != "test_architecture.py"  # the pattern itself lives here
        and "__pycache__" not in path.parts
        and _OUTSIDE_NOTES.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert cited == []
