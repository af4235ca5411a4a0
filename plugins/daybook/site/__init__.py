"""Pelican adapters for Daybook; enable with ``PLUGINS = ["daybook.site"]``."""

from .plugin import register

__all__ = ["register"]
