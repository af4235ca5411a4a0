"""What only a browser shows: permalinks land on their update, no script from a saved page runs."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from .browser import CHROMIUM, FLAGS, require_chromium, serve
from .conftest import ROOT
from .test_hostile import hostile_site  # noqa: F401 (the hostile site fixture)
from .test_sample_site import make

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("sample")
    make("html", f"OUTPUTDIR={output}")
    return output


def open_page(browser, url: str, width: int = 1280):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(url)
    return page, problems


@pytest.mark.browser
def test_permalink_opens_its_update_in_view_and_highlighted(browser, sample_site):
    with serve(sample_site) as base:
        page, problems = open_page(
            browser, f"{base}/russia-ukraine-war/2024/04/04/#1430", width=390
        )
        box = page.evaluate("""() => { const r = document.getElementById('1430').getBoundingClientRect();
                                       return {top: r.top, height: window.innerHeight}; }""")
        assert 0 <= box["top"] < box["height"] / 2
        assert page.evaluate("document.getElementById('1430').matches(':target')")
        background = page.evaluate(
            "getComputedStyle(document.getElementById('1430')).backgroundColor"
        )
        assert background not in ("rgba(0, 0, 0, 0)", "transparent")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "day-390.png"), full_page=False)
        wide, more = open_page(browser, f"{base}/russia-ukraine-war/2024/04/04/")
        wide.screenshot(path=str(ARTIFACTS / "day-1280.png"), full_page=False)
        assert problems + more == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["", "russia-ukraine-war/", "russia-ukraine-war/2024/04/03/", "feeds/"]
)
def test_sample_pages_have_no_console_errors(browser, sample_site, path):
    with serve(sample_site) as base:
        _, problems = open_page(browser, f"{base}/{path}")
        assert problems == []


@pytest.mark.browser
def test_no_script_from_a_hostile_page_runs(browser, hostile_site):  # noqa: F811
    with serve(hostile_site) as base:
        page, problems = open_page(browser, f"{base}/russia-ukraine-war/2025/03/02/")
        for link in page.query_selector_all("article a"):
            link.click(modifiers=["Control"])  # no navigation away, but any handler would fire
        page.mouse.move(10, 10)
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("parent.__pwned === undefined")
        assert [p for p in problems if "__pwned" in p or "dialog" in p] == []
