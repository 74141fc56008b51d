"""The tidy layout (render --engine tidy; the default above 2,000 statements).

argmap places every box and edge; Graphviz (``neato -n2``) only draws. The
pictures are read back from Graphviz's own SVG: no two boxes overlap, each box
holds its text, premises stand in file order under their parent, and every
edge of the DOT text (``ref`` cross-links included) is drawn.
"""

from __future__ import annotations

import re
import sys
from itertools import combinations, pairwise
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.exporters.dot import render_dot
from argmap.exporters.layout import layout
from argmap.exporters.tidy import NODESEP, Box, _Placer, tidy_dot
from argmap.graph import build_graph
from argmap.readers import load_path
from tests.conftest import TESTS

ROOT = TESTS.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

MAPS = [*(TESTS / "fixtures/valid" / f"{n}.yaml" for n in ("full", "linked", "cycle",
                                                            "hostile", "minimal")),
        *sorted((ROOT / "maps").glob("*.yaml"))]


def drawn(svg: str) -> tuple[dict[str, tuple[float, float, float, float]], int, list[str]]:
    """The SVG's boxes by node title (x0, y0, x1, y1), its edge count, and its texts.

    Read with each group's ``translate`` applied (argmap's own drawing of a tidy
    layout sits in one), so Graphviz's shapes and argmap's compare in one frame.
    """
    root = ElementTree.fromstring(svg)
    boxes: dict[str, tuple[float, float, float, float]] = {}
    texts: list[str] = []
    edges = 0

    def visit(element: ElementTree.Element, dx: float, dy: float) -> None:
        nonlocal edges
        for child in element:
            tag = child.tag.rpartition("}")[2]
            shift = re.fullmatch(r"translate\((-?[\d.]+),(-?[\d.]+)\)",
                                 child.get("transform", ""))
            if shift and child.get("class") != "graph":
                visit(child, dx + float(shift.group(1)), dy + float(shift.group(2)))
                continue
            if tag == "text":
                texts.append("".join(child.itertext()))
            if child.get("class") == "edge":
                edges += 1
            if child.get("class") == "node":
                box = _outline(child)
                title = child.find(f"{SVG}title")
                if box is not None and title is not None and title.text:
                    x0, y0, x1, y1 = box
                    boxes[title.text] = (x0 + dx, y0 + dy, x1 + dx, y1 + dy)
            visit(child, dx, dy)

    visit(root, 0.0, 0.0)
    return boxes, edges, texts


SVG = "{http://www.w3.org/2000/svg}"


def _outline(node: ElementTree.Element) -> tuple[float, float, float, float] | None:
    """A node's box: its ``rect``, or the corners of its outline's ``path`` or ``polygon``
    (None for a dot: an ``ellipse``)."""
    for shape in node.iter():
        tag = shape.tag.rpartition("}")[2]
        if tag == "ellipse":
            return None
        if tag == "rect":
            x, y = float(shape.get("x", 0)), float(shape.get("y", 0))
            return x, y, x + float(shape.get("width", 0)), y + float(shape.get("height", 0))
        if tag in ("path", "polygon"):
            numbers = shape.get("d") or shape.get("points") or ""
            xs = [float(x) for x in re.findall(r"(-?[\d.]+),", numbers)]
            ys = [float(y) for y in re.findall(r",(-?[\d.]+)", numbers)]
            return min(xs), min(ys), max(xs), max(ys)
    return None


def tidy_svg(path: Path, direction: str = "TB") -> tuple[str, str]:
    graph = build_graph(load_path(path).maps[0])
    dot = tidy_dot(render_dot(graph), graph, direction)
    return dot, layout(dot, "tidy", "svg", 60).decode()


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_no_boxes_overlap_and_every_edge_is_drawn(path: Path, direction: str) -> None:
    dot, svg = tidy_svg(path, direction)
    boxes, edges, _ = drawn(svg)
    assert len(boxes) >= 2
    for (a, p), (b, q) in combinations(boxes.items(), 2):
        apart = p[2] <= q[0] or q[2] <= p[0] or p[3] <= q[1] or q[3] <= p[1]
        assert apart, (a, b, p, q)
    visible = [line for line in dot.splitlines() if " -> " in line and "style=invis" not in line]
    assert edges == len(visible)
    # every visible edge got its path from argmap: Graphviz routed nothing itself
    assert all('pos="' in line for line in visible)


