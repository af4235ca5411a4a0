"""The `daybook capture` command's options: loaded with every `daybook` command, so its runner
(httpx, the importer) is loaded only when it runs."""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_BASE = "https://web.archive.org"
"""Where the Wayback Machine answers (its CDX API and its captures)."""


def capture_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `daybook capture` and its options."""
    cap = commands.add_parser(
        "capture", help="capture a live blog over HTTP, or recover it from the Wayback Machine"
    )
    cap.add_argument("url", metavar="URL", help="the live blog's address")
    cap.add_argument("--timeline", help="timeline slug (default: DAYBOOK['default_timeline'])")
    cap.add_argument("--tz", help="IANA zone of clock times printed without one")
    live = cap.add_argument_group("live capture")
    live.add_argument("--every", metavar="DURATION", help="capture again this often (10m)")
    live.add_argument("--for", dest="span", metavar="DURATION", help="keep capturing this long")
    live.add_argument("--until", metavar="ISO", help="keep capturing until then (with a zone)")
    live.add_argument("--max", type=int, metavar="N", help="stop after N captures")
    live.add_argument(
        "--idle", metavar="DURATION", help="stop when the page has not changed this long (6h)"
    )
    back = cap.add_argument_group("Wayback recovery")
    back.add_argument(
        "--wayback", action="store_true", help="import the Wayback Machine's captures"
    )
    back.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="captures from this day")
    back.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="captures up to this day")
    back.add_argument("--wayback-base", default=DEFAULT_BASE, metavar="URL", help=DEFAULT_BASE)
    cap.add_argument("--rate", default="1/s", help="at most this many requests (1/s, 30/m)")
    cap.add_argument("--timeout", type=float, default=30.0, metavar="S", help="per request (30)")
    cap.add_argument("--content", type=Path, help="content folder (default: the project's)")
    cap.add_argument("--archive", type=Path, help="saved pages (default: archive/ beside content)")
    cap.add_argument(
        "--settings", type=Path, help="settings (default: the project's pelicanconf.py)"
    )
    cap.add_argument("--dry-run", action="store_true", help="fetch and report, write nothing")
    cap.add_argument("--json", action="store_true", help="print one JSON object at the end")
    cap.set_defaults(run=_run_capture)


def _run_capture(args: argparse.Namespace) -> int:
    from .command import run_capture  # noqa: PLC0415 -- loaded only for `daybook capture`

    return run_capture(args)
