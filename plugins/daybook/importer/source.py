"""Read a saved page: refuse what is unusable, decode it, and tell text from HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import SourceError

_HTML_SIGNS = re.compile(rb"^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s)", re.I)
_TAG = re.compile(r"<(?:p|div|article|section|span|time|h[1-6]|li|script)[\s>]", re.I)
FORMATS = ("auto", "text", "html")


MAX_PAGE_BYTES = 20 * 1024 * 1024
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


@dataclass(frozen=True, slots=True)
class SavedPage:
    """A decoded saved page and the format it is in ("text" or "html")."""

    path: str
    text: str
    format: str
    warnings: tuple[str, ...] = ()


def read_page(
    path: Path, forced_format: str = "auto", max_bytes: int = MAX_PAGE_BYTES
) -> SavedPage:
    """Read *path*; raise SourceError naming the file when it cannot be a live blog."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(
                name,
                f"is {_size(size)}; pages over {_size(max_bytes)} are refused "
                "(split the page, or raise --max-size)",
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(name, "no such file") from exc
    except IsADirectoryError as exc:
        raise SourceError(name, "is a directory, not a saved page") from exc
    except OSError as exc:
        raise SourceError(name, f"cannot be read ({exc.strerror})") from exc
    if not data.strip():
        raise SourceError(name, "is empty")
    text, warnings = decode(name, data)
    page_format = forced_format if forced_format != "auto" else detect_format(data, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SavedPage(name, text, page_format, warnings)


def decode(name: str, data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of *data*, and a warning when it was not UTF-8; refuse binary or mixed bytes.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as such. Bytes that are
    not UTF-8 and hold no UTF-8 sequence at all are Windows-1252 (what browsers assume);
    a file mixing UTF-8 with another encoding cannot be read without guessing, so it is refused.
    """
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):  # fmt: skip
        if data.startswith(bom):
            try:
                return data.decode(codec), ()
            except UnicodeDecodeError as exc:
                raise SourceError(
                    name, f"starts with a {codec.upper()} mark but is not {codec.upper()} text"
                ) from exc
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise SourceError(name, "is binary data, not a saved text or HTML page")
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            reason = f"mixes UTF-8 with another encoding (bad byte at offset {exc.start})"
            raise SourceError(name, f"{reason}; re-save it as UTF-8") from exc
    text = data.decode("cp1252", errors="replace")
    return text.replace("\ufffd", ""), ("not UTF-8: read as Windows-1252 (Latin-1)",)


def _size(count: int) -> str:
    return f"{count / 1048576:.1f} MB" if count >= 1048576 else f"{count / 1024:.0f} KB"


def _looks_binary(head: bytes) -> bool:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 100)


def detect_format(data: bytes, text: str) -> str:
    """ "html" for a saved web page (whatever its extension), else "text"."""
    if _HTML_SIGNS.match(data[:2048]):
        return "html"
    return "html" if len(_TAG.findall(text[:20000])) >= 5 else "text"
