"""What only a browser shows: permalinks land on their update, no script from a saved page runs."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import sync_playwright

from .browser import CHROMIUM, FLAGS, require_chromium, serve
from .conftest import ROOT, make, write_day_files

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
def test_no_script_from_a_hostile_page_runs(browser, hostile_site):
    with serve(hostile_site) as base:
        page, problems = open_page(browser, f"{base}/russia-ukraine-war/2025/03/02/")
        for link in page.query_selector_all("article a"):
            link.click(modifiers=["Control"])  # no navigation away, but any handler would fire
        page.mouse.move(10, 10)
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.evaluate("parent.__pwned === undefined")
        assert [p for p in problems if "__pwned" in p or "dialog" in p] == []


AXE = ROOT / ".cache/npm/node_modules/axe-core/axe.min.js"


def first_anchor(page) -> str:
    return page.evaluate("document.querySelector('article.update').id")


def first_on_screen(page) -> str:
    """The update drawn highest on the page (CSS may show the list the other way round)."""
    return page.evaluate(
        """[...document.querySelectorAll('article.update')]
            .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0].id"""
    )


@pytest.mark.browser
def test_order_switch_works_without_javascript(browser, sample_site):
    with serve(sample_site) as base:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(f"{base}/russia-ukraine-war/2024/04/04/")
        assert first_on_screen(page) == "1808"
        page.click("text=Oldest first")
        assert page.url.endswith("/russia-ukraine-war/2024/04/04/#oldest-first")
        assert first_on_screen(page) == "0906"
        weight = "el => getComputedStyle(el).fontWeight"
        assert page.eval_on_selector("[data-order-link=oldest]", weight) == "700"
        assert page.eval_on_selector("[data-order-link=newest]", weight) == "400"
        page.click("text=Newest first")
        assert first_on_screen(page) == "1808"
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
def test_old_oldest_first_addresses_lead_to_the_day(browser, sample_site, script):
    with serve(sample_site) as base:
        context = browser.new_context(java_script_enabled=script)
        page = context.new_page()
        page.goto(f"{base}/russia-ukraine-war/2024/04/04/oldest-first/")
        page.wait_for_url("**/2024/04/04/#oldest-first")
        assert first_on_screen(page) == "0906"
        if script:  # the script keeps an update's anchor; a meta refresh cannot
            page.goto(f"{base}/russia-ukraine-war/2024/04/04/oldest-first/#1808")
            page.wait_for_url("**/2024/04/04/#1808")
            assert page.evaluate("document.getElementById('1808').matches(':target')")
        context.close()


@pytest.mark.browser
def test_order_choice_is_remembered_with_javascript(browser, sample_site):
    with serve(sample_site) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}/russia-ukraine-war/2024/04/04/")
        page.click("text=Oldest first")
        # The updates themselves move, so reading order and screen order agree.
        assert first_anchor(page) == first_on_screen(page) == "0906"
        assert page.get_attribute("[data-order-link=oldest]", "aria-current") == "page"
        page.goto(f"{base}/russia-ukraine-war/2024/04/03/#2341")
        assert page.get_attribute(".day", "data-order") == "oldest"
        assert first_anchor(page) == "2149"
        assert page.evaluate("document.getElementById('2341').matches(':target')")
        page.goto(f"{base}/russia-ukraine-war/2024/04/04/#oldest-first")
        page.click("text=Newest first")
        assert first_anchor(page) == first_on_screen(page) == "1808"
        assert page.get_attribute("[data-order-link=newest]", "aria-current") == "page"
        context.close()


@pytest.mark.browser
def test_readers_local_time_and_copy_link_are_added(browser, sample_site):
    with serve(sample_site) as base:
        context = browser.new_context(timezone_id="America/New_York")
        page = context.new_page()
        page.goto(f"{base}/russia-ukraine-war/2024/04/04/")
        local = page.inner_text("[id='1808'] .local-time")
        assert local.startswith(("02:08 PM", "14:08")) and local.endswith("your time")
        assert page.locator("[id='1808'] .local-time").count() == 1
        assert page.locator("[id='1808'] .copy-link").count() == 1
        context.close()


@pytest.mark.browser
def test_search_finds_an_update_and_lands_on_it(browser, sample_site):
    with serve(sample_site) as base:
        page, problems = open_page(browser, f"{base}/search/")
        page.fill(".pagefind-ui__search-input", "Olympics")
        link = page.wait_for_selector(
            ".pagefind-ui__result-nested a, .pagefind-ui__result-link", timeout=10000
        )
        hrefs = page.eval_on_selector_all(
            ".pagefind-ui__result a", "links => links.map(a => a.getAttribute('href'))"
        )
        assert any(h.endswith("/russia-ukraine-war/2024/04/04/#1014") for h in hrefs), hrefs
        page.click("a[href$='#1014']")
        page.wait_for_url("**/russia-ukraine-war/2024/04/04/#1014")
        top = page.evaluate("document.getElementById('1014').getBoundingClientRect().top")
        assert 0 <= top < 450
        assert link is not None and problems == []


@pytest.mark.browser
def test_a_search_can_be_linked(browser, sample_site):
    with serve(sample_site) as base:
        page, problems = open_page(browser, f"{base}/search/?q=Olympics")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=10000)
        assert page.input_value(".pagefind-ui__search-input") == "Olympics"
        page.fill(".pagefind-ui__search-input", "Kharkiv")
        page.wait_for_function("location.search === '?q=Kharkiv'", timeout=5000)
        assert problems == []


ANOTHER_YEAR = """Date: 2025-01-10
Timeline: russia-ukraine-war
Timezone: GMT

