"""Export formats: one module per format, listed in one dict.

Adding a format is one module under ``argmap/exporters/`` with a function
``export(graph: ArgumentGraph, options: ExportOptions) -> str | bytes`` and one
line in :data:`EXPORTERS`. Nothing else changes: ``render -f`` takes its
choices from the dict, ``-o FILE`` its extension table (:func:`suffix_table`),
and the README's table is checked against it.

The dict holds :class:`ExporterSpec` records, which satisfy the
:class:`Exporter` protocol and import their module only when ``export`` is
called, so ``argmap --help`` never imports an exporter.

The picture formats of :data:`argmap.renderers.FORMATS` (svg, png, pdf, dot)
still read a :class:`argmap.view.View`; they join this registry when DOT moves
onto the graph.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph
    from argmap.model import ArgumentMap
    from argmap.view import ViewOptions


class ExportOptions(NamedTuple):
    """How to export; each format uses the options that mean something to it."""

    quotes: bool = False  # show each citation's quote and locator (text outlines)
    theme: str = "light"  # colours, for formats that have them
    direction: str = "TB"  # where the question sits, for diagrams: TB, LR, BT, RL
    legend: bool = True  # the source list / legend
    #: render --eval: map id -> statement key -> in/out/undecided (formats that mark it)
    statuses: dict[str, dict[str, str]] | None = None


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
        """True when ``export`` returns bytes (never written to a terminal)."""
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

    def export(self, graph: ArgumentGraph, options: ExportOptions) -> str | bytes:
        """Import the format's module and export one map with it."""
        result: str | bytes = import_module(self.module).export(graph, options)
        return result


EXPORTERS: dict[str, ExporterSpec] = {
    spec.name: spec for spec in (
        ExporterSpec("json", (".json",), "versioned JSON of the map, for scripts and jq",
                     "argmap.exporters.json"),
        ExporterSpec("yaml", (".yaml", ".yml"), "canonical argmap YAML of the (cut) map",
                     "argmap.exporters.yaml"),
        ExporterSpec("markdown", (".md",), "nested outline with footnotes, for documents "
                     "and GitHub", "argmap.exporters.markdown"),
        ExporterSpec("kialo", (".txt",), "Kialo discussion text, to import into Kialo",
                     "argmap.exporters.kialo", by_suffix=False),
    )
}


def suffix_table() -> dict[str, str]:
    """File suffix -> the format ``-o FILE`` means by it (only unambiguous ones)."""
    table: dict[str, str] = {}
    for spec in EXPORTERS.values():
        if spec.by_suffix:
            for suffix in spec.suffixes:
                table.setdefault(suffix, spec.name)
    return table


def export_maps(spec: ExporterSpec, maps: list[ArgumentMap], view: ViewOptions,
                options: ExportOptions) -> list[tuple[str, bytes]]:
    """Build, cut and export each map: ``(map id, encoded output)`` per map.

    With ``--focus``, only the maps that have the focused statement are exported.

    Raises:
        ViewError: if no map has the focused statement (naming each miss).
    """
    from argmap.graph import ViewError, build_graph, cut

    done: list[tuple[str, bytes]] = []
    misses: list[str] = []
    for argmap in maps:
        try:
            graph = cut(build_graph(argmap), view)
        except ViewError as exc:
            misses.append(str(exc))
            continue
        result = spec.export(graph, options)
        done.append((argmap.id, result.encode("utf-8") if isinstance(result, str) else result))
    if not done and misses:
        raise ViewError("; ".join(misses))
    return done
