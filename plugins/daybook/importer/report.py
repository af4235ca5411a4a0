"""What an import did, per file and in total, as the JSON report of docs/architecture.md."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..core.model import Update
from .assumptions import Assumption
from .text import Skipped


@dataclass(frozen=True, slots=True)
class ImportedUpdate:
    """One update found on a page, where it landed, and whether it was new."""

    update: Update
    day: str
    timeline: str
    status: str
    line: int


@dataclass(frozen=True, slots=True)
class FileReport:
    """The outcome of importing one saved page."""

    path: str
    format: str
    newest_first: bool
    updates: tuple[ImportedUpdate, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]
    written: tuple[str, ...] = ()
    assumptions: tuple[Assumption, ...] = ()
    day_zone: str = "UTC"
    """The IANA zone the page's days were counted in."""

    def per_day(self) -> dict[str, int]:
        """Number of updates found per day, oldest day first."""
        return dict(sorted(Counter(u.day for u in self.updates).items()))

    def per_status(self) -> dict[str, int]:
        """How many updates were new, unchanged or differ from the day file."""
        return dict(Counter(u.status for u in self.updates))


@dataclass
class ImportReport:
    """All files of one `daybook import` run, including those refused."""

    files: list[FileReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The report as one JSON object (docs/architecture.md, "Import report")."""
        return {
            "updates": [_update_json(u, f.path) for f in self.files for u in f.updates],
            "skipped": [
                {"file": f.path, "line": s.line, "text": s.text, "reason": s.reason}
                for f in self.files
                for s in f.skipped
            ],
            "warnings": [f"{f.path}: {w}" for f in self.files for w in f.warnings],
            "assumptions": [
                {"file": f.path, **a.to_json()} for f in self.files for a in f.assumptions
            ],
            "errors": list(self.errors),
            "written": [path for f in self.files for path in f.written],
            "files": [
                {
                    "path": f.path,
                    "format": f.format,
                    "order": "newest first" if f.newest_first else "oldest first",
                    "updates": len(f.updates),
                    "days": f.per_day(),
                    "day_zone": f.day_zone,
                    "status": f.per_status(),
                }
                for f in self.files
            ],
        }


def _update_json(item: ImportedUpdate, path: str) -> dict[str, Any]:
    update = item.update
    return {
        "published": update.published.isoformat(),
        "updated": update.updated.isoformat() if update.updated else None,
        "headline": update.headline,
        "body": update.body,
        "anchor": update.anchor,
        "day": item.day,
        "timeline": item.timeline,
        "source": update.source,
        "author": update.author,
        "key": update.key,
        "tags": list(update.tags),
        "origin": update.origin,
        "untimed": update.untimed,
        "status": item.status,
        "file": path,
        "line": item.line or None,
    }
