"""Where things are in a map's text: ids, refs, citations, sources, keys, and the outline.

Built from the YAML composed by :func:`argmap.readers.yaml.source.parse`,
whose nodes keep character offsets; the meaning (texts, statuses) comes from
the loaded model. Only a text that is YAML has an index: a half-typed file
keeps the last one it had (:mod:`argmap.lsp.analysis`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from argmap.readers.yaml.source import (
    Located,
    Parsed,
    content_end,
    get,
    is_mapping,
    is_sequence,
    parse,
    statements,
)

#: occurrence kinds: a statement's `id`, a `ref` to one, a source's key, a citation of one
ID, REF, SOURCE, CITE, KEY = "id", "ref", "source", "cite", "key"
#: which key table a mapping's keys come from
MAP, STATEMENT, LINKED, REF_ITEM, CITATION, SOURCE_ENTRY = (
    "map", "statement", "linked", "ref", "citation", "source")


class Occurrence(NamedTuple):
    """A name at a place: ``start`` and ``end`` are the offsets of the name itself (inside
    any quotes), so replacing them renames it and keeps every other byte."""

    kind: str
    name: str
    start: int
    end: int
    document: int
    #: for a key, the table it belongs to (MAP, STATEMENT, ...); else the statement's path
    owner: str


@dataclass
class Item:
    """One entry of the outline: a statement (or the map, or a source) and what is below it."""

    kind: str  # map, claim, pro, con, undercut, premises, ref, sources, source
    name: str
    detail: str
    start: int
    end: int
    select_start: int
    select_end: int
    children: list[Item] = field(default_factory=list)


@dataclass
class Index:
    """Every occurrence in a text, sorted by position, and its outline."""

    occurrences: list[Occurrence]
    outline: list[Item]
    located: list[Located]
    parsed: Parsed
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.occurrences.sort(key=lambda o: o.start)
        self._starts = [o.start for o in self.occurrences]

    def at(self, offset: int) -> Occurrence | None:
        """The occurrence whose name covers ``offset`` (or ends right at it)."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.occurrences[i].start <= offset <= self.occurrences[i].end:
            return self.occurrences[i]
        return None

    def named(self, kinds: tuple[str, ...], name: str, document: int) -> list[Occurrence]:
        """Every occurrence of ``name`` of those kinds in one document, in text order."""
        return [o for o in self.occurrences
                if o.kind in kinds and o.name == name and o.document == document]

    def names(self, kind: str, document: int) -> set[str]:
        """Every name of one kind in a document (its ids, or its sources' keys)."""
        return {o.name for o in self.occurrences if o.kind == kind and o.document == document}


def build_index(text: str) -> Index | None:
    """The index of a YAML text, or None when it is not YAML."""
    from argmap.readers.yaml.source import YAMLSyntaxError

    try:
        parsed = parse(text, comments=False)
    except (YAMLSyntaxError, RecursionError, UnicodeEncodeError):
        return None
    found: list[Occurrence] = []
    located = list(statements(parsed.documents))
    items: dict[int, Item] = {}  # id(node) -> outline item
    outline = []
    for number, document in enumerate(parsed.documents):
        if not is_mapping(document):
            continue
        _keys(document, MAP, number, found)
        root = Item("map", _text(document, "question") or "(no question)",
                    _text(document, "id") or "", document.start_mark.index,
                    content_end(parsed, document), *_select(document, "question"))
        items[id(document)] = root
        outline.append(root)
    relations: dict[int, str] = {}  # id(node) -> relation, for a linked argument's premises
    for spot in located:
        relation = relations.get(id(spot.holder), "pro") if spot.key == "premises" else (
            "claim" if spot.key == "claims" else spot.key)
        relations[id(spot.node)] = relation
        item = _statement(parsed, spot, found, relation)
        parent = items.get(id(spot.holder))
        if parent is not None:
            parent.children.append(item)
        items[id(spot.node)] = item
    for number, document in enumerate(parsed.documents):  # the sources, after the claims
        if is_mapping(document):
            _sources(parsed, document, number, found, items[id(document)])
    return Index(found, outline, located, parsed)


