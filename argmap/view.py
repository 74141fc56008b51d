"""What to draw: a map cut down by --focus, --depth and --side, with citations numbered.

Renderers walk a :class:`View` rather than the map, so every output format
selects, cuts and numbers the same way.
"""

from __future__ import annotations

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
    focus = None
    if options.focus is not None:
        focus = index.get(options.focus)
        if focus is None:
            from argmap.diagnostics import did_you_mean

            raise ViewError(f"no statement '{options.focus}' in map '{argmap.id}'"
                            f"{did_you_mean(options.focus, index.all())} (ids and paths such as "
                            "c1.pro2 both work; argmap show --ids lists them)")
    view = View(argmap, (), focus)
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
