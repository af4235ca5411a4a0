"""`make bench-import`: dateparser, htmldate and trafilatura against the importer's own code,
on the real pages of tests/fixtures/real/.

    python bench/import_libraries.py

- Date lines: every short line of the text pages read by the importer's date-line rules and by
  dateparser (strict, the page's language). A date within two days of the page's updates
  counts as right, any other as wrong; time per line for each.
- Page dates of saved HTML: htmldate's find_date against the local date of the page's oldest
  update, beside the days the importer gave.
- Boilerplate: the importer's scores on the HTML pages when their text is taken by trafilatura
  instead of the importer's visible-text walk (both through the text rules), and by the
  importer's normal path (structured markup first).
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import dateparser
import htmldate
import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from daybook.cli import main  # noqa: E402
from daybook.importer.clock import match_stamp  # noqa: E402
from daybook.importer.dates import match_date_line  # noqa: E402
from daybook.importer.html import visible_lines  # noqa: E402
from daybook.importer.lines import clean_line  # noqa: E402
from tests.test_real_pages import score_page  # noqa: E402

REAL = ROOT / "tests" / "fixtures" / "real"


def pages() -> list[tuple[Path, dict]]:
    return [
        (next(p for p in (s.with_suffix(".txt"), s.with_suffix(".html")) if p.exists()),
         json.loads(s.read_text(encoding="utf-8")))
        for s in sorted(REAL.glob("*.json"))
    ]  # fmt: skip


def update_days(spec: dict) -> set[date]:
    tz = ZoneInfo(spec["zone"] or "UTC")
    return {datetime.fromisoformat(u["utc"]).astimezone(tz).date() for u in spec["updates"]}


def near(found: date, days: set[date]) -> bool:
    return any(abs((found - day).days) <= 2 for day in days)


def date_lines() -> None:
    """Short lines read as dates by the date-line rules and by dateparser, and where they differ."""
    seconds = {"daybook": 0.0, "dateparser": 0.0}
    lines, ours_only, stamps, wrong, both = 0, [], [], [], 0
    for path, spec in pages():
        if path.suffix != ".txt":
            continue
        days = update_days(spec)
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = clean_line(raw)
            if not line or len(line.split()) > 8:
                continue
            lines += 1
            start = time.perf_counter()
            ours = match_date_line(line)
            seconds["daybook"] += time.perf_counter() - start
            start = time.perf_counter()
            theirs = dateparser.parse(
                line,
                languages=[spec["language"]],
                settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
            )
            seconds["dateparser"] += time.perf_counter() - start
            if ours and theirs:
                both += 1
            elif ours:
                ours_only.append(line)
            elif theirs and match_stamp(line) and near(theirs.date(), days):
                stamps.append(line)
            elif theirs:
                wrong.append(f"{line!r} -> {theirs.date()}")
    print(f"date lines: {lines} short lines of the text pages")
    print(f"  both read {both}; only the date-line rules: {len(ours_only)} {ours_only}")
    print(
        f"  only dateparser: {len(stamps)} stamps the clock grammar already reads with their date,"
    )
    print(f"    and {len(wrong)} wrong (read against today's date): {wrong}")
    for name, total in seconds.items():
        print(f"  {name:10} {total * 1000:8.1f} ms in all, {total / lines * 1e6:7.1f} µs a line")


def import_report(path: Path, spec: dict, *extra: str) -> dict:
    out, err = io.StringIO(), io.StringIO()
    with (
        tempfile.TemporaryDirectory() as tmp,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        main(
            [
                "import",
                "--dry-run",
                "--json",
                "--no-archive",
                "--content",
                tmp,
                "--timeline",
                "bench-" + path.stem.replace("_", "-"),
                *spec["args"],
                *extra,
                str(path),
            ]
        )
    return json.loads(out.getvalue()) if out.getvalue().strip() else {}


def html_pages() -> None:
    totals = {"structured markup first": [0, 0], "visible text": [0, 0], "trafilatura text": [0, 0]}
    right_dates = [0, 0]
    html_list = [(p, s) for p, s in pages() if p.suffix == ".html"]
    for path, spec in html_list:
        html = path.read_text(encoding="utf-8")
        oldest = min(update_days(spec))
        found = htmldate.find_date(html, original_date=True, outputformat="%Y-%m-%d")
        ours = import_report(path, spec)
        our_days = sorted((ours.get("files") or [{}])[0].get("days", {}))
        right_dates[0] += found == oldest.isoformat()
        right_dates[1] += bool(our_days) and our_days[0] == oldest.isoformat()
        print(f"  {path.stem}: oldest update {oldest}; htmldate {found}; importer {our_days[:1]}")
        texts = {
            "visible text": visible_lines(html),
            "trafilatura text": trafilatura.extract(html, favor_recall=True, include_comments=False)
            or "",
        }
        sidecar = path.with_suffix(".json")
        score = score_page(sidecar, ours)
        totals["structured markup first"][0] += score.exact
        totals["structured markup first"][1] += score.expected + score.extra
        for name, text in texts.items():
            with tempfile.NamedTemporaryFile(
                "w", suffix=".txt", delete=False, encoding="utf-8"
            ) as handle:
                handle.write(text)
            score = score_page(sidecar, import_report(Path(handle.name), spec, "--format", "text"))
            Path(handle.name).unlink()
            totals[name][0] += score.exact
            totals[name][1] += score.expected + score.extra
    count = len(html_list)
    print(f"page dates: htmldate {right_dates[0]}/{count}, importer {right_dates[1]}/{count}")
    for name, (exact, total) in totals.items():
        print(f"  {name:24} {exact}/{total} updates exact")


if __name__ == "__main__":
    date_lines()
    html_pages()
