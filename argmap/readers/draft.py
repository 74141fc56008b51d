"""From a graph of statements and relations to argmap's tree of statements.

Every reader fills a :class:`Draft`: nodes (statements, with their source
span) and edges (premise -> the statement it supports or attacks, or for an
undercut -> the edge whose step it attacks). :func:`assemble` turns it into
an :class:`~argmap.model.ArgumentMap`:

- The claims are the draft's ``roots``, else the nodes that support or
  attack nothing (several roots, several claims); a node no claim reaches
  (a cycle) becomes a claim too, so no text is lost.
- Depth-first from the claims, each node is written where it is first
  reached; every later place holds a ``ref`` to it (a cycle is a ``ref`` to
  an ancestor). A node that is ``ref``'d, or that has a title in its
  source, gets an id slugged from its title or text, unique in the map.
- An undercut hangs under the premise of the edge it attacks, where that
  premise is written; if the premise is a ``ref`` there (it is written
  elsewhere), the undercut cannot hang on it and is counted in ``dropped``.

Iterative, so a chain nested thousands deep cannot overflow the stack.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from argmap.model import ArgumentMap, Citation, Relation, Source, Span, Statement

_STEP = {Relation.PRO: ".pro", Relation.CON: ".con", Relation.UNDERCUT: ".undercut"}
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_PATHLIKE = re.compile(r"c[0-9]+(\.|\Z)")
UNDERCUT_OF_REF = "undercuts of a premise used in several places, imported as claims"


class DNode(NamedTuple):
    """A statement as the source has it."""

    key: str
    text: str
    span: Span
    title: str | None = None
    by: str | None = None
    cites: tuple[Citation, ...] = ()
    tags: tuple[str, ...] = ()


class DEdge(NamedTuple):
    """``premise`` supports or attacks ``target``: a node key, or an edge index (undercut).

    ``linked`` is shared by the edges of one linked argument (an AIF RA-node or
    an Argdown inference with several premises). Format 1 has no linked
    premises, so :func:`assemble` writes each as a separate ``pro`` and the
    readers count them; format 1.1 will group the edges with one ``linked`` value.
    """

    premise: str
    target: str | int
    relation: Relation
    linked: int | None = None


@dataclass
class Draft:
    """What a reader found, before it becomes a map."""

    file: str
    map_id: str
    question: str
    span: Span
    nodes: dict[str, DNode] = field(default_factory=dict)
    edges: list[DEdge] = field(default_factory=list)
    roots: list[str] | None = None
    #: node -> the edge where the source writes it out (elsewhere it is a ``ref``)
    home: dict[str, int] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    dropped: Counter[str] = field(default_factory=Counter)
    tags: tuple[str, ...] = ()


class _Place(NamedTuple):
    key: str
    relation: Relation
    path: str
    parent: int  # index of the parent place, -1 for a claim
    ref: bool


def file_stem(file: str) -> str:
    """The file's name without its suffix: what names a map with no question or id."""
    from pathlib import PurePath

    from argmap.inputs import STDIN_ID, STDIN_NAME

    return STDIN_ID if file == STDIN_NAME else PurePath(file).stem


def slug(words: str, limit: int = 32) -> str:
    """A slug of the first words of ``words``: ASCII, lower-case, ``-`` between words."""
    ascii_text = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    found = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(found) > limit:
        cut = found[:limit + 1]
        found = cut[:cut.rfind("-")] if "-" in cut else found[:limit]
    return found.strip("-")


def assemble(draft: Draft) -> ArgumentMap:
    """The map the draft describes (see the module docstring)."""
    below: dict[str, list[int]] = {}
    undercuts: dict[int, list[int]] = {}
    premises: set[str] = set()
    for index, edge in enumerate(draft.edges):
        if edge.premise not in draft.nodes:
            continue
        if isinstance(edge.target, int):
            undercuts.setdefault(edge.target, []).append(index)
        elif edge.target in draft.nodes:
            below.setdefault(edge.target, []).append(index)
        else:
            continue
        premises.add(edge.premise)
    roots = draft.roots if draft.roots is not None else [
        k for k in draft.nodes if k not in premises]
    home = dict(draft.home)
    for target in undercuts:  # an undercut needs its premise written at that edge
        home.setdefault(draft.edges[target].premise, target)
    forced: set[str] = set()
    while True:
        places = _places(draft, roots, below, undercuts, home, forced)
        written = {p.key for p in places if not p.ref}
        waiting = {p.key for p in places if p.ref} - written
        if not waiting:
            break
        forced |= waiting  # its home is out of reach (a cycle): write it where first met
    undercutters = {draft.edges[i].premise for ids in undercuts.values() for i in ids}
    claims = len(roots)
    reached = {p.key for p in places}
    for key in draft.nodes:  # in a cycle, or undercutting a ref: a claim of its own
        if key in reached:
            continue
        draft.dropped[UNDERCUT_OF_REF] += key in undercutters
        claims += 1
        more = _places(draft, [key], below, undercuts, {}, set(), first=claims,
                       seen={p.key for p in places if not p.ref}, base=len(places))
        places += more
        reached.update(p.key for p in more)
    ids = _ids(draft, places)
    return ArgumentMap(draft.map_id, draft.question, draft.span, _statements(draft, places, ids),
                       tags=draft.tags, sources=draft.sources)


