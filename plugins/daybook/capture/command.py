"""The `daybook capture` command run: one line (or one JSON object) of output per capture.

Its options are in capture/options.py."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from ..core.errors import SourceError
from ..core.model import utc_text, zone
from ..core.settings import find_project
from .client import ClientOptions, FetchError, PoliteClient
from .run import (
    ARCHIVED,
    NOT_MODIFIED,
    SAME_PAGE,
    CaptureRun,
    LiveFollower,
    Outcome,
    Target,
    WaybackPuller,
)
from .schedule import (
    Clock,
    Schedule,
    ScheduleError,
    SystemClock,
    make_schedule,
    parse_duration,
    parse_rate,
)

DEFAULT_IDLE = timedelta(hours=6)
_QUIET_NOTES = (NOT_MODIFIED, SAME_PAGE, ARCHIVED)
_LIVE_ONLY = ("every", "span", "until", "max", "idle")
_WAYBACK_ONLY = ("start", "end")


def run_capture(args: argparse.Namespace, clock: Clock | None = None) -> int:
    """Run `daybook capture`; 0 when every capture was fetched or unchanged, 1 otherwise."""
    clock = clock or SystemClock()
    _check_mode(args)
    target = _target(args)
    options = ClientOptions(timeout=args.timeout, interval=_option(parse_rate, args, "rate"))
    printer = _Printer(args)
    try:
        with PoliteClient(clock, options) as client:
            run = CaptureRun(target, client)
            printer.emit(run.resume())
            if args.wayback:
                _pull(WaybackPuller(run, args.url, args.wayback_base), args, printer)
            else:
                _follow(LiveFollower(run, args.url), args, clock, printer)
    except (FetchError, SourceError) as exc:
        printer.error(str(exc))
    except KeyboardInterrupt:
        printer.error("interrupted; run the same command again to carry on")
        printer.finish()
        return 130
    return printer.finish()


def _check_mode(args: argparse.Namespace) -> None:
    wrong = _WAYBACK_ONLY if not args.wayback else _LIVE_ONLY
    given = [name for name in wrong if getattr(args, name) is not None]
    if given:
        flag = {"span": "for", "start": "from", "end": "to"}.get(given[0], given[0])
        mode = "--wayback" if flag in ("from", "to") else "live capture (not with --wayback)"
        raise ScheduleError(f"--{flag} is for {mode}")


def _target(args: argparse.Namespace) -> Target:
    project = find_project(args.settings, args.content)
    settings, content = project.settings, project.content
    if args.tz:
        zone(args.tz)  # an unknown name is refused before anything is fetched
    return Target(
        timeline=settings.timeline(args.timeline),
        content=content,
        archive=args.archive or content.parent / "archive",
        tz=args.tz,
        dry_run=args.dry_run,
    )


def _option(parse: Any, args: argparse.Namespace, name: str) -> Any:
    """An option parsed with *parse*; its error names the option."""
    value = getattr(args, name)
    if value is None:
        return None
    try:
        return parse(value)
    except ScheduleError as exc:
        raise ScheduleError(f"--{name.replace('span', 'for')}: {exc}") from None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ScheduleError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _instant(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ScheduleError(f"not a time in ISO form: {text!r}") from None
    if moment.tzinfo is None:
        raise ScheduleError(f"{text!r} has no zone (e.g. 2024-04-05T06:00Z)")
    return moment


def _follow(
    follower: LiveFollower, args: argparse.Namespace, clock: Clock, printer: _Printer
) -> None:
    every = _option(parse_duration, args, "every")
    idle = _option(parse_duration, args, "idle")
    wanted = Schedule(
        every=every,
        until=_option(_instant, args, "until"),
        max_captures=args.max,
        idle=idle if idle or not every else DEFAULT_IDLE,
    )
    schedule = make_schedule(clock, wanted, _option(parse_duration, args, "span"))
    for outcome in follower.follow(schedule, clock):
        printer.emit([outcome])


def _pull(puller: WaybackPuller, args: argparse.Namespace, printer: _Printer) -> None:
    plan = puller.plan(_option(_day, args, "start"), _option(_day, args, "end"))
    printer.skipped = plan.done
    if plan.done and not args.json:
        print(f"{plan.done} captures already in the archive, not fetched again")  # noqa: T201
    with _progress(len(plan.todo), args.json) as advance:
        for item in plan.todo:
            printer.emit([puller.pull(item)])
            advance()


def _progress(total: int, quiet: bool) -> AbstractContextManager[Any]:
    """A progress bar on stderr when it is a terminal; else a context giving a no-op."""
    if quiet or total < 2 or not sys.stderr.isatty():
        return nullcontext(lambda: None)
    return _RichBar(total)


class _RichBar:
    def __init__(self, total: int) -> None:
        from rich.console import Console  # noqa: PLC0415 (only for a terminal)
        from rich.progress import Progress  # noqa: PLC0415

        # Lines for a terminal are printed above the bar; lines for a pipe go to the pipe.
        self._bar = Progress(
            console=Console(stderr=True),
            transient=True,
            redirect_stdout=sys.stdout.isatty(),
            redirect_stderr=True,
        )
        self._task = self._bar.add_task("Wayback captures", total=total)

    def __enter__(self) -> Any:
        self._bar.start()
        return lambda: self._bar.advance(self._task)

    def __exit__(self, *exc: object) -> None:
        self._bar.stop()


class _Printer:
    """One line per capture as it comes (or one JSON object at the end); errors on stderr."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.outcomes: list[Outcome] = []
        self.errors: list[str] = []
        self.skipped = 0

    def emit(self, outcomes: Iterable[Outcome]) -> None:
        for outcome in outcomes:
            self.outcomes.append(outcome)
            if outcome.error:
                self.error(outcome.error)
            elif not self.args.json:
                print(line(outcome), flush=True)  # noqa: T201

    def error(self, message: str) -> None:
        self.errors.append(message)
        print(f"daybook: {message}", file=sys.stderr, flush=True)  # noqa: T201

    def finish(self) -> int:
        if self.args.json:
            print(json.dumps(self.to_json(), ensure_ascii=False, indent=2))  # noqa: T201
        return 1 if self.errors else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.args.url,
            "mode": "wayback" if self.args.wayback else "live",
            "dry_run": self.args.dry_run,
            "captures": [_capture_json(o) for o in self.outcomes],
            "already_archived": self.skipped,
            "errors": self.errors,
        }


def line(outcome: Outcome) -> str:
    """`<UTC time> <status> <counts or note>`, and where the page was archived."""
    when = utc_text(outcome.captured)
    if outcome.note in _QUIET_NOTES:
        return f"{when} {outcome.status} {outcome.note}"
    counts = f"{outcome.new} new, {outcome.changed} changed, {outcome.unchanged} unchanged"
    extra = f" ({outcome.note})" if outcome.note else ""
    where = f" -> {_shown(outcome.archived)}" if outcome.archived else ""
    return f"{when} {outcome.status} {counts}{extra}{where}"


def _shown(path: str) -> str:
    """*path* relative to the working folder when it is under it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path


def _capture_json(outcome: Outcome) -> dict[str, Any]:
    return {
        "captured": utc_text(outcome.captured),
        "status": outcome.status,
        "new": outcome.new,
        "changed": outcome.changed,
        "unchanged": outcome.unchanged,
        "not_modified": outcome.note == NOT_MODIFIED,
        "note": outcome.note or None,
        "archived": _shown(outcome.archived) if outcome.archived else None,
        "error": outcome.error,
    }
