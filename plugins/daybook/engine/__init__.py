"""Incremental builds: which day files changed, what the site holds, which files to write.

Pure logic: nothing here imports Pelican. ``daybook.site`` hands it Pelican's settings and
writer.
"""
