"""What real Kialo exports showed the reader getting wrong, in snippets written for argmap.

Real exports of public Kialo discussions were imported to find these (tests/corpus/README.md
says which, and why they are not committed); each test repeats one finding in our own words.
"""

from __future__ import annotations

from collections import Counter

from argmap.exporters.tree import TreeOptions, render_tree, to_text
from argmap.graph import build_graph
from argmap.model import ArgumentMap
from argmap.readers import READERS, kialo, load_path
from argmap.readers.kialo_text import NOT_WEB
from tests.conftest import TESTS
from tests.exporting import export

CORPUS = TESTS / "corpus" / "kialo"


def show(m: ArgumentMap) -> str:
    """What ``argmap show`` prints for the map, without colour."""
    return to_text(render_tree(build_graph(m), TreeOptions(width=200)), False)


def test_a_statement_that_is_only_a_link_keeps_its_words_and_cites_it() -> None:
    # Kialo users write a bare link as a whole claim; stripping it as a citation left no text.
    text = ("Discussion Title: Q\n\n1. Tea is good.\n"
            "1.1. Con: [Coffee guide](https://example.org/coffee)\n")
    result = READERS["kialo"].read(text, "d.txt")
    assert result.diagnostics == []
    (m,) = result.maps
    (con,) = m.claims[0].con
    assert (con.text, [c.source for c in con.cites]) == ("Coffee guide", ["coffee-guide"])
    assert m.sources["coffee-guide"].url == "https://example.org/coffee"


def test_trailing_links_become_sources_in_the_order_written() -> None:
    text = ("Discussion Title: Q\n\n1. Tea is good.\n"
            "1.1. Pro: Tea calms. [b](https://example.org/b)  [a](https://example.org/a)\n")
    (m,) = READERS["kialo"].read(text, "d.txt").maps
    (pro,) = m.claims[0].pro
    assert pro.text == "Tea calms."
    assert [c.source for c in pro.cites] == ["b", "a"]
    assert list(m.sources) == ["b", "a"]


def test_a_link_that_finishes_the_sentence_stays_in_the_text() -> None:
    # Real exports end sentences with a link ("… within their [legal rights.](…)"); read as
    # a citation, the statement lost the words of its ending.
    text = ("Discussion Title: Q\n\n1. Tea is good.\n"
            "1.1. Pro: Tea growers act within their [legal rights.](https://example.org/law)\n"
            "1.2. Con: Coffee is cheaper. [Price list.](https://example.org/prices)\n")
    result = READERS["kialo"].read(text, "d.txt")
    assert result.diagnostics == []
    (m,) = result.maps
    (pro,) = m.claims[0].pro
    (con,) = m.claims[0].con
    assert (pro.text, [c.source for c in pro.cites]) == (
        "Tea growers act within their legal rights.", ["legal-rights"])
    assert (con.text, [c.source for c in con.cites]) == ("Coffee is cheaper.", ["price-list"])
    assert list(m.sources) == ["legal-rights", "price-list"]


def test_the_newer_layout_as_kialo_writes_it() -> None:
    # The UBI export of samvalli/debate-analysis (tests/corpus/README.md): "Discussion Name:"
    # alone with the name on the next line, CRLF, a blank line between entries, and a
    # "Sources:" block of "[n] URL" entries each followed by the passage it quotes. It was
    # refused as "the discussion title is empty"; the fixture repeats its shape.
    result = load_path(CORPUS / "congestion-newer.txt")
    assert result.diagnostics == []
    (m,) = result.maps
    assert (m.question, m.span.line) == ("Should cities charge drivers to enter the centre?", 2)
    (claim,) = m.claims
    assert (claim.text, claim.origin) == ("Cities should charge drivers to enter the centre.", "1")
    first, buses = claim.pro
    assert first.text == "Congestion charges cut traffic by a fifth in the first year."
    assert [(c.source, c.quote, c.locator) for c in first.cites] == [
        ("source-1", "Traffic entering the zone fell by 18% in the first year.\n\n"
                     "The charge applies from 07:00 to 18:00 on weekdays.", None),
        ("source-2", "Table 3 gives the changes by street.\n[12] Figures for 2003-04.", "p. 4")]
    # one URL under two footnote numbers is one source, quoted twice
    assert [(c.source, c.quote) for c in buses.cites] == [
        ("source-1", "Net revenues are spent on improving transport.")]
    assert list(m.sources) == ["source-1", "source-2", "source-3", "source-4"]
    # a bare URL is all Kialo gives: its site is the title every list of sources shows
    assert (m.sources["source-1"].title, m.sources["source-4"].url) == (
        "tfl.gov.uk", "https://example.org/city/travel-survey")
    (con,) = claim.con
    (low,) = con.con
    assert (low.origin, low.text) == ("1.2.1", "Most people on low incomes do not drive into the "
                                               "centre; they take the bus, as a city survey found.")
    assert first.con[0].pro[0].ref == low.id


