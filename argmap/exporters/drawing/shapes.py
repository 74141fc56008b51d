"""Boxes and edges in argmap's SVG, as Graphviz draws them, from their DOT lines.

Each is drawn in DOT's coordinates with y flipped (the picture's frame shifts
them all at once); a line argmap does not draw (another shape, an edge label,
an attribute it does not know) gives None, and Graphviz draws it.
"""

from __future__ import annotations

import re

from argmap.exporters.drawing.frame import Corners
from argmap.exporters.drawing.text import ATTR, Defaults, label_lines, line_width, plain, xml
from argmap.exporters.tidy import MIN_W, SAFETY

_POS = re.compile(r'pos="(-?[\d.]+),(-?[\d.]+)", ')
#: what a box argmap draws may say about itself; a box saying anything else goes to Graphviz
_NODE_KEYS = frozenset({"pos", "height", "width", "label", "shape", "style", "color",
                        "fillcolor", "penwidth", "fontcolor", "fontsize", "margin", "tooltip",
                        "URL", "target"})
_LINK_KEYS = frozenset({"tooltip", "URL", "target"})
_EDGE_KEYS = frozenset({"pos", "dir", "color", "style", "penwidth", "constraint"})
_OUTLINES = {"filled": "", "rounded,filled": "", "rounded,filled,dashed": ' stroke-dasharray="5,2"',
             "filled,dashed": ' stroke-dasharray="5,2"'}
_DASHES = {"solid": "", "dashed": ' stroke-dasharray="5,2"', "dotted": ' stroke-dasharray="1,5"'}
ASCENT = 0.71  # a line's baseline below its top, in ems (as Graphviz sets DejaVu Sans)
RADIUS = 8.0  # rounded corners (pt): Graphviz's look
ARROW_WIDTH = 0.35  # an arrowhead's half-width per pt of its length (Graphviz's)

BoxLook = tuple[str, str, float, float, str]  # outline attributes, corner, font, margin, ink


def edge_svg(tail: str, head: str, attrs: str, d: Defaults, number: int, extent: Corners
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
    values = dict(ATTR.findall(attrs))
    get = values.get
    dashes = _DASHES.get(plain(get("style", "solid")))
    look = None
    if dashes is not None and values.keys() <= _EDGE_KEYS:
        width = float(get("penwidth", penwidth))
        look = (xml(plain(get("color", "black"))),
                f' stroke-width="{width:g}"' if width != 1 else "", dashes)
    if len(_LOOKS) < 1000:
        _LOOKS[key] = look
    return look


def node_svg(name: str, attrs: str, size: tuple[float, float], d: Defaults, number: int,
          drawn: dict[str, tuple[float, float]], extent: Corners,
          looks: dict[str, BoxLook | None]) -> str | None:
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
    values = dict(ATTR.findall(after[tip_at:])) if tip_at >= 0 else {}
    if values.keys() - _LINK_KEYS:  # more after the tooltip (--eval dims a fallen box)
        key += "".join([f", {k}={v}" for k, v in values.items() if k not in _LINK_KEYS])
    look = looks[key] if key in looks else _box_look(key, d, looks)
    if look is None:
        return None
    shape_attrs, corner, font, margin, ink = look
    label = label_lines(attrs[start + 7:end + 1], font)
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
        block = max([line_width(line, font) for _, line, _ in label], default=0.0)
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
        link = f' xlink:href="{plain(url)}"' if url is not None else ""
        title = f' xlink:title="{xml(plain(tip))}"' if tip is not None else ""
        target = f' target="{xml(plain(values["target"]))}"' if "target" in values else ""
        shape = f'<g id="a_node{number}"><a{link}{title}{target}>\n{shape}'
        text += "</a>\n</g>\n"
    return f'<g id="node{number}" class="node">\n<title>{name}</title>\n{shape}{text}</g>\n'


def _box_look(attrs: str, d: Defaults, looks: dict[str, BoxLook | None]) -> BoxLook | None:
    """A box's look from its DOT attributes but position, label and tooltip (a few kinds
    per map: each is read once, and kept in ``looks``); None for a box argmap does not draw.
    """
    values = dict(ATTR.findall(attrs))
    get = values.get
    style = plain(get("style", d.style))
    outline = _OUTLINES.get(style)
    look = None
    if outline is not None and values.keys() <= _NODE_KEYS and get("shape", "box") == "box":
        fill = xml(plain(get("fillcolor") or get("color", "lightgrey")))
        width = float(get("penwidth", d.penwidth))
        stroke = f' stroke-width="{width:g}"' if width != 1 else ""
        font = float(get("fontsize", d.size))
        margin = float(plain(get("margin", "")).split(",")[0]) * 72 if "margin" in values \
            else d.margin
        look = (f'fill="{fill}" stroke="{xml(plain(get("color", "black")))}"{stroke}{outline}',
                f' rx="{RADIUS:g}"' if style.startswith("rounded") else "", font, margin,
                f'font-size="{font:.2f}" fill="{xml(plain(get("fontcolor", d.ink)))}"')
    looks[attrs] = look
    return look


_LEFT = '<BR ALIGN="LEFT"/>'


