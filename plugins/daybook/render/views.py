"""The site as the theme sees it: day pages, timelines, months, tags, each with its URL.

A day page is made from its own day alone (its updates, and the dates of the days either side),
so it can be rendered, and skipped, on its own. Pages about many days (a timeline's calendar,
a month, a tag) are made from per-day summaries, never from the days' bodies.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from markupsafe import Markup

from ..core.model import Timeline
from ..core.urls import day_url, oldest_first_url, save_as, timeline_url


@dataclass(frozen=True, slots=True)
class UpdateView:
    """One update as the theme shows it."""

    anchor: str
    headline: str
    title: str
    """The headline, or the body's first words when there is none."""
    html: Markup
    """Rendered and sanitized body."""
    iso: str
    """The UTC instant for ``<time datetime>``, e.g. 2024-04-04T18:08:00Z."""
    clock: str
    zone_label: str
    permalink: str
    """Site-relative: ``<day url>#<anchor>``."""
    published: datetime
    updated: datetime | None = None
    key: bool = False
    tags: tuple[str, ...] = ()
    source: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class DayLink:
    """Enough of a day to link to it, and in lists and calendars how many updates it has."""

    url: str
    heading: str
    date: date
    count: int = 0


@dataclass(frozen=True, slots=True)
class HourLink:
    """One hour of a long day: where its updates start on the page, and how many there are."""

    label: str
    anchor: str
    count: int


@dataclass(frozen=True, slots=True)
class TimelineRef:
    """What a day page knows of its timeline: its settings and its index page."""

    timeline: Timeline
    url: str


@dataclass(frozen=True, slots=True)
class DayView:
    """A day page: its updates newest first (as live blogs show them) and its neighbours."""

    link: DayLink
    timezone: str
    updates: tuple[UpdateView, ...]
    older: DayLink | None
    newer: DayLink | None
    day_number: int | None = None
    """"Day N" of the timeline, counted from its start date."""

    @property
    def url(self) -> str:
        """The page's site-relative URL."""
        return self.link.url

    @property
    def heading(self) -> str:
        """ "Thursday, April 4, 2024"."""
        return self.link.heading

    @property
    def date(self) -> date:
        """The day's date in its timeline's zone."""
        return self.link.date

    @property
    def save_as(self) -> str:
        """The page's output file."""
        return save_as(self.url)

    @property
    def oldest_url(self) -> str:
        """Where the day read oldest first was once its own page: now a redirect to the day
        page's "#oldest-first", which shows the same updates the other way round."""
        return oldest_first_url(self.url)

    @property
    def key_events(self) -> tuple[UpdateView, ...]:
        """Updates flagged as key events, or every update with a headline when none is."""
        flagged = tuple(u for u in self.updates if u.key)
        return flagged or tuple(u for u in self.updates if u.headline)

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
    count: int
    level: int
    """0 (no updates) to 4 (the busiest days of the timeline)."""


@dataclass(frozen=True, slots=True)
class MonthView:
    """One month of a timeline: its days newest first and its calendar grid."""

    label: str
    url: str
    days: tuple[DayLink, ...]
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
    """A timeline's index page: its days, oldest first, with their counts."""

    timeline: Timeline
    url: str
    days: tuple[DayLink, ...]

    @property
    def save_as(self) -> str:
        """The index page's output file."""
        return save_as(self.url)

    @property
    def total(self) -> int:
        """Number of updates in the whole timeline."""
        return sum(d.count for d in self.days)

    @property
    def first(self) -> DayLink | None:
        """The oldest day, if any."""
        return self.days[0] if self.days else None

    @property
    def latest(self) -> DayLink | None:
        """The newest day, if any."""
        return self.days[-1] if self.days else None

    @property
    def busiest(self) -> int:
        """The most updates any one day has (calendar shades are shares of it)."""
        return max((d.count for d in self.days), default=0)

    @property
    def months(self) -> tuple[MonthView, ...]:
        """The days grouped by month, newest month and day first, each with its calendar."""
        return tuple(
            month_view(self.url, year, month, days, self.busiest)
            for (year, month), days in months_of(self.days).items()
        )

    @property
    def years(self) -> tuple[YearLink, ...]:
        """The years the timeline covers, newest first, each with its page and counts."""
        counts: dict[int, list[DayLink]] = {}
        for day in reversed(self.days):
            counts.setdefault(day.date.year, []).append(day)
        return tuple(
            YearLink(year, f"{self.url}{year:04d}/", len(days), sum(d.count for d in days))
            for year, days in counts.items()
        )

    def months_in(self, year: int) -> tuple[MonthView, ...]:
        """The calendars of one year's months, newest first (a long timeline's index shows
        only its latest year; each year has its own page)."""
        return tuple(
            month_view(self.url, y, month, days, self.busiest)
            for (y, month), days in months_of(self.days).items()
            if y == year
        )


