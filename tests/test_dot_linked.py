"""DOT for format 1.1's linked arguments: one junction per argument, joint undercuts at it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.analysis.evaluate import statuses
from argmap.exporters.dot import DotOptions, render_dot
from argmap.model import ArgumentMap, Relation
from argmap.readers import load_path
from argmap.view import ViewOptions, view_graph
from tests.conftest import FIXTURES
from tests.test_render import dot_to_svg, node_named, nodes_and_edges

LINKED = FIXTURES / "valid/linked.yaml"


def linked_map() -> ArgumentMap:
    return load_path(LINKED).maps[0]


def test_each_linked_argument_meets_in_one_junction() -> None:
    dot = render_dot(view_graph(linked_map()))
    nodes, edges = nodes_and_edges(dot)
    junctions = sorted(n for n, attrs in nodes.items() if n.endswith("_j"))
    # four linked arguments (c1.pro1, c1.con1, c1.con1.2.pro1, c2.pro1), no other junction
    assert junctions == ["l1_j", "l6_j", "l7_j", "l8_j"]
    claim = node_named(nodes, "Close the centre")
    trips, transit = node_named(nodes, "Most displaced"), node_named(nodes, "Transit has")
    # one edge from the junction to the parent, premises joined to the junction only
    assert [(t, h) for t, h, _ in edges if "l1_j" in (t, h)] == [
        (claim, "l1_j"), ("l1_j", trips), ("l1_j", transit),
        ("l1_j", node_named(nodes, "Evaporation studies"))]
    [argument] = [a for t, h, a in edges if (t, h) == (claim, "l1_j")]
    assert "<B>+</B> <FONT POINT-SIZE=\"9\">▰▰▰▰▱</FONT>" in argument  # marker and weight
    assert ">no-gridlock</FONT>" in argument  # the argument's id
    assert "dir=back" in argument  # the one arrow, into the parent
    for tail, head, attrs in edges:
        if tail == "l1_j" and head in (trips, transit):
            assert "dir=none" in attrs and 'color="#1a7f37"' in attrs


def test_the_joint_undercut_aims_at_the_junction_once() -> None:
    # Before: a junction per premise, and the undercut drawn twice.
    dot = render_dot(view_graph(linked_map()))
    nodes, edges = nodes_and_edges(dot)
    cut = node_named(nodes, "Evaporation studies")
    assert [(t, h) for t, h, _ in edges if cut in (t, h)] == [("l1_j", cut)]


def test_ref_premises_keep_the_reused_convention() -> None:
    dot = render_dot(view_graph(linked_map()))
    nodes, edges = nodes_and_edges(dot)
    trips, transit = node_named(nodes, "Most displaced"), node_named(nodes, "Transit has")
    for name in (trips, transit):  # reused: a neutral box, no marker in it
        assert 'color="#57606a", fillcolor="#f6f8fa"' in nodes[name]
        assert "<B>+</B>" not in nodes[name]
    # toll-instead's argument: both premises are refs, each line carries the marker
    for tail, head, attrs in edges:
        if tail == "l8_j" and head in (trips, transit):
            assert "headlabel=<<TABLE" in attrs and "<B>+</B>" in attrs
    # a written premise that is not reused shows its marker in its box, not on its line
    shops = node_named(nodes, "Shops in the centre")
    assert "<B>−</B>" in nodes[shops]
    assert [a for t, h, a in edges if (t, h) == ("l6_j", shops)] == [
        'dir=none, color="#cf222e", style=dashed, penwidth=1.2']


def test_the_legend_explains_together_only_when_a_map_has_linked_arguments() -> None:
    assert "together: premises that meet at a dot" in render_dot(view_graph(linked_map()))
    full = load_path(FIXTURES / "valid/full.yaml").maps[0]
    assert "together" not in render_dot(view_graph(full))


def test_the_legend_shows_weights_when_only_an_argument_is_rated(tmp_path: Path) -> None:
    path = tmp_path / "rated.yaml"
    path.write_text("argmap: 1.1\nid: rated\nquestion: Q?\nclaims:\n  - text: C.\n    pro:\n"
                    "      - premises:\n          - text: A.\n          - text: B.\n"
                    "        weight: 2\n")
    dot = render_dot(view_graph(load_path(path).maps[0]))
    assert "weight: how much a premise bears" in dot
    assert "▰▰▱▱▱" in dot


def test_a_focused_premise_does_not_explain_its_arguments_weight() -> None:
    # c1.con1 (weight 3) bears on a parent the focus leaves out: no gauge is drawn
    dot = render_dot(view_graph(linked_map(), ViewOptions(focus="c1.con1.2")))
    assert "▰" not in dot
    assert "together: premises that meet at a dot" in dot  # c1.con1.2.pro1 is drawn


def test_eval_dims_the_edge_of_an_argument_that_does_not_count() -> None:
    m = linked_map()
    marks = statuses(m, by="key")
    assert marks["argument l1"] == "out"  # its joint undercut stands
    assert marks["argument l7"] == "in"
    nodes, edges = nodes_and_edges(render_dot(view_graph(m), DotOptions(statuses=marks)))
    claim, customers = node_named(nodes, "Close the centre"), node_named(nodes, "Those customers")
    [out] = [a for t, h, a in edges if (t, h) == (claim, "l1_j")]
    [counts] = [a for t, h, a in edges if (t, h) == (customers, "l7_j")]
    assert out.endswith(', color="#57606a", penwidth=0.7')
    assert "penwidth=0.7" not in counts


@pytest.mark.parametrize("view", [ViewOptions(depth=2), ViewOptions(depth=3),
                                  ViewOptions(focus="trips-vanish"),
                                  ViewOptions(focus="c1.con1.2"),
                                  ViewOptions(side=Relation.CON)])
def test_cut_views_of_linked_arguments_lay_out(view: ViewOptions) -> None:
    for direction in ("TB", "LR"):
        dot_to_svg(render_dot(view_graph(linked_map(), view), DotOptions(direction=direction)))


def test_a_linked_premise_that_refs_a_claim_stays_out_of_the_ranking(tmp_path: Path) -> None:
    path = tmp_path / "up.yaml"
    path.write_text("argmap: 1.1\nid: up\nquestion: Q?\nclaims:\n  - id: top\n    text: Top.\n"
                    "    pro:\n      - text: P.\n        pro:\n          - premises:\n"
                    "              - ref: top\n              - text: B.\n")
    dot = render_dot(view_graph(load_path(path).maps[0]))
    nodes, edges = nodes_and_edges(dot)
    top = node_named(nodes, "<B>Top.</B>")
    [attrs] = [a for t, h, a in edges if h == top and t.endswith("_j")]
    assert "constraint=false" in attrs and "label=<<TABLE" in attrs
    dot_to_svg(dot)


#: the fresh-eyes user's map: an argument's chip sat under a neighbouring box
SCHOOL = """\
argmap: 1.1
id: uniforms
question: Should public schools require uniforms?
context: A motion for a school-board debate.
claims:
  - id: require
    text: Schools should require uniforms.
    by: Proposition
    pro:
      - premises:
          - id: bullying-clothes
            text: Much bullying in school targets clothing and brands.
            con:
              - text: Bullies simply switch to shoes, phones and hair.
          - ref: uniforms-equalise
          - text: Less bullying improves learning.
        id: less-bullying
        weight: 4
        undercut:
          - text: Bullying that is displaced is not bullying that is removed.
      - id: cost
        text: Uniforms are cheaper than fashion clothing.
        weight: 2
    con:
      - premises:
          - text: Clothing is a form of self-expression.
          - text: Schools should protect self-expression.
        weight: 3
  - id: dont-require
    text: Uniforms should stay optional.
    by: Opposition
    con:
      - id: uniforms-equalise
        text: Uniforms hide differences in family income.
