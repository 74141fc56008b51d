"""The HTML page in a real browser: Debian's chromium, driven by Playwright, offline.

`make test` installs chromium (apt-get) when it is missing; Playwright never
downloads a browser here. Screenshots land in .cache/html-screenshots/ to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from argmap.exporters import ExportOptions
from argmap.graph import build_graph
from argmap.readers import load_path
from tests.conftest import TESTS
from tests.exporting import export

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = TESTS.parent
CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / ".cache/html-screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if shutil.which("chromium") is None:
        pytest.fail("chromium is missing: run make test (it installs it) or apt-get install "
                    "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        found = p.chromium.launch(executable_path=CHROMIUM)
        yield found
        found.close()


def write_page(path: str, folder: Path) -> tuple[Path, int]:
    """The page of a map, written as render writes it, and its statement count."""
    result = load_path(ROOT / path)
    m = result.maps[0]
    text = export("html", m, None, ExportOptions())
    out = folder / f"{m.id}.html"
    out.write_text(text, encoding="utf-8")
    return out, len(build_graph(m).statements)


def open_page(browser: Browser, file: Path, width: int = 1280, height: int = 800
              ) -> tuple[Page, list[str]]:
    """Load a page from disk with the network cut off; collect requests and errors."""
    page = browser.new_page(viewport={"width": width, "height": height})
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"error: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}"))

    def refuse(route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        if request.url.startswith("file:"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            problems.append(f"request: {request.url}")
            route.abort()  # type: ignore[attr-defined]

    page.route("**/*", refuse)
    page.add_init_script("window.alert = () => { document.title = 'ALERTED'; };")
    page.goto(file.as_uri())
    return page, problems


def shown(page: Page, selector: str) -> int:
    """How many elements matching ``selector`` are rendered (not display:none)."""
    count: int = page.eval_on_selector_all(
        selector, "els => els.filter(e => e.getClientRects().length > 0).length")
    return count


def test_the_page_works_offline_and_lists_every_statement(browser: Browser,
                                                          tmp_path: Path) -> None:
    file, statements = write_page("maps/nato-promise.yaml", tmp_path)
    page, problems = open_page(browser, file)
    assert page.locator("[role=tree]").count() == 1
    assert page.locator("[role=treeitem][data-address]").count() == statements
    assert shown(page, "[role=treeitem]") == page.locator("[role=treeitem]").count()
    assert page.locator("svg g.node[data-address]").count() == statements
    assert problems == []


def test_collapse_and_expand(browser: Browser, tmp_path: Path) -> None:
    file, _ = write_page("maps/nato-promise.yaml", tmp_path)
    page, problems = open_page(browser, file)
    first = page.locator("[role=tree] > [role=treeitem]").first
    below = first.locator("[role=treeitem]").count()
    total = page.locator("[role=treeitem]").count()
    first.locator("> .row > .toggle").click()
    assert first.get_attribute("aria-expanded") == "false"
    assert shown(page, "[role=treeitem]") == total - below
    first.locator("> .row > .toggle").click()
    assert shown(page, "[role=treeitem]") == total
    page.click("#collapse-all")
    claims = page.locator("[role=tree] > [role=treeitem]").count()
    assert shown(page, "[role=treeitem]") == claims
    page.click("#expand-all")
    assert shown(page, "[role=treeitem]") == total
    assert problems == []


def test_keyboard_follows_the_aria_tree_pattern(browser: Browser, tmp_path: Path) -> None:
    file, _ = write_page("maps/nato-promise.yaml", tmp_path)
    page, problems = open_page(browser, file)

    def focused() -> str:
        found: str = page.evaluate(
            "document.activeElement.getAttribute('data-address')"
            " || document.activeElement.getAttribute('data-ref') || ''")
        return found

    def tabbable() -> int:
        return page.locator("[role=treeitem][tabindex='0']").count()

    items = page.locator("[role=treeitem]")
    first = items.nth(0).get_attribute("data-address")
    second = items.nth(1).get_attribute("data-address")
    page.locator("[role=treeitem][tabindex='0']").focus()
    assert focused() == first
    page.keyboard.press("ArrowDown")
    assert focused() == second and tabbable() == 1
    page.keyboard.press("ArrowLeft")  # an open item closes
    assert items.nth(1).get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowLeft")  # a closed one goes to its parent
    assert focused() == first
    page.keyboard.press("ArrowLeft")  # an open parent closes
    assert items.nth(0).get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowDown")  # skips the hidden children: the next claim
    claims = page.locator("[role=tree] > [role=treeitem]")
    assert focused() == claims.nth(1).get_attribute("data-address")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowRight")  # a closed parent opens
    assert items.nth(0).get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowRight")  # an open parent goes to its first child
    assert focused() == second
    page.keyboard.press("End")
    last = page.evaluate("[...document.querySelectorAll('[role=treeitem]')]"
                         ".filter(e => e.getClientRects().length).pop()"
                         ".getAttribute('data-address') || 'ref'")
    assert (focused() or "ref") == last
    page.keyboard.press("Home")
    assert focused() == first and tabbable() == 1
    page.keyboard.press("Enter")
    assert items.nth(0).get_attribute("aria-selected") == "true"
    assert problems == []


def test_search_filters_to_matches_and_their_ancestors(browser: Browser,
                                                       tmp_path: Path) -> None:
    file, _ = write_page("maps/nato-promise.yaml", tmp_path)
    page, problems = open_page(browser, file)
    page.fill("input[type=search]", "declassified")
    matches = shown(page, "[role=treeitem].match")
    assert matches >= 1
    visible = page.eval_on_selector_all(
        "[role=treeitem]", "els => els.filter(e => e.getClientRects().length)"
        ".map(e => e.classList.contains('match') || !!e.querySelector('.match'))")
    assert all(visible) and len(visible) < page.locator("[role=treeitem]").count()
    assert page.text_content("#count") == ("1 match" if matches == 1 else f"{matches} matches")
    page.fill("input[type=search]", "")
    assert shown(page, "[role=treeitem]") == page.locator("[role=treeitem]").count()
    assert problems == []


def test_selection_shows_the_sources_and_syncs_with_the_diagram(browser: Browser,
                                                                tmp_path: Path) -> None:
    file, _ = write_page("tests/fixtures/valid/hostile.yaml", tmp_path)
    page, problems = open_page(browser, file)
    page.click('[data-address="c1.con1"] > .row')
    panel = page.locator("#panel")
    assert 'a "quote" with <tags> & ampersands' in (panel.text_content() or "")
    assert "(p. {12})" in (panel.text_content() or "")
    link = panel.locator("a")
    assert link.get_attribute("href") == "https://example.org/search?q=a&b=<c>"
    assert page.locator('svg g.node.selected[data-address="c1.con1"]').count() == 1
    # and from the diagram back to the tree (selecting zoomed in on con1: fit it all first)
    page.click("button[data-zoom=fit]")
    page.click('svg g.node[data-address="c1.pro1"] text >> nth=0')
    assert page.locator('li[data-address="c1.pro1"]').get_attribute("aria-selected") == "true"
    assert page.locator("svg g.node.selected").count() == 1
    assert page.url == file.as_uri()  # a node with a source link selects, never navigates
    assert problems == []


def test_a_linked_argument_is_one_item_holding_its_premises(browser: Browser,
                                                           tmp_path: Path) -> None:
    file, _ = write_page("tests/fixtures/valid/linked.yaml", tmp_path)
    page, problems = open_page(browser, file)
    together = page.locator("[role=treeitem][data-argument]")
    assert together.count() == 4
    first = together.first
    assert first.locator("> .row").text_content() == "+ supports ▰▰▰▰▱ together:"
    inside = first.locator("> [role=group] > [role=treeitem]")
    assert [inside.nth(i).get_attribute("data-address") or inside.nth(i).get_attribute("data-ref")
            for i in range(inside.count())] == [
                "trips-vanish", "transit-capacity", "c1.pro1.undercut1"]
    first.locator("> .row").click()  # the panel names the argument, its premises, its note
    panel = page.locator("#panel").text_content() or ""
    assert "no-gridlock" in panel and "Together: trips-vanish + transit-capacity" in panel
    assert "The council's strongest case." in panel
    junction = first.get_attribute("data-argument")  # the argument's dot in the diagram
    assert page.locator("svg g.node.selected").count() == 1
    assert page.locator(f'svg g.node.selected[data-argument="{junction}"]').count() == 1
    page.click('[data-address="trips-vanish"] > .row')  # a premise still syncs
    assert page.locator('svg g.node.selected[data-address="trips-vanish"]').count() == 1
    page.click("button[data-zoom=fit]")  # and the dot selects it
    page.locator(f'svg g.node[data-argument="{junction}"] ellipse').click()
    assert first.get_attribute("aria-selected") == "true"
    first.locator("> .row > .toggle").click()  # collapsing it hides its premises
    assert shown(page, 'li[data-address="trips-vanish"]') == 0
    first.locator("> .row > .toggle").click()
    page.fill("input[type=search]", "heavy purchases")  # a match opens its together items
    assert shown(page, "[role=treeitem][data-argument]") == 2
    assert shown(page, "[role=treeitem].match") == 1
    assert problems == []


@pytest.mark.parametrize("path", ["tests/fixtures/valid/hostile.yaml",
                                  "tests/fixtures/terminal/controls.yaml"])
def test_hostile_text_injects_nothing(browser: Browser, tmp_path: Path, path: str) -> None:
    file, _ = write_page(path, tmp_path)
    page, problems = open_page(browser, file)
    assert page.locator("script").count() == 2
    assert page.locator("main b, main tags, header b").count() == 0
    assert page.title() != "ALERTED"
    page.locator("[role=treeitem][data-address]").first.locator("> .row").click()
    assert page.locator("#panel script, #panel b").count() == 0
    assert problems == []


def test_screenshots_at_desktop_and_phone_widths(browser: Browser, tmp_path: Path) -> None:
    file, _ = write_page("maps/nato-promise.yaml", tmp_path)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, (width, height) in {"desktop": (1280, 800), "phone": (390, 844)}.items():
        page, problems = open_page(browser, file, width, height)
        page.click('[data-address="no-binding-promise"] > .row')
        shot = SHOTS / f"nato-promise-{name}.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        # nothing wider than the screen: the page never scrolls sideways
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert problems == []


def test_a_10000_statement_page_paints_within_two_seconds(browser: Browser,
                                                         tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    from argmap.readers.yaml.load import load_text

    m = load_text(generate(10_000), "big.yaml").maps[0]
    file = tmp_path / "big.html"
    file.write_text(export("html", m, None, ExportOptions()), encoding="utf-8")
    page, problems = open_page(browser, file)
    paint = page.evaluate("performance.getEntriesByType('paint')"
                          ".filter(e => e.name === 'first-contentful-paint')[0].startTime")
    assert paint < 2000
    assert "The diagram is left out: 10,000 statements" in (page.text_content(".note") or "")
    assert page.locator("[role=treeitem][data-address]").count() == 10_000
    assert problems == []


def test_only_items_with_a_subtree_skip_their_layout(browser: Browser, tmp_path: Path) -> None:
    # content-visibility on every item made a claim's thousands of leaf premises cost the
    # square of their number to lay out (issue 26, item 16: 16,000 siblings 15.5 s, now
    # 2.9 s; benchmarks/html_paint.py --wide); a subtree is what is worth skipping
    file, _ = write_page("maps/nato-promise.yaml", tmp_path)
    page, problems = open_page(browser, file)
    styles = page.eval_on_selector_all(
        "[role=treeitem]", "els => els.map(e => [e.hasAttribute('aria-expanded'), "
        "getComputedStyle(e).contentVisibility])")
    assert {tuple(s) for s in styles} == {(True, "auto"), (False, "visible")}
    assert problems == []


def test_a_selected_step_lists_its_critical_questions(browser: Browser, tmp_path: Path) -> None:
    # format 1.2: the panel lists the questions of the step's scheme; an answered one links
    # to the statement that answers it, and following the link selects that statement
    file, _ = write_page("examples/schemes/carbon-tax.yaml", tmp_path)
    page, problems = open_page(browser, file)
    page.locator('[role=treeitem][data-address="cbo-revenue"] > .row').first.click()
    panel = page.locator("#panel")
    assert panel.locator("h2").nth(1).inner_text() == (
        "Critical questions: Argument from expert opinion (c1.pro1)")
    assert panel.locator(".questions li.answered").count() == 3
    assert panel.locator(".questions li.open").count() == 3
    assert panel.locator("button.answer").all_inner_texts() == [
        "c1.pro1.pro1", "c1.pro1.pro2", "offset"]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "carbon-tax-questions.png"))
    panel.locator("button.answer").nth(2).click()
    selected = page.locator("[role=treeitem][aria-selected=true]")
    assert selected.get_attribute("data-address") == "offset"
    assert panel.locator("h2").first.inner_text() == "offset"
    assert "Answers: expert-opinion.opinion" in panel.inner_text()
    assert problems == []
