"""Plugin entry point: connects Daybook to Pelican's named signals, and nothing else."""

from __future__ import annotations

from pelican import signals
from pelican.log import console
from rich.console import ConsoleRenderable, RenderableType, RenderHook
from rich.text import Text

from .generator import DaybookGenerator


class _WithoutArticleCount(RenderHook):
    """Leaves out Pelican's closing line, which counts its own articles (always none here):
    `daybook finish` says what the build did instead."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [r for r in renderables if not _is_article_count(r)]


def _is_article_count(renderable: RenderableType) -> bool:
    return isinstance(renderable, Text) and renderable.plain.startswith("Done: Processed")


def _generators(_pelican: object) -> type[DaybookGenerator]:
    return DaybookGenerator


def register() -> None:
    """Called by Pelican when the plugin loads."""
    signals.get_generators.connect(_generators)
    console.push_render_hook(_WithoutArticleCount())
