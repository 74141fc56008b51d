"""What to draw: a map cut down by --focus, --depth and --side, with citations numbered.

Renderers walk a :class:`View` rather than the map, so every output format
selects, cuts and numbers the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from argmap.model import ArgumentMap, Citation, Relation, Source, Statement, depth_first


class ViewError(ValueError):
    """An option names something the map does not have (an unknown --focus id)."""


class ViewOptions(NamedTuple):
    """How to cut a map down: all None means the whole map."""

    focus: str | None = None
    depth: int | None = None
    side: Relation | None = None


class Node(NamedTuple):
    """One statement as drawn (a NamedTuple, like the model's records: one per statement).

    A ``ref`` item is a node whose ``target`` is the statement it names; it has
    no children, so a statement is never expanded twice and cycles end.
    ``hidden`` counts the statements --depth left out below this node.
    """

    statement: Statement
    level: int
    children: tuple[Node, ...] = ()
    target: Statement | None = None
    hidden: int = 0
    citations: tuple[int, ...] = ()


@dataclass
class View:
    """A map prepared for drawing."""

    map: ArgumentMap
    roots: tuple[Node, ...]
    focus: Statement | None = None
    #: the ref position --focus named, when it named one (``c2.pro1`` of ``c2.pro1 → health``)
    via: str | None = None
    #: sources in order of first citation: (number, source id, source or None)
    sources: list[tuple[int, str, Source | None]] = field(default_factory=list)
    #: quotes and locators per statement path, for --quotes
    evidence: dict[str, list[tuple[int, Citation]]] = field(default_factory=dict)

    def walk(self) -> list[Node]:
        """Every node, depth-first in display order."""
        found: list[Node] = []
        stack = list(reversed(self.roots))
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(reversed(node.children))
        return found


def subtree_size(statement: Statement) -> int:
    """How many statements lie below one (refs count as one, never expanded)."""
    return sum(1 for _ in depth_first(statement.pro + statement.con + statement.undercut))


def build_view(argmap: ArgumentMap, options: ViewOptions | None = None) -> View:
    """Cut a map down as the options say and number its citations.

    Raises:
        ViewError: if ``options.focus`` names no statement.
    """
    options = options or ViewOptions()
    index = _Addresses(argmap)
    focus = via = None
    if options.focus is not None:
        focus, via = _find_focus(argmap, index, options.focus)
    view = View(argmap, (), focus, via)
    numbers: dict[str, int] = {}
    tops = (focus,) if focus is not None else argmap.claims
    level = 0 if focus is not None else 1
    view.roots = tuple(_node(s, level, options.depth, index, view, numbers, options.side)
                       for s in tops)
    return view


def build_views(maps: list[ArgumentMap], options: ViewOptions) -> list[View]:
    """A view of each map; with a focus, of the maps that have that statement.

    Raises:
        ViewError: if no map has the focused statement (naming each miss).
    """
    built, misses = [], []
    for argmap in maps:
        try:
            built.append(build_view(argmap, options))
        except ViewError as exc:
            misses.append(str(exc))
    if not built and misses:
        raise ViewError("; ".join(misses))
    return built


class _Addresses:
    """A map's statements by id and path, indexed on first lookup.

    Only --focus and refs look statements up, and most maps have neither:
    those skip a walk and a dict of every path.
    """

    def __init__(self, argmap: ArgumentMap) -> None:
        self._map = argmap
        self._index: dict[str, Statement] | None = None

    def all(self) -> dict[str, Statement]:
        """Every address (see :meth:`ArgumentMap.statements_by_address`)."""
        if self._index is None:
            self._index = self._map.statements_by_address()
        return self._index

    def get(self, address: str) -> Statement | None:
        """The statement with this id or path, if any."""
        return self.all().get(address)

    def refs(self) -> dict[str, Statement]:
        """Every ref position by its path (made only when --focus names none of the above)."""
        return {s.path: s for s in self._map.walk() if s.ref is not None}


#: how a derived path starts (c1, c12.pro2 ...): such an address names a position
_PATH_RE = re.compile(r"c[0-9]+(?:\.|\Z)")


def _find_focus(argmap: ArgumentMap, index: _Addresses,
                address: str) -> tuple[Statement, str | None]:
    """The statement --focus names, and the ref position it was named through, if any.

    A ref position (``c2.pro1`` holding ``ref: health``) stands for its target.

    Raises:
        ViewError: if nothing has that address, with a hint that never points at
            a statement other than the one meant.
    """
    found = index.get(address)
    if found is not None:
        return found, None
    ref = index.refs().get(address)
    if ref is not None and ref.ref is not None:
        target = index.get(ref.ref)
        if target is None:
            raise ViewError(f"'{address}' in map '{argmap.id}' is a ref to '{ref.ref}', "
                            "which no statement has")
        return target, address
    hint = _hint(address, argmap, index)
    raise ViewError(f"no statement '{address}' in map '{argmap.id}'{hint} (ids and paths such "
                    "as c1.pro2 both work; argmap show --ids lists them)")


def _hint(address: str, argmap: ArgumentMap, index: _Addresses) -> str:
    """What to say about an address nothing has.

    A path names a position: the path nearest in spelling is another
    position, so another statement (``c2.pro2`` for ``c2.pro1``). For a path
    the hint lists the positions that exist where it goes wrong; for anything
    else it suggests an id (ids are names, so a close one is likely a typo).
    """
    from argmap.diagnostics import did_you_mean

    if _PATH_RE.match(address) is None:
        ids = [a for a, s in index.all().items() if s.id == a]
        return did_you_mean(address, ids)
    paths = [s.path for s in argmap.walk()]
    parent = address.rpartition(".")[0]
    known = set(paths)
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


def _node(statement: Statement, level: int, depth: int | None, index: _Addresses,
          view: View, numbers: dict[str, int], side: Relation | None = None) -> Node:
    """Build one node and its children down to ``depth`` (the question is level 0).

    ``side`` keeps only the pro or con premises directly below this node.
    """
    if statement.ref is not None:
        # A ref shows no citations: they belong where the statement is written out.
        return Node(statement, level, (), index.get(statement.ref))
    cited = _number(statement, view, numbers) if statement.cites else ()
    if depth is not None and level >= depth:
        return Node(statement, level, (), None, subtree_size(statement), cited)
    below = statement.pro + statement.con + statement.undercut
    if not below:
        return Node(statement, level, (), None, 0, cited)
    children = tuple([_node(c, level + 1, depth, index, view, numbers) for c in below
                      if side is None or c.relation is side])
    return Node(statement, level, children, None, 0, cited)


def _number(statement: Statement, view: View, numbers: dict[str, int]) -> tuple[int, ...]:
    """Number a statement's sources in order of first appearance; keep its quotes."""
    cited: list[int] = []
    for citation in statement.cites:
        number = numbers.get(citation.source)
        if number is None:
            number = numbers[citation.source] = len(numbers) + 1
            view.sources.append((number, citation.source,
                                 view.map.sources.get(citation.source)))
        if number not in cited:
            cited.append(number)
        if citation.quote is not None or citation.locator is not None:
            view.evidence.setdefault(statement.path, []).append((number, citation))
    return tuple(sorted(cited))


def source_line(source_id: str, source: Source | None) -> str:
    """One line for the source list: author, title, publisher, date, URL."""
    if source is None:
        return source_id
    parts = []
    if source.author:
        parts.append(_sentence(", ".join(source.author)))
    parts.append(_sentence(source.title))
    where = ", ".join(p for p in (source.publisher, source.date) if p)
    if where:
        parts.append(_sentence(where))
    if source.url:
        parts.append(source.url)
    return " ".join(parts)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."
