"""Argdown export: golden files, the Argdown CLI's reading, and text that survives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.exporters import ExportOptions
from argmap.exporters.argdown import argdown_data, argdown_text
from argmap.exporters.argdown import export as export_graph
from argmap.graph import ArgumentGraph, ViewOptions, cut
from argmap.model import Relation, single_spaced
from tests.conftest import Golden
from tests.exporting import EXPORT_MAPS, export, golden_name, load_all
from tests.reference_tools import argdown_json, every_graph

TYPES = {Relation.PRO: "support", Relation.CON: "attack", Relation.UNDERCUT: "undercut"}


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_argdown_golden(path: Path, golden: Golden, monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        golden(golden_name("argdown", path, m, ".argdown"), export("argdown", m))


def texts(entries: dict[str, Any], role: str | None = None) -> dict[str, list[str]]:
    """Title -> the non-empty texts Argdown read for it (one role of member, or all).

    Argdown keeps the space before a data block at the end of the text: stripped.
    """
    return {title: [m["text"].rstrip(" ") for m in entry["members"]
                    if m.get("text") and (role is None or m.get("role") == role)]
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


def expected(graph: ArgumentGraph) -> tuple[dict[str, list[str]], dict[str, list[str]],
                                             set[tuple[str, str, str]], dict[str, object]]:
    """(statement texts, argument descriptions, relations, data) Argdown should read."""
    statements: dict[str, list[str]] = {}
    arguments: dict[str, list[str]] = {}
    extra: dict[str, object] = {}
    for key, s in graph.statements.items():
        undercut = s.link is not None and graph.undercuts_of(s.link)
        (arguments if undercut else statements)[key] = [single_spaced(s.text)]
        link = graph.link(s.link) if s.link else None
        values = {"by": s.by, "weight": link.weight if link else None,
                  "sources": list(dict.fromkeys(c.source for c in s.cites)) or None}
        if any(v is not None for v in values.values()):
            extra[key] = {k: v for k, v in values.items() if v is not None}
    found = set()
    for link in graph.links:
        target = link.target
        if link.relation is Relation.UNDERCUT:
            attacked = graph.link(target)
            assert attacked is not None
            target = attacked.premises[0]
        found |= {(p, target, TYPES[link.relation]) for p in link.premises}
    return statements, arguments, found, extra


def test_the_argdown_cli_reads_every_export(tmp_path: Path) -> None:
    files = {}
    for name, graph in every_graph():
        file = tmp_path / f"{name}.argdown"
        file.write_text(export_graph(graph, ExportOptions()), encoding="utf-8")
        files[name] = (file, graph)
    read = argdown_json([f for f, _ in files.values()], tmp_path / "json")
    for name, (_, graph) in files.items():
        document = read[name]
        statements, arguments, links, extra = expected(graph)
        assert texts(document["statements"]) == statements, name
        assert texts(document["arguments"], "argument-description") == arguments, name
        assert relations(document) == links, name
        assert data(document) == extra, name
        counts = {t: sum(1 for link in graph.links if TYPES[link.relation] == t)
                  for t in TYPES.values()}
        assert counts == {t: sum(1 for r in links if r[2] == t) for t in TYPES.values()}


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
        assert read.get(f"s{i}") == [single_spaced(text)], repr(text)
        assert extra.get(f"d{i}") == {"by": text}, repr(text)
