"""Argdown export: golden files, the Argdown CLI's reading, and text that survives.

The CLI's reading is compared title by title, so the structure tests write
every statement with its key as title (:func:`all_titled`); the export leaves
out titles nobody needs, and tests/test_export_argdown_titles.py checks that
the CLI reads the same texts and relations from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap.exporters.argdown as argdown_exporter
from argmap.escape import CONTROLS
from argmap.exporters import ExportOptions
from argmap.exporters.argdown import argdown_data, argdown_text, argument_titles, conclusion
from argmap.exporters.argdown import export as export_graph
from argmap.graph import ArgumentGraph, build_graph
from argmap.model import ArgumentMap, Relation, single_spaced
from argmap.readers.yaml.load import load_text
from argmap.view import ViewOptions, cut
from tests.conftest import Golden
from tests.exporting import EXPORT_MAPS, export, golden_name, load_all
from tests.reference_tools import argdown_json, every_graph

TYPES = {Relation.PRO: "support", Relation.CON: "attack", Relation.UNDERCUT: "undercut"}


@pytest.fixture
def all_titled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every statement written with its key as title, so the CLI's titles are argmap's keys."""
    monkeypatch.setattr(argdown_exporter, "titled",
                        lambda graph, *_: set(graph.statements) | set(graph.roots))


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_argdown_golden(path: Path, golden: Golden, monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        golden(golden_name("argdown", path, m, ".argdown"), export("argdown", m))


def texts(entries: dict[str, Any], role: str | None = None) -> dict[str, list[str]]:
    """Title -> the non-empty texts Argdown read for it (one role of member, or all).

    Argdown keeps the space before a data block at the end of the text: stripped.
    """
    return {title: [text for m in entry["members"]
                    if (text := (m.get("text") or "").rstrip(" "))
                    and (role is None or m.get("role") == role)]
            for title, entry in entries.items()}


def data(document: dict[str, Any]) -> dict[str, object]:
    """Title -> the data Argdown read for a statement or argument that has any."""
    return {title: entry["data"] for kind in ("statements", "arguments")
            for title, entry in document[kind].items() if entry.get("data")}


def relations(document: dict[str, Any]) -> set[tuple[str, str, str]]:
    """Every (from, to, type) relation Argdown found, wherever it is listed."""
    found = set()
    for kind in ("statements", "arguments"):
        for entry in document[kind].values():
            found |= {(r["from"], r["to"], r["relationType"]) for r in entry["relations"]}
    return found


class Expected(NamedTuple):
    """What Argdown should read from the export of one graph."""

    statements: dict[str, list[str]]  # title -> texts
    arguments: dict[str, list[str]]  # title -> descriptions
    relations: set[tuple[str, str, str]]
    data: dict[str, object]
    pcs: dict[str, list[tuple[str, str]]]  # linked argument -> [(title, role)]
    counts: dict[str, int]  # relations of each type


def expected(graph: ArgumentGraph) -> Expected:
    """What Argdown should read: a linked argument is an argument whose pcs has its
    premises; it bears on its target through its conclusion (the target itself
    for a pro of a statement, else a statement of its own without text)."""
    names = argument_titles(graph)
    undercut_arguments = {key for key, s in graph.statements.items() if s.link is not None
                          and graph.undercuts_of(s.link) and s.link not in names}
    statements: dict[str, list[str]] = {}
    arguments: dict[str, list[str]] = {}
    extra: dict[str, object] = {}
    for key, s in graph.statements.items():
        (arguments if key in undercut_arguments else statements)[key] = [single_spaced(s.text)]
        link = graph.link(s.link) if s.link and s.link not in names else None
        values = {"by": s.by, "weight": link.weight if link else None,
                  "scheme": link.scheme if link else None,  # format 1.2
                  "answers": list(s.answers) or None,
                  "sources": list(dict.fromkeys(c.source for c in s.cites)) or None}
        if any(v is not None for v in values.values()):
            extra[key] = {k: v for k, v in values.items() if v is not None}
    found = set()
    pcs: dict[str, list[tuple[str, str]]] = {}
    counts = dict.fromkeys(TYPES.values(), 0)
    for link in graph.links:
        kind = TYPES[link.relation]
        target = link.target
        if link.relation is Relation.UNDERCUT:
            if target in names:  # a joint undercut attacks the linked argument
                target = names[target]
            else:
                attacked = graph.link(target)
                assert attacked is not None
                target = attacked.premises[0]
        if link.key not in names:
            found |= {(p, target, kind) for p in link.premises}
            counts[kind] += len(link.premises)
            continue
        title = names[link.key]
        arguments[title] = [single_spaced(link.note)] if link.note else []  # its description
        if link.weight is not None:
            extra[title] = {"weight": link.weight}
        end = conclusion(graph, link, title, undercut_arguments)
        pcs[title] = [(p, "premise") for p in link.premises] + [(end, "main-conclusion")]
        for p in link.premises:  # one written as an argument elsewhere is a statement here
            if p in undercut_arguments:
                statements[p] = [single_spaced(graph.statements[p].text)]
        if end != link.target:  # through a conclusion of its own, which has no text
            statements[end] = []
            found.add((end, target, kind))
            counts[kind] += 1
    return Expected(statements, arguments, found, extra, pcs, counts)


def premise_conclusion(document: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Argument title -> the (title, role) of each statement of its pcs, as Argdown read it."""
    return {title: [(m["title"], m["role"]) for m in entry["pcs"]]
            for title, entry in document["arguments"].items() if entry.get("pcs")}


@pytest.mark.usefixtures("all_titled")
def test_the_argdown_cli_reads_every_export(tmp_path: Path) -> None:
    files = {}
    for name, graph in every_graph():
        file = tmp_path / f"{name}.argdown"
        file.write_text(export_graph(graph, ExportOptions()), encoding="utf-8")
        files[name] = (file, graph)
    read = argdown_json([f for f, _ in files.values()], tmp_path / "json")
    for name, (_, graph) in files.items():
        document = read[name]
        want = expected(graph)
        assert texts(document["statements"]) == want.statements, name
        assert texts(document["arguments"], "argument-description") == want.arguments, name
        assert relations(document) == want.relations, name
        assert data(document) == want.data, name
        assert premise_conclusion(document) == want.pcs, name
        assert want.counts == {t: sum(1 for r in want.relations if r[2] == t)
                               for t in TYPES.values()}


def test_a_focus_keeps_its_link_to_the_cut_parent(tmp_path: Path) -> None:
    graph = cut(dict(every_graph())["full"], ViewOptions(focus="grid"))
    text = export_graph(graph, ExportOptions())
    assert text.endswith("\n[health]\n  - [grid]\n")
    file = tmp_path / "focus.argdown"
    file.write_text(text, encoding="utf-8")
    document = argdown_json([file], tmp_path / "json")["focus"]
    assert ("grid", "health", "attack") in relations(document)


@pytest.mark.parametrize(("text", "escaped"), [
    ("[x] <y> @z #tag *a* _b_ {c} a==b", r"\[x\] \<y\> \@z \#tag \*a\* \_b\_ \{c\} a\=\=b"),
    ("http://x.org/a /* c */ e.g. :+1: end.", r"http\:\//x\.org/a \/\* c \*/ e\.g. \:+1: end."),
    ("back\\slash\nnew  line", r"back\\slash new line"),
])
def test_argdown_text(text: str, escaped: str) -> None:
    assert argdown_text(text) == escaped


def test_any_text_survives(tmp_path: Path) -> None:
    """Generated texts all read back exactly (one Argdown CLI run for all)."""
    samples: list[str] = []

    @settings(max_examples=300, suppress_health_check=list(HealthCheck), database=None)
    @given(st.text(min_size=1, max_size=40).filter(lambda t: single_spaced(t) != ""))
    def collect(text: str) -> None:
        samples.append(text)

    collect()
    samples += ["// c", "/* c */", ".~.", ":+1:", "===\nx: 1\n===", "+ a", "<a>: b", "(1) x",
                "----", "[a](b)", "#(a b)", "{a: 1}", "a, b", "\\", "x \\"]
    file = tmp_path / "texts.argdown"
    # Each sample twice: as a statement's text, and as the "by" of a second one's data.
    file.write_text("".join(f"[s{i}]: {argdown_text(t)}\n\n[d{i}]: d {argdown_data({'by': t})}\n\n"
                            for i, t in enumerate(samples)), encoding="utf-8")
    document = argdown_json([file], tmp_path / "json")["texts"]
    read, extra = texts(document["statements"]), data(document)
    for i, text in enumerate(samples):
        # a control character cannot be written in Argdown: it becomes U+FFFD
        assert read.get(f"s{i}") == [single_spaced(text).translate(CONTROLS)], repr(text)
        assert extra.get(f"d{i}") == {"by": text}, repr(text)


def test_a_focused_premise_of_a_linked_argument_keeps_the_argument(tmp_path: Path) -> None:
    graph = cut(dict(every_graph())["linked"], ViewOptions(focus="c1.con1.2"))
    text = export_graph(graph, ExportOptions())
    # the argument's weight is not the premise's; the cut argument names its premises
    assert text.startswith("# Should the city centre be closed to private cars?\n\n"
                           "[c1.con1.2]: Those customers will not switch to transit.\n")
    assert text.endswith("\n[close-centre]\n  - <c1.con1>\n\n<c1.con1> {\"weight\": 3}\n\n"
                         "(1) [c1.con1.1]\n(2) [c1.con1.2]\n----\n(3) [c1.con1]\n")
    file = tmp_path / "focus.argdown"
    file.write_text(text, encoding="utf-8")
    document = argdown_json([file], tmp_path / "json")["focus"]
    assert ("c1.con1", "close-centre", "attack") in relations(document)
    assert premise_conclusion(document)["c1.con1"] == [
        ("c1.con1.1", "premise"), ("c1.con1.2", "premise"), ("c1.con1", "main-conclusion")]


@pytest.mark.usefixtures("all_titled")
def test_the_argdown_cli_reads_generated_linked_arguments(tmp_path: Path) -> None:
    """Generated maps with linked arguments, nested and undercut (one CLI run for all)."""
    from tests.test_linked_round_trip import tree_only
    from tests.test_properties import maps

    graphs: list[ArgumentGraph] = []

    @settings(max_examples=40, suppress_health_check=list(HealthCheck), database=None)
    @given(maps(linked=True))
    def collect(m: ArgumentMap) -> None:
        graphs.append(build_graph(tree_only(m)))

    collect()
    for i, graph in enumerate(graphs):
        (tmp_path / f"g{i}.argdown").write_text(export_graph(graph, ExportOptions()),
                                                encoding="utf-8")
    read = argdown_json(sorted(tmp_path.glob("g*.argdown")), tmp_path / "json")
    for i, graph in enumerate(graphs):
        document, want = read[f"g{i}"], expected(graph)
        assert texts(document["statements"]) == want.statements, i
        assert relations(document) == want.relations, i
        assert premise_conclusion(document) == want.pcs, i


@pytest.mark.usefixtures("all_titled")
def test_a_linked_pro_of_an_undercut_premise_concludes_a_statement_of_its_own(
        tmp_path: Path) -> None:
    # the premise is written as the argument <p> (its step is undercut): a pcs cannot
    # conclude an argument, so the linked pro concludes [c1.pro1.pro1], which supports <p>
    text = ("argmap: 1.1\nquestion: Q?\nclaims:\n  - id: t\n    text: T.\n    pro:\n"
            "      - id: p\n        text: P.\n        pro:\n          - premises:\n"
            "              - text: A.\n              - text: B.\n        undercut:\n"
            "          - text: U.\n")
    graph = build_graph(load_text(text, "t.yaml").maps[0])
    out = export_graph(graph, ExportOptions())
    assert "  + <p>: P.\n    + <c1.pro1.pro1>\n    _ [c1.pro1.undercut1]: U.\n" in out
    assert out.endswith("----\n(3) [c1.pro1.pro1]\n")
    file = tmp_path / "t.argdown"
    file.write_text(out, encoding="utf-8")
    document, want = argdown_json([file], tmp_path / "json")["t"], expected(graph)
    assert relations(document) == want.relations
    assert ("c1.pro1.pro1", "p", "support") in want.relations
    assert premise_conclusion(document) == want.pcs
