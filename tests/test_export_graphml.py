"""GraphML export: golden files, networkx reads back the graph, any text survives."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.exporters import ExportOptions
from argmap.exporters.graphml import export as export_graph
from argmap.exporters.graphml import xml_text
from argmap.graph import ArgumentGraph
from argmap.model import Relation
from argmap.view import ViewOptions, cut
from tests.conftest import Golden
from tests.exporting import EXPORT_MAPS, export, golden_name, load_all
from tests.reference_tools import every_graph


def read(text: str) -> Any:
    """networkx's reading of a GraphML document (a MultiDiGraph)."""
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_graphml_golden(path: Path, golden: Golden, monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        golden(golden_name("graphml", path, m, ".graphml"), export("graphml", m))


def expected_edges(graph: ArgumentGraph) -> set[tuple[str, str, str, object]]:
    """(source, target, relation, weight) of every edge, derived from the graph directly."""
    question = "q:" + graph.id
    edges: set[tuple[str, str, str, object]] = {
        (key, question, "claim", None) for key in graph.claims}
    attacked = {link.target for link in graph.links if link.relation is Relation.UNDERCUT}
    for link in graph.links:
        target = "j:" + link.target if link.relation is Relation.UNDERCUT else link.target
        if link.key in attacked or link.linked:
            edges |= {(p, "j:" + link.key, str(link.relation), None) for p in link.premises}
            edges.add(("j:" + link.key, target, str(link.relation), link.weight))
        else:
            edges |= {(p, target, str(link.relation), link.weight) for p in link.premises}
    return edges


@pytest.mark.parametrize(("name", "graph"), every_graph(), ids=lambda v: str(v)[:20])
def test_networkx_reads_back_the_graph(name: str, graph: ArgumentGraph) -> None:
    read_back = read(export_graph(graph, ExportOptions()))
    assert read_back.graph["question"] == graph.question
    statements = {n: d for n, d in read_back.nodes(data=True)
                  if d["kind"] in ("claim", "premise")}
    assert statements.keys() == graph.statements.keys()
    for key, data in statements.items():
        s = graph.statements[key]
        assert data["text"] == s.text
        assert data.get("by") == s.by
        assert data["address"] == s.path
        assert data["kind"] == ("claim" if s.is_claim else "premise")
        assert data.get("sources", "").split() == list(dict.fromkeys(c.source for c in s.cites))
    edges = {(u, v, d["relation"], d.get("weight")) for u, v, d in read_back.edges(data=True)}
    assert edges == expected_edges(graph)
    assert len(read_back.edges) == len(edges)  # no edge twice
    for _, _, data in read_back.edges(data=True):
        assert isinstance(data.get("weight", 0), int)


def test_undercut_runs_through_a_junction() -> None:
    graph = dict(every_graph())["full"]
    read_back = read(export_graph(graph, ExportOptions()))
    assert read_back.nodes["j:l1"] == {"kind": "junction"}
    assert [(u, d["relation"], d["link"]) for u, _, d in read_back.in_edges("j:l1", data=True)
            ] == [("health", "pro", "l1"), ("c1.pro1.undercut1", "undercut", "l5")]
    [(_, parent, data)] = read_back.out_edges("j:l1", data=True)
    assert (parent, data["relation"], data["weight"]) == ("replace", "pro", 5)


def test_a_linked_argument_is_one_junction_with_its_data() -> None:
    graph = dict(every_graph())["linked"]
    read_back = read(export_graph(graph, ExportOptions()))
    assert read_back.nodes["j:l1"] == {"kind": "junction", "address": "c1.pro1",
                                       "statement": "no-gridlock", "tags": "traffic"}
    into = [(u, d["relation"], d["address"], d["ref"])
            for u, _, d in read_back.in_edges("j:l1", data=True)]
    # both premises and the joint undercut meet at the one junction (the undercut once)
    assert into == [("trips-vanish", "pro", "c1.pro1.1", False),
                    ("transit-capacity", "pro", "c1.pro1.2", True),
                    ("c1.pro1.undercut1", "undercut", "c1.pro1.undercut1", False)]
    [(_, parent, data)] = read_back.out_edges("j:l1", data=True)
    assert (parent, data["relation"], data["weight"]) == ("close-centre", "pro", 4)
    assert read_back.nodes["j:l6"]["statement"] == "c1.con1"  # no id: its path


def test_a_cut_graph_keeps_its_outside_parent() -> None:
    graph = cut(dict(every_graph())["full"], ViewOptions(focus="grid"))
    read_back = read(export_graph(graph, ExportOptions()))
    assert read_back.nodes["health"]["kind"] == "outside"
    assert ("grid", "health") in read_back.edges(keys=False)


@pytest.mark.parametrize(("text", "escaped"), [
    ('<a href="x">&amp;</a>', "&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;"),
    ("line\r\nnext\ttab", "line&#13;&#10;next&#9;tab"),
    ("nul\x00 esc\x1b \ufffe", "nul\ufffd esc\ufffd \ufffd"),
])
def test_xml_text(text: str, escaped: str) -> None:
    assert xml_text(text) == escaped


@given(st.text(min_size=1))
def test_any_text_reads_back_exactly(text: str) -> None:
    document = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
                '<key id="t" for="node" attr.name="text" attr.type="string"/>'
                f'<graph edgedefault="directed"><node id="{xml_text(text)}">'
                f'<data key="t">{xml_text(text)}</data></node></graph></graphml>')
    clean = "".join("\ufffd" if xml_text(c) == "\ufffd" and c != "\ufffd" else c for c in text)
    assert dict(read(document).nodes(data="text")) == {clean: clean}
