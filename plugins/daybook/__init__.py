"""Daybook: turn saved live-blog pages into a permanent static archive.

The package splits into pure logic (model, day files, importer, feeds), which imports
nothing from Pelican, and the thin Pelican adapters under ``daybook.site``.
"""

__version__ = "0.1.0"
