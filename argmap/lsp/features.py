"""Diagnostics, completion and hover, as pure functions of an :class:`Analysis`.

Positions come in and go out as LSP has them (UTF-16 characters); inside,
offsets are code points (:mod:`argmap.lsp.text`).
"""

from __future__ import annotations

from itertools import islice

from lsprotocol import types as t

from argmap.diagnostics import Diagnostic, Severity
from argmap.diagnostics.codes import CODES
from argmap.lsp.analysis import Analysis
from argmap.lsp.context import Context, context_at
from argmap.lsp.index import CITE, ID, KEY, REF, SOURCE, Occurrence
from argmap.lsp.text import Lines, token_end
from argmap.model import (
    CITATION_KEYS,
    LINKED_KEYS,
    MAP_KEYS,
    REF_STEP_KEYS,
    SEMANTICS,
    SOURCE_KEYS,
    STATEMENT_KEYS,
    V1_2,
    VERSIONS,
    ArgumentMap,
    KeySpec,
    Statement,
    at_least,
    split_name,
)
from argmap.project import Project

#: the key table of each kind of mapping (a `ref` item: `ref` and its step's keys)
TABLES: dict[str, dict[str, KeySpec]] = {
    "map": MAP_KEYS, "statement": STATEMENT_KEYS, "linked": LINKED_KEYS,
    "ref": {"ref": STATEMENT_KEYS["ref"], **REF_STEP_KEYS}, "citation": CITATION_KEYS,
    "source": SOURCE_KEYS,
}
#: at most this many names in one completion list; more typing narrows it (isIncomplete)
MAX_ITEMS = 200
_SEVERITY = {Severity.ERROR: t.DiagnosticSeverity.Error,
             Severity.WARNING: t.DiagnosticSeverity.Warning}
_LIST_TYPES = frozenset({"statements", "premises", "citations", "sources", "tags", "slugs"})


def lsp_range(lines: Lines, start: int, end: int) -> t.Range:
    """The LSP range of code-point offsets ``start`` to ``end``."""
    return t.Range(t.Position(*lines.position(start)), t.Position(*lines.position(end)))


def diagnostic_range(lines: Lines, d: Diagnostic) -> t.Range:
    """Where a diagnostic points, widened to the token there (a key, a value, a quoted
    scalar), and never outside the document."""
    start = lines.span_offset(d.span.line, d.span.column)
    number = lines.line_of(start)
    line = lines.line(number)
    column = start - lines.starts[number]
    return lsp_range(lines, start, lines.starts[number] + token_end(line, column))


def diagnostics(analysis: Analysis) -> list[t.Diagnostic]:
    """``check``'s diagnostics of the document: the same codes, messages and positions."""
    return [t.Diagnostic(range=diagnostic_range(analysis.lines, d), message=d.message,
                         severity=_SEVERITY[d.severity], code=d.code, source="argmap")
            for d in analysis.diagnostics]


# -- completion ---------------------------------------------------------------------------

def completion(lines: Lines, good: Analysis | None, line: int, character: int
               ) -> t.CompletionList:
    """What may be typed at the cursor: keys of the mapping there (with their docs), or the
    values of ``ref``, a citation's source, ``side``, ``semantics`` and ``argmap``.

    Only the lines around the cursor are read in the text being typed (``lines``); the
    names come from the last analysed text that held a map (``good``), so a half-typed
    line does not empty the list and a big map is not read again for every keystroke.
    """
    column = lines.offset(line, character) - lines.starts[min(line, len(lines) - 1)]
    here = context_at(lines, line, column)
    start = lines.offset(line, character) - len(here.typed)
    replace = lsp_range(lines, start, lines.offset(line, character))
    argmap = good.map_at(line) if good is not None else None
    items: list[t.CompletionItem]
    if here.value_of is not None:
        items = _values(here, good, argmap, replace)
    elif here.list_of == "cites" and here.dash:  # a source id, or the first key of a mapping
        items = _values(here, good, argmap, replace) + _keys(here, replace)
    else:
        items = _keys(here, replace)
    chosen = [i for i in items if i.label.startswith(here.typed)] or items
    return t.CompletionList(is_incomplete=len(chosen) > MAX_ITEMS, items=chosen[:MAX_ITEMS])


def _keys(here: Context, replace: t.Range) -> list[t.CompletionItem]:
    if here.table is None:
        return []
    items = []
    for order, (key, spec) in enumerate(TABLES[here.table].items()):
        if key in here.siblings:
            continue
        after = ":" if spec.type in _LIST_TYPES else ": "
        items.append(t.CompletionItem(
            label=key, kind=t.CompletionItemKind.Property, detail=spec.type,
            documentation=t.MarkupContent(t.MarkupKind.Markdown, _key_doc(key, spec)),
            sort_text=f"{order:03d}", text_edit=t.TextEdit(replace, key + after)))
    return items


