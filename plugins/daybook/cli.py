"""The `daybook` command: `daybook import` turns saved live-blog pages into day files."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from contextlib import nullcontext
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .capture.options import capture_command
from .core.errors import DaybookError, SourceError
from .core.locking import content_lock
from .core.model import zone
from .core.settings import DaybookSettings, find_project
from .importer.source import FORMATS
from .tools.progress import Bars, terminal
from .tools.sitesize import DEFAULT_LIMIT_MB, MB, measure

if TYPE_CHECKING:
    from .importer.report import ImportReport
    from .importer.run import Importer

# Each command loads what it runs (the `noqa: PLC0415` imports below): `daybook finish` ends
# every `make html`, and loading the importer, capture and the validators with it made it take
# 0.28 s; it now takes 0.14 s.

MANY_PAGES = 5
"""An import of more pages than this is reported one line per page, with a progress bar."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 some file refused, 2 usage)."""
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="daybook: %(message)s")
    try:
        status: int = args.run(args)  # each command's set_defaults(run=...) returns its status
        return status
    except DaybookError as exc:
        print(f"daybook: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`daybook import … | head`): nothing more to say to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="daybook", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    _import_command(commands)
    capture_command(commands)
    _site_commands(commands)
    return parser


def _import_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`daybook import` and its options (docs/architecture.md, "The import command")."""
    imp = commands.add_parser("import", help="import saved live-blog pages (.txt or .html)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--timeline", help="timeline slug (default: DAYBOOK['default_timeline'])")
    imp.add_argument(
        "--tz",
        help="IANA zone of clock times printed without one, e.g. Europe/Kyiv (wins over a note "
        "on the page; needed when neither the page nor the timeline's settings name one)",
    )
    imp.add_argument(
        "--date",
        type=_iso_date,
        help="the day, when the page states none (YYYY-MM-DD); with a time (YYYY-MM-DDTHH:MM),"
        " also when the page was saved, for relative stamps such as '3h ago'",
    )
    imp.add_argument(
        "--order",
        choices=("auto", "newest-first", "oldest-first"),
        default="auto",
        help="the page's reading order (default: detected from its clock times)",
    )
    imp.add_argument("--no-archive", action="store_true", help="do not copy pages into the archive")
    imp.add_argument("--format", choices=FORMATS, default="auto", help="force text or html")
    imp.add_argument(
        "--max-size",
        type=float,
        default=20,
        metavar="MB",
        help="refuse pages larger than this (20 MB)",
    )
    imp.add_argument(
        "--dry-run", action="store_true", help="write nothing, report what would change"
    )
    imp.add_argument("--json", action="store_true", help="print the report as one JSON object")
    imp.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="every page's skipped lines, assumptions and warnings (and the --dry-run table) "
        f"even when more than {MANY_PAGES} pages are imported, which are otherwise one line each",
    )
    _project_arguments(imp)
    imp.set_defaults(run=_run_import)


def _site_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The commands that check or finish a built site."""
    check = commands.add_parser(
        "check-published",
        help="refuse a build that would drop published pages, anchors or feed ids",
    )
    check.add_argument(
        "published", type=Path, help="the site as published (e.g. gh-pages checked out)"
    )
    check.add_argument("built", type=Path, help="the new build")
    check.add_argument(
        "--allow-removals", action="store_true", help="report removals, do not refuse"
    )
    check.set_defaults(run=_run_check_published)
    rec = commands.add_parser(
        "check", help="every archived update is in content once, on its page and in the feeds"
    )
    rec.add_argument("--output", type=Path, help="built site (default: output/ of the project)")
    _project_arguments(rec)
    rec.set_defaults(run=_run_check)
    feeds = commands.add_parser(
        "check-feeds", help="validate every feed document under a built site"
    )
    feeds.add_argument("site", type=Path, help="the built site (output/)")
    feeds.add_argument("--atom-grammar", type=Path, help="RFC 4287 RELAX NG grammar (atom.rng)")
    feeds.set_defaults(run=_run_check_feeds)
    index = commands.add_parser(
        "search-index", help="build the Pagefind search index of a built site"
    )
    index.add_argument("site", type=Path, help="the built site (output/)")
    index.add_argument(
        "--cache", type=Path, help="cache folder: skip indexing when no page changed since"
    )
    index.set_defaults(run=_run_search_index)
    done = commands.add_parser(
        "finish", help="after a build: the search index, then one line saying what was built"
    )
    done.add_argument("site", type=Path, help="the built site (output/)")
    done.add_argument("--cache", type=Path, required=True, help="the build's cache folder")
    done.add_argument("--no-search", action="store_true", help="do not build the search index")
    done.set_defaults(run=_run_finish)
    size = commands.add_parser(
        "site-size", help="refuse a site larger than its host allows (GitHub Pages: 1 GB)"
    )
    size.add_argument("site", type=Path, help="the built site")
    size.add_argument("--limit-mb", type=int, default=DEFAULT_LIMIT_MB, help="the host's limit")
    size.set_defaults(run=_run_site_size)


def _project_arguments(parser: argparse.ArgumentParser) -> None:
    """Where the project's folders and settings are (defaults: found from the working folder)."""
    parser.add_argument("--content", type=Path, help="content folder (default: the project's)")
    parser.add_argument(
        "--archive", type=Path, help="saved pages (default: archive/ beside content)"
    )
    parser.add_argument(
        "--settings", type=Path, help="settings (default: the project's pelicanconf.py)"
    )


def _project(args: argparse.Namespace) -> tuple[DaybookSettings, Path]:
    """The settings and the content folder a command works on."""
    project = find_project(args.settings, args.content)
    return project.settings, project.content


def _iso_date(text: str) -> date | datetime:
    try:
        return (
            datetime.fromisoformat(text)
            if "T" in text or " " in text.strip()
            else date.fromisoformat(text)
        )
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"not a date in YYYY-MM-DD (or YYYY-MM-DDTHH:MM) form: {text!r}"
        ) from exc


