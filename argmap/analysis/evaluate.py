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
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.graph import ArgumentGraph, Link, build_graph
from argmap.model import ArgumentMap, Relation

__all__ = ["Evaluation", "Semantics", "Status", "evaluate"]


class Status(StrEnum):
    """The label of a statement or link."""

    IN = "in"
    OUT = "out"
    UNDECIDED = "undecided"


#: The one table of what each status looks like: a symbol and a word, never colour alone.
SYMBOLS: dict[str, str] = {Status.IN: "✓", Status.OUT: "✗", Status.UNDECIDED: "?"}
ASCII_SYMBOLS: dict[str, str] = {Status.IN: "[ok]", Status.OUT: "[x]", Status.UNDECIDED: "[?]"}
WORDS: dict[str, str] = {Status.IN: "stands", Status.OUT: "falls", Status.UNDECIDED: "undecided"}
#: The legend line shown with the marks (made from the table: the symbols cannot drift).
LEGEND = (f"{SYMBOLS['in']} {WORDS['in']} · {SYMBOLS['out']} {WORDS['out']} (dimmed) · "
          f"{SYMBOLS['undecided']} {WORDS['undecided']}")
#: The same in pure ASCII, for ``show --ascii`` (where nothing is dimmed).
ASCII_LEGEND = (f"{ASCII_SYMBOLS['in']} {WORDS['in']}, {ASCII_SYMBOLS['out']} {WORDS['out']}, "
                f"{ASCII_SYMBOLS['undecided']} {WORDS['undecided']}")
#: The key under which :func:`statuses` names the semantics it used (no statement key
#: holds a space), so every output that shows the statuses can say how they were decided.
SEMANTICS_KEY = "semantics "
#: How :func:`statuses` names a linked argument's own status (whether it counts): its
#: link key after this prefix (no statement key holds a space).
ARGUMENT = "argument "


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
    #: format 1.2: extensions (a ``ref`` said again in a later speech beside the statement
    #: it names) -> the link of the step they repeat, whose label they carry
    repeats: dict[str, str] = field(default_factory=dict)

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
        cons = [link for link in self.graph.links_into(key)
                if link.relation is Relation.CON and link.key not in self.repeats]
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
            if link.relation is not con or link.target not in labels or (
                    link.key in self.repeats):
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


def semantics_of(argmap_semantics: str | None, chosen: str | None = None) -> Semantics:
    """The semantics to label a map by: the one chosen (``--semantics``), else the map's
    own ``semantics`` key (format 1.2), else grounded."""
    return Semantics(chosen or argmap_semantics or Semantics.GROUNDED.value)


def weight(link: Link) -> int:
    """A link's weight for the weighed semantics: unrated counts as 1."""
    return link.weight if link.weight is not None else 1


