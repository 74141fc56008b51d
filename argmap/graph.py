"""The argument graph: a map as statements and links, refs resolved in one place.

Every exporter (and later evaluation) reads an :class:`ArgumentGraph` built once
by :func:`build_graph`, cut down by :func:`argmap.view.cut` for ``--focus/--depth/--side``.

The shape (argdown-core's ``IMap {nodes, edges}`` with undercuts as attacks on edges):

- A :class:`GStatement` is one written statement, addressed by its ``key``: its
  explicit ``id``, else the derived path of the position it is written at
  (``c1.pro2``). A statement written once and ``ref``-ed elsewhere is one
  GStatement. Keys are always unique: a statement without an id whose path is
  another statement's id is keyed ``@`` + its path, and so is the second holder
  of a duplicate id (an error ``check`` reports) when its path is taken too.
- A :class:`Link` is one position below a claim (written or ``ref``), in file
  order, keyed ``l1``, ``l2``, ...: ``premises`` (statement keys; one in format
  1, several for format 1.1's linked arguments) bear on ``target`` with a
  ``relation``. A linked argument is one link: its premises' GStatements have
  it as their ``link``, its ``id``/``note``/``tags`` are on the Link, and its
  undercuts attack it as a whole (:meth:`ArgumentGraph.joint_undercuts`).
  For pro and con the target is a statement key (the parent); for an undercut
  it is the *key of the link it attacks* (the link from the parent to the
  grandparent). ``address`` is the position's derived path, ``ref`` says the
  premise is written elsewhere.
- ``positions`` maps every derived path (ref positions included) and every id
  to a statement key, so any address the user types finds its statement.
- ``citations`` numbers the cited sources in order of first appearance over
  the statements in the graph (as the terminal tree and DOT do).

Outline exporters use :func:`walk`: from each root (the claims, or the focused
statement), the children of a statement reached via link ``L`` are the
pro/con links into it, then the undercuts of ``L``; a premise is expanded only
at its written link, and a ``ref`` link is a pointer, so cycles end.

After :func:`argmap.view.cut`, a link's premise or target may name a statement the cut
left out: such statements are in ``outside`` (for previews such as
"↪ id “first words…”"), and a ``ref`` to an unknown id (only in maps that
fail ``check``) is in neither. The focused statement keeps the link to its
(outside) parent, so its undercuts have a link to attack. An undercut written
on a claim (an error ``check`` reports) has no link to attack and gets no Link.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from typing import NamedTuple

from argmap.errors import ViewError
from argmap.model import (
    FORMAT_VERSION,
    V1_2,
    ArgumentMap,
    Citation,
    Relation,
    Source,
    Span,
    Speech,
    Statement,
    at_least,
)

__all__ = ["ArgumentGraph", "GStatement", "Link", "ViewError", "Visit", "build_graph",
           "number_citations", "walk"]


class GStatement(NamedTuple):
    """One written statement (a claim or premise), wherever it is referenced."""

    key: str
    id: str | None
    path: str  # derived path of the position where it is written
    text: str
    by: str | None
    tags: tuple[str, ...]
    note: str | None
    cites: tuple[Citation, ...]
    span: Span
    is_claim: bool
    link: str | None  # key of the link at its written position; None for a claim
    weight: int | None = None  # as written on it (for a premise, also its link's weight)
    origin: str | None = None  # the identifier its source format gave it (imports only)
    side: str | None = None  # format 1.2: the side a claim names (see analysis.sides)
    speech: str | None = None  # format 1.2: the speech it was first said in
    answers: tuple[str, ...] = ()  # format 1.2: the critical questions it raises or settles

    @property
    def address(self) -> str:
        """How a user names it: its id, else its derived path."""
        return self.id if self.id is not None else self.path


class Link(NamedTuple):
    """One position: premises bearing on a statement (pro/con) or on a link (undercut)."""

    key: str
    premises: tuple[str, ...]
    target: str  # a statement key; for an undercut, a link key
    relation: Relation  # PRO, CON or UNDERCUT
    weight: int | None
    address: str  # derived path of the position, e.g. c2.con1
    span: Span
    ref: bool  # the position is a `ref` item (for a linked argument: every premise is one)
    id: str | None = None  # a linked argument's own id (format 1.1)
    note: str | None = None  # a linked argument's note
    tags: tuple[str, ...] = ()  # a linked argument's tags
    speech: str | None = None  # format 1.2: a ref step's speech (an extension)
    scheme: str | None = None  # format 1.2: the argument scheme of the step

    @property
    def linked(self) -> bool:
        """True for a linked argument: several premises that bear on the target together."""
        return len(self.premises) > 1

    def places(self) -> list[tuple[str, str]]:
        """Each premise with the path of its position: the link's own address for a single
        premise, ``<address>.<n>`` for a linked argument's n-th (``c1.pro1.2``)."""
        if len(self.premises) == 1:
            return [(self.premises[0], self.address)]
        return [(p, f"{self.address}.{n}") for n, p in enumerate(self.premises, 1)]

    def undercuts(self, link_key: str) -> bool:
        """True for an undercut of the link ``link_key`` (a linked argument's, say)."""
        return self.relation is Relation.UNDERCUT and self.target == link_key


