"""Saved pages in the encodings people actually have, and the limits on what is read."""

from __future__ import annotations

import pytest

from daybook.core.errors import SourceError
from daybook.importer.source import decode, read_page

PAGE = "Tuesday, June 3, 2025\n\n1808 GMT — Café reopens in Zürich\n\n“Quotes” and dashes – kept.\n"


@pytest.mark.parametrize(
    "data",
    [
        PAGE.encode("utf-8"),
        b"\xef\xbb\xbf" + PAGE.encode("utf-8"),
        PAGE.encode("utf-16"),  # with its byte-order mark
        PAGE.encode("utf-32"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16", "utf-32"],
)
def test_unicode_encodings_read_exactly(data):
    assert decode("p.txt", data) == (PAGE, ())


def test_windows_1252_is_read_with_a_warning():
    text, warnings = decode("p.txt", PAGE.encode("cp1252"))
    assert text == PAGE
    assert warnings == ("not UTF-8: read as Windows-1252 (Latin-1)",)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("Café ".encode() + "café".encode("cp1252"), "mixes UTF-8 with another encoding"),
        (b"\xff\xfe" + b"\x00\xd8", "starts with a UTF-16 mark but is not UTF-16 text"),
        (bytes(range(256)) * 4, "is binary data"),
    ],
)
def test_unreadable_bytes_are_refused(data, reason):
    with pytest.raises(SourceError, match=reason):
        decode("p.txt", data)


def test_control_characters_never_reach_the_text(tmp_path, daybook):
    page = tmp_path / "ctrl.txt"
    page.write_text(
        PAGE.replace("Café", "Ca\x07fé\x0b").replace("kept.", "kept.\x1b"), encoding="utf-8"
    )
    report = daybook("import", "--dry-run", "--json", "--no-archive", page).json()
    (update,) = report["updates"]
    assert update["headline"] == "Café reopens in Zürich"
    assert "\x1b" not in update["body"]


def test_pages_over_the_size_limit_are_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: the limit is checked on the size alone
    with pytest.raises(SourceError, match=r"is 21\.0 MB; pages over 20\.0 MB are refused"):
        read_page(big)
    with pytest.raises(
        SourceError, match="is binary data"
    ):  # past the size check: read, then refused
        read_page(big, max_bytes=30 * 1024 * 1024)


def test_size_limit_is_an_option(tmp_path, daybook):
    page = tmp_path / "page.txt"
    page.write_text(PAGE * 50, encoding="utf-8")
    result = daybook("import", "--dry-run", "--json", "--no-archive", "--max-size", "0.001", page)
    assert result.code == 1
    assert "pages over 1 KB are refused" in result.stderr
