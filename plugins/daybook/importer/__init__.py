"""The importer: saved live-blog pages in, updates and day files out (no Pelican imports)."""
