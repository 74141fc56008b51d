"""What real Kialo exports showed the reader getting wrong, in snippets written for argmap.

Real exports of public Kialo discussions were imported to find these (tests/corpus/README.md
says which, and why they are not committed); each test repeats one finding in our own words.
"""

from __future__ import annotations

from argmap.readers import READERS


def test_a_statement_that_is_only_a_link_keeps_it_as_its_text() -> None:
    # Kialo users write a bare link as a whole claim; stripping it as a citation left no text.
    text = ("Discussion Title: Q\n\n1. Tea is good.\n"
            "1.1. Con: [Coffee guide](https://example.org/coffee)\n")
    result = READERS["kialo"].read(text, "d.txt")
    assert result.diagnostics == []
    (m,) = result.maps
    (con,) = m.claims[0].con
    assert (con.text, con.cites) == ("[Coffee guide](https://example.org/coffee)", ())
    assert m.sources == {}


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
    assert (pro.text, pro.cites) == (
        "Tea growers act within their [legal rights.](https://example.org/law)", ())
    assert (con.text, [c.source for c in con.cites]) == ("Coffee is cheaper.", ["price-list"])
    assert list(m.sources) == ["price-list"]
