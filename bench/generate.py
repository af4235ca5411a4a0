"""Deterministic synthetic live-blog archives: saved pages in the seed's text form (and HTML).

    python bench/generate.py OUT_DIR --days 100 --updates 25 [--html] [--seed 1]

Each page is one day, newest first, "HHMM GMT — Headline" stamps, about 1.6 KB of text per
update (25 updates is about 40 KB a day), with the seed's page noise around it.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

FILLER = (
    "ministers talks ceasefire city council drone strike power grid repair crews border crossing "
    "aid convoy harbour port officials report overnight shelling residents shelters evacuation "
    "rail line bridge reopened negotiators agreement summit delegation statement spokesperson "
    "regional governor casualties hospital supplies energy plant inspectors water reservoir"
)
WORDS = FILLER.split(" ")


def sentence(rng: random.Random, words: int) -> str:
    """One sentence of plausible filler."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def day_page(day: date, updates: int, rng: random.Random) -> str:
    """A saved day page in the seed's text form."""
    minutes = sorted(rng.sample(range(24 * 60), updates), reverse=True)
    lines = [
        f"Live blog: {sentence(rng, 8)[:-1]}",
        "",
        f"{sentence(rng, 14)}",
        "",
        f"{day:%A, %B} {day.day}, {day.year}",
        "",
    ]
    for index, minute in enumerate(minutes):
        lines += [f"{minute // 60:02d}{minute % 60:02d} GMT — {sentence(rng, 9)[:-1]}", ""]
        for _ in range(4):
            lines += [" ".join(sentence(rng, rng.randint(10, 18)) for _ in range(3)), ""]
        if index % 7 == 3:
            lines += ["Loading...", ""]
    lines += ["For our live updates from yesterday, click here.", "", "Route 6"]
    return "\n".join(lines) + "\n"


def html_page(text: str) -> str:
    """The same day wrapped as a saved HTML page (visible text only, as many saves are)."""
    body = "\n".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    head = "<head><meta charset='utf-8'><title>Live</title></head>"
    return f"<!doctype html><html>{head}<body>{body}</body></html>\n"


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
