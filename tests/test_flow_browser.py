"""The flow in a real browser (Debian's chromium through Playwright, offline): the map
page's Flow tab, and the printable flow with one landscape page per sheet."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from argmap import api
from argmap.analysis.flow import build_flow
from tests.test_html_browser import SHOTS, browser, open_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser

__all__ = ["browser"]  # the fixture, shared with the HTML page's tests

ROUND = Path(__file__).parent.parent / "examples/rounds/policy-carbon-tax.yaml"


def test_the_map_page_has_a_flow_tab_with_drops_marked(browser: Browser, tmp_path: Path
                                                       ) -> None:
    page_file = tmp_path / "round.html"
    page_file.write_text(api.render(api.load_map(ROUND), "html"), encoding="utf-8")
    page, problems = open_page(browser, page_file, 1400, 900)
    assert page.is_visible("#map") and not page.is_visible("#flow")
    page.click("#tab-flow")
    assert page.is_visible("#flow") and not page.is_visible("#map")
    assert page.get_attribute("#tab-flow", "aria-selected") == "true"
    assert not page.is_visible("#search")  # the outline's tools act on the outline only
    sheets = page.eval_on_selector_all(".flow-sheet h2", "els => els.map(e => e.textContent)")
    assert [s.split(" - ")[0] for s in sheets] == [
        "Sheet 1: plan (aff)", "Sheet 2: recession (neg)", "Sheet 3: politics (neg)",
        "Sheet 4: topicality (neg)", "Sheet 5: counterplan (neg)"]
    dropped = page.eval_on_selector_all(
        "#flow td.dropped", "els => els.map(e => [e.dataset.address, "
        "getComputedStyle(e).outlineColor, e.querySelector('.mark.drop').textContent])")
    flow = build_flow(api.load_map(ROUND))
    assert len(dropped) == sum(1 for s in flow.sheets for c in s.cells if c.dropped) == 23
    assert ["c1.pro1.pro1", "rgb(204, 0, 0)", "DROPPED by 1NC"] in dropped
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "flow-tab.png"))
    page.click("#tab-map")
    assert page.is_visible("#map") and not page.is_visible("#flow") and page.is_visible("#search")
    assert problems == []


def test_the_printable_flow_is_one_landscape_page_per_sheet(browser: Browser,
                                                            tmp_path: Path) -> None:
    from pypdf import PdfReader

    file = tmp_path / "flow.html"
    file.write_bytes(api.flow(api.load_map(ROUND), "html"))
    page, problems = open_page(browser, file, 1400, 900)
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    sheets = build_flow(api.load_map(ROUND)).sheets
    assert len(pdf.pages) == len(sheets) == 5
    assert all(p.mediabox.width > p.mediabox.height for p in pdf.pages)
    assert "DROPPED by 1NC" in pdf.pages[0].extract_text()
    assert problems == []
