"""The capture archive: page names, atomic writes, sidecars, and what a killed run left undone.

A capture is written in three steps, each atomic: the page and its facts are staged in
``archive/<timeline>/.capture/``; the import copies the page into ``archive/<timeline>/`` and
merges its updates; the sidecar ``<page>.import.json`` is written last. A page without its
sidecar is not a capture yet: the next run imports its staged copy again and finishes it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from ..core.model import utc_text
from ..dayfile.folder import write_bytes_atomic

logger = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".import.json"
"""The sidecar is the page's import recipe too: `daybook check` reads its `tz`."""
STAGING = ".capture"
_STAMP = "%Y%m%dT%H%M%SZ"
_SLUG_RE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Capture:
    """The facts of one capture, as its sidecar keeps them."""

    url: str
    captured: datetime
    """When the page was fetched (live) or archived (Wayback), UTC to the second."""
    status: int
    etag: str | None = None
    last_modified: str | None = None
    wayback: str | None = None
    """The Wayback Machine's 14-digit timestamp, for a recovered capture."""
    sha256: str | None = None
    tz: str | None = None
    """--tz, kept so the page reads the same way again."""

    def __post_init__(self) -> None:
        if self.captured.tzinfo is None:
            raise ValueError("a capture time must be timezone-aware")

    def to_json(self) -> dict[str, object]:
        """The sidecar's object; empty fields left out."""
        data = asdict(self)
        data["captured"] = utc_text(self.captured)
        return {key: value for key, value in data.items() if value is not None}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Capture:
        """A capture from its sidecar; KeyError, TypeError or ValueError when it is not one."""
        captured = datetime.fromisoformat(str(data["captured"]).replace("Z", "+00:00"))
        fields = ("etag", "last_modified", "wayback", "sha256", "tz")
        given = {name: str(data[name]) for name in fields if data.get(name) is not None}
        return cls(str(data["url"]), captured, int(str(data["status"])), **given)


def page_name(url: str, captured: datetime) -> str:
    """`<host>-<path-slug>-<YYYYMMDDTHHMMSSZ>.html`; a query adds a short hash of itself."""
    parts = urlsplit(url)
    host = _SLUG_RE.sub("-", (parts.hostname or "page").lower()).strip("-")
    if parts.port:
        host += f"-{parts.port}"
    path = _SLUG_RE.sub("-", parts.path.lower()).strip("-")[:80].strip("-")
    if parts.query:
        path += "-" + hashlib.sha256(parts.query.encode()).hexdigest()[:8]
    stem = "-".join(piece for piece in (host, path) if piece)
    return f"{stem}-{captured.astimezone(UTC).strftime(_STAMP)}.html"


def body_digest(body: bytes) -> str:
    """The SHA-256 of a page's bytes, in hex."""
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True, slots=True)
class Staged:
    """A fetched page waiting to be imported: its facts and where its bytes are."""

    capture: Capture
    page: Path


class CaptureStore:
    """The captures of one timeline under `archive/<timeline>/`."""

    def __init__(self, archive: Path, timeline: str) -> None:
        self.folder = archive / timeline
        self.staging = self.folder / STAGING

    def archived_page(self, capture: Capture) -> Path:
        """Where the importer keeps the capture's page."""
        return self.folder / page_name(capture.url, capture.captured)

    def sidecar(self, capture: Capture) -> Path:
        """The capture's sidecar, written last."""
        page = self.archived_page(capture)
        return page.with_name(page.name + SIDECAR_SUFFIX)

    def stage(self, capture: Capture, body: bytes) -> Staged:
        """Keep a fetched page and its facts until it is imported (page first, facts last)."""
        page = self.staging / page_name(capture.url, capture.captured)
        write_bytes_atomic(page, body)
        facts = json.dumps(capture.to_json(), indent=2, sort_keys=True) + "\n"
        write_bytes_atomic(page.with_name(page.name + ".json"), facts.encode())
        return Staged(capture, page)

    def finish(self, staged: Staged) -> Path:
        """Write the sidecar (the capture now counts), then drop the staged copy."""
        sidecar = self.sidecar(staged.capture)
        text = json.dumps(staged.capture.to_json(), indent=2, sort_keys=True) + "\n"
        write_bytes_atomic(sidecar, text.encode())
        self.discard(staged)
        return sidecar

    def discard(self, staged: Staged) -> None:
        """Forget a staged page (facts first, so a half-removed one is not resumed)."""
        staged.page.with_name(staged.page.name + ".json").unlink(missing_ok=True)
        staged.page.unlink(missing_ok=True)

    def is_complete(self, capture: Capture) -> bool:
        """True when the capture's page and sidecar are both in the archive."""
        return self.sidecar(capture).is_file() and self.archived_page(capture).is_file()

    def pending(self) -> list[Staged]:
        """Staged captures a killed run fetched but did not finish, oldest first."""
        found = []
        for facts in sorted(self.staging.glob("*.html.json")) if self.staging.is_dir() else ():
            capture = _read_capture(facts)
            page = facts.with_name(facts.name.removesuffix(".json"))
            if capture is not None and page.is_file():
                found.append(Staged(capture, page))
        return sorted(found, key=lambda staged: staged.capture.captured)

    def tidy(self) -> None:
        """Remove what an interrupted write left: temporary files, pages staged without facts."""
        for folder in (self.folder, self.staging):
            for stale in folder.glob(".*.tmp") if folder.is_dir() else ():
                logger.warning("removed %s, left by an interrupted capture", stale)
                stale.unlink(missing_ok=True)
        for page in self.staging.glob("*.html") if self.staging.is_dir() else ():
            if not page.with_name(page.name + ".json").exists():
                page.unlink(missing_ok=True)

    def completed(self, url: str) -> list[Capture]:
        """The finished captures of *url*, oldest first."""
        found = []
        for sidecar in self.folder.glob(f"*{SIDECAR_SUFFIX}") if self.folder.is_dir() else ():
            capture = _read_capture(sidecar)
            if capture is not None and capture.url == url and self.is_complete(capture):
                found.append(capture)
        return sorted(found, key=lambda capture: capture.captured)


def _read_capture(path: Path) -> Capture | None:
    """The capture a sidecar describes, or None (a manual import's recipe, or a broken file)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Capture.from_json(data) if isinstance(data, dict) and "url" in data else None
    except (OSError, UnicodeDecodeError, KeyError, TypeError, ValueError) as exc:
        logger.warning("%s: not a capture sidecar (%s); ignored", path, exc)
        return None