def _run_import(args: argparse.Namespace) -> int:
    from .importer.run import Importer, ImportOptions  # noqa: PLC0415

    settings, content = _project(args)
    archive = None if args.no_archive else (args.archive or content.parent / "archive")
    timeline = settings.timeline(args.timeline)
    if args.tz:
        zone(args.tz)  # an unknown name is refused here, before any page is read
    options = ImportOptions(
        timeline=timeline,
        content_dir=content,
        archive_dir=archive,
        tz=args.tz,
        default_date=args.date.date() if isinstance(args.date, datetime) else args.date,
        reference=args.date if isinstance(args.date, datetime) else None,
        newest_first={"auto": None, "newest-first": True, "oldest-first": False}[args.order],
        recipe=_recipe(args),
        captured=datetime.now(UTC).replace(microsecond=0),
        max_bytes=int(args.max_size * 1024 * 1024),
        dry_run=args.dry_run,
        format=args.format,
    )
    report = _import_all(Importer(options), args)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_report(report, args)
    return 1 if report.errors else 0


def _import_all(importer: Importer, args: argparse.Namespace) -> ImportReport:
    """Every page in turn (a progress bar on a terminal when there are many), under the lock."""
    from .importer.report import ImportReport  # noqa: PLC0415

    report = ImportReport()
    # Refusals are printed above the bar as they come; the report waits for the end.
    bars = Bars(None if args.json else terminal(), MANY_PAGES, redirect=True)
    locked = nullcontext() if args.dry_run else content_lock(importer.options.content_dir)
    with locked, bars:
        done = bars.phase("importing pages", len(args.files))
        for count, path in enumerate(args.files, 1):
            try:
                report.files.append(importer.import_page(path))
            except SourceError as exc:
                report.errors.append(str(exc))
                print(f"daybook: {exc}", file=sys.stderr)
            done(count)
    return report


def _recipe(args: argparse.Namespace) -> tuple[tuple[str, str], ...]:
    """The options that change how a page reads, to import it again the same way."""
    given = {
        "tz": args.tz,
        "date": args.date.isoformat() if args.date else None,
        "order": None if args.order == "auto" else args.order,
        "format": None if args.format == "auto" else args.format,
    }
    return tuple((key, value) for key, value in given.items() if value)