def _places(draft: Draft, roots: list[str], below: dict[str, list[int]],
            undercuts: dict[int, list[int]], home: dict[str, int], forced: set[str],
            first: int = 1, seen: set[str] | None = None, base: int = 0) -> list[_Place]:
    """Every place a statement is written or ``ref``'d, in pre-order.

    A node with a ``home`` edge is written there (a ``ref`` elsewhere), unless
    it is ``forced``: written where first met.
    """
    expanded = set() if seen is None else seen
    places: list[_Place] = []
    # (node, relation, path, parent place, the edge that led here)
    stack: list[tuple[str, Relation, str, int, int | None]] = []
    for n, key in enumerate(reversed(roots)):
        stack.append((key, Relation.CLAIM, f"c{first + len(roots) - 1 - n}", -1, None))
    edges = draft.edges
    while stack:
        key, relation, path, parent, via = stack.pop()
        if key in expanded or (via is not None and key not in forced
                                and home.get(key, via) != via):
            places.append(_Place(key, relation, path, parent, True))
            continue
        if relation is Relation.CLAIM and parent == -1 and key not in draft.nodes:
            continue
        expanded.add(key)
        here = base + len(places)
        places.append(_Place(key, relation, path, parent, False))
        children: list[tuple[str, Relation, int]] = [
            (edges[i].premise, edges[i].relation, i) for i in below.get(key, ())]
        children.sort(key=lambda c: c[1] is not Relation.PRO)  # pro, then con: stable
        if via is not None:
            children += [(edges[i].premise, Relation.UNDERCUT, i) for i in undercuts.get(via, ())]
        counts: Counter[Relation] = Counter()
        pushed = []
        for premise, rel, index in children:
            counts[rel] += 1
            pushed.append((premise, rel, f"{path}{_STEP[rel]}{counts[rel]}", here, index))
        stack.extend(reversed(pushed))
    return places


def _ids(draft: Draft, places: list[_Place]) -> dict[str, str]:
    """node key -> id, for nodes that are ``ref``'d or titled in their source."""
    wanted = {p.key for p in places if p.ref}
    wanted.update(k for k, n in draft.nodes.items() if n.title)
    ids: dict[str, str] = {}
    used: set[str] = set()
    for place in places:
        if place.ref or place.key not in wanted or place.key in ids:
            continue
        node = draft.nodes[place.key]
        base = slug(node.title or node.text) or "s"
        if _PATHLIKE.match(base):
            base = "s-" + base
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        ids[place.key] = candidate
    return ids


def _statements(draft: Draft, places: list[_Place], ids: dict[str, str]) -> tuple[Statement, ...]:
    """Build the statements bottom-up: children before their parents."""
    kids: dict[int, dict[Relation, list[Statement]]] = {}
    claims: list[Statement] = []
    for index in range(len(places) - 1, -1, -1):
        place = places[index]
        node = draft.nodes[place.key]
        if place.ref:
            built = Statement(place.path, place.relation, node.span, ref=ids[place.key])
        else:
            mine = kids.pop(index, {})
            built = Statement(
                place.path, place.relation, node.span, node.text, ids.get(place.key),
                node.span if place.key in ids else None,
                pro=tuple(reversed(mine.get(Relation.PRO, ()))),
                con=tuple(reversed(mine.get(Relation.CON, ()))),
                undercut=tuple(reversed(mine.get(Relation.UNDERCUT, ()))),
                cites=node.cites, by=node.by, tags=node.tags)
        if place.parent < 0:
            claims.append(built)
        else:
            kids.setdefault(place.parent, {}).setdefault(place.relation, []).append(built)
    claims.reverse()
    return tuple(claims)
