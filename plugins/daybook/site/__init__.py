"""Pelican adapters for Daybook: register the timeline generator (``PLUGINS = ["daybook.site"]``)."""

from .plugin import register

__all__ = ["register"]
