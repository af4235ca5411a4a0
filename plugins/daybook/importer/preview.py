"""The import report as text: a summary line per page, and for a dry run the table a
maintainer checks in seconds (local time, UTC, day, headline, flags), then what was skipped
and every assumption. An import of many pages is condensed to one line per page, counting
those details, and a total."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sized
from datetime import UTC

from ..core.model import zone
from .report import FileReport, ImportedUpdate, ImportReport

_HEADLINE_WIDTH = 56
WARNINGS_HINT = "see --verbose"


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


def condensed_line(report: FileReport) -> str:
    """One line of one page: updates, days, statuses, and how many details --verbose shows."""
    days = sorted(report.per_day())
    span = f", {days[0]} to {days[-1]}" if len(days) > 1 else "".join(f", {d}" for d in days)
    return (
        f"{report.path}: {_count(len(report.updates), 'update')} on {_count(len(days), 'day')}"
        f"{span}{_statuses(report.per_status())}; "
        + _details(report.skipped, report.assumptions, report.warnings)
    )


def total_line(report: ImportReport, dry_run: bool, verbose: bool = False) -> str:
    """The run in one line: pages, updates, days, statuses, details, day files written."""
    files = report.files
    updates = [u for f in files for u in f.updates]
    days = len({(u.timeline, u.day) for u in updates})
    line = (
        f"total: {_count(len(files), 'page')}, {_count(len(updates), 'update')} on "
        f"{_count(days, 'day')}{_statuses(Counter(u.status for u in updates))}; "
        + _details(
            [s for f in files for s in f.skipped],
            [a for f in files for a in f.assumptions],
            [w for f in files for w in f.warnings],
            hint=not verbose,
        )
    )
    if report.errors:
        line += f"; {_count(len(report.errors), 'page')} refused"
    written = _count(sum(len(f.written) for f in files), "day file")
    return line + ("; dry run: nothing written" if dry_run else f"; wrote {written}")


def _statuses(counts: Mapping[str, int]) -> str:
    listed = ", ".join(f"{count} {status}" for status, count in sorted(counts.items()))
    return f" ({listed})" if listed else ""


def _details(skipped: Sized, assumptions: Sized, warnings: Sized, hint: bool = True) -> str:
    """What --verbose lists, counted; warnings last, with a pointer to them (if *hint*)."""
    return (
        f"{_count(len(skipped), 'skipped line')}, {_count(len(assumptions), 'assumption')}, "
        f"{_count(len(warnings), 'warning')}"
        + (f" ({WARNINGS_HINT})" if hint and len(warnings) else "")
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


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
