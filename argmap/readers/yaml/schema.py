"""The JSON Schema of format 1.2 (which every format-1 map meets), from the model's key tables.

Editors running the YAML language server use it to validate and complete maps.
It describes the shape only; argmap check also verifies what a schema cannot
(ids that exist, calendar dates, cycles).
"""

from __future__ import annotations

import json
from typing import Any

from argmap.model import (
    ARGUMENT_ONLY_KEYS,
    CITATION_KEYS,
    LINKED_KEYS,
    MAP_KEYS,
    MAX_WEIGHT,
    MIN_WEIGHT,
    REF_STEP_KEYS,
    SOURCE_KEYS,
    SPEECH_KEYS,
    STATEMENT_KEYS,
    KeySpec,
)
from argmap.speeches import PRESETS

_SLUG = {"type": "string", "pattern": "^[a-z0-9][a-z0-9_.\\-]*$"}
#: what a ref or a citation names: an id, or (format 1.2) MAP-ID/ID of another map's
_NAME = {"type": "string", "pattern": "^([a-z0-9][a-z0-9_.\\-]*/)?[a-z0-9][a-z0-9_.\\-]*$"}
_TEXT = {"type": "string", "minLength": 1}
_DATE = {
    "type": ["string", "integer"],
    "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
    "minimum": 1000,
    "maximum": 9999,
}
_TYPES: dict[str, dict[str, Any]] = {
    # quoted versions read the same (version 1 always accepted "1")
    "version": {"enum": [1, 1.1, 1.2, "1", "1.1", "1.2"]},
    "slugs": {"type": "array", "items": _SLUG, "uniqueItems": True},
    "semantics": {"enum": ["grounded", "weighed"]},
    "slug": _SLUG,
    "answers": {"anyOf": [_SLUG, {"type": "array", "items": _SLUG, "minItems": 1}]},
    "name": _NAME,
    "text": _TEXT,
    "tags": {"type": "array", "items": {"type": "string"}},
    "statements": {"type": "array", "items": {"$ref": "#/definitions/statement"}},
    "premises": {"type": "array", "minItems": 2, "items": {"$ref": "#/definitions/premise"}},
    "citations": {
        "type": "array",
        "items": {"anyOf": [_NAME, {"$ref": "#/definitions/citation"}]},
    },
    "sources": {
        "type": "object",
        "propertyNames": _SLUG,
        "additionalProperties": {"$ref": "#/definitions/source"},
    },
    "weight": {"type": "integer", "minimum": MIN_WEIGHT, "maximum": MAX_WEIGHT},
    "authors": {"anyOf": [_TEXT, {"type": "array", "items": _TEXT}]},
    "date": _DATE,
    "url": {"type": "string", "pattern": "^https?://[^\\s]+$"},
    "debate-format": {"enum": list(PRESETS)},
    "speech": _TEXT,
    "minutes": {"type": "number", "exclusiveMinimum": 0},
    "speeches": {"type": "array", "items": {"anyOf": [_TEXT, {"$ref": "#/definitions/speech"}]}},
}


def _object(keys: dict[str, KeySpec], description: str,
            required: tuple[str, ...] = ()) -> dict[str, Any]:
    properties = {name: {**_TYPES[spec.type], "description": spec.description}
                  for name, spec in keys.items()}
    needed = list(required) or [name for name, spec in keys.items() if spec.required]
    return {"type": "object", "description": description, "properties": properties,
            "required": needed, "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """Build the JSON Schema (draft-07) of one map document."""
    document = _object(MAP_KEYS, "An argument map: one question, its claims and sources.")
    document["properties"]["claims"]["minItems"] = 1
    full = _object({k: v for k, v in STATEMENT_KEYS.items() if k not in ("ref", "side")},
                   "A premise.", required=("text",))
    claim = _object({k: v for k, v in STATEMENT_KEYS.items()
                     if k not in ("ref", "scheme", "answers")},
                    "A claim: it may name its side (format 1.2).", required=("text",))
    ref = _object({"ref": STATEMENT_KEYS["ref"], **REF_STEP_KEYS},
                  "A pointer to the statement with that id; its other keys (format 1.2) "
                  "belong to the step to this parent.", required=("ref",))
    premise = _object({k: v for k, v in STATEMENT_KEYS.items()
                       if k not in ("ref", "side") and k not in ARGUMENT_ONLY_KEYS},
                      "One premise of a linked argument: weight and undercut belong on the "
                      "argument.", required=("text",))
    linked = _object(LINKED_KEYS, "A linked argument (format 1.1): premises that bear on the "
                     "parent together.")
    document["properties"]["claims"]["items"] = {"$ref": "#/definitions/claim"}
    # a map has a question and claims; a card library (format 1.2) has sources and no question
    document["anyOf"] = [{"required": document.pop("required")},
                         {"required": ["sources"], "not": {"required": ["question"]}}]
    for name in ("pro", "con"):  # only these lists may hold linked arguments
        for shape in (full, claim, premise):
            shape["properties"][name]["items"] = {"$ref": "#/definitions/item"}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "argmap map, format 1.2",
        **document,
        "definitions": {
            "statement": {"oneOf": [ref, full]},
            "claim": {"oneOf": [ref, claim]},
            "item": {"oneOf": [ref, full, linked]},
            "premise": {"oneOf": [ref, premise]},
            "citation": _object(CITATION_KEYS, "A source id with a quote and locator."),
            "source": _object(SOURCE_KEYS, "A work cited in the map."),
            "speech": _object(SPEECH_KEYS, "A speech of the round (format 1.2)."),
        },
    }


def schema_text() -> str:
    """The schema as the JSON text shipped in ``schema/argmap-1.schema.json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
