"""The Pelican generator: reads day files, then writes day pages, indexes and feeds."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from pelican.generators import Generator
from pelican.writers import Writer

from ..content import load_days
from ..dayfile import DayFileCodec
from ..pages import DayView, TagView, TimelineView, build_tags, build_timelines
from ..render import BodyRenderer
from ..settings import DaybookSettings
from ..structured_data import compact_json, day_json_ld, sitemap_xml
from ..urls import absolute, save_as, tag_slug
from .feedwriter import FeedPlan, feed_base, plan_feeds, write_feeds

logger = logging.getLogger(__name__)


class DaybookGenerator(Generator):
    """Computes the timelines in generate_context and writes them in generate_output."""

    def generate_context(self) -> None:
        """Read every day file once and link the days into timelines."""
        # Headlines and bodies come from untrusted pages: escape whatever the settings say.
        self.env.autoescape = True
        self.env.filters["tag_slug"] = tag_slug
        self.env.filters["compact_json"] = compact_json
        self.daybook = DaybookSettings.from_mapping(self.settings.get("DAYBOOK"))
        self.cache = Path(self.settings.get("CACHE_PATH") or "cache")
        days, errors = load_days(
            Path(self.path), DayFileCodec(), self.cache / "daybook-days.pickle"
        )
        for error in errors:
            logger.error("daybook: skipped %s", error)
        self.renderer = BodyRenderer(self.cache / "daybook-bodies.pickle")
        self.timelines: tuple[TimelineView, ...] = build_timelines(
            self.daybook.timelines, days, self.renderer
        )
        self.tags: tuple[TagView, ...] = build_tags(self.timelines)
        self.feeds: tuple[FeedPlan, ...] = plan_feeds(self.settings, self.timelines, self.tags)
        self.renderer.save()
        self.context["daybook_timelines"] = self.timelines
        self.context["daybook_tags"] = self.tags
        self.context["daybook_feeds"] = self.feeds
        logger.info(
            "daybook: %d timeline(s), %d day(s), %d update(s)",
            len(self.timelines),
            sum(len(t.days) for t in self.timelines),
            sum(t.total for t in self.timelines),
        )

    def generate_output(self, writer: Writer) -> None:
        """Write every page through Pelican's writer, then feeds and the files for machines."""
        relative = self.settings.get("RELATIVE_URLS", False)
        base = feed_base(self.settings)
        self.context["SITE_ABSOLUTE"] = base

        def write(target: str, template: str, url: str, **values: object) -> None:
            writer.write_file(
                target, self.get_template(template), self.context,
                relative_urls=relative, url=url, **values,
            )  # fmt: skip

        for view in self.timelines:
            for day in view.days:
                json_ld = day_json_ld(day, view, base)
                values = {"day_page": day, "timeline_page": view, "day_json_ld": json_ld}
                write(day.save_as, "day", day.url, order="newest", **values)
                write(save_as(day.oldest_url), "day", day.oldest_url, order="oldest", **values)
            write(view.save_as, "timeline", view.url, timeline_page=view)
            for month in view.months:
                write(month.save_as, "month", month.url, timeline_page=view, month=month)
        home = self._home_timeline()
        write("index.html", "index", "", timeline_page=home, day_page=home.latest if home else None)
        for tag in self.tags:
            write(tag.save_as, "tag", tag.url, tag_page=tag)
        if self.tags:
            write("tags/index.html", "tags", "tags/")
        write("feeds/index.html", "feeds", "feeds/")
        write("search/index.html", "search", "search/")
        write("404.html", "404", "404.html")
        output = Path(self.output_path)
        write_feeds(output, self.feeds, self.daybook.feed_items, self.cache / "daybook-feeds.json")
        self._write_machine_files(output, base)

    def _write_machine_files(self, output: Path, base: str) -> None:
        """sitemap.xml, robots.txt and, for a custom domain, CNAME."""
        entries = [(absolute(base, ""), None)]
        for view in self.timelines:
            entries.append((absolute(base, view.url), None))
            entries += [(absolute(base, m.url), None) for m in view.months]
            entries += [(absolute(base, d.url), _last_change(d)) for d in view.days]
        entries += [(absolute(base, tag.url), None) for tag in self.tags]
        (output / "sitemap.xml").write_bytes(sitemap_xml(entries))
        robots = f"User-agent: *\nAllow: /\nSitemap: {absolute(base, 'sitemap.xml')}\n"
        (output / "robots.txt").write_text(robots, encoding="utf-8")
        if self.settings.get("CNAME"):
            # GitHub Pages serves a custom domain named in a CNAME file at the site root.
            (output / "CNAME").write_text(f"{self.settings['CNAME']}\n", encoding="utf-8")

    def _home_timeline(self) -> TimelineView | None:
        wanted = self.daybook.default_timeline
        for view in self.timelines:
            if view.timeline.slug == wanted and view.days:
                return view
        return next((view for view in self.timelines if view.days), None)


def _last_change(day: DayView) -> datetime | None:
    return max((u.update.updated or u.update.published for u in day.updates), default=None)
