"""Which layout a page is in (stamped updates, or none), and the page-level facts around it."""

from __future__ import annotations

from dataclasses import replace

from .text import PAGE_TITLE, STAND_FIRST, ParsedPage, classify_lines, parse_lines
from .untimed import date_in_text, split_untimed
from .zones import page_zone_statement


def parse_page(text: str) -> ParsedPage:
    """Drafts, dates and skipped lines of a page, whatever its layout."""
    lines = classify_lines(text)
    if any(line.kind == "stamp" for line in lines):
        page = parse_lines(lines)
        preamble = [s.text for s in page.skipped if s.reason in (PAGE_TITLE, STAND_FIRST)]
        return replace(page, page_date=_first_date(preamble))
    drafts, blocks, skipped, preamble_date = split_untimed(lines)
    zones = [page_zone_statement(line.text) for line in lines if line.kind == "zone"]
    title = next((s.text for s in skipped if s.reason == PAGE_TITLE), "")
    return ParsedPage(
        title=title,
        drafts=tuple(drafts),
        block_dates=tuple(blocks),
        skipped=tuple(sorted(skipped, key=lambda s: s.line)),
        warnings=(),
        page_zone=zones[-1] if zones else None,
        page_date=preamble_date or _first_date([line.text for line in lines if "/" in line.text]),
    )


def _first_date(texts: list[str]):
    for text in texts:
        found = date_in_text(text)
        if found is not None:
            return found
    return None
