"""Markdown: goldens, and the outline rendered by a CommonMark parser shows every text as typed."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from argmap.exporters import ExportOptions
from argmap.exporters.markdown import escape
from argmap.graph import build_graph, walk
from argmap.markup import plain
from argmap.model import single_spaced
from argmap.readers import load_path
from argmap.view import ViewOptions
from tests.conftest import FIXTURES, Golden
from tests.exporting import EXPORT_MAPS, export, golden_name, load_all
from tests.test_properties import TEXT

# GitHub: CommonMark with footnotes, strikethrough and tables; raw HTML kept (and sanitised)
MD = MarkdownIt("commonmark").enable(["strikethrough", "table"]).use(footnote_plugin)
ALLOWED = {"h1", "p", "ul", "li", "strong", "em", "a", "blockquote", "br", "sup", "section",
           "ol", "hr",
           "mark", "u"}  # a 1.2 quote's read parts (tests/fixtures/valid/cards.yaml)


class Text(HTMLParser):
    """The visible text of HTML, and the tags used."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def rendered(markdown: str) -> Text:
    parser = Text()
    parser.feed(MD.render(markdown))
    return parser


def visible(text: str) -> str:
    """Text as a browser shows it: runs of white space as one space."""
    return single_spaced(text.replace("\n", " "))


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_golden_and_renders_every_text(path: Path, golden: Golden,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        text = export("markdown", m, options=ExportOptions(quotes=True))
        golden(golden_name("markdown", path, m, ".md"), text)
        page = rendered(text)
        shown = visible("".join(page.parts))
        assert set(page.tags) <= ALLOWED, set(page.tags) - ALLOWED
        graph = build_graph(m)
        for g in graph.statements.values():
            assert visible(g.text) in shown
            if g.by:
                assert visible(g.by) in shown
        # one item per statement shown, plus one per linked argument ("Together:")
        together = sum(1 for link in graph.links if link.linked)
        assert page.tags.count("li") == len(walk(graph)) + together + len(graph.citations)
        for s in m.walk():
            for c in s.cites:
                if c.quote:  # a 1.2 quote shows its words, its markup as tags (issue 21)
                    assert visible(plain(c.quote) if graph.marked else c.quote) in shown


def test_refs_link_to_anchors(monkeypatch: pytest.MonkeyPatch) -> None:
    (m,) = load_all(Path("tests/fixtures/valid/full.yaml"), monkeypatch)
    out = MD.render(export("markdown", m))
    anchors = set(re.findall(r'<a id="([^"]+)">', out))
    links = set(re.findall(r'<a href="#([^"]+)">', out))
    assert links and links <= anchors


def test_cut_shows_hints_and_unlinked_refs(monkeypatch: pytest.MonkeyPatch) -> None:
    (m,) = load_all(Path("tests/fixtures/valid/full.yaml"), monkeypatch)
    text = export("markdown", m, ViewOptions(depth=1))
    assert "  - *… 9 more statements (--depth 2, or --focus replace)*" in text
    text = export("markdown", m, ViewOptions(focus="cost"))
    assert "- **−** ↪ upfront “The upfront price is nearly twice a diesel …” (not shown)" in text


def test_no_legend_leaves_out_citations(monkeypatch: pytest.MonkeyPatch) -> None:
    (m,) = load_all(Path("tests/fixtures/valid/full.yaml"), monkeypatch)
    text = export("markdown", m, options=ExportOptions(quotes=True, legend=False))
    assert "[^" not in text and "> " not in text


@pytest.mark.parametrize("text", [
    "*not emphasis*", "_nor this_", "`code`", "<b>tag</b>", "&amp;", "[link](x)", "![img](x)",
    "~~strike~~", "# heading", "- item", "+ item", "1. item", "2) item", "> quote", "===",
    "a | b", "back\\slash", "line\n# two", "line\n- two", "line\n1. two", "trailing \\",
])
def test_escape_renders_as_typed(text: str) -> None:
    for line_start in (True, False):
        prefix = "" if line_start else "- x "
        page = rendered(prefix + escape(text, line_start=line_start))
        assert "".join(page.parts).strip() == (prefix[2:] + text).strip()


@settings(max_examples=200)
@given(TEXT)
def test_any_text_renders_as_typed(text: str) -> None:
    page = rendered("- x " + escape(text))  # as in the outline: after a marker
    assert visible("".join(page.parts)) == visible("x " + text)
    page = rendered(escape(text, line_start=True))
    assert visible("".join(page.parts)) == visible(text)


def test_a_linked_argument_is_one_item_holding_its_premises_and_undercuts() -> None:
    m = load_path(FIXTURES / "valid" / "linked.yaml").maps[0]
    text = export("markdown", m, options=ExportOptions(legend=False))
    assert text.splitlines()[2:7] == [
        '- **◆** <a id="close-centre"></a>**Close the centre to private cars.**',
        '  - **+** <a id="no-gridlock"></a>▰▰▰▰▱ *Together:*',
        '    - **+** <a id="trips-vanish"></a>Most displaced car trips vanish rather than move.',
        "      - **−** Some trips just move to the ring road.",
        "    - **+** ↪ [transit-capacity](#transit-capacity) “Transit has spare capacity at"
        " peak hours.”",
    ]
    assert "    - **⊘** Evaporation studies measured small schemes, not whole centres.\n" \
        "  - **+** Cleaner air" in text
    # --depth keeps the grouping and its hint; the undercut stays with its argument
    cut = export("markdown", m, view=ViewOptions(depth=2), options=ExportOptions(legend=False))
    assert "      - *… 1 more statement (--depth 3, or --focus trips-vanish)*\n" \
        "    - **+** ↪ [transit-capacity]" in cut