class Visit(NamedTuple):
    """One line of an outline: a statement shown at a position (see :func:`walk`)."""

    key: str  # the statement shown
    link: Link | None  # the link it is reached by; None for a claim at the top
    depth: int  # 0 for the roots
    level: int  # as --depth counts: the question is 0, claims 1 (a focus is 0)
    expanded: bool  # False for a ref pointer: its statement is shown elsewhere (or cut)


@dataclass(slots=True)
class ArgumentGraph:
    """A map as statements and links; see the module docstring."""

    id: str
    question: str
    context: str | None
    tags: tuple[str, ...]
    span: Span  # where the map starts; span.file is the map's file
    sources: dict[str, Source]  # every source of the map; after a cut, the cited ones
    statements: dict[str, GStatement]  # by key, in file order
    claims: tuple[str, ...]  # statement keys of the claims in the graph
    links: tuple[Link, ...]  # in file order
    positions: dict[str, str]  # every path and id -> statement key
    citations: list[tuple[int, str, Source | None]]  # (number, source id, source)
    roots: tuple[str, ...]  # where outlines start: the claims, or the focus
    focus: str | None = None  # the focused statement's key, after cut(focus=...)
    #: the ref position --focus named, when it named one (``c2.con1`` of ``c2.con1 → health``)
    via: str | None = None
    hidden: dict[str, int] = field(default_factory=dict)  # key -> statements cut below
    outside: dict[str, GStatement] = field(default_factory=dict)  # named but cut away
    #: a whole map's graph in which every premise hangs below a claim (no undercut on a
    #: claim): its outline is its links in file order, which :func:`walk` reads directly
    whole: bool = False
    #: format 1.2: the map's `sides` as declared (derived sides: argmap.analysis.sides)
    sides: tuple[str, ...] = ()
    #: format 1.2: the map's `semantics`, when it sets one
    semantics: str | None = None
    #: format 1.2: the speech-order preset `format:` names, and the round's speeches
    format: str | None = None
    speeches: tuple[Speech, ...] = ()
    _into: dict[str, list[Link]] | None = field(default=None, repr=False, compare=False)
    _under: dict[str, list[Link]] | None = field(default=None, repr=False, compare=False)
    _by_key: dict[str, Link] | None = field(default=None, repr=False, compare=False)
    #: the format version the map declares (format 1.2 reads quote markup; older ones not)
    version: str = field(default=FORMAT_VERSION, compare=False)

    @property
    def marked(self) -> bool:
        """Whether the map's quotes carry markup (``==read==``): format 1.2 and later."""
        return at_least(self.version, V1_2)

    def __iter__(self) -> Iterator[GStatement]:
        """The statements, in file order."""
        return iter(self.statements.values())

    def __len__(self) -> int:
        return len(self.statements)

    def __contains__(self, address: object) -> bool:
        return isinstance(address, str) and self.positions.get(address) in self.statements

    def __getitem__(self, address: str) -> GStatement:
        """The statement with this id or derived path (``c1.pro2``, a ref position too).

        Raises:
            KeyError: if no statement in the graph has that address.
        """
        key = self.positions.get(address)
        if key is None or key not in self.statements:
            raise KeyError(address)
        return self.statements[key]

    def __repr__(self) -> str:
        cut = f", focus {self.address(self.focus)!r}" if self.focus is not None else ""
        return (f"<ArgumentGraph {self.id!r}: {len(self.statements)} statements, "
                f"{len(self.links)} links{cut}>")

    def _index(self) -> None:
        into: dict[str, list[Link]] = {}
        under: dict[str, list[Link]] = {}
        for link in self.links:
            bucket = under if link.relation is Relation.UNDERCUT else into
            found = bucket.get(link.target)
            if found is None:
                bucket[link.target] = [link]
            else:
                found.append(link)
        self._into, self._under = into, under

    def indexes(self) -> tuple[dict[str, list[Link]], dict[str, list[Link]]]:
        """(statement key -> pro/con links into it, link key -> undercuts of it), in file
        order: for hot loops that read many statements (do not mutate)."""
        if self._into is None or self._under is None:
            self._index()
        assert self._into is not None and self._under is not None
        return self._into, self._under

    def links_into(self, key: str) -> list[Link]:
        """The pro and con links into a statement, in file order (do not mutate)."""
        if self._into is None:
            self._index()
        assert self._into is not None
        return self._into.get(key, [])

    def undercuts_of(self, link_key: str) -> list[Link]:
        """The undercut links attacking a link, in file order (do not mutate)."""
        if self._under is None:
            self._index()
        assert self._under is not None
        return self._under.get(link_key, [])

    def link(self, link_key: str) -> Link | None:
        """The link with this key, if the graph has it."""
        if self._by_key is None:
            self._by_key = {link.key: link for link in self.links}
        return self._by_key.get(link_key)

    def children(self, key: str) -> list[Link]:
        """The links shown under a written statement: pro/con into it, then the undercuts
        of its own link (a linked argument's undercuts belong to the argument, shown
        after all its premises: :meth:`joint_undercuts`)."""
        statement = self.statements[key]
        into = self.links_into(key)
        if statement.link is None:
            return into
        cuts = self.undercuts_of(statement.link)
        if cuts and (home := self.link(statement.link)) is not None and home.linked:
            return into
        return into + cuts if cuts else into

    def has_linked(self) -> bool:
        """True if a link of the graph is a linked argument (a whole graph has none; see
        :func:`build_graph`), for exporters that take another path for those."""
        return not self.whole and any(len(link.premises) > 1 for link in self.links)

    def joint_undercuts(self, link: Link) -> list[Link]:
        """The undercuts of a linked argument (none for a single premise's link)."""
        return self.undercuts_of(link.key) if len(link.premises) > 1 else []

    def written_at(self, link: Link, premise: str) -> bool:
        """True if ``premise`` is written at ``link`` (expanded there), not a ``ref``."""
        if len(link.premises) == 1:
            return not link.ref
        found = self.statements.get(premise)
        return found is not None and found.link == link.key

    def lookup(self, key: str) -> GStatement | None:
        """A statement in the graph or named from it but cut away (for ref previews)."""
        found = self.statements.get(key)
        return found if found is not None else self.outside.get(key)

    def address(self, key: str) -> str:
        """How a user names a statement: its id, else its derived path."""
        found = self.lookup(key)
        if found is None:
            return key
        return found.id if found.id is not None else found.path

    def numbers(self) -> dict[str, int]:
        """Source id -> its citation number."""
        return {source_id: number for number, source_id, _ in self.citations}

    def cited(self, key: str, numbers: dict[str, int]) -> tuple[int, ...]:
        """The sorted citation numbers of one statement (``numbers`` from :meth:`numbers`)."""
        cites = self.statements[key].cites
        if not cites:
            return ()
        return tuple(sorted({numbers[c.source] for c in cites if c.source in numbers}))


