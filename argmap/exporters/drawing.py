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

import html
import re
from collections.abc import Callable
from typing import NamedTuple

from argmap.exporters.tidy import BOLD, MIN_W, SAFETY, Placed, text_width

_NODE = re.compile(r"  (\w+) \[(.*)\];$")
_EDGE = re.compile(r"  (\w+) -> (\w+) \[(.*)\];$")
_ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)')
_TAGS = re.compile(r"<([^>]*)>|([^<]+)")
_FONT = re.compile(r'(COLOR|POINT-SIZE)="([^"]*)"')
_IDS = re.compile(r'id="(a_node|node|edge)(\d+)"')
_POS = re.compile(r'pos="(-?[\d.]+),(-?[\d.]+)", ')
_TAG = re.compile(r"<[^>]*>")
_CX = re.compile(r'cx="(-?[\d.]+)" cy="(-?[\d.]+)"')
#: what a box argmap draws may say about itself; a box saying anything else goes to Graphviz
_NODE_KEYS = frozenset({"pos", "height", "width", "label", "shape", "style", "color",
                        "fillcolor", "penwidth", "fontcolor", "fontsize", "margin", "tooltip",
                        "URL", "target"})
_LINK_KEYS = frozenset({"tooltip", "URL", "target"})
_EDGE_KEYS = frozenset({"pos", "dir", "color", "style", "penwidth", "constraint"})
_OUTLINES = {"filled": "", "rounded,filled": "", "rounded,filled,dashed": ' stroke-dasharray="5,2"',
             "filled,dashed": ' stroke-dasharray="5,2"'}
_DASHES = {"solid": "", "dashed": ' stroke-dasharray="5,2"', "dotted": ' stroke-dasharray="1,5"'}
_ALIGN = {'<BR ALIGN="LEFT"/>': "l", "<BR/>": "c", '<BR ALIGN="RIGHT"/>': "r",
          '<BR ALIGN="CENTER"/>': "c"}
ASCENT = 0.71  # a line's baseline below its top, in ems (as Graphviz sets DejaVu Sans)
RADIUS = 8.0  # rounded corners (pt): Graphviz's look
ARROW_WIDTH = 0.35  # an arrowhead's half-width per pt of its length (Graphviz's)
_LL, _UR = "_argmap_ll", "_argmap_ur"  # anchors that fix Graphviz's frame to argmap's

_Corners = list[float]  # x0, y0, x1, y1 (DOT's pt, y up)
_BoxLook = tuple[str, str, float, float, str]  # outline attributes, corner, font, margin, ink


class _Defaults(NamedTuple):
    """What the DOT text's ``graph``, ``node`` and ``edge`` lines set for all."""

    title: str = "G"
    background: str = "white"
    pad: float = 4.0
    font: str = "Times,serif"
    size: float = 14.0
    ink: str = "black"
    style: str = ""
    penwidth: float = 1.0
    margin: float = 0.11 * 72
    edge_penwidth: float = 1.0


