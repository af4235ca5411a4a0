"""Plugin entry point: connects Daybook to Pelican's named signals, and nothing else."""

from __future__ import annotations

from pelican import signals

from .generator import DaybookGenerator


def _generators(_pelican: object) -> type[DaybookGenerator]:
    return DaybookGenerator


def register() -> None:
    """Called by Pelican when the plugin loads."""
    signals.get_generators.connect(_generators)
