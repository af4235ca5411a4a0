"""Page-level stamp decisions: which clock-like openings are the page's own stamps.

Most pages repeat one stamp shape per update ("[00.25 Uhr]", "• 18:28 (IST)", "1458 …").
A bare "22.25" or "1458" is only a stamp when its shape repeats down the page with
plausible times; a second clock of the same moment under a stamp ("4.31pm BST" then
"16:31") is the same stamp printed again; a one-off dated stamp above the updates is the
page's own time, not an update.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from . import noise
from .clock import Stamp
from .clockparts import PartialDate
from .lines import Line, classify, clean_line
from .paragraphs import is_title_like

PAGE_UPDATED = "page's own updated time (used for relative stamps)"
RELATIVE_BESIDE = "relative time (the absolute stamp beside it is used)"
UPDATED_NOTE = "'updated' note inside an update"
SAME_MOMENT = "the same time printed again under its stamp"
STAMP_DATE = "the date of the stamp above it"
FOOTER_STAMP = "byline and time closing an update that a stamp opened"
REPEATED_CHROME = "line repeated across the page (page furniture)"
CHROME_REPEATS, CHROME_WORDS = 3, 12
# A weak shape (bare "22.25", "1458") must repeat this often to count as the page's stamps.
WEAK_REPEATS = 3
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?\d{2,4}\b")
_US_SIGNS = re.compile(r"\b(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|a\.m\.|p\.m\.)(?!\w)")


def classify_lines(text: str) -> list[Line]:
    """Every non-blank line with its kind, page-level stamp decisions already made."""
    cleaned = [(n, clean_line(raw)) for n, raw in enumerate(text.split("\n"), start=1)]
    cleaned = [(n, line) for n, line in cleaned if line]
    day_first = numeric_dates_day_first([line for _, line in cleaned])
    lines = [classify(number, line, day_first) for number, line in cleaned]
    lines = _dates_under_stamps(_mark_repeated_chrome(_accept_weak_shapes(lines)))
    lines = _mark_captions_and_promos(lines)
    lines = _mark_page_own_time(_drop_sentence_stamps(lines))
    lines = _mark_page_updated(_mark_repeated_stamps(lines))
    return _put_stamps_first(_mark_redundant_relative(lines))


def numeric_dates_day_first(texts: list[str]) -> bool:
    """Whether the page writes numeric dates day first (20/09/2014) or month first (9/20/2014):
    told by a date whose numbers fit only one way, else by US clock habits (ET, p.m.)."""
    for text in texts:
        for match in _NUMERIC_DATE.finditer(text):
            first, second = int(match.group(1)), int(match.group(2))
            if first > 12 >= second:
                return True
            if second > 12 >= first:
                return False
    return not any(_US_SIGNS.search(text) for text in texts)


def _mark_repeated_chrome(lines: list[Line]) -> list[Line]:
    """A short line printed three times or more on one page ("Lok Sabha Election Results
    Latest Updates" above every post) is page furniture, not text of an update."""
    counts = Counter(line.text for line in lines if line.kind == "text")
    return [
        Line(line.number, line.text, "noise", reason=REPEATED_CHROME)
        if line.kind == "text"
        and counts[line.text] >= CHROME_REPEATS
        and len(line.text.split()) <= CHROME_WORDS
        else line
        for line in lines
    ]


def _mark_page_own_time(lines: list[Line]) -> list[Line]:
    """A dated stamp printed once, above the updates, in a shape the updates do not use
    ("11. März 2011, 08:48 Uhr" over "[00.25 Uhr]" stamps) is the page's own time."""
    stamps = [(line, line.stamp) for line in lines if line.kind == "stamp" and line.stamp]
    shapes = Counter(stamp.shape for _, stamp in stamps)
    if not shapes:
        return lines
    dominant, count = shapes.most_common(1)[0]
    if count < 2 or "|date|" in dominant:
        return lines
    first = next(line for line, stamp in stamps if stamp.shape == dominant)
    after_date = {b.number for a, b in pairwise(lines) if a.kind == "date"}
    own = {
        line.number
        for line, stamp in stamps
        if line.number < first.number
        and shapes[stamp.shape] == 1
        and ((stamp.date is not None and stamp.date.year) or line.number in after_date)
    }
    return [
        Line(line.number, line.text, "updated", line.stamp) if line.number in own else line
        for line in lines
    ]


def _mark_captions_and_promos(lines: list[Line]) -> list[Line]:
    """A short title-like line right above a photo credit ("Getty/Goal") is the photo's
    caption; the line right under a bare "Trending:" or "Related:" label is a promoted link."""
    marked = list(lines)
    for index, (line, after) in enumerate(pairwise(lines)):
        if line.kind == "text" and after.reason == noise.CREDIT_LINE and is_title_like(line.text):
            marked[index] = Line(line.number, line.text, "noise", reason=noise.PHOTO_CAPTION)
        promo = line.reason == noise.OTHER_DAY_LINK and line.text.rstrip().endswith(":")
        if promo and after.kind == "text" and is_title_like(after.text):
            marked[index + 1] = Line(after.number, after.text, "noise", reason=noise.OTHER_DAY_LINK)
    return marked


def _dates_under_stamps(lines: list[Line]) -> list[Line]:
    """A date line right under a bare clock ("18:28" then "4.4.2024") is that stamp's date,
    not a new day's header above the next updates."""
    marked = list(lines)
    for index, (line, after) in enumerate(pairwise(lines)):
        stamp = line.stamp
        if stamp is None or stamp.date or stamp.rest or after.kind != "date" or not after.dated:
            continue
        day = after.dated[0]
        dated = replace(stamp, date=PartialDate(day.year, day.month, day.day))
        marked[index] = Line(line.number, line.text, "stamp", dated)
        marked[index + 1] = Line(after.number, after.text, "noise", reason=STAMP_DATE)
    return marked


def _as_text(line: Line) -> Line:
    return Line(line.number, line.text, "text")


def _accept_weak_shapes(lines: list[Line]) -> list[Line]:
    """Bare "22.25"/"1458" openings are stamps only where their shape repeats with times
    that run one way down the page (a midnight crossing allowed)."""
    weak = [line.stamp for line in lines if line.stamp and line.stamp.weak]
    if not weak:
        return lines
    strong = {line.stamp.shape for line in lines if line.stamp and not line.stamp.weak}
    # "23.15" beside "23.00 h": the same clock, one with a suffix; lead and kind make a shape.
    bases = {_base(shape) for shape in strong}
    strong |= {stamp.shape for stamp in weak if _base(stamp.shape) in bases}
    shapes = Counter(stamp.shape for stamp in weak)
    needed = WEAK_REPEATS if strong else 2
    accepted = strong | {
        shape
        for shape, count in shapes.items()
        if count >= needed and _runs_one_way([s for s in weak if s.shape == shape])
    }
    return [
        _as_text(line)
        if line.stamp and line.stamp.weak and line.stamp.shape not in accepted
        else line
        for line in lines
    ]


def _base(shape: str) -> tuple[str, ...]:
    """A stamp shape's lead, label and clock kind (without its zone, date or suffix)."""
    return tuple(shape.split("|")[:3])


def _runs_one_way(stamps: list[Stamp]) -> bool:
    """True when most steps between these stamps' clocks go the same way."""
    minutes = [stamp.hour * 60 + stamp.minute for stamp in stamps]
    # A step of about twelve hours is a 12-hour clock's ambiguity ("12.00" then "23.52" on a
    # page that writes the hour after midnight as 12), not a direction: left out.
    steps = [b - a for a, b in pairwise(minutes) if a != b and not 660 <= abs(b - a) <= 780]
    forward = sum(1 for s in steps if 0 < s <= 720 or s < -720)
    backward = len(steps) - forward
    return not steps or max(forward, backward) * 4 >= len(steps) * 3


def _drop_sentence_stamps(lines: list[Line]) -> list[Line]:
    """A page that marks updates with punctuation after the time ("1808 GMT —", "7 p.m.:")
    does not also mark some with a bare space, so "7 p.m. curfew begins…" is text."""
    stamps = [line.stamp for line in lines if line.stamp]
    styles = Counter(s.separator in ("dash", "colon", "bar") for s in stamps)
    if styles[True] <= styles[False]:
        return lines
    return [
        _as_text(line)
        if line.stamp
        and line.stamp.separator == "space"
        and not line.stamp.zone
        and not _introduced(line.stamp)
        else line
        for line in lines
    ]


def _introduced(stamp: Stamp) -> bool:
    """A stamp with a lead or label ("Ore 23.23", "• 18:28", "Update 9:22") is meant as one."""
    lead, label = stamp.shape.split("|")[:2]
    return bool(lead or label)


def _mark_page_updated(lines: list[Line]) -> list[Line]:
    """Labelled stamps ("Updated 10:32 GMT, 2 March 2025") on a page whose updates are not
    labelled are notes, not updates: the first, above the updates, dates the page."""
    stamps = [(line, line.stamp) for line in lines if line.stamp]
    labelled = [line for line, stamp in stamps if stamp.labelled]
    if not labelled or len(labelled) * 2 >= len(stamps):
        return lines
    first_line, first_stamp = stamps[0]
    first = first_line if first_stamp.labelled else None
    return [
        Line(ln.number, ln.text, "updated", ln.stamp)
        if ln is first
        else Line(ln.number, ln.text, "noise", reason=UPDATED_NOTE)
        if ln in labelled
        else ln
        for ln in lines
    ]


def _mark_repeated_stamps(lines: list[Line]) -> list[Line]:
    """A stamp printed twice in a row (NYT copies), or a bare clock of the same moment under
    its stamp (the Guardian's "4.31pm BST" then "16:31"), starts one update, not two."""
    marked = list(lines)
    for index in range(1, len(lines)):
        line, before = lines[index], lines[index - 1]
        if line.kind != "stamp" or before.kind != "stamp":
            continue
        if line.text == before.text:
            marked[index] = Line(line.number, line.text, "noise", reason=noise.REPEATED_LINE)
        elif before.stamp and line.stamp and _same_moment(before.stamp, line.stamp):
            marked[index] = Line(line.number, line.text, "noise", reason=SAME_MOMENT)
    return marked


def _same_moment(first: Stamp, second: Stamp) -> bool:
    return (
        not first.rest
        and second.separator == "end"
        and second.zone is None
        and second.shape != first.shape
        and (first.hour, first.minute) == (second.hour, second.minute)
    )


def _put_stamps_first(lines: list[Line]) -> list[Line]:
    """Pages that print each stamp under its update (the Independent's "Name25 February 2022
    10:55") are reordered so every stamp opens its update, as on other pages."""
    stamps = [line.stamp for line in lines if line.stamp]
    if stamps and any(s.trailing for s in stamps) and not all(s.trailing for s in stamps):
        # Stamps open the updates and a byline with the time closes each too: the closing
        # one is the same moment printed again ("1522316372" … "Lizzy Buchan29 March 10:39").
        return [
            Line(ln.number, ln.text, "noise", ln.stamp, FOOTER_STAMP)
            if ln.stamp and ln.stamp.trailing else ln
            for ln in lines
        ]  # fmt: skip
    if not stamps or not all(s.trailing for s in stamps):
        return lines
    ordered: list[Line] = []
    pending: list[Line] = []
    for line in lines:
        if not line.stamp:
            pending.append(line)
            continue
        if not ordered:  # above the first update: keep the page's title and intro in front
            start = _last_headline(pending)
            ordered, pending = pending[:start], pending[start:]
        ordered += [line, *pending]
        pending = []
    return ordered + pending


def _last_headline(lines: list[Line]) -> int:
    texts = [i for i, line in enumerate(lines) if line.kind == "text"]
    heads = [i for i in texts if is_title_like(lines[i].text)]
    return heads[-1] if heads else (texts[0] if texts else len(lines))


def _mark_redundant_relative(lines: list[Line]) -> list[Line]:
    """ "5h ago" directly above "16:45": the absolute stamp counts, the relative one is noise."""
    marked = list(lines)
    for index, line in enumerate(lines[:-1]):
        after = lines[index + 1]
        bare_relative = line.stamp and line.stamp.relative and not line.stamp.rest
        if bare_relative and after.stamp and not after.stamp.relative:
            marked[index] = Line(line.number, line.text, "noise", reason=RELATIVE_BESIDE)
    return marked
