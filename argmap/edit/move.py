"""Moving a statement, with everything under it, to another place in the map (``mv``).

A move is one insertion (:func:`argmap.edit.operations.insert_items`) of the
item's lines, shifted to their new indentation, and one cut of the old lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.edit import canonical
from argmap.edit.base import cut_moved, shift
from argmap.edit.linked import relation_of
from argmap.edit.operations import (
    Edit,
    EditError,
    insert_items,
    item_range,
    locate,
    named,
    place,
    ref_note,
    refuse_lone_premise,
    removal,
)
from argmap.edit.write import Layout, dash_column
from argmap.readers.yaml.source import Located, get, parse

if TYPE_CHECKING:
    from argmap.readers.yaml.fast import CanonicalLines


def move(text: str, address: str, to: str, relation: str | None,
         map_id: str | None = None) -> str:
    """Move the statement at ``address`` (with its premises) under the statement at ``to``.

    At a ``ref`` position only the ``ref`` item moves. A ``to`` that is a
    ``ref`` position gives the statement it names.
    """
    return move_edit(text, address, to, relation, map_id).text


def move_edit(text: str, address: str, to: str, relation: str | None,
              map_id: str | None = None, lines: CanonicalLines | None = None) -> Edit:
    """:func:`move`, with what it did; ``lines``: the text's canonical lines, if the check
    before the edit read them (see :mod:`argmap.edit.canonical`)."""
    if canonical.takes(to, relation) and (at := canonical.lines_of(text, lines)) is not None:
        return canonical.move(at, address, to, relation, map_id)
    parsed = parse(text, comments=False)
    located = locate(parsed, address, map_id, refs=True)
    target = locate(parsed, to, map_id)
    done = f"moved {ref_note(parsed, located, address)} under {named(target, to)} in"
    if located.key == "claims" and relation is None:
        raise EditError(f"{address} is a claim: moving it under a statement needs --pro, "
                        "--con or --undercut")
    relation = relation or relation_of(located)
    _refuse_linked_move(located, address, target, to, relation)
    key, order = place(target, relation, to, moving=address)
    _refuse_premise_move(located, address, target, key)
    pair = get(target.node, key)
    if (target.node is located.holder and key == located.key and pair is not None
            and len(pair[1].value) == 1):
        return Edit(text, done)  # the only item of the list it would be moved to the end of
    start, end = item_range(parsed, located)
    if start <= target.node.start_mark.index < end:
        raise EditError(f"cannot move {address} under itself or what lies below it")
    block = text[start:end]
    old_dash = dash_column(parsed, located.node)
    cut_start, cut_end = removal(parsed, located)

    def make(dash: int, layout: Layout) -> list[str]:
        return shift(block, dash - old_dash)

    inserted = insert_items(parsed, target.node, key, make, order)
    return Edit(cut_moved(text, inserted, cut_start, cut_end), done)


def _refuse_linked_move(located: Located, address: str, target: Located, to: str,
                        relation: str) -> None:
    """Refuse to move a linked argument where only a statement can go (format 1.1)."""
    if not located.linked:
        return
    if relation == "undercut":
        raise EditError(f"{address} is a linked argument, which can only be a pro or con; an "
                        "undercut is a single statement")
    if target.linked:
        raise EditError(f"{address} is a linked argument, and so is {to}: a linked argument "
                        f"cannot hold another; move {address} under a statement, such as "
                        f"one of {to}'s premises (--to {target.path}.1)")


def _refuse_premise_move(located: Located, address: str, target: Located, key: str) -> None:
    """Refuse a move that would make a linked argument invalid (format 1.1)."""
    if key == "premises":
        kept = [k for k in ("weight", "undercut") if get(located.node, k) is not None]
        if kept:
            raise EditError(f"{address} has {' and '.join(kept)}, which a premise of a linked "
                            "argument cannot have (they belong to the argument); remove "
                            f"{'it' if len(kept) == 1 else 'them'} first")
    if located.key == "premises" and not (key == "premises" and target.node is located.holder):
        refuse_lone_premise(located, address, "moving")
