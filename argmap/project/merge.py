"""The project as one debate: its maps merged into one map whose names are all qualified.

Evaluation, briefs and stats read a project through :func:`merge`: every statement
``x`` of map ``m`` becomes ``m/x`` (its path too: ``m/c1.pro2``), every local ref and
citation is qualified the same way, and a qualified name stays as written. A
statement written in one map and ref-ed from another is then one statement with
one status in the whole project, whatever map it is looked at from.

Diagrams stay per map: :func:`foreign` gives the statements of other maps a map
refs, keyed by their qualified names, for the view to show as pointer boxes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.graph import ArgumentGraph, GStatement, build_graph
from argmap.model import ArgumentMap, Citation, Source, Span, Statement, split_name


def merge(maps: Iterable[ArgumentMap], name: str) -> ArgumentMap:
    """One map holding every claim (and every library card) of ``maps``, names qualified.

    The merged map's question is the maps' question when they share one (a
    resolution), else their questions joined with " | ".
    """
    maps = list(maps)
    claims: list[Statement] = []
    sources: dict[str, Source] = {}
    questions: list[str] = []
    for m in maps:
        claims.extend(_qualified(c, m.id) for c in m.claims)
        for source_id, source in m.sources.items():
            key = f"{m.id}/{source_id}"
            sources[key] = source._replace(id=key)
        if m.question and m.question not in questions:
            questions.append(m.question)
    first = maps[0] if maps else None
    return ArgumentMap(
        id=_slug(name), question=" | ".join(questions) or name,
        span=first.span if first is not None else Span(name, 1, 1), claims=tuple(claims),
        sources=sources, sides=next((m.sides for m in maps if m.sides), ()),
        semantics=next((m.semantics for m in maps if m.semantics), None))


def _qualified(statement: Statement, map_id: str) -> Statement:
    """The statement and everything below it with every name qualified by ``map_id``."""
    def name(value: str) -> str:
        return value if "/" in value else f"{map_id}/{value}"

    def below(items: tuple[Statement, ...]) -> tuple[Statement, ...]:
        return tuple(_qualified(s, map_id) for s in items)

    return statement._replace(
        path=f"{map_id}/{statement.path}",
        id=None if statement.id is None else name(statement.id),
        ref=None if statement.ref is None else name(statement.ref),
        cites=tuple(c._replace(source=name(c.source)) for c in statement.cites),
        pro=below(statement.pro), con=below(statement.con),
        undercut=below(statement.undercut), premises=below(statement.premises))


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9_.\-]+", "-", name.lower()).strip("-_.")
    return slug or "project"


def merged_key(map_id: str, key: str) -> str:
    """The key a statement of ``map_id`` (keyed ``key`` in its own graph) has when merged."""
    if "/" in key:
        return key
    if key.startswith("@"):
        return f"@{map_id}/{key[1:]}"
    return f"{map_id}/{key}"


def foreign(graph: ArgumentGraph, maps: dict[str, ArgumentMap],
            graphs: dict[str, ArgumentGraph]) -> dict[str, GStatement]:
    """The statements of other maps that ``graph``'s refs name, keyed ``MAP-ID/ID``.

    ``graphs`` caches the other maps' graphs. Each is shown as the other map's
    statement (its text and citations' count), addressed by its qualified name.
    """
    found: dict[str, GStatement] = {}
    for link in graph.links:
        for key in link.premises:
            map_id, local = split_name(key)
            if map_id is None or key in found:
                continue
            other = maps.get(map_id)
            if other is None:
                continue
            if map_id not in graphs:
                graphs[map_id] = build_graph(other)
            target = graphs[map_id].statements.get(graphs[map_id].positions.get(local, ""))
            if target is not None:
                found[key] = target._replace(key=key, id=key, path=key, cites=(), link=None,
                                             is_claim=False)
    return found


def cites_of(maps: dict[str, ArgumentMap], citation: Citation) -> Source | None:
    """The source a qualified citation names, if its map has it."""
    map_id, local = split_name(citation.source)
    other = maps.get(map_id) if map_id is not None else None
    return None if other is None else other.sources.get(local)
