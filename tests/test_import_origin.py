"""Imported statements keep the identifier their source gave them (``Statement.origin``).

AIF node ids, Kialo numbers and Argdown titles come back through the model and
the JSON export (and nowhere else: the YAML format has no place for them).
"""

from __future__ import annotations

import json

from jsonschema import Draft7Validator

from argmap.exporters.json import json_export_schema
from argmap.model import ArgumentMap
from argmap.readers import READERS, load_path
from argmap.readers.yaml.load import load_text
from tests.conftest import TESTS
from tests.exporting import export

CORPUS = TESTS / "corpus"


def origins(m: ArgumentMap) -> list[tuple[str, str | None]]:
    """(text, origin) of every written statement, in file order."""
    return [(s.text, s.origin) for s in m.walk() if s.ref is None and not s.linked]


def test_kialo_numbers_without_their_final_dot() -> None:
    (m,) = load_path(CORPUS / "kialo/congestion-outline.txt").maps
    assert [o for _, o in origins(m)] == ["1", "1.1", "1.1.1", "1.3", "1.2", "1.2.1", "1.2.1.1"]


def test_aif_node_ids_as_strings() -> None:
    (m,) = load_path(CORPUS / "aif/xaif-tutorial-basic-integer-ids.json").maps
    # the integer ids of its three I-nodes (the L-, YA- and RA-nodes are no statements)
    assert sorted(o or "" for _, o in origins(m)) == ["3", "5", "7"]
    (m,) = load_path(CORPUS / "aif/bypass.json").maps
    assert ("We should build the bypass", "101") in origins(m)


def test_argdown_titles_with_their_brackets() -> None:
    text = ("[Tea]: Tea is good.\n  + <Calm>: Tea calms you.\n  - Coffee is cheaper.\n"
            "    - [Tea]\n")
    (m,) = READERS["argdown"].read(text, "t.argdown").maps
    assert origins(m) == [("Tea is good.", "[Tea]"), ("Tea calms you.", "<Calm>"),
                          ("Coffee is cheaper.", None)]


def test_the_json_export_gives_them_back_and_the_yaml_export_does_not() -> None:
    (m,) = load_path(CORPUS / "kialo/congestion-outline.txt").maps
    doc = json.loads(export("json", m))
    assert list(Draft7Validator(json_export_schema()).iter_errors(doc)) == []
    assert [(s["key"], s["origin"]) for s in doc["statements"]][:3] == [
        ("c1", "1"), ("c1.pro1", "1.1"), ("c1.pro1.con1", "1.1.1")]
    assert list(doc["statements"][0])[:4] == ["key", "id", "origin", "path"]
    assert "origin" not in export("yaml", m)


def test_a_yaml_map_has_none_and_its_json_no_origin_key() -> None:
    (m,) = load_text("question: Q\nclaims:\n  - text: A\n", "q.yaml").maps
    assert m.claims[0].origin is None
    assert "origin" not in json.loads(export("json", m))["statements"][0]
