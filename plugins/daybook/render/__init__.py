"""Rendering: Markdown, sanitizing, template views, structured data and feeds."""
