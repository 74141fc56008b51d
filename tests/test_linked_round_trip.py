"""Linked arguments (format 1.1) through the interchange formats and back.

The fixture's round trips are in tests/test_import.py; here generated maps
with linked arguments go through Kialo, AIF and Argdown, which all hold a
linked argument (AIF as one RA/CA-node, Argdown as an argument with a
premise-conclusion structure, Kialo through argmap's ``[Together]`` mark), and
the Kialo reader's reading of the marks is pinned.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.model import ArgumentMap, Statement
from tests.test_import import assert_round_trips, read
from tests.test_properties import maps


def tree_only(m: ArgumentMap) -> ArgumentMap:
    """``m`` as these formats hold it: texts and relations only. Generated refs name
    random ids, so each becomes a statement of its own; ids, citations and sources,
    which neither format keeps, go. Texts are made unique (imports merge statements
    that share a text into one)."""
    counter = iter(range(1, 10**6))

    def strip(s: Statement) -> Statement:
        if s.ref is not None:
            return Statement(s.path, s.relation, s.span, f"ref {next(counter)}")
        text = f"{s.text} s{next(counter)}" if s.text else ""
        return Statement(s.path, s.relation, s.span, text, pro=tuple(map(strip, s.pro)),
                         con=tuple(map(strip, s.con)), undercut=tuple(map(strip, s.undercut)),
                         premises=tuple(map(strip, s.premises)))

    return ArgumentMap("gen", m.question, m.span, tuple(map(strip, m.claims)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(linked=True), st.sampled_from(["kialo", "aif", "argdown"]))
def test_generated_linked_maps_round_trip(generated: ArgumentMap, fmt: str) -> None:
    assert_round_trips(tree_only(generated), fmt)


KIALO = """Discussion Title: Q

1. T
1.1. Pro: [Together] A \\[and\\] a [and] B
1.1.1. Con: [Premise 2] Not B
1.1.2. Pro: x
1.1.3. Con: [Undercut] U
1.2. Con: [Together] C [and] -> See 1.1.2.
"""


def test_the_kialo_reader_turns_the_marks_back() -> None:
    result = read("kialo", KIALO, "k.txt")
    assert result.diagnostics == []
    (m,) = result.maps
    (claim,) = m.claims
    (together,) = claim.pro
    a, b = together.premises
    assert (a.text, b.text) == ("A [and] a", "B")  # an escaped mark is text
    assert [c.text for c in b.con] == ["Not B"]
    assert [p.text for p in a.pro] == ["x"]  # unmarked: on the first premise
    assert [u.text for u in together.undercut] == ["U"]
    (against,) = claim.con
    c, x = against.premises
    assert c.text == "C" and x.ref == a.pro[0].id


#: each format's metacharacters (issue 26's round-trip property): brackets, backslashes,
#: '#', '->', 'Pro:', numbering, Markdown links, edge spaces
TRICKY = st.lists(st.sampled_from([
    "[", "]", "(", ")", "\\", "#", "#tag", "->", "-> See 1.2.", "Pro: ", "Con:", "1.2. ",
    "[x](https://example.org/a)", "[Note]", "<a>", "{", "}", "//", "/*", "*", "_", "==",
    "+ ", "- ", ">", "`", "[and]", "[Together]", "  ", " ", "word", "Über", "日本",
]), min_size=1, max_size=8).map(lambda parts: "".join(parts).strip()).filter(
    lambda t: any(c.isalnum() for c in t))


@settings(max_examples=int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "150")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(st.lists(TRICKY, min_size=3, max_size=3, unique=True),
       st.sampled_from(["kialo", "aif", "argdown"]))
def test_metacharacters_round_trip(texts: list[str], fmt: str) -> None:
    from argmap.model import Relation, Span

    if fmt == "argdown" and any("](" in t for t in texts):
        return  # the Argdown export writes a Markdown link as a link: it comes back a citation
    span = Span("gen.yaml", 1, 1)
    a, b, c = texts
    pro = Statement("c1.pro1", Relation.PRO, span, f"{b} (pro)",
                    con=(Statement("c1.pro1.con1", Relation.CON, span, f"{c} (con)"),))
    claim = Statement("c1", Relation.CLAIM, span, f"{a} (claim)", pro=(pro,))
    assert_round_trips(ArgumentMap("gen", "Question?", span, (claim,)), fmt)