def _values(here: Context, source: Analysis | None, argmap: ArgumentMap | None,
            replace: t.Range) -> list[t.CompletionItem]:
    key = here.value_of
    if key == "ref" and argmap is not None and source is not None:
        if "/" in here.typed:
            return _qualified(source, argmap, here.typed, replace, sources=False)
        # One more than is shown says the list is incomplete; building all 10,000 would not.
        chosen = islice(((name, s) for name, s in source.statements(argmap).items()
                         if name.startswith(here.typed)), MAX_ITEMS + 1)
        # the other maps first: a long list of ids must not cut them off
        return _maps(source, argmap, replace, sources=False) + [
            _item(name, t.CompletionItemKind.Reference, s.text or "together:",
                  _statement_doc(name, s), replace) for name, s in chosen]
    if key in ("cites", "source") or (key is None and here.list_of == "cites"):
        if argmap is None:
            return []
        if source is not None and "/" in here.typed:
            return _qualified(source, argmap, here.typed, replace, sources=True)
        return [_item(name, t.CompletionItemKind.Reference, src.title,
                      _source_doc(name, argmap), replace)
                for name, src in argmap.sources.items()] + (
            [] if source is None else _maps(source, argmap, replace, sources=True))
    if key == "speech" and argmap is not None:
        return [_item(s.name, t.CompletionItemKind.EnumMember,
                      " ".join(x for x in (s.side or "", _minutes(s.minutes)) if x) or "speech",
                      STATEMENT_KEYS["speech"].description, replace) for s in argmap.speeches]
    if key == "scheme":
        from argmap.readers.catalogue import catalogue

        return [_item(scheme.id, t.CompletionItemKind.EnumMember, scheme.name,
                      f"`{scheme.id}`: {scheme.name} — {scheme.conclusion}", replace)
                for scheme in catalogue().schemes.values()]
    if key == "answers":
        from argmap.readers.catalogue import catalogue

        return [_item(q.id, t.CompletionItemKind.EnumMember, q.text,
                      f"`{q.id}` ({q.kind}): {q.text}", replace)
                for q in catalogue().questions.values() if q.id.startswith(here.typed)]
    if key == "side" and argmap is not None:
        return [_item(side, t.CompletionItemKind.EnumMember, "a side of this map",
                      f"a side of the debate (`sides: [{', '.join(argmap.sides)}]`)", replace)
                for side in argmap.sides]
    if key == "semantics" and here.table == "map":
        return [_item(s, t.CompletionItemKind.EnumMember, "semantics",
                      MAP_KEYS["semantics"].description, replace) for s in SEMANTICS]
    if key == "argmap" and here.table == "map":
        return [_item(v, t.CompletionItemKind.EnumMember, "format version",
                      MAP_KEYS["argmap"].description, replace) for v in VERSIONS]
    return []


def _minutes(minutes: float | None) -> str:
    return "" if minutes is None else f"{minutes:g} min"


def _project_of(source: Analysis, argmap: ArgumentMap) -> Project | None:
    """The project whose maps a 1.2 map may name (a project file was found), else None."""
    if not at_least(argmap.version, V1_2):
        return None
    return source.project


def _maps(source: Analysis, argmap: ArgumentMap, replace: t.Range, sources: bool
          ) -> list[t.CompletionItem]:
    """``MAP-ID/`` for each other map of the project (with sources, for a citation), the
    first step of a qualified name; choosing one asks for its ids."""
    project = _project_of(source, argmap)
    if project is None:
        return []
    items = []
    for map_id in project.map_ids():
        if map_id == argmap.id:
            continue
        other = project.maps.get(map_id)  # the maps read so far; a stem names the others
        if sources and other is not None and not other.sources:
            continue
        what = ("a map of the project" if other is None else
                f"card library ({len(other.sources)} sources)" if other.library
                else other.question)
        items.append(t.CompletionItem(
            label=f"{map_id}/", kind=t.CompletionItemKind.Module, detail=_short(what),
            sort_text=f"~{map_id}", text_edit=t.TextEdit(replace, f"{map_id}/")))
    return items


def _qualified(source: Analysis, argmap: ArgumentMap, typed: str, replace: t.Range,
               sources: bool) -> list[t.CompletionItem]:
    """``MAP-ID/ID`` of the map typed before the slash: its statements' ids (a citation:
    its sources' keys), each with its text (or title)."""
    project = _project_of(source, argmap)
    map_id, part = split_name(typed)
    other = None if project is None or map_id is None else project.find(map_id)
    if other is None:
        return []
    if sources:
        return [_item(f"{other.id}/{name}", t.CompletionItemKind.Reference, src.title,
                      f"map `{other.id}`: {_source_doc(name, other)}", replace)
                for name, src in other.sources.items() if name.startswith(part)]
    chosen = islice(((name, s) for name, s in _statements(other).items()
                     if name.startswith(part)), MAX_ITEMS + 1)
    return [_item(f"{other.id}/{name}", t.CompletionItemKind.Reference,
                  s.text or "together:", f"map `{other.id}`: {_statement_doc(name, s)}",
                  replace) for name, s in chosen]


