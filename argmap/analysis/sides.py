"""Who says what: the side of every statement and step (format 1.2, "Sides").

A claim names its side (``side: aff``). Every other statement takes its side
from the place it is written: a ``pro`` (or a premise of a linked ``pro``) is
on its parent's side; a ``con`` or an ``undercut`` is on the other side when
the debate has exactly two sides, and *against* the parent's side otherwise.
A statement reused through ``ref`` keeps the side of the place where it is
written; the step a ``ref`` item makes belongs to the side its position gives
(a ``ref`` under a ``con`` is a step against the parent).

``--for`` names our side by a side name or by claim ids; claim ids make two
sides of the map, "ours" (those claims) and "theirs" (the others), so the
debate layer works the same on maps that declare no sides.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.errors import UsageError
from argmap.graph import ArgumentGraph
from argmap.model import Relation

__all__ = ["OURS", "THEIRS", "Sides", "against", "derive_sides", "sides_for"]

#: the side names ``--for`` with claim ids gives our claims and the others
OURS, THEIRS = "ours", "theirs"
#: how a statement against a side is named in a debate of more (or fewer) than two sides
AGAINST = "against "


class Sides(NamedTuple):
    """The sides of one graph: their names, and the side of each statement and step."""

    names: tuple[str, ...]
    statements: dict[str, str | None]  # statement key -> its side (None: no side known)
    links: dict[str, str | None]  # link key -> the side that makes the step

    def of(self, key: str) -> str | None:
        """A statement's side (None when nothing gives it one)."""
        return self.statements.get(key)

    def ours(self, key: str, side: str) -> bool:
        """Whether the statement ``key`` is on ``side``."""
        return self.statements.get(key) == side

    def step_of(self, link_key: str) -> str | None:
        """The side that makes a step (a link)."""
        return self.links.get(link_key)


def against(names: tuple[str, ...], side: str | None) -> str | None:
    """The side of what attacks ``side``: the other one of two, else "against <side>"."""
    if side is None:
        return None
    if len(names) == 2 and side in names:
        return names[1] if side == names[0] else names[0]
    if side.startswith(AGAINST):  # against the side that is against X: X
        return side[len(AGAINST):]
    return AGAINST + side


def derive_sides(graph: ArgumentGraph, claims: dict[str, str] | None = None,
                 names: tuple[str, ...] | None = None) -> Sides:
    """Every statement's and step's side, in one pass over the links in file order.

    ``claims`` gives claim keys their sides (default: each claim's own `side`);
    ``names`` the sides of the debate (default: the map's `sides`, else the
    claims' sides in order of first appearance). The links are in pre-order, so a
    link's parent (a statement, or for an undercut the step it attacks) is
    decided before it.
    """
    if claims is None:
        claims = {key: s.side for key in graph.claims
                  if (s := graph.statements[key]).side is not None}
    if names is None:
        names = graph.sides or tuple(dict.fromkeys(claims.values()))
    statements: dict[str, str | None] = dict(claims)
    links: dict[str, str | None] = {}
    pro, undercut = Relation.PRO, Relation.UNDERCUT
    for link in graph.links:
        if link.relation is undercut:
            side = against(names, links.get(link.target))
        else:
            parent = statements.get(link.target)
            side = parent if link.relation is pro else against(names, parent)
        links[link.key] = side
        for premise in link.premises:
            if premise not in statements and graph.written_at(link, premise):
                statements[premise] = side
    for key in graph.statements:
        statements.setdefault(key, None)
    return Sides(names, statements, links)


def sides_for(graph: ArgumentGraph, names: list[str]) -> tuple[str, Sides]:
    """Our side for ``--for``: a side name, or claim ids (ours; the other claims theirs).

    Returns the side's name (``ours`` for claim ids) and the graph's sides.

    Raises:
        UsageError: if a name is neither a side of the map nor one of its claims.
    """
    declared = derive_sides(graph)
    if len(names) == 1 and names[0] in declared.names:
        return names[0], declared
    keys = []
    for name in names:
        key = graph.positions.get(name)
        if key is None or key not in graph.claims:
            from argmap.diagnostics import did_you_mean

            claims = [graph.address(k) for k in graph.claims]
            known = [*declared.names, *claims]
            sides = f"sides: {', '.join(declared.names)}; " if declared.names else ""
            raise UsageError(f"--for {name}: not a side or a claim of map '{graph.id}'"
                             f"{did_you_mean(name, known)} ({sides}claims: "
                             f"{', '.join(claims)})")
        if key not in keys:
            keys.append(key)
    if not keys:
        raise UsageError("--for needs a side or at least one claim id")
    if len(keys) == len(graph.claims) > 1:
        raise UsageError(f"--for {','.join(names)}: names every claim of map '{graph.id}', "
                         "so nothing is left for the other side; name one side (or our "
                         "claims only)")
    chosen = {key: OURS if key in keys else THEIRS for key in graph.claims}
    return OURS, derive_sides(graph, chosen, (OURS, THEIRS))
