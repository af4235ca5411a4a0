"""`daybook capture`: live capture, Wayback recovery, kills and re-runs, refusals.

Everything runs against a scripted HTTP server on 127.0.0.1 (no network). In-process runs get
a fake clock, so `--every 10m` and retry backoff do not wait.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from daybook import cli
from daybook.capture import command
from daybook.capture.schedule import (
    Schedule,
    ScheduleError,
    capture_times,
    make_schedule,
    parse_duration,
    parse_rate,
)
from daybook.capture.store import CaptureStore, Staged
from daybook.capture.wayback import WaybackCapture, select
from daybook.dayfile.codec import DayFileCodec

SETTINGS = 'DAYBOOK = {"timelines": {"test-blog": {"title": "Test blog", "timezone": "UTC"}}}\n'
DAY = "content/test-blog/2024/2024-04-04.md"


def page(*updates: tuple[str, str, str]) -> str:
    """A live blog in the sample's shape, newest first: (clock, headline, body)."""
    rows = "".join(
        f"<p>{clock} GMT — {headline}</p>\n<p>{body}</p>\n"
        for clock, headline, body in sorted(updates, reverse=True)
    )
    return (
        "<html><head><title>Test live blog</title></head><body>\n"
        f"<h1>Live: test blog</h1>\n<p>Thursday, April 4, 2024</p>\n{rows}</body></html>\n"
    )


@dataclass
class Site:
    """What the server answers: a scripted live page, robots.txt, a CDX listing, captures."""

    script: list[tuple[str, str]] = field(default_factory=list)
    """Answers to /live, one per request: ("page", html), ("503", ""), ("slow", html)."""
    current: str = ""
    robots: str | None = "User-agent: *\nAllow: /\n"
    cdx: list[list[str]] = field(default_factory=list)
    captures: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds before each Wayback answer (so a kill can land mid-run)."""
    slow: float = 1.0
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _etag(html: str) -> str:
    return f'"{abs(hash(html)) % 10**12}"'


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        site = self.site
        with site.lock:
            site.log.append((self.path, dict(self.headers)))
        if self.path == "/robots.txt":
            found = site.robots is not None
            self._send(200 if found else 404, "text/plain", site.robots or "")
        elif self.path == "/data.json":
            self._send(200, "application/json", "{}")
        elif self.path.startswith("/cdx/search/cdx?"):
            self._send(200, "application/json", json.dumps(site.cdx))
        elif self.path.startswith("/web/"):
            time.sleep(site.delay)
            timestamp = self.path.split("/")[2].removesuffix("id_")
            self._send(200, "text/html; charset=utf-8", site.captures[timestamp])
        elif self.path == "/live":
            self._live()
        else:
            self._send(404, "text/plain", "not found")

    def _live(self) -> None:
        site = self.site
        with site.lock:
            kind, html = site.script.pop(0) if site.script else ("page", site.current)
        if kind == "503":
            return self._send(503, "text/plain", "busy")
        if kind == "slow":
            time.sleep(site.slow)
        site.current = html
        if self.headers.get("If-None-Match") == _etag(html):
            return self._send(304, "", "", {"ETag": _etag(html)})
        return self._send(200, "text/html; charset=utf-8", html, {"ETag": _etag(html)})

    def _send(self, status: int, kind: str, text: str, headers: dict | None = None) -> None:
        data = text.encode()
        try:
            self.send_response(status)
            if kind:
                self.send_header("Content-Type", kind)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out or was killed: nobody is listening


@pytest.fixture
def server() -> Iterator[tuple[Site, str]]:
    """The scripted site and its base URL."""
    site = Site()
    handler = type("Handler", (_Handler,), {"site": site})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@dataclass
class FakeClock:
    """Time moves only when someone sleeps."""

    current: datetime = datetime(2024, 4, 4, 18, 35, tzinfo=UTC)
    slept: list[float] = field(default_factory=list)

    def now(self) -> datetime:
        return self.current

    def monotonic(self) -> float:
        return self.current.timestamp()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.slept.append(seconds)
            self.current += timedelta(seconds=seconds)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder whose settings declare the test timeline (zone UTC)."""
    (tmp_path / "pelicanconf.py").write_text(SETTINGS, encoding="utf-8")
    return tmp_path


