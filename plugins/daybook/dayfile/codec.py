"""Day files: read and write ``content/<timeline>/<YYYY>/<YYYY-MM-DD>.md`` (docs/architecture.md).

This is the only module that knows the format::

    Title: Russia-Ukraine war: Thursday, April 4, 2024
    Date: 2024-04-04
    Timeline: russia-ukraine-war
    Timezone: GMT

    {#1808 source="NATO"}
    ## 18:08 — NATO has no plans to deploy troops

    Body paragraphs in Markdown.

Each update is a level-2 heading carrying the local clock time and the headline, with its
anchor and flags on the attribute line above it (mdit-py-plugins' attrs_block syntax). The
instant is the file's date plus the clock time in its zone; an ``offset`` attribute is written
only where that is ambiguous (the repeated hour when clocks go back).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..core.errors import DayFileError, SettingsError
from ..core.mdtext import escape_inline, inline_text
from ..core.model import Day, Update, zone
from .instants import clock_text, instant, iso_utc, offset_if_ambiguous, read_updated

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

SEPARATOR = " — "
# Bump when reading a day file changes, so cached parses are thrown away.
FORMAT_VERSION = "daybook-dayfile-1"
ANCHOR_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_META_RE = re.compile(r"^([A-Z][A-Za-z]*):\s*(.*)$")
_CLOCK_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(?:\s+[—–-]\s*(.*))?$")
# Lines that may start or hide a heading in ways a line scan cannot follow.
_NEEDS_FULL_PARSE = re.compile(r"^(?: {1,3}#|\s*(?:`{3,}|~{3,}|<)| {0,3}(?:=+|-+)\s*$)")
# The attribute lines the codec writes: an anchor, flags, then double-quoted values holding
# none of the characters _quote_attr encodes. Anything else is left to markdown-it's parser.
_PLAIN_ATTRS_RE = re.compile(
    r"^\{#([A-Za-z0-9][A-Za-z0-9_-]*)((?: \.[A-Za-z][A-Za-z0-9_-]*)*)"
    r'((?: [a-z]+="[^"\\{}\n]*")*)\}$'
)
_PAIR_RE = re.compile(r' ([a-z]+)="([^"]*)"')
# Heading text with none of these is plain text to CommonMark's inline parser as well.
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]<&!#]")
# Attribute values are double-quoted; these few characters would end or break them.
_ATTR_UNSAFE = '%"{}\\\n\r'


class DayFileCodec:
    """Turns day-file text into a Day and back; holds one parser for many files.

    With *line_scan* (the default) plain files are read line by line and markdown-it-py only
    parses what a line scan cannot settle; ``line_scan=False`` parses every file whole (the
    reference the line scan is tested against).
    """

    def __init__(self, line_scan: bool = True) -> None:
        self._line_scan = line_scan
        self._parser: MarkdownIt | None = None

    @property
    def _md(self) -> MarkdownIt:
        # Built on first use: most builds read no file that needs it.
        if self._parser is None:
            from markdown_it import MarkdownIt  # noqa: PLC0415
            from mdit_py_plugins.attrs import attrs_block_plugin  # noqa: PLC0415

            self._parser = MarkdownIt("commonmark", {"html": False}).use(attrs_block_plugin)
        return self._parser

    # -- writing ---------------------------------------------------------------------------

    def dumps(self, day: Day) -> str:
        """The day file text for *day*: byte-stable, UTF-8 safe, ending in one newline."""
        lines = [f"Title: {day.title or default_title(day)}", f"Date: {day.date.isoformat()}"]
        lines += [f"Timeline: {day.timeline}", f"Timezone: {day.timezone}"]
        if day.summary:
            lines.append(f"Summary: {_one_line(day.summary)}")
        if day.tags:
            lines.append(f"Tags: {', '.join(day.tags)}")
        if day.sources:
            lines.append(f"Sources: {', '.join(day.sources)}")
        parts = ["\n".join(lines)]
        if day.intro.strip():
            parts.append(day.intro.strip("\n"))
        for update in sorted(day.updates, key=lambda u: u.published):
            parts.append(self._dump_update(day, update))
        return "\n\n".join(parts) + "\n"

    def _dump_update(self, day: Day, update: Update) -> str:
        if not ANCHOR_RE.match(update.anchor):
            raise ValueError(f"update at {update.published.isoformat()} has no valid anchor")
        local = day.local(update)
        if local.date() != day.date:
            raise ValueError(f"update at {local.isoformat()} does not belong to {day.date}")
        attrs = [f"#{update.anchor}"] + [f".{flag}" for flag in _flags(update)]
        for name, value in (
            ("source", update.source),
            ("author", update.author),
            ("tags", ", ".join(update.tags)),
            ("origin", update.origin),
            ("updated", iso_utc(update.updated)),
            ("digest", update.digest),
            ("offset", offset_if_ambiguous(local, day.timezone)),
        ):
            if value:
                attrs.append(f'{name}="{_quote_attr(value)}"')
        heading = f"## {clock_text(local)}"
        headline = _one_line(update.headline)
        if headline:
            heading += SEPARATOR + escape_inline(headline)
        text = "{" + " ".join(attrs) + "}\n" + heading
        body = update.body.strip("\n")
        return f"{text}\n\n{body}" if body.strip() else text

    # -- reading ---------------------------------------------------------------------------

    def loads(self, text: str, path: str = "<day file>", timeline: str | None = None) -> Day:
        """Parse day-file *text*; raise DayFileError naming *path* and the line on bad input."""
        # Only "\n" ends a line: splitlines() would also split on U+2028 inside a body.
        lines = text.replace("\r\n", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        meta, body_start = _read_metadata(lines, path)
        day_date = _meta_date(meta, path)
        tz_name = meta.get("timezone", "UTC")
        try:
            zone(tz_name)
        except SettingsError as exc:
            raise DayFileError(path, None, str(exc)) from exc
        timeline = meta.get("timeline") or timeline
        if not timeline:
            raise DayFileError(path, None, "no Timeline: line and no timeline folder")
        body_lines = lines[body_start:]
        sections = self._update_headings(body_lines)
        first = _section_start(body_lines, sections[0][0]) if sections else len(body_lines)
        day = Day(
            timeline=timeline,
            date=day_date,
            timezone=tz_name,
            updates=(),
            title=meta.get("title", ""),
            summary=meta.get("summary", ""),
            tags=_split_list(meta.get("tags", "")),
            sources=_split_list(meta.get("sources", "")),
            intro="\n".join(body_lines[:first]).strip("\n"),
        )
        updates = []
        for index, (line, attrs, heading_text) in enumerate(sections):
            end = (
                _section_start(body_lines, sections[index + 1][0])
                if index + 1 < len(sections)
                else len(body_lines)
            )
            body = "\n".join(body_lines[line + 1 : end]).strip("\n")
            where = (path, body_start + line + 1)
            updates.append(_load_update(day, attrs, heading_text, body, where))
        _check_unique_anchors(updates, path)
        updates.sort(key=lambda u: u.published)
        return replace(day, updates=tuple(updates))

    def _update_headings(self, lines: list[str]) -> list[tuple[int, dict[str, str], str]]:
        """(line, attributes, heading text) of each update heading, in file order.

        Parsing whole bodies only to find their headings was most of the cost of reading a
        day file, so plain files are scanned by line: the attribute lines and headings the
        codec writes are read by two regular expressions, and markdown-it-py parses only a
        heading with inline markup. Files with anything that could hide or fake a heading
        (code fences, raw HTML, indented or underlined headings) or with attribute lines
        written another way get the full parse.
        """
        if self._line_scan and not any(_NEEDS_FULL_PARSE.match(line) for line in lines):
            scanned = self._scan_headings(lines)
            if scanned is not None:
                return scanned
        tokens = self._md.parse("\n".join(lines))
        return [
            (line, _token_attrs(tokens[i]), inline_text(tokens[i + 1].children))
            for i, line in _update_headings(tokens)
        ]

    def _scan_headings(self, lines: list[str]) -> list[tuple[int, dict[str, str], str]] | None:
        """The headings by line scan, or None where only a full parse can tell."""
        found = []
        for number, line in enumerate(lines):
            if not line.startswith("##") or (len(line) > 2 and line[2] not in " \t"):
                continue
            attrs: dict[str, str] = {}
            above = number - 1
            if above >= 0 and _section_start(lines, number) == above:
                plain = _PLAIN_ATTRS_RE.match(lines[above])
                # An attribute line cannot interrupt a paragraph: it needs a blank line above.
                if plain is None or (above > 0 and lines[above - 1].strip()):
                    return None
                attrs = _plain_attrs(plain)
            if line.rstrip().endswith("#"):
                return None  # a closing sequence of #s: the full parse knows when it is one
            text = line[2:].strip()
            if _INLINE_MARKUP.search(text):
                text = inline_text(self._md.parseInline(text)[0].children)
            found.append((number, attrs, text))
        return found


def _plain_attrs(match: re.Match[str]) -> dict[str, str]:
    """The attributes of a line _PLAIN_ATTRS_RE matched, as the attrs plugin gives them."""
    anchor, classes, pairs = match.groups()
    attrs = {"id": anchor}
    names = classes.split(" .")[1:]
    for key, value in _PAIR_RE.findall(pairs):
        if key == "class":
            names.append(value)
        else:
            attrs[key] = value
    if names:
        attrs["class"] = " ".join(names)
    return attrs


def _token_attrs(heading: Token) -> dict[str, str]:
    return {k: str(v) for k, v in heading.attrs.items()}


def _load_update(
    day: Day, attrs: dict[str, str], heading_text: str, body: str, where: tuple[str, int]
) -> Update:
    anchor = attrs.get("id", "")
    heading_text = heading_text.strip()
    if not ANCHOR_RE.match(anchor):
        raise DayFileError(*where, "update heading has no {#anchor} line above it")
    match = _CLOCK_RE.match(heading_text)
    if not match:
        raise DayFileError(*where, f"heading must start with a clock time HH:MM: {heading_text!r}")
    hour, minute, second, fraction, headline = match.groups()
    try:
        clock = time(int(hour), int(minute), int(second or 0), int((fraction or "0").ljust(6, "0")))
    except ValueError as exc:
        raise DayFileError(*where, f"bad clock time in {heading_text!r}") from exc
    offset = _unquote_attr(attrs["offset"]) if "offset" in attrs else None
    published = instant(day, clock, offset, where)
    classes = attrs.get("class", "").split()
    return Update(
        published=published,
        headline=(headline or "").strip(),
        body=body,
        anchor=anchor,
        source=_unquote_attr(attrs["source"]) if "source" in attrs else None,
        author=_unquote_attr(attrs["author"]) if "author" in attrs else None,
        key="key" in classes,
        untimed="untimed" in classes,
        tags=_split_list(_unquote_attr(attrs.get("tags", ""))),
        origin=_unquote_attr(attrs["origin"]) if "origin" in attrs else None,
        digest=_unquote_attr(attrs["digest"]) if "digest" in attrs else None,
        updated=read_updated(attrs.get("updated"), where),
    )


def day_title(name: str, day: date) -> str:
    """A day file's title: "<timeline title>: Thursday, April 4, 2024"."""
    return f"{name}: {day:%A, %B} {day.day}, {day.year}"


