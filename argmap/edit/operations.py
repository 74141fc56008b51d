"""Edits of a map's text: add and remove statements, add sources (moving: edit/move.py).

Each edit is a splice of whole lines into or out of the text, at positions
taken from libyaml's composed nodes (:mod:`argmap.readers.yaml.source`), or, for a
map in fmt's canonical layout, from the canonical reader's lines
(:mod:`argmap.edit.canonical`, which gives the same text without composing). Every byte
outside the lines an edit writes stays as it was: comments, blank lines, key
order, quoting and line endings elsewhere in the file. New lines follow the
file's own indentation (how far list items sit under their key, and how far
their text sits after the ``-``) and the quoting rule of ``fmt``.

The functions here take and return text; :func:`argmap.rules.format.check_text` says whether a
result is a valid map. Writing files is the command's job.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import did_you_mean
from argmap.edit import canonical
from argmap.edit.base import Edit as Edit
from argmap.edit.base import EditError as EditError
from argmap.edit.base import newline as line_break
from argmap.edit.base import splice
from argmap.edit.fmt import LINKED_ORDER, STATEMENT_ORDER
from argmap.edit.linked import (
    argument_lines,
    argument_path,
    declare_linked_version,
    premise_count,
)
from argmap.edit.write import Layout, NewStatement, dash_column, detect_layout, statement_lines
from argmap.model import SOURCE_KEYS, V1_2
from argmap.readers.yaml import style
from argmap.readers.yaml.source import (
    Located,
    Parsed,
    content_end,
    get,
    is_mapping,
    is_null,
    is_sequence,
    parse,
    statements,
)

if TYPE_CHECKING:
    from argmap.readers.yaml.fast import CanonicalLines

# -- finding statements -----------------------------------------------------

def document_ids(parsed: Parsed) -> list[str | None]:
    """The explicit ``id`` of each document, if it has one."""
    found: list[str | None] = []
    for document in parsed.documents:
        pair = get(document, "id") if is_mapping(document) else None
        found.append(None if pair is None else str(pair[1].value))
    return found


def locate(parsed: Parsed, address: str, map_id: str | None = None,
           refs: bool = False) -> Located:
    """The statement at ``address`` (an id, or a derived path such as ``c1.pro2``).

    An explicit id wins over an equal path, as in ``--focus``. The path of a
    ``ref`` position gives the statement the ref names (see :func:`named`),
    unless ``refs`` asks for the ``ref`` item itself, for removing or moving it.

    Raises:
        EditError: for an unknown or ambiguous address (exit code 2).
    """
    ids = document_ids(parsed)
    if map_id is not None and map_id not in ids:
        known = ", ".join(repr(i) for i in ids if i)
        raise EditError(f"no map '{map_id}' in this file (it has {known or 'no map ids'})", 2)
    found: dict[int, Located] = {}
    names: set[str] = set()
    for located in statements(parsed.documents):
        if map_id is not None and ids[located.document] != map_id:
            continue
        names.add(located.path)
        if located.id is not None:
            names.add(located.id)
        if located.id == address or (located.path == address
                                     and located.document not in found):
            found[located.document] = located
    if not found:
        hint = did_you_mean(address, names)
        raise EditError(f"no statement '{address}' in this map{hint} (argmap show --ids "
                        "lists the addresses)", 2)
    if len(found) > 1:
        maps = ", ".join(repr(ids[d]) for d in found)
        raise EditError(f"'{address}' is in several maps of this file ({maps}); choose one "
                        "with --map", 2)
    located = next(iter(found.values()))
    ref = get(located.node, "ref")
    if ref is not None and not refs:
        return written(parsed, located.document, str(ref[1].value), address)
    return located


def written(parsed: Parsed, document: int, target: str, address: str) -> Located:
    """The statement with id ``target`` in document number ``document``: where the
    ``ref`` at ``address`` leads (docs/format.md: "The path of a ``ref`` position
    addresses the statement it names").

    Raises:
        EditError: if no statement has that id.
    """
    for located in statements(parsed.documents):
        if located.document == document and located.id == target:
            return located
    raise EditError(f"{address} is a ref to '{target}', which no statement has")


def named(located: Located, address: str) -> str:
    """How a message names the statement ``address`` led to: the address as given,
    or for a ``ref`` position the statement it names and where that is written."""
    if address in (located.id, located.path):
        return address
    return f"{located.id} (written at {located.path}; {address} is a ref to it)"


def _after(parsed: Parsed, node: Any) -> int:
    """The start of the line after the one where ``node``'s content ends."""
    return parsed.line_end(max(node.start_mark.index, content_end(parsed, node) - 1))


def _require_block(node: Any, what: str) -> None:
    if node.flow_style:
        raise EditError(f"{what} is written in flow style ({{...}} or [...]); run "
                        "`argmap fmt` on the file first, then edit it")


def insert_items(parsed: Parsed, holder: Any, key: str,
                 make: Callable[[int, Layout], list[str]], order: tuple[str, ...]) -> str:
    """Append list items under ``key`` of the mapping ``holder``, creating the key if needed.

    ``make(dash)`` returns the lines of one new item with its ``-`` at column
    ``dash``. ``order`` places a new key among the mapping's keys.
    """
    text, layout = parsed.text, detect_layout(parsed)
    newline = line_break(text)
    _require_block(holder, "this statement")
    pair = get(holder, key)
    key_column = int(holder.value[0][0].start_mark.column) if holder.value else 0
    if pair is not None and is_sequence(pair[1]) and pair[1].value:
        sequence = pair[1]
        _require_block(sequence, f"the `{key}` list")
        last = sequence.value[-1]
        first = sequence.value[0]
        dash = dash_column(parsed, first)
        layout.gap = max(1, first.start_mark.column - dash) if is_mapping(first) else layout.gap
        return splice(text, _after(parsed, last), make(dash, layout), newline)
    dash = key_column + layout.offset
    if pair is not None:  # `pro:` with no value, or `pro: []`
        knode, value = pair
        if not (is_null(value) or (is_sequence(value) and not value.value)):
            raise EditError(f"`{key}` here is not a list")
        colon = text.index(":", knode.end_mark.index)
        if is_sequence(value):
            text = text[:colon + 1] + text[value.end_mark.index:]
        at = parsed.line_end(colon)
        return splice(text, at, make(dash, layout), newline)
    lines = [" " * key_column + f"{key}:", *make(dash, layout)]
    return splice(text, _key_position(parsed, holder, key, order), lines, newline)


def _key_position(parsed: Parsed, holder: Any, key: str, order: tuple[str, ...]) -> int:
    """Where a new key goes: before the first later key in ``order``, else after the last."""
    rank = {k: i for i, k in enumerate(order)}
    mine = rank.get(key, len(rank))
    for number, (other, _) in enumerate(holder.value):
        if number and rank.get(other.value, len(rank)) > mine:
            at = parsed.line_start(other.start_mark.index)
            # Own-line comments right above a key belong to it: go above them.
            while at > 0:
                above = parsed.line_start(at - 1)
                if parsed.text[above:at].lstrip().startswith("#"):
                    at = above
                else:
                    break
            return at
    return _after(parsed, holder)


# -- the edits --------------------------------------------------------------

def add_statement(text: str, new: NewStatement, to: str | None, relation: str,
                  map_id: str | None = None) -> str:
    """Add a premise under the statement at ``to`` (or a claim when ``to`` is None).

    When ``to`` is a linked argument, a ``pro`` or ``con`` (its own relation)
    becomes one more of its premises, and an ``undercut`` attacks its step.
    """
    return add_statement_edit(text, new, to, relation, map_id).text


def add_statement_edit(text: str, new: NewStatement, to: str | None, relation: str,
                       map_id: str | None = None, lines: CanonicalLines | None = None) -> Edit:
    """:func:`add_statement`, with what it did; ``lines``: the text's canonical lines, if
    the check before the edit read them (see :mod:`argmap.edit.canonical`)."""
    if canonical.takes(to, relation) and (at := canonical.lines_of(text, lines)) is not None:
        return canonical.add_statement(at, new, to, relation, map_id)
    parsed = parse(text, comments=False)
    if to is None:
        return Edit(insert_items(parsed, _document(parsed, map_id), "claims",
                                 lambda dash, layout: statement_lines(new, dash, layout),
                                 STATEMENT_ORDER), "added a claim to")
    located = locate(parsed, to, map_id)
    if relation == "undercut" and to not in (located.id, located.path):
        # format 1.2: an undercut of a ref's own step goes under the ref item
        item = locate(parsed, to, map_id, refs=True)
        edited = insert_items(parsed, item.node, "undercut",
                              lambda dash, layout: statement_lines(new, dash, layout),
                              STATEMENT_ORDER)
        return Edit(declare_linked_version(edited, item.document, V1_2),
                    f"added an undercut of the step at {to} (a ref to {located.id}) to")
    key, order = place(located, relation, to)
    if key == "premises" and new.weight is not None:
        raise EditError(f"a premise of a linked argument has no weight of its own; {to} "
                        "bears on its parent as a whole, and its weight is set on it")
    edited = insert_items(parsed, located.node, key,
                          lambda dash, layout: statement_lines(new, dash, layout), order)
    if key == "premises":
        number = premise_count(located.node) + 1
        return Edit(edited, f"added premise {located.path}.{number} to the linked argument "
                    f"{to} in")
    article = "an" if relation == "undercut" else "a"
    return Edit(edited, f"added {article} {relation} premise under {named(located, to)} to")


def place(target: Located, relation: str, to: str,
          moving: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The list of ``target`` an item of ``relation`` goes in, and the key order there.

    ``moving`` is the address of the statement ``mv`` moves, for its messages.

    Raises:
        EditError: for a relation that ``target`` cannot hold: a linked
            argument takes only its own side and undercuts, a premise of one no
            undercut, and a ``ref`` position no undercut of its own.
    """
    if target.linked:
        if relation == "undercut":
            return "undercut", LINKED_ORDER
        if relation == target.key:
            return "premises", LINKED_ORDER
        side = "for" if target.key == "pro" else "against"
        if moving is not None:
            raise EditError(f"{to} is a linked argument {side} its parent: a statement moved "
                            f"into it goes in as one of its premises (--{target.key}, its "
                            f"side) or as an undercut of its step (--undercut), not as a "
                            f"{relation}; to move {moving} under one premise, give that "
                            f"premise's address (--to {target.path}.1)")
        raise EditError(f"{to} is a linked argument {side} its parent: --{target.key} adds a "
                        "premise to it and --undercut attacks its step; to argue with one "
                        f"premise, give its address (--to {target.path}.1)")
    if target.key == "premises" and relation == "undercut":
        raise EditError(f"{to} is a premise of the linked argument {argument_path(target)}; an "
                        "undercut attacks the step from all its premises together: --to "
                        f"{argument_path(target)} --undercut")
    if relation == "undercut" and to not in (target.id, target.path):
        raise EditError(f"{to} is a ref to {target.id}: mv moves statements between "
                        "statements, not onto a ref's own step; to undercut that step, `add "
                        f"--to {to} --undercut TEXT`; to attack {target.id}'s step where it is "
                        f"written, give --to {target.path}")
    return relation, STATEMENT_ORDER


def add_argument(text: str, premises: list[NewStatement], weight: int | None, to: str,
                 relation: str, map_id: str | None = None,
                 argument_id: str | None = None) -> str:
    """Add a linked argument (format 1.1) of ``premises`` as a ``relation`` of ``to``.

    The map's ``argmap: 1`` becomes ``argmap: 1.1``.

    Raises:
        EditError: when ``to`` is a linked argument: one cannot hold another.
    """
    return add_argument_edit(text, premises, weight, to, relation, map_id, argument_id).text


def add_argument_edit(text: str, premises: list[NewStatement], weight: int | None, to: str,
                      relation: str, map_id: str | None = None,
                      argument_id: str | None = None, scheme: str | None = None,
                      lines: CanonicalLines | None = None) -> Edit:
    """:func:`add_argument`, with what it did (``scheme``: the argument's, format 1.2;
    ``lines`` as for :func:`add_statement_edit`)."""
    if relation not in ("pro", "con"):
        raise EditError("only a pro or con can be a linked argument: give --pro or --con "
                        "with --together", 2)
    if (at := canonical.lines_of(text, lines)) is not None:
        return canonical.add_argument(at, premises, weight, to, relation, map_id,
                                      argument_id, scheme)
    parsed = parse(text, comments=False)
    located = locate(parsed, to, map_id)
    if located.linked:
        raise EditError(f"{to} is a linked argument, and a linked argument cannot hold "
                        f"another: add premises to it one at a time (--to {to} "
                        f"--{located.key} TEXT), or argue with one of its premises (--to "
                        f"{located.path}.1 --{relation} TEXT --together TEXT)")
    key, order = place(located, relation, to)
    edited = insert_items(parsed, located.node, key,
                          lambda dash, layout: argument_lines(premises, weight, dash, layout,
                                                              argument_id, scheme),
                          order)
    return Edit(declare_linked_version(edited, located.document),
                f"added a linked {relation} argument of {len(premises)} premises under "
                f"{named(located, to)} to")


def _document(parsed: Parsed, map_id: str | None) -> Any:
    ids = document_ids(parsed)
    documents = [d for d, i in zip(parsed.documents, ids, strict=True)
                 if is_mapping(d) and (map_id is None or i == map_id)]
    if not documents:
        raise EditError(f"no map '{map_id}' in this file", 2)
    if len(documents) > 1:
        raise EditError("this file holds several maps; choose one with --map", 2)
    return documents[0]


def add_source(text: str, source_id: str, fields: dict[str, str],
               map_id: str | None = None) -> str:
    """Add a source under ``sources``, creating the key when the map has none."""
    parsed = parse(text, comments=False)
    document = _document(parsed, map_id)
    layout = detect_layout(parsed)
    newline = line_break(text)
    ordered = [(k, fields[k]) for k in SOURCE_KEYS if fields.get(k) is not None]

    def lines(column: int) -> list[str]:
        pad = " " * (column + layout.indent)
        return [" " * column + style.scalar(source_id) + ":",
                *(f"{pad}{k}: {style.scalar(v.strip())}" for k, v in ordered)]

    pair = get(document, "sources")
    if pair is not None and is_mapping(pair[1]) and pair[1].value:
        _require_block(pair[1], "`sources`")
        column = int(pair[1].value[0][0].start_mark.column)
        return splice(text, _after(parsed, pair[1]), lines(column), newline)
    if pair is not None and is_mapping(pair[1]) and pair[1].flow_style and not pair[1].value:
        # `sources: {}`, as `argmap new --library` writes it: the first source replaces `{}`
        start, end = pair[1].start_mark.index, pair[1].end_mark.index
        column = int(pair[0].start_mark.column) + layout.indent
        return (text[:start].rstrip(" ") + newline + newline.join(lines(column))
                + text[end:])
    if pair is not None:
        raise EditError("`sources` here is not a mapping with entries; edit it by hand")
    return splice(text, _after(parsed, document), ["sources:", *lines(layout.indent)],
                   newline)


def item_range(parsed: Parsed, located: Located) -> tuple[int, int]:
    """The lines of a list item: from its ``-`` line to the end of its content."""
    start = parsed.line_start(located.node.start_mark.index)
    prefix = parsed.text[start:located.node.start_mark.index]
    if prefix.strip() != "-":
        raise EditError(f"{located.path} does not start its own line (`- ` then its first "
                        "key); run `argmap fmt` on the file first")
    return start, _after(parsed, located.node)


def removal(parsed: Parsed, located: Located) -> tuple[int, int]:
    """The text range that removes an item, and its key when it is the list's only item."""
    start, end = item_range(parsed, located)
    key, sequence = get(located.holder, located.key)  # type: ignore[misc]
    _require_block(sequence, f"the `{located.key}` list")
    if len(sequence.value) == 1 and located.key != "claims":
        key_start = parsed.line_start(key.start_mark.index)
        if parsed.text[key_start:key.start_mark.index].strip():
            raise EditError(f"`{located.key}` is the first key of its statement; run "
                            "`argmap fmt` on the file first")
        return key_start, end
    return start, end


def remove(text: str, address: str, map_id: str | None = None) -> str:
    """Remove the statement at ``address`` with everything under it.

    At a ``ref`` position only the ``ref`` item goes; the statement stays
    where it is written.

    Raises:
        EditError: if a ``ref`` elsewhere points at a statement being removed.
    """
    return remove_edit(text, address, map_id).text


def remove_edit(text: str, address: str, map_id: str | None = None,
                lines: CanonicalLines | None = None) -> Edit:
    """:func:`remove`, with what it did (``lines`` as for :func:`add_statement_edit`)."""
    if (at := canonical.lines_of(text, lines)) is not None:
        return canonical.remove(at, address, map_id)
    parsed = parse(text, comments=False)
    located = locate(parsed, address, map_id, refs=True)
    if located.key == "premises":
        refuse_lone_premise(located, address, "removing")
    start, end = removal(parsed, located)
    _refuse_orphans(parsed, located, start, end)
    return Edit(text[:start] + text[end:], f"removed {ref_note(parsed, located, address)} from")


def ref_note(parsed: Parsed, located: Located, address: str) -> str:
    """``address``, and for a ``ref`` item what it names, which rm and mv leave in place."""
    ref = get(located.node, "ref")
    if ref is None:
        return address
    target = written(parsed, located.document, str(ref[1].value), address)
    return f"{address} (a ref to {target.id}; the statement stays at {target.path})"


def refuse_lone_premise(premise: Located, address: str, doing: str) -> None:
    """Refuse to leave a linked argument with a single premise (``too-few-premises``)."""
    if premise_count(premise.holder) <= 2:
        argument = argument_path(premise)
        raise EditError(f"{address} is one of the two premises of the linked argument "
                        f"{argument}, which needs at least two; {doing} it would leave one: "
                        f"remove the whole argument (rm {argument}) or add a premise to it "
                        "first")


def _refuse_orphans(parsed: Parsed, located: Located, start: int, end: int) -> None:
    removed: set[str] = set()
    outside: list[tuple[str, Any]] = []
    for other in statements([parsed.documents[located.document]]):
        inside = start <= other.node.start_mark.index < end
        ref = get(other.node, "ref")
        if inside and other.id is not None:
            removed.add(other.id)
        elif not inside and ref is not None:
            outside.append((str(ref[1].value), ref[1]))
    orphans = [(target, node) for target, node in outside if target in removed]
    if orphans:
        target, node = orphans[0]
        where = f"line {node.start_mark.line + 1}"
        raise EditError(f"{located.path} holds '{target}', which the ref on {where} points "
                        f"at; remove or change that ref first ({len(orphans)} ref"
                        f"{'s' if len(orphans) > 1 else ''} in all)")