{#1200}
## 12:00 — Zebrafish survey resumes on the Dnipro

Marine biologists resumed the zebrafish survey.
"""


@pytest.fixture(scope="module")
def two_bundle_site(tmp_path_factory):
    """The sample with a day in another year: two search bundles, merged by the search page."""
    root = tmp_path_factory.mktemp("bundles")
    shutil.copytree(ROOT / "content", root / "content")
    write_day_files(root / "content", {"russia-ukraine-war/2025/2025-01-10.md": ANOTHER_YEAR})
    make("html", f"INPUTDIR={root / 'content'}", f"OUTPUTDIR={root / 'output'}",
         f"CACHEDIR={root / 'cache'}")  # fmt: skip
    return root / "output"


@pytest.mark.browser
def test_search_merges_every_bundle_and_filters_by_year(browser, two_bundle_site):
    with serve(two_bundle_site) as base:
        page, problems = open_page(browser, f"{base}/search/?q=zebrafish")
        merged = page.wait_for_selector("a[href$='/russia-ukraine-war/2025/01/10/#1200']")
        page.fill(".pagefind-ui__search-input", "Olympics")
        first = page.wait_for_selector("a[href$='/russia-ukraine-war/2024/04/04/#1014']")
        assert merged is not None and first is not None
        years = page.eval_on_selector_all(
            ".pagefind-ui__filter-checkbox", "boxes => boxes.map(b => b.value)"
        )
        assert {"2024", "2025"} <= set(years), years
        assert problems == []


@pytest.mark.browser
def test_calendar_weekday_headings_stay_on_one_line(browser, sample_site):
    with serve(sample_site) as base:
        page, problems = open_page(browser, f"{base}/russia-ukraine-war/", width=1280)
        heights = page.eval_on_selector_all(
            ".calendar th", "cells => cells.map(c => c.getBoundingClientRect().height)"
        )
        line = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.calendar th')).lineHeight)"
        )
        assert heights and max(heights) < line * 1.5, (heights, line)
        assert problems == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["", "russia-ukraine-war/", "russia-ukraine-war/2024/04/04/", "tags/nato/", "search/"]
)
def test_axe_finds_no_wcag_aa_violations(browser, sample_site, path):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: .ci/browser-setup installs it from npm")
    with serve(sample_site) as base:
        context = browser.new_context(bypass_csp=True)  # only so the test can inject axe
        page = context.new_page()
        page.goto(f"{base}/{path}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"""
        )
        found = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
            for v in result["violations"]
        ]
        assert found == []


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "russia-ukraine-war/", "russia-ukraine-war/2024/04/04/"])
def test_axe_in_dark_mode(browser, sample_site, path):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: .ci/browser-setup installs it from npm")
    with serve(sample_site) as base:
        context = browser.new_context(bypass_csp=True, color_scheme="dark")
        page = context.new_page()
        page.goto(f"{base}/{path}")
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2aa', 'wcag21aa']}})"
        )
        context.close()
        assert [
            (v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]
        ] == []


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["", "russia-ukraine-war/", "russia-ukraine-war/2024/04/04/", "search/"]
)
def test_no_sideways_scrolling_at_320_px(browser, sample_site, path):
    with serve(sample_site) as base:
        page, problems = open_page(browser, f"{base}/{path}", width=320)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert problems == []
