"""Deterministic synthetic live-blog archives: saved pages in the seed's text form (and HTML).

    python bench/generate.py OUT_DIR --days 100 --updates 25 [--html] [--seed 1]

Each page is one day, newest first, "HHMM GMT — Headline" stamps, about 1.6 KB of text per
update (25 updates is about 40 KB a day), with the seed's page noise around it.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.pages import day_page, html_page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--days", type=int, default=100)
    parser.add_argument("--updates", type=int, default=25)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2022, 2, 24))
    parser.add_argument(
        "--html", action="store_true", help="write saved HTML pages instead of text"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for offset in range(args.days):
        day = args.start + timedelta(days=offset)
        text = day_page(day, args.updates, rng)
        name = f"{day.isoformat()}.{'html' if args.html else 'txt'}"
        (args.out / name).write_text(html_page(text) if args.html else text, encoding="utf-8")


if __name__ == "__main__":
    main()