def build_graph(argmap: ArgumentMap) -> ArgumentGraph:
    """Build the graph of a whole map: the one place refs are resolved."""
    graph = _build(argmap, frozenset())
    if graph is None:  # a path equals an id written later: redo, knowing every id
        graph = _build(argmap, frozenset(s.id for s in argmap.walk() if s.id is not None))
        assert graph is not None
    return graph


def _build(argmap: ArgumentMap, ids: frozenset[str]) -> ArgumentGraph | None:
    """One pass over the map, or None if a statement without an id took an id as key.

    The hot loop of every export: records are made with ``tuple.__new__``
    (a NamedTuple's own ``__new__`` is a Python function, a third of the cost)
    and one stack of plain tuples replaces recursion.
    """
    new = tuple.__new__
    statements: dict[str, GStatement] = {}
    links: list[Link] = []
    positions: dict[str, str] = {}
    with_ids: list[tuple[str, str]] = []
    orphans = False  # an undercut on a claim: no link, so the file order is not the outline
    #: linked arguments: link key -> (index in links, the link so far, its premises' keys)
    arguments: dict[str, tuple[int, Link, list[str]]] = {}
    undercut = Relation.UNDERCUT
    # (statement, parent key, parent's link key, the linked argument's link key if it
    # is one of its premises); pre-order, as the file reads.
    stack: list[tuple[Statement, str | None, str | None, str | None]] = [
        (c, None, None, None) for c in reversed(argmap.claims)]
    pop, push = stack.pop, stack.extend
    while stack:
        s, parent, parent_link, argument = pop()
        # one unpacking instead of a dozen attribute lookups (Statement's field order)
        path, relation, span, text, sid, _, ref, pro, con, cuts, cites, by, tags, note, \
            weight, premises, origin, side, speech, scheme, answers = s
        link_key = target = None
        if argument is not None:
            link_key = argument
        elif parent is not None:
            target = parent_link if relation is undercut else parent
            # An undercut on a claim (an error for `check`) has no link to attack.
            if target is not None:
                link_key = f"l{len(links) + 1}"
            else:
                orphans = True
        if premises:  # a linked argument: one link, completed when its premises are read
            if link_key is not None and target is not None:
                link = new(Link, (link_key, (), target, relation, weight, path, span, True,
                                  sid, note, tags, speech, scheme))
                arguments[link_key] = (len(links), link, [])
                links.append(link)
                push(zip(reversed(premises + cuts), repeat(parent),
                         repeat(link_key), [*repeat(None, len(cuts)),
                                            *repeat(link_key, len(premises))]))
            continue
        if ref is None:
            if sid is None:
                key = "@" + path if path in ids or path in statements else path
            else:
                key = sid
                if key in statements:  # a duplicate id (an error for `check`)
                    key = "@" + path if path in statements or path in ids else path
                with_ids.append((sid, key))
            statements[key] = new(GStatement, (key, sid, path, text, by, tags, note, cites,
                                               span, parent is None, link_key, weight,
                                               origin, side, speech, answers))
            if pro or con or cuts:
                push(zip(reversed(pro + con + cuts), repeat(key), repeat(link_key),
                         repeat(None)))
        else:
            key = ref
            if cuts and link_key is not None:  # format 1.2: undercuts of this ref's step
                push(zip(reversed(cuts), repeat(key), repeat(link_key), repeat(None)))
        positions[path] = key
        if argument is not None:
            arguments[argument][2].append(key)
        elif link_key is not None:
            links.append(new(Link, (link_key, (key,), target, relation, weight, path, span,
                                    ref is not None, None, None if ref is None else note, (),
                                    speech, scheme)))
    for index, link, keys in arguments.values():
        written = any(statements[k].link == link.key for k in keys if k in statements)
        links[index] = link._replace(premises=tuple(keys), ref=not written)
    first: dict[str, str] = {}
    for id_, key in with_ids:
        if id_ not in first:
            if key != id_:
                return None
            first[id_] = key
    positions.update(first)  # an explicit id wins over an equal path
    claims = tuple(k for k, s in statements.items() if s.is_claim)
    return ArgumentGraph(argmap.id, argmap.question, argmap.context, argmap.tags,
                         argmap.span,
                         argmap.sources, statements, claims, tuple(links), positions,
                         number_citations(statements.values(), argmap.sources), claims,
                         whole=not orphans and not arguments, sides=argmap.sides,
                         semantics=argmap.semantics, format=argmap.format,
                         speeches=argmap.speeches, version=argmap.version)


