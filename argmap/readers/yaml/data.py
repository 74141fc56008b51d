"""Plain YAML data files that ship with argmap (the scheme catalogue), read with ruamel.

Maps are composed node by node (:mod:`argmap.readers.yaml.load`) so every value keeps its
position; a data file argmap wrote itself needs none of that, only its values.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML


def plain_data(text: str) -> Any:
    """The Python values (dicts, lists, strings, numbers) of one YAML document."""
    return YAML(typ="safe").load(text)
