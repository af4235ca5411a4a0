"""The pages about many days (timelines, years, months, home, tags, feeds), and machines' files.

Each is written only when its key changed; the values a page is rendered from are built only
then (a calendar for every month of a long timeline is not free).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from ..core.urls import absolute, save_as, tag_slug
from ..render.structured_data import sitemap_xml
from ..render.views import DayView, TimelineView, month_view, months_of
from .config import BuildConfig
from .manifest import OutputManifest
from .plan import DayPage
from .records import DaySummary

if TYPE_CHECKING:
    from .plan import SitePlan

PageWriter = Callable[[str, str, str, dict[str, object]], None]
"""write(target, template name, url, values): render a template into the output."""


class BuildState(Protocol):
    """What the pages about many days need of the build that writes them (engine.build's
    SiteBuild): its settings, its manifest, keys, feed links and day views."""

    @property
    def config(self) -> BuildConfig: ...

    @property
    def manifest(self) -> OutputManifest: ...

    def page_key(self, *parts: object) -> str: ...

    def feed_links(self, *names: str, site: bool = True) -> list[tuple[str, str, str]]: ...

    def day_view(self, summary: DaySummary, page: DayPage | None = None) -> DayView: ...


Values = Callable[[], dict[str, object]]


class SitePages:
    """Writes the pages about many days through *pages*, skipping those whose key is known."""

    def __init__(self, build: BuildState, plan: SitePlan, pages: PageWriter) -> None:
        self.build = build
        self.plan = plan
        self.pages = pages

    def write_all(self) -> None:
        """Every page that is not a day page, then sitemap.xml, robots.txt and CNAME."""
        for view in self.plan.timelines:
            self._timeline(view)
        self._page("", "index", self.plan.home_key(), self._home)
        for tag in self.plan.tags:
            links = self.build.feed_links(f"tags/{tag_slug(tag.name)}")
            self._page(
                tag.url, "tag", self.plan.tag_key(tag), _fixed(tag_page=tag, feed_links=links)
            )
        site_links = self.build.feed_links()
        listing = _fixed(daybook_tags=self.plan.tags, feed_links=site_links)
        self._page("tags/", "tags", self.plan.listing_key("tags"), listing)
        listing = _fixed(daybook_feeds=self.plan.feeds, feed_links=site_links)
        self._page("feeds/", "feeds", self.plan.listing_key("feeds"), listing)
        for url, template in (("search/", "search"), ("404.html", "404")):
            self._page(url, template, self.build.page_key(template), _fixed(feed_links=site_links))
        self._machine_files()

    def _page(self, url: str, template: str, page_key: str, values: Values) -> None:
        target = save_as(url)
        if not self.build.manifest.fresh(target, page_key):
            self.pages(target, template, url, values())
            self.build.manifest.written(target, page_key)

    def _timeline(self, view: TimelineView) -> None:
        links = self.build.feed_links(view.timeline.slug)
        values = _fixed(timeline_page=view, feed_links=links)
        self._page(view.url, "timeline", self.plan.timeline_key(view), values)
        for year, year_key in self.plan.year_keys(view):
            grid = _fixed(timeline_page=view, year=year, feed_links=links)
            self._page(f"{view.url}{year:04d}/", "year", year_key, grid)
        months = months_of(view.days)
        for (year, month), month_key in self.plan.month_keys(view):
            url = f"{view.url}{year:04d}/{month:02d}/"

            def month_values(year: int = year, month: int = month) -> dict[str, object]:
                grid = month_view(view.url, year, month, months[(year, month)], view.busiest)
                return {"timeline_page": view, "month": grid, "feed_links": links}

            self._page(url, "month", month_key, month_values)

    def _home(self) -> dict[str, object]:
        home, latest = self.plan.home, self.plan.home_day
        return {
            "daybook_timelines": self.plan.timelines,
            "timeline_page": home,
            "day_page": self.build.day_view(latest) if latest else None,
            "feed_links": self.build.feed_links(*([home.timeline.slug] if home else [])),
        }

    def _machine_files(self) -> None:
        """sitemap.xml, robots.txt and, for a custom domain, CNAME."""
        base = self.build.config.settings.base_url
        files = {
            "sitemap.xml": sitemap_xml(self._sitemap_entries(base)),
            "robots.txt": (
                f"User-agent: *\nAllow: /\nSitemap: {absolute(base, 'sitemap.xml')}\n".encode()
            ),
        }
        if self.build.config.cname:
            # GitHub Pages serves a custom domain named in a CNAME file at the site root.
            files["CNAME"] = f"{self.build.config.cname}\n".encode()
        for name, data in files.items():
            file_key = self.build.page_key(name, hashlib.sha1(data).hexdigest())
            if not self.build.manifest.fresh(name, file_key):
                (self.build.config.output / name).write_bytes(data)
                self.build.manifest.written(name, file_key)

    def _sitemap_entries(self, base: str) -> list[tuple[str, datetime | None]]:
        last_change = {(s.timeline, s.date): s.last_change for s in self.plan.table.days}
        entries: list[tuple[str, datetime | None]] = [(absolute(base, ""), None)]
        for view in self.plan.timelines:
            entries.append((absolute(base, view.url), None))
            entries += [(absolute(base, year.url), None) for year in view.years]
            months = months_of(view.days)
            entries += [(absolute(base, f"{view.url}{y:04d}/{m:02d}/"), None) for y, m in months]
            slug = view.timeline.slug
            entries += [(absolute(base, d.url), last_change[(slug, d.date)]) for d in view.days]
        entries += [(absolute(base, tag.url), None) for tag in self.plan.tags]
        return entries


def _fixed(**values: object) -> Values:
    return lambda: dict(values)
