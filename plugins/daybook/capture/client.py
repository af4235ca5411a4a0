"""Fetch pages politely: robots.txt, a rate limit, retries with backoff, conditional requests."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..core.errors import DaybookError
from .schedule import Clock

logger = logging.getLogger(__name__)

USER_AGENT = "Daybook/1.0 (Daybook live-blog archiver)"
ROBOTS_AGENT = "Daybook"
HTML_TYPES = ("text/html", "application/xhtml+xml")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 300.0
# A robots.txt answered with a 4xx other than 429 is "unavailable": everything is allowed.
_ROBOTS_ANSWERS = frozenset({200, *range(400, 429), *range(430, 500)})


class FetchError(DaybookError):
    """A URL that could not be fetched or used; the message names it and the reason."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last capture's response said about its version, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """If-None-Match / If-Modified-Since, for those known."""
        given = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {name: value for name, value in given.items() if value}


@dataclass(frozen=True, slots=True)
class Fetched:
    """One response: 200 with its body, or 304 (not modified) with none."""

    url: str
    status: int
    body: bytes
    fetched_at: datetime
    content_type: str = ""
    validators: Validators = field(default_factory=Validators)

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional request."""
        return self.status == 304


@dataclass(frozen=True, slots=True)
class ClientOptions:
    """How polite and how patient the client is."""

    timeout: float = 30.0
    tries: int = 4
    backoff: float = 1.0
    """Seconds before the first retry; doubled for each one after."""
    interval: float = 1.0
    """Least seconds between two requests (the rate limit)."""


class PoliteClient:
    """An httpx client that honours robots.txt and a rate limit, and retries what can pass."""

    def __init__(
        self, clock: Clock, options: ClientOptions, transport: httpx.BaseTransport | None = None
    ) -> None:
        self._clock = clock
        self._options = options
        self._http = httpx.Client(
            headers={"User-Agent": USER_AGENT},
            timeout=options.timeout,
            follow_redirects=True,
            transport=transport,
        )
        self._robots: dict[str, RobotFileParser] = {}
        self._last_request: float | None = None

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch_page(self, url: str, validators: Validators | None = None) -> Fetched:
        """GET an HTML page (conditionally when *validators* are given); 200 or 304 only."""
        self.check_robots(url)
        fetched = self._get(url, validators.headers() if validators else {})
        if fetched.not_modified:
            return fetched
        if not _is_html(fetched):
            kind = fetched.content_type or "no Content-Type"
            raise FetchError(url, f"not an HTML page ({kind})")
        return fetched

    def fetch_data(self, url: str) -> Fetched:
        """GET anything (the CDX listing, a robots.txt) after the robots check; 200 only."""
        self.check_robots(url)
        return self._get(url, {})

    def check_robots(self, url: str) -> None:
        """Refuse a URL the site's robots.txt disallows for Daybook."""
        try:
            parts = urlsplit(url)
            httpx.URL(url, port=parts.port)
        except (ValueError, httpx.InvalidURL) as exc:
            raise FetchError(url, f"not a valid URL ({exc})") from exc
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(url, "not an http(s) URL")
        site = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        rules = self._robots.get(site) or self._load_robots(site, url)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, f"refused: {site}/robots.txt disallows it for {ROBOTS_AGENT}")

    def _load_robots(self, site: str, url: str) -> RobotFileParser:
        rules = RobotFileParser(f"{site}/robots.txt")
        try:
            answer = self._request(f"{site}/robots.txt", {}, accept=_ROBOTS_ANSWERS)
        except FetchError as exc:
            reason = f"{site}/robots.txt could not be read: {exc.reason}"
            raise FetchError(url, reason) from exc
        # A robots.txt that is unavailable (4xx) disallows nothing (RFC 9309): no rules.
        rules.parse(answer.text.splitlines() if answer.status_code == 200 else [])
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay and float(delay) > self._options.interval:
            logger.info("%s asks for %s s between requests", site, delay)
            self._options = _with_interval(self._options, float(delay))
        self._robots[site] = rules
        return rules

    def _get(self, url: str, headers: dict[str, str]) -> Fetched:
        answer = self._request(url, headers, accept=frozenset({200, 304}))
        return Fetched(
            url=url,
            status=answer.status_code,
            body=b"" if answer.status_code == 304 else answer.content,
            fetched_at=self._clock.now(),
            content_type=answer.headers.get("content-type", ""),
            validators=Validators(answer.headers.get("etag"), answer.headers.get("last-modified")),
        )

    def _request(self, url: str, headers: dict[str, str], accept: frozenset[int]) -> httpx.Response:
        """GET with retries on timeouts, connection errors, 429 and 5xx; other codes refused."""
        tries = self._options.tries
        for attempt in range(1, tries + 1):
            self._wait_turn()
            try:
                answer = self._http.get(url, headers=headers)
            except httpx.HTTPError as exc:
                reason = _describe(exc)
                wait = None
            else:
                if answer.status_code in accept:
                    return answer
                reason = f"HTTP {answer.status_code} {answer.reason_phrase}".rstrip()
                if answer.status_code not in _RETRY_STATUS:
                    raise FetchError(url, reason)
                wait = _retry_after(answer)
            if attempt == tries:
                raise FetchError(url, f"{reason} (gave up after {tries} tries)")
            pause = max(wait or 0.0, self._options.backoff * 2 ** (attempt - 1))
            logger.info("%s: %s; trying again in %.1f s", url, reason, pause)
            self._clock.sleep(pause)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_turn(self) -> None:
        """Keep the least interval between two requests."""
        now = self._clock.monotonic()
        if self._last_request is not None:
            self._clock.sleep(self._last_request + self._options.interval - now)
        self._last_request = self._clock.monotonic()


def _with_interval(options: ClientOptions, interval: float) -> ClientOptions:
    return ClientOptions(options.timeout, options.tries, options.backoff, interval)


def _is_html(fetched: Fetched) -> bool:
    kind = fetched.content_type.split(";", 1)[0].strip().lower()
    if kind:
        return kind in HTML_TYPES
    start = fetched.body[:1024].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html"))


def _retry_after(answer: httpx.Response) -> float | None:
    value = answer.headers.get("retry-after", "")
    return min(float(value), _MAX_RETRY_AFTER) if value.isdigit() else None


def _describe(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({exc})" if str(exc) else "cannot connect"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
