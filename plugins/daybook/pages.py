"""The site as pages: timelines, days and updates with URLs, neighbours and rendered bodies."""

from __future__ import annotations

import calendar
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date

from markupsafe import Markup

from .model import Day, Timeline, Update
from .render import BodyRenderer, first_words
from .urls import day_url, save_as, tag_url, timeline_url


@dataclass(frozen=True, slots=True)
class UpdateView:
    """One update as the theme shows it."""

    update: Update
    anchor: str
    headline: str
    title: str
    """The headline, or the body's first words when there is none."""
    html: Markup
    """Rendered body, marked safe: raw HTML is off in the renderer, so it holds only our tags."""
    iso: str
    """The UTC instant for ``<time datetime>``, e.g. 2024-04-04T18:08:00Z."""
    clock: str
    zone_label: str
    permalink: str
    """Site-relative: ``<day url>#<anchor>``."""


@dataclass(frozen=True, slots=True)
class DayLink:
    """Enough of a day to link to it."""

    url: str
    heading: str
    count: int
    date: date


@dataclass(frozen=True, slots=True)
class HourLink:
    """One hour of a long day: where its updates start on the page, and how many there are."""

    label: str
    anchor: str
    count: int


@dataclass(frozen=True, slots=True)
class DayView:
    """A day page: its updates newest first (as live blogs show them) and its neighbours."""

    day: Day
    url: str
    save_as: str
    heading: str
    updates: tuple[UpdateView, ...]
    older: DayLink | None
    newer: DayLink | None
    day_number: int | None = None
    """"Day N" of the timeline, counted from its start date."""

    @property
    def oldest_url(self) -> str:
        """The same day read oldest first (a static page, so no JavaScript is needed)."""
        return f"{self.url}oldest-first/"

    @property
    def oldest_first(self) -> tuple[UpdateView, ...]:
        """The updates in reading order, oldest first."""
        return tuple(reversed(self.updates))

    @property
    def key_events(self) -> tuple[UpdateView, ...]:
        """Updates flagged as key events, or every update with a headline when none is."""
        flagged = tuple(u for u in self.updates if u.update.key)
        return flagged or tuple(u for u in self.updates if u.headline)

    @property
    def link(self) -> DayLink:
        """This day as a link."""
        return DayLink(self.url, self.heading, len(self.updates), self.day.date)

    @property
    def hours(self) -> tuple[HourLink, ...]:
        """An index of the day's hours, in page order, each linking to its first update."""
        hours: dict[str, HourLink] = {}
        for item in self.updates:
            label = f"{item.clock[:2]}:00"
            first = hours.get(label)
            hours[label] = HourLink(
                label, first.anchor if first else item.anchor, (first.count if first else 0) + 1
            )
        return tuple(hours.values())


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """One cell of a month grid: a date, and the day page when there is one."""

    date: date
    link: DayLink | None
    level: int
    """0 (no updates) to 4 (the busiest days of the timeline)."""


@dataclass(frozen=True, slots=True)
class MonthView:
    """One month of a timeline: its days newest first and its calendar grid."""

    label: str
    days: tuple[DayLink, ...]
    url: str
    weeks: tuple[tuple[CalendarDay | None, ...], ...]
    """Monday-first weeks; None pads the first and last week."""

    @property
    def save_as(self) -> str:
        """The month page's output file."""
        return save_as(self.url)

    @property
    def total(self) -> int:
        """Updates in the month."""
        return sum(d.count for d in self.days)


@dataclass(frozen=True, slots=True)
class TimelineView:
    """A timeline's index page and its days, oldest first."""

    timeline: Timeline
    url: str
    save_as: str
    days: tuple[DayView, ...]

    @property
    def total(self) -> int:
        """Number of updates in the whole timeline."""
        return sum(len(d.updates) for d in self.days)

    @property
    def latest(self) -> DayView | None:
        """The newest day, if any."""
        return self.days[-1] if self.days else None

    @property
    def months(self) -> tuple[MonthView, ...]:
        """The days grouped by month, newest month and day first, each with its calendar."""
        groups: dict[tuple[int, int], list[DayLink]] = {}
        for view in reversed(self.days):
            groups.setdefault((view.day.date.year, view.day.date.month), []).append(view.link)
        busiest = max((len(d.updates) for d in self.days), default=1)
        return tuple(
            MonthView(
                label=f"{links[0].date:%B %Y}",
                days=tuple(links),
                url=f"{self.url}{year:04d}/{month:02d}/",
                weeks=_month_grid(year, month, {link.date: link for link in links}, busiest),
            )
            for (year, month), links in groups.items()
        )