def _statement(parsed: Parsed, spot: Located, found: list[Occurrence], relation: str) -> Item:
    """Record one statement's names and keys; return its outline item. ``relation`` is
    claim, pro, con or undercut (a linked argument's premise has the argument's)."""
    node, number = spot.node, spot.document
    table = (LINKED if spot.linked else REF_ITEM if get(node, "ref") is not None
             else STATEMENT)
    _keys(node, table, number, found)
    for key, kind in (("id", ID), ("ref", REF)):
        pair = get(node, key)
        if pair is not None and pair[1].id == "scalar":
            found.append(_name(kind, pair[1], number, spot.path))
    pair = get(node, "cites")
    if pair is not None and is_sequence(pair[1]):
        for cite in pair[1].value:
            if is_mapping(cite):
                _keys(cite, CITATION, number, found)
                source = get(cite, "source")
                cite = source[1] if source is not None else None
            if cite is not None and cite.id == "scalar":
                found.append(_name(CITE, cite, number, spot.path))
    if table == REF_ITEM:
        ref = _text(node, "ref") or ""
        return Item("ref", f"{_MARKS[relation]} ↪ {ref}", spot.path, node.start_mark.index,
                    content_end(parsed, node), *_select(node, "ref"))
    if table == LINKED:
        return Item("premises", f"{_MARKS[relation]} together:", spot.id or spot.path,
                    node.start_mark.index, content_end(parsed, node), *_select(node, "id"))
    words = " ".join((_text(node, "text") or "(no text)").split())
    return Item(relation, f"{_MARKS[relation]} {words}", spot.id or spot.path,
                node.start_mark.index, content_end(parsed, node), *_select(node, "text"))


#: the markers of `argmap show`, so the editor's outline reads like the tree
_MARKS = {"claim": "◆", "pro": "+", "con": "−", "undercut": "⊘"}


def _sources(parsed: Parsed, document: Any, number: int, found: list[Occurrence],
             root: Item) -> None:
    pair = get(document, "sources")
    if pair is None or not is_mapping(pair[1]):
        return
    group = Item("sources", "sources", f"{len(pair[1].value)}", pair[0].start_mark.index,
                 content_end(parsed, pair[1]), pair[0].start_mark.index,
                 pair[0].end_mark.index)
    for key, value in pair[1].value:
        if key.id != "scalar":
            continue
        found.append(_name(SOURCE, key, number, ""))
        title = _text(value, "title") if is_mapping(value) else None
        if is_mapping(value):
            _keys(value, SOURCE_ENTRY, number, found)
        group.children.append(Item("source", str(key.value), title or "",
                                   key.start_mark.index, content_end(parsed, value),
                                   key.start_mark.index, key.end_mark.index))
    root.children.append(group)


def _keys(mapping: Any, table: str, number: int, found: list[Occurrence]) -> None:
    for key, _value in mapping.value:
        if key.id == "scalar":
            found.append(Occurrence(KEY, str(key.value), key.start_mark.index,
                                    key.end_mark.index, number, table))


def _name(kind: str, node: Any, number: int, owner: str) -> Occurrence:
    """A scalar's name, its offsets inside the quotes of a quoted scalar."""
    start, end = int(node.start_mark.index), int(node.end_mark.index)
    if node.style in ("'", '"'):
        start, end = start + 1, end - 1
    return Occurrence(kind, str(node.value), start, end, number, owner)


def _text(mapping: Any, key: str) -> str | None:
    pair = get(mapping, key)
    if pair is None or pair[1].id != "scalar":
        return None
    return str(pair[1].value)


def _select(mapping: Any, key: str) -> tuple[int, int]:
    """The offsets an outline entry selects: the value of ``key``, else the mapping's start."""
    pair = get(mapping, key)
    if pair is None:
        return int(mapping.start_mark.index), int(mapping.start_mark.index)
    return int(pair[1].start_mark.index), int(pair[1].end_mark.index)