def draw_svg(placed: Placed, graphviz: Callable[[str], bytes]) -> bytes:
    """The SVG picture of a tidy layout.

    Args:
        placed: the layout (:func:`argmap.exporters.tidy.tidy_layout`).
        graphviz: runs ``neato -n2 -Tsvg`` on a DOT text and returns the SVG; called
            once for the parts argmap does not draw, not at all when there are none.
    """
    lines, sizes = placed.lines, placed.sizes
    d = _defaults(lines)
    heads = [line for line in lines[:8] if line.startswith(("  graph [", "  node [", "  edge ["))]
    drawn: dict[str, tuple[float, float]] = {}  # box -> its centre
    edges: list[str] = []
    nodes: list[str] = []
    others: list[str] = []  # DOT lines for Graphviz
    ends: set[str] = set()  # boxes argmap draws that Graphviz's edges reach
    extent: _Corners = [float("inf"), float("inf"), -float("inf"), -float("inf")]
    looks: dict[str, _BoxLook | None] = {}  # a box's attributes -> how it looks
    for line in lines:
        if " -> " in line:
            found = _EDGE.match(line)
            if found is not None:
                tail, head, attrs = found.groups()
                svg = _edge(tail, head, attrs, d, len(edges) + 1, extent)
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
        svg = _node(name, attrs, size, d, len(nodes) + 1, drawn, extent, looks) if size \
            else None
        if svg is None:
            others.append(line)
        else:
            nodes.append(svg)
    if extent[0] > extent[2]:
        extent = [0.0, 0.0, 0.0, 0.0]
    titled = any("label=" in line for line in heads if line.startswith("  graph ["))
    if others or titled:
        its_edges, its_nodes, (start, dx, dy) = _graphviz_part(
            graphviz, lines[0], heads, others, {n: drawn[n] for n in ends if n in drawn},
            sizes, extent, (len(nodes), len(edges)))
    else:
        its_edges = its_nodes = ""
        start, dx, dy = _frame(d, extent)
    shift = f'<g transform="translate({dx:.2f},{dy:.2f})">\n'
    return "".join([start, shift, *edges, "</g>\n", its_edges,
                    shift[:-2] + f' font-family="{_xml(d.font)}">\n', *nodes, "</g>\n",
                    its_nodes, "</g>\n</svg>\n"]).encode("utf-8")


def _edge(tail: str, head: str, attrs: str, d: _Defaults, number: int, extent: _Corners
          ) -> str | None:
    """An edge as Graphviz draws it (a path of cubic Béziers, its arrowheads), in DOT's
    coordinates with y flipped; None for an edge argmap does not draw (a label, say)."""
    at = attrs.rfind(', pos="')
    if at < 0 or not attrs.endswith('"'):
        return None
    look = _look(attrs[:at], d.edge_penwidth)
    if look is None:
        return None
    colour, stroke, dashes = look
    tokens = attrs[at + 7:-1].split(" ")
    tips = []
    while tokens and tokens[0][:2] in ("s,", "e,"):  # the arrowheads' tips come first
        kind, at_x, at_y = tokens.pop(0).split(",")
        tips.append((kind, float(at_x), -float(at_y)))
    numbers = [float(n) for n in ",".join(tokens).split(",")]
    xs, ys = numbers[0::2], numbers[1::2]
    if len(xs) < 4 or len(xs) != len(ys):
        return None
    low, high = min(xs), max(xs)
    if low < extent[0]:
        extent[0] = low
    if high > extent[2]:
        extent[2] = high
    low, high = min(ys), max(ys)
    if low < extent[1]:
        extent[1] = low
    if high > extent[3]:
        extent[3] = high
    numbers[1::2] = [-y for y in ys]
    path = ("M%.1f,%.1fC%.1f,%.1f" + " %.1f,%.1f" * (len(xs) - 2)) % tuple(numbers)
    out = (f'<g id="edge{number}" class="edge">\n<title>{tail}&#45;&gt;{head}</title>\n'
           f'<path fill="none" stroke="{colour}"{stroke}{dashes} d="{path}"/>\n')
    for kind, x, y in tips:
        bx, by = (numbers[0], numbers[1]) if kind == "s" else (numbers[-2], numbers[-1])
        nx, ny = (by - y) * ARROW_WIDTH, (x - bx) * ARROW_WIDTH
        out += (f'<polygon fill="{colour}" stroke="{colour}"{stroke} points="'
                f"{bx + nx:.1f},{by + ny:.1f} {x:.1f},{y:.1f} {bx - nx:.1f},{by - ny:.1f} "
                f'{bx + nx:.1f},{by + ny:.1f}"/>\n')
    return out + "</g>\n"


_Look = tuple[str, str, str]  # colour, stroke width, dashes (as SVG attributes)
_LOOKS: dict[tuple[str, float], _Look | None] = {}