def default_title(day: Day) -> str:
    """The title a day file gets when none is set: "<timeline>: Thursday, April 4, 2024"."""
    return day_title(day.timeline, day.date)


# -- helpers ---------------------------------------------------------------------------------


def _read_metadata(lines: list[str], path: str) -> tuple[dict[str, str], int]:
    meta: dict[str, str] = {}
    for number, line in enumerate(lines):
        if not line.strip():
            return meta, number + 1
        match = _META_RE.match(line)
        if not match:
            if not meta:
                raise DayFileError(path, number + 1, "expected metadata lines (Date: ...) first")
            return meta, number
        meta[match.group(1).lower()] = match.group(2).strip()
    return meta, len(lines)


def _meta_date(meta: dict[str, str], path: str) -> date:
    if "date" not in meta:
        raise DayFileError(path, None, "no Date: line")
    try:
        return date.fromisoformat(meta["date"][:10])
    except ValueError as exc:
        raise DayFileError(path, None, f"Date: {meta['date']!r} is not YYYY-MM-DD") from exc


def _update_headings(tokens: list[Token]) -> list[tuple[int, int]]:
    """(position in *tokens*, source line) of the level-2 headings that open updates."""
    return [
        (i, t.map[0])
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2" and t.level == 0 and t.map is not None
    ]


def _section_start(lines: list[str], heading_line: int) -> int:
    """The first line of an update: its attrs line when there is one above the heading."""
    above = heading_line - 1
    if above >= 0 and lines[above].strip().startswith("{") and lines[above].strip().endswith("}"):
        return above
    return heading_line


def _flags(update: Update) -> list[str]:
    return [name for name, on in (("key", update.key), ("untimed", update.untimed)) if on]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quote_attr(value: str) -> str:
    return "".join(f"%{ord(c):02X}" if c in _ATTR_UNSAFE else c for c in value)


def _unquote_attr(value: str) -> str:
    return unquote(value)


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(",") if item.strip())


def _check_unique_anchors(updates: list[Update], path: str) -> None:
    seen: set[str] = set()
    for update in updates:
        if update.anchor in seen:
            raise DayFileError(path, None, f"anchor #{update.anchor} is used twice")
        seen.add(update.anchor)
