"""Pelican settings for the published site (`make publish`): absolute URLs everywhere."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# Set DAYBOOK_SITEURL to where the site is served, e.g. https://<user>.github.io/<repo>
SITEURL = os.environ.get("DAYBOOK_SITEURL", "https://example.github.io/daybook").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# A custom domain for GitHub Pages (written to output/CNAME), e.g. DAYBOOK_CNAME=archive.example.org
CNAME = os.environ.get("DAYBOOK_CNAME", "")