def _run_check(args: argparse.Namespace) -> int:
    from .tools.reconcile import reconcile  # noqa: PLC0415

    project = find_project(args.settings, args.content)
    content = project.content
    result = reconcile(
        project.settings,
        args.archive or content.parent / "archive",
        content,
        args.output or project.root / "output",
    )
    print(result.summary())
    for problem in result.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1 if result.problems else 0


def _run_check_published(args: argparse.Namespace) -> int:
    from .tools.permalinks import collect, lost  # noqa: PLC0415

    for folder in (args.published, args.built):
        if not folder.is_dir():
            raise DaybookError(f"{folder}: no such folder")
    published, built = collect(args.published), collect(args.built)
    missing = lost(published, built)
    print(
        f"permalinks: {len(built.pages)} pages, {len(built.anchors)} update anchors, "
        f"{len(built.feed_ids)} feed ids in the new build; {len(missing)} published ones missing"
    )
    for line in missing:
        print(f"  missing {line}", file=sys.stderr)
    if missing and not args.allow_removals:
        print(
            "daybook: refusing to publish: the build drops what readers may link to "
            "(make publish ALLOW_REMOVALS=1 to remove it on purpose)",
            file=sys.stderr,
        )
        return 1
    return 0


def _run_search_index(args: argparse.Namespace) -> int:
    from .tools.search import build_index  # noqa: PLC0415

    indexed = build_index(args.site, args.cache)
    print(f"daybook: {args.site}: {indexed.summary()}")
    return 0


def _run_finish(args: argparse.Namespace) -> int:
    from .tools.finish import finish  # noqa: PLC0415

    if not args.site.is_dir():
        raise DaybookError(f"{args.site}: no such folder (build the site first)")
    finished = finish(args.site, args.cache, search=not args.no_search)
    print(finished.summary)
    for reason in finished.skipped:
        print(f"daybook: skipped {reason}", file=sys.stderr)
    if finished.skipped:
        print("daybook: the site lacks the day files above; fix them and build again",
              file=sys.stderr)  # fmt: skip
    return 1 if finished.skipped else 0


def _run_site_size(args: argparse.Namespace) -> int:
    if not args.site.is_dir():
        raise DaybookError(f"{args.site}: no such folder (build the site first)")
    size = measure(args.site)
    print(size.summary(args.limit_mb))
    if not size.over(args.limit_mb):
        return 0
    largest = ", ".join(f"{name} ({b / MB:.0f} MB, {f} files)" for name, b, f in size.parts[:5])
    print(
        f"daybook: refusing to publish: the site is over the {args.limit_mb} MB limit; "
        f"largest parts: {largest}. Publish a larger archive elsewhere (README, 'Publish')",
        file=sys.stderr,
    )
    return 1


def _run_check_feeds(args: argparse.Namespace) -> int:
    from .tools.feedcheck import AtomValidator, json_feed_problems, rss_problems  # noqa: PLC0415

    if not (args.site / "feeds").is_dir():
        raise DaybookError(f"{args.site}: no feeds/ folder (build the site first)")
    atom = AtomValidator(args.atom_grammar) if args.atom_grammar else None
    checks = [
        ("*.atom.xml", atom.problems if atom else None),
        ("*.rss.xml", rss_problems),
        ("*.json", json_feed_problems),
    ]
    documents = failures = 0
    for pattern, check in checks:
        for feed in sorted((args.site / "feeds").rglob(pattern)):
            documents += 1
            for problem in check(feed) if check else []:
                failures += 1
                print(f"  {feed}: {problem}", file=sys.stderr)
    grammar = "" if atom else " (Atom grammar not checked: no --atom-grammar)"
    print(f"feeds: {documents} documents, {failures} problems{grammar}")
    return 1 if failures else 0


def _print_report(report: ImportReport, args: argparse.Namespace) -> None:
    """Every detail of a few pages (or with --verbose); of many, a line each and a total."""
    from .importer.preview import condensed_line, summary_lines, total_line  # noqa: PLC0415

    many = len(args.files) > MANY_PAGES
    for file_report in report.files:
        if many and not args.verbose:
            print(condensed_line(file_report))
        else:
            for line in summary_lines(file_report, args.dry_run):
                print(line)
    if many:
        print(total_line(report, args.dry_run, args.verbose))


if __name__ == "__main__":
    sys.exit(main())
