"""Debate rules on hand-built graphs: what the YAML of format 1 cannot express yet."""

from __future__ import annotations

from argmap.analysis.evaluate import evaluate
from argmap.graph import ArgumentGraph, GStatement, Link
from argmap.model import Relation, Span
from argmap.rules.debate import DEBATE_RULES, RULES, unanswered_rebuttals


def test_a_con_on_any_linked_premise_answers_the_linked_rebuttal() -> None:
    # a and b rebut the claim c together; y rebuts b (the second premise) only.
    span = Span("t", 1, 1)
    statements = {k: GStatement(k, k, k, k.upper(), None, (), None, (), span, k == "c", None)
                  for k in "caby"}
    links = (Link("l1", ("a", "b"), "c", Relation.CON, None, "c.con1", span, False),
             Link("l2", ("y",), "b", Relation.CON, None, "c.con1.con1", span, False))
    graph = ArgumentGraph("m", "q", None, (), span, {}, statements, ("c",), links, {}, [],
                          ("c",))
    found = list(unanswered_rebuttals(graph, evaluate(graph)))
    assert [d.message for d in found] == [
        "rebuttal “Y” has no answer: add a `con` under it or an `undercut` of its step"]


def test_registry_lists_every_rule_once() -> None:
    assert list(DEBATE_RULES) == list(RULES)
    assert all(info.severity.value == "warning" for info in DEBATE_RULES.values())
