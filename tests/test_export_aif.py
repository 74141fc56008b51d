"""AIF export: golden files and the structure AIFdb's format requires."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from argmap.exporters import ExportOptions
from argmap.exporters.aif import export as export_graph
from argmap.graph import ArgumentGraph
from argmap.model import Relation
from argmap.readers.catalogue import catalogue
from argmap.view import ViewOptions, cut
from tests.conftest import Golden
from tests.exporting import EXPORT_MAPS, export, golden_name, load_all
from tests.reference_tools import every_graph


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_aif_golden(path: Path, golden: Golden, monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        golden(golden_name("aif", path, m, ".json"), export("aif", m))


def check_aif(graph: ArgumentGraph, text: str) -> None:
    """Validate one AIF document against the graph it came from."""
    document = json.loads(text)
    assert list(document) == ["nodes", "edges", "locutions"]
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    assert len(nodes) == len(document["nodes"])  # unique ids
    aifdb = {s.aifdb for s in catalogue().schemes.values()}
    for node in document["nodes"]:
        if "scheme" in node:  # format 1.2: a step that names a scheme, by its AIFdb name
            assert node["type"] in ("RA", "CA") and node["scheme"] == node["text"] in aifdb
            continue
        assert set(node) == {"nodeID", "text", "type"}
        assert node["nodeID"].isdigit() and isinstance(node["text"], str)
        assert node["type"] in ("I", "RA", "CA")
        if node["type"] == "RA":
            assert node["text"] == "Default Inference"
        if node["type"] == "CA":
            assert node["text"] == "Default Conflict"
    edge_ids = [e["edgeID"] for e in document["edges"]]
    assert len(set(edge_ids)) == len(edge_ids) and all(i.isdigit() for i in edge_ids)
    out: Counter[str] = Counter()
    into: Counter[str] = Counter()
    for e in document["edges"]:
        assert set(e) == {"edgeID", "fromID", "toID", "formEdgeID"}
        assert e["fromID"] in nodes and e["toID"] in nodes
        ends = nodes[e["fromID"]]["type"], nodes[e["toID"]]["type"]
        # An I-node and a scheme node, or an undercut: a CA-node aimed at a scheme node.
        assert ends.count("I") == 1 or (ends[0] == "CA" and ends[1] != "I"), ends
        out[e["fromID"]] += 1
        into[e["toID"]] += 1
    for node_id, node in nodes.items():
        if node["type"] != "I":  # a scheme application: premises in, one conclusion out
            assert out[node_id] == 1 and into[node_id] >= 1, node
    texts = Counter(n["text"] for n in document["nodes"] if n["type"] == "I")
    expected = Counter(s.text for s in (*graph.statements.values(), *graph.outside.values()))
    assert texts == expected
    kinds = Counter(n["type"] for n in document["nodes"])
    relations = Counter(link.relation for link in graph.links)
    assert kinds["RA"] == relations[Relation.PRO]
    assert kinds["CA"] == relations[Relation.CON] + relations[Relation.UNDERCUT]
    undercuts = [e for e in document["edges"] if nodes[e["fromID"]]["type"] == "CA"
                 and nodes[e["toID"]]["type"] != "I"]
    assert len(undercuts) == relations[Relation.UNDERCUT]


@pytest.mark.parametrize(("name", "graph"), every_graph(), ids=lambda v: str(v)[:20])
def test_aif_structure(name: str, graph: ArgumentGraph) -> None:
    check_aif(graph, export_graph(graph, ExportOptions()))


def test_aif_structure_after_a_cut() -> None:
    graph = dict(every_graph())["full"]
    for options in (ViewOptions(focus="health"), ViewOptions(depth=2),
                    ViewOptions(side=Relation.CON)):
        check_aif(cut(graph, options), export_graph(cut(graph, options), ExportOptions()))


def test_an_undercut_attacks_the_inference() -> None:
    document = json.loads(export_graph(dict(every_graph())["full"], ExportOptions()))
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    by_text = {n["text"]: n["nodeID"] for n in document["nodes"] if n["type"] == "I"}
    undercutter = by_text["Cleaner air matters less on routes that already meet the limits."]
    [ca] = [e["toID"] for e in document["edges"] if e["fromID"] == undercutter]
    [attacked] = [e["toID"] for e in document["edges"] if e["fromID"] == ca]
    assert (nodes[ca]["type"], nodes[attacked]["type"]) == ("CA", "RA")
    into = {e["fromID"] for e in document["edges"] if e["toID"] == attacked}
    assert into == {by_text["Electric buses cut street-level air pollution."], ca}


def test_a_linked_argument_is_one_scheme_node_with_several_premises() -> None:
    graph = dict(every_graph())["linked"]
    document = json.loads(export_graph(graph, ExportOptions()))
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    by_text = {n["text"]: n["nodeID"] for n in document["nodes"] if n["type"] == "I"}
    into: dict[str, set[str]] = {}
    out: dict[str, str] = {}
    for e in document["edges"]:
        into.setdefault(e["toID"], set()).add(e["fromID"])
        out[e["fromID"]] = e["toID"]  # an S-node has one conclusion
    vanish = by_text["Most displaced car trips vanish rather than move."]
    transit = by_text["Transit has spare capacity at peak hours."]
    # no-gridlock: one RA-node fed by both premises (one written there, one a ref)
    [ra] = [s for s, ends in into.items() if nodes[s]["type"] == "RA" and ends >= {vanish, transit}
            and out[s] == by_text["Close the centre to private cars."]]
    # its joint undercut: a CA-node aimed at that RA-node, not at either premise
    [ca] = [s for s, ends in into.items() if nodes[s]["type"] == "CA" and out[s] == ra]
    assert into[ca] == {by_text["Evaporation studies measured small schemes, not whole centres."]}
    assert into[ra] == {vanish, transit, ca}
    # the linked con: one CA-node with both premises
    shops = by_text["Shops in the centre depend on car-borne customers."]
    [con] = [s for s, ends in into.items() if nodes[s]["type"] == "CA" and shops in ends]
    assert into[con] == {shops, by_text["Those customers will not switch to transit."]}


def test_aif_structure_of_linked_arguments_after_a_cut() -> None:
    graph = dict(every_graph())["linked"]
    for options in (ViewOptions(focus="trips-vanish"), ViewOptions(focus="toll-instead"),
                    ViewOptions(depth=1), ViewOptions(depth=2),
                    ViewOptions(side=Relation.CON)):
        check_aif(cut(graph, options), export_graph(cut(graph, options), ExportOptions()))
