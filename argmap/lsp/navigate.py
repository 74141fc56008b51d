"""Go to definition, find references, the outline, and rename, within one file.

An id is defined by a statement's ``id`` (or a linked argument's) and used by
every ``ref`` naming it; a source is defined by its key under ``sources`` and
used by every citation of it. Both are per map: a file of several documents
has as many namespaces. (Qualified ``MAP/ID`` names across a project come with
the projects issue.)
"""

from __future__ import annotations

from lsprotocol import types as t

from argmap.lsp.analysis import Analysis
from argmap.lsp.features import lsp_range
from argmap.lsp.index import CITE, ID, REF, SOURCE, Item, Occurrence
from argmap.model import SLUG_RE

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


def definition(analysis: Analysis, uri: str, line: int, character: int) -> list[t.Location]:
    """Where the id or source under the cursor is defined."""
    found = occurrence(analysis, line, character)
    if found is None or analysis.index is None:
        return []
    targets = analysis.index.named((_DEFINES[found.kind],), found.name, found.document)
    return [t.Location(uri, lsp_range(analysis.lines, o.start, o.end)) for o in targets[:1]]


def references(analysis: Analysis, uri: str, line: int, character: int, declaration: bool
               ) -> list[t.Location]:
    """Every place that names the id or source under the cursor, in text order."""
    found = occurrence(analysis, line, character)
    if found is None or analysis.index is None:
        return []
    kinds = _FAMILY[found.kind] if declaration else (_FAMILY[found.kind][1],)
    return [t.Location(uri, lsp_range(analysis.lines, o.start, o.end))
            for o in analysis.index.named(kinds, found.name, found.document)]


def prepare_rename(analysis: Analysis, line: int, character: int) -> t.Range | None:
    """The name a rename at the cursor would change, or None where there is none."""
    found = occurrence(analysis, line, character)
    return None if found is None else lsp_range(analysis.lines, found.start, found.end)


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
    if not index.named((kind,), found.name, found.document):
        raise RenameError(f"'{found.name}' is defined nowhere in this map: nothing to rename")
    if not SLUG_RE.match(new):
        raise RenameError(f"'{new}' is not a valid id (lower-case letters, digits, '-', '_', "
                          "'.'; starting with a letter or digit)")
    if kind == ID and PATH_LIKE.match(new):
        raise RenameError(f"'{new}' looks like a derived path (c1.pro2): it would address "
                          "two statements alike; choose a name")
    if new != found.name and new in index.names(kind, found.document):
        what = "statement or argument" if kind == ID else "source"
        raise RenameError(f"'{new}' is already the id of a {what} in this map")
    edits = [t.TextEdit(lsp_range(analysis.lines, o.start, o.end), new)
             for o in index.named(_FAMILY[kind], found.name, found.document)]
    return t.WorkspaceEdit(changes={uri: edits})


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