def _look(attrs: str, penwidth: float) -> _Look | None:
    """An edge's colour, stroke width and dashes from its DOT attributes but ``pos`` (a
    few kinds per map, each read once); None for an edge argmap does not draw."""
    key = (attrs, penwidth)
    if key in _LOOKS:
        return _LOOKS[key]
    values = dict(_ATTR.findall(attrs))
    get = values.get
    dashes = _DASHES.get(_plain(get("style", "solid")))
    look = None
    if dashes is not None and values.keys() <= _EDGE_KEYS:
        width = float(get("penwidth", penwidth))
        look = (_xml(_plain(get("color", "black"))),
                f' stroke-width="{width:g}"' if width != 1 else "", dashes)
    if len(_LOOKS) < 1000:
        _LOOKS[key] = look
    return look


def _node(name: str, attrs: str, size: tuple[float, float], d: _Defaults, number: int,
          drawn: dict[str, tuple[float, float]], extent: _Corners,
          looks: dict[str, _BoxLook | None]) -> str | None:
    """A box as Graphviz draws it (outline, text, tooltip and link), in DOT's coordinates
    with y flipped; None for a node argmap does not draw (a table, a point, a note)."""
    start = attrs.find("label=<")
    end = attrs.find(">>", start)
    found = _POS.match(attrs)
    if start < 0 or end < 0 or found is None:
        return None
    after = attrs[end + 2:]
    tip_at = after.find(", tooltip=")
    key = attrs[found.end():start] + (after if tip_at < 0 else after[:tip_at])
    values = dict(_ATTR.findall(after[tip_at:])) if tip_at >= 0 else {}
    if values.keys() - _LINK_KEYS:  # more after the tooltip (--eval dims a fallen box)
        key += "".join([f", {k}={v}" for k, v in values.items() if k not in _LINK_KEYS])
    look = looks[key] if key in looks else _box_look(key, d, looks)
    if look is None:
        return None
    shape_attrs, corner, font, margin, ink = look
    label = _label(attrs[start + 7:end + 1], font)
    if label is None:
        return None
    cx, y = float(found.group(1)), float(found.group(2))
    cy = -y
    drawn[name] = (cx, y)
    w, h = size
    x0, y0 = cx - w / 2, cy - h / 2
    if x0 < extent[0]:
        extent[0] = x0
    if x0 + w > extent[2]:
        extent[2] = x0 + w
    if y - h / 2 < extent[1]:
        extent[1] = y - h / 2
    if y + h / 2 > extent[3]:
        extent[3] = y + h / 2
    shape = (f'<rect x="{x0:.1f}" y="{y0:.1f}" width="{w:.1f}" height="{h:.1f}"{corner} '
             f"{shape_attrs}/>\n")
    block = (w - 2) / SAFETY - 2 * margin
    if w <= MIN_W * SAFETY + 2.5:  # a short text in the least box: its own width
        block = max([_width(line, font) for _, line, _ in label], default=0.0)
    top = cy - sum([tall for _, _, tall in label]) / 2
    text = ""
    for align, body, tall in label:
        anchor, x = ("start", cx - block / 2) if align == "l" else ("middle", cx) \
            if align == "c" else ("end", cx + block / 2)
        text += (f'<text text-anchor="{anchor}" x="{x:.1f}" y="{top + ASCENT * tall:.1f}" '
                 f"{ink}>{body}</text>\n")
        top += tall
    tip, url = values.get("tooltip"), values.get("URL")
    if tip is not None or url is not None:
        link = f' xlink:href="{_plain(url)}"' if url is not None else ""
        title = f' xlink:title="{_xml(_plain(tip))}"' if tip is not None else ""
        target = f' target="{_xml(_plain(values["target"]))}"' if "target" in values else ""
        shape = f'<g id="a_node{number}"><a{link}{title}{target}>\n{shape}'
        text += "</a>\n</g>\n"
    return f'<g id="node{number}" class="node">\n<title>{name}</title>\n{shape}{text}</g>\n'


