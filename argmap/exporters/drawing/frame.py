"""The frame of argmap's SVG, and Graphviz's drawing of what argmap does not draw.

Graphviz shifts DOT's coordinates so that its drawing's lower-left corner is at
the origin. argmap's drawing takes the same shift: read from an anchor node in
Graphviz's own drawing when Graphviz draws a part, computed as Graphviz would
when it draws nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from argmap.exporters.drawing.text import Defaults, xml

_IDS = re.compile(r'id="(a_node|node|edge)(\d+)"')
_CX = re.compile(r'cx="(-?[\d.]+)" cy="(-?[\d.]+)"')
_LL, _UR = "_argmap_ll", "_argmap_ur"  # anchors that fix Graphviz's frame to argmap's

Corners = list[float]  # x0, y0, x1, y1 (DOT's pt, y up)


def frame(d: Defaults, extent: Corners) -> tuple[str, float, float]:
    """The SVG's start, as Graphviz writes it for this extent, and the shift from DOT's
    coordinates (y flipped) to the SVG's."""
    x0, y0, x1, y1 = extent
    width, height = x1 - x0 + 2 * d.pad, y1 - y0 + 2 * d.pad
    title = xml(d.title)
    right, top = width - d.pad, height - d.pad
    start = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
             '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
             ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
             "<!-- Drawn by argmap from its tidy layout -->\n"
             f"<!-- Title: {title} Pages: 1 -->\n"
             f'<svg width="{width:.0f}pt" height="{height:.0f}pt"\n'
             f' viewBox="0.00 0.00 {width:.2f} {height:.2f}" xmlns="http://www.w3.org/2000/svg"'
             ' xmlns:xlink="http://www.w3.org/1999/xlink">\n'
             '<g id="graph0" class="graph" transform="scale(1 1) rotate(0) '
             f'translate({d.pad:.2f} {top:.2f})">\n'
             f"<title>{title}</title>\n"
             f'<polygon fill="{xml(d.background)}" stroke="transparent" points="'
             f'{-d.pad:.2f},{d.pad:.2f} {-d.pad:.2f},{-top:.2f} {right:.2f},{-top:.2f} '
             f'{right:.2f},{d.pad:.2f} {-d.pad:.2f},{d.pad:.2f}"/>\n')
    return start, -x0, y0


def graphviz_part(graphviz: Callable[[str], bytes], first: str, heads: list[str],
                   others: list[str], ends: dict[str, tuple[float, float]],
                   sizes: dict[str, tuple[float, float]], extent: Corners,
                   counted: tuple[int, int]) -> tuple[str, str, tuple[str, float, float]]:
    """Graphviz's drawing of the lines argmap does not draw: its edges, its nodes (their
    ids numbered after argmap's), the SVG's start and the shift to its frame.

    The boxes argmap draws that its edges reach are there, invisible; two anchors at
    the corners of argmap's drawing make Graphviz's frame hold it all, and the one at
    the lower left, a transparent dot, says where that frame puts DOT's coordinates.
    """
    x0, y0, x1, y1 = extent
    text = [first, *heads,
            f'  {_LL} [pos="{x0:.2f},{y0:.2f}", shape=point, width=0.01, style=filled, '
            'color=transparent, label=""];',
            f'  {_UR} [pos="{x1:.2f},{y1:.2f}", shape=point, width=0.01, style=invis, '
            'label=""];',
            *(f'  {n} [pos="{x:.1f},{y:.1f}", width={sizes[n][0] / 72:.3f}, '
              f'height={sizes[n][1] / 72:.3f}, style=invis, label=""];'
              for n, (x, y) in sorted(ends.items())),
            *others, "}", ""]
    svg = graphviz("\n".join(text)).decode("utf-8")
    body = svg.find("\n<!-- ", svg.find("<polygon"))  # the chunks after the background
    end = svg.rfind("</g>\n</svg>")
    its_edges: list[str] = []
    its_nodes: list[str] = []
    dx = dy = 0.0
    for chunk in svg[body:end].split("\n<!-- ")[1:]:
        title = chunk[:chunk.find(" -->")]
        if 'class="edge"' in chunk:
            its_edges.append(f"<!-- {chunk}\n")
        elif title == _LL:
            found = _CX.search(chunk)
            if found is not None:
                dx, dy = float(found.group(1)) - x0, float(found.group(2)) + y0
        elif 'class="node"' in chunk and title not in ends:
            its_nodes.append(f"<!-- {chunk}\n")
    nodes, edges = counted

    def renumber(match: re.Match[str]) -> str:
        kind = match.group(1)
        return f'id="{kind}{int(match.group(2)) + (edges if kind == "edge" else nodes)}"'

    return (_IDS.sub(renumber, "".join(its_edges)), _IDS.sub(renumber, "".join(its_nodes)),
            (svg[:body + 1], dx, dy))
