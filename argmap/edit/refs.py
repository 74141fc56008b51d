"""``add --ref ID``: add a ``ref`` item with its step keys, as a debater flowing a round does.

Without ``--to``, the ref goes beside the statement it names (into the same
list of the same parent): with a ``speech``, that is an extension, the
statement said again in a later speech (format 1.2).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.edit import canonical
from argmap.edit.fmt import STATEMENT_ORDER
from argmap.edit.operations import Edit, EditError, insert_items, locate, named, place
from argmap.edit.write import NewStatement, statement_lines
from argmap.readers.yaml.source import parse

if TYPE_CHECKING:
    from argmap.readers.yaml.fast import CanonicalLines


def add_ref_edit(text: str, target: str, to: str | None, relation: str | None,
                 speech: str | None, weight: int | None, map_id: str | None = None,
                 lines: CanonicalLines | None = None) -> Edit:
    """Add ``- ref: target`` (with ``speech`` and ``weight``) under ``to`` as ``relation``,
    or, without ``to``, beside ``target`` where it is written.

    Raises:
        EditError: for an unknown address, a claim without ``to`` (it has no parent to
            repeat it under), or ``to`` without ``relation``.
    """
    if canonical.takes(to, relation) and (at := canonical.lines_of(text, lines)) is not None:
        return canonical.add_ref(at, target, to, relation, speech, weight, map_id)
    parsed = parse(text, comments=False)
    written = locate(parsed, target, map_id)
    if written.id != target:
        raise EditError(f"--ref {target}: a ref names a statement by its id; give that "
                        f"statement an `id` first (argmap show --ids lists them)", 2)
    new = NewStatement("", weight=weight, speech=speech, ref=target)
    if to is None:
        if written.key not in ("pro", "con", "undercut"):
            where = "a claim" if written.key == "claims" else "a premise of a linked argument"
            raise EditError(f"--ref {target}: it is {where}, so there is no list beside it to "
                            "repeat it in; say where with --to ADDRESS --as pro|con|undercut",
                            2)
        edited = insert_items(parsed, written.holder, written.key,
                              lambda dash, layout: statement_lines(new, dash, layout),
                              STATEMENT_ORDER)
        what = f"extended {target} in {speech}" if speech else f"repeated {target}"
        return Edit(edited, f"{what}, beside it, in")
    if relation is None:
        raise EditError("--ref with --to needs --as pro, con or undercut: how the statement "
                        f"bears on {to}", 2)
    located = locate(parsed, to, map_id)
    key, order = place(located, relation, to)
    if key == "premises":
        raise EditError(f"{to} is a linked argument: a ref goes under one of its premises "
                        f"(--to {located.path}.1)", 2)
    edited = insert_items(parsed, located.node, key,
                          lambda dash, layout: statement_lines(new, dash, layout), order)
    return Edit(edited, f"added a {relation} ref to {target} under {named(located, to)} to")
