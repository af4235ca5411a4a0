"""The Pelican generator: reads day files, then writes day pages, indexes and feeds."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican.generators import Generator
from pelican.writers import Writer

from ..content import load_days
from ..dayfile import DayFileCodec
from ..pages import TagView, TimelineView, build_tags, build_timelines
from ..render import BodyRenderer
from ..settings import DaybookSettings
from ..urls import tag_slug
from .feedwriter import FeedPlan, plan_feeds, write_feeds

logger = logging.getLogger(__name__)


class DaybookGenerator(Generator):
    """Computes the timelines in generate_context and writes them in generate_output."""

    def generate_context(self) -> None:
        """Read every day file once and link the days into timelines."""
        # Headlines and bodies come from untrusted pages: escape whatever the settings say.
        self.env.autoescape = True
        self.env.filters["tag_slug"] = tag_slug
        self.daybook = DaybookSettings.from_mapping(self.settings.get("DAYBOOK"))
        days, errors = load_days(Path(self.path), DayFileCodec())
        for error in errors:
            logger.error("daybook: skipped %s", error)
        self.timelines: tuple[TimelineView, ...] = build_timelines(
            self.daybook.timelines, days, BodyRenderer()
        )
        self.tags: tuple[TagView, ...] = build_tags(self.timelines)
        self.feeds: tuple[FeedPlan, ...] = plan_feeds(self.settings, self.timelines, self.tags)
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
        """Write every page through Pelican's writer, then the feeds."""
        relative = self.settings.get("RELATIVE_URLS", False)
        day_template = self.get_template("day")
        for view in self.timelines:
            for day in view.days:
                writer.write_file(
                    day.save_as, day_template, self.context, relative_urls=relative,
                    url=day.url, day_page=day, timeline_page=view,
                )  # fmt: skip
            writer.write_file(
                view.save_as, self.get_template("timeline"), self.context,
                relative_urls=relative, url=view.url, timeline_page=view,
            )  # fmt: skip
        home = self._home_timeline()
        writer.write_file(
            "index.html", self.get_template("index"), self.context,
            relative_urls=relative, url="", timeline_page=home,
            day_page=home.latest if home else None,
        )  # fmt: skip
        self._write_tags(writer, relative)
        writer.write_file(
            "feeds/index.html", self.get_template("feeds"), self.context,
            relative_urls=relative, url="feeds/",
        )  # fmt: skip
        write_feeds(Path(self.output_path), self.feeds, self.daybook.feed_items)
        if self.settings.get("CNAME"):
            # GitHub Pages serves a custom domain named in a CNAME file at the site root.
            (Path(self.output_path) / "CNAME").write_text(
                f"{self.settings['CNAME']}\n", encoding="utf-8"
            )

    def _write_tags(self, writer: Writer, relative: bool) -> None:
        template = self.get_template("tag")
        for tag in self.tags:
            writer.write_file(
                tag.save_as,
                template,
                self.context,
                relative_urls=relative,
                url=tag.url,
                tag_page=tag,
            )
        if self.tags:
            writer.write_file(
                "tags/index.html", self.get_template("tags"), self.context,
                relative_urls=relative, url="tags/",
            )  # fmt: skip

    def _home_timeline(self) -> TimelineView | None:
        wanted = self.daybook.default_timeline
        for view in self.timelines:
            if view.timeline.slug == wanted and view.days:
                return view
        return next((view for view in self.timelines if view.days), None)
