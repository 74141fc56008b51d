"""The scheme rules: critical questions, checked like a linter (format 1.2).

(``answers`` naming a question of a scheme the step above does not use is an error of the
format rules: :func:`argmap.rules.format.misplaced_answers`.)

- ``check --select schemes``: ``open-critical-question`` for each question of a step's
  scheme that nothing answers; with ``--for SIDE``, the same questions as
  ``hole-to-close`` (on our own steps) and ``question-to-ask`` (on the other side's).

Which step a statement's ``answers`` refers to is :mod:`argmap.analysis.questions`'.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from argmap.analysis.questions import Asked, asked
from argmap.analysis.report import preview  # control characters replaced: safe to print
from argmap.analysis.sides import sides_for
from argmap.diagnostics import Diagnostic, warning
from argmap.diagnostics.codes import group
from argmap.graph import ArgumentGraph, build_graph
from argmap.model import ArgumentMap

#: the codes of ``check --select schemes``, in the registry's order
SCHEME_RULES = group("schemes")


def open_questions(graph: ArgumentGraph, for_: Sequence[str] = ()) -> Iterator[Diagnostic]:
    """A warning per open critical question: ``open-critical-question``, or with ``for_``
    (``--for``: a side or claim ids) ``hole-to-close`` on our steps and ``question-to-ask``
    on theirs (a step is the side's its position gives: :mod:`argmap.analysis.sides`).

    Raises:
        UsageError: if ``for_`` names neither a side nor a claim of the map.
    """
    seat = sides_for(graph, list(for_)) if for_ else None
    for questions in asked(graph).values():
        for item in questions:
            if item.open:
                mine = None if seat is None else seat[1].step_of(item.link.key) == seat[0]
                yield _open(graph, item, mine)


def _open(graph: ArgumentGraph, item: Asked, ours_: bool | None) -> Diagnostic:
    link = item.link
    what = (f"linked argument {link.id or link.address}" if link.linked else
            preview(graph.statements[link.premises[0]].text)
            if link.premises[0] in graph.statements else link.address)
    kind = f"{item.question.kind}, {item.question.id}"
    if ours_ is None:
        return warning("open-critical-question", f"{link.scheme} step {what} leaves open: "
                       f"{item.question.text} ({kind})", link.span)
    if ours_:
        return warning("hole-to-close", f"our {link.scheme} step {what}: close the hole: "
                       f"{item.question.text} ({kind})", link.span)
    return warning("question-to-ask", f"their {link.scheme} step {what}: ask: "
                   f"{item.question.text} ({kind})", link.span)


def run_scheme_rules(argmap: ArgumentMap, codes: set[str],
                     for_: Sequence[str] | None = None) -> list[Diagnostic]:
    """The warnings of the scheme rules named in ``codes`` for one map (``for_``: ``--for``).

    Raises:
        UsageError: if ``for_`` names neither a side nor a claim of the map.
    """
    if not codes & set(SCHEME_RULES):
        return []
    return [d for d in open_questions(build_graph(argmap), for_ or ()) if d.code in codes]
