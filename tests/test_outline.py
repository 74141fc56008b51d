"""Outline rows (Markdown, the HTML page): a linked argument is one row holding its premises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from argmap.exporters.outline import rows
from argmap.graph import walk
from argmap.model import ArgumentMap, Relation
from argmap.readers import load_path
from argmap.view import ViewOptions, view_graph
from tests.conftest import FIXTURES
from tests.test_properties import maps

LINKED = FIXTURES / "valid/linked.yaml"


def outline(view: ViewOptions) -> list[tuple[int, str]]:
    graph = view_graph(load_path(LINKED).maps[0], view)
    return [(row.depth, f"together {row.argument.address}" if row.argument is not None
             else row.visit.key) for row in rows(graph)]


def test_premises_and_joint_undercuts_nest_below_their_together_row() -> None:
    assert outline(ViewOptions()) == [
        (0, "close-centre"),
        (1, "together c1.pro1"), (2, "trips-vanish"), (3, "c1.pro1.1.con1"),
        (2, "transit-capacity"), (2, "c1.pro1.undercut1"),
        (1, "c1.pro2"), (1, "transit-capacity"),
        (1, "together c1.con1"), (2, "c1.con1.1"), (2, "c1.con1.2"),
        (3, "together c1.con1.2.pro1"), (4, "c1.con1.2.pro1.1"), (4, "c1.con1.2.pro1.2"),
        (0, "toll-instead"), (1, "together c2.pro1"), (2, "trips-vanish"),
        (2, "transit-capacity")]


def test_a_focused_premise_is_a_root_without_a_together_row() -> None:
    assert outline(ViewOptions(focus="trips-vanish")) == [
        (0, "trips-vanish"), (1, "c1.pro1.1.con1")]
    assert outline(ViewOptions(focus="c1.con1.2")) == [
        (0, "c1.con1.2"), (1, "together c1.con1.2.pro1"), (2, "c1.con1.2.pro1.1"),
        (2, "c1.con1.2.pro1.2")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(linked=True))
def test_rows_nest_properly_and_hold_each_argument_once(m: ArgumentMap) -> None:
    graph = view_graph(m)
    found = rows(graph)
    assert [row.visit for row in found if row.argument is None] == walk(graph)
    assert sorted(row.argument.key for row in found if row.argument is not None) == sorted(
        link.key for link in graph.links if link.linked)
    depth = -1
    for n, row in enumerate(found):
        assert row.depth <= depth + 1  # a list item nests at most one level deeper
        depth = row.depth
        if row.argument is None:
            continue
        # everything up to the next row at its depth or above belongs to the argument:
        # its premises one level down, their subtrees, then its undercuts one level down
        inside = []
        for later in found[n + 1:]:
            if later.depth <= row.depth:
                break
            if later.depth == row.depth + 1:
                inside.append(later)
        link = row.argument
        assert [r.visit.key for r in inside if r.argument is None and r.visit.link == link] \
            == list(link.premises)
        cuts = [r for r in inside if r.argument is None and r.visit.link != link]
        assert all(r.visit.link is not None and r.visit.link.relation is Relation.UNDERCUT
                   and r.visit.link.target == link.key for r in cuts)
