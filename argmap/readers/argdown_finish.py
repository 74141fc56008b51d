"""Argdown after the last line: reconstructed arguments become their structures.

Used by :mod:`argmap.readers.argdown` (see its docstring): an argument with a
premise-conclusion structure is its conclusion, reached by its premises (one
linked argument for several); undercuts attack its last inference.
"""

from __future__ import annotations

from argmap.model import Relation
from argmap.readers.argdown_state import Reader
from argmap.readers.argdown_text import parts, with_addresses
from argmap.readers.draft import DArgument, DEdge

ONE_PREMISE = "descriptions of reconstructed arguments with one premise"
ONE_PREMISE_LINKS = "links in descriptions of reconstructed arguments with one premise"


def finish(reader: Reader) -> None:
    """Reconstructed arguments become their conclusions; undercuts attack every
    step from the undercut argument to what it supports."""
    draft = reader.draft
    for argument, steps in reader.inference.items():  # its title names its last inference
        linked = draft.edges[steps[0]].linked
        node = draft.nodes[argument]
        draft.dropped["data 'by'"] += node.by is not None  # an argument has no speaker
        if linked is not None:  # its description is the linked argument's note
            weight = reader.weights.pop(argument, None)
            draft.arguments[linked] = DArgument(node.title, weight, node.span,
                                                note=_note(reader, argument), tags=node.tags)
        elif node.text or node.tags:  # its one premise is a statement: not the argument's
            draft.dropped[ONE_PREMISE] += 1
            draft.dropped[ONE_PREMISE_LINKS] += len(node.cites)
    # a weight is a linked argument's (argmap's Argdown export puts it on the title line)
    draft.dropped["data 'weight'"] += len(reader.weights)
    cuts = [(a, b, reader.inference.get(b) or ([step] if step is not None else None))
            for a, b, step in reader.undercuts]
    if reader.aliases:
        alias = reader.aliases
        edges = [e._replace(premise=alias.get(e.premise, e.premise),
                            target=e.target if isinstance(e.target, int)
                            else alias.get(e.target, e.target)) for e in draft.edges]
        # "<+ <A>" under A's own conclusion says what A's inference says: the CLI
        # drops it, and so does the import (a target "" is no node: left out), but
        # A's linked argument takes its place among the conclusion's premises
        for index, (edge, old) in enumerate(zip(edges, draft.edges, strict=True)):
            if edge.premise == edge.target and edge != old:
                edges[index] = edge._replace(target="")
                _anchor(reader, old.premise, index)
        draft.edges = edges
        cuts = [(alias.get(a, a), alias.get(b, b), steps) for a, b, steps in cuts]
        for argument in alias:  # the argument is its pcs, its description no statement
            del draft.nodes[argument]
        _stand_for_arguments(reader)
    for undercutter, argument, inference in cuts:
        # Argdown undercuts a reconstructed argument's inference (the CLI's "inference"
        # relations); an argument without one, the steps from it to what it supports.
        steps = inference or [i for i, e in enumerate(draft.edges)
                              if e.premise == argument and not isinstance(e.target, int)]
        if not steps:
            draft.dropped["undercuts of an argument that supports nothing, read as con"] += 1
            draft.edges.append(DEdge(undercutter, argument, Relation.CON))
        for step in steps:
            draft.edges.append(DEdge(undercutter, step, Relation.UNDERCUT))


def _note(reader: Reader, argument: str) -> str | None:
    """A reconstructed argument's description as its linked argument's note, each link's
    address after its text (a note cites nothing)."""
    node = reader.draft.nodes[argument]
    if not node.cites:
        return node.text or None
    return parts(with_addresses(" ".join(reader.raw.get(argument, ()))))[0] or None


def _anchor(reader: Reader, argument: str, index: int) -> None:
    """Place ``argument``'s linked argument where edge ``index`` was written."""
    steps = reader.inference.get(argument)
    linked = reader.draft.edges[steps[0]].linked if steps else None
    if linked is not None and linked in reader.draft.arguments:
        found = reader.draft.arguments[linked]
        if found.at is None:
            reader.draft.arguments[linked] = found._replace(at=index)


def _stand_for_arguments(reader: Reader) -> None:
    """A conclusion with no text, titled as its argument, that passes one relation
    on is the argument.

    Argdown relates an argument through its conclusion, so argmap's export
    writes a linked ``con`` ``<A>`` as an argument concluding ``[A]``, a
    statement that has only a title and attacks the parent: its premises bear
    on the parent directly. A conclusion with a title of its own stays.
    """
    draft = reader.draft
    into: dict[str, list[int]] = {}
    out_of: dict[str, list[int]] = {}
    for index, edge in enumerate(draft.edges):
        if not isinstance(edge.target, int):
            into.setdefault(edge.target, []).append(index)
            out_of.setdefault(edge.premise, []).append(index)
    undercut = {a for a, _, _ in reader.undercuts} | {b for _, b, _ in reader.undercuts}
    for argument, steps in reader.inference.items():
        conclusion = reader.aliases[argument]
        node = draft.nodes.get(conclusion)
        passed = out_of.get(conclusion, [])
        if (node is None or node.text or conclusion[1:] != argument[1:]
                or len(passed) != 1 or conclusion in undercut
                or sorted(into.get(conclusion, ())) != steps
                or (argument in undercut and any(a == argument for a, _, _ in reader.undercuts))):
            continue
        (onward,) = passed
        edge = draft.edges[onward]
        if edge.relation is Relation.UNDERCUT or edge.target == conclusion:
            continue
        for step in steps:
            draft.edges[step] = draft.edges[step]._replace(target=edge.target,
                                                           relation=edge.relation)
        draft.edges[onward] = edge._replace(target="")  # no node: left out
        del draft.nodes[conclusion]
        _anchor(reader, argument, onward)