def test_premises_stand_in_file_order_under_their_parent(tmp_path: Path) -> None:
    source = tmp_path / "m.yaml"
    source.write_text(generate(40))
    _, svg = tidy_svg(source)
    boxes, _, _ = drawn(svg)
    graph = build_graph(load_path(source).maps[0])
    names = {key: f"n{i}" for i, key in enumerate(graph.statements, start=1)}  # walk order
    for key in graph.statements:
        kids = [p for link in graph.children(key) for p in link.premises]
        lefts = [boxes[names[k]][0] for k in kids]
        assert lefts == sorted(lefts)
        if kids:  # below their parent, which stands over them
            parent = boxes[names[key]]
            assert all(boxes[names[k]][1] > parent[3] for k in kids)
            assert lefts[0] <= (parent[0] + parent[2]) / 2 <= boxes[names[kids[-1]]][2]


def test_boxes_hold_their_text() -> None:
    # a box too small for its text would let Graphviz grow it past its neighbours:
    # each drawn box is at most a little wider than argmap's estimate, never wider
    dot, svg = tidy_svg(TESTS / "fixtures/valid/hostile.yaml")
    from argmap.exporters.tidy import size

    boxes, _, _ = drawn(svg)
    estimates = {m.group(1): size(m.group(2)) for m in
                 re.finditer(r"^  (\w+) \[pos=\"[^\"]*\", (?:height=[\d.]+, )?(.*)\];$", dot,
                             re.M)}
    for name, (x0, _, x1, _) in boxes.items():
        assert x1 - x0 <= estimates[name].across + 1, name


def test_a_big_map_is_drawn_by_default_with_the_tidy_layout(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from argmap.cli.app import app

    source = tmp_path / "big.yaml"
    source.write_text(generate(2001))
    result = CliRunner().invoke(app, ["render", str(source), "-f", "svg", "-o",
                                      str(tmp_path / "big.svg")])
    assert result.exit_code == 0, result.output
    assert "using --engine tidy" in result.stderr
    svg = (tmp_path / "big.svg").read_text()
    boxes, _, _ = drawn(svg)
    assert len(boxes) == 2001 + 2  # the statements, the question and the legend
    # argmap drew the boxes (rect), Graphviz the legend (path)
    assert svg.count("<rect ") == 2001 + 1 and "<title>legend</title>\n<path" in svg


@st.composite
def trees(draw: st.DrawFn) -> tuple[dict[str, list[str]], dict[str, Box]]:
    """A random tree: each new box hangs under an earlier one, with a random size."""
    count = draw(st.integers(1, 60))
    children: dict[str, list[str]] = {}
    boxes = {"b0": Box(draw(st.floats(6, 300)), draw(st.floats(6, 80)))}
    for i in range(1, count):
        parent = f"b{draw(st.integers(0, i - 1))}"
        children.setdefault(parent, []).append(f"b{i}")
        boxes[f"b{i}"] = Box(draw(st.floats(6, 300)), draw(st.floats(6, 80)))
    return children, boxes


@settings(max_examples=60, deadline=None)
@given(trees())
def test_the_placer_keeps_boxes_apart_and_parents_over_their_premises(
        tree: tuple[dict[str, list[str]], dict[str, Box]]) -> None:
    children, boxes = tree
    across, level = _Placer(boxes, children).forest(["b0"])
    rows: dict[int, list[str]] = {}
    for name in boxes:
        rows.setdefault(level[name], []).append(name)
    for row in rows.values():
        row.sort(key=across.__getitem__)
        for a, b in pairwise(row):
            gap = (across[b] - boxes[b].across / 2) - (across[a] + boxes[a].across / 2)
            assert gap >= NODESEP - 1e-6
    for parent, kids in children.items():
        xs = [across[k] for k in kids]
        assert xs == sorted(xs)  # file order
        assert abs(across[parent] - (xs[0] + xs[-1]) / 2) < 1e-6
        assert all(level[k] == level[parent] + 1 for k in kids)
