"""Debate rules: warnings that judge the argument, not the file.

They are off by default (``check --strict`` keeps meaning "the file is
well-formed") and on with ``check --select debate`` or by code. Each rule is a
small function of one map's graph and evaluation; :data:`DEBATE_RULES` lists their
codes (from :data:`argmap.diagnostics.codes.CODES`, which the docs and ``--select`` read).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from argmap.analysis.evaluate import Evaluation, Status, evaluate
from argmap.analysis.report import preview  # control characters replaced: safe to print
from argmap.diagnostics import Diagnostic, warning
from argmap.diagnostics.codes import CODES, Code, group
from argmap.graph import ArgumentGraph, build_graph
from argmap.model import ArgumentMap, Relation

#: The debate codes, in the order the docs list them (from the one registry).
DEBATE_RULES: dict[str, Code] = {code: CODES[code] for code in group("debate")}


def unanswered_rebuttals(graph: ArgumentGraph, _: Evaluation) -> Iterator[Diagnostic]:
    """A written con link whose premise has no con and whose step has no undercut.

    A linked rebuttal (format 1.1) is one rebuttal: a con against any one of its
    premises, or an undercut of the argument, answers it (it counts only while
    all its premises stand), and the warning names the argument, not a premise.
    """
    for link in graph.links:
        if link.relation is not Relation.CON or link.ref:
            continue
        answered = bool(graph.undercuts_of(link.key)) or any(
            other.relation is Relation.CON for p in link.premises
            for other in graph.links_into(p))
        if answered:
            continue
        if link.linked:
            premises = " + ".join(graph.address(p) for p in link.premises)
            yield warning("unanswered-rebuttal", f"linked rebuttal {link.id or link.address} "
                          f"({premises}) has no answer: add a `con` under one of its premises "
                          "or an `undercut` of the argument", link.span)
            continue
        text = graph.statements[link.premises[0]].text
        yield warning("unanswered-rebuttal", f"rebuttal {preview(text)} has no answer: "
                      "add a `con` under it or an `undercut` of its step", link.span)


def bare_claims(graph: ArgumentGraph, evaluation: Evaluation) -> Iterator[Diagnostic]:
    """A claim with neither a standing pro link nor a citation."""
    for key in graph.claims:
        if not evaluation.supported(key):
            statement = graph.statements[key]
            why = (" (its support does not stand)" if graph.links_into(key) and any(
                link.relation is Relation.PRO for link in graph.links_into(key)) else "")
            yield warning("bare-claim", f"claim {preview(statement.text)} has no standing "
                          f"support{why}: add a `pro` premise or `cites`", statement.span)


def uncited_evidence(graph: ArgumentGraph, _: Evaluation) -> Iterator[Diagnostic]:
    """A premise with no children and no citation."""
    for key, statement in graph.statements.items():
        if statement.is_claim or statement.cites or graph.children(key):
            continue
        yield warning("uncited-evidence", f"premise {preview(statement.text)} cites nothing "
                      "and nothing supports it: add `cites`", statement.span)


def self_support(graph: ArgumentGraph, _: Evaluation) -> Iterator[Diagnostic]:
    """A pro ref to the statement it supports, or to one that statement supports
    (for a linked argument, any of its ``ref`` premises: the argument needs them all)."""
    for link in graph.links:
        if link.relation is not Relation.PRO:
            continue
        for premise in (p for p in link.premises if not graph.written_at(link, p)):
            if _rests_on(graph, link.target, premise):
                what = "itself" if premise == link.target else "a statement it supports"
                yield warning("self-support", f"`ref: {premise}` makes "
                              f"{preview(graph.statements[link.target].text)} rest on "
                              f"{what}: circular support", link.span)


def _rests_on(graph: ArgumentGraph, target: str, premise: str) -> bool:
    """True if ``premise`` is ``target`` or a statement ``target`` supports, up the
    chain of written pro links (through linked arguments too)."""
    seen: set[str] = set()
    while target not in seen:
        seen.add(target)
        if target == premise:
            return True
        home = graph.statements[target].link if target in graph.statements else None
        up = graph.link(home) if home is not None else None
        if up is None or up.relation is not Relation.PRO:
            return False
        target = up.target
    return False


Rule = Callable[[ArgumentGraph, Evaluation], Iterator[Diagnostic]]

RULES: dict[str, Rule] = {
    "unanswered-rebuttal": unanswered_rebuttals,
    "bare-claim": bare_claims,
    "uncited-evidence": uncited_evidence,
    "self-support": self_support,
}


def run_debate_rules(argmap: ArgumentMap, codes: set[str]) -> list[Diagnostic]:
    """The diagnostics of the debate rules named in ``codes`` for one map."""
    chosen = [rule for code, rule in RULES.items() if code in codes]
    if not chosen:
        return []
    graph = build_graph(argmap)
    evaluation = evaluate(graph)
    return [d for rule in chosen for d in rule(graph, evaluation)]


__all__ = ["DEBATE_RULES", "RULES", "Status", "run_debate_rules"]
