"""The HTML page (-f html): one escaping helper, the outline's structure, offline, the diagram."""

from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.exporters import ExportOptions
from argmap.exporters.html import DIAGRAM_LIMIT, escape, script_json
from argmap.graph import build_graph
from argmap.model import ArgumentMap
from argmap.readers import load_path
from argmap.readers.yaml.load import load_text
from argmap.view import ViewOptions
from tests.conftest import FIXTURES, TESTS
from tests.exporting import export

ROOT = TESTS.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


def page(m: ArgumentMap, view: ViewOptions | None = None) -> str:
    """The page of one map, with the diagram drawn from the map as render does."""
    return export("html", m, view, ExportOptions())


class Elements(HTMLParser):
    """Every start tag, with its attributes, as the browser's parser reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(text)
    return parser.tags


def one(path: str) -> ArgumentMap:
    result = load_path(ROOT / path)
    assert result.maps, result.diagnostics
    return result.maps[0]


def test_escape_replaces_every_special_character() -> None:
    assert escape("""<b a="1" b='2'>&amp;</b>""") == (
        "&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;amp;&lt;/b&gt;")
    assert escape("plain text, Ünïcödé") == "plain text, Ünïcödé"
    assert escape("bell\a esc\x1b nul\x00 c1\x9b tab\t line\n") == (
        "bell\ufffd esc\ufffd nul\ufffd c1\ufffd tab\t line\n")


@given(st.text())
def test_escaped_text_reads_back_and_opens_nothing(text: str) -> None:
    escaped = escape(text)
    assert not set("<>\"'") & set(escaped)
    assert html.unescape(escaped) == re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f]", "\ufffd", text)


def test_script_json_cannot_close_its_script() -> None:
    text = script_json({"a": "</script><script>alert(1)</script>&"})
    assert "<" not in text and ">" not in text and "&" not in text


@pytest.mark.parametrize("path", ["tests/fixtures/valid/hostile.yaml",
                                  "tests/fixtures/terminal/controls.yaml"])
def test_no_user_text_becomes_markup(path: str) -> None:
    text = page(one(path))
    tags = elements(text)
    assert [t for t, _ in tags].count("script") == 2  # the data block and the page's script
    assert "<script>alert" not in text and "<b>not bold" not in text
    assert not any(t in ("b", "tags") for t, _ in tags)
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text


def test_every_statement_is_one_tree_item_with_its_address() -> None:
    m = one("maps/nato-promise.yaml")
    graph = build_graph(m)
    tags = elements(page(m))
    items = [a for t, a in tags if a.get("role") == "treeitem" and "data-address" in a]
    assert sorted(str(a["data-address"]) for a in items) == sorted(graph.statements)
    nodes = [a for t, a in tags if t == "g" and a.get("class") == "node"
             and "data-address" in a]
    assert sorted(str(a["data-address"]) for a in nodes) == sorted(graph.statements)
    assert [a.get("tabindex") for t, a in tags if a.get("role") == "treeitem"].count("0") == 1


def test_a_linked_argument_is_a_together_item_with_its_own_panel_entry() -> None:
    import json

    m = one("tests/fixtures/valid/linked.yaml")
    graph = build_graph(m)
    text = page(m)
    tags = elements(text)
    items = [a for t, a in tags if a.get("role") == "treeitem"]
    assert sorted(str(a["data-address"]) for a in items if "data-address" in a) == sorted(
        graph.statements)  # each written statement once; a ref premise is a data-ref item
    assert [a["data-argument"] for a in items if "data-argument" in a] == [
        link.key for link in graph.links if link.linked]
    data = json.loads(text.split('id="argmap-data">')[1].split("</script>")[0])
    assert data["arguments"]["l1"] == {"address": "no-gridlock",
                                       "premises": ["trips-vanish", "transit-capacity"],
                                       "tags": ["traffic"], "note": "The council's strongest case."}
    # where a statement is used: a premise of a linked argument by its own path
    assert data["statements"]["transit-capacity"]["at"] == ["c1.pro1.2", "c1.pro3", "c2.pro1.2"]


def test_the_tree_shows_the_markers_and_words_of_show() -> None:
    text = page(one("tests/fixtures/valid/full.yaml"))
    for marker, word in (("◆", "claim"), ("+", "supports"), ("−", "rebuts"),
                         ("⊘", "undercuts")):
        assert f'title="{word}">{marker}<span class="sr"> {word}</span>' in text


def test_the_only_urls_are_the_sources_own() -> None:
    for path in ("tests/fixtures/valid/hostile.yaml", "tests/fixtures/valid/full.yaml",
                 "maps/nato-security.yaml"):
        m = one(path)
        found = set(re.findall(r"https?://[^\s\"'<>]+", html.unescape(page(m))))
        # the sources' URLs appear as written, %-encoded (diagram) and JSON-escaped
        own = {urlsplit(s.url).netloc for s in m.sources.values() if s.url}
        assert {urlsplit(url).netloc for url in found} <= own, found


def test_the_page_forbids_every_request() -> None:
    text = page(one("tests/fixtures/valid/minimal.yaml"))
    assert "default-src 'none'" in text
    assert not any(t in ("link", "img", "iframe") or "src" in a for t, a in elements(text))


def test_a_big_map_has_no_diagram_and_says_why() -> None:
    m = load_text(generate(DIAGRAM_LIMIT + 1), "big.yaml").maps[0]
    text = page(m)
    assert "<svg" not in text
    assert (f"The diagram is left out: {DIAGRAM_LIMIT + 1:,} statements are more than one "
            f"picture can show legibly (the page draws up to {DIAGRAM_LIMIT}).") in text


def test_a_cut_map_tags_the_nodes_it_draws() -> None:
    m = one("maps/nato-promise.yaml")
    view = ViewOptions(focus="no-binding-promise", depth=2)
    tags = elements(page(m, view))
    tree = {a["data-address"] for t, a in tags if a.get("role") == "treeitem"
            and "data-address" in a}
    drawn = {a["data-address"] for t, a in tags if t == "g" and "data-address" in a}
    assert drawn == tree and "no-binding-promise" in tree


def test_render_html_by_suffix_and_with_eval(tmp_path: Path) -> None:
    out = tmp_path / "security.html"
    result = CliRunner().invoke(app, ["render", str(ROOT / "maps/nato-security.yaml"),
                                      "--eval", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.startswith("<!DOCTYPE html>")
    assert re.search(r'class="st [a-z]+ status-(in|out|undecided)"', text)
    assert '<span class="status in" title="stands">✓' in text


def test_render_html_without_graphviz_still_writes_the_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    out = tmp_path / "p.html"
    result = CliRunner().invoke(app, ["render", str(FIXTURES / "valid/full.yaml"), "-o",
                                      str(out)])
    assert result.exit_code == 0, result.output
    assert "No diagram: Graphviz is not installed" in out.read_text()
