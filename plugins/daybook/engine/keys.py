"""Keys: hashes of what an output file is rendered from, so unchanged files can be skipped.

Besides a page's own data, every page depends on the code that renders it, the theme's
templates and the settings; these go into a salt that is part of every key, so changing any
of them renders everything again.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
# Every library whose version can change the bytes of a page or feed.
_LIBRARIES = (
    "pelican", "jinja2", "markupsafe", "pyromark", "nh3", "markdown-it-py", "mdit-py-plugins",
)  # fmt: skip


def key(*parts: object) -> str:
    """A short, stable hash of *parts* (their repr: keep them to plain data)."""
    return hashlib.sha1(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def code_digest() -> str:
    """The daybook package's source and the versions of the libraries rendering depends on."""
    digest = hashlib.sha1(sys.version.encode())
    for name in _LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def folders_digest(folders: Iterable[Path]) -> str:
    """Every file (name and bytes) under *folders*, e.g. a theme's templates."""
    digest = hashlib.sha1()
    for folder in folders:
        digest.update(str(folder).encode())
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def settings_digest(settings: Mapping[str, object]) -> str:
    """The settings as plain data; objects count by their type, not their identity."""
    return key(sorted((str(name), _plain(value)) for name, value in settings.items()))


def _plain(value: object) -> object:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, Mapping):
        return sorted((str(k), _plain(v)) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    kind = type(value)
    return f"<{kind.__module__}.{kind.__qualname__}>"