def _box_look(attrs: str, d: _Defaults, looks: dict[str, _BoxLook | None]) -> _BoxLook | None:
    """A box's look from its DOT attributes but position, label and tooltip (a few kinds
    per map: each is read once, and kept in ``looks``); None for a box argmap does not draw.
    """
    values = dict(_ATTR.findall(attrs))
    get = values.get
    style = _plain(get("style", d.style))
    outline = _OUTLINES.get(style)
    look = None
    if outline is not None and values.keys() <= _NODE_KEYS and get("shape", "box") == "box":
        fill = _xml(_plain(get("fillcolor") or get("color", "lightgrey")))
        width = float(get("penwidth", d.penwidth))
        stroke = f' stroke-width="{width:g}"' if width != 1 else ""
        font = float(get("fontsize", d.size))
        margin = float(_plain(get("margin", "")).split(",")[0]) * 72 if "margin" in values \
            else d.margin
        look = (f'fill="{fill}" stroke="{_xml(_plain(get("color", "black")))}"{stroke}{outline}',
                f' rx="{RADIUS:g}"' if style.startswith("rounded") else "", font, margin,
                f'font-size="{font:.2f}" fill="{_xml(_plain(get("fontcolor", d.ink)))}"')
    looks[attrs] = look
    return look


_LEFT = '<BR ALIGN="LEFT"/>'


def _label(body: str, font: float) -> list[tuple[str, str, float]] | None:
    """An HTML-like label's lines: each one's alignment (l, c, r), its SVG text (runs in
    another weight, colour or size as ``<tspan>``s) and its height (pt); None for a tag
    argmap does not draw.

    A statement's label (left-aligned lines, bold and coloured runs that end on the
    line they start on, one size) is translated by replacing its tags, in C; any
    other by :func:`_runs`, tag by tag.
    """
    lines = body.split(_LEFT)
    bold, fonts = body.count("<B>"), body.count("<FONT ")
    if "POINT-SIZE" in body or body.count("<") != 2 * (bold + fonts) + len(lines) - 1 or \
            body.count('<FONT COLOR="') != fonts or \
            any(line.count("<") != 2 * line.count("</") for line in lines):
        return _runs(body, font)  # another tag, or a run across a line break
    if bold:
        body = body.replace("<B>", '<tspan font-weight="bold">').replace("</B>", "</tspan>")
    if fonts:
        body = body.replace('<FONT COLOR="', '<tspan fill="').replace("</FONT>", "</tspan>")
    if "\\" in body:  # Graphviz reads a doubled backslash as one
        body = body.replace("\\\\", "\\")
    lines = body.split(_LEFT)
    last = lines.pop()
    found = [("l", line, font) for line in lines]
    if _TAG.sub("", last).strip():  # text after the last line break: centred
        found.append(("c", last, font))
    return found


def _runs(body: str, font: float) -> list[tuple[str, str, float]] | None:
    """:func:`_label`, tag by tag."""
    lines: list[tuple[str, str, float]] = []
    parts: list[str] = []
    tall = 0.0
    bold = 0
    colour: str | None = None
    size: float | None = None
    fonts: list[tuple[str | None, float | None]] = []
    for tag, text in _TAGS.findall(body):
        if text:
            if "\\" in text:  # Graphviz reads a doubled backslash as one
                text = text.replace("\\\\", "\\")
            if bold or colour or size:
                parts.append("<tspan" + (' font-weight="bold"' if bold else "")
                              + (f' fill="{colour}"' if colour else "")
                              + (f' font-size="{size:.2f}"' if size else "")
                              + f">{text}</tspan>")
            else:
                parts.append(text)
            if (size or font) > tall and not text.isspace():
                tall = size or font
        elif tag == "B":
            bold += 1
        elif tag == "/B":
            bold -= 1
        elif tag[:2] == "BR":
            align = _ALIGN.get(f"<{tag}>")
            if align is None:
                return None
            lines.append((align, "".join(parts), tall or font))
            parts = []
            tall = 0.0
        elif tag[:5] == "FONT ":
            found = dict(_FONT.findall(tag))
            if len(found) != tag.count("="):  # FACE, or another attribute
                return None
            fonts.append((colour, size))
            colour = found.get("COLOR", colour)
            size = float(found["POINT-SIZE"]) if "POINT-SIZE" in found else size
        elif tag == "/FONT" and fonts:
            colour, size = fonts.pop()
        else:
            return None
    if tall:  # text after the last line break
        lines.append(("c", "".join(parts), tall))
    return lines


