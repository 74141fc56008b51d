"""From a reader's :class:`~argmap.readers.draft.Draft` to argmap's tree of statements.

:func:`assemble` turns a draft into an :class:`~argmap.model.ArgumentMap`:

- The claims are the draft's ``roots``, else the nodes that support or
  attack nothing (several roots, several claims); a node no claim reaches
  (a cycle) becomes a claim too, so no text is lost.
- Depth-first from the claims, each node is written where it is first
  reached; every later place holds a ``ref`` to it (a cycle is a ``ref`` to
  an ancestor). A node that is ``ref``'d, or that has a title in its
  source, gets an id slugged from its title or text, unique in the map.
- An undercut hangs under the premise of the edge it attacks, where that
  premise is written; if the premise is a ``ref`` there (it is written
  elsewhere), it hangs under the ``ref`` item, as an undercut of that step
  (format 1.2's steps on a ``ref``).
- The edges that share one ``linked`` value (and their target and relation)
  are one linked argument (format 1.1): a single ``pro``/``con`` item at the
  target with the edges' premises, each written there or a ``ref`` by the
  rule above; an undercut of any of its edges attacks the argument as a
  whole. Its id (from :attr:`Draft.arguments`' title) is unique among the
  statement ids. A group with one distinct premise is an ordinary item.
- Nodes with the same text (ignoring case and spacing, as ``check``'s
  ``duplicate-text`` does) are one statement (:mod:`argmap.readers.same_text`);
  then a relation of a statement to itself, or a second one with the same
  premise, kind and target, is left out: one link per (premise, kind, target).

Iterative, so a chain nested thousands deep cannot overflow the stack.
"""

from __future__ import annotations

import re
from bisect import insort
from collections import Counter
from typing import NamedTuple

from argmap.diagnostics import error
from argmap.model import ArgumentMap, Relation, Statement
from argmap.readers import ReadResult
from argmap.readers.draft import DArgument, Draft, slug
from argmap.readers.same_text import merge_same_text, one_link_each
from argmap.readers.yaml.build import MAX_DEPTH

_STEP = {Relation.PRO: ".pro", Relation.CON: ".con", Relation.UNDERCUT: ".undercut"}
_PATHLIKE = re.compile(r"c[0-9]+(\.|\Z)")
UNDERCUT_OF_REF = "undercuts of a premise used in several places, imported as claims"


class _Place(NamedTuple):
    key: str  # "" for a linked argument
    relation: Relation
    path: str
    parent: int  # index of the parent place, -1 for a claim
    ref: bool
    group: int | None = None  # the ``linked`` value of a linked argument


#: what the walk still has to place: (node or "", relation, path, parent place,
#: the edge that led here, the linked argument)
_Todo = tuple[str, Relation, str, int, "int | None", "int | None"]


class _Graph(NamedTuple):
    """The draft's edges, indexed for the walk."""

    below: dict[str, list[int]]  # node -> the pro/con edges into it
    undercuts: dict[int, list[int]]  # edge -> the undercut edges aimed at it
    group_of: dict[int, int]  # edge -> its linked argument (groups of 2+ premises only)
    groups: dict[int, list[int]]  # linked argument -> its edges, one per premise
    anchor: dict[int, int]  # edge -> the linked argument written in its place
    premises: set[str]  # the nodes that support or attack something


class TooDeep(Exception):
    """Statements would nest deeper than the YAML reader reads (``MAX_DEPTH``)."""


def assemble_into(draft: Draft, result: ReadResult) -> None:
    """Add the draft's map to ``result``, or a located ``too-deep`` error instead of a map
    nested deeper than argmap reads back (found before its paths pile up: a chain of
    thousands would otherwise build megabytes of them, and a YAML file ``check`` refuses)."""
    try:
        result.maps.append(assemble(draft))
    except TooDeep as exc:
        result.diagnostics.append(error(
            "too-deep", f"statements nest more than {MAX_DEPTH} levels deep here; argmap "
            "reads no deeper (cut the chain into several claims)", exc.args[0]))


