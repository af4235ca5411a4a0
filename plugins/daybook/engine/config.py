"""What one build is asked to do: where it reads and writes, and what its output depends on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .plan import SiteSettings


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """Where a build reads and writes, and what its output depends on."""

    content: Path
    output: Path
    cache: Path
    """This output folder's own cache folder."""
    settings: SiteSettings
    record_salt: str
    """What rendered days depend on besides their file: code, libraries, the feed URL."""
    page_salt: str
    """What every page depends on besides its data: record salt, templates, settings."""
    workers: int
    cname: str = ""
