"""Cut graphs as show and render see them: focus, depth, side, citation numbering; tree wrapping."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from argmap.exporters.tree import TreeOptions, _wrap, render_tree, to_text
from argmap.graph import ArgumentGraph, ViewError, ViewOptions, view_graph, walk
from argmap.loader import load_path
from argmap.model import ArgumentMap, Relation
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def full() -> ArgumentMap:
    return load_path(FIXTURES / "valid/full.yaml").maps[0]


def rows(graph: ArgumentGraph) -> list[tuple[str, int]]:
    """Each line of the outline: the position's path and how many statements are cut below."""
    return [(v.link.address if v.link else graph.statements[v.key].path,
             graph.hidden.get(v.key, 0) if v.expanded else 0) for v in walk(graph)]


def shown(view_options: ViewOptions, m: ArgumentMap) -> list[str]:
    return [path for path, _ in rows(view_graph(m, view_options))]


def test_whole_map(full: ArgumentMap) -> None:
    assert len(shown(ViewOptions(), full)) == len(list(full.walk()))


def test_depth_cuts_and_counts(full: ArgumentMap) -> None:
    assert rows(view_graph(full, ViewOptions(depth=1))) == [("c1", 9), ("c2", 1)]
    assert rows(view_graph(full, ViewOptions(depth=2))) == [
        ("c1", 0), ("c1.pro1", 4), ("c1.pro2", 1), ("c1.con1", 1), ("c2", 0), ("c2.con1", 0)]


def test_focus_by_id_or_path(full: ArgumentMap) -> None:
    assert shown(ViewOptions(focus="grid"), full) == ["c1.pro1.con1", "c1.pro1.con1.con1"]
    assert shown(ViewOptions(focus="c1.pro1.con1"), full) == shown(ViewOptions(focus="grid"),
                                                                  full)


def test_focus_and_depth(full: ArgumentMap) -> None:
    assert rows(view_graph(full, ViewOptions(focus="health", depth=0 + 1))) == [
        ("c1.pro1", 0), ("c1.pro1.pro1", 0), ("c1.pro1.con1", 1), ("c1.pro1.undercut1", 0)]


def test_unknown_focus_suggests(full: ArgumentMap) -> None:
    with pytest.raises(ViewError, match="no statement 'helth' in map 'full'; did you mean "
                                        "'health'"):
        view_graph(full, ViewOptions(focus="helth"))


def test_side_keeps_one_side_under_claims_only(full: ArgumentMap) -> None:
    paths = shown(ViewOptions(side=Relation.CON), full)
    assert paths == ["c1", "c1.con1", "c1.con1.con1", "c2", "c2.con1"]
    pro = shown(ViewOptions(side=Relation.PRO), full)
    assert "c1.pro1.con1" in pro and "c1.con1" not in pro


def test_citations_numbered_by_first_appearance(full: ArgumentMap) -> None:
    graph = view_graph(full)
    assert [(n, sid) for n, sid, _ in graph.citations] == [
        (1, "audit-2024"), (2, "who-2021"), (3, "utility-plan")]
    focused = view_graph(full, ViewOptions(focus="grid"))
    assert [(n, sid) for n, sid, _ in focused.citations] == [(1, "utility-plan")]


def test_refs_are_never_expanded(full: ArgumentMap) -> None:
    graph = view_graph(load_path(FIXTURES / "valid/cycle.yaml").maps[0])
    refs = [v for v in walk(graph) if v.link is not None and v.link.ref]
    assert [(v.key, graph.statements[v.key].id, v.expanded) for v in refs] == [
        ("egg", "egg", False), ("chicken", "chicken", False)]


def test_depth_cut_says_how_to_see_more(full: ArgumentMap) -> None:
    lines = render_tree(view_graph(full, ViewOptions(depth=1)), TreeOptions(ascii=True))
    assert to_text(lines, False).splitlines()[2:4] == [
        "|-- * The city should replace the fleet with electric buses. [1] -- Transport "
        "department",
        "|     ... 9 more statements (--depth 2, or --focus replace)"]


WORDS = st.lists(st.text(st.characters(categories=("L", "N", "P", "S")), min_size=1,
                         max_size=15), min_size=1, max_size=30)


@given(WORDS, st.integers(30, 120), st.integers(0, 12))
def test_wrap_respects_width_and_keeps_every_word(words: list[str], width: int,
                                                  indent: int) -> None:
    text = " ".join(words)
    lead = [(" " * indent, ""), ("+ ", "pro")]
    hang = [(" " * (indent + 2), "")]
    lines = _wrap([(text, "text")], lead, hang, width)
    room = max(width, indent + 2 + 20)  # deep statements keep 20 columns for words
    for line in lines:
        assert sum(cell_len(t) for t, _ in line) <= room
    body = [("".join(t for t, _ in line[2:] if t) if i == 0 else
             "".join(t for t, _ in line[1:])) for i, line in enumerate(lines)]
    assert "".join(body).replace(" ", "") == text.replace(" ", "")


def test_focus_on_a_ref_position_focuses_its_target(full: ArgumentMap) -> None:
    # c2.con1 holds `ref: health`; it used to be unknown, with "did you mean 'c1.con1'?"
    # (a different statement) as the hint.
    graph = view_graph(full, ViewOptions(focus="c2.con1"))
    assert (graph.focus, graph.via) == ("health", "c2.con1")
    assert shown(ViewOptions(focus="c2.con1"), full) == shown(ViewOptions(focus="health"), full)
    assert view_graph(full, ViewOptions(focus="health")).via is None
    from argmap.exporters.dot import render_dot

    dot = render_dot(graph)
    assert dot.startswith('digraph "full / c2.con1 → health" {')
    assert '<FONT POINT-SIZE="10" COLOR="#57606a">c2.con1 → health<BR/></FONT>' in dot


GUIDE = " (ids and paths such as c1.pro2 both work; argmap show --ids lists them)"


@pytest.mark.parametrize(("address", "hint"), [
    # a path that does not exist: list the positions there, never a near path
    # (c2.con2 is one letter from c1.con1, an unrelated statement)
    ("c2.con2", "; 'c2' has c2.con1 below it"),
    ("c1.pro7", "; 'c1' has c1.pro1, c1.pro2, c1.con1 below it"),
    ("c1.por1", "; 'c1' has c1.pro1, c1.pro2, c1.con1 below it"),
    ("c3", "; the claims are c1, c2"),
    ("c1.pro1.undercut1.pro1", "; 'c1.pro1.undercut1' has nothing below it"),
    # anything else: the nearest id, never a derived path
    ("helth", "; did you mean 'health'?"),
    ("c1pro1", ""),
])
def test_unknown_focus_hints_never_name_another_statement(full: ArgumentMap, address: str,
                                                          hint: str) -> None:
    with pytest.raises(ViewError) as info:
        view_graph(full, ViewOptions(focus=address))
    assert str(info.value) == f"no statement '{address}' in map 'full'{hint}{GUIDE}"