def number_citations(statements: Iterable[GStatement],
            sources: dict[str, Source]) -> list[tuple[int, str, Source | None]]:
    """Number cited sources in order of first citation over ``statements``."""
    numbers: dict[str, int] = {}
    out: list[tuple[int, str, Source | None]] = []
    for s in statements:
        for c in s.cites:
            if c.source not in numbers:
                numbers[c.source] = len(numbers) + 1
                out.append((numbers[c.source], c.source, sources.get(c.source)))
    return out


def walk(graph: ArgumentGraph) -> list[Visit]:
    """Every line of an outline of the graph, depth-first in display order.

    Roots come first (the claims, or the focus); below a written statement come
    :meth:`ArgumentGraph.children`; a ``ref`` link is a visit that is not
    expanded, so each statement's subtree appears once and cycles end.
    """
    if graph.whole:
        found = _walk_links(graph)
        if found is not None:
            return found
    return _walk_stack(graph)


def _walk_links(graph: ArgumentGraph) -> list[Visit] | None:
    """:func:`walk` of a whole graph: each claim, then its links in file order.

    The links are in pre-order (pro, con, then undercut below each statement,
    as the file reads), which is the outline's order, so no stack is needed;
    a position's depth is the number of dots in its path. None if the links
    do not all fall below the claims in order (then the stack walk decides).
    """
    new = tuple.__new__
    out: list[Visit] = []
    append = out.append
    links, statements = graph.links, graph.statements
    i, count = 0, len(links)
    for key in graph.claims:
        append(new(Visit, (key, None, 0, 1, True)))
        below = statements[key].path + "."
        while i < count:
            link = links[i]
            address = link.address
            if not address.startswith(below):
                break
            depth = address.count(".")
            for premise in link.premises:
                append(new(Visit, (premise, link, depth, depth + 1, not link.ref)))
            i += 1
    return out if i == count else None


