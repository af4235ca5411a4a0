"""The day-file format: the only place that knows it (read, write, find day files)."""
