"""Export formats: one module per format, listed in one dict.

Adding a format is one module under ``argmap/exporters/`` with a function
``export(graph: ArgumentGraph, options: ExportOptions) -> str | bytes`` and one
line in :data:`EXPORTERS`. Nothing else changes: ``render -f`` takes its
choices from the dict, ``-o FILE`` its extension table (:func:`suffix_table`),
and the README's table is checked against it.

The dict holds :class:`ExporterSpec` records, which satisfy the
:class:`Exporter` protocol and import their module only when ``export`` is
called, so ``argmap --help`` never imports an exporter.

The picture formats (svg, png, pdf, dot) are entries here too, all in one
module (:mod:`argmap.exporters.graphviz`, one function each), so ``-f``, the
suffix table and the README list every format from one dict, and ``render``
has one path for every format.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph


class ExportOptions(NamedTuple):
    """How to export; each format uses the options that mean something to it."""

    quotes: bool = False  # show each citation's quote and locator (text outlines)
    theme: str = "light"  # colours, for formats that have them
    direction: str = "TB"  # where the question sits, for diagrams: TB, LR, BT, RL
    legend: bool = True  # the source list / legend
    #: render --eval: map id -> statement key -> in/out/undecided (formats that mark it)
    statuses: dict[str, dict[str, str]] | None = None
    #: Graphviz layouts: the engine (None: dot, sfdp for big maps) and the time limit
    engine: str | None = None
    timeout: float = 120
    #: called once when a layout takes a while; returns the function that ends it (a spinner)
    on_slow: Callable[[], Callable[[], None]] | None = None
    #: called with (map id, message) for each thing a user should hear about a layout
    warn: Callable[[str, str], None] | None = None
    #: ``--color-by side`` (None: boxes by relation): map id -> statement key -> 0 (first
    #: side), 1 (second), 2 (other)
    sides: dict[str, dict[str, int]] | None = None
    #: ``--color-by side``: map id -> the names of the first and second side (the legend)
    side_names: dict[str, tuple[str, ...]] | None = None
    #: the html page's Flow tab (format 1.2 rounds): map id -> its tab buttons, its panel,
    #: and its style and script (argmap.exporters.flow.html.tab)
    flows: dict[str, tuple[str, str, str]] | None = None
    #: maps of one project rendered together: map id -> its page's file name, so a ref
    #: into another map links to that map's page (html)
    pages: dict[str, str] | None = None


class Exporter(Protocol):
    """One export format."""

    @property
    def name(self) -> str:
        """The name ``-f`` takes."""
        ...

    @property
    def suffixes(self) -> tuple[str, ...]:
        """File suffixes, with the dot; the first names default files (``<map-id>.json``)."""
        ...

    @property
    def binary(self) -> bool:
        """True for a binary format (PNG, PDF): never written to a terminal."""
        ...

    @property
    def needs_graphviz(self) -> bool:
        """True when Graphviz's ``dot`` program must be installed."""
        ...

    @property
    def description(self) -> str:
        """What the format is for, in one line (help text and README table)."""
        ...

    def export(self, graph: ArgumentGraph, options: ExportOptions) -> str | bytes:
        """The whole output for one map."""
        ...


class ExporterSpec(NamedTuple):
    """A registry entry: metadata now, the module ``module`` on first export."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    module: str  # defines export(graph, options)
    binary: bool = False
    needs_graphviz: bool = False
    #: ``-o FILE.suffix`` picks this format; False where the suffix means another
    #: format (AIF's .json is argmap JSON's, Kialo's .txt is ambiguous).
    by_suffix: bool = True
    #: several maps may share stdout (DOT is a stream of graphs)
    streams: bool = False
    #: the module's function to call, where one module serves several formats
    function: str = "export"
    #: shows ``render --eval``'s statuses (read from ExportOptions.statuses)
    marks: bool = False
    #: writes one folder for all maps together (tables): the module's ``map_rows`` and
    #: ``csv_files`` make it, and ``export`` shows one map's folder on stdout
    folder: bool = False

    def export(self, graph: ArgumentGraph, options: ExportOptions) -> str | bytes:
        """Import the format's module and export one map with it."""
        result: str | bytes = getattr(import_module(self.module), self.function)(graph, options)
        return result


