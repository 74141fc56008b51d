"""Debate rules: warnings that judge the argument, not the file.

They are off by default (``check --strict`` keeps meaning "the file is
well-formed") and on with ``check --select debate`` or by code. Each rule is a
small function of one map's graph and evaluation; :data:`DEBATE_RULES` lists their
codes (from :data:`argmap.diagnostics.codes.CODES`, which the docs and ``--select`` read).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from argmap.analysis.evaluate import Evaluation, Status, evaluate, semantics_of
from argmap.analysis.exchanges import answers_to, attacks_on, attacks_side
from argmap.analysis.report import preview  # control characters replaced: safe to print
from argmap.analysis.sides import Sides, sides_for
from argmap.diagnostics import Diagnostic, warning
from argmap.diagnostics.codes import CODES, Code, group
from argmap.graph import ArgumentGraph, Link, build_graph
from argmap.model import ArgumentMap, Relation

#: The debate codes, in the order the docs list them (from the one registry).
DEBATE_RULES: dict[str, Code] = {code: CODES[code] for code in group("debate")}


class Judged(NamedTuple):
    """What a debate rule reads: one map's graph, its evaluation, and (with ``--for``)
    our side with every statement's side."""

    graph: ArgumentGraph
    evaluation: Evaluation
    side: str | None = None
    sides: Sides | None = None

    def attacks_us(self, link: Link) -> bool:
        """Without --for every attack counts; with it, only another side's on ours."""
        if self.side is None or self.sides is None:
            return True
        return attacks_side(self.graph, self.sides, link, self.side)


def unanswered_attacks(judged: Judged) -> Iterator[Diagnostic]:
    """A written con or undercut link whose premise has no con and whose step has no
    undercut; with ``--for``, only the other side's attacks on ours.

    A linked rebuttal (format 1.1) is one rebuttal: a con against any one of its
    premises, or an undercut of the argument, answers it (it counts only while
    all its premises stand), and the warning names the argument, not a premise.
    """
    graph, repeats = judged.graph, judged.evaluation.repeats
    for link in graph.links:
        if link.relation is Relation.PRO or link.key in repeats or not judged.attacks_us(link):
            continue  # (an extension is the attack it repeats: reported once, there)
        if answers_to(graph, link):
            continue
        what = "undercut" if link.relation is Relation.UNDERCUT else "rebuttal"
        if link.linked:
            premises = " + ".join(graph.address(p) for p in link.premises)
            yield warning("unanswered-attack", f"linked {what} {link.id or link.address} "
                          f"({premises}) has no answer: add a `con` under one of its premises "
                          "or an `undercut` of the argument", link.span)
            continue
        found = graph.lookup(link.premises[0])
        text = found.text if found is not None else link.premises[0]
        yield warning("unanswered-attack", f"{what} {preview(text)} has no answer: "
                      "add a `con` under it or an `undercut` of its step", link.span)


def standing_attacks(judged: Judged) -> Iterator[Diagnostic]:
    """With ``--for``: an attack on our side that stands although we answered it."""
    if judged.side is None or judged.sides is None:
        return
    for found in attacks_on(judged.evaluation, judged.sides, judged.side):
        if found.danger != 1:
            break  # danger order: the first class comes first
        link = found.link
        what = "undercut" if link.relation is Relation.UNDERCUT else "rebuttal"
        name = graph_name(judged.graph, link)
        yield warning("standing-attack", f"{what} {name} stands although answered: every "
                      "answer falls; answer it again or extend an answer", link.span)


def graph_name(graph: ArgumentGraph, link: Link) -> str:
    """A link named for a message: its premise's first words, or a linked argument's id."""
    if link.linked:
        return f"{link.id or link.address} ({' + '.join(graph.address(p) for p in link.premises)})"
    found = graph.lookup(link.premises[0])
    return preview(found.text) if found is not None else link.premises[0]


