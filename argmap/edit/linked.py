"""Writing format 1.1 linked arguments: their lines, and the version they need.

A linked argument is a ``pro`` or ``con`` item whose ``premises`` hold up its
parent together (docs/format.md, "Linked arguments"). ``add`` writes one in
the canonical key order (:data:`argmap.edit.fmt.LINKED_ORDER`) and, when the
map declares ``argmap: 1``, raises that to ``argmap: 1.1``: a map that says
nothing about its version is read as the newest, so it is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.edit.write import Layout, NewStatement, statement_lines
from argmap.model import LINKED_VERSION, VERSIONS, at_least
from argmap.readers.yaml.source import Located, get, is_mapping, parse

_STEP = re.compile(r"([a-z]+)\d+$")


def argument_lines(premises: list[NewStatement], weight: int | None, dash: int,
                   layout: Layout, argument_id: str | None = None) -> list[str]:
    """The lines of a new linked argument, its ``-`` at column ``dash``, its keys in the
    canonical order (premises, id, weight)."""
    column = dash + layout.gap
    lines = [" " * dash + "-" + " " * (layout.gap - 1) + "premises:"]
    for premise in premises:
        lines.extend(statement_lines(premise, column + layout.offset, layout))
    if argument_id is not None:
        lines.append(" " * column + f"id: {argument_id}")
    if weight is not None:
        lines.append(" " * column + f"weight: {weight}")
    return lines


def argument_path(premise: Located) -> str:
    """The path of the linked argument a premise (``key == "premises"``) belongs to."""
    return premise.path.rsplit(".", 1)[0]


def relation_of(located: Located) -> str:
    """The relation of an item: its list's key, or for a premise its argument's (pro/con)."""
    if located.key != "premises":
        return located.key
    match = _STEP.search(argument_path(located))
    return match.group(1) if match else "pro"


def premise_count(argument: Any) -> int:
    """How many items the ``premises`` list of a linked argument's mapping holds."""
    pair = get(argument, "premises")
    return len(pair[1].value) if pair is not None and pair[1].id == "sequence" else 0


def declare_linked_version(text: str, document: int, needed: str = LINKED_VERSION) -> str:
    """``text`` with the ``argmap:`` version of document number ``document`` raised to
    ``needed`` (1.1 for a linked argument, 1.2 for a step on a ``ref``).

    Only the version's own characters change; a map without ``argmap`` (the
    newest version) or already at ``needed`` or later is returned as it is.
    """
    documents = parse(text, comments=False).documents
    node = documents[document] if document < len(documents) else None
    pair = get(node, "argmap") if node is not None and is_mapping(node) else None
    if pair is None or pair[1].id != "scalar" or (
            pair[1].value in VERSIONS and at_least(pair[1].value, needed)):
        return text
    value = pair[1]
    quote = value.style if value.style in ("'", '"') else ""
    start, end = value.start_mark.index, value.end_mark.index
    return f"{text[:start]}{quote}{needed}{quote}{text[end:]}"
