"""Daybook test suite."""