def assemble(draft: Draft) -> ArgumentMap:
    """The map the draft describes (see the module docstring)."""
    merge_same_text(draft)
    one_link_each(draft)
    graph = _index(draft)
    undercuts = graph.undercuts
    roots = draft.roots if draft.roots is not None else [
        k for k in draft.nodes if k not in graph.premises]
    home = dict(draft.home)
    for target in undercuts:  # an undercut needs its premise written at that edge
        if target not in graph.group_of:  # (a linked argument's undercut hangs on it)
            home.setdefault(draft.edges[target].premise, target)
    forced: set[str] = set()
    while True:
        places = _places(draft, graph, roots, home, forced)
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
        more = _places(draft, graph, [key], {}, set(), first=claims,
                       seen={p.key for p in places if not p.ref}, base=len(places))
        places += more
        reached.update(p.key for p in more)
    ids = _ids(draft, places)
    return ArgumentMap(draft.map_id, draft.question, draft.span, _statements(draft, places, ids),
                       context=draft.context, tags=draft.tags, sources=draft.sources)


def _index(draft: Draft) -> _Graph:
    """The edges between known nodes, by target, and the linked arguments among them."""
    below: dict[str, list[int]] = {}
    undercuts: dict[int, list[int]] = {}
    linked: dict[int, list[int]] = {}
    premises: set[str] = set()
    for index, edge in enumerate(draft.edges):
        if edge.premise not in draft.nodes:
            continue
        if isinstance(edge.target, int):
            undercuts.setdefault(edge.target, []).append(index)
        elif edge.target in draft.nodes:
            below.setdefault(edge.target, []).append(index)
            if edge.linked is not None:
                linked.setdefault(edge.linked, []).append(index)
        else:
            continue
        premises.add(edge.premise)
    group_of: dict[int, int] = {}
    groups: dict[int, list[int]] = {}
    anchor: dict[int, int] = {}
    for group, members in linked.items():
        first = draft.edges[members[0]]
        if any((draft.edges[i].target, draft.edges[i].relation) != (first.target, first.relation)
               for i in members):
            continue  # not one argument: its edges stay ordinary items
        distinct = {draft.edges[i].premise: i for i in reversed(members)}
        if len(distinct) < 2:
            continue
        groups[group] = sorted(distinct.values())
        group_of.update((i, group) for i in members)
        at = draft.arguments.get(group, DArgument()).at
        left_out = at is not None and 0 <= at < len(draft.edges) and isinstance(
            draft.edges[at].target, str) and draft.edges[at].target not in draft.nodes
        if at is None or not left_out:
            at = groups[group][0]
        else:  # the place of an edge that is left out (Argdown: "+ <A>" under A's conclusion)
            insort(below[str(first.target)], at)
        anchor[at] = group
        for i in members:  # an undercut of a repeated edge attacks the same argument
            if i != distinct[draft.edges[i].premise] and i in undercuts:
                undercuts.setdefault(distinct[draft.edges[i].premise], []).extend(undercuts.pop(i))
    return _Graph(below, undercuts, group_of, groups, anchor, premises)


def _places(draft: Draft, graph: _Graph, roots: list[str], home: dict[str, int],
            forced: set[str], first: int = 1, seen: set[str] | None = None,
            base: int = 0) -> list[_Place]:
    """Every place a statement is written or ``ref``'d, or a linked argument is, in pre-order.

    A node with a ``home`` edge is written there (a ``ref`` elsewhere), unless
    it is ``forced``: written where first met.
    """
    expanded = set() if seen is None else seen
    places: list[_Place] = []
    stack: list[_Todo] = []
    for n, key in enumerate(reversed(roots)):
        stack.append((key, Relation.CLAIM, f"c{first + len(roots) - 1 - n}", -1, None, None))
    edges, group_of = draft.edges, graph.group_of
    while stack:
        key, relation, path, parent, via, group = stack.pop()
        here = base + len(places)
        if group is not None:  # a linked argument: its premises, then its undercuts
            places.append(_Place("", relation, path, parent, False, group))
            members = graph.groups[group]
            pushed: list[_Todo] = [(edges[i].premise, relation, f"{path}.{n}", here, i, None)
                                   for n, i in enumerate(members, 1)]
            # an undercut of every edge of the group (AIF's CA on an RA-node) is one undercut
            cuts: dict[str, int] = {}
            for i in members:
                for u in graph.undercuts.get(i, ()):
                    cuts.setdefault(edges[u].premise, u)
            pushed += [(edges[u].premise, Relation.UNDERCUT, f"{path}.undercut{n}", here, u, None)
                       for n, u in enumerate(cuts.values(), 1)]
            stack.extend(reversed(pushed))
            continue
        if key in expanded or (via is not None and key not in forced
                                and home.get(key, via) != via):
            places.append(_Place(key, relation, path, parent, True))
            if via is not None and via not in group_of and via in graph.undercuts:
                # format 1.2: an undercut of this step hangs on the ref item
                stack.extend(reversed([
                    (edges[u].premise, Relation.UNDERCUT, f"{path}.undercut{n}", here, u, None)
                    for n, u in enumerate(graph.undercuts[via], 1)]))
            continue
        if relation is Relation.CLAIM and parent == -1 and key not in draft.nodes:
            continue
        expanded.add(key)
        places.append(_Place(key, relation, path, parent, False))
        children: list[tuple[str, Relation, int, int | None]] = []
        for i in graph.below.get(key, ()):
            linked = graph.anchor.get(i)
            if linked is not None:  # the argument sits where its anchor edge is
                children.append(("", edges[graph.groups[linked][0]].relation, i, linked))
            elif i not in group_of:
                children.append((edges[i].premise, edges[i].relation, i, None))
        children.sort(key=lambda c: c[1] is not Relation.PRO)  # pro, then con: stable
        if via is not None and via not in group_of:
            children += [(edges[i].premise, Relation.UNDERCUT, i, None)
                         for i in graph.undercuts.get(via, ())]
        if children and path.count(".") >= MAX_DEPTH - 1:
            raise TooDeep(draft.nodes[key].span if key in draft.nodes else draft.span)
        counts: Counter[Relation] = Counter()
        pushed = []
        for premise, rel, index, linked in children:
            counts[rel] += 1
            pushed.append((premise, rel, f"{path}{_STEP[rel]}{counts[rel]}", here, index, linked))
        stack.extend(reversed(pushed))
    return places