def test_a_name_line_before_the_first_statement_is_the_question_only_in_that_layout() -> None:
    # "Discussion Name:" with nothing after it and "1." next: an empty name, as before
    result = READERS["kialo"].read("Discussion Name:\n\n1. Thesis:\nTea.\n", "d.txt")
    assert [str(d) for d in result.diagnostics] == [
        "d.txt:1:1: error: the discussion title is empty [kialo-syntax]"]


def test_inline_links_keep_their_words_and_cite_their_addresses() -> None:
    # 498 links in one real export (2867) stayed as raw "[text](url)" in show, HTML and SVG.
    text = ("Discussion Title: Q\n\n1. Tea is good.\n"
            "1.1. Pro: A '[guide to tea](https://example.org/tea)' and a "
            "[\\(second\\) one](https://example.org/tea%28two%29) agree. Really.\n"
            "1.2. Con: The [court](http://Some Court v. Tea) disagreed.\n")
    result = READERS["kialo"].read(text, "d.txt")
    assert result.diagnostics == []
    (m,) = result.maps
    (pro,) = m.claims[0].pro
    (con,) = m.claims[0].con
    assert pro.text == "A 'guide to tea' and a (second) one agree. Really."
    assert [c.source for c in pro.cites] == ["guide-to-tea", "second-one"]
    assert [(s.title, s.url) for s in m.sources.values()] == [
        ("guide to tea", "https://example.org/tea"),
        ("(second) one", "https://example.org/tea(two)")]
    # a link to no web address keeps its words, and the dropped target is counted
    assert (con.text, con.cites) == ("The court disagreed.", ())
    assert result.dropped == Counter({NOT_WEB: 1})


def test_no_output_shows_the_brackets_of_an_imported_link() -> None:
    (m,) = load_path(CORPUS / "congestion-outline.txt").maps
    said = "they take the [bus] - see the survey."
    for fmt in ("show", "html", "dot", "markdown", "json"):
        text = export(fmt, m) if fmt != "show" else show(m)
        assert "[survey](" not in text and "see the survey" in text, fmt
    assert said in show(m)
    assert "take the \\[bus\\] - see the survey. [^3]" in export("markdown", m)
    assert "[^3]: *survey.* [https://example.org/survey](https://example.org/survey)" in (
        export("markdown", m))


def test_what_the_kialo_reader_leaves_out_is_counted() -> None:
    text = ("Discussion Title: Q\n\n1. Q [1]\n1.1. Pro: A\n1.2. Pro: B [2]\n\n"
            "Sources:\nSee below.\n[1] https://example.org/q\n[2]\n")
    result = READERS["kialo"].read(text, "d.txt")
    assert result.diagnostics == []
    assert [c.text for c in result.maps[0].claims] == ["A", "B [2]"]
    assert result.dropped == Counter({
        "lines of 'Sources:' before its first [n] entry": 1,
        "footnotes in 'Sources:' with nothing after the number": 1,
        "citations of a thesis that repeats the question (its pros became the claims)": 1})


def test_the_theses_under_a_question_are_the_claims() -> None:
    # A discussion with several theses: samvalli/debate-analysis' Kialo parser skips a
    # "Question" block before the theses, which sit one level down ("1.1. Thesis:").
    text = ("Discussion Name:\r\nWhich drink is best?\r\n\r\n1. Question:\r\n"
            "Which drink is best?\r\n\r\n  1.1. Thesis:\r\n  Tea.\r\n\r\n    1.1.1. Pro:\r\n"
            "    It calms.\r\n\r\n  1.2. Thesis:\r\n  Coffee.\r\n\r\n    1.2.1. Con:\r\n"
            "    It keeps you up.")
    result = READERS["kialo"].read(text, "d.txt")
    assert (result.diagnostics, result.dropped) == ([], Counter())
    (m,) = result.maps
    assert [(c.origin, c.text, [p.text for p in c.pro], [p.text for p in c.con])
            for c in m.claims] == [("1.1", "Tea.", ["It calms."], []),
                                   ("1.2", "Coffee.", [], ["It keeps you up."])]
    other = READERS["kialo"].read(text.replace("1. Question:\r\nWhich drink is best?",
                                               "1. Question:\r\nWhat to drink?"), "d.txt")
    assert other.maps[0].question == "Which drink is best?"
    assert other.dropped == Counter({kialo.OTHER_QUESTION: 1})
