"""``show --for SIDE --against``: the frontlines as text, the terminal's view of the brief.

Every attack by another side on a statement or step of SIDE, anywhere in the
map, in danger order (:mod:`argmap.analysis.exchanges`), each with its whole
exchange indented below it: our answers, their answers to those, our
extensions. Each line carries the relation's marker, the statement's status
and its address; user text is escaped for the terminal.
"""

from __future__ import annotations

import textwrap

from argmap.analysis.evaluate import ASCII_SYMBOLS, SYMBOLS, Evaluation
from argmap.analysis.exchanges import DANGER, DANGER_TITLES, attacks_on, exchange
from argmap.analysis.sides import OURS, Sides
from argmap.escape import terminal_visible
from argmap.exporters.notation import ASCII_MARKERS, MARKERS
from argmap.graph import ArgumentGraph, Link
from argmap.model import Relation

__all__ = ["frontlines_text"]


def frontlines_text(evaluation: Evaluation, sides: Sides, side: str, *,
                    depth: int | None = None, width: int | None = None,
                    ascii: bool = False) -> str:
    """The frontlines of ``side`` as lines of text, wrapped at ``width`` (None: not)."""
    graph = evaluation.graph
    symbols = ASCII_SYMBOLS if ascii else SYMBOLS
    markers = ASCII_MARKERS if ascii else MARKERS
    name = "our claims" if side == OURS else side
    out = [f"Frontlines of {name} in {graph.id} ({evaluation.semantics.value} semantics)"]
    attacks = attacks_on(evaluation, sides, side)
    if not attacks:
        out.append("  No attack by another side on a statement or step of "
                   f"{name}.")
    current = 0
    for n, found in enumerate(attacks, 1):
        if found.danger != current:
            current = found.danger
            out.append("")
            out.append(f"{DANGER_TITLES[current]}:")
        root = exchange(graph, found.link, depth)
        out.extend(_wrap(f"  {n}. {DANGER[found.danger]}: {_target(graph, found.link)}",
                         width, "      "))
        stack = [root]
        while stack:
            node = stack.pop()
            indent = "  " * (node.depth + 2)
            link = node.link
            mine = sides.step_of(link.key) == side
            who = "ours" if mine else "theirs"
            weight = f" w{link.weight}" if link.weight is not None else ""
            for premise in link.premises:
                status = evaluation.statements.get(premise)
                mark = symbols[status] if status is not None else "?"
                text = _text(graph, premise)
                line = (f"{indent}{markers[link.relation]} {mark} "
                        f"{graph.address(premise)} ({who}{weight}): {text}")
                out.extend(_wrap(line, width, indent + "    "))
            if link.linked:
                counts = symbols[evaluation.links[link.key]]
                out.append(f"{indent}  {counts} together, as one argument")
            stack.extend(reversed(node.below))
    return "\n".join(out) + "\n"


def _target(graph: ArgumentGraph, link: Link) -> str:
    """What an attack bears on: ``rebuts X “…”`` or ``undercuts the step from X to Y``."""
    def named(key: str) -> str:
        words = _text(graph, key).split()
        return f"{graph.address(key)} “{' '.join(words[:8])}{'…' if len(words) > 8 else ''}”"

    if link.relation is not Relation.UNDERCUT:
        return f"rebuts {named(link.target)}"
    step = graph.link(link.target)
    if step is None:
        return "undercuts a step"
    if step.linked:
        return f"undercuts the linked argument {step.id or step.address}"
    return f"undercuts the step from {named(step.premises[0])} to {graph.address(step.target)}"


def _text(graph: ArgumentGraph, key: str) -> str:
    found = graph.lookup(key)
    return terminal_visible(found.text if found is not None else key, multiline=True)


def _wrap(line: str, width: int | None, indent: str) -> list[str]:
    if width is None or len(line) <= width:
        return [line]
    return textwrap.wrap(line, width, subsequent_indent=indent, break_on_hyphens=False) or [line]