def run_inprocess(
    monkeypatch: pytest.MonkeyPatch, project: Path, clock: FakeClock, *args: str
) -> int:
    """`daybook capture …` in this process, on the fake clock, with the project's folders."""
    monkeypatch.setattr(command, "SystemClock", lambda: clock)
    monkeypatch.chdir(project)
    folders = ["--content", str(project / "content"), "--archive", str(project / "archive")]
    return cli.main(["capture", *args, "--timeline", "test-blog", *folders])


def stored_updates(project: Path) -> list:
    """The updates of the test day file, oldest first."""
    text = (project / DAY).read_text(encoding="utf-8")
    return list(DayFileCodec().loads(text, DAY, "test-blog").updates)


def cli_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# -- live capture -----------------------------------------------------------------------------

V1 = [("1800", "First thing", "Body one."), ("1808", "Second thing", "Body two.")]
V2 = [*V1[:1], ("1808", "Second thing", "Body two, corrected."), ("1815", "Third", "Body 3.")]
V3 = [*V2[1:], ("1830", "Fourth thing", "Body four.")]  # the first update left the page
V4 = [*V3, ("1840", "Fifth thing", "Body five.")]
V5 = [*V4, ("1850", "Sixth thing", "Body six.")]


def test_live_capture_follows_a_blog_through_edits_removals_and_faults(
    server: tuple[Site, str],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site, base = server
    site.slow = 2.5  # far past the timeout, and the timeout far past a loaded machine's answer
    site.script = [
        ("page", page(*V1)),
        ("page", page(*V2)),
        ("page", page(*V2)),  # answered 304: the client sends the ETag it got
        ("503", ""),
        ("page", page(*V3)),
        ("slow", page(*V4)),  # past the 1 s timeout: retried
        ("page", page(*V4)),
        ("page", page(*V5)),
    ]
    clock = FakeClock()
    options = ("--every", "10m", "--max", "6", "--timeout", "1", "--rate", "10/s")
    code = run_inprocess(monkeypatch, project, clock, f"{base}/live", *options)
    out, err = capsys.readouterr()
    assert code == 0, err
    lines = cli_lines(out)
    assert [line.split(" ", 2)[:2] for line in lines] == [
        ["2024-04-04T18:35:00Z", "200"],
        ["2024-04-04T18:45:00Z", "200"],
        ["2024-04-04T18:55:00Z", "304"],
        ["2024-04-04T19:05:01Z", "200"],  # one second of backoff after the 503
        ["2024-04-04T19:15:01Z", "200"],  # and after the timeout
        ["2024-04-04T19:25:00Z", "200"],
    ]
    counts = [line.split(" ", 2)[2].split(" -> ")[0] for line in lines]
    assert counts == [
        "2 new, 0 changed, 0 unchanged",
        "1 new, 1 changed, 1 unchanged",
        "not modified",
        "1 new, 0 changed, 2 unchanged",
        "1 new, 0 changed, 3 unchanged",
        "1 new, 0 changed, 4 unchanged",
    ]
    assert not site.script, "every scripted answer was asked for"
    live_requests = [headers for path, headers in site.log if path == "/live"]
    assert live_requests[2]["If-None-Match"] == _etag(page(*V2))
    assert all("Daybook" in headers["User-Agent"] for headers in live_requests)

    updates = stored_updates(project)
    assert [u.headline for u in updates] == [
        "First thing", "Second thing", "Third", "Fourth thing", "Fifth thing", "Sixth thing",
    ]  # fmt: skip
    assert [u.anchor for u in updates] == ["1800", "1808", "1815", "1830", "1840", "1850"]
    edited = updates[1]
    assert edited.body == "Body two, corrected."
    assert edited.updated == datetime(2024, 4, 4, 18, 45, tzinfo=UTC)
    assert [u.headline for u in updates if u.updated] == ["Second thing"]

    pages = sorted((project / "archive/test-blog").glob("*.html"))
    assert [p.name.rsplit("-", 1)[1] for p in pages] == [
        "20240404T183500Z.html", "20240404T184500Z.html", "20240404T190501Z.html",
        "20240404T191501Z.html", "20240404T192500Z.html",
    ]  # fmt: skip
    assert pages[0].name.startswith("127-0-0-1-")
    sidecar = json.loads(Path(f"{pages[1]}.import.json").read_text(encoding="utf-8"))
    assert sidecar["url"] == f"{base}/live"
    assert sidecar["captured"] == "2024-04-04T18:45:00Z"
    assert (sidecar["status"], sidecar["etag"]) == (200, _etag(page(*V2)))
    assert not (project / "archive/test-blog/.capture").exists() or not any(
        (project / "archive/test-blog/.capture").iterdir()
    )

    # A later run asks with the last capture's ETag (from its sidecar): 304 writes nothing.
    before = (project / DAY).read_bytes(), sorted((project / "archive").rglob("*"))
    code = run_inprocess(monkeypatch, project, clock, f"{base}/live", "--json")
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert site.log[-1][1]["If-None-Match"] == _etag(page(*V5))
    assert [(c["status"], c["not_modified"]) for c in report["captures"]] == [(304, True)]
    assert before == ((project / DAY).read_bytes(), sorted((project / "archive").rglob("*")))


def test_a_page_with_no_new_updates_is_not_archived(
    server: tuple[Site, str],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site, base = server
    chrome = page(*V1).replace("Live: test blog", "Live: test blog (12 readers)")
    site.script = [("page", page(*V1)), ("page", chrome), ("page", chrome)]
    clock = FakeClock()
    code = run_inprocess(monkeypatch, project, clock, f"{base}/live", "--every", "5m", "--max", "3")
    lines = cli_lines(capsys.readouterr().out)
    assert code == 0
    assert lines[1].endswith(
        "0 new, 0 changed, 2 unchanged (no new or changed updates, not archived)"
    )
    assert lines[2].endswith("not modified")
    assert len(list((project / "archive/test-blog").glob("*.html"))) == 1


def test_dry_run_reports_and_writes_nothing(
    server: tuple[Site, str],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site, base = server
    site.current = page(*V2)
    code = run_inprocess(monkeypatch, project, FakeClock(), f"{base}/live", "--dry-run")
    assert code == 0
    assert cli_lines(capsys.readouterr().out) == [
        "2024-04-04T18:35:01Z 200 3 new, 0 changed, 0 unchanged (dry run)"  # 1 s after robots.txt
    ]
    assert sorted(p.name for p in project.iterdir()) == ["pelicanconf.py"]


# -- Wayback recovery -------------------------------------------------------------------------

# A rolling page: each capture shows only its three newest updates.
UPDATES = [(f"17{5 * k:02d}", f"Update {k}", f"Body {k}.") for k in range(1, 8)]
EDITED = ("1715", "Update 3", "Body 3, with a correction.")


def wayback_site(site: Site, url: str) -> list[str]:
    """Ten CDX rows (duplicate digests, a 404, shuffled); the timestamps that must be pulled."""
    shown = {
        "20240404180500": UPDATES[:1],
        "20240404181000": UPDATES[:2],
        "20240404181500": UPDATES[:2],  # same digest as 181000: collapsed
        "20240404182000": UPDATES[:3],  # status 404: left out
        "20240404182500": UPDATES[:3],
        "20240404183000": UPDATES[1:4],
        "20240404183500": [EDITED, *UPDATES[3:5]],
        "20240404184000": UPDATES[1:4],  # digest of 183000 again
        "20240404184500": UPDATES[3:6],
        "20240404185000": UPDATES[4:7],
    }
    digests = {"20240404181500": "D181000", "20240404184000": "D183000"}
    rows = [
        [f"urlkey-{ts}", ts, url, "text/html", "404" if ts == "20240404182000" else "200",
         digests.get(ts, f"D{ts[8:]}"), "1000"]
        for ts, updates in shown.items()
    ]  # fmt: skip
    random.Random(7).shuffle(rows)
    site.cdx = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]
    site.cdx += rows
    site.captures = {ts: page(*updates) for ts, updates in shown.items()}
    skipped = {"20240404181500", "20240404182000", "20240404184000"}
    return [ts for ts in shown if ts not in skipped]


def test_wayback_pull_is_the_union_of_every_capture_oldest_first(
    server: tuple[Site, str],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site, base = server
    url = "https://news.example/live"
    wanted = wayback_site(site, url)
    clock = FakeClock()
    code = run_inprocess(monkeypatch, project, clock, "--wayback", url, "--wayback-base", base)
    out, err = capsys.readouterr()
    assert code == 0, err
    fetched = [path.split("/")[2].removesuffix("id_") for path, _ in site.log if "/web/" in path]
    assert fetched == wanted  # oldest first; duplicates and the 404 never fetched
    assert site.log[1][0].startswith("/cdx/search/cdx?url=https")
    lines = cli_lines(out)
    assert len(lines) == 7
    assert lines[0].startswith("2024-04-04T18:05:00Z 200 1 new, 0 changed, 0 unchanged")
    assert lines[4].startswith("2024-04-04T18:35:00Z 200 1 new, 1 changed, 1 unchanged")

    updates = stored_updates(project)
    assert [u.headline for u in updates] == [f"Update {k}" for k in range(1, 8)]
    assert len({u.anchor for u in updates}) == 7
    assert [(u.headline, u.updated) for u in updates if u.updated] == [
        ("Update 3", datetime(2024, 4, 4, 18, 35, tzinfo=UTC))
    ]
    assert updates[2].body == EDITED[2]

    # Again: every capture is in the archive already, nothing is fetched.
    site.log.clear()
    code = run_inprocess(monkeypatch, project, clock, "--wayback", url, "--wayback-base", base)
    assert code == 0
    assert cli_lines(capsys.readouterr().out) == [
        "7 captures already in the archive, not fetched again"
    ]
    assert not [path for path, _ in site.log if "/web/" in path]


def test_wayback_dates_narrow_the_pull(
    server: tuple[Site, str], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, base = server
    url = "https://news.example/live"
    wayback_site(site, url)
    site.cdx[1:] = [[*row[:1], row[1].replace("20240404", "20240405"), *row[2:]]
                    if row[1] > "20240404183000" else row for row in site.cdx[1:]]  # fmt: skip
    site.captures.update({k.replace("20240404", "20240405"): v for k, v in site.captures.items()})
    args = ("--wayback", url, "--wayback-base", base, "--to", "2024-04-04")
    assert run_inprocess(monkeypatch, project, FakeClock(), *args) == 0
    fetched = [path.split("/")[2][:8] for path, _ in site.log if "/web/" in path]
    assert fetched == ["20240404"] * 4


def test_select_keeps_status_200_once_per_digest_oldest_first() -> None:
    rows = [
        WaybackCapture("20240404120000", "u", "200", "B"),
        WaybackCapture("20240404110000", "u", "200", "A"),
        WaybackCapture("20240404100000", "u", "302", "A"),
        WaybackCapture("20240404130000", "u", "200", "A"),
    ]
    assert [c.timestamp for c in select(rows)] == ["20240404110000", "20240404120000"]


# -- kills and re-runs ------------------------------------------------------------------------


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_killed_wayback_runs_end_like_an_uninterrupted_one(
    server: tuple[Site, str], tmp_path: Path
) -> None:
    site, base = server
    url = "https://news.example/live"
    wayback_site(site, url)
    site.delay = 0.12  # each capture's page takes a while, so kills land mid-run

    def command(folder: Path) -> list[str]:
        folder.mkdir(exist_ok=True)
        (folder / "pelicanconf.py").write_text(SETTINGS, encoding="utf-8")
        return [sys.executable, "-m", "daybook.cli", "capture", "--wayback", url,
                "--wayback-base", base, "--rate", "1000/s", "--timeline", "test-blog",
                "--content", str(folder / "content"), "--archive", str(folder / "archive")]  # fmt: skip

    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "daybook.cli", "--help"], capture_output=True, check=True)
    startup = time.monotonic() - started
    reference = tmp_path / "reference"
    started = time.monotonic()
    done = subprocess.run(command(reference), cwd=tmp_path, capture_output=True, check=False)
    per_capture = (time.monotonic() - started - startup) / 7
    assert done.returncode == 0, done.stderr

    killed = tmp_path / "killed"
    rng = random.Random(20240404)
    landed = []
    for _ in range(10):
        remaining = 7 - len(list((killed / "archive").rglob("*.import.json")))
        proc = subprocess.Popen(command(killed), cwd=tmp_path, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)  # fmt: skip
        time.sleep(rng.uniform(startup * 0.8, startup + remaining * per_capture))
        if proc.poll() is None:
            landed.append(remaining)
            proc.send_signal(rng.choice([signal.SIGKILL, signal.SIGINT]))
        _, err = proc.communicate()
        # Ctrl-C while Python still imports the command may print a traceback; once the
        # capture runs, it ends with one line.
        assert b"daybook/capture/" not in err
        if len(landed) == 5:
            break
    assert len(landed) == 5, "the kills must land while the command works"
    assert len(set(landed)) > 1, "kills landed at different points of the work"
    assert any((killed / "archive").rglob("*.html")), "some captures were made before a kill"

    final = subprocess.run(command(killed), cwd=tmp_path, capture_output=True, check=False)
    assert final.returncode == 0, final.stderr
    assert _tree(killed / "content") == _tree(reference / "content")
    assert _tree(killed / "archive") == _tree(reference / "archive")


def test_a_capture_killed_before_its_sidecar_is_finished_by_the_next_run(
    server: tuple[Site, str],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site, base = server
    url = "https://news.example/live"
    wayback_site(site, url)
    finish = CaptureStore.finish
    calls = []

    def dies_on_the_third(store: CaptureStore, staged: Staged) -> Path:
        calls.append(staged)
        if len(calls) == 3:
            raise KeyboardInterrupt  # after the import wrote the day file, before the sidecar
        return finish(store, staged)

    monkeypatch.setattr(CaptureStore, "finish", dies_on_the_third)
    args = ("--wayback", url, "--wayback-base", base)
    assert run_inprocess(monkeypatch, project, FakeClock(), *args) == 130
    folder = project / "archive/test-blog"
    half = folder / "news-example-live-20240404T182500Z.html"
    assert half.exists() and not Path(f"{half}.import.json").exists()
    half.write_bytes(half.read_bytes()[:50])  # as if the copy into the archive was cut short
    capsys.readouterr()

    monkeypatch.setattr(CaptureStore, "finish", finish)
    assert run_inprocess(monkeypatch, project, FakeClock(), *args) == 0
    lines = cli_lines(capsys.readouterr().out)
    assert lines[0].startswith("2024-04-04T18:25:00Z 200 0 new, 0 changed, 3 unchanged")
    assert lines[0].endswith("(finished an interrupted capture) -> archive/test-blog/" + half.name)
    assert lines[1] == "3 captures already in the archive, not fetched again"
    assert half.read_bytes() == site.captures["20240404182500"].encode()
    assert Path(f"{half}.import.json").exists()
    assert not list((folder / ".capture").iterdir())
    assert [u.headline for u in stored_updates(project)] == [f"Update {k}" for k in range(1, 8)]


def test_ctrl_c_between_captures_ends_with_one_line(
    server: tuple[Site, str],
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site, base = server
    site.current = page(*V1)
    clock = FakeClock()

    def interrupted(seconds: float) -> None:
        if seconds >= 60:
            raise KeyboardInterrupt
        clock.current += timedelta(seconds=max(seconds, 0))

    monkeypatch.setattr(clock, "sleep", interrupted)
    code = run_inprocess(monkeypatch, project, clock, f"{base}/live", "--every", "10m")
    out, err = capsys.readouterr()
    assert code == 130
    assert len(cli_lines(out)) == 1
    assert cli_lines(err) == ["daybook: interrupted; run the same command again to carry on"]
    assert len(stored_updates(project)) == 2


# -- refusals ---------------------------------------------------------------------------------


def test_robots_txt_disallow_is_refused(
    server: tuple[Site, str], project: Path, daybook: Callable
) -> None:
    site, base = server
    site.robots = "User-agent: Daybook\nDisallow: /live\n\nUser-agent: *\nAllow: /\n"
    result = daybook("capture", f"{base}/live", "--timeline", "test-blog", "--rate", "20/s")
    assert result.code == 1
    assert cli_lines(result.stderr) == [
        f"daybook: {base}/live: refused: {base}/robots.txt disallows it for Daybook"
    ]
    assert not [path for path, _ in site.log if path == "/live"]
    assert not (project / "archive").exists() and not (project / "content").exists()


def test_non_html_answer_is_refused(
    server: tuple[Site, str], project: Path, daybook: Callable
) -> None:
    _, base = server
    server[0].robots = None  # no robots.txt (404): nothing is disallowed
    result = daybook("capture", f"{base}/data.json", "--timeline", "test-blog", "--rate", "20/s")
    assert result.code == 1
    assert cli_lines(result.stderr) == [
        f"daybook: {base}/data.json: not an HTML page (application/json)"
    ]


def test_unreachable_host_gives_up_after_retries(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    clock = FakeClock()
    url = "http://127.0.0.1:9/live"  # the discard port: nothing listens
    code = run_inprocess(monkeypatch, project, clock, url)
    err = cli_lines(capsys.readouterr().err)
    assert code == 1
    assert len(err) == 1 and err[0].startswith(f"daybook: {url}: ")
    assert "gave up after 4 tries" in err[0]
    assert clock.slept == [1.0, 2.0, 4.0]  # exponential backoff


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--every", "10x"), "--every: not a duration: '10x'"),
        (("--every", "10m", "--for", "1h", "--until", "2024-04-05T00:00Z"), "not both"),
        (("--rate", "5"), "--rate: not a rate: '5'"),
        (("--every", "0m"), "--every: not a duration: '0m'"),
        (("--idle", "6h"), "need --every"),
        (("--wayback", "--every", "1m"), "--every is for live capture"),
    ],
)
def test_bad_options_are_refused_in_one_line(
    project: Path, daybook: Callable, args: tuple[str, ...], message: str
) -> None:
    result = daybook("capture", "http://127.0.0.1:9/live", "--timeline", "test-blog", *args)
    assert result.code == 2
    lines = cli_lines(result.stderr)
    assert len(lines) == 1 and lines[0].startswith("daybook: ")
    assert message in lines[0]


# -- the schedule -----------------------------------------------------------------------------


def test_durations_and_rates() -> None:
    assert parse_duration("90s") == timedelta(seconds=90)
    assert parse_duration("10m") == timedelta(minutes=10)
    assert parse_duration("12h") == timedelta(hours=12)
    assert parse_rate("1/s") == 1.0
    assert parse_rate("30/m") == 2.0
    for bad in ("10", "m", "1.5h", "-1m", "10d"):
        with pytest.raises(ScheduleError):
            parse_duration(bad)


def test_schedule_stops_at_its_end_its_count_or_when_idle() -> None:
    clock = FakeClock()
    start = clock.now()
    every = timedelta(minutes=10)
    span = make_schedule(clock, Schedule(every), timedelta(hours=1))
    times = list(capture_times(span, clock, clock.now))
    assert times == [start + every * n for n in range(7)]  # 0:00 … 1:00 included

    counted = list(capture_times(Schedule(every, max_captures=3), clock, clock.now))
    assert len(counted) == 3

    last_change = clock.now()
    idle = Schedule(every, idle=timedelta(minutes=30))
    assert len(list(capture_times(idle, clock, lambda: last_change))) == 3
    assert len(list(capture_times(Schedule(), clock, clock.now))) == 1