def bare_claims(judged: Judged) -> Iterator[Diagnostic]:
    """A claim with neither a standing pro link nor a citation (with ``--for``: ours)."""
    graph, evaluation = judged.graph, judged.evaluation
    for key in graph.claims:
        if judged.sides is not None and judged.side is not None and not judged.sides.ours(
                key, judged.side):
            continue
        if not evaluation.supported(key):
            statement = graph.statements[key]
            why = (" (its support does not stand)" if graph.links_into(key) and any(
                link.relation is Relation.PRO for link in graph.links_into(key)) else "")
            yield warning("bare-claim", f"claim {preview(statement.text)} has no standing "
                          f"support{why}: add a `pro` premise or `cites`", statement.span)


def uncited_evidence(judged: Judged) -> Iterator[Diagnostic]:
    """A premise with no children and no citation (with ``--for``: one of ours, the cards
    we still have to find)."""
    graph = judged.graph
    for key, statement in graph.statements.items():
        if statement.is_claim or statement.cites or graph.children(key):
            continue
        if judged.sides is not None and judged.side is not None and not judged.sides.ours(
                key, judged.side):
            continue
        yield warning("uncited-evidence", f"premise {preview(statement.text)} cites nothing "
                      "and nothing supports it: add `cites`", statement.span)


def self_support(judged: Judged) -> Iterator[Diagnostic]:
    """A pro ref to the statement it supports, or to one that statement supports
    (for a linked argument, any of its ``ref`` premises: the argument needs them all)."""
    graph = judged.graph
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


def claims_without_side(argmap: ArgumentMap) -> Iterator[Diagnostic]:
    """In a map with sides (format 1.2: its own `sides`, its project's, or its speeches'),
    every claim names one, directly or through its `speech`: what is argued under a
    claim without one counts for no side in the brief, the flow and ``--for``. Read per
    map (a project's card libraries hold claims of no side) from the map as written."""
    sides = argmap.sides or tuple(dict.fromkeys(s.side for s in argmap.speeches if s.side))
    if not sides or argmap.library:
        return
    choices = " or ".join(f"`side: {side}`" for side in sides)
    for claim in argmap.claims:
        if claim.side is None and claim.speech is None and claim.ref is None:
            name = claim.id or claim.path
            yield warning("no-side", f"claim '{name}' names no side, though the map has sides "
                          f"({', '.join(sides)}): what is argued under it counts for neither "
                          f"side in brief, flow and --for; add {choices}", claim.span)


Rule = Callable[[Judged], Iterator[Diagnostic]]

RULES: dict[str, Rule] = {
    "unanswered-attack": unanswered_attacks,
    "bare-claim": bare_claims,
    "standing-attack": standing_attacks,
    "uncited-evidence": uncited_evidence,
    "self-support": self_support,
}
#: debate rules that read one map as written, not the (project's merged) graph
MAP_RULES: dict[str, Callable[[ArgumentMap], Iterator[Diagnostic]]] = {
    "no-side": claims_without_side,
}


def run_debate_rules(argmap: ArgumentMap, codes: set[str], semantics: str | None = None,
                     for_: list[str] | None = None) -> list[Diagnostic]:
    """The diagnostics of the debate rules named in ``codes`` for one map, judged by
    ``semantics`` (None: the map's own, else grounded) and, with ``for_`` (a side or
    claim ids), from that side's seat.

    Raises:
        UsageError: if ``for_`` names neither a side nor a claim of the map.
    """
    chosen = [rule for code, rule in RULES.items() if code in codes]
    if not chosen:
        return []
    graph = build_graph(argmap)
    evaluation = evaluate(graph, semantics_of(argmap.semantics, semantics))
    judged = Judged(graph, evaluation)
    if for_:
        side, sides = sides_for(graph, for_)
        judged = Judged(graph, evaluation, side, sides)
    return [d for rule in chosen for d in rule(judged)]


__all__ = ["DEBATE_RULES", "MAP_RULES", "RULES", "Status", "run_debate_rules"]
