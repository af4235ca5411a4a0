"""The Pelican generator: hands Pelican's settings and writer to the incremental build."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from pelican.generators import Generator
from pelican.log import console
from pelican.writers import Writer

from ..core.settings import DaybookSettings
from ..core.urls import tag_slug
from ..dayfile.codec import FORMAT_VERSION
from ..engine.build import SiteBuild
from ..engine.config import BuildConfig
from ..engine.keys import code_digest, folders_digest, key, settings_digest
from ..engine.plan import SiteSettings
from ..engine.report import cache_folder
from ..engine.workers import available_cores
from ..render.markdown import RENDER_VERSION
from ..render.structured_data import compact_json
from ..tools.progress import Bars, terminal

logger = logging.getLogger(__name__)
DEV_FEED_URL = "http://localhost:8000"
BAR_MINIMUM = 200
"""Build steps over more items than this show a progress bar on a terminal."""


class DaybookGenerator(Generator):
    """Reads the day files in generate_context and writes the site in generate_output."""

    def generate_context(self) -> None:
        """Read and render the day files that changed since the last build; plan the site."""
        # Headlines and bodies come from untrusted pages: escape whatever the settings say.
        self.env.autoescape = True
        # One build, one set of templates (Pelican makes a new environment for each rebuild):
        # no need to stat every template file each time a page includes it.
        self.env.auto_reload = False
        self.env.filters["tag_slug"] = tag_slug
        self.env.filters["compact_json"] = compact_json
        daybook = DaybookSettings.from_mapping(self.settings.get("DAYBOOK"))
        root = Path(self.settings.get("CACHE_PATH") or "cache")
        cache = root / "daybook"
        # Compiled templates are kept too: compiling the theme costs more than a small build.
        (cache / "templates").mkdir(parents=True, exist_ok=True)
        self.env.bytecode_cache = FileSystemBytecodeCache(str(cache / "templates"))
        # Under Pelican's own spinner when it shows one (rich nests the two), else on stderr.
        self._bars = Bars(terminal(console), BAR_MINIMUM)
        self.build = SiteBuild(self._config(daybook, root), self._bars.phase)
        with self._bars:
            plan = self.build.refresh()
        for error in self.build.errors:
            logger.error("daybook: skipped %s", error)
        self.context["SITE_ABSOLUTE"] = plan_base = feed_base(self.settings)
        logger.info(
            "daybook: %d timeline(s), %d day(s), %d update(s), feeds on %s",
            len(plan.timelines), len(plan.day_pages), len(plan.table), plan_base,
        )  # fmt: skip

    def generate_output(self, writer: Writer) -> None:
        """Write the stale pages through Pelican's writer, and the stale feed documents."""
        relative = self.settings.get("RELATIVE_URLS", False)
        templates: dict[str, Any] = {}

        def write(target: str, template: str, url: str, values: dict[str, object]) -> None:
            if template not in templates:
                templates[template] = self.get_template(template)
            writer.write_file(
                target, templates[template], self.context,
                relative_urls=relative, url=url, **values,
            )  # fmt: skip

        with self._bars:
            self.build.write(write)

    def _config(self, daybook: DaybookSettings, cache_root: Path) -> BuildConfig:
        output = Path(self.output_path).resolve()
        base = feed_base(self.settings)
        site = SiteSettings(
            timelines=daybook.timelines,
            default_timeline=daybook.default_timeline,
            feed_items=daybook.feed_items,
            base_url=base,
            sitename=self.settings.get("SITENAME", "Daybook"),
            subtitle=self.settings.get("SITESUBTITLE", ""),
            language=self.settings.get("DEFAULT_LANG", "en"),
        )
        # Records hold feed entries with absolute permalinks: they depend on the feed URL too.
        record_salt = key(code_digest(), FORMAT_VERSION, RENDER_VERSION, base)
        page_salt = key(
            record_salt,
            folders_digest(Path(p) for p in self._templates_path if Path(p).is_dir()),
            settings_digest(self.settings),
            [(p.url, p.title) for p in self.context.get("pages", [])],
        )
        return BuildConfig(
            content=Path(self.path),
            output=output,
            cache=cache_folder(cache_root, output),
            settings=site,
            record_salt=record_salt,
            page_salt=page_salt,
            workers=daybook.workers or available_cores(),
            cname=self.settings.get("CNAME", ""),
        )


def feed_base(settings: dict[str, Any]) -> str:
    """The absolute URL feeds are built on: FEED_DOMAIN, else SITEURL."""
    base = settings.get("FEED_DOMAIN") or settings.get("SITEURL") or ""
    if not base.startswith(("http://", "https://")):
        logger.warning("daybook: no absolute FEED_DOMAIN or SITEURL; feed ids use %s", DEV_FEED_URL)
        base = DEV_FEED_URL
    return base.rstrip("/")
