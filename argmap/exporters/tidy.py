"""A tidy-tree layout for big diagrams: argmap places the boxes (and draws the SVG itself).

``dot`` ranks, orders and routes a graph in time that grows about as N^1.9
(10,000 statements: 17 s), and ``sfdp`` is faster but lets boxes overlap. A
map is a tree (each statement written once, under its parent) plus a few
cross-links (``ref``), so its picture can be laid out in linear time: the
Reingold–Tilford tidy tree, which packs each subtree against its left
neighbours' contours, level by level, and centres a parent over its premises.
For SVG argmap then draws the picture itself (:mod:`argmap.exporters.drawing`);
for PNG and PDF Graphviz runs as ``neato -n2``, which keeps every given node
position and edge path and only measures and draws the labels.

The input is the DOT text :func:`argmap.exporters.dot.render_dot` writes (one
node or edge per line), so a tidy picture shows exactly what a ``dot`` picture
shows. Box sizes are estimated from the labels with DejaVu Sans's advance
widths (the font the DOT asks for first), rounded up; an estimate too large
only widens a gap.

The tree is read from the edges: each box hangs from the one box whose edge
into it is not a ``ref``. A statement drawn once but reached several times (it
is ``ref``'d) hangs where it is written, which the outline's walk says; the
other edges into it are drawn as curves. Premises stand in file order, left to
right (top to bottom for ``--direction LR``), as ``show`` lists them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from argmap.graph import ArgumentGraph, walk

#: Advance widths of DejaVu Sans, ASCII 32-126, in ems (measured with Graphviz's
#: own text layout); bold text is about 10% wider.
_ASCII = (
    0.316, 0.398, 0.458, 0.84, 0.638, 0.953, 0.781, 0.278, 0.39, 0.39, 0.503, 0.84, 0.316,
    0.361, 0.316, 0.338, 0.638, 0.638, 0.638, 0.638, 0.638, 0.638, 0.638, 0.638, 0.638,
    0.638, 0.338, 0.338, 0.84, 0.84, 0.84, 0.533, 0.998, 0.712, 0.683, 0.698, 0.773, 0.631,
    0.578, 0.773, 0.75, 0.293, 0.293, 0.653, 0.556, 0.863, 0.75, 0.788, 0.601, 0.788, 0.698,
    0.638, 0.593, 0.736, 0.683, 0.991, 0.683, 0.608, 0.683, 0.39, 0.169, 0.39, 0.84, 0.503,
    0.503, 0.615, 0.638, 0.548, 0.638, 0.615, 0.345, 0.638, 0.638, 0.278, 0.278, 0.578,
    0.278, 0.975, 0.638, 0.615, 0.638, 0.638, 0.391, 0.518, 0.39, 0.638, 0.593, 0.818,
    0.593, 0.593, 0.525, 0.638, 0.338, 0.638, 0.84)
#: UTF-8 byte -> its width in hundredths of an em: ASCII from the table; a character
#: beyond ASCII counts its lead byte as WIDE and its continuation bytes as nothing
_WIDTHS = bytes([60] * 32 + [round(w * 100) for w in _ASCII] + [60] + [0] * 64
                + [100] * 64)
WIDE = 1.0  # any other character: as wide as an em (CJK is; Latin letters are narrower)
BOLD = 1.1
LINE = 1.17  # line height, in ems (DejaVu Sans: ascent plus descent)
SAFETY = 1.04  # estimates are rounded up by this much

#: Graphviz's defaults and the DOT writer's (inches, as Graphviz takes them)
NODESEP = 0.3 * 72  # between neighbouring boxes (pt)
RANKSEP = 0.45 * 72  # between levels (pt)
ARROW = 0.8 * 10  # an arrowhead's length at arrowsize=0.8 (pt)
MIN_W, MIN_H = 0.75 * 72, 0.5 * 72  # Graphviz's smallest box

_STRAIGHT = ', pos="s,{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}"];'
_NODE = re.compile(r"  (\w+) \[(.*)\];$")
_EDGE = re.compile(r"  (\w+) -> (\w+) \[(.*)\];$")
_KEYWORDS = {"graph", "node", "edge"}
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<BR[^>]*>|</TR>")


class Style(NamedTuple):
    """The spacing and text defaults a DOT text sets in its ``graph`` and ``node`` lines (pt)."""

    nodesep: float = NODESEP
    ranksep: float = RANKSEP
    font: float = 11.0
    margin: tuple[float, float] = (0.14 * 72, 0.07 * 72)
    least: tuple[float, float] = (MIN_W, MIN_H)  # a box's least width and height


_DEFAULT = Style()


def style_of(lines: list[str]) -> Style:
    """The :class:`Style` of a DOT text, from its first ``graph [`` and ``node [`` lines."""
    graph = next((x for x in lines if x.startswith("  graph [")), "")
    node = next((x for x in lines if x.startswith("  node [")), "")
    margin = re.search(r'margin="([\d.]+),([\d.]+)"', node)
    return Style(_number(graph, "nodesep", NODESEP / 72) * 72,
                 _number(graph, "ranksep", RANKSEP / 72) * 72,
                 _number(node, "fontsize", 11.0),
                 (float(margin.group(1)) * 72, float(margin.group(2)) * 72) if margin
                 else Style.margin,
                 (_number(node, "width", MIN_W / 72) * 72,
                  _number(node, "height", MIN_H / 72) * 72))


class Box(NamedTuple):
    """A node's estimated size in pt: ``across`` the levels and ``deep`` along them."""

    across: float
    deep: float


def tidy_dot(dot: str, graph: ArgumentGraph, direction: str = "TB", square: bool = False
             ) -> str:
    """The DOT text with a position for every box and a path for every edge, for ``neato -n2``.

    Args:
        dot: the DOT text :func:`~argmap.exporters.dot.render_dot` wrote for ``graph``.
        graph: the graph it was written from (it says where a reused statement is written).
        direction: where the question sits: TB, LR, BT or RL.
        square: draw boxes with square corners (faster; for big pictures).
    """
    return "\n".join(tidy_layout(dot, graph, direction, square).lines)


class Placed(NamedTuple):
    """A tidy layout: the DOT lines with positions and paths, and each box's estimated size."""

    lines: list[str]  # DOT lines, each node with ``pos`` and each edge with its ``pos``
    sizes: dict[str, tuple[float, float]]  # node name -> (width, height), pt, as drawn


def tidy_layout(dot: str, graph: ArgumentGraph, direction: str = "TB", square: bool = False
                ) -> Placed:
    """:func:`tidy_dot`, as lines, with the size argmap estimated for each box.

    Whoever draws the boxes at these sizes (:mod:`argmap.exporters.sketch`) draws
    them exactly where the layout made room for them.
    """
    lines = dot.split("\n")
    style = style_of(lines[:6])
    nodes: dict[str, int] = {}  # name -> its line
    edges: list[tuple[int, str, str, str]] = []  # (line, tail, head, attributes)
    boxes: dict[str, Box] = {}
    sideways = direction in ("LR", "RL")
    node, edge = _NODE.match, _EDGE.match
    for i, line in enumerate(lines):
        if " -> " in line:
            found = edge(line)
            if found:
                edges.append((i, found.group(1), found.group(2), found.group(3)))
            continue
        found = node(line)
        if found:
            name = found.group(1)
            if name not in _KEYWORDS:
                nodes[name] = i
                boxes[name] = size(found.group(2), sideways, style)
    parent, children = _tree(graph, nodes, edges)
    roots = [n for n in nodes if n not in parent and n != "legend"]
    place = _Placer(boxes, children, style.nodesep)
    across, depth_of = place.forest(roots)
    top = _levels(boxes, depth_of, edges, style.ranksep)
    if "legend" in nodes:  # under the deepest level, at the left, as dot's rank=sink puts it
        box = boxes["legend"]
        left = min((across[n] - boxes[n].across / 2 for n in across), default=0.0)
        across["legend"] = left + box.across / 2
        deepest = max(top, default=0)
        depth_of["legend"] = deepest + 1
        top[deepest + 1] = top[deepest] + _thickness(boxes, depth_of, deepest) + style.ranksep
    centre = {n: top[depth_of[n]] + boxes[n].deep / 2 for n in across}
    to_xy = _orient(direction)
    grow = "width" if sideways else "height"
    for name, i in nodes.items():
        if name in across:
            x, y = to_xy(across[name], centre[name])
            line = lines[i]
            # a box as deep as its level's spacing assumed, so edges meet its side
            extra = "" if "shape=p" in line else f"{grow}={boxes[name].deep / 72:.3f}, "
            lines[i] = f'  {name} [pos="{x:.1f},{y:.1f}", {extra}' + line[len(name) + 4:]
    ports = _ports(boxes, children)
    for i, tail, head, attrs in edges:
        if "style=invis" in attrs:  # dot's ordering aids: nothing to draw
            lines[i] = ""
            continue
        if tail not in across or head not in across:
            continue
        port = ports.get(head) if parent.get(head) == tail else None
        if port is not None and attrs.startswith("dir=back") and ", label=<" not in attrs:
            # the common case, inline: a straight tree edge, its arrowhead at the parent
            ta, ha = across[tail] + port, across[head]
            td, hd = centre[tail] + boxes[tail].deep / 2, centre[head] - boxes[head].deep / 2
            da, dd = ha - ta, hd - td
            step = min(ARROW, (da * da + dd * dd) ** 0.5 / 2) / ((da * da + dd * dd) ** 0.5 or 1)
            ba, bd = ta + da * step, td + dd * step
            da, dd = (ha - ba) / 3, (hd - bd) / 3
            if direction == "TB":  # no call per point for the usual direction
                lines[i] = lines[i][:-2] + _STRAIGHT.format(
                    ta, -td, ba, -bd, ba + da, -bd - dd, ha - da, dd - hd, ha, -hd)
            else:
                lines[i] = lines[i][:-2] + _STRAIGHT.format(
                    *to_xy(ta, td), *to_xy(ba, bd), *to_xy(ba + da, bd + dd),
                    *to_xy(ha - da, hd - dd), *to_xy(ha, hd))
            continue
        path = _path(across, centre, boxes, tail, head, port, attrs, to_xy)
        lines[i] = lines[i][:-2] + f", {path}];"
    # every edge has a path; "line" only for any Graphviz would otherwise route
    first = next(i for i, line in enumerate(lines) if line.startswith("  graph ["))
    lines.insert(first + 1, "  graph [splines=line, overlap=true];")
    kept = [line for line in lines if line and not line.startswith("  { rank=")]
    if square:
        # Graphviz's rounded corners are a sixth of drawing a 10,000-box picture
        kept = [line.replace('style="rounded,filled', 'style="filled')
                if 'style="rounded,filled' in line else line for line in kept]
    sizes = {name: (box.deep, box.across) if sideways else (box.across, box.deep)
             for name, box in boxes.items() if name in across}
    return Placed(kept, sizes)


def size(attrs: str, sideways: bool = False, style: Style | None = None) -> Box:
    """The estimated size of a node (pt) from its DOT attributes: its label, shape, margins."""
    if "shape=point" in attrs:
        side = _number(attrs, "width", 0.05) * 72 + 2
        return Box(side, side)
    style = style or _DEFAULT
    font = _number(attrs, "fontsize", 11) if "fontsize=" in attrs else style.font
    mx, my = style.margin
    if attrs.startswith("label=<") and "POINT-SIZE" not in attrs and "shape=" not in attrs:
        # a statement's box, the common case: one size of text, default margins
        end = attrs.find(">>")
        parts = _BREAK.split(attrs[7:end + 1] if end > 0 else attrs[7:])
        texts = [_TAG.sub("", part) if "<" in part else part for part in parts]
        longest = max([text_width(html.unescape(t) if "&" in t else t) for t in texts])
        count = len(texts) - (not texts[-1] or texts[-1].isspace())
        bold = BOLD if attrs.startswith("label=<<B>") else 1.0
        w = max(style.least[0], longest * font * bold + 2 * mx) * SAFETY + 2
        h = max(style.least[1], max(1, count) * font * LINE + 2 * my) * SAFETY + 2
        return Box(h, w) if sideways else Box(w, h)
    rows = label_lines(attrs, font)
    # bold lines (a claim's, the question's), not only a bold marker
    bold = BOLD if "label=<<B>" in attrs or attrs.count("<B>") > 1 else 1.0
    if rows:
        wide = max([text_width(row) * pt for row, pt in rows]) * bold
        tall = sum([pt for _, pt in rows]) * LINE
    else:
        wide, tall = 0.0, font * LINE
    if "<TABLE" in attrs:  # cell padding and borders, per row
        wide += 16
        tall += 7 * attrs.count("<TR>")
    if "shape=plain" in attrs:
        w, h = wide, tall
    else:
        margin = re.search(r'margin="([\d.]+),([\d.]+)"', attrs) if "margin=" in attrs else None
        if margin:
            mx, my = float(margin.group(1)) * 72, float(margin.group(2)) * 72
        w, h = max(style.least[0], wide + 2 * mx), max(style.least[1], tall + 2 * my)
        if "shape=note" in attrs:
            w += 8
    w, h = w * SAFETY + 2, h * SAFETY + 2  # and the pen's width
    return Box(h, w) if sideways else Box(w, h)


def _number(attrs: str, name: str, default: float) -> float:
    found = re.search(rf"\b{name}=\"?([\d.]+)", attrs)
    return float(found.group(1)) if found else default


_PIECES = re.compile(r'<BR[^>]*>|</TR>|<FONT[^>]*>|</FONT>')
_POINTS = re.compile(r'POINT-SIZE="([\d.]+)"')


def label_lines(attrs: str, font: float = 11.0) -> list[tuple[str, float]]:
    """The lines of text a node's label shows (tags and escapes removed), each with its
    largest font size (pt)."""
    start = attrs.find("label=")
    if start < 0:
        return []
    start += 6
    if attrs.startswith("<", start):
        # An HTML label ends at its first ">>": a tag's end, then the label's (text
        # holds ">" only as an entity, so no other ">>" can come before).
        end = attrs.find(">>", start)
        body = attrs[start + 1:end + 1 if end >= 0 else len(attrs)]
        if "<FONT" not in body or "POINT-SIZE" not in body:  # one size: the common case
            return [(html.unescape(t) if "&" in t else t, font)
                    for t in (_TAG.sub("", part) for part in _BREAK.split(body))
                    if t and not t.isspace()]
        return _sized(body, font)
    if attrs.startswith('"', start):
        end = start + 1
        while end < len(attrs) and attrs[end] != '"':
            end += 2 if attrs[end] == "\\" else 1
        body = attrs[start + 1:end].replace("\\\\", "\\").replace('\\"', '"')
        return [(html.unescape(part), font) for part in re.split(r"\\[nlr]", body)]
    return [(attrs[start:].split(",")[0], font)]


def _sized(body: str, font: float) -> list[tuple[str, float]]:
    """:func:`label_lines` of an HTML label whose ``<FONT POINT-SIZE>`` changes sizes."""
    sizes = [font]
    out: list[tuple[str, float]] = []
    text, largest, at = "", 0.0, 0
    for piece in _PIECES.finditer(body):
        chunk = _TAG.sub("", body[at:piece.start()])
        if chunk:
            text += chunk
            largest = max(largest, sizes[-1])
        tag = piece.group()
        at = piece.end()
        if tag.startswith("<FONT"):
            points = _POINTS.search(tag)
            sizes.append(float(points.group(1)) if points else sizes[-1])
        elif tag == "</FONT>":
            if len(sizes) > 1:
                sizes.pop()
        elif text.strip():
            out.append((html.unescape(text), largest))
            text, largest = "", 0.0
    chunk = _TAG.sub("", body[at:])
    if (text + chunk).strip():
        out.append((html.unescape(text + chunk), max(largest, sizes[-1])))
    return out


def text_width(text: str) -> float:
    """A line's width in ems, in DejaVu Sans (summed in C: a byte table, not a loop)."""
    return sum(text.encode("utf-8", "replace").translate(_WIDTHS)) / 100


def _tree(graph: ArgumentGraph, nodes: dict[str, int],
          edges: list[tuple[int, str, str, str]]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Each box's parent and children (in file order): the edges that are not ``ref``s.

    An edge that dot would not rank (``constraint=false``: a ref up its own
    branch) is never a tree edge. A box with one edge into it hangs from that
    edge's tail; a statement with several (it is reused) hangs where the
    outline writes it: from its parent's box, or a junction just below it.
    """
    into: dict[str, list[str]] = {}
    for _, tail, head, attrs in edges:
        if tail in nodes and head in nodes and "constraint=false" not in attrs and (
                "style=invis" not in attrs or head.endswith("_more")):
            into.setdefault(head, []).append(tail)
    parent: dict[str, str] = {}
    several = []
    for head, tails in into.items():
        if len(tails) == 1:
            parent[head] = tails[0]
        else:
            several.append(head)
    if several:
        homes = _homes(graph, several)
        for head in several:
            tails = into[head]
            expected = homes.get(head, ())
            parent[head] = next((t for t in tails if t in expected), tails[0])
    _break_cycles(parent)
    children: dict[str, list[str]] = {}
    for _, tail, head, _attrs in edges:  # edge order is file order
        if parent.get(head) == tail:
            kids = children.setdefault(tail, [])
            if not kids or kids[-1] != head:
                kids.append(head)
    return parent, children


def _homes(graph: ArgumentGraph, heads: list[str]) -> dict[str, tuple[str, ...]]:
    """Box name of a drawn statement -> the boxes its written link can come from.

    The DOT writer names drawn statements ``n1``, ``n2`` … in the walk's order.
    A statement written in a linked argument hangs from the argument's junction
    (``<link>_j``); one whose link is undercut from the junction on that link
    (``<its box>_j``); an undercut from the junction on the link it attacks;
    any other from its parent's box.
    """
    names: dict[str, str] = {}
    for visit in walk(graph):
        if visit.expanded and visit.key not in names:
            names[visit.key] = f"n{len(names) + 1}"
    keys = {name: key for key, name in names.items()}
    out: dict[str, tuple[str, ...]] = {}
    for head in heads:
        key = keys.get(head)
        statement = graph.statements.get(key) if key is not None else None
        link = graph.link(statement.link) if statement is not None and statement.link else None
        if link is None:
            continue
        found = [f"{link.key}_j", f"{head}_j"]
        if link.target in names:
            found.append(names[link.target])
        attacked = graph.link(link.target)
        if attacked is not None:
            found.append(f"{attacked.key}_j")
            # (the junction on a ref's step is named for the step too: format 1.2)
            found += [f"{names[p]}_j{suffix}" for p in attacked.premises if p in names
                      for suffix in ("", attacked.key)]
        out[head] = tuple(found)
    return out


def _break_cycles(parent: dict[str, str]) -> None:
    """Drop the parent of any box whose chain of parents comes back to it."""
    state: dict[str, int] = {}  # 1: on the chain being followed, 2: known to end
    for start in list(parent):
        chain = []
        node: str | None = start
        while node is not None and state.get(node) is None:
            state[node] = 1
            chain.append(node)
            node = parent.get(node)
        if node is not None and state.get(node) == 1:
            del parent[node]  # the chain came back: cut it here
        for n in chain:
            state[n] = 2


class _Placer:
    """Reingold–Tilford: each subtree is packed against its left siblings' contours."""

    def __init__(self, boxes: dict[str, Box], children: dict[str, list[str]],
                 gap: float = NODESEP) -> None:
        self.boxes = boxes
        self.gap = gap
        self.children = children
        self.offset: dict[str, float] = {}  # a box's centre relative to its parent's

    def forest(self, roots: list[str]) -> tuple[dict[str, float], dict[str, int]]:
        """Every box's position across the levels (its centre, pt) and its level."""
        contours = [self.subtree(root) for root in roots]
        offsets, _ = _pack(contours, self.gap)
        across: dict[str, float] = {}
        depth: dict[str, int] = {}
        for root, x in zip(roots, offsets, strict=True):
            stack = [(root, x, 0)]
            while stack:
                name, at, level = stack.pop()
                across[name] = at
                depth[name] = level
                for kid in self.children.get(name, ()):
                    stack.append((kid, at + self.offset[kid], level + 1))
        return across, depth

    def subtree(self, root: str) -> list[tuple[float, float]]:
        """The contour of ``root``'s subtree: per level, its leftmost and rightmost edge,
        relative to the root's centre. Children are done first, without recursion."""
        done: dict[str, list[tuple[float, float]]] = {}
        stack: list[tuple[str, bool]] = [(root, False)]
        while stack:
            name, ready = stack.pop()
            kids = self.children.get(name, [])
            if not ready and kids:
                stack.append((name, True))
                stack.extend((kid, False) for kid in reversed(kids))
                continue
            half = self.boxes[name].across / 2
            if not kids:
                done[name] = [(-half, half)]
                continue
            offsets, merged = _pack([done.pop(kid) for kid in kids], self.gap)
            middle = (offsets[0] + offsets[-1]) / 2
            for kid, at in zip(kids, offsets, strict=True):
                self.offset[kid] = at - middle
            done[name] = [(-half, half)] + [(a - middle, b - middle) for a, b in merged]
        return done[root]


_Contour = list[tuple[float, float]]


def _pack(contours: list[_Contour], gap: float) -> tuple[list[float], _Contour]:
    """Place subtrees left to right, each as close as its contour allows: their offsets
    (the first at 0) and the contour of them all."""
    offsets = [0.0]
    merged = list(contours[0])
    for contour in contours[1:]:
        shift = max(r - a for (_, r), (a, _) in zip(merged, contour, strict=False)) + gap
        offsets.append(shift)
        shared = min(len(merged), len(contour))
        for i in range(shared):
            merged[i] = (merged[i][0], contour[i][1] + shift)
        merged += [(a + shift, b + shift) for a, b in contour[shared:]]
    return offsets, merged


def _ports(boxes: dict[str, Box], children: dict[str, list[str]]) -> dict[str, float]:
    """Where each premise's edge meets its parent, across from the parent's centre: spread
    over the middle of the parent's side in file order, so arrowheads do not pile up."""
    out: dict[str, float] = {}
    for name, kids in children.items():
        spread = boxes[name].across * 0.6
        count = len(kids)
        for i, kid in enumerate(kids):
            out[kid] = ((i + 0.5) / count - 0.5) * spread
    return out


def _thickness(boxes: dict[str, Box], depth: dict[str, int], level: int) -> float:
    return max((boxes[n].deep for n, d in depth.items() if d == level), default=0.0)


def _levels(boxes: dict[str, Box], depth: dict[str, int],
            edges: list[tuple[int, str, str, str]], ranksep: float) -> dict[int, float]:
    """Where each level starts (pt down from the top): the levels above it, as thick as
    their deepest box, and the gaps between (wider where an edge label must fit)."""
    thick: dict[int, float] = {}
    for name, level in depth.items():
        deep = boxes[name].deep
        if deep > thick.get(level, 0.0):
            thick[level] = deep
    room: dict[int, float] = {}  # level -> the tallest edge label on edges into it
    for _, _tail, head, attrs in edges:
        if ", label=<" in attrs and head in depth:
            tall = len(label_lines(attrs[attrs.index(", label=<") + 2:])) * LINE * 11 + 12
            room[depth[head]] = max(room.get(depth[head], 0.0), tall)
    top: dict[int, float] = {}
    at = 0.0
    for level in range(max(thick, default=-1) + 1):
        if level:
            at += ranksep + room.get(level, 0.0)
        top[level] = at
        at += thick.get(level, 0.0)
    return top


_Point = tuple[float, float]
_ToXY = Callable[[float, float], _Point]


def _orient(direction: str) -> _ToXY:
    """Canonical (across, down) -> Graphviz's (x, y), y pointing up."""
    if direction == "LR":
        return lambda a, d: (d, -a)
    if direction == "RL":
        return lambda a, d: (-d, -a)
    if direction == "BT":
        return lambda a, d: (a, d)
    return lambda a, d: (a, -d)


def _path(across: dict[str, float], centre: dict[str, float], boxes: dict[str, Box],
          tail: str, head: str, port: float | None, attrs: str, to_xy: _ToXY) -> str:
    """An edge's ``pos`` (one cubic Bézier, arrowheads as ``dir`` says) and its label's ``lp``.

    A tree edge (``port`` set: where it meets its parent, across from the parent's
    centre) is straight, from the parent's bottom to the premise's top, as ``dot``
    draws them; any other edge (a ``ref`` to a statement drawn elsewhere) is a
    curve that leaves and enters its boxes upright, so it cannot pass for a tree edge.
    """
    ta, td, ha, hd = across[tail], centre[tail], across[head], centre[head]
    tb, hb = boxes[tail].deep / 2, boxes[head].deep / 2
    if port is not None:
        start, end = (ta + port, td + tb), (ha, hd - hb)
        third = ((end[0] - start[0]) / 3, (end[1] - start[1]) / 3)
        c1 = (start[0] + third[0], start[1] + third[1])
        c2 = (end[0] - third[0], end[1] - third[1])
    elif hd - hb >= td + tb - 1:  # head on a lower level: bottom to top
        start, end = (ta, td + tb), (ha, hd - hb)
        bend = max(40.0, (end[1] - start[1]) / 2)
        c1, c2 = (start[0], start[1] + bend), (end[0], end[1] - bend)
    elif td - tb >= hd + hb - 1:  # head higher: top to bottom
        start, end = (ta, td - tb), (ha, hd + hb)
        bend = max(40.0, (start[1] - end[1]) / 2)
        c1, c2 = (start[0], start[1] - bend), (end[0], end[1] + bend)
    elif ta < ha:  # the same level, rightwards: an arc through the gap below
        start, end = (ta, td + tb), (ha, hd + hb)
        low = max(start[1], end[1]) + RANKSEP * 0.8
        c1, c2 = (start[0], low), (end[0], low)
    else:  # leftwards: through the gap above, so a pair of mutual refs is two arcs
        start, end = (ta, td - tb), (ha, hd - hb)
        high = min(start[1], end[1]) - RANKSEP * 0.8
        c1, c2 = (start[0], high), (end[0], high)
    points = [start, c1, c2, end]
    arrow = "" if "dir=none" in attrs else ("s" if "dir=back" in attrs else "e")
    tip = start
    if arrow == "s":  # the arrowhead ends at the start; the line stops short of it
        points[0] = _toward(start, c1, ARROW)
    elif arrow == "e":
        tip, points[-1] = end, _toward(end, c2, ARROW)
    (a0, d0), (a1, d1), (a2, d2), (a3, d3) = points
    text = "{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}".format(
        *to_xy(a0, d0), *to_xy(a1, d1), *to_xy(a2, d2), *to_xy(a3, d3))
    if arrow:
        text = f"{arrow},%.1f,%.1f {text}" % to_xy(*tip)
    if ", label=<" in attrs:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
        mid = (x0 + 3 * x1 + 3 * x2 + x3) / 8, (y0 + 3 * y1 + 3 * y2 + y3) / 8
        return f'pos="{text}", lp="%.1f,%.1f"' % to_xy(*mid)
    return f'pos="{text}"'


def _toward(point: _Point, other: _Point, distance: float) -> _Point:
    dx, dy = other[0] - point[0], other[1] - point[1]
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    step = min(distance, length / 2) / length
    return point[0] + dx * step, point[1] + dy * step


def names(dot: str) -> Iterator[str]:
    """The node names of DOT text as :func:`tidy_dot` reads them (for tests)."""
    for line in dot.split("\n"):
        found = _NODE.match(line)
        if found and " -> " not in line and found.group(1) not in _KEYWORDS:
            yield found.group(1)
