"""Corpus tables (``-f tables``): CSV files for a whole corpus, one row per record.

``render PATH... -f tables -o DIR/`` writes :data:`TABLES` (``maps.csv``,
``statements.csv`` …, ``labels.csv`` with ``--eval``) for every map at once;
docs/tables.md documents each column. Every row starts with the map's id, and
a statement is named by its graph key (the JSON export's ``key``), so
``(map, key)`` joins statements to links, attacks, citations and labels, and
``(map, source)`` joins citations to sources.

A corpus is one folder, not one file per map, so the format does not fit the
one-map-one-result shape of the other exporters: :func:`map_rows` makes one
map's rows (plain tuples, cheap to send between processes, so the CLI can make
them on both cores) and :func:`csv_files` writes the rows of many maps as one
CSV text per table. :func:`export`, the registry's one-map entry, shows one
map's folder as ``head`` shows several files (``==> maps.csv <==``), for a
look on stdout.

CSV as RFC 4180 says, UTF-8, ``\\n`` line ends: fields quoted only where they
hold a comma, quote or line break; an unset value is an empty field; booleans
are ``true``/``false``; lists (tags, authors) are joined with ``; ``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from argmap.model import Relation

if TYPE_CHECKING:
    from argmap.exporters import ExportOptions
    from argmap.graph import ArgumentGraph

#: table -> its columns, in order (docs/tables.md; adding a column at the end keeps
#: scripts that name columns working; renaming or removing one is a breaking change)
TABLES: dict[str, tuple[str, ...]] = {
    "maps": ("map", "file", "question", "context", "tags", "statements", "claims", "links",
             "sources"),
    "statements": ("map", "key", "id", "path", "origin", "claim", "relation", "text", "by",
                   "tags", "note", "file", "line", "column"),
    "links": ("map", "link", "premise", "n", "premises", "relation", "target", "target_kind",
              "id", "weight", "address", "ref", "file", "line", "column"),
    "attacks": ("map", "link", "kind", "attacked", "attacked_link", "premises"),
    "citations": ("map", "statement", "n", "source", "quote", "locator"),
    "sources": ("map", "source", "number", "title", "author", "publisher", "date", "url",
                "accessed", "kind", "note"),
    "labels": ("map", "statement", "status"),
}
#: the tables written without ``--eval``
PLAIN = tuple(name for name in TABLES if name != "labels")
_KIND = {Relation.CON: "rebut", Relation.UNDERCUT: "undercut"}

Row = tuple[Any, ...]
#: one map's rows, by table name
MapRows = dict[str, list[Row]]


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _list(values: Iterable[str]) -> str | None:
    joined = "; ".join(values)
    return joined or None


def map_rows(graph: ArgumentGraph, statuses: dict[str, str] | None = None) -> MapRows:
    """Every table's rows for one map; ``labels`` only when ``statuses`` (key -> status)."""
    m = graph.id
    links = {link.key: link for link in graph.links}
    numbers = graph.numbers()
    statements = [
        (m, key, s.id, s.path, getattr(s, "origin", None), _bool(s.is_claim),
         "claim" if s.link is None or s.link not in links else links[s.link].relation.value,
         s.text, s.by, _list(s.tags), s.note, s.span.file, s.span.line, s.span.column)
        for key, s in graph.statements.items()]
    rows: MapRows = {
        "maps": [(m, graph.span.file, graph.question, graph.context, _list(graph.tags),
                  len(graph.statements), len(graph.claims), len(graph.links),
                  len(graph.sources))],
        "statements": statements,
        "links": [(m, link.key, premise, n, len(link.premises), link.relation.value,
                   link.target, "link" if link.relation is Relation.UNDERCUT else "statement",
                   link.id, link.weight, address, _bool(not graph.written_at(link, premise)),
                   link.span.file, link.span.line, link.span.column)
                  for link in graph.links
                  for n, (premise, address) in enumerate(link.places(), 1)],
        "attacks": [_attack(m, link, links) for link in graph.links
                    if link.relation is not Relation.PRO],
        "citations": [(m, key, n, c.source, c.quote, c.locator)
                      for key, s in graph.statements.items()
                      for n, c in enumerate(s.cites, 1)],
        "sources": [(m, sid, numbers.get(sid), s.title, _list(s.author), s.publisher, s.date,
                     s.url, s.accessed, s.kind, s.note) for sid, s in graph.sources.items()],
    }
    if statuses is not None:
        rows["labels"] = [(m, key, statuses[key]) for key in graph.statements
                          if key in statuses]
    return rows


def _attack(m: str, link: Any, links: dict[str, Any]) -> Row:
    """A con link attacks its target; an undercut the statement the attacked link bears on."""
    if link.relation is Relation.CON:
        return (m, link.key, "rebut", link.target, None, len(link.premises))
    attacked = links.get(link.target)
    return (m, link.key, "undercut", None if attacked is None else attacked.target,
            link.target, len(link.premises))


def csv_files(maps: Iterable[MapRows], labels: bool = False,
              header: bool = True) -> dict[str, str]:
    """``<table>.csv`` -> its CSV text, with the rows of every map in order (and, unless
    ``header`` is False, the column names first: chunks of a corpus are joined after one)."""
    names = TABLES if labels else PLAIN
    buffers = {name: io.StringIO() for name in names}
    writers = {name: csv.writer(buffers[name], lineterminator="\n") for name in names}
    for name in names if header else ():
        writers[name].writerow(TABLES[name])
    for rows in maps:
        for name in names:
            writers[name].writerows(rows.get(name, ()))
    return {f"{name}.csv": buffer.getvalue() for name, buffer in buffers.items()}


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """One map's tables, each after a ``==> name.csv <==`` line, as ``head`` shows files."""
    statuses = None if options.statuses is None else options.statuses.get(graph.id, {})
    files = csv_files([map_rows(graph, statuses)], labels=statuses is not None)
    return "\n".join(f"==> {name} <==\n{text}" for name, text in files.items())
