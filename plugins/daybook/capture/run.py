"""From a fetched page to the archive and the day files: stage, import under the lock, finish."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from ..core.errors import SourceError
from ..core.locking import content_lock
from ..core.model import Timeline
from ..importer.merge import CHANGED, NEW
from ..importer.report import FileReport
from ..importer.run import Importer, ImportOptions
from .client import Fetched, FetchError, PoliteClient, Validators
from .schedule import Clock, Schedule, capture_times
from .store import Capture, CaptureStore, Staged, body_digest, page_name
from .wayback import WaybackCapture, fetch_capture, list_captures

logger = logging.getLogger(__name__)

NOT_MODIFIED = "not modified"
SAME_PAGE = "same page as the last capture"
NOTHING_NEW = "no new or changed updates, not archived"
RESUMED = "finished an interrupted capture"
ARCHIVED = "already archived"


@dataclass(frozen=True, slots=True)
class Target:
    """Where captures go and how their pages read."""

    timeline: Timeline
    content: Path
    archive: Path
    tz: str | None = None
    dry_run: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one capture did, for the command's output."""

    url: str
    captured: datetime
    status: int | None
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    note: str = ""
    archived: str | None = None
    error: str | None = None

    @property
    def changed_page(self) -> bool:
        """True when the capture brought new or changed updates."""
        return bool(self.new or self.changed)


class CaptureRun:
    """Imports captures of one timeline; finishes what an interrupted run left."""

    def __init__(self, target: Target, client: PoliteClient) -> None:
        self.target = target
        self.client = client
        self.store = CaptureStore(target.archive, target.timeline.slug)

    def resume(self) -> list[Outcome]:
        """Import the pages a killed run had fetched but not finished."""
        if self.target.dry_run:
            return []
        outcomes = []
        with self._lock():
            self.store.tidy()
            for staged in self.store.pending():
                if self.store.is_complete(staged.capture):
                    self.store.discard(staged)
                    continue
                outcomes.append(self._finish_interrupted(staged))
        return outcomes

    def _finish_interrupted(self, staged: Staged) -> Outcome:
        capture = staged.capture
        self.store.archived_page(capture).unlink(missing_ok=True)  # maybe half copied
        try:
            outcome = self._import(staged)
        except SourceError as exc:
            self.store.discard(staged)
            return Outcome(capture.url, capture.captured, capture.status, error=str(exc))
        self.store.finish(staged)
        return replace(outcome, note=RESUMED)

    def keep(self, capture: Capture, body: bytes, always: bool) -> Outcome:
        """Stage, import and finish one fetched page; unless *always*, only if it adds updates."""
        if self.target.dry_run:
            return self._dry_run(capture, body)
        with self._lock():
            if self.store.is_complete(capture):
                return Outcome(capture.url, capture.captured, capture.status, note=ARCHIVED)
            staged = self.store.stage(capture, body)
            if not always:
                preview = self._import(staged, dry_run=True)
                if not preview.changed_page:
                    self.store.discard(staged)
                    return replace(preview, note=NOTHING_NEW)
            outcome = self._import(staged)
            self.store.finish(staged)
        return outcome

    def _dry_run(self, capture: Capture, body: bytes) -> Outcome:
        with tempfile.TemporaryDirectory(prefix="daybook-capture-") as folder:
            page = Path(folder) / page_name(capture.url, capture.captured)
            page.write_bytes(body)
            return replace(self._import(Staged(capture, page), dry_run=True), note="dry run")

    def _import(self, staged: Staged, dry_run: bool = False) -> Outcome:
        capture = staged.capture
        options = ImportOptions(
            timeline=self.target.timeline,
            content_dir=self.target.content,
            archive_dir=self.target.archive,
            tz=capture.tz,
            reference=capture.captured,
            captured=capture.captured,
            dry_run=dry_run,
            format="html",
        )
        report = Importer(options).import_page(staged.page)
        archived = None if dry_run else str(self.store.archived_page(capture))
        return _outcome(capture, report, archived)

    def _lock(self) -> AbstractContextManager[None]:
        return nullcontext() if self.target.dry_run else content_lock(self.target.content)


