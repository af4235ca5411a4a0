"""The import report as text: a summary line per page, and for a dry run the table a
maintainer checks in seconds (local time, UTC, day, headline, flags), then what was skipped
and every assumption."""

from __future__ import annotations

from datetime import UTC

from ..core.model import zone
from .report import FileReport, ImportedUpdate

_HEADLINE_WIDTH = 56


def summary_lines(report: FileReport, dry_run: bool) -> list[str]:
    """What the text report says of one page."""
    days = ", ".join(f"{day}: {count}" for day, count in report.per_day().items())
    statuses = ", ".join(
        f"{count} {status}" for status, count in sorted(report.per_status().items())
    )
    order = "newest first" if report.newest_first else "oldest first"
    lines = [f"{report.path}: {len(report.updates)} updates ({days}); {statuses}; read {order}"]
    if dry_run:
        lines += table_lines(report)
    lines += [f"  skipped line {s.line} ({s.reason}): {s.text[:80]}" for s in report.skipped]
    lines += [f"  assumed {a.describe()}" for a in report.assumptions]
    lines += [f"  warning: {w}" for w in report.warnings]
    lines += [f"  wrote {path}" for path in report.written]
    if dry_run:
        lines.append("  (dry run: nothing written)")
    return lines


def table_lines(report: FileReport) -> list[str]:
    """One row per update, oldest first: local time, UTC, day, headline, flags."""
    rows = [("local time", "UTC", "day", "headline (or first words)", "flags")]
    rows += [_row(item, report.day_zone) for item in report.updates]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return [
        "  "
        + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        + "  "
        + row[4]
        for row in rows
    ]


def _row(item: ImportedUpdate, day_zone: str) -> tuple[str, str, str, str, str]:
    update = item.update
    local = update.published.astimezone(zone(day_zone))
    utc = update.published.astimezone(UTC)
    seconds = local.second != 0
    clock = "%H:%M:%S" if seconds else "%H:%M"
    text = update.headline or " ".join(update.body.split()[:12])
    if len(text) > _HEADLINE_WIDTH:
        text = text[: _HEADLINE_WIDTH - 1] + "…"
    flags = [item.status]
    flags += [name for name, on in (("key", update.key), ("untimed", update.untimed)) if on]
    if not update.headline:
        flags.append("no headline")
    if update.author:
        flags.append(f"by {update.author}")
    if update.source:
        flags.append(f"source {update.source}")
    return (
        local.strftime(f"%Y-%m-%d {clock} ") + (local.tzname() or day_zone),
        utc.strftime(f"%Y-%m-%d {clock}Z"),
        item.day,
        text,
        ", ".join(flags),
    )
