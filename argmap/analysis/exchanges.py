"""The debate's exchanges: every attack on a side, its answers, and the order of danger.

One attack is a ``con`` or ``undercut`` link made by another side against a
statement of ours (a ``con``) or against one of our steps (an ``undercut``).
Its **answers** are what attacks it in turn: the cons into its premises and
the undercuts of its own step. :func:`danger` ranks attacks the one way the
brief, ``show --against`` and the debate rules all use:

1. their attack stands although we answered it (every answer falls);
2. it is unanswered;
3. it is answered but undecided;
4. it is answered and beaten.

Within a class the heavier attack comes first (a ``ref`` step's own weight
counts, unrated weighs 1), then file order.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.analysis.evaluate import Evaluation, Status, weight
from argmap.analysis.sides import Sides
from argmap.graph import ArgumentGraph, Link
from argmap.model import Relation

__all__ = ["DANGER", "Attack", "Exchange", "answers_to", "attacks_on", "attacks_side", "danger",
           "exchange"]

#: each danger class's flag, as the brief and ``show --against`` print it
DANGER = {1: "STANDS DESPITE ANSWERS", 2: "UNANSWERED", 3: "UNDECIDED", 4: "ANSWERED"}
#: each danger class as a heading
DANGER_TITLES = {1: "Their attacks that stand although we answered",
                 2: "Unanswered attacks", 3: "Answered, still undecided",
                 4: "Answered and beaten"}


class Attack(NamedTuple):
    """One attack by another side on a statement or step of ours, ranked."""

    link: Link
    danger: int  # 1-4, see the module docstring
    answers: tuple[Link, ...]


class Exchange(NamedTuple):
    """One link of an exchange with what answers or supports it, down to the end."""

    link: Link
    depth: int  # 0 for the attack itself
    below: tuple[Exchange, ...]


def answers_to(graph: ArgumentGraph, link: Link) -> list[Link]:
    """What attacks a link: the cons into its premises, then the undercuts of its step."""
    cons = [x for premise in link.premises for x in graph.links_into(premise)
            if x.relation is Relation.CON]
    return cons + list(graph.undercuts_of(link.key))


def danger(evaluation: Evaluation, link: Link, answers: list[Link] | tuple[Link, ...]) -> int:
    """The danger class (1-4) of an attack with these answers."""
    if not answers:
        return 2
    status = evaluation.links[link.key]
    if status is Status.IN:
        return 1
    return 3 if status is Status.UNDECIDED else 4


def targets_side(graph: ArgumentGraph, sides: Sides, link: Link, side: str) -> bool:
    """Whether an attack link bears on a statement (con) or step (undercut) of ``side``."""
    if link.relation is Relation.CON:
        return sides.ours(link.target, side)
    if link.relation is Relation.UNDERCUT:
        return sides.step_of(link.target) == side
    return False


def attacks_side(graph: ArgumentGraph, sides: Sides, link: Link, side: str) -> bool:
    """Whether a link is an attack by another side on a statement or step of ``side``."""
    return (link.relation is not Relation.PRO and sides.step_of(link.key) != side
            and targets_side(graph, sides, link, side))


def attacks_on(evaluation: Evaluation, sides: Sides, side: str) -> list[Attack]:
    """Every attack by another side on ``side``, anywhere in the map, in danger order
    (an extension, said again, is the attack it repeats)."""
    graph = evaluation.graph
    found = []
    for n, link in enumerate(graph.links):
        if link.key in evaluation.repeats or not attacks_side(graph, sides, link, side):
            continue  # an extension is the attack it repeats: listed once, there
        answers = tuple(answers_to(graph, link))
        found.append((danger(evaluation, link, answers), -weight(link), n,
                      Attack(link, danger(evaluation, link, answers), answers)))
    found.sort(key=lambda row: row[:3])
    return [row[3] for row in found]


def exchange(graph: ArgumentGraph, link: Link, depth: int | None = None) -> Exchange:
    """The exchange below an attack: its answers, their answers, and so on to the end
    (``depth`` levels at most), with the support written under each side's statements.

    A statement's exchange is shown once: a link already shown higher up (a cycle,
    or a ``ref`` reused) is not expanded again. Iterative, so long chains are safe.
    """
    seen = {link.key}
    # (link, depth, its parent's link key), in pre-order; the records are built afterwards
    order: list[tuple[Link, int, str | None]] = []
    stack: list[tuple[Link, int, str | None]] = [(link, 0, None)]
    while stack:
        current, level, parent = stack.pop()
        order.append((current, level, parent))
        if depth is not None and level >= depth:
            continue
        below = [x for p in current.premises for x in graph.links_into(p)
                 if x.relation is not Relation.PRO or graph.written_at(x, x.premises[0])]
        below += graph.undercuts_of(current.key)
        fresh = [x for x in below if x.key not in seen]
        seen.update(x.key for x in fresh)
        stack.extend((x, level + 1, current.key) for x in reversed(fresh))
    # build bottom-up: children before parents
    children: dict[str | None, list[Exchange]] = {}
    for current, level, parent in reversed(order):
        node = Exchange(current, level, tuple(reversed(children.pop(current.key, []))))
        children.setdefault(parent, []).append(node)
    return children[None][0]


class Standing(NamedTuple):
    """One side's standing claims and their total weight under one semantics."""

    side: str
    claims: tuple[str, ...]  # keys of the side's claims that stand
    weight: int


def side_summary(evaluation: Evaluation, sides: Sides) -> tuple[list[Standing], str | None]:
    """Each side's standing claims and weight, and the side ahead (None: even).

    A model of how a judge weighs a round, not a judge: a standing claim weighs what
    its counting support weighs (the weights of its pro links that count, unrated
    counting 1), and at least 1; a claim that falls or is undecided weighs nothing.
    """
    graph = evaluation.graph
    found = []
    for name in sides.names:
        claims = tuple(k for k in graph.claims if sides.ours(k, name)
                       and evaluation.statements[k] is Status.IN)
        total = 0
        for key in claims:
            support = sum(weight(link) for link in graph.links_into(key)
                          if link.relation is Relation.PRO
                          and evaluation.links[link.key] is Status.IN)
            total += max(support, 1)
        found.append(Standing(name, claims, total))
    ranked = sorted(found, key=lambda s: -s.weight)
    ahead = ranked[0].side if len(ranked) > 1 and ranked[0].weight > ranked[1].weight else None
    return found, ahead
