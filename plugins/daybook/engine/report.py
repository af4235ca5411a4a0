"""What a build did, kept in the cache store for the command that finishes `make html`."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from .keys import key

LAST_BUILD = "last_build"


@dataclass(frozen=True, slots=True)
class BuildReport:
    """Counts of one build, and the day files it had to skip (each naming file and reason)."""

    days: int
    updates: int
    pages: int
    """Pages written (or rewritten) by this build."""
    feeds: int
    """Feed documents written by this build."""
    removed: int
    skipped: tuple[str, ...] = ()

    def to_json(self) -> str:
        """The report as JSON, for the cache store."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> BuildReport:
        """The report kept by a build; ValueError if it is not one."""
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a build report")
        return cls(**{**data, "skipped": tuple(data.get("skipped", ()))})

    def summary(self) -> str:
        """One line for the maintainer."""
        skipped = f"; {len(self.skipped)} day file(s) SKIPPED" if self.skipped else ""
        return (
            f"{self.days} day(s), {self.updates} update(s); wrote {self.pages} page(s) and "
            f"{self.feeds} feed document(s), removed {self.removed}{skipped}"
        )


def cache_folder(root: Path, output: Path) -> Path:
    """The cache store's folder for one output folder under the cache root (CACHE_PATH)."""
    return root / "daybook" / key(str(output.resolve()))[:16]