"""


def _bbox(d: str) -> tuple[float, float, float, float]:
    xs = [float(x) for x in re.findall(r"(-?[\d.]+),", d)]
    ys = [float(y) for y in re.findall(r",(-?[\d.]+)", d)]
    return min(xs), min(ys), max(xs), max(ys)


def chips_and_boxes(svg: ET.Element) -> tuple[dict[str, tuple[float, float, float, float]],
                                              list[tuple[float, float, float, float]]]:
    """Each argument's chip (by its edge's title) and every box, as SVG bounding boxes."""
    ns = {"s": "http://www.w3.org/2000/svg"}
    chips, boxes = {}, []
    for group in svg.iter("{http://www.w3.org/2000/svg}g"):
        title = group.findtext("s:title", "", ns)
        paths = [p.get("d", "") for p in group.iter("{http://www.w3.org/2000/svg}path")]
        shapes = paths + [p.get("points", "")
                          for p in group.iter("{http://www.w3.org/2000/svg}polygon")]
        if group.get("class") == "node" and not title.endswith("_j") and shapes:
            boxes.append(_bbox(shapes[0] if paths else shapes[-1]))
        elif group.get("class") == "edge" and re.fullmatch(r"n\d+->l\d+_j", title):
            chips[title] = _bbox(" ".join(paths[1:]))  # paths[0] is the line itself
    return chips, boxes


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("source", ["school", "linked"])
def test_an_arguments_chip_is_never_under_a_box(source: str, direction: str,
                                                tmp_path: Path) -> None:
    # Before: the chip was a headlabel, which dot makes no room for; in the
    # school map "Uniforms are cheaper" covered less-bullying's chip.
    path = LINKED
    if source == "school":
        path = tmp_path / "school.yaml"
        path.write_text(SCHOOL)
    dot = render_dot(view_graph(load_path(path).maps[0]), DotOptions(direction=direction))
    chips, boxes = chips_and_boxes(dot_to_svg(dot))
    assert len(chips) == (2 if source == "school" else 4)
    for title, (x0, y0, x1, y1) in chips.items():
        for bx0, by0, bx1, by1 in boxes:
            assert x1 <= bx0 or bx1 <= x0 or y1 <= by0 or by1 <= y0, (title, (bx0, by0))


def test_an_arguments_chip_is_an_edge_label() -> None:
    # a label (not a headlabel) is laid out by dot with room kept for it
    nodes, edges = nodes_and_edges(render_dot(view_graph(linked_map())))
    claim = node_named(nodes, "Close the centre")
    [argument] = [a for t, h, a in edges if (t, h) == (claim, "l1_j")]
    assert ", label=<<TABLE" in argument and "headlabel" not in argument
