"""Which statements stand: grounded (Dung 1995) or weighed labelling of a graph.

The map is read as an abstract argumentation framework with two kinds of
argument: every statement, and every link (the inference from its premises to
its target). A ``con`` link attacks the statement it targets; an ``undercut``
link attacks the link it targets. A link depends on its premises: it counts
only while *all* of them stand (format 1.1's linked premises have several).
That dependency is a Dung attack in disguise: for each premise P of a link L
add an argument "P fails", attacked by P and attacking L. So:

- a statement is **in** when every con link into it is out, **out** when one
  is in;
- a link is **in** when all its premises are in and every undercut of it is
  out, **out** when a premise is out or an undercut is in;
- whatever is neither when nothing more can be decided is **undecided**
  (mutual attack, odd cycles).

This is the least fixed point, computed by the standard worklist in time
linear in statements + links: each argument counts its attackers not yet
known to be out; an argument whose count reaches zero is in, one with an
attacker in is out, and each labelling is propagated once.

``weighed`` (see docs/eval.md) keeps the links as they are but decides a
statement by preponderance: it stands when nothing that counts attacks it, or
when its standing pro weight exceeds its standing con weight (an unrated link
weighs 1); it falls when its standing con weight reaches what its pro links
could still add up to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from argmap.graph import ArgumentGraph, Link
from argmap.model import Relation

__all__ = ["Evaluation", "Semantics", "Status", "evaluate"]


class Status(StrEnum):
    """The label of a statement or link."""

    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


class Semantics(StrEnum):
    """How statements are decided."""

    GROUNDED = "grounded"
    WEIGHED = "weighed"


@dataclass(slots=True)
class Evaluation:
    """The labels of one graph's statements and links."""

    graph: ArgumentGraph
    semantics: Semantics
    statements: dict[str, Status]  # statement key -> label
    links: dict[str, Status]  # link key -> label

    def supported(self, key: str) -> bool:
        """A standing pro link into the statement, or citations of its own."""
        if self.graph.statements[key].cites:
            return True
        return any(link.relation is Relation.PRO and self.links[link.key] is Status.IN
                   for link in self.graph.links_into(key))

    def deciding(self, key: str) -> Link | None:
        """The link that decides a statement: for one that falls, the first standing
        con link into it (weighed: the heaviest); otherwise the first con link that
        is not out, or None when every attack on it fails (or there is none)."""
        status = self.statements[key]
        cons = [link for link in self.graph.links_into(key) if link.relation is Relation.CON]
        if status is Status.OUT:
            standing = [link for link in cons if self.links[link.key] is Status.IN]
            if self.semantics is Semantics.WEIGHED and standing:
                return max(standing, key=lambda link: weight(link))
            return standing[0] if standing else None
        for link in cons:
            if self.links[link.key] is not Status.OUT:
                return link
        return None

    def counts(self) -> dict[str, int]:
        """How many statements are in, out and undecided."""
        return self.counts_of(self.statements)

    def counts_of(self, keys: Iterable[str]) -> dict[str, int]:
        """How many of these statements are in, out and undecided."""
        found = {status.value: 0 for status in Status}
        for key in keys:
            found[self.statements[key].value] += 1
        return found


def weight(link: Link) -> int:
    """A link's weight for the weighed semantics: unrated counts as 1."""
    return link.weight if link.weight is not None else 1


