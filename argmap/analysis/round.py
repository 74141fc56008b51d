"""A round (format 1.2): who said what in which speech, what was dropped, what extended.

:func:`build_round` reads a map's graph with its speeches and works out, for
every written statement and every position (``ref`` items too):

- its **side**: as :func:`argmap.analysis.sides.derive_sides` derives it (a
  claim's own `side`, else the side of its `speech`; a `pro` on its parent's
  side, a `con` or an `undercut` on the other), with the round's sides: the
  map's `sides`, else its speeches'.
- its **speech**: its own `speech`, else the first speech of its side at or
  after its parent's (a claim: its side's first speech; a `pro` written
  without one: its parent's speech), so a map that marks only the answers
  still flows.
- **answers**: the cons into it and the undercuts of its step, each said in
  its position's speech;
- **dropped**: the side it attacks (the other side) had a later speech and
  answered it in none; it is dropped in the first such speech;
- **extended**: its side said it again later (a `ref` with a later `speech`
  of that side);
- **not extended**: it was not said (first or again) in its side's last speech,
  nor carried there by what it supports (a `pro` under an extended argument is
  extended with it, as its warrant or card).

A claim is a sheet of the flow (a position), not an argument on one: it is
never dropped or not extended itself; the arguments on its sheet are.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.analysis.sides import derive_sides
from argmap.graph import ArgumentGraph, Link, build_graph
from argmap.model import ArgumentMap, Relation, Speech


class Argument(NamedTuple):
    """One written statement as the round sees it (speeches are indexes into the round's)."""

    key: str
    side: str | None
    speech: int  # the speech it was first said in
    answers: tuple[int, ...]  # the speeches that answered it (cons, undercuts of its step)
    extended: tuple[int, ...]  # the later speeches of its side that said it again
    dropped: int | None  # the first speech of the side it attacks that could have answered
    not_extended: bool  # not said in its side's last speech


class Round:
    """The speeches of one map's round and every statement's place in it."""

    def __init__(self, argmap: ArgumentMap, graph: ArgumentGraph) -> None:
        self.graph = graph
        self.speeches: tuple[Speech, ...] = argmap.speeches
        self.order = {s.name: i for i, s in enumerate(self.speeches)}
        self.sides: tuple[str, ...] = argmap.sides or tuple(dict.fromkeys(
            s.side for s in self.speeches if s.side is not None))
        claims = {}  # a claim without `side` is on the side of the speech it was said in
        for key in graph.claims:
            claim = graph.statements[key]
            side = claim.side or (self.speeches[self.order[claim.speech]].side
                                  if claim.speech in self.order else None)
            if side is not None:
                claims[key] = side
        self._sides = derive_sides(graph, claims, self.sides)
        self._said: dict[str, int] = {}
        self._link_said: dict[str, int] = {}
        self._in_last: dict[str, bool] = {}
        #: statement key -> the speeches its side said it again in (its extensions)
        self.extensions: dict[str, list[int]] = {}
        for link in graph.links:
            if self.extension(link) and link.speech is not None:
                self.extensions.setdefault(link.premises[0], []).append(self.order[link.speech])
        self.arguments: dict[str, Argument] = {key: self._argument(key) for key in graph.statements}

    # -- sides -----------------------------------------------------------

    def other(self, side: str | None) -> str | None:
        """The other side, when the round has exactly two."""
        if side is None or len(self.sides) != 2 or side not in self.sides:
            return None
        return self.sides[1] if side == self.sides[0] else self.sides[0]

    def side(self, key: str) -> str | None:
        """The side of a written statement."""
        return self._sides.of(key)

    def link_side(self, link: Link) -> str | None:
        """The side that makes a step: a pro is on its target's side, a con or an
        undercut on the other side."""
        return self._sides.step_of(link.key)

    # -- speeches --------------------------------------------------------

    def first_of(self, side: str | None, start: int) -> int:
        """The first speech of ``side`` at or after ``start`` (``start`` when it has none)."""
        if side is None:
            return start
        return next((i for i in range(start, len(self.speeches))
                     if self.speeches[i].side == side), start)

    def said(self, key: str) -> int:
        """The speech a written statement was first said in (see the module docstring)."""
        if key not in self._said:
            self._said[key] = 0
            statement = self.graph.statements[key]
            if statement.speech is not None and statement.speech in self.order:
                found = self.order[statement.speech]
            elif statement.is_claim or statement.link is None:
                found = self.first_of(self.side(key), 0)
            else:
                home = self.graph.link(statement.link)
                found = self.link_said(home) if home is not None else 0
            self._said[key] = found
        return self._said[key]

    def link_said(self, link: Link) -> int:
        """The speech a position was said in: its own `speech` (a ref's: an extension),
        else the first speech of its side at or after its parent's."""
        if link.key not in self._link_said:
            self._link_said[link.key] = 0
            if link.speech is not None and link.speech in self.order:
                found = self.order[link.speech]
            else:
                if link.relation is Relation.UNDERCUT:
                    attacked = self.graph.link(link.target)
                    parent = self.link_said(attacked) if attacked is not None else 0
                else:
                    parent = self.said(link.target) if link.target in self.graph.statements \
                        else 0
                found = self.first_of(self.link_side(link), parent)
                if link.ref:  # reused: not before the statement itself was said
                    found = max([found, *(self.said(p) for p in link.premises
                                          if p in self.graph.statements)])
            self._link_said[link.key] = found
        return self._link_said[link.key]

    def extension(self, link: Link) -> bool:
        """Whether a position says its statement again: a ref by its side, in a later speech."""
        if not link.ref or link.speech is None or len(link.premises) != 1:
            return False
        key = link.premises[0]
        return (key in self.graph.statements and link.speech in self.order
                and self.order[link.speech] > self.said(key)
                and self.speeches[self.order[link.speech]].side == self.side(key))

    # -- what the round did to each statement ----------------------------

    def _argument(self, key: str) -> Argument:
        graph = self.graph
        statement = graph.statements[key]
        side, said = self.side(key), self.said(key)
        attacks = [link for link in graph.links_into(key) if link.relation is Relation.CON]
        if statement.link is not None:
            attacks += graph.undercuts_of(statement.link)
        answers = tuple(sorted({self.link_said(link) for link in attacks}))
        extended = tuple(sorted(set(self.extensions.get(key, ()))))
        dropped = None
        if statement.is_claim:  # a claim is a sheet of the flow, not an argument on one
            return Argument(key, side, said, answers, extended, None, False)
        attacked = self.other(side)
        later = [i for i in range(said + 1, len(self.speeches))
                 if attacked is not None and self.speeches[i].side == attacked]
        if later and not any(i > said for i in answers):
            dropped = later[0]
        return Argument(key, side, said, answers, extended, dropped, not self.in_last(key))

    def in_last(self, key: str) -> bool:
        """Whether a statement's side said it in its last speech: first, again (a ref), or
        with what it supports (a `pro` is carried by the argument it supports, as
        extending an argument extends its warrants and cards)."""
        if key not in self._in_last:
            self._in_last[key] = True  # a guard; a written tree has no loop
            side = self.side(key)
            own = [i for i, s in enumerate(self.speeches) if side is not None and s.side == side]
            found = (not own or self.said(key) == own[-1]
                     or own[-1] in self.extensions.get(key, ()))
            statement = self.graph.statements[key]
            home = self.graph.link(statement.link) if statement.link is not None else None
            if not found and home is not None and home.relation is Relation.PRO and (
                    home.target in self.graph.statements
                    and not self.graph.statements[home.target].is_claim):
                found = self.in_last(home.target)
            self._in_last[key] = found
        return self._in_last[key]

    def index(self, name: str) -> int | None:
        """The place of a speech named ``name`` (case-insensitive), if the round has it."""
        folded = name.casefold()
        return next((i for i, s in enumerate(self.speeches) if s.name.casefold() == folded),
                    None)


def build_round(argmap: ArgumentMap, graph: ArgumentGraph | None = None) -> Round | None:
    """The round of a map, or None when the map has no `format` or `speeches`."""
    if not argmap.speeches:
        return None
    return Round(argmap, graph if graph is not None else build_graph(argmap))
