"""Critical questions on a graph's steps: which are open, who answers them, whose they are.

A step (a :class:`~argmap.graph.Link`) that names a ``scheme`` is asked that scheme's
critical questions (:mod:`argmap.readers.catalogue`). A statement with ``answers: Q``
answers question Q of **the step above it**:

- a ``pro`` or ``con`` of a premise answers a question of the step from that premise (for
  a premise of a linked argument, the argument's step);
- an ``undercut`` answers a question of the step it attacks.

A question nothing answers is **open**. :func:`assume_open` is the transformation
``eval --critical-questions assume`` gives the evaluator (Carneades' reading, in which an
assumption counts against the argument until it is answered): each open question of the
assumption kind becomes a virtual statement undercutting its step, so the step does not
count; a ``pro`` that answers an assumption question rebuts its virtual statement instead,
so the step counts while one such answer stands. The evaluator itself is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import NamedTuple

from argmap.analysis.evaluate import Evaluation, Semantics, evaluate
from argmap.graph import ArgumentGraph, GStatement, Link
from argmap.model import Relation
from argmap.readers.catalogue import ASSUMPTION, Question, catalogue

__all__ = ["MODES", "Asked", "asked", "assume_open", "evaluate_questions", "scheme_marks",
           "step_above"]

#: eval --critical-questions: how an unanswered question counts; the first is the default
MODES = ("raise", "assume")


class Asked(NamedTuple):
    """One critical question asked of one step, and the statements that answer it."""

    link: Link
    question: Question
    answers: tuple[str, ...]  # statement keys, in file order

    @property
    def open(self) -> bool:
        """True when nothing answers the question."""
        return not self.answers


def step_above(graph: ArgumentGraph, statement: GStatement) -> str | None:
    """The key of the link whose questions ``statement``'s ``answers`` name (see the module
    docstring); None for a claim, or a premise of a claim."""
    if statement.link is None:
        return None
    link = graph.link(statement.link)
    if link is None:
        return None
    if link.relation is Relation.UNDERCUT:
        return link.target
    parent = graph.lookup(link.target)
    return parent.link if parent is not None else None


def asked(graph: ArgumentGraph) -> dict[str, list[Asked]]:
    """Link key -> the critical questions of its scheme, in the catalogue's order (links
    without a scheme are left out)."""
    schemed = [link for link in graph.links if link.scheme is not None]
    if not schemed:
        return {}
    schemes = catalogue().schemes
    answering: dict[tuple[str, str], list[str]] = {}
    for key, statement in graph.statements.items():
        if statement.answers:
            step = step_above(graph, statement)
            for question in statement.answers:
                answering.setdefault((step or "", question), []).append(key)
    found: dict[str, list[Asked]] = {}
    for link in schemed:
        scheme = schemes.get(link.scheme or "")
        if scheme is not None:
            found[link.key] = [Asked(link, q, tuple(answering.get((link.key, q.id), ())))
                               for q in scheme.questions]
    return found


def open_count(questions: Iterable[Asked]) -> int:
    """How many of the questions nothing answers."""
    return sum(1 for q in questions if q.open)


def scheme_marks(graph: ArgumentGraph) -> dict[str, tuple[str, int]]:
    """Link key -> (its scheme, how many of its critical questions are open), for the
    marks ``show`` prints after a step."""
    return {key: (questions[0].link.scheme or "", open_count(questions))
            for key, questions in asked(graph).items()}


#: a virtual statement's key starts with this (no statement key holds a space)
VIRTUAL = "open question "


def assume_open(graph: ArgumentGraph) -> ArgumentGraph:
    """The graph with a virtual undercut for each open assumption question (see the module
    docstring); the graph itself when there is none."""
    statements = dict(graph.statements)
    links = list(graph.links)
    for key, questions in asked(graph).items():
        link = questions[0].link
        for item in questions:
            settling = [a for a in item.answers
                        if (s := graph.statements.get(a)) is not None and s.link is not None
                        and (home := graph.link(s.link)) is not None
                        and home.relation is Relation.PRO]
            if item.question.kind != ASSUMPTION or (item.answers and not settling):
                continue  # an exception, or an assumption raised by a con or undercut
            virtual = f"{VIRTUAL}{item.question.id} of {key}"
            cut = f"{key} {item.question.id}"
            statements[virtual] = GStatement(virtual, None, link.address, item.question.text,
                                             None, (), None, (), link.span, False, cut)
            links.append(Link(cut, (virtual,), key, Relation.UNDERCUT, None, link.address,
                              link.span, False))
            links.extend(Link(f"{cut} {n}", (a,), virtual, Relation.CON, None, link.address,
                              link.span, True) for n, a in enumerate(settling, 1))
    if len(links) == len(graph.links):
        return graph
    return replace(graph, statements=statements, links=tuple(links), whole=False,
                   _into=None, _under=None, _by_key=None)


def evaluate_questions(graph: ArgumentGraph, semantics: Semantics = Semantics.GROUNDED,
                       mode: str = "raise") -> Evaluation:
    """:func:`~argmap.analysis.evaluate.evaluate` with ``--critical-questions``: ``raise``
    (the default) is the evaluation as it is; ``assume`` evaluates :func:`assume_open`'s
    graph and reports the statements and links of ``graph`` only."""
    if mode == "raise":
        return evaluate(graph, semantics)
    assumed = assume_open(graph)
    if assumed is graph:
        return evaluate(graph, semantics)
    found = evaluate(assumed, semantics)
    return Evaluation(graph, semantics, {k: found.statements[k] for k in graph.statements},
                      {link.key: found.links[link.key] for link in graph.links})