def evaluate(graph: ArgumentGraph, semantics: Semantics = Semantics.GROUNDED) -> Evaluation:
    """Label every statement and link of a (whole-map) graph.

    Links naming a statement the graph does not have (an unknown ``ref`` in a
    map that fails ``check``, or one a cut left out) never count: they stay
    undecided, so a statement they attack is not decided by them.
    """
    statements, links = graph.statements, graph.links
    weighed = semantics is Semantics.WEIGHED
    s_label: dict[str, Status] = {}
    l_label: dict[str, Status] = {}
    # The links each statement is a premise of.
    uses: dict[str, list[Link]] = {}
    # Arguments still unknown among each link's premises + undercuts, and each
    # statement's con links (grounded) -- the counters of the worklist.
    l_wait: dict[str, int] = {}
    s_wait: dict[str, int] = dict.fromkeys(statements, 0)
    # weighed: per statement [pro in, pro unknown, con in, con unknown] weights.
    scales: dict[str, list[int]] = {key: [0, 0, 0, 0] for key in statements} if weighed else {}
    by_key = {link.key: link for link in links}
    for link in links:
        l_wait[link.key] = l_wait.get(link.key, 0) + len(link.premises)
        for premise in link.premises:
            uses.setdefault(premise, []).append(link)
            if premise not in statements:
                l_wait[link.key] += 1  # never released: the link stays undecided
        if link.relation is Relation.UNDERCUT:
            if link.target in by_key:
                l_wait[link.target] = l_wait.get(link.target, 0) + 1
        elif link.target in statements:
            if link.relation is Relation.CON:
                s_wait[link.target] += 1
            if weighed:
                scales[link.target][1 if link.relation is Relation.PRO else 3] += weight(link)
    # The worklist holds (is_statement, key, status) decisions not yet propagated.
    todo: list[tuple[bool, str, Status]] = []
    for key in statements:
        if s_wait[key] == 0:
            s_label[key] = Status.IN
            todo.append((True, key, Status.IN))

    def set_link(key: str, status: Status) -> None:
        if key not in l_label:
            l_label[key] = status
            todo.append((False, key, status))

    def set_statement(key: str, status: Status) -> None:
        if key not in s_label:
            s_label[key] = status
            todo.append((True, key, status))

    while todo:
        is_statement, key, status = todo.pop()
        if is_statement:
            for link in uses.get(key, ()):
                if status is Status.OUT:
                    set_link(link.key, Status.OUT)
                else:
                    l_wait[link.key] -= 1
                    if l_wait[link.key] == 0:
                        set_link(link.key, Status.IN)
            continue
        link = by_key[key]
        if link.relation is Relation.UNDERCUT:
            if link.target not in by_key:
                continue
            if status is Status.IN:
                set_link(link.target, Status.OUT)
            else:
                l_wait[link.target] -= 1
                if l_wait[link.target] == 0:
                    set_link(link.target, Status.IN)
            continue
        target = link.target
        if target not in statements:
            continue
        if weighed:
            _weigh(scales[target], link, status, target, set_statement)
        elif link.relation is Relation.CON:
            if status is Status.IN:
                set_statement(target, Status.OUT)
            else:
                s_wait[target] -= 1
                if s_wait[target] == 0:
                    set_statement(target, Status.IN)
    return Evaluation(graph, semantics,
                      {key: s_label.get(key, Status.UNDECIDED) for key in statements},
                      {link.key: l_label.get(link.key, Status.UNDECIDED) for link in links})


def _weigh(scale: list[int], link: Link, status: Status, target: str,
           decide: Callable[[str, Status], None]) -> None:
    """Move one decided pro/con link's weight on its target's scale; decide if it tips."""
    pro = link.relation is Relation.PRO
    w = weight(link)
    scale[1 if pro else 3] -= w
    if status is Status.IN:
        scale[0 if pro else 2] += w
    pro_in, pro_open, con_in, con_open = scale
    if con_in == 0 and con_open == 0:
        decide(target, Status.IN)  # nothing that counts attacks it
    elif pro_in > con_in + con_open:
        decide(target, Status.IN)
    elif con_in > 0 and con_in >= pro_in + pro_open:
        decide(target, Status.OUT)


def labels(evaluations: Iterable[Evaluation]) -> dict[str, int]:
    """Total in/out/undecided counts over several evaluations."""
    total = {status.value: 0 for status in Status}
    for evaluation in evaluations:
        for name, n in evaluation.counts().items():
            total[name] += n
    return total
