"""The JSON Schema: shipped copy is current, and it agrees with the loader."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft7Validator
from ruamel.yaml import YAML

from argmap.readers.yaml.schema import json_schema, schema_text
from tests.conftest import FIXTURES, VALID

SHIPPED = FIXTURES.parent.parent / "schema/argmap-1.schema.json"
VALIDATOR = Draft7Validator(json_schema())


def documents(path: Path) -> list[object]:
    yaml = YAML(typ="safe")  # libyaml, as argmap reads maps
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = (
        yaml.constructor.yaml_constructors["tag:yaml.org,2002:str"])
    return list(yaml.load_all(path.read_text()))


def test_shipped_schema_is_current() -> None:
    assert SHIPPED.read_text() == schema_text(), "run: make schema"


def test_schema_is_valid_draft_7() -> None:
    Draft7Validator.check_schema(json_schema())


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixtures_match_the_schema(path: Path) -> None:
    for doc in documents(path):
        assert list(VALIDATOR.iter_errors(doc)) == []


@pytest.mark.parametrize("name", ["unknown-key", "wrong-type-pro", "missing-question",
                                  "bad-weight", "ref-with-keys", "empty-claims", "bad-url"])
def test_schema_rejects_what_the_loader_rejects(name: str) -> None:
    (doc,) = documents(FIXTURES / "invalid" / f"{name}.yaml")
    assert list(VALIDATOR.iter_errors(doc)) != []


@pytest.mark.parametrize("path", sorted((FIXTURES.parent.parent / "examples/carbon-tax")
                                        .glob("*.yaml")), ids=lambda p: p.stem)
def test_a_projects_maps_and_library_match_the_schema(path: Path) -> None:
    for doc in documents(path):
        assert list(VALIDATOR.iter_errors(doc)) == []


def test_the_schema_refuses_a_path_where_a_name_goes() -> None:
    doc = {"question": "Q?", "claims": [{"text": "A.", "pro": [{"ref": "../x/y"}]}]}
    assert list(VALIDATOR.iter_errors(doc)) != []
    assert list(VALIDATOR.iter_errors({"sources": {"s": {"title": "T"}}})) == []
    assert list(VALIDATOR.iter_errors({"context": "no question, no sources"})) != []
