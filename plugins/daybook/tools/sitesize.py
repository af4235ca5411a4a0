"""A built site's size and file count against its host's limits (GitHub Pages: 1 GB)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

MB = 1_000_000
DEFAULT_LIMIT_MB = 1000
"""GitHub Pages refuses a published site over 1 GB."""


@dataclass(frozen=True, slots=True)
class SiteSize:
    """How much a site weighs, and its heaviest top-level parts."""

    bytes: int
    files: int
    parts: tuple[tuple[str, int, int], ...]
    """(folder or file under the site root, bytes, files), heaviest first."""

    def over(self, limit_mb: int) -> bool:
        """True when the site is larger than *limit_mb* megabytes."""
        return self.bytes > limit_mb * MB

    def summary(self, limit_mb: int) -> str:
        """One line: size and files against the limit."""
        share = self.bytes / (limit_mb * MB)
        return (
            f"site: {self.bytes / MB:.1f} MB in {self.files} files, {share:.0%} of the "
            f"{limit_mb} MB limit"
        )


def measure(site: Path) -> SiteSize:
    """Walk *site* and add up its files, per top-level entry."""
    parts: dict[str, list[int]] = {}
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder, name)
            top = path.relative_to(site).parts[0]
            entry = parts.setdefault(top, [0, 0])
            entry[0] += path.stat().st_size
            entry[1] += 1
    ranked = sorted(((name, b, f) for name, (b, f) in parts.items()), key=lambda p: -p[1])
    return SiteSize(sum(p[1] for p in ranked), sum(p[2] for p in ranked), tuple(ranked))
