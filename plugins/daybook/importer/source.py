"""Read a saved page: refuse what is unusable, decode it, and tell text from HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceError

_HTML_SIGNS = re.compile(rb"^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s)", re.I)
_TAG = re.compile(r"<(?:p|div|article|section|span|time|h[1-6]|li|script)[\s>]", re.I)
FORMATS = ("auto", "text", "html")


@dataclass(frozen=True, slots=True)
class SavedPage:
    """A decoded saved page and the format it is in ("text" or "html")."""

    path: str
    text: str
    format: str


def read_page(path: Path, forced_format: str = "auto") -> SavedPage:
    """Read *path*; raise SourceError naming the file when it cannot be a live blog."""
    name = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(name, "no such file") from exc
    except IsADirectoryError as exc:
        raise SourceError(name, "is a directory, not a saved page") from exc
    except OSError as exc:
        raise SourceError(name, f"cannot be read ({exc.strerror})") from exc
    if not data.strip():
        raise SourceError(name, "is empty")
    text = decode(name, data)
    page_format = forced_format if forced_format != "auto" else detect_format(data, text)
    return SavedPage(name, text.replace("\r\n", "\n").replace("\r", "\n"), page_format)


def decode(name: str, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with a BOM; refuse binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(name, "starts with a UTF-16 mark but is not UTF-16 text") from exc
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        raise SourceError(name, "is binary data, not a saved text or HTML page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            name, f"is not UTF-8 text (bad byte at offset {exc.start}); re-save it as UTF-8"
        ) from exc


def _looks_binary(head: bytes) -> bool:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 100)


def detect_format(data: bytes, text: str) -> str:
    """ "html" for a saved web page (whatever its extension), else "text"."""
    if _HTML_SIGNS.match(data[:2048]):
        return "html"
    return "html" if len(_TAG.findall(text[:20000])) >= 5 else "text"
