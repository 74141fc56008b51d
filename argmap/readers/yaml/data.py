"""Plain YAML data files that ship with argmap (the scheme catalogue).

Maps are built from composed nodes (:mod:`argmap.readers.yaml.load`) so every value keeps
its position; a data file argmap ships needs only its values, but it is read on every
command that meets a ``scheme:``, so it goes through the same C composer rather than
ruamel's Python constructor (a third of the time).
"""

from __future__ import annotations

from typing import Any

from argmap.readers.yaml.build import Node, kind


def plain_data(text: str) -> Any:
    """The values of the first YAML document: dicts, lists, strings and whole numbers
    (block scalars, quotes and flow style as YAML reads them; no aliases, no tags)."""
    from argmap.readers.yaml.load import _compose

    nodes, problem = _compose(text, "<data>")
    if problem is not None or not nodes:
        raise ValueError(f"not a YAML data file: {problem}")
    return _value(nodes[0])


def _value(node: Node) -> Any:
    if node.id == "mapping":
        return {key.value: _value(value) for key, value in node.value}
    if node.id == "sequence":
        return [_value(item) for item in node.value]
    return int(node.value) if kind(node) == "int" else node.value
