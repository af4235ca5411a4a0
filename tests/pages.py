"""Deterministic synthetic saved pages in the sample's text form (and as HTML), for the tests
and for `make bench` (bench/generate.py writes whole archives of them)."""

from __future__ import annotations

import random
from datetime import date

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
