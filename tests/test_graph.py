"""The argument graph: refs resolved once; cut and walk agree with the obvious recursion.

The reference (:func:`reference_rows`) is the walk ``show`` and DOT made before
they read the graph: a recursion over the model's statements, so the graph's
stack-based cut and walk are pinned to what every output format used to show.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap.graph import ArgumentGraph, ViewError, build_graph, walk
from argmap.model import ArgumentMap, Relation, Statement, depth_first
from argmap.readers import load_path
from argmap.rules.format import check
from argmap.view import ViewOptions, cut
from tests.conftest import FIXTURES, VALID
from tests.test_properties import maps

MAPS = sorted(Path(__file__).parent.parent.glob("maps/*.yaml"))

Row = tuple[str, int, int, tuple[int, ...]]


def load(path: Path) -> ArgumentMap:
    return load_path(path).maps[0]


def reference_rows(m: ArgumentMap, options: ViewOptions) -> tuple[list[Row], list[object]]:
    """Each line of the outline as (path, level, hidden below, citation numbers), and sources."""
    by_address = {s.path: s for s in m.walk() if s.ref is None}
    by_address.update({s.id: s for s in reversed(list(m.walk())) if s.id is not None})
    tops = m.claims
    if options.focus is not None:
        found = by_address.get(options.focus)
        if found is None:  # a ref position stands for its target
            ref = next(s for s in m.walk() if s.path == options.focus)
            found = by_address[ref.ref or ""]
        tops = (found,)
    numbers: dict[str, int] = {}
    sources: list[object] = []
    rows: list[Row] = []

    def number(s: Statement) -> tuple[int, ...]:
        for c in s.cites:
            if c.source not in numbers:
                numbers[c.source] = len(numbers) + 1
                sources.append((numbers[c.source], c.source, m.sources.get(c.source)))
        return tuple(sorted({numbers[c.source] for c in s.cites}))

    def visit(s: Statement, level: int, root: bool, at: str | None = None) -> None:
        # `at`: the row's path for a premise of a linked argument (the argument's path)
        if s.ref is not None:
            rows.append((at or s.path, level, 0, ()))
            return
        cited = number(s)
        below = [c for c in s.pro + s.con + s.undercut
                 if not (root and options.side is not None) or c.relation is options.side]
        if options.depth is not None and level >= options.depth:
            hidden = sum(1 for c in depth_first(s.pro + s.con + s.undercut) if not c.premises)
            rows.append((at or s.path, level, hidden, cited))
            return
        rows.append((at or s.path, level, 0, cited))
        for child in below:
            if child.premises:  # a linked argument: its premises, then its undercuts
                for premise in child.premises:
                    visit(premise, level + 1, False, child.path)
                for cut_ in child.undercut:
                    visit(cut_, level + 1, False)
            else:
                visit(child, level + 1, False)

    for top in tops:
        visit(top, 0 if options.focus is not None else 1, True)
    return rows, sources


def graph_rows(graph: ArgumentGraph) -> tuple[list[Row], list[object]]:
    numbers = graph.numbers()
    rows = []
    for v in walk(graph):
        path = v.link.address if v.link is not None and v.depth else graph.statements[v.key].path
        cited = graph.cited(v.key, numbers) if v.expanded else ()
        rows.append((path, v.level, graph.hidden.get(v.key, 0) if v.expanded else 0, cited))
    return rows, list(graph.citations)


def options_for(m: ArgumentMap) -> list[ViewOptions]:
    found = [ViewOptions()]
    found += [ViewOptions(depth=d) for d in (1, 2, 3)]
    found += [ViewOptions(side=r) for r in (Relation.PRO, Relation.CON)]
    found += [ViewOptions(depth=2, side=Relation.CON)]
    for s in m.walk():
        if s.ref is None and not s.premises:
            found += [ViewOptions(focus=s.address), ViewOptions(focus=s.path, depth=1),
                      ViewOptions(focus=s.address, side=Relation.PRO)]
    return found


@pytest.mark.parametrize("path", VALID + MAPS, ids=lambda p: p.name)
def test_cut_graph_walks_like_the_reference(path: Path) -> None:
    m = load(path)
    graph = build_graph(m)
    for options in options_for(m):
        assert graph_rows(cut(graph, options)) == reference_rows(m, options), options


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(maps(linked=True), st.sampled_from([None, 1, 2, 3]),
       st.sampled_from([None, *Relation]))
def test_generated_maps_walk_like_the_reference(m: ArgumentMap, depth: int | None,
                                                side: Relation | None) -> None:
    # a premise twice in one argument (an error `check` reports) cannot be told apart by key
    assume(not any(d.code == "duplicate-premise" for d in check(m)))
    options = ViewOptions(depth=depth, side=side)
    assert graph_rows(cut(build_graph(m), options)) == reference_rows(m, options)


def test_statements_links_and_positions() -> None:
    graph = build_graph(load(FIXTURES / "valid/full.yaml"))
    assert graph.claims == ("replace", "wait")
    # every statement once, every position one link
    m = load(FIXTURES / "valid/full.yaml")
    written = [s for s in m.walk() if s.ref is None]
    assert len(graph.statements) == len(written)
    assert len(graph.links) == sum(1 for s in m.walk()) - len(m.claims)
    assert [link.key for link in graph.links] == [f"l{i}" for i in
                                                  range(1, len(graph.links) + 1)]
    for s in m.walk():
        assert graph.positions[s.path] == (s.ref or graph.positions[s.address])
    for link in graph.links:
        if link.relation is Relation.UNDERCUT:
            assert graph.link(link.target) is not None
        else:
            assert link.target in graph.statements


def test_undercut_targets_the_link_it_attacks() -> None:
    graph = build_graph(load(FIXTURES / "valid/full.yaml"))
    health = graph.statements["health"]
    cuts = [link for link in graph.links if link.relation is Relation.UNDERCUT]
    assert cuts and all(graph.link(link.target) is not None for link in cuts)
    assert [link.address for link in graph.undercuts_of(health.link or "")] == [
        "c1.pro1.undercut1"]


def test_ref_positions_resolve_and_focus_on_them() -> None:
    m = load(FIXTURES / "valid/cycle.yaml")
    graph = build_graph(m)
    refs = [link for link in graph.links if link.ref]
    assert refs
    for link in refs:
        assert graph.positions[link.address] == link.premises[0]
        focused = cut(graph, ViewOptions(focus=link.address))
        assert focused.roots == link.premises


def test_cut_keeps_pointers_to_statements_not_drawn() -> None:
    m = load(FIXTURES / "valid/cycle.yaml")
    graph = build_graph(m)
    for link in graph.links:
        if link.ref:
            continue
        focused = cut(graph, ViewOptions(focus=link.premises[0], depth=1))
        for kept in focused.links:
            for name in (*kept.premises, kept.target):
                assert (name in focused.statements or name in focused.outside
                        or focused.link(name) is not None)


def test_unknown_focus_is_a_view_error() -> None:
    graph = build_graph(load(FIXTURES / "valid/full.yaml"))
    with pytest.raises(ViewError, match="no statement 'helth' in map 'full'; did you mean "
                                        "'health'"):
        cut(graph, ViewOptions(focus="helth"))


def test_keys_are_unique_when_an_id_looks_like_a_path() -> None:
    import dataclasses

    from argmap.readers.yaml.load import load_text

    # The YAML reader refuses such an id (path-like-id); a map built in Python may hold one
    text = "question: Q?\nclaims:\n  - text: A\n  - text: B\n    pro:\n      - text: C\n"
    m = load_text(text, "k.yaml").maps[0]
    m = dataclasses.replace(m, claims=(m.claims[0], m.claims[1]._replace(id="c1")))
    graph = build_graph(m)
    assert list(graph.statements) == ["@c1", "c1", "c2.pro1"]
    assert graph.positions["c1"] == "c1" and graph.statements["c1"].text == "B"
    assert [link.target for link in graph.links] == ["c1"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(), st.sampled_from([None, 1, 2]), st.sampled_from([None, Relation.PRO]),
       st.booleans())
def test_every_exporter_takes_any_graph(m: ArgumentMap, depth: int | None,
                                        side: Relation | None, focus: bool) -> None:
    """Generated maps (unknown refs and duplicate ids included) never make an export fail."""
    import json

    from jsonschema import Draft7Validator

    from argmap.exporters import EXPORTERS, ExportOptions
    from argmap.exporters.json import json_export_schema

    graph = build_graph(m)
    target = list(graph.statements)[-1] if focus else None
    cut_graph = cut(graph, ViewOptions(target, depth, side))
    for name, spec in EXPORTERS.items():
        if spec.needs_graphviz:  # a layout per example would be slow: DOT stands for them
            continue
        out = spec.export(cut_graph, ExportOptions(quotes=True))
        assert isinstance(out, str) and out.endswith("\n"), name
    doc = json.loads(EXPORTERS["json"].export(cut_graph, ExportOptions()))
    assert list(Draft7Validator(json_export_schema()).iter_errors(doc)) == []


def test_an_undercut_on_a_claim_gets_no_link() -> None:
    from argmap.readers.yaml.load import load_text

    text = "question: Q?\nclaims:\n  - text: A\n    undercut:\n      - text: U\n"
    result = load_text(text, "u.yaml")
    graph = build_graph(result.maps[0])
    assert list(graph.statements) == ["c1", "c1.undercut1"] and graph.links == ()
    assert graph.statements["c1.undercut1"].link is None


@pytest.mark.parametrize("path", VALID + MAPS, ids=lambda p: p.name)
def test_the_file_order_walk_is_the_stack_walk(path: Path) -> None:
    from argmap.graph import _walk_stack

    graph = build_graph(load(path))
    linked = any(link.linked for link in graph.links)  # no file-order walk for those yet
    assert (graph.whole or linked) and walk(graph) == _walk_stack(graph)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(maps(linked=True))
def test_generated_maps_walk_alike_both_ways(m: ArgumentMap) -> None:
    from argmap.graph import _walk_stack

    graph = build_graph(m)
    assert walk(graph) == _walk_stack(graph)


def test_build_unpacks_statements_in_field_order() -> None:
    # graph._build unpacks a Statement positionally, for speed
    assert Statement._fields == ("path", "relation", "span", "text", "id", "id_span", "ref",
                                 "pro", "con", "undercut", "cites", "by", "tags", "note",
                                 "weight", "premises", "origin", "side", "speech", "scheme",
                                 "answers")


def test_an_undercut_on_a_claim_is_walked_from_its_links() -> None:
    from argmap.readers.yaml.load import load_text

    text = ("question: Q?\nclaims:\n  - text: A\n    undercut:\n      - text: U\n"
            "        pro:\n          - text: P\n  - text: B\n")
    graph = build_graph(load_text(text, "u.yaml").maps[0])
    assert not graph.whole
    assert [v.key for v in walk(graph)] == ["c1", "c2"]


def test_a_ref_premise_of_a_linked_argument_is_addressed_by_its_path() -> None:
    # docs/format.md: c1.pro1.2 is the second premise, and a ref position's path
    # addresses the statement it names; the focus used to find only written premises
    graph = build_graph(load(FIXTURES / "valid/linked.yaml"))
    for address, key in [("c1.pro1.2", "transit-capacity"), ("c2.pro1.1", "trips-vanish")]:
        focused = cut(graph, ViewOptions(focus=address))
        assert (focused.roots, focused.via) == ((key,), address)
    with pytest.raises(ViewError, match=r"'c2\.pro1' has c2\.pro1\.1, c2\.pro1\.2 below it"):
        cut(graph, ViewOptions(focus="c2.pro1.3"))