def _walk_stack(graph: ArgumentGraph) -> list[Visit]:
    """:func:`walk` by the children of each statement, for any (cut) graph."""
    new = tuple.__new__
    top = 0 if graph.focus is not None else 1
    out: list[Visit] = []
    stack: list[Visit] = []
    for key in reversed(graph.roots):
        home = graph.statements[key].link
        stack.append(Visit(key, graph.link(home) if home else None, 0, top, True))
    into, under = graph.indexes()
    statements = graph.statements
    pop, append = stack.pop, out.append
    while stack:
        visit = pop()
        append(visit)
        if not visit.expanded:
            step = visit.link  # format 1.2: a ref's own step may be undercut
            if step is not None and step.ref and len(step.premises) == 1 and step.key in under:
                for cut_link in reversed(under[step.key]):
                    stack.append(new(Visit, (cut_link.premises[0], cut_link, visit.depth + 1,
                                             visit.level + 1, not cut_link.ref)))
            continue
        below = into.get(visit.key, [])
        home = statements[visit.key].link
        if home is not None and home in under and visit.link is not None and (
                len(visit.link.premises) == 1):
            below = below + under[home]
        if not below:
            continue
        depth, level = visit.depth + 1, visit.level + 1
        for link in reversed(below):
            if len(link.premises) == 1:
                stack.append(new(Visit, (link.premises[0], link, depth, level, not link.ref)))
                continue
            # a linked argument: its premises, then the undercuts of the argument
            for cut_link in reversed(under.get(link.key, ())):
                for premise in reversed(cut_link.premises):
                    stack.append(new(Visit, (premise, cut_link, depth, level,
                                             graph.written_at(cut_link, premise))))
            for premise in reversed(link.premises):
                stack.append(new(Visit, (premise, link, depth, level,
                                         graph.written_at(link, premise))))
    return out