_GRAPHVIZ = "argmap.exporters.graphviz"

EXPORTERS: dict[str, ExporterSpec] = {
    spec.name: spec for spec in (
        ExporterSpec("svg", (".svg",), "scalable picture with links and tooltips", _GRAPHVIZ,
                     needs_graphviz=True, function="export_svg", marks=True),
        ExporterSpec("png", (".png",), "bitmap picture, 150 dpi", _GRAPHVIZ, binary=True,
                     needs_graphviz=True, function="export_png", marks=True),
        ExporterSpec("pdf", (".pdf",), "vector document for print", _GRAPHVIZ, binary=True,
                     needs_graphviz=True, function="export_pdf", marks=True),
        ExporterSpec("dot", (".dot", ".gv"), "Graphviz source, for your own layouts", _GRAPHVIZ,
                     streams=True, marks=True),
        ExporterSpec("json", (".json",), "versioned JSON of the map, for scripts and jq",
                     "argmap.exporters.json"),
        ExporterSpec("yaml", (".yaml", ".yml"), "canonical argmap YAML of the (cut) map",
                     "argmap.exporters.yaml"),
        ExporterSpec("markdown", (".md",), "nested outline with footnotes, for documents "
                     "and GitHub", "argmap.exporters.markdown", marks=True),
        ExporterSpec("kialo", (".txt",), "Kialo discussion text, to import into Kialo",
                     "argmap.exporters.kialo", by_suffix=False),
        ExporterSpec("mermaid", (".mmd",), "flowchart that GitHub renders in a mermaid block",
                     "argmap.exporters.mermaid"),
        ExporterSpec("graphml", (".graphml",), "typed graph for networkx, yEd and Gephi",
                     "argmap.exporters.graphml"),
        ExporterSpec("argdown", (".argdown",), "Argdown text, for the Argdown tools",
                     "argmap.exporters.argdown"),
        ExporterSpec("html", (".html", ".htm"), "one offline page to explore: outline, "
                     "diagram, sources", "argmap.exporters.html", marks=True),
        ExporterSpec("tables", (".csv",), "CSV tables of a whole corpus (maps, statements, "
                     "links, attacks, citations, sources) for DuckDB and pandas",
                     "argmap.exporters.tables", by_suffix=False, marks=True, folder=True),
        # default files are <map>.aif.json, so they never replace argmap JSON's <map>.json
        ExporterSpec("aif", (".aif.json", ".json"), "AIF JSON (AIFdb, OVA), for "
                     "argument-mining corpora", "argmap.exporters.aif", by_suffix=False),
    )
}
#: Formats of ``render`` that can show the statuses (``marks=True`` in the registry).
EVAL_FORMATS = tuple(name for name, spec in EXPORTERS.items() if spec.marks)


def suffix_table() -> dict[str, str]:
    """File suffix -> the format ``-o FILE`` means by it (only unambiguous ones)."""
    table: dict[str, str] = {}
    for spec in EXPORTERS.values():
        if spec.by_suffix:
            for suffix in spec.suffixes:
                table.setdefault(suffix, spec.name)
    return table


def formats_with_suffix(suffix: str) -> list[str]:
    """Every format that writes files ending in ``suffix`` (any case), in registry order."""
    suffix = suffix.lower()
    return [name for name, spec in EXPORTERS.items() if suffix in spec.suffixes]


def known_suffixes() -> list[str]:
    """Every file name ending ``-o`` understands, in registry order."""
    return list(dict.fromkeys(suffix for spec in EXPORTERS.values() for suffix in spec.suffixes))
