"""The end of `make html`: the search index, then one line saying what the build did, and a
refusal (non-zero exit) when the build had to skip a day file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.errors import DaybookError
from ..engine.report import LAST_BUILD, BuildReport, cache_folder
from ..engine.store import CacheStore
from .search import build_index


@dataclass(frozen=True, slots=True)
class Finished:
    """The summary line of a build and its search index, and the day files it skipped."""

    summary: str
    skipped: tuple[str, ...]


def finish(site: Path, cache: Path, search: bool) -> Finished:
    """Index *site* for search (when asked) and read what its last build reported."""
    store = CacheStore(cache_folder(cache, site))
    kept = store.meta(LAST_BUILD)
    store.close()
    if kept is None:
        raise DaybookError(f"{site}: no build of this site in {cache}; build it first")
    try:
        report = BuildReport.from_json(kept)
    except (ValueError, TypeError) as exc:
        raise DaybookError(f"{site}: the build's report in {cache} is unreadable ({exc})") from exc
    if not search:
        indexed = "search index not built (SEARCH=no)"
    else:
        indexed = build_index(site, cache).summary()
    return Finished(f"daybook: {report.summary()}; {indexed}", report.skipped)
