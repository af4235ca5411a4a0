"""One build of the site: read the day files that changed, plan, write only what is stale.

    build = SiteBuild(config)
    build.refresh()        # generate_context: new and changed days read and rendered
    build.write(pages)     # generate_output: stale pages and feed documents written

Pages go through *pages* (Pelican's writer, in the adapter); feed documents and the files for
machines are written here. Both steps spread large batches over every core, and tell
*phases* (if given) how far they are: ``phases(name, total)`` gives the function told how
many of the phase's items are done, in this process only.
"""

from __future__ import annotations

import gc
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from ..core.errors import DayFileError
from ..core.urls import day_url, oldest_first_url, save_as, timeline_url
from ..dayfile.codec import DayFileCodec
from ..render.feeds import ATOM, entry_text
from ..render.structured_data import compact_json, day_json_ld
from ..render.views import DayView, TimelineRef, day_link
from .config import BuildConfig
from .content_index import ContentIndex, DayFile
from .feedplan import DocumentGroup, FeedPlan, group_documents, render_group
from .keys import key
from .manifest import OutputManifest
from .plan import DayPage, SitePlan, plan_site
from .records import DayRecord, DaySummary, digest_of, make_record
from .report import LAST_BUILD, BuildReport
from .sitefiles import PageWriter, SitePages
from .store import CacheStore
from .workers import Done, run_all

logger = logging.getLogger(__name__)
Phases = Callable[[str, int], Done]
"""phases(name, total): a step over *total* items begins; the function returned follows it."""
_RECORDS_KEPT = 64