@dataclass(frozen=True, slots=True)
class YearLink:
    """A year of a timeline: its page, and how many days and updates it holds."""

    year: int
    url: str
    days: int
    updates: int


@dataclass(frozen=True, slots=True)
class TagEntry:
    """An update listed on a tag page."""

    permalink: str
    iso: str
    clock: str
    zone_label: str
    title: str
    day_heading: str
    timeline_title: str
    published: datetime


@dataclass(frozen=True, slots=True)
class TagView:
    """A tag's page: every update carrying the tag, newest first, across timelines."""

    name: str
    url: str
    updates: tuple[TagEntry, ...]

    @property
    def save_as(self) -> str:
        """The tag page's output file."""
        return save_as(self.url)


def long_date(day: date) -> str:
    """ "Thursday, April 4, 2024" (English whatever the locale, no zero padding)."""
    return f"{_WEEKDAYS[day.weekday()]}, {_MONTHS[day.month - 1]} {day.day}, {day.year}"


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def day_link(timeline: str, day: date, count: int = 0) -> DayLink:
    """The link to *timeline*'s page for *day* (with its number of updates, for lists)."""
    return DayLink(day_url(timeline, day), long_date(day), day, count)


def day_number(timeline: Timeline, day: date) -> int | None:
    """ "Day N" of *timeline* (its start date is day 1), when it has a start date."""
    return (day - timeline.start).days + 1 if timeline.start else None


def timeline_view(timeline: Timeline, counts: Iterable[tuple[date, int]]) -> TimelineView:
    """A timeline's index from (date, number of updates) per day, in any order."""
    days = tuple(day_link(timeline.slug, d, n) for d, n in sorted(counts))
    return TimelineView(timeline, timeline_url(timeline.slug), days)


def months_of(days: Sequence[DayLink]) -> dict[tuple[int, int], list[DayLink]]:
    """Days grouped by (year, month), newest month and day first."""
    groups: dict[tuple[int, int], list[DayLink]] = {}
    for day in reversed(days):
        groups.setdefault((day.date.year, day.date.month), []).append(day)
    return groups


def month_view(
    timeline_page: str, year: int, month: int, days: Sequence[DayLink], busiest: int
) -> MonthView:
    """One month page of a timeline, with its calendar."""
    return MonthView(
        label=f"{_MONTHS[month - 1]} {year}",
        url=f"{timeline_page}{year:04d}/{month:02d}/",
        days=tuple(days),
        weeks=_month_grid(year, month, {d.date: d for d in days}, busiest),
    )


def _month_grid(
    year: int, month: int, days: dict[date, DayLink], busiest: int
) -> tuple[tuple[CalendarDay | None, ...], ...]:
    """Weeks of a month, Monday first; each day shaded by its share of the busiest day."""
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells: list[CalendarDay | None] = []
        for when in week:
            if when.month != month:
                cells.append(None)
                continue
            found = days.get(when)
            count = found.count if found else 0
            level = math.ceil(4 * count / busiest) if busiest else 0
            cells.append(CalendarDay(when, found, count, level))
        weeks.append(tuple(cells))
    return tuple(weeks)