def _width(line: str, font: float) -> float:
    """A line's estimated width (pt), as the layout estimated it."""
    bold = BOLD if "bold" in line else 1.0
    text = _TAG.sub("", line)
    return text_width(html.unescape(text) if "&" in text else text) * font * bold


def _defaults(lines: list[str]) -> _Defaults:
    """The defaults the DOT text's first lines set."""
    found: dict[str, dict[str, str]] = {"graph": {}, "node": {}, "edge": {}}
    for line in lines[:8]:
        for kind, values in found.items():
            if line.startswith(f"  {kind} ["):
                values.update(_ATTR.findall(line[len(kind) + 4:-2]))
    title = lines[0][len("digraph "):-2] if lines and lines[0].startswith("digraph ") else "G"
    graph, node, edge = found["graph"], found["node"], found["edge"]
    return _Defaults(
        _plain(title), _plain(graph.get("bgcolor", "white")),
        float(_plain(graph.get("pad", "0.0555"))) * 72, _plain(node.get("fontname", "Times,serif")),
        float(node.get("fontsize", 14)), _plain(node.get("fontcolor", "black")),
        _plain(node.get("style", "")), float(node.get("penwidth", 1)),
        float(_plain(node.get("margin", "0.11")).split(",")[0]) * 72,
        float(edge.get("penwidth", 1)))


def _plain(value: str) -> str:
    """A DOT value's text: quotes and escapes removed (Graphviz halves backslashes twice:
    reading the string, then expanding ``\\n`` and the like)."""
    if not value.startswith('"'):
        return value
    value = value[1:-1]
    if "\\" not in value:
        return value
    value = re.sub(r'\\([\\"])', r"\1", value)
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nlr" else m.group(1), value)


def _xml(text: str) -> str:
    """Text for an SVG attribute as Graphviz writes it: its entities decoded first, line
    breaks kept, and a space after a space unbreakable (a tooltip's indent stays)."""
    if "&" in text:
        text = html.unescape(text)
    text = html.escape(text).replace("\n", "&#10;")
    return re.sub(r"(?<= ) ", "&#160;", text) if "  " in text else text


def _frame(d: _Defaults, extent: _Corners) -> tuple[str, float, float]:
    """The SVG's start, as Graphviz writes it for this extent, and the shift from DOT's
    coordinates (y flipped) to the SVG's."""
    x0, y0, x1, y1 = extent
    width, height = x1 - x0 + 2 * d.pad, y1 - y0 + 2 * d.pad
    title = _xml(d.title)
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
             f'<polygon fill="{_xml(d.background)}" stroke="transparent" points="'
             f'{-d.pad:.2f},{d.pad:.2f} {-d.pad:.2f},{-top:.2f} {right:.2f},{-top:.2f} '
             f'{right:.2f},{d.pad:.2f} {-d.pad:.2f},{d.pad:.2f}"/>\n')
    return start, -x0, y0


def _graphviz_part(graphviz: Callable[[str], bytes], first: str, heads: list[str],
                   others: list[str], ends: dict[str, tuple[float, float]],
                   sizes: dict[str, tuple[float, float]], extent: _Corners,
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
