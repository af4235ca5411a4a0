"""The whole site planned from day summaries: every page and feed document, with its key.

Nothing here reads a day's bodies. Day pages depend on their own day file and on the dates of
the days either side; pages about many days (timeline, months, home, tags, feeds) on counts,
dates and tagged updates; every key also holds the build's salt (code, theme, settings).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.model import Timeline
from ..core.urls import absolute, day_url, tag_slug, tag_url
from ..render.feeds import FeedInfo
from ..render.views import (
    DayLink,
    TagEntry,
    TagView,
    TimelineView,
    day_link,
    day_number,
    long_date,
    months_of,
    timeline_view,
)
from .feedplan import FeedPlan, ItemTable, plan_feed
from .keys import key
from .records import DaySummary


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """What the plan needs to know of the settings."""

    timelines: tuple[Timeline, ...]
    default_timeline: str
    feed_items: int
    base_url: str
    """Absolute URL the feeds and machine-readable pages are built on."""
    sitename: str
    subtitle: str
    language: str


@dataclass(frozen=True, slots=True)
class DayPage:
    """A day's page (and the redirect at its former oldest-first address), and what they are
    rendered from."""

    summary: DaySummary
    timeline: Timeline
    older: DayLink | None
    newer: DayLink | None
    number: int | None
    key: str


@dataclass(frozen=True, slots=True)
class SitePlan:
    """Every page and feed of the site."""

    timelines: tuple[TimelineView, ...]
    tags: tuple[TagView, ...]
    feeds: tuple[FeedPlan, ...]
    day_pages: tuple[DayPage, ...]
    table: ItemTable
    home: TimelineView | None
    home_day: DaySummary | None
    salt: str

    def page_key(self, name: str, *parts: object) -> str:
        """The key of a page about many days, from what it shows."""
        return key(self.salt, name, *parts)

    def timeline_key(self, view: TimelineView) -> str:
        """The key of a timeline's index page."""
        return self.page_key("timeline", view.timeline, _counts(view.days))

    def year_keys(self, view: TimelineView) -> list[tuple[int, str]]:
        """(year, key) of each year page of *view*."""
        by_year: dict[int, list[DayLink]] = {}
        for day in view.days:
            by_year.setdefault(day.date.year, []).append(day)
        return [
            (year, self.page_key("year", view.timeline, year, view.busiest, _counts(days)))
            for year, days in sorted(by_year.items(), reverse=True)
        ]

    def month_keys(self, view: TimelineView) -> list[tuple[tuple[int, int], str]]:
        """((year, month), key) of each month page of *view*."""
        busiest = view.busiest
        return [
            (ym, self.page_key("month", view.timeline, ym, busiest, _counts(days)))
            for ym, days in months_of(view.days).items()
        ]

    def home_key(self) -> str:
        """The key of the home page: every timeline's span, and the latest day itself."""
        spans = [(v.timeline, v.total, v.first, v.latest, len(v.days)) for v in self.timelines]
        latest = self.home_day.digest if self.home_day else None
        return self.page_key("home", spans, self.home.timeline if self.home else None, latest)

    def tag_key(self, tag: TagView) -> str:
        """The key of a tag's page."""
        return self.page_key("tag", tag)

    def listing_key(self, name: str) -> str:
        """The key of the tags index or the feeds index."""
        if name == "tags":
            return self.page_key(name, [(t.name, t.url, len(t.updates)) for t in self.tags])
        return self.page_key(name, [(f.info, f.count) for f in self.feeds])


def plan_site(settings: SiteSettings, days: Sequence[DaySummary], salt: str) -> SitePlan:
    """The plan of the site holding *days* (summaries sorted by timeline, then date)."""
    by_slug: dict[str, list[DaySummary]] = {}
    for summary in days:
        by_slug.setdefault(summary.timeline, []).append(summary)
    configured = {t.slug: t for t in settings.timelines}
    for slug in by_slug:
        configured.setdefault(slug, Timeline(slug=slug, title=slug.replace("-", " ").capitalize()))
    timelines = tuple(
        timeline_view(t, [(d.date, d.count) for d in by_slug.get(slug, [])])
        for slug, t in configured.items()
    )
    day_pages = tuple(
        page for t in configured.values() for page in _day_pages(t, by_slug.get(t.slug, []), salt)
    )
    table = ItemTable(days)
    home = _home(timelines, settings.default_timeline)
    home_day = by_slug[home.timeline.slug][-1] if home else None
    tags = _tags(table, {t.slug: t for t in configured.values()})
    feeds = _feeds(settings, table, timelines, tags, salt)
    return SitePlan(timelines, tags, feeds, day_pages, table, home, home_day, salt)


