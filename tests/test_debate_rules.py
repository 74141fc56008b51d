"""Debate rules: on hand-built graphs, and on format 1.1 maps with linked arguments."""

from __future__ import annotations

from textwrap import dedent

from argmap.analysis.evaluate import evaluate
from argmap.graph import ArgumentGraph, GStatement, Link, build_graph
from argmap.model import Relation, Span
from argmap.readers.yaml.load import load_text
from argmap.rules.debate import DEBATE_RULES, MAP_RULES, RULES, Judged, unanswered_attacks


def test_a_con_on_any_linked_premise_answers_the_linked_rebuttal() -> None:
    # a and b rebut the claim c together; y rebuts b (the second premise) only.
    span = Span("t", 1, 1)
    statements = {k: GStatement(k, k, k, k.upper(), None, (), None, (), span, k == "c", None)
                  for k in "caby"}
    links = (Link("l1", ("a", "b"), "c", Relation.CON, None, "c.con1", span, False),
             Link("l2", ("y",), "b", Relation.CON, None, "c.con1.con1", span, False))
    graph = ArgumentGraph("m", "q", None, (), span, {}, statements, ("c",), links, {}, [],
                          ("c",))
    found = list(unanswered_attacks(Judged(graph, evaluate(graph))))
    assert [d.message for d in found] == [
        "rebuttal “Y” has no answer: add a `con` under it or an `undercut` of its step"]


def test_registry_lists_every_rule_once() -> None:
    assert list(DEBATE_RULES) == [*RULES, *MAP_RULES]
    assert all(info.severity.value == "warning" for info in DEBATE_RULES.values())


def debate(yaml: str, code: str) -> list[str]:
    """The messages of one debate rule on a format 1.1 map (with line:col)."""
    loaded = load_text("argmap: 1.1\nquestion: q\n" + dedent(yaml), "t.yaml")
    assert not loaded.diagnostics, loaded.diagnostics
    graph = build_graph(loaded.maps[0])
    return [f"{d.span.line}:{d.span.column} {d.message}"
            for d in RULES[code](Judged(graph, evaluate(graph)))]


LINKED_CON = """
    claims:
      - id: c
        text: C.
        cites: [s]
        con:
          - premises:
              - id: a
                text: A.
                cites: [s]
              - id: b
                text: B.
                cites: [s]
{more}
    sources:
      s:
        title: S
"""


def test_an_unanswered_linked_rebuttal_is_one_warning_naming_the_argument() -> None:
    assert debate(LINKED_CON.format(more=""), "unanswered-attack") == [
        "9:9 linked rebuttal c1.con1 (a + b) has no answer: add a `con` under one of its "
        "premises or an `undercut` of the argument"]


def test_a_linked_rebuttal_is_answered_by_an_undercut_of_it_or_a_con_on_a_premise() -> None:
    undercut = "            undercut:\n              - text: U.\n                cites: [s]"
    # the argument is answered; the undercut itself is an attack nothing answers yet
    assert debate(LINKED_CON.format(more=undercut), "unanswered-attack") == [
        "17:13 undercut “U.” has no answer: add a `con` under it or an `undercut` of its step"]
    con = "                con:\n                  - text: Y.\n                    cites: [s]"
    found = debate(LINKED_CON.format(more=con), "unanswered-attack")
    assert found == ["17:17 rebuttal “Y.” has no answer: add a `con` under it or an "
                     "`undercut` of its step"]  # only Y itself, not the argument


def test_uncited_evidence_judges_each_premise_of_a_linked_argument() -> None:
    found = debate("""
        claims:
          - id: c
            text: C.
            pro:
              - premises:
                  - text: A.
                  - text: B.
                    cites: [s]
                undercut:
                  - text: U.
                    cites: [s]
        sources:
          s:
            title: S
    """, "uncited-evidence")
    # A is flagged (the argument's undercut is not below A); B cites; the argument
    # item itself is no premise
    assert found == ["9:13 premise “A.” cites nothing and nothing supports it: add `cites`"]


def test_self_support_through_a_linked_argument() -> None:
    own = debate("""
        claims:
          - id: d
            text: D.
            pro:
              - premises:
                  - text: E.
                  - ref: d
    """, "self-support")
    assert own == ["8:9 `ref: d` makes “D.” rest on itself: circular support"]
    below = debate("""
        claims:
          - id: c
            text: C.
            pro:
              - premises:
                  - id: a
                    text: A.
                    pro:
                      - ref: c
                  - text: B.
    """, "self-support")
    assert below == ["12:22 `ref: c` makes “A.” rest on a statement it supports: "
                     "circular support"]


def test_bare_claim_needs_every_premise_of_a_linked_support_to_stand() -> None:
    yaml = """
        claims:
          - id: c
            text: C.
            pro:
              - premises:
                  - text: A.
{con}
                  - text: B.
    """
    assert debate(yaml.format(con=""), "bare-claim") == []
    fallen = "                    con:\n                      - text: X."
    assert debate(yaml.format(con=fallen), "bare-claim") == [
        "5:5 claim “C.” has no standing support (its support does not stand): add a `pro` "
        "premise or `cites`"]
