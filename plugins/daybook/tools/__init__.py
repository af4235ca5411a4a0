"""Checks and site tools run by the CLI: reconcile, permalinks, feed checks, search index."""
