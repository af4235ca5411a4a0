"""Pelican settings for the Daybook site (development build: `make html`, `make serve`)."""

AUTHOR = "Daybook"
SITENAME = "Daybook"
SITESUBTITLE = "A permanent archive of live blogs"
SITEURL = ""
# Feed ids and links must be absolute even in a development build; `make serve` serves here.
FEED_DOMAIN = "http://localhost:8000"

PATH = "content"
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
RELATIVE_URLS = True

# Day files are read by the daybook plugin, not as Pelican articles.
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["daybook.site"]
ARTICLE_PATHS: list[str] = []
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
DIRECT_TEMPLATES: list[str] = []
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""

# Pelican's own (per-article) feeds are off: daybook writes one item per update (feedgen).
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DAYBOOK = {
    "default_timeline": "russia-ukraine-war",
    "timelines": {
        "russia-ukraine-war": {
            "title": "Russia-Ukraine war",
            "timezone": "GMT",
            "start": "2022-02-24",
            "description": "Live updates on Russia's war in Ukraine, as reported by TRT World.",
        },
    },
    "feed_items": 50,
}
