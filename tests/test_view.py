"""Cut graphs as show and render see them: focus, depth, side, citation numbering; tree wrapping."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from argmap.exporters.tree import TreeOptions, _wrap, render_tree, to_text
from argmap.graph import ArgumentGraph, ViewError, walk
from argmap.model import ArgumentMap, Relation
from argmap.readers import load_path
from argmap.rules.format import check
from argmap.view import ViewOptions, view_graph
from tests.conftest import FIXTURES
from tests.test_properties import maps


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


# Linked arguments (format 1.1) in the terminal tree

@pytest.fixture(scope="module")
def linked() -> ArgumentMap:
    return load_path(FIXTURES / "valid/linked.yaml").maps[0]


def tree(m: ArgumentMap, view: ViewOptions, **options: object) -> list[str]:
    lines = render_tree(view_graph(m, view), TreeOptions(sources=False, **options))  # type: ignore[arg-type]
    return to_text(lines, False).splitlines()


def test_a_ref_premise_of_a_linked_argument_is_a_pointer_not_expanded(linked: ArgumentMap
                                                                     ) -> None:
    lines = tree(linked, ViewOptions(depth=2))
    # transit-capacity is written at c1.pro3: under the argument it is a pointer
    assert lines[5] == "│   │   ├── + ↪ transit-capacity “Transit has spare capacity at peak " \
        "hours.”"
    assert sum("Transit has spare capacity at peak hours." in line for line in lines) == 3
    assert sum(line.endswith("+ Transit has spare capacity at peak hours. [2]")
               for line in tree(linked, ViewOptions(), quotes=False)) == 1


def test_joint_undercuts_follow_the_premises_under_the_together_line(linked: ArgumentMap
                                                                     ) -> None:
    lines = tree(linked, ViewOptions(depth=3), ids=True)
    assert lines[2:7] == [
        "│   ├── + (no-gridlock) ▰▰▰▰▱ together:",
        "│   │   ├── + (trips-vanish) Most displaced car trips vanish rather than move. [1]",
        "│   │   │   └── − (c1.pro1.1.con1) Some trips just move to the ring road.",
        "│   │   ├── + ↪ transit-capacity “Transit has spare capacity at peak hours.”",
        "│   │   └── ⊘ (c1.pro1.undercut1) Evaporation studies measured small schemes, not "
        "whole centres."]
    # never under a premise as well
    assert sum("Evaporation" in line for line in lines) == 1


def test_a_together_line_shows_its_id_or_else_its_path_only_under_ids(
        linked: ArgumentMap) -> None:
    plain = tree(linked, ViewOptions(depth=2))
    assert plain[2] == "│   ├── + ▰▰▰▰▱ together:"
    ids = tree(linked, ViewOptions(depth=2), ids=True, ascii=True)
    assert [line for line in ids if "together:" in line] == [
        "|   |-- + (no-gridlock) ####. together:", "|   `-- - (c1.con1) ###.. together:",
        "    `-- + (c2.pro1) together:"]


def test_depth_cuts_below_premises_and_hints_at_each(linked: ArgumentMap) -> None:
    lines = tree(linked, ViewOptions(depth=2))
    assert lines[-7:-3] == [
        "│       ├── − Shops in the centre depend on car-borne customers. — Chamber of "
        "commerce",
        "│       └── − Those customers will not switch to transit.",
        "│             … 2 more statements (--depth 3, or --focus c1.con1.2)",
        "└── ◆ Charge a congestion toll instead."]
    assert tree(linked, ViewOptions(depth=1))[1:3] == [
        "├── ◆ Close the centre to private cars.",
        "│     … 10 more statements (--depth 2, or --focus close-centre)"]


def test_focus_on_a_premise_and_side(linked: ArgumentMap) -> None:
    assert tree(linked, ViewOptions(focus="c1.con1.2")) == [
        "− Those customers will not switch to transit.",
        "└── + together:",
        "    ├── + Most of them live outside the transit network.",
        "    └── + They carry heavy purchases."]
    # a premise's tree holds its own pro and con only: the argument's undercut is not its
    assert tree(linked, ViewOptions(focus="trips-vanish")) == [
        "+ Most displaced car trips vanish rather than move. [1]",
        "└── − Some trips just move to the ring road."]
    side = tree(linked, ViewOptions(side=Relation.CON, depth=2))
    assert side[1:3] == ["├── ◆ Close the centre to private cars.", "│   └── − ▰▰▰▱▱ together:"]
    assert side[-1] == "└── ◆ Charge a congestion toll instead."


def test_eval_marks_each_premise_and_whether_the_argument_counts(
        linked: ArgumentMap) -> None:
    from argmap.analysis.evaluate import statuses

    marks = statuses(linked, by="key")
    lines = tree(linked, ViewOptions(), statuses=marks, ascii=True)
    assert lines[2:4] == [
        "|   |-- + [x] ####. together:",  # a premise falls: the argument does not count
        "|   |   |-- + [x] Most displaced car trips vanish rather than move. [1]"]
    assert lines[-3:] == [
        "    `-- + [x] together:",
        "        |-- + [x] -> trips-vanish \"Most displaced car trips vanish rather than move.\"",
        "        `-- + [ok] -> transit-capacity \"Transit has spare capacity at peak hours.\""]


def test_colour_marks_the_together_line_by_its_relation(linked: ArgumentMap) -> None:
    lines = render_tree(view_graph(linked, ViewOptions(depth=2)), TreeOptions(sources=False))
    together = [line for line in lines if ("together:", "together") in line]
    assert [(line[1], line[-1]) for line in together] == [
        (("+", "pro"), ("together:", "together")), (("−", "con"), ("together:", "together")),
        (("+", "pro"), ("together:", "together"))]
    assert "\033[1;31m−\033[0m" in to_text(lines, True)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(linked=True))
def test_the_tree_has_a_line_per_visit_and_per_linked_argument(m: ArgumentMap) -> None:
    # a premise twice in one argument (`duplicate-premise`) is an error: such maps are not shown
    assume(not any(d.code == "duplicate-premise" for d in check(m)))
    graph = view_graph(m)
    lines = render_tree(graph, TreeOptions(sources=False))
    together = sum(1 for link in graph.links if link.linked)
    body = [line for line in lines[1:]  # the question first, then its context paragraphs
            if line and line[0][1] == "guide" and line[1][1] != ""]
    assert len(body) == len(walk(graph)) + together
    # every written statement is expanded exactly once: its text starts one line
    shown_once = [line for line in body if any(style in ("text", "claim") for _, style in line)]
    assert len(shown_once) == len(graph.statements)