def _ids(draft: Draft, places: list[_Place]) -> dict[str | int, str]:
    """node key (or linked argument) -> id, for nodes that are ``ref``'d or titled in
    their source and for titled arguments: one namespace, so no id names both."""
    wanted = {p.key for p in places if p.ref}
    wanted.update(k for k, n in draft.nodes.items() if n.title)
    ids: dict[str | int, str] = {}
    used: set[str] = set()
    for place in places:
        title: str | None
        if place.group is not None:
            name: str | int = place.group
            title = draft.arguments.get(place.group, DArgument()).title
            if not title:
                continue
        elif place.ref or place.key not in wanted or place.key in ids:
            continue
        else:
            name = place.key
            node = draft.nodes[place.key]
            title = node.title or node.text
        base = slug(title) or "s"
        if _PATHLIKE.match(base):
            base = "s-" + base
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        ids[name] = candidate
    return ids


def _statements(draft: Draft, places: list[_Place],
                ids: dict[str | int, str]) -> tuple[Statement, ...]:
    """Build the statements bottom-up: children before their parents."""
    kids: dict[int, dict[Relation, list[Statement]]] = {}
    claims: list[Statement] = []
    for index in range(len(places) - 1, -1, -1):
        place = places[index]
        if place.group is not None:
            mine = kids.pop(index, {})
            argument = draft.arguments.get(place.group, DArgument())
            together = tuple(reversed(mine.get(place.relation, ())))
            span = argument.span or together[0].span
            name = ids.get(place.group)
            built = Statement(place.path, place.relation, span, "", name,
                              span if name is not None else None,
                              undercut=tuple(reversed(mine.get(Relation.UNDERCUT, ()))),
                              tags=argument.tags, note=argument.note,
                              weight=argument.weight, premises=together)
        elif place.ref:
            node = draft.nodes[place.key]
            cuts = kids.pop(index, {}).get(Relation.UNDERCUT, [])
            built = Statement(place.path, place.relation, node.span, ref=ids[place.key],
                              undercut=tuple(reversed(cuts)))
        else:
            node = draft.nodes[place.key]
            mine = kids.pop(index, {})
            built = Statement(
                place.path, place.relation, node.span, node.text.strip(), ids.get(place.key),
                node.span if place.key in ids else None,
                pro=tuple(reversed(mine.get(Relation.PRO, ()))),
                con=tuple(reversed(mine.get(Relation.CON, ()))),
                undercut=tuple(reversed(mine.get(Relation.UNDERCUT, ()))),
                cites=node.cites, by=_trimmed(node.by), tags=_tags(node.tags),
                origin=node.origin)
        if place.parent < 0:
            claims.append(built)
        else:
            kids.setdefault(place.parent, {}).setdefault(place.relation, []).append(built)
    claims.reverse()
    return tuple(claims)


def _trimmed(text: str | None) -> str | None:
    """A text trimmed as the YAML reader trims one (every Unicode space, U+2028 and
    U+00A0 too), so an imported map and its YAML hold the same texts; None if empty."""
    if text is None:
        return None
    return text.strip() or None


def _tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in (tag.strip() for tag in tags) if t)
