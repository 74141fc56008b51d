"""Plain YAML data files that ship with argmap (the scheme catalogue).

Maps are built from composed nodes (:mod:`argmap.readers.yaml.load`) so every value keeps
its position; a data file argmap ships needs only its values. It is read on every
command that meets a ``scheme:``, so the values come straight from libyaml's nodes,
without ruamel's Python constructor (half the time).
"""

from __future__ import annotations

from typing import Any


def plain_data(text: str) -> Any:
    """The values of the first YAML document: dicts, lists, strings and whole numbers
    (block scalars, quotes and flow style as YAML reads them; no aliases, no tags).

    Raises:
        ValueError: the text holds no YAML document.
    """
    from ruamel.yaml.cyaml import CSafeLoader

    node = CSafeLoader(text).get_single_node()
    if node is None:
        raise ValueError("not a YAML data file: no document")
    return _value(node)


def _value(node: Any) -> Any:
    """A composed node's value (its tag says whether a scalar is a whole number)."""
    if node.id == "mapping":
        return {key.value: _value(value) for key, value in node.value}
    if node.id == "sequence":
        return [_value(item) for item in node.value]
    return int(node.value) if str(node.tag) == _INT else node.value


_INT = "tag:yaml.org,2002:int"
