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

from collections.abc import Iterable
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
        con link into it (weighed: the heaviest); for an undecided one, the first con
        link that is not out; None for one that stands."""
        status = self.statements[key]
        cons = [link for link in self.graph.links_into(key) if link.relation is Relation.CON]
        if status is Status.OUT:
            standing = [link for link in cons if self.links[link.key] is Status.IN]
            if self.semantics is Semantics.WEIGHED and standing:
                return max(standing, key=lambda link: weight(link))
            return standing[0] if standing else None
        if status is Status.IN:  # (weighed: standing attacks may be outweighed)
            return None
        for link in cons:
            if self.links[link.key] is not Status.OUT:
                return link
        return None

    def supported_keys(self) -> set[str]:
        """Every supported statement at once (what :meth:`supported` says, in one pass)."""
        found = {key for key, s in self.graph.statements.items() if s.cites}
        pro, links = Relation.PRO, self.links
        found.update(link.target for link in self.graph.links
                     if link.relation is pro and links[link.key] is Status.IN)
        return found

    def deciders(self) -> dict[str, Link]:
        """:meth:`deciding` for every statement it names a link for, in one pass."""
        found: dict[str, Link] = {}
        con, labels, links = Relation.CON, self.statements, self.links
        weighed = self.semantics is Semantics.WEIGHED
        for link in self.graph.links:
            if link.relation is not con or link.target not in labels:
                continue
            status, counts = labels[link.target], links[link.key]
            if status is Status.OUT:
                if counts is Status.IN:
                    old = found.get(link.target)
                    if old is None or (weighed and weight(link) > weight(old)):
                        found[link.target] = link
            elif status is Status.UNDECIDED and counts is not Status.OUT:
                found.setdefault(link.target, link)
        return found

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
    pro_, con_, undercut_ = Relation.PRO, Relation.CON, Relation.UNDERCUT
    # The hot loops use plain dicts keyed by statement/link key and one
    # worklist; every argument is decided once and every edge looked at once.
    # link -> (target, relation, weight); built first, so an undercut may come before its link
    kind = {link.key: (link.target, link.relation,
                       link.weight if link.weight is not None else 1) for link in links}
    uses: dict[str, list[str]] = {}  # statement -> the links it is a premise of
    l_wait: dict[str, int] = {}  # link -> premises + undercuts not yet decided
    s_wait = dict.fromkeys(statements, 0)  # statement -> con links not yet decided
    # weighed: per statement [pro in, pro undecided, con in, con undecided] weights
    scales: dict[str, list[int]] = {key: [0, 0, 0, 0] for key in statements} if weighed else {}
    for link in links:
        key = link.key
        target, relation, w = kind[key]
        wait = l_wait.get(key, 0)
        for premise in link.premises:
            wait += 1 if premise in statements else 2  # an unknown premise never arrives
            found = uses.get(premise)
            if found is None:
                uses[premise] = [key]
            else:
                found.append(key)
        l_wait[key] = wait
        if relation is undercut_:
            if target in kind:
                l_wait[target] = l_wait.get(target, 0) + 1
        elif target in statements:
            if relation is con_:
                s_wait[target] += 1
            if weighed:
                scales[target][1 if relation is pro_ else 3] += w
    IN, OUT = Status.IN, Status.OUT
    s_label: dict[str, Status] = {key: IN for key, n in s_wait.items() if n == 0}
    l_label: dict[str, Status] = {}
    # The worklist: (True, statement key, status) or (False, link key, status).
    todo: list[tuple[bool, str, Status]] = [(True, key, IN) for key in s_label]
    push, pop = todo.append, todo.pop
    while todo:
        is_statement, key, status = pop()
        if is_statement:
            for link_key in uses.get(key, ()):
                if link_key in l_label:
                    continue
                if status is OUT:
                    l_label[link_key] = OUT
                    push((False, link_key, OUT))
                else:
                    left = l_wait[link_key] - 1
                    l_wait[link_key] = left
                    if left == 0:
                        l_label[link_key] = IN
                        push((False, link_key, IN))
            continue
        target, relation, w = kind[key]
        if relation is undercut_:
            if target not in kind or target in l_label:
                continue
            if status is IN:
                l_label[target] = OUT
                push((False, target, OUT))
            else:
                left = l_wait[target] - 1
                l_wait[target] = left
                if left == 0:
                    l_label[target] = IN
                    push((False, target, IN))
            continue
        if target not in statements or target in s_label:
            continue
        decided: Status | None = None
        if weighed:
            decided = _weigh(scales[target], relation is pro_, w, status is IN)
        elif relation is con_:
            if status is IN:
                decided = OUT
            else:
                left = s_wait[target] - 1
                s_wait[target] = left
                if left == 0:
                    decided = IN
        if decided is not None:
            s_label[target] = decided
            push((True, target, decided))
    undecided = Status.UNDECIDED
    if len(s_label) < len(statements):
        s_label = {key: s_label.get(key, undecided) for key in statements}
    if len(l_label) < len(links):
        l_label = {key: l_label.get(key, undecided) for key in kind}
    return Evaluation(graph, semantics, s_label, l_label)


def _weigh(scale: list[int], pro: bool, w: int, counts: bool) -> Status | None:
    """Move one decided pro/con link's weight on its target's scale; the status if it tips."""
    scale[1 if pro else 3] -= w
    if counts:
        scale[0 if pro else 2] += w
    pro_in, pro_open, con_in, con_open = scale
    if con_in == 0 and con_open == 0:
        return Status.IN  # nothing that counts attacks it
    if pro_in > con_in + con_open:
        return Status.IN
    if con_in > 0 and con_in >= pro_in + pro_open:
        return Status.OUT
    return None


def labels(evaluations: Iterable[Evaluation]) -> dict[str, int]:
    """Total in/out/undecided counts over several evaluations."""
    total = {status.value: 0 for status in Status}
    for evaluation in evaluations:
        for name, n in evaluation.counts().items():
            total[name] += n
    return total
