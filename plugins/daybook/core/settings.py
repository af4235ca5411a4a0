"""The DAYBOOK settings dict, checked once and turned into a frozen object."""

from __future__ import annotations

import runpy
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import SettingsError
from .model import Timeline, check_slug, zone

_KEYS = {"timelines", "default_timeline", "feed_items", "workers"}
_TIMELINE_KEYS = {"title", "timezone", "start", "description"}
DEFAULT_FEED_ITEMS = 50


@dataclass(frozen=True, slots=True)
class DaybookSettings:
    """Timelines and feed settings, from ``DAYBOOK = {...}`` in pelicanconf.py."""

    timelines: tuple[Timeline, ...] = ()
    default_timeline: str = ""
    feed_items: int = DEFAULT_FEED_ITEMS
    workers: int = 0
    """Processes a large build may use; 0 means one per core."""

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any] | None) -> DaybookSettings:
        """Validate *raw*; raise SettingsError saying what was expected and what was found."""
        raw = dict(raw or {})
        unknown = set(raw) - _KEYS
        if unknown:
            raise SettingsError(f"DAYBOOK: unknown setting(s) {', '.join(sorted(unknown))}")
        timelines = tuple(
            _timeline(slug, spec) for slug, spec in dict(raw.get("timelines", {})).items()
        )
        default = raw.get("default_timeline") or (timelines[0].slug if timelines else "")
        if default:
            check_slug(default, "DAYBOOK['default_timeline']")
        feed_items = _count(raw, "feed_items", DEFAULT_FEED_ITEMS, least=1)
        workers = _count(raw, "workers", 0, least=0)
        return cls(timelines, default, feed_items, workers)

    def timeline(self, slug: str | None = None) -> Timeline:
        """The timeline named *slug* (default: the default one); unknown slugs get defaults."""
        slug = slug or self.default_timeline
        if not slug:
            raise SettingsError("no timeline given and no DAYBOOK['default_timeline'] set")
        check_slug(slug, "--timeline")
        for timeline in self.timelines:
            if timeline.slug == slug:
                return timeline
        return Timeline(slug=slug, title=slug.replace("-", " ").capitalize())


def _count(raw: Mapping[str, Any], name: str, default: int, least: int) -> int:
    value = raw.get(name, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        kind = "a positive integer" if least else "a whole number, 0 or more"
        raise SettingsError(f"DAYBOOK[{name!r}] must be {kind}, got {value!r}")
    return value


def _timeline(slug: str, spec: Mapping[str, Any]) -> Timeline:
    check_slug(slug, "DAYBOOK['timelines']")
    if not isinstance(spec, Mapping):
        raise SettingsError(f"DAYBOOK timeline {slug!r} must be a dict, got {type(spec).__name__}")
    unknown = set(spec) - _TIMELINE_KEYS
    if unknown:
        raise SettingsError(
            f"DAYBOOK timeline {slug!r}: unknown key(s) {', '.join(sorted(unknown))}"
        )
    tz_name = spec.get("timezone")
    if tz_name is not None:
        zone(tz_name)
    start = spec.get("start")
    if isinstance(start, str):
        try:
            start = date.fromisoformat(start)
        except ValueError as exc:
            raise SettingsError(f"DAYBOOK timeline {slug!r}: start must be YYYY-MM-DD") from exc
    return Timeline(
        slug=slug,
        title=str(spec.get("title") or slug),
        timezone=tz_name,
        start=start,
        description=str(spec.get("description", "")),
    )


def load_settings_file(path: Path) -> DaybookSettings:
    """Read DAYBOOK from a Pelican settings file (run as Python, as Pelican does)."""
    if not path.is_file():
        raise SettingsError(f"{path}: no such settings file")
    values = runpy.run_path(str(path))
    return DaybookSettings.from_mapping(values.get("DAYBOOK"))


SETTINGS_FILE = "pelicanconf.py"


@dataclass(frozen=True, slots=True)
class Project:
    """The settings a command works with, and the folders it reads and writes."""

    settings: DaybookSettings
    root: Path
    """The folder of the settings found (the working folder when --settings is given)."""
    content: Path


def find_settings(start: Path) -> Path | None:
    """pelicanconf.py in *start* or a parent, else in the project this package belongs to."""
    for folder in (start, *start.parents):
        if (folder / SETTINGS_FILE).is_file():
            return folder / SETTINGS_FILE
    installed_from = Path(__file__).resolve().parents[3] / SETTINGS_FILE
    return installed_from if installed_from.is_file() else None


def find_project(settings_file: Path | None, content: Path | None) -> Project:
    """The project of a command: the given settings file (else the one found from the working
    folder) and the given content folder (else content/ beside the settings found)."""
    found = settings_file or find_settings(Path.cwd())
    settings = load_settings_file(found) if found else DaybookSettings()
    root = found.parent if found and not settings_file else Path()
    return Project(settings, root, content or root / "content")