def evaluate(graph: ArgumentGraph, semantics: Semantics = Semantics.GROUNDED) -> Evaluation:
    """Label every statement and link of a (whole-map) graph.

    Links naming a statement the graph does not have (an unknown ``ref`` in a
    map that fails ``check``, or one a cut left out) never count: they stay
    undecided, so a statement they attack is not decided by them.

    Statements and links are numbered and the counters kept in lists: twice as
    fast as dicts keyed by address on 100,000 statements.
    """
    statements, links = graph.statements, graph.links
    weighed = semantics is Semantics.WEIGHED
    keys = list(statements)
    n_s, n_l = len(keys), len(links)
    s_index = {key: i for i, key in enumerate(keys)}
    l_index = {link.key: j for j, link in enumerate(links)}
    PRO, CON, CUT = 0, 1, 2  # relation codes of the hot loop
    codes = {Relation.PRO: PRO, Relation.CON: CON, Relation.UNDERCUT: CUT}
    rel = [0] * n_l
    target = [-1] * n_l
    weight = [1] * n_l
    l_wait = [0] * n_l
    s_wait = [0] * n_s
    first = [-1] * n_s  # the first link each statement is a premise of
    more: dict[int, list[int]] = {}  # further links, for statements used several times
    scales = [[0, 0, 0, 0] for _ in range(n_s)] if weighed else []
    said = said_again(links)
    s_get, l_get = s_index.get, l_index.get
    for j, link in enumerate(links):
        code = codes[link.relation]
        rel[j] = code
        if link.weight is not None:
            weight[j] = link.weight
        wait = l_wait[j]
        for premise in link.premises:
            i = s_get(premise)
            if i is None:
                wait += 2  # an unknown premise never arrives: the link stays undecided
                continue
            wait += 1
            if first[i] < 0:
                first[i] = j
            else:
                more.setdefault(i, []).append(j)
        l_wait[j] = wait
        if j in said:
            continue  # an extension: the step it repeats bears on the target, once
        if code == CUT:
            t = l_get(link.target)
            if t is not None:
                target[j] = t
                l_wait[t] += 1
        else:
            t = s_get(link.target)
            if t is not None:
                target[j] = t
                if code == CON:
                    s_wait[t] += 1
                if weighed:
                    scales[t][1 if code == PRO else 3] += weight[j]
    # Labels: 0 undecided, 1 in, 2 out. Each stack holds decided, unpropagated items.
    s_lab = [0] * n_s
    l_lab = [0] * n_l
    s_stack = [i for i in range(n_s) if s_wait[i] == 0]
    for i in s_stack:
        s_lab[i] = 1
    l_stack: list[int] = []
    s_pop, l_pop, l_push, s_push = s_stack.pop, l_stack.pop, l_stack.append, s_stack.append
    IN, OUT = Status.IN, Status.OUT
    while s_stack or l_stack:
        while s_stack:
            i = s_pop()
            out = s_lab[i] == 2
            one = first[i]
            if one < 0:
                continue
            for j in (one, *more[i]) if i in more else (one,):
                if l_lab[j]:
                    continue
                if out:
                    l_lab[j] = 2
                    l_push(j)
                else:
                    left = l_wait[j] - 1
                    l_wait[j] = left
                    if left == 0:
                        l_lab[j] = 1
                        l_push(j)
        while l_stack:
            j = l_pop()
            t = target[j]
            if t < 0:
                continue
            code = rel[j]
            if code == CUT:
                if l_lab[t]:
                    continue
                if l_lab[j] == 1:
                    l_lab[t] = 2
                    l_push(t)
                else:
                    left = l_wait[t] - 1
                    l_wait[t] = left
                    if left == 0:
                        l_lab[t] = 1
                        l_push(t)
                continue
            if s_lab[t]:
                continue
            if weighed:
                decided = _weigh(scales[t], code == PRO, weight[j], l_lab[j] == 1)
                if decided is not None:
                    s_lab[t] = 1 if decided is IN else 2
                    s_push(t)
            elif code == CON:
                if l_lab[j] == 1:
                    s_lab[t] = 2
                    s_push(t)
                else:
                    left = s_wait[t] - 1
                    s_wait[t] = left
                    if left == 0:
                        s_lab[t] = 1
                        s_push(t)
    for j, step in said.items():  # said again: as the step it repeats stands or falls
        l_lab[j] = l_lab[step]
    names = (Status.UNDECIDED, IN, OUT)
    return Evaluation(graph, semantics, {key: names[s_lab[i]] for i, key in enumerate(keys)},
                      {link.key: names[l_lab[j]] for j, link in enumerate(links)},
                      {links[j].key: links[step].key for j, step in said.items()})


def said_again(links: tuple[Link, ...] | list[Link]) -> dict[int, int]:
    """The links that are extensions of an earlier step (format 1.2), by index, each with
    the index of the step it repeats: a ``ref`` with a ``speech`` whose premise, target and
    relation an earlier link already has. Said again, the argument is the same one: it
    stands or falls with that step (undercuts of it included) and, under ``weighed``,
    weighs once."""
    again: dict[int, int] = {}
    if not any(link.speech is not None and link.ref for link in links):
        return again  # no round, or no ref said in a speech: nothing to look for
    first: dict[tuple[tuple[str, ...], str, Relation], int] = {}
    for j, link in enumerate(links):
        step = (link.premises, link.target, link.relation)
        seen = first.get(step)
        if seen is None:
            first[step] = j
        elif link.ref and link.speech is not None:
            again[j] = seen
    return again


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


def statuses(argmap: ArgumentMap, semantics: str | None = None,
             by: str = "path") -> dict[str, str]:
    """Each written statement's status, keyed by its derived path (``by="path"``,
    as views address statements) or its graph key (``by="key"``, which also names the
    semantics used under :data:`SEMANTICS_KEY`). ``semantics`` None: the map's own, else
    grounded."""
    graph = build_graph(argmap)
    evaluation = evaluate(graph, semantics_of(argmap.semantics, semantics))
    if by == "key":
        found = {key: status.value for key, status in evaluation.statements.items()}
        found[SEMANTICS_KEY] = evaluation.semantics.value
        # diagrams dim a linked argument's one edge to its parent when it does not count
        found.update({ARGUMENT + link.key: evaluation.links[link.key].value
                      for link in graph.links if link.linked})
        return found
    return {graph.statements[key].path: status.value
            for key, status in evaluation.statements.items()}
