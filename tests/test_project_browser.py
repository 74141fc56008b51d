"""The project's HTML pages in Chromium: the search covers quotes, authors, source titles
and tags (case- and accent-insensitive), and a ref into another map links to its page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from typer.testing import CliRunner

from argmap.cli import app as cli
from tests.conftest import TESTS
from tests.test_html_browser import SHOTS, browser, open_page, shown

if TYPE_CHECKING:
    from playwright.sync_api import Browser

__all__ = ["browser"]  # the fixture, shared with the page's own tests

runner = CliRunner()
MAP = """argmap: 1.2
question: Should the city tax carbon?
claims:
  - id: tax
    text: The city should tax carbon.
    pro:
      - text: It cuts emissions.
        tags: [climate-policy]
        cites:
          - source: pena
            quote: the levy halved coal burning within four years
    con:
      - text: It costs jobs.
        cites: [lee]
      - ref: other/answer
sources:
  pena:
    title: Municipal levies in practice
    author: Inés Peña
  lee:
    title: Employment after the levy
    author: Ann Lee
"""
OTHER = """argmap: 1.2
question: Other?
claims:
  - id: answer
    text: The jobs come back.
"""


def pages(tmp_path: Path) -> Path:
    for name, text in (("city.yaml", MAP), ("other.yaml", OTHER), ("argmap.toml", "")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(cli.app, ["render", str(tmp_path), "-f", "html", "-o", f"{out}/"])
    assert result.exit_code == 0, result.stderr
    return out


def matches(page: object, query: str) -> list[str]:
    page.fill("input[type=search]", query)  # type: ignore[attr-defined]
    found: list[str] = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "[role=treeitem].match", "els => els.map(e => e.querySelector('.tx').textContent)")
    return found


def test_search_finds_quotes_authors_titles_and_tags(browser: Browser, tmp_path: Path) -> None:
    page, problems = open_page(browser, pages(tmp_path) / "city.html")
    assert matches(page, "halved coal") == ["It cuts emissions."]  # a quote
    assert matches(page, "PENA") == ["It cuts emissions."]  # an author, accent-free
    assert matches(page, "employment after") == ["It costs jobs."]  # a source title
    assert matches(page, "climate-policy") == ["It cuts emissions."]  # a tag
    assert matches(page, "tax carbon") == ["The city should tax carbon."]  # the text
    assert page.text_content("#count") == "1 match"
    assert shown(page, "[role=treeitem]") == 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.fill("input[type=search]", "peña")
    page.screenshot(path=str(SHOTS / "project-search.png"))
    assert problems == []


def test_a_ref_into_another_map_links_to_its_page(browser: Browser, tmp_path: Path) -> None:
    page, problems = open_page(browser, pages(tmp_path) / "city.html")
    link = page.locator('li[data-ref="other/answer"] a')
    assert link.text_content() == "↪ other/answer “The jobs come back.”"
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/out/other.html#answer")
    assert page.locator("h1").text_content() == "Other?"
    # the statement the ref names is selected, its sources in the panel
    assert page.locator('li[data-address="answer"]').get_attribute("aria-selected") == "true"
    assert problems == []


def test_the_example_project_page_renders(browser: Browser, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(cli.app, ["render", str(TESTS.parent / "examples/carbon-tax"),
                                     "-f", "html", "-o", f"{out}/", "--eval"])
    assert result.exit_code == 0
    page, problems = open_page(browser, out / "aff.html", 1280, 800)
    assert matches(page, "poorest") == [  # a pointer to the neg's map, found by its words
        "↪ neg/regressive-da “The tax would hit the poorest households hardest.”"]
    page.fill("input[type=search]", "")
    page.screenshot(path=str(SHOTS / "project-aff.png"), full_page=True)
    assert problems == []