def _day_pages(timeline: Timeline, days: list[DaySummary], salt: str) -> list[DayPage]:
    links = [day_link(timeline.slug, d.date) for d in days]
    about = repr(timeline)  # once per timeline, not once per day
    pages = []
    for index, summary in enumerate(days):
        older = links[index - 1] if index > 0 else None
        newer = links[index + 1] if index + 1 < len(links) else None
        number = day_number(timeline, summary.date)
        page_key = key(salt, "day", about, summary.digest, older and older.url, newer and newer.url)
        pages.append(DayPage(summary, timeline, older, newer, number, page_key))
    return pages


def _home(timelines: Sequence[TimelineView], wanted: str) -> TimelineView | None:
    for view in timelines:
        if view.timeline.slug == wanted and view.days:
            return view
    return next((view for view in timelines if view.days), None)


def _tags(table: ItemTable, timelines: dict[str, Timeline]) -> tuple[TagView, ...]:
    """One page per tag (tags that differ only in case or punctuation share one)."""
    grouped: dict[str, list[TagEntry]] = {}
    spellings: dict[str, Counter[str]] = {}
    for summary in table.days:
        url = day_url(summary.timeline, summary.date)
        for tagged in summary.tagged:
            entry = TagEntry(
                permalink=f"{url}#{tagged.anchor}",
                iso=tagged.iso,
                clock=tagged.clock,
                zone_label=tagged.zone_label,
                title=tagged.title,
                day_heading=long_date(summary.date),
                timeline_title=timelines[summary.timeline].title,
                published=tagged.published,
            )
            for tag in tagged.tags:
                page = tag_url(tag)
                spellings.setdefault(page, Counter())[tag] += 1
                grouped.setdefault(page, []).append(entry)
    # The most used spelling names the tag; ties go to the first in sort order.
    names = {url: min(c, key=lambda t: (-c[t], t)) for url, c in spellings.items()}
    newest_first = {
        url: sorted(entries, key=lambda e: (e.published, e.permalink), reverse=True)
        for url, entries in grouped.items()
    }
    return tuple(TagView(names[url], url, tuple(newest_first[url])) for url in sorted(grouped))


def _feeds(
    settings: SiteSettings,
    table: ItemTable,
    timelines: Sequence[TimelineView],
    tags: Sequence[TagView],
    salt: str,
) -> tuple[FeedPlan, ...]:
    """The site-wide feed, one per timeline and one per tag. Only timeline feeds keep archives
    (in Atom): the site and tag feeds hold the same updates, so they are subscriptions only."""
    base = settings.base_url

    def info(name: str, title: str, subtitle: str, home: str, archived: bool) -> FeedInfo:
        return FeedInfo(name, title, subtitle, absolute(base, home), base, settings.sitename,
                        settings.language, archived)  # fmt: skip

    ranges = _timeline_ranges(table)
    if len(ranges) > 1:
        every: Sequence[int] = sorted(range(len(table)), key=table.order_key)
    else:
        every = range(len(table))  # a range: feeds of one timeline keep it compact
    plans = [(info("all", settings.sitename, settings.subtitle, "", False), every)]
    for view in timelines:
        title = f"{view.timeline.title} — {settings.sitename}"
        members = ranges.get(view.timeline.slug, range(0))
        plans.append(
            (info(view.timeline.slug, title, view.timeline.description, view.url, True), members)
        )
    if tags:
        position = {number: i for i, number in enumerate(every)} if len(ranges) > 1 else None
        for tag in tags:
            tagged = _tag_members(table, tag, position)
            meta = info(f"tags/{tag_slug(tag.name)}", f"{tag.name} — {settings.sitename}",
                        f"Updates tagged {tag.name}", tag.url, False)  # fmt: skip
            plans.append((meta, tagged))
    return tuple(
        plan_feed(table, meta, members, settings.feed_items, salt) for meta, members in plans
    )


def _timeline_ranges(table: ItemTable) -> dict[str, range]:
    """Each timeline's items: one contiguous range, as summaries are sorted by timeline."""
    ranges: dict[str, range] = {}
    for index, summary in enumerate(table.days):
        start = (
            ranges[summary.timeline].start if summary.timeline in ranges else table.offsets[index]
        )
        ranges[summary.timeline] = range(start, table.offsets[index + 1])
    return ranges


def _tag_members(table: ItemTable, tag: TagView, position: dict[int, int] | None) -> list[int]:
    """The item numbers of a tag's updates, oldest first in feed order."""
    wanted = {entry.permalink for entry in tag.updates}
    members = []
    for index, summary in enumerate(table.days):
        if not summary.tagged:
            continue
        url = day_url(summary.timeline, summary.date)
        anchors = {t.anchor for t in summary.tagged if f"{url}#{t.anchor}" in wanted}
        for item_index, anchor in enumerate(summary.anchors):
            if anchor in anchors:
                members.append(table.offsets[index] + item_index)
    if position is not None:
        members.sort(key=position.__getitem__)
    return members


def _counts(days: Sequence[DayLink]) -> str:
    return ";".join(f"{d.date.isoformat()}={d.count}" for d in days)
