"""Go to definition, find references, the outline, and rename, in a file and its project.

An id is defined by a statement's ``id`` (or a linked argument's) and used by
every ``ref`` naming it; a source is defined by its key under ``sources`` and
used by every citation of it. Both are per map: a file of several documents
has as many namespaces. Another map's statement or source is named
``MAP-ID/ID`` (format 1.2, projects): its definition is in that map's file, and
in a project (a project file found walking up) references and rename cover every
file of it, as ``argmap rename`` does (:mod:`argmap.project.rename`, which this
module calls, never repeats).
"""

from __future__ import annotations

from typing import NamedTuple

from lsprotocol import types as t

from argmap.lsp.analysis import Analysis
from argmap.lsp.features import lsp_range
from argmap.lsp.index import CITE, ID, REF, SOURCE, Item, Occurrence
from argmap.lsp.text import Lines
from argmap.model import SLUG_RE, ArgumentMap, Span, split_name
from argmap.project.rename import Change

#: which occurrence kinds define a name, and which use it
_FAMILY = {ID: (ID, REF), REF: (ID, REF), SOURCE: (SOURCE, CITE), CITE: (SOURCE, CITE)}
_DEFINES = {ID: ID, REF: ID, SOURCE: SOURCE, CITE: SOURCE}


class RenameError(Exception):
    """A rename argmap refuses; the message says why (the editor shows it)."""


def occurrence(analysis: Analysis, line: int, character: int) -> Occurrence | None:
    """The id, ref, source or citation under the cursor (a key is none of them)."""
    index = analysis.index
    if index is None:
        return None
    found = index.at(analysis.lines.offset(line, character))
    return found if found is not None and found.kind in _FAMILY else None


class Target(NamedTuple):
    """What a name under the cursor names: an id or source (``kind``: ID or SOURCE) of a
    map, its own or another (``foreign``: written ``MAP-ID/ID``)."""

    map_id: str
    name: str
    kind: str
    foreign: bool


def target(analysis: Analysis, found: Occurrence) -> Target | None:
    """The statement or source ``found`` names (None: its map cannot be told)."""
    own = analysis.map_of_document(found.document)
    map_id, local = split_name(found.name)
    kind = _DEFINES[found.kind]
    if map_id is None or (own is not None and map_id == own.id):
        return None if own is None else Target(own.id, local, kind, False)
    return Target(map_id, local, kind, True)


def other_map(analysis: Analysis, map_id: str) -> ArgumentMap | None:
    """Another map of the project, read if it is not yet (None outside a project)."""
    project = analysis.names_project
    return None if project is None else project.find(map_id)


def definition(analysis: Analysis, uri: str, line: int, character: int) -> list[t.Location]:
    """Where the id or source under the cursor is defined (in another map's file for a
    ``MAP-ID/ID``)."""
    found = occurrence(analysis, line, character)
    if found is None or analysis.index is None:
        return []
    named = target(analysis, found)
    if named is not None and named.foreign:
        other = other_map(analysis, named.map_id)
        span = None if other is None else defined_at(other, named)
        located = None if span is None else locate(analysis, span, named.name)
        return [] if located is None else [located]
    name = found.name if named is None else named.name
    targets = analysis.index.named((_DEFINES[found.kind],), name, found.document)
    return [t.Location(uri, lsp_range(analysis.lines, o.start, o.end)) for o in targets[:1]]


def defined_at(argmap: ArgumentMap, named: Target) -> Span | None:
    """Where a map defines a statement's id or a source (None: it has no such name)."""
    if named.kind == SOURCE:
        source = argmap.sources.get(named.name)
        return None if source is None else source.span
    for s in argmap.walk():
        if s.id == named.name and s.ref is None and s.id_span is not None:
            return s.id_span
    return None


def locate(analysis: Analysis, span: Span, name: str) -> t.Location | None:
    """The location of ``name`` written at ``span`` (inside its quotes, if any)."""
    lines = analysis.lines_of(span.file)
    if lines is None:
        return None
    start = lines.span_offset(span.line, span.column)
    if lines.text[start:start + 1] in ("'", '"'):
        start += 1
    return t.Location(analysis.uri_of(span.file), lsp_range(lines, start, start + len(name)))


def references(analysis: Analysis, uri: str, line: int, character: int, declaration: bool
               ) -> list[t.Location]:
    """Every place that names the id or source under the cursor, in text order: in a
    project, in every file of it (``MAP-ID/ID`` in the others), this file first."""
    found = occurrence(analysis, line, character)
    if found is None or analysis.index is None:
        return []
    named = target(analysis, found)
    project = analysis.project
    if named is not None and project is not None:
        from argmap.project.rename import uses

        places = uses(project, named.map_id, named.name)
        if places:  # else a name defined nowhere: its uses in this file, as outside
            return [where for where, place in _ordered(analysis, uri, places)
                    if declaration or not place.definition]
    if named is not None and named.foreign:  # no project file: this file's uses of it
        uses_here = [t.Location(uri, lsp_range(analysis.lines, o.start, o.end))
                     for o in analysis.index.named((_FAMILY[found.kind][1],), found.name,
                                                   found.document)]
        defined = definition(analysis, uri, line, character) if declaration else []
        return defined + uses_here
    kinds = _FAMILY[found.kind] if declaration else (_FAMILY[found.kind][1],)
    name = found.name if named is None else named.name
    return [t.Location(uri, lsp_range(analysis.lines, o.start, o.end))
            for o in analysis.index.named(kinds, name, found.document)]


