"""argmap JSON: goldens, the shipped schema, and agreement with the graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from jsonschema import Draft7Validator

from argmap.exporters import ExportOptions
from argmap.exporters.json import json_export_schema, json_export_schema_text
from argmap.graph import build_graph
from argmap.model import ArgumentMap, Relation
from argmap.view import ViewOptions
from tests.conftest import Golden
from tests.exporting import EXPORT_MAPS, ROOT, export, golden_name, load_all
from tests.test_properties import maps

VALIDATOR = Draft7Validator(json_export_schema())


def test_shipped_schema_is_current() -> None:
    shipped = ROOT / "schema/argmap-export.schema.json"
    assert shipped.read_text() == json_export_schema_text(), "run: make schema"


def test_schema_is_valid_draft_7() -> None:
    Draft7Validator.check_schema(json_export_schema())


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_golden_and_valid(path: Path, golden: Golden, monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        text = export("json", m)
        golden(golden_name("json", path, m, ".json"), text)
        doc = json.loads(text)
        assert list(VALIDATOR.iter_errors(doc)) == []
        graph = build_graph(m)
        assert [s["key"] for s in doc["statements"]] == list(graph.statements)
        assert [(k["premises"], k["target"], k["relation"]) for k in doc["links"]] == [
            (list(k.premises), k.target, k.relation.value) for k in graph.links]


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_cut_exports_are_valid_and_closed(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        graph = build_graph(m)
        views = [ViewOptions(depth=1), ViewOptions(side=Relation.CON)]
        views += [ViewOptions(focus=k, depth=2) for k in list(graph.statements)[:6]]
        for view in views:
            doc = json.loads(export("json", m, view, ExportOptions()))
            assert list(VALIDATOR.iter_errors(doc)) == []
            keys = {s["key"] for s in doc["statements"]}
            links = {k["key"] for k in doc["links"]}
            for k in doc["links"]:
                assert set(k["premises"]) <= keys
                assert k["target"] in (links if k["target_kind"] == "link" else keys) or (
                    k["key"] == graph.statements[doc["map"]["focus"]].link)


def test_focus_keeps_the_link_its_undercuts_attack(monkeypatch: pytest.MonkeyPatch) -> None:
    (m,) = load_all(Path("tests/fixtures/valid/full.yaml"), monkeypatch)
    doc = json.loads(export("json", m, ViewOptions(focus="health")))
    assert doc["map"]["focus"] == "health"
    assert [(k["key"], k["target"]) for k in doc["links"] if k["relation"] == "undercut"] == [
        ("l5", "l1")]
    assert [(s["key"], s["outside"]) for s in doc["statements"] if s["outside"]] == [
        ("replace", True)]


def test_a_linked_argument_is_one_link_with_its_own_keys(
        monkeypatch: pytest.MonkeyPatch) -> None:
    (m,) = load_all(Path("tests/fixtures/valid/linked.yaml"), monkeypatch)
    doc = json.loads(export("json", m))
    assert doc["argmap_json"] == 2
    links = {k["key"]: k for k in doc["links"]}
    assert {k: links["l1"][k] for k in ("id", "premises", "target", "relation", "weight",
                                          "ref", "tags", "note")} == {
        "id": "no-gridlock", "premises": ["trips-vanish", "transit-capacity"],
        "target": "close-centre", "relation": "pro", "weight": 4, "ref": False,
        "tags": ["traffic"], "note": "The council's strongest case."}
    # the joint undercut attacks the argument's link; toll-instead's premises are both refs
    assert (links["l3"]["target"], links["l3"]["target_kind"]) == ("l1", "link")
    assert (links["l8"]["premises"], links["l8"]["ref"]) == (
        ["trips-vanish", "transit-capacity"], True)
    statements = {s["key"]: s for s in doc["statements"]}
    assert statements["trips-vanish"]["link"] == "l1"
    assert statements["transit-capacity"]["link"] == "l5"  # written at c1.pro3, a ref in l1


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(maps(linked=True))
def test_generated_linked_maps_are_valid_and_agree_with_the_graph(m: ArgumentMap) -> None:
    doc = json.loads(export("json", m))
    assert list(VALIDATOR.iter_errors(doc)) == []
    graph = build_graph(m)
    assert [(k["id"], k["premises"], k["note"], k["tags"]) for k in doc["links"]] == [
        (k.id, list(k.premises), k.note, list(k.tags)) for k in graph.links]
