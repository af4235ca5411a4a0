"""Which layout a page is in (stamped updates, or none), and the page-level facts around it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from .templates import PAGE_UPDATED, classify_lines
from .text import PAGE_TITLE, STAND_FIRST, ParsedPage, parse_lines
from .untimed import date_in_text, split_untimed
from .zones import page_zone_statement


def parse_page(text: str) -> ParsedPage:
    """Drafts, dates and skipped lines of a page, whatever its layout."""
    lines = classify_lines(text)
    if any(line.kind == "stamp" for line in lines):
        page = parse_lines(lines)
        preamble = [(s.line, s.text) for s in page.skipped if s.reason in (PAGE_TITLE, STAND_FIRST)]
        found = _first_date(preamble) or _stamp_date(page)
        weak = found is None
        found = found or _first_date([(ln.number, ln.text) for ln in lines if ln.kind == "text"])
        return replace(
            page,
            page_date=found[0] if found else None,
            page_date_line=found[1] if found else None,
            page_date_weak=weak and found is not None,
        )
    drafts, blocks, block_lines, skipped, preamble_date = split_untimed(lines)
    zones = [(line, page_zone_statement(line.text)) for line in lines if line.kind == "zone"]
    title = next((s.text for s in skipped if s.reason == PAGE_TITLE), "")
    found = preamble_date or _first_date([(ln.number, ln.text) for ln in lines if "/" in ln.text])
    return ParsedPage(
        title=title,
        drafts=tuple(drafts),
        block_dates=tuple(blocks),
        skipped=tuple(sorted(skipped, key=lambda s: s.line)),
        warnings=(),
        page_zone=zones[-1][1] if zones else None,
        page_date=found[0] if found else None,
        zone_note=(zones[-1][0].number, zones[-1][0].text) if zones else None,
        block_lines=tuple(block_lines),
        page_date_line=found[1] if found else None,
    )


def _stamp_date(page: ParsedPage) -> tuple[date, tuple[int, str]] | None:
    """The date of the page's own timestamp ("Updated …, 2 March 2025"), when it has a year."""
    stamp = page.reference
    if stamp is None or stamp.date is None or stamp.date.year is None:
        return None
    try:
        day = date(stamp.date.year, stamp.date.month, stamp.date.day)
    except ValueError:
        return None
    line = next((s.line, s.text) for s in page.skipped if s.reason == PAGE_UPDATED)
    return day, line


def _first_date(lines: list[tuple[int, str]]) -> tuple[date, tuple[int, str]] | None:
    """The first date stated inside one of *lines*, with the line it came from."""
    for number, text in lines:
        found = date_in_text(text)
        if found is not None:
            return found, (number, text)
    return None