def _outcome(capture: Capture, report: FileReport, archived: str | None) -> Outcome:
    counts = report.per_status()
    new, changed = counts.get(NEW, 0), counts.get(CHANGED, 0)
    unchanged = sum(counts.values()) - new - changed
    return Outcome(capture.url, capture.captured, capture.status, new, changed, unchanged,
                   archived=archived)  # fmt: skip


def _second(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


class LiveFollower:
    """Captures one live page on a schedule, keeping only what changed."""

    def __init__(self, run: CaptureRun, url: str) -> None:
        self.run = run
        self.url = url
        last = run.store.completed(url)
        previous = last[-1] if last else None
        self._validators = (
            Validators(previous.etag, previous.last_modified) if previous else Validators()
        )
        self._last_sha = previous.sha256 if previous else None
        self.last_change: datetime | None = None

    def follow(self, schedule: Schedule, clock: Clock) -> Iterator[Outcome]:
        """One outcome per capture; the first capture's FetchError or SourceError is raised."""
        self.last_change = clock.now()
        first = True
        for start in capture_times(schedule, clock, lambda: self.last_change or clock.now()):
            try:
                outcome = self.capture_once()
            except (FetchError, SourceError) as exc:
                if first:
                    raise
                outcome = Outcome(self.url, _second(start), None, error=str(exc))
            first = False
            if outcome.changed_page:
                self.last_change = outcome.captured
            yield outcome

    def capture_once(self) -> Outcome:
        """Fetch the page once and keep it if it changed."""
        fetched = self.run.client.fetch_page(self.url, self._validators)
        captured = _second(fetched.fetched_at)
        if fetched.not_modified:
            return Outcome(self.url, captured, fetched.status, note=NOT_MODIFIED)
        self._validators = fetched.validators
        sha = body_digest(fetched.body)
        if sha == self._last_sha:
            return Outcome(self.url, captured, fetched.status, note=SAME_PAGE)
        capture = _capture(self.url, fetched, captured, sha, self.run.target.tz)
        outcome = self.run.keep(capture, fetched.body, always=False)
        if not self.run.target.dry_run:
            self._last_sha = sha
        return outcome


def _capture(url: str, fetched: Fetched, captured: datetime, sha: str, tz: str | None) -> Capture:
    return Capture(
        url=url,
        captured=captured,
        status=fetched.status,
        etag=fetched.validators.etag,
        last_modified=fetched.validators.last_modified,
        sha256=sha,
        tz=tz,
    )


@dataclass(frozen=True, slots=True)
class WaybackPlan:
    """The captures to pull, oldest first, and how many were archived already."""

    todo: tuple[WaybackCapture, ...]
    done: int


class WaybackPuller:
    """Recovers a page's history from the Wayback Machine, oldest capture first."""

    def __init__(self, run: CaptureRun, url: str, base: str) -> None:
        self.run = run
        self.url = url
        self.base = base

    def plan(self, start: date | None = None, end: date | None = None) -> WaybackPlan:
        """List the captures; leave out those already in the archive."""
        listed = list_captures(self.run.client, self.base, self.url, start, end)
        done = {c.wayback for c in self.run.store.completed(self.url) if c.wayback}
        todo = tuple(c for c in listed if c.timestamp not in done)
        return WaybackPlan(todo, len(listed) - len(todo))

    def pull(self, item: WaybackCapture) -> Outcome:
        """Fetch one capture and import it; a capture that fails is an Outcome with an error."""
        try:
            fetched = fetch_capture(self.run.client, self.base, item, self.url)
            capture = Capture(
                url=self.url,
                captured=item.captured,
                status=fetched.status,
                wayback=item.timestamp,
                sha256=body_digest(fetched.body),
                tz=self.run.target.tz,
            )
            return self.run.keep(capture, fetched.body, always=True)
        except (FetchError, SourceError) as exc:
            return Outcome(self.url, item.captured, None, error=str(exc))
