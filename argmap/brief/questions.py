"""The brief's critical-question sections (format 1.2): "Cross-examination" and "Holes".

For a debater a scheme's open critical questions are two lists: the questions to ask of
the other side's arguments in cross-examination, and the holes to close in our own before
they are asked. :func:`question_blocks` writes both as :class:`~argmap.brief.records.Block`
records; the brief appends them after "Their case" when the map names a scheme.
"""

from __future__ import annotations

from argmap.analysis.questions import Asked, asked
from argmap.analysis.sides import Sides
from argmap.brief.records import Block
from argmap.graph import ArgumentGraph, Link
from argmap.readers.catalogue import catalogue


def question_blocks(graph: ArgumentGraph, sides: Sides, side: str) -> list[Block]:
    """The "Cross-examination" (per step not made by ``side``, its open questions) and
    "Holes" (per step of ours) sections; none when no step of the map names a scheme."""
    steps = asked(graph)
    if not steps:
        return []
    own = [qs for qs in steps.values() if sides.step_of(qs[0].link.key) == side]
    theirs = [qs for qs in steps.values() if sides.step_of(qs[0].link.key) != side]
    blocks = [Block("pocket", "Cross-examination"),
              Block("note", "The critical questions of their arguments' schemes that "
                    "nothing in the map answers yet: ask them.")]
    blocks += _steps(graph, theirs, "Ask", "Their steps have no open critical question.")
    blocks += [Block("pocket", "Holes"),
               Block("note", "The critical questions of our arguments' schemes that nothing "
                     "answers yet: close them before they are asked.")]
    blocks += _steps(graph, own, "Close", "Our steps have no open critical question.")
    return blocks


def _steps(graph: ArgumentGraph, steps: list[list[Asked]], verb: str, none: str,
           ) -> list[Block]:
    blocks: list[Block] = []
    for questions in steps:
        open_ = [q for q in questions if q.open]
        if not open_:
            continue
        link = questions[0].link
        name = catalogue().schemes[link.scheme or ""].name
        blocks.append(Block("block", f"{name}: {_what(graph, link)}",
                            f"{len(open_)} OF {len(questions)} OPEN"))
        blocks += [Block("note", f"{verb}: {q.question.text} ({q.question.id}, "
                         f"{q.question.kind})") for q in open_]
    return blocks or [Block("note", none)]


def _what(graph: ArgumentGraph, link: Link) -> str:
    """The step's premise, or a linked argument's premises joined, as the brief names it."""
    texts = [graph.statements[p].text if p in graph.statements else p for p in link.premises]
    return " + ".join(texts)