class SiteBuild:
    """Reads, plans and writes one build; see the module docstring."""

    def __init__(self, config: BuildConfig, phases: Phases | None = None) -> None:
        self.config = config
        self.phases = phases
        self.codec = DayFileCodec()
        self.store = CacheStore(config.cache)
        self.index = ContentIndex(self.store, config.record_salt)
        self.manifest = OutputManifest(config.output, self.store)
        self.errors: list[str] = []
        self.plan: SitePlan | None = None
        self._files: dict[tuple[str, date], DayFile] = {}
        self._feeds_by_name: dict[str, FeedPlan] = {}
        self._pages: PageWriter | None = None
        self._folders: set[Path] = set()
        self._records: OrderedDict[str, DayRecord] = OrderedDict()

    # -- generate_context -------------------------------------------------------------------

    def refresh(self) -> SitePlan:
        """Read and render every new or changed day file, then plan the site."""
        with gc_paused():
            return self._refresh_all()

    def _refresh_all(self) -> SitePlan:
        files = self.index.scan(self.config.content)
        self._files = {(f.timeline, f.date): f for f in files}
        stale = [f for f in files if not (f.unchanged and f.summary and f.digest)]
        self.store.prepare()  # workers open their own connections
        done = self._phase("reading day files", len(stale))
        outcomes = run_all(
            self._refresh, stale, self.config.workers, done=done, finish=self.store.flush
        )
        results = {day.relative: outcome for day, outcome in zip(stale, outcomes, strict=True)}
        summaries = []
        for day in files:
            if day.unchanged and day.summary and day.digest:
                digest, summary = day.digest, day.summary
            else:
                outcome = results[day.relative]
                if isinstance(outcome, str):
                    self.errors.append(outcome)
                    continue
                digest, summary = outcome
            self.index.remember(day, digest, summary)
            summaries.append(summary)
        self.plan = plan_site(self.config.settings, summaries, self.config.page_salt)
        return self.plan

    def _refresh(self, day: DayFile) -> tuple[str, DaySummary] | str:
        """(digest, summary) of a day file that may have changed, or the reason it is unusable."""
        data = day.path.read_bytes()
        digest = digest_of(data)
        if digest == day.digest and day.summary and self.store.has(day.timeline, day.date, digest):
            return digest, day.summary  # touched, not changed
        try:
            record = make_record(self.codec, data, day.path, day.timeline, self._base)
        except DayFileError as exc:
            return str(exc)
        self.store.save(record)
        return digest, record.summary()

    @property
    def _base(self) -> str:
        return self.config.settings.base_url

    def record(self, summary: DaySummary) -> DayRecord:
        """The rendered day of *summary*: kept in memory, else from the cache, else rendered."""
        found = self._records.get(summary.digest)
        if found is None:
            found = self.store.load(summary.timeline, summary.date, summary.digest)
        if found is None:
            day = self._files[(summary.timeline, summary.date)]
            found = make_record(
                self.codec, day.path.read_bytes(), day.path, day.timeline, self._base
            )
            self.store.save(found)
        self._records[summary.digest] = found
        self._records.move_to_end(summary.digest)
        while len(self._records) > _RECORDS_KEPT:
            self._records.popitem(last=False)
        return found

    # -- generate_output --------------------------------------------------------------------

    def write(self, pages: PageWriter) -> list[str]:
        """Write every stale page and feed document; remove what the site no longer has."""
        with gc_paused():
            return self._write_all(pages)

    def _write_all(self, pages: PageWriter) -> list[str]:
        plan = self._planned()
        manifest = self.manifest
        self._feeds_by_name = {feed.info.name: feed for feed in plan.feeds}
        self._pages = pages
        stale_days = [p for p in plan.day_pages if not _fresh_day(manifest, p)]
        stale_docs = [
            (feed, doc)
            for feed in plan.feeds
            for doc in feed.documents
            if not manifest.fresh(doc.path, doc.key)
        ]
        jobs = _by_day(plan, stale_days, group_documents(stale_docs))
        self.store.close()
        written = run_all(
            self._write_job, jobs, self.config.workers,
            meanwhile=SitePages(self, plan, pages).write_all,
            done=self._phase("writing day pages and feeds", len(jobs)),
            finish=self.store.flush,
        )  # fmt: skip
        for target, written_key in (pair for job in written for pair in job):
            manifest.written(target, written_key)
        removed = manifest.remove_stale()
        manifest.save()
        self.index.save()
        self.store.prune({(s.timeline, s.date) for s in plan.table.days})
        changed = manifest.changed
        report = BuildReport(
            days=len(plan.day_pages),
            updates=len(plan.table),
            pages=sum(1 for path in changed if not path.startswith("feeds/")),
            feeds=sum(1 for path in changed if path.startswith("feeds/")),
            removed=len(removed),
            skipped=tuple(self.errors),
        )
        self.store.set_meta({LAST_BUILD: report.to_json()})
        self.store.close()
        logger.info("daybook: %s", report.summary())
        return changed

    def _phase(self, name: str, total: int) -> Done | None:
        return self.phases(name, total) if self.phases else None

    def _planned(self) -> SitePlan:
        if self.plan is None:
            raise RuntimeError("daybook: SiteBuild.refresh() must run before write()")
        return self.plan

    def day_view(self, summary: DaySummary, page: DayPage | None = None) -> DayView:
        """The page view of a day (newest first), linked to its neighbours when *page* says."""
        record = self.record(summary)
        return DayView(
            link=day_link(record.timeline, record.date),
            timezone=record.timezone,
            updates=tuple(reversed(record.updates)),
            older=page.older if page else None,
            newer=page.newer if page else None,
            day_number=page.number if page else None,
        )

    def _write_job(self, job: DayPage | DocumentGroup) -> list[tuple[str, str]]:
        if isinstance(job, DayPage):
            return self._write_day(job)
        return self._write_documents(job)

    def _write_day(self, page: DayPage) -> list[tuple[str, str]]:
        view = self.day_view(page.summary, page)
        timeline = TimelineRef(page.timeline, timeline_url(page.timeline.slug))
        values: dict[str, object] = {
            "day_page": view,
            "timeline_page": timeline,
            "day_json_ld": compact_json(day_json_ld(view, timeline, self._base)),
            # A day's own timeline only: 3 links, not 6, on the pages there are most of.
            "feed_links": self.feed_links(page.timeline.slug, site=False),
        }
        pages = self._pages
        if pages is None:
            raise RuntimeError("daybook: day pages are written only by write()")
        # One page per day; its old oldest-first address stays alive as a small redirect.
        pages(view.save_as, "day", view.url, values)
        redirect = save_as(view.oldest_url)
        pages(redirect, "oldest_first", view.oldest_url, values)
        return [(view.save_as, page.key), (redirect, page.key)]

    def _write_documents(self, group: DocumentGroup) -> list[tuple[str, str]]:
        def entry_of(summary: DaySummary, position: int, kind: str) -> bytes:
            record = self.record(summary)
            if kind == ATOM:
                return record.entries[position]
            return entry_text(record.updates[position], self._base, kind)

        table = self._planned().table
        for target, data in render_group(table, group, entry_of):
            path = self.config.output / target
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            path.write_bytes(data)
        return [(doc.path, doc.key) for _, doc in group.documents]

    def feed_links(self, *names: str, site: bool = True) -> list[tuple[str, str, str]]:
        """(media type, title, path) of the site feed (unless not *site*) and the named feeds,
        for <link> tags."""
        feeds = (self._feeds_by_name.get(name) for name in (("all",) if site else ()) + names)
        return [
            (media_type, f"{feed.info.title} ({kind.upper()})", path)
            for feed in feeds
            if feed is not None
            for kind, media_type, path in feed.links()
        ]

    def page_key(self, *parts: object) -> str:
        """A key under this build's page salt."""
        return key(self.config.page_salt, *parts)


def _by_day(
    plan: SitePlan, days: list[DayPage], groups: list[DocumentGroup]
) -> list[DayPage | DocumentGroup]:
    """Day pages and feed documents in the order of the days they show, so a worker's run of
    jobs renders a few neighbouring days' pages and then the feed pages holding them."""
    place = {(s.timeline, s.date): i for i, s in enumerate(plan.table.days)}
    keyed: list[tuple[int, int, DayPage | DocumentGroup]] = [
        (place[(p.summary.timeline, p.summary.date)], 0, p) for p in days
    ]
    for group in groups:
        newest = plan.table.locate(max(group.members))[0] if len(group.members) else 0
        keyed.append((newest, 1, group))
    keyed.sort(key=lambda job: job[:2])
    return [job for _, _, job in keyed]


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection for a while: a build makes millions of short-lived,
    acyclic objects, and full collections over a large archive's summaries cost more than
    the work itself (refcounting still frees everything as it goes)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _fresh_day(manifest: OutputManifest, page: DayPage) -> bool:
    url = day_url(page.summary.timeline, page.summary.date)
    return all(
        manifest.fresh(target, page.key)
        for target in (save_as(url), save_as(oldest_first_url(url)))
    )
