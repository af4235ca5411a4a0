"""The Wayback Machine: list a page's captures through the CDX API and fetch their originals."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlencode

from .client import Fetched, FetchError, PoliteClient

_FIELDS = ("timestamp", "original", "statuscode", "digest")


@dataclass(frozen=True, slots=True)
class WaybackCapture:
    """One row of the CDX listing."""

    timestamp: str
    """14 digits, UTC: YYYYMMDDhhmmss."""
    original: str
    status: str
    digest: str

    @property
    def captured(self) -> datetime:
        """The capture's instant."""
        return datetime.strptime(self.timestamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def cdx_url(base: str, url: str, start: date | None = None, end: date | None = None) -> str:
    """The CDX query for every capture of *url* (narrowed to the dates given)."""
    query = {"url": url, "output": "json"}
    if start:
        query["from"] = start.strftime("%Y%m%d")
    if end:
        query["to"] = end.strftime("%Y%m%d")
    return f"{base.rstrip('/')}/cdx/search/cdx?{urlencode(query)}"


def original_url(base: str, capture: WaybackCapture, url: str) -> str:
    """The capture's page as the site sent it (`id_`: without the Wayback toolbar)."""
    return f"{base.rstrip('/')}/web/{capture.timestamp}id_/{capture.original or url}"


def parse_cdx(query: str, body: bytes) -> list[WaybackCapture]:
    """The rows of a CDX JSON answer (the first row is the header); FetchError if it is not."""
    try:
        rows = json.loads(body) if body.strip() else []
    except ValueError as exc:
        raise FetchError(query, f"the CDX answer is not JSON ({exc})") from exc
    if not rows:
        return []
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise FetchError(query, "the CDX answer is not a list of rows")
    header = [str(name) for name in rows[0]]
    missing = [name for name in _FIELDS if name not in header]
    if missing:
        raise FetchError(query, f"the CDX answer has no {', '.join(missing)} column")
    at = [header.index(name) for name in _FIELDS]
    captures = []
    for row in rows[1:]:
        if len(row) != len(header):
            raise FetchError(query, f"a CDX row has {len(row)} fields, the header {len(header)}")
        timestamp, original, status, digest = (str(row[i]) for i in at)
        if len(timestamp) != 14 or not timestamp.isdigit():
            raise FetchError(query, f"a CDX row has a bad timestamp: {timestamp!r}")
        captures.append(WaybackCapture(timestamp, original, status, digest))
    return captures


def select(
    captures: list[WaybackCapture], start: date | None = None, end: date | None = None
) -> list[WaybackCapture]:
    """Status 200 only, one per digest (the oldest), within the dates; oldest first."""
    seen: set[str] = set()
    chosen = []
    for capture in sorted(captures, key=lambda c: c.timestamp):
        day = capture.captured.date()
        if capture.status != "200" or (start and day < start) or (end and day > end):
            continue
        if capture.digest in seen:
            continue
        seen.add(capture.digest)
        chosen.append(capture)
    return chosen


def list_captures(
    client: PoliteClient, base: str, url: str, start: date | None, end: date | None
) -> list[WaybackCapture]:
    """The captures of *url* to import, oldest first."""
    query = cdx_url(base, url, start, end)
    return select(parse_cdx(query, client.fetch_data(query).body), start, end)


def fetch_capture(client: PoliteClient, base: str, capture: WaybackCapture, url: str) -> Fetched:
    """The page of one capture."""
    return client.fetch_page(original_url(base, capture, url))
