"""Linked arguments (format 1.1) through the interchange formats and back.

The fixture's round trips are in tests/test_import.py; here generated maps
with linked arguments go through Kialo, AIF and Argdown, which all hold a
linked argument (AIF as one RA/CA-node, Argdown as an argument with a
premise-conclusion structure, Kialo through argmap's ``[Together]`` mark), and
the Kialo reader's reading of the marks is pinned.
"""

from __future__ import annotations

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
