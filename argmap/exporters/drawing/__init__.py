"""SVG of a tidy layout, drawn by argmap: Graphviz draws only what argmap does not.

``neato -n2`` spends 0.6-0.7 s CPU on a 10,000-statement picture even with every
position given (reading the DOT, measuring each label with Pango, writing the
SVG), five times ``check`` on the same map. argmap already knows each box's
place and size (:mod:`argmap.exporters.tidy` estimated them), so it writes the
boxes, their wrapped text and the edges itself, in Graphviz's SVG vocabulary:
``<g class="node">`` groups with a ``<title>``, tooltips and links as ``<a>``,
paths for edges, polygons for arrowheads. A label's lines are ``<text>``
elements whose bold, coloured or smaller runs are ``<tspan>``s, so the viewer
places the runs of a line with the font it has, not with an estimate.

Anything else (the legend's table, the framed chips on edges, junction dots,
stubs, a focused picture's title) Graphviz draws, from a DOT text that holds
only those lines, at the same positions. Its frame (the shift it applies to
DOT's coordinates) is read back from an anchor node, and the two drawings are
merged, edges first, as ``outputorder=edgesfirst`` asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from argmap.exporters.drawing.frame import Corners, frame, graphviz_part
from argmap.exporters.drawing.shapes import BoxLook, edge_svg, node_svg
from argmap.exporters.drawing.text import read_defaults, xml
from argmap.exporters.tidy import Placed

__all__ = ["draw_svg"]

_NODE = re.compile(r"  (\w+) \[(.*)\];$")
_EDGE = re.compile(r"  (\w+) -> (\w+) \[(.*)\];$")


def draw_svg(placed: Placed, graphviz: Callable[[str], bytes]) -> bytes:
    """The SVG picture of a tidy layout.

    Args:
        placed: the layout (:func:`argmap.exporters.tidy.tidy_layout`).
        graphviz: runs ``neato -n2 -Tsvg`` on a DOT text and returns the SVG; called
            once for the parts argmap does not draw, not at all when there are none.
    """
    lines, sizes = placed.lines, placed.sizes
    d = read_defaults(lines)
    heads = [line for line in lines[:8] if line.startswith(("  graph [", "  node [", "  edge ["))]
    drawn: dict[str, tuple[float, float]] = {}  # box -> its centre
    edges: list[str] = []
    nodes: list[str] = []
    others: list[str] = []  # DOT lines for Graphviz
    ends: set[str] = set()  # boxes argmap draws that Graphviz's edges reach
    extent: Corners = [float("inf"), float("inf"), -float("inf"), -float("inf")]
    looks: dict[str, BoxLook | None] = {}  # a box's attributes -> how it looks
    for line in lines:
        if " -> " in line:
            found = _EDGE.match(line)
            if found is not None:
                tail, head, attrs = found.groups()
                svg = edge_svg(tail, head, attrs, d, len(edges) + 1, extent)
                if svg is None:
                    others.append(line)
                    ends.update((tail, head))
                else:
                    edges.append(svg)
            continue
        found = _NODE.match(line)
        if found is None or found.group(1) in ("graph", "node", "edge"):
            continue
        name, attrs = found.groups()
        size = sizes.get(name)
        svg = node_svg(name, attrs, size, d, len(nodes) + 1, drawn, extent, looks) if size \
            else None
        if svg is None:
            others.append(line)
        else:
            nodes.append(svg)
    if extent[0] > extent[2]:
        extent = [0.0, 0.0, 0.0, 0.0]
    titled = any("label=" in line for line in heads if line.startswith("  graph ["))
    if others or titled:
        its_edges, its_nodes, (start, dx, dy) = graphviz_part(
            graphviz, lines[0], heads, others, {n: drawn[n] for n in ends if n in drawn},
            sizes, extent, (len(nodes), len(edges)))
    else:
        its_edges = its_nodes = ""
        start, dx, dy = frame(d, extent)
    shift = f'<g transform="translate({dx:.2f},{dy:.2f})">\n'
    return "".join([start, shift, *edges, "</g>\n", its_edges,
                    shift[:-2] + f' font-family="{xml(d.font)}">\n', *nodes, "</g>\n",
                    its_nodes, "</g>\n</svg>\n"]).encode("utf-8")