def _ordered(analysis: Analysis, uri: str, places: list[Change]
             ) -> list[tuple[t.Location, Change]]:
    """Where each name is written (the name as it is written there), this file's first,
    each file's in text order."""
    located = []
    cache: dict[str, Lines | None] = {}
    for place in places:
        if place.file not in cache:
            cache[place.file] = analysis.lines_of(place.file)
        lines = cache[place.file]
        if lines is None:
            continue
        offset = lines.starts[min(place.line - 1, len(lines) - 1)] + place.start
        where = analysis.uri_of(place.file)
        spot = t.Location(where, lsp_range(lines, offset, offset + len(place.old)))
        located.append(((where != uri, where, offset), spot, place))
    located.sort(key=lambda item: item[0])
    return [(spot, place) for _, spot, place in located]


def prepare_rename(analysis: Analysis, line: int, character: int) -> t.Range | None:
    """The name a rename at the cursor would change (of ``MAP-ID/ID``, the ``ID``), or
    None where there is none."""
    found = occurrence(analysis, line, character)
    if found is None:
        return None
    head = found.name.rfind("/") + 1 if "/" in found.name else 0
    return lsp_range(analysis.lines, found.start + head, found.end)


def rename(analysis: Analysis, uri: str, line: int, character: int, new: str
           ) -> t.WorkspaceEdit:
    """One edit that renames the id or source under the cursor everywhere in its map,
    changing the names' characters only (quotes, comments, layout all stay).

    Raises:
        RenameError: where nothing can be renamed, or for a name that is not a slug, is
            shaped like a derived path, or is taken.
    """
    from argmap.readers.yaml.build import PATH_LIKE

    found = occurrence(analysis, line, character)
    if found is None or analysis.index is None:
        raise RenameError("nothing to rename here: put the cursor on an id, a ref, a "
                          "source or a citation")
    index, kind = analysis.index, _DEFINES[found.kind]
    named = target(analysis, found)
    name = found.name if named is None else named.name
    foreign = named is not None and named.foreign
    if not foreign and not index.named((kind,), name, found.document):
        raise RenameError(f"'{name}' is defined nowhere in this map: nothing to rename")
    if not SLUG_RE.match(new):
        raise RenameError(f"'{new}' is not a valid id (lower-case letters, digits, '-', '_', "
                          "'.'; starting with a letter or digit)")
    if kind == ID and PATH_LIKE.match(new):
        raise RenameError(f"'{new}' looks like a derived path (c1.pro2): it would address "
                          "two statements alike; choose a name")
    if not foreign and new != name and new in index.names(kind, found.document):
        what = "statement or argument" if kind == ID else "source"
        raise RenameError(f"'{new}' is already the id of a {what} in this map")
    if named is not None and analysis.project is not None:
        return _rename_in_project(analysis, uri, named, new)
    if foreign:
        raise RenameError(f"'{found.name}' is another map's: renaming it needs the project "
                          "file (argmap.toml) of the maps that name it")
    edits = [t.TextEdit(lsp_range(analysis.lines, o.start, o.end), new)
             for o in index.named(_FAMILY[kind], found.name, found.document)]
    return t.WorkspaceEdit(changes={uri: edits})


def _rename_in_project(analysis: Analysis, uri: str, named: Target, new: str
                       ) -> t.WorkspaceEdit:
    """``argmap rename MAP-ID/ID NEW``'s changes, as one edit over every file it touches."""
    from argmap.errors import UsageError
    from argmap.project.rename import plan

    assert analysis.project is not None
    if new == named.name:
        return t.WorkspaceEdit(changes={})
    try:
        done = plan(analysis.project, f"{named.map_id}/{named.name}", new)
    except UsageError as exc:
        raise RenameError(str(exc)) from None
    if done.move is not None:  # a map id: not from a statement's or source's name
        raise RenameError("renaming a map is not done here: run argmap rename")
    changes: dict[str, list[t.TextEdit]] = {}
    for where, change in _ordered(analysis, uri, done.changes):
        changes.setdefault(where.uri, []).append(t.TextEdit(where.range, change.new))
    return t.WorkspaceEdit(changes=changes)


_SYMBOL_KIND = {"map": t.SymbolKind.Module, "claim": t.SymbolKind.Class,
                "pro": t.SymbolKind.Property, "con": t.SymbolKind.Property,
                "undercut": t.SymbolKind.Event, "premises": t.SymbolKind.Struct,
                "ref": t.SymbolKind.Key, "sources": t.SymbolKind.Namespace,
                "source": t.SymbolKind.Object}


def symbols(analysis: Analysis) -> list[t.DocumentSymbol]:
    """The map as the editor's outline: question, claims, and their premises at any depth,
    each named with its marker, then the sources. Empty when the text is not YAML."""
    if analysis.index is None:
        return []
    return [_symbol(analysis, item) for item in analysis.index.outline]


def _symbol(analysis: Analysis, item: Item) -> t.DocumentSymbol:
    lines = analysis.lines
    select_start = min(max(item.select_start, item.start), item.end)
    select_end = max(min(item.select_end, item.end), select_start)
    return t.DocumentSymbol(
        name=item.name or "(empty)", detail=item.detail, kind=_SYMBOL_KIND[item.kind],
        range=lsp_range(lines, item.start, item.end),
        selection_range=lsp_range(lines, select_start, select_end),
        children=[_symbol(analysis, child) for child in item.children])