def long_date(day: date) -> str:
    """ "Thursday, April 4, 2024" (no locale, no zero padding)."""
    return f"{day:%A, %B} {day.day}, {day.year}"


def build_timelines(
    configured: Iterable[Timeline], days: Iterable[Day], renderer: BodyRenderer
) -> tuple[TimelineView, ...]:
    """Timelines with their day pages linked in date order; unconfigured slugs get defaults."""
    by_slug: dict[str, list[Day]] = {}
    for day in days:
        by_slug.setdefault(day.timeline, []).append(day)
    timelines = {t.slug: t for t in configured}
    for slug in by_slug:
        timelines.setdefault(slug, Timeline(slug=slug, title=slug.replace("-", " ").capitalize()))
    return tuple(
        _timeline_view(timeline, sorted(by_slug.get(slug, []), key=lambda d: d.date), renderer)
        for slug, timeline in timelines.items()
    )


def _timeline_view(timeline: Timeline, days: list[Day], renderer: BodyRenderer) -> TimelineView:
    links = [
        DayLink(day_url(d.timeline, d.date), long_date(d.date), len(d.updates), d.date)
        for d in days
    ]
    views = []
    for index, day in enumerate(days):
        url = links[index].url
        views.append(
            DayView(
                day=day,
                url=url,
                save_as=save_as(url),
                heading=links[index].heading,
                updates=tuple(_update_view(day, u, url, renderer) for u in reversed(day.updates)),
                older=links[index - 1] if index > 0 else None,
                newer=links[index + 1] if index + 1 < len(links) else None,
                day_number=(day.date - timeline.start).days + 1 if timeline.start else None,
            )
        )
    url = timeline_url(timeline.slug)
    return TimelineView(timeline, url, save_as(url), tuple(views))


def _update_view(day: Day, update: Update, url: str, renderer: BodyRenderer) -> UpdateView:
    local = day.local(update)
    html = Markup(renderer.html(update.body)) if update.body else Markup("")
    title = update.headline or first_words(renderer.plain_text(update.body)) or f"{local:%H:%M}"
    return UpdateView(
        update=update,
        anchor=update.anchor,
        headline=update.headline,
        title=title,
        html=html,
        iso=update.published.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        clock=f"{local:%H:%M}",
        zone_label=local.tzname() or day.timezone,
        permalink=f"{url}#{update.anchor}",
    )


@dataclass(frozen=True, slots=True)
class TaggedUpdate:
    """An update listed on a tag page, with the day and timeline it belongs to."""

    item: UpdateView
    day: DayView
    timeline: TimelineView


@dataclass(frozen=True, slots=True)
class TagView:
    """A tag's page: every update carrying the tag, newest first, across timelines."""

    name: str
    url: str
    save_as: str
    updates: tuple[TaggedUpdate, ...]


def build_tags(timelines: Iterable[TimelineView]) -> tuple[TagView, ...]:
    """One page per tag (tags that differ only in case or punctuation share one)."""
    grouped: dict[str, list[TaggedUpdate]] = {}
    spellings: dict[str, Counter[str]] = {}
    for view in timelines:
        for day in view.days:
            for item in day.updates:
                for tag in item.update.tags:
                    url = tag_url(tag)
                    spellings.setdefault(url, Counter())[tag] += 1
                    grouped.setdefault(url, []).append(TaggedUpdate(item, day, view))
    # The most used spelling names the tag; ties go to the first in sort order.
    names = {url: min(c, key=lambda t: (-c[t], t)) for url, c in spellings.items()}
    return tuple(
        TagView(
            names[url],
            url,
            save_as(url),
            tuple(sorted(grouped[url], key=lambda t: t.item.update.published, reverse=True)),
        )
        for url in sorted(grouped)
    )


def _month_grid(
    year: int, month: int, links: dict[date, DayLink], busiest: int
) -> tuple[tuple[CalendarDay | None, ...], ...]:
    """Weeks of a month, Monday first; each day shaded by its share of the busiest day."""
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells: list[CalendarDay | None] = []
        for day in week:
            link = links.get(day)
            level = math.ceil(4 * link.count / busiest) if link and busiest else 0
            cells.append(CalendarDay(day, link, level) if day.month == month else None)
        weeks.append(tuple(cells))
    return tuple(weeks)