def _item(label: str, kind: t.CompletionItemKind, detail: str, doc: str, replace: t.Range
          ) -> t.CompletionItem:
    return t.CompletionItem(label=label, kind=kind, detail=_short(detail),
                            documentation=t.MarkupContent(t.MarkupKind.Markdown, doc),
                            text_edit=t.TextEdit(replace, label))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# -- hover --------------------------------------------------------------------------------

def hover(analysis: Analysis, line: int, character: int) -> t.Hover | None:
    """What the name or key under the cursor means, and the diagnostics' codes there."""
    lines = analysis.lines
    offset = lines.offset(line, character)
    parts = []
    index = analysis.index
    found = index.at(offset) if index is not None else None
    if found is not None:
        parts.append(_describe(analysis, found))
    for d in analysis.diagnostics:
        r = diagnostic_range(lines, d)
        if (r.start.line, r.start.character) <= (line, character) <= (r.end.line,
                                                                       r.end.character):
            code = CODES.get(d.code)
            summary = code.summary if code is not None else ""
            parts.append(f"**[{d.code}]** ({d.severity.value}) {summary}")
    parts = [p for p in parts if p]
    if not parts:
        return None
    where = (lsp_range(lines, found.start, found.end) if found is not None else None)
    return t.Hover(t.MarkupContent(t.MarkupKind.Markdown, "\n\n---\n\n".join(parts)), where)


def _describe(analysis: Analysis, found: Occurrence) -> str:
    argmap = analysis.map_of_document(found.document)
    if found.kind == KEY:
        spec = TABLES.get(found.owner, {}).get(found.name)
        return _key_doc(found.name, spec) if spec is not None else ""
    if argmap is None:
        return ""
    map_id, local = split_name(found.name)
    home = argmap if map_id is None or map_id == argmap.id else _other_map(analysis, map_id)
    if home is None:
        return f"no map of the project has the id `{map_id}`"
    if found.kind in (ID, REF):
        s = (analysis.statements(home) if home is argmap else _statements(home)).get(local)
        if s is None:
            where = "" if home is argmap else f" in map `{home.id}`"
            return f"no statement has the id `{local}`{where}"
        doc = _statement_doc(local, s)
        if home is not argmap:
            doc = f"map `{home.id}` ({home.span.file}): {doc}"
        status = _status(analysis, argmap, found.name if home is not argmap else local)
        if status is not None:
            doc += f"\n\n{_STATUS[status]} under {argmap.semantics or 'grounded'} semantics"
            if analysis.checked_project is not None:
                doc += " (the whole project as one debate)"
        return doc
    if found.kind in (SOURCE, CITE):
        doc = _source_doc(local, home)
        if home is not argmap:
            doc = f"map `{home.id}`: {doc}"
        if found.kind == CITE:
            doc += _citation_doc(analysis, argmap, found)
        return doc
    return ""


def _other_map(analysis: Analysis, map_id: str) -> ArgumentMap | None:
    project = analysis.names_project
    return None if project is None else project.find(map_id)


def _statements(argmap: ArgumentMap) -> dict[str, Statement]:
    found: dict[str, Statement] = {}
    for s in argmap.walk():
        if s.id is not None and s.ref is None:
            found.setdefault(s.id, s)
    return found


def _status(analysis: Analysis, argmap: ArgumentMap, key: str) -> str | None:
    """A statement's status: over the whole project for a map naming others (as
    ``show --eval``), else under the map's own semantics."""
    statuses = analysis.project_statuses(argmap)
    if statuses is not None:
        return statuses.get(key)
    labels = analysis.labels(argmap)
    if labels is not None and key in labels:
        return labels[key].status.value
    return None


_STATUS = {"in": "✓ **stands**", "out": "✗ **falls**", "undecided": "? **undecided**"}


def _key_doc(key: str, spec: KeySpec) -> str:
    required = " (required)" if spec.required else ""
    return f"`{key}`{required}: {spec.description} — *{spec.type}*"


def _statement_doc(name: str, s: Statement) -> str:
    if s.premises:
        return f"`{name}`: a linked argument of {len(s.premises)} premises"
    by = f"\n\n— {s.by}" if s.by else ""
    return f"`{name}` ({s.path}): {s.text}{by}"


def _source_doc(name: str, argmap: ArgumentMap) -> str:
    from argmap.exporters.notation import source_line

    source = argmap.sources.get(name)
    if source is None:
        return f"`{name}` is not listed under `sources`"
    return f"`{name}`: {source_line(name, source)}"


def _citation_doc(analysis: Analysis, argmap: ArgumentMap, found: Occurrence) -> str:
    """The quote and locator of the citation under the cursor, if it has them."""
    line = analysis.lines.line_of(found.start) + 1
    for s in argmap.walk():
        if s.path != found.owner and s.id != found.owner:
            continue
        for c in s.cites:
            if c.source == found.name and c.span.line == line:
                quote = f"\n\n> {c.quote}" if c.quote else ""
                locator = f"\n\n({c.locator})" if c.locator else ""
                return quote + locator
    return ""
