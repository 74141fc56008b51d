"""A view of a map: the graph cut down by ``--focus``, ``--depth`` and ``--side``.

:func:`cut` takes a whole-map :class:`~argmap.graph.ArgumentGraph` and keeps
the focused statement's subtree, the levels above the depth limit and one side
under each root; :func:`view_graph` builds and cuts in one call. Addresses
are ids or derived paths (``c1.pro2``); one nothing has gets a hint that never
points at a statement other than the one meant.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from argmap.errors import ViewError
from argmap.graph import ArgumentGraph, GStatement, build_graph, number_citations
from argmap.model import ArgumentMap, Relation

__all__ = ["ViewError", "ViewOptions", "cut", "cut_graphs", "view_graph"]


class ViewOptions(NamedTuple):
    """How to cut a map down (``--focus``, ``--depth``, ``--side``): all None is the whole map."""

    focus: str | None = None
    depth: int | None = None
    side: Relation | None = None
    #: ``--for``: keep only these claims (keys) as roots; empty: every claim
    claims: tuple[str, ...] = ()


def cut(graph: ArgumentGraph, options: ViewOptions) -> ArgumentGraph:
    """Cut a whole-map graph down as ``--focus``, ``--depth`` and ``--side`` say.

    Focus by id or path; a ref position (``c2.con1`` holding ``ref: health``)
    focuses its target and is kept as ``via``. Depth counts from the question (level 0, claims
    at 1) or from the focus (level 0); side keeps only the pro or con links
    directly under each root; ``hidden`` counts the positions left out below
    each statement at the depth limit. Citations are renumbered over what
    remains, and ``sources`` keeps only the cited sources.

    Raises:
        ViewError: if ``options.focus`` names no statement.
    """
    if options.focus is None and options.depth is None and options.side is None and (
            not options.claims):
        return graph
    focus = via = None
    if options.focus is not None:
        focus, via = _find_focus(graph, options.focus)
    roots = (focus,) if focus is not None else (
        tuple(k for k in graph.roots if k in options.claims) if options.claims else graph.roots)
    kept: dict[str, GStatement] = {}
    kept_links: set[str] = set()
    hidden: dict[str, int] = {}
    depth, side = options.depth, options.side
    stack = [(key, 0 if focus is not None else 1, True) for key in reversed(roots)]
    while stack:
        key, level, is_root = stack.pop()
        kept[key] = graph.statements[key]
        below = graph.children(key)
        if depth is not None and level >= depth:
            if below:
                hidden[key] = _count_below(graph, key)
            continue
        if is_root and side is not None:
            below = [link for link in below if link.relation is side]
        for link in reversed(below):
            for joint in graph.joint_undercuts(link):  # shown with the argument's premises
                kept_links.add(joint.key)
                if not joint.ref:
                    stack.extend([(p, level + 1, False) for p in reversed(joint.premises)])
            kept_links.add(link.key)
            stack.extend([(p, level + 1, False) for p in reversed(link.premises)
                          if graph.written_at(link, p)])
            if link.ref and len(link.premises) == 1:  # format 1.2: undercuts of a ref's step
                for step_cut in graph.undercuts_of(link.key):
                    kept_links.add(step_cut.key)
                    if not step_cut.ref:
                        stack.append((step_cut.premises[0], level + 2, False))
    if focus is not None and graph.statements[focus].link is not None:
        kept_links.add(graph.statements[focus].link)  # type: ignore[arg-type]
    statements = {k: s for k, s in graph.statements.items() if k in kept}
    links = tuple(link for link in graph.links if link.key in kept_links)
    outside: dict[str, GStatement] = {}
    for link in links:
        for name in (*link.premises, link.target):
            if name not in statements:
                found = graph.lookup(name)
                if found is not None:
                    outside[name] = found
    citations = number_citations(statements.values(), graph.sources)
    cited = {source_id for _, source_id, _ in citations}
    return ArgumentGraph(
        graph.id, graph.question, graph.context, graph.tags, graph.span,
        {k: v for k, v in graph.sources.items() if k in cited}, statements,
        tuple(k for k in graph.claims if k in statements), links,
        {a: k for a, k in graph.positions.items() if k in statements}, citations,
        tuple(roots), focus, via, hidden, outside, sides=graph.sides,
        semantics=graph.semantics, format=graph.format, speeches=graph.speeches,
        version=graph.version)


def _count_below(graph: ArgumentGraph, key: str) -> int:
    """How many positions lie below a statement (refs count as one, never expanded)."""
    count = 0
    stack = [key]
    while stack:
        for link in graph.children(stack.pop()):
            for joint in (link, *graph.joint_undercuts(link)):
                count += len(joint.premises)
                stack.extend(p for p in joint.premises if graph.written_at(joint, p))
    return count


def view_graph(argmap: ArgumentMap, options: ViewOptions | None = None) -> ArgumentGraph:
    """A map's graph cut as ``options`` say (the whole map without options).

    Raises:
        ViewError: if ``options.focus`` names no statement.
    """
    return cut(build_graph(argmap), options or ViewOptions())


#: how a derived path starts (c1, c12.pro2 ...): such an address names a position
_PATH_RE = re.compile(r"c[0-9]+(?:\.|\Z)")


def _ref_positions(graph: ArgumentGraph) -> set[str]:
    """The paths of the positions that hold a ``ref``: a ref item, or a linked argument's
    premise written elsewhere (``c1.pro1.2``)."""
    return {path for link in graph.links for premise, path in link.places()
            if not graph.written_at(link, premise)}


def _find_focus(graph: ArgumentGraph, address: str) -> tuple[str, str | None]:
    """The key of the statement --focus names, and the ref position named, if one was.

    Raises:
        ViewError: if nothing has that address, with a hint that never points at
            a statement other than the one meant.
    """
    key = graph.positions.get(address)
    if key is not None:
        written = graph.statements.get(key)
        if written is not None and (written.path == address or written.id == address):
            return key, None
        if address in _ref_positions(graph):
            if written is None:
                raise ViewError(f"'{address}' in map '{graph.id}' is a ref to '{key}', "
                                "which no statement has")
            return key, address
    argument = next((link for link in graph.links
                     if link.linked and address in (link.address, link.id)), None)
    if argument is not None:
        premises = ", ".join(graph.address(p) for p in argument.premises)
        raise ViewError(f"'{address}' in map '{graph.id}' is a linked argument, not a statement; "
                        f"focus one of its premises ({premises}) or what it bears on "
                        f"('{graph.address(argument.target)}')")
    raise ViewError(f"no statement '{address}' in map '{graph.id}'{_hint(graph, address)} "
                    "(ids and paths such as c1.pro2 both work; argmap show --ids lists them)")


def _hint(graph: ArgumentGraph, address: str) -> str:
    """What to say about an address nothing has.

    A path names a position: the path nearest in spelling is another
    position, so another statement (``c2.pro2`` for ``c2.pro1``). For a path
    the hint lists the positions that exist where it goes wrong; for anything
    else it suggests an id (ids are names, so a close one is likely a typo).
    """
    from argmap.diagnostics import did_you_mean

    statements = graph.statements
    if _PATH_RE.match(address) is None:
        ids = [a for a, k in graph.positions.items()
               if (s := statements.get(k)) is not None and s.id == a]
        return did_you_mean(address, ids)
    known = {s.path for s in statements.values()} | {link.address for link in graph.links} | (
        _ref_positions(graph))
    paths = [a for a in graph.positions if a in known]  # file order
    parent = address.rpartition(".")[0]
    while parent and parent not in known:
        parent = parent.rpartition(".")[0]
    if parent:
        below = [p for p in paths if p.startswith(parent + ".") and "." not in p[len(parent) + 1:]]
    else:
        below = [p for p in paths if "." not in p]
    if not below:
        return f"; '{parent}' has nothing below it"
    shown = ", ".join(below[:8]) + (", …" if len(below) > 8 else "")
    return f"; '{parent}' has {shown} below it" if parent else f"; the claims are {shown}"


def cut_graphs(maps: list[ArgumentMap], view: ViewOptions,
               attach: Callable[[ArgumentGraph], None] | None = None) -> list[ArgumentGraph]:
    """Build each map's graph and cut it as ``view`` says (``attach`` adds to each graph
    before the cut: the statements of other maps its refs name, in a project).

    With ``--focus``, only the maps that have the focused statement are kept.

    Raises:
        ViewError: if no map has the focused statement (naming each miss).
    """
    done: list[ArgumentGraph] = []
    misses: list[str] = []
    for argmap in maps:
        try:
            whole = build_graph(argmap)
            if attach is not None:
                attach(whole)
            done.append(cut(whole, view))
        except ViewError as exc:
            misses.append(str(exc))
    if not done and misses:
        more = f"; and {len(misses) - 3} more maps have none" if len(misses) > 3 else ""
        raise ViewError("; ".join(misses[:3]) + more)
    return done
