"""The flow: a round laid out as debaters keep it on paper, one sheet per position.

A sheet is a grid with one column per speech. Each claim (a case position or
an off-case position such as a disadvantage) gets a sheet; every statement
below it sits in the column of the speech it was said in, and its answers sit
in later columns of the same row band, each as high as its column allows but
never above what it answers (as a debater writes answers on a legal pad). A ``ref`` with a later
`speech` of its statement's side is an extension, shown where it was said; any
other ``ref`` is a pointer (``↪``) to a statement written elsewhere.

Each cell carries the marks of :class:`argmap.analysis.round.Argument`:
dropped (and in which speech), extended (in which speeches), not extended.
``--for SIDE`` keeps only the marks SIDE must act on: the other side's
arguments SIDE dropped, and SIDE's own arguments not extended.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.analysis.round import Round, build_round
from argmap.errors import UsageError
from argmap.graph import Link
from argmap.model import ArgumentMap, Relation, Speech


class FlowError(UsageError, ValueError):
    """The map cannot be flowed (no speeches), or ``--for`` names no side."""


class Cell(NamedTuple):
    """One statement on a sheet."""

    row: int
    column: int  # the speech's index
    key: str  # the statement's key in the graph
    address: str  # its id, else the path of the position
    text: str
    kind: str  # claim, argument, extension or ref
    relation: str  # claim, pro, con or undercut
    side: str | None
    dropped: str | None = None  # the speech that dropped it
    extended: tuple[str, ...] = ()  # the speeches that extended it
    not_extended: bool = False


class Sheet(NamedTuple):
    """One flow sheet: a claim and everything said about it."""

    title: str
    address: str
    side: str | None
    rows: int
    cells: tuple[Cell, ...]


class Flow(NamedTuple):
    """A whole round's flow."""

    map_id: str
    question: str
    speeches: tuple[Speech, ...]
    sheets: tuple[Sheet, ...]
    side: str | None  # --for


def build_flow(argmap: ArgumentMap, side: str | None = None) -> Flow:
    """Lay out a map's round as flow sheets, marked for ``side`` (None: for both sides).

    Raises:
        FlowError: if the map has no speeches, or ``side`` is not a side (or claim) of it.
    """
    found = build_round(argmap)
    if found is None:
        raise FlowError(f"map '{argmap.id}' has no speeches to flow: add `format: policy` "
                        "(or ld, pf, bp, worlds, apda, asian) or a `speeches` list")
    chosen = side_named(found, side)
    sheets = [_Layout(found, chosen).sheet(key) for key in found.graph.claims]
    order = sorted(range(len(sheets)), key=lambda i: (found.said(found.graph.claims[i]), i))
    return Flow(argmap.id, argmap.question, found.speeches,
                tuple(sheets[i] for i in order), chosen)


def side_named(round_: Round, name: str | None) -> str | None:
    """``--for``: a side, or a claim id standing for its side (None: both sides).

    Raises:
        FlowError: if ``name`` is neither a side of the round nor a claim with a side.
    """
    if name is None:
        return None
    if name in round_.sides:
        return name
    key = round_.graph.positions.get(name)
    if key in round_.graph.claims and round_.side(key) is not None:
        return round_.side(key)
    from argmap.diagnostics import did_you_mean

    raise FlowError(f"--for {name}: not a side of this round"
                    f"{did_you_mean(name, round_.sides)} (sides: {', '.join(round_.sides)})")


class _Layout:
    """Places one sheet's cells row by row."""

    def __init__(self, round_: Round, side: str | None) -> None:
        self.round, self.side = round_, side
        self.cells: list[Cell] = []
        self.taken: set[tuple[int, int]] = set()
        self.at: dict[str, int] = {}  # statement key -> the row it is written at

    def sheet(self, claim: str) -> Sheet:
        self.cells, self.taken, self.at = [], set(), {}
        rows = self.place(claim, None, 0)
        graph = self.round.graph
        statement = graph.statements[claim]
        cells = tuple(sorted(self.cells, key=lambda c: (c.row, c.column)))
        return Sheet(statement.text, graph.address(claim), self.round.side(claim), rows, cells)

    def column(self, key: str, link: Link | None) -> int:
        return self.round.link_said(link) if link is not None else self.round.said(key)

    def place(self, key: str, link: Link | None, top: int) -> int:
        """Put a statement in its speech's column at the first free row from ``top`` down,
        and its answers from that row down in theirs; return the row after its band."""
        round_, graph = self.round, self.round.graph
        column = self.column(key, link)
        row = top
        while (row, column) in self.taken:
            row += 1
        self.taken.add((row, column))
        expanded = link is None or graph.written_at(link, key)
        if expanded:
            self.at[key] = row
        self.cells.append(self.cell(key, link, row, column, expanded))
        bottom = row + 1
        if link is not None and not expanded:
            below = graph.undercuts_of(link.key)  # a ref's own step can be undercut
        else:
            below = graph.children(key)
        for child in sorted(below, key=round_.link_said):  # answers in speech order
            for premise in child.premises:
                # a ref (an extension) goes beside the statement it repeats, when on this sheet
                start = max(row, self.at.get(premise, row)) if child.ref else row
                bottom = max(bottom, self.place(premise, child, start))
        return bottom

    def cell(self, key: str, link: Link | None, row: int, column: int, expanded: bool) -> Cell:
        round_, graph = self.round, self.round.graph
        statement = graph.statements.get(key)
        text = statement.text if statement is not None else key
        relation = link.relation.value if link is not None else Relation.CLAIM.value
        names = [s.name for s in round_.speeches]
        if link is None:
            kind = "claim"
        elif expanded:
            kind = "argument"
        else:
            kind = "extension" if round_.extension(link) else "ref"
        address = graph.address(key) if statement is not None and (
            statement.id is not None or link is None) else (link.address if link else key)
        if kind != "argument" or statement is None:
            side = round_.link_side(link) if link is not None else round_.side(key)
            return Cell(row, column, key, address, text, kind, relation, side)
        argument = round_.arguments[key]
        dropped = argument.dropped
        not_extended = argument.not_extended
        if self.side is not None:  # only what SIDE must act on
            dropped = dropped if argument.side != self.side else None
            not_extended = not_extended and argument.side == self.side
        return Cell(row, column, key, address, text, kind, relation, argument.side,
                    names[dropped] if dropped is not None else None,
                    tuple(names[i] for i in argument.extended), not_extended)
