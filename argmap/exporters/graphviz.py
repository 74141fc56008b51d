"""The Graphviz formats: DOT text, and SVG, PNG or PDF laid out from it by ``dot -T``.

One module for four registry entries: ``dot`` returns the DOT text
(:mod:`argmap.exporters.dot`); the pictures run Graphviz on it
(:mod:`argmap.exporters.layout`), with the engine, time limit, spinner and
warning callbacks from :class:`~argmap.exporters.ExportOptions`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.exporters import ExportOptions
    from argmap.graph import ArgumentGraph


def dot_text(graph: ArgumentGraph, options: ExportOptions, xml_urls: bool = True) -> str:
    """The DOT text of one (cut) graph, with ``--eval`` marks when options carry them."""
    from argmap.exporters.dot import DotOptions, render_dot

    marks = options.statuses.get(graph.id, {}) if options.statuses is not None else None
    sides = options.sides.get(graph.id) if options.sides is not None else None
    names = (options.side_names or {}).get(graph.id, ())
    return render_dot(graph, DotOptions(options.direction, options.theme, options.legend,
                                        xml_urls=xml_urls, statuses=marks, sides=sides,
                                        side_names=names))


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """``-f dot``: the Graphviz source."""
    return dot_text(graph, options)


def export_svg(graph: ArgumentGraph, options: ExportOptions) -> bytes:
    """``-f svg``: a picture with links and tooltips."""
    return picture(graph, options, "svg")


def export_png(graph: ArgumentGraph, options: ExportOptions) -> bytes:
    """``-f png``: a bitmap."""
    return picture(graph, options, "png")


def export_pdf(graph: ArgumentGraph, options: ExportOptions) -> bytes:
    """``-f pdf``: a vector document (links written as PDF takes them, not XML-escaped)."""
    return picture(graph, options, "pdf")


def picture(graph: ArgumentGraph, options: ExportOptions, fmt: str) -> bytes:
    """Lay out the graph's DOT text with Graphviz into ``fmt`` bytes.

    Raises:
        LayoutError: Graphviz is missing, failed, or ran out of time.
    """
    from argmap.exporters.layout import LARGE, choose_engine, layout

    dot = dot_text(graph, options, xml_urls=fmt != "pdf")
    # A ref repeats a statement drawn elsewhere, so only written statements count.
    engine, note = choose_engine(len(graph.statements), options.engine)
    warn = options.warn
    if note and warn is not None:
        warn(graph.id, note)
    on_warning = None if warn is None else (lambda message: warn(graph.id, message))
    if engine == "tidy" and fmt == "svg":
        # argmap draws the SVG of its own layout; Graphviz only the legend and the like
        from argmap.exporters.drawing import draw_svg
        from argmap.exporters.tidy import tidy_layout

        return draw_svg(tidy_layout(dot, graph, options.direction),
                        lambda text: layout(text, engine, fmt, options.timeout,
                                            options.on_slow, on_warning))
    if engine == "tidy":
        from argmap.exporters.tidy import tidy_dot

        # past LARGE statements, boxes are square-cornered: 15% less drawing, same reading
        dot = tidy_dot(dot, graph, options.direction, square=len(graph.statements) > LARGE)
    return layout(dot, engine, fmt, options.timeout, options.on_slow, on_warning)
