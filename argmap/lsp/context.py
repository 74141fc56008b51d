"""What the cursor is in, read from the lines around it: which table's key, or which key's value.

This reads indentation, not YAML, so it answers on a half-typed file that
does not parse, which is when completion is wanted most. Block style only (the
style argmap writes, and ``fmt``'s); a flow list after ``cites:`` is read too.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from argmap.lsp.index import CITATION, LINKED, MAP, REF_ITEM, SOURCE_ENTRY, STATEMENT
from argmap.lsp.text import Lines

#: the lists whose items are statements
STATEMENT_LISTS = frozenset({"claims", "pro", "con", "undercut", "premises"})

_LINE = re.compile(r"( *)((?:-[ \t]+)*)(.*)")
_KEY = re.compile(r"""([^\s#'"\[\]{},:-][^#:]*?|"[^"]*"|'[^']*')[ \t]*:(?:[ \t]|$)""")
_TYPING_KEY = re.compile(r"( *)((?:-[ \t]+)*)([A-Za-z_][\w./-]*|)")  # `/`: a `- MAP/ID` item
_TYPING_VALUE = re.compile(r"( *)((?:-[ \t]+)*)([A-Za-z_][\w-]*)[ \t]*:[ \t]+(['\"]?)([^\s'\"]*)")
_FLOW_CITES = re.compile(r"\s*(?:-\s+)?cites\s*:\s*\[(?:[^\]]*,)?\s*([^\s,\]]*)")


class Scan(NamedTuple):
    """One line's shape: indentation, the columns of its dashes, its key (if it has one)."""

    content: int  # column where the content starts, after any `- `
    dashes: tuple[int, ...]
    key: str | None


def scan(line: str) -> Scan | None:
    """A line's shape, or None for a blank or comment-only line."""
    match = _LINE.match(line)
    assert match is not None  # the pattern matches every string
    rest = match.group(3)
    if (not rest.strip() and not match.group(2)) or rest.lstrip().startswith("#"):
        return None if not match.group(2) else Scan(len(line), _dash_columns(match), None)
    content = len(match.group(1)) + len(match.group(2))
    key = _KEY.match(rest)
    return Scan(content, _dash_columns(match),
                None if key is None else key.group(1).strip("'\""))


def _dash_columns(match: re.Match[str]) -> tuple[int, ...]:
    column = len(match.group(1))
    found = []
    for part in re.finditer(r"-[ \t]+", match.group(2)):
        found.append(column + part.start())
    return tuple(found)


class Context(NamedTuple):
    """Where the cursor is: ``table`` says which keys fit here (None: no key fits);
    ``value_of`` names the key whose value is being typed; ``typed`` is the partial word
    before the cursor, which a completion replaces; ``siblings`` are the keys the
    mapping has already."""

    table: str | None
    value_of: str | None
    typed: str
    siblings: frozenset[str]
    list_of: str | None  # the list the cursor's mapping (or scalar) is an item of
    dash: bool = False  # the typed word comes right after a `- `: it may be a scalar item


def context_at(lines: Lines, line: int, column: int) -> Context:
    """The context of a cursor at code-point ``column`` of 0-based ``line``."""
    before = lines.line(line)[:column]
    flow = _FLOW_CITES.fullmatch(before)
    if flow is not None:
        return Context(None, "cites", flow.group(1), frozenset(), "cites")
    value = _TYPING_VALUE.fullmatch(before)
    if value is not None:
        key_column = len(value.group(1)) + len(value.group(2))
        table, siblings, list_of = _mapping_at(lines, line, key_column, _last_dash(value))
        return Context(table, value.group(3), value.group(5), siblings, list_of)
    key = _TYPING_KEY.fullmatch(before)
    if key is None:
        return Context(None, None, "", frozenset(), None)
    key_column = len(key.group(1)) + len(key.group(2))
    table, siblings, list_of = _mapping_at(lines, line, key_column, _last_dash(key))
    return Context(table, None, key.group(3), siblings, list_of, bool(key.group(2)))


def _last_dash(match: re.Match[str]) -> int | None:
    """The column of the last ``-`` before the typed key, if the line starts a list item."""
    columns = _dash_columns(match)
    return columns[-1] if columns else None


def _mapping_at(lines: Lines, line: int, column: int, dash: int | None
                ) -> tuple[str | None, frozenset[str], str | None]:
    """The table of the mapping whose keys start at ``column`` on ``line`` (an item of a
    list when a ``-`` stands at ``dash``), its other keys, and the list it is an item of."""
    siblings: set[str] = set()
    chain: list[tuple[str, bool]] = []  # (key, whether the level below is a list item)
    item = dash is not None
    limit, collecting = (column, True) if dash is None else (dash, False)
    below = {i: s for i in range(line + 1, min(line + 200, len(lines)))
             if (s := scan(lines.line(i))) is not None}
    for shape in below.values():  # the keys after the cursor in the same mapping
        if shape.content < column or (shape.content == column and shape.dashes):
            break
        if shape.content == column and shape.key:
            siblings.add(shape.key)
    for i in range(line - 1, -1, -1):
        found = scan(lines.line(i))
        if found is None:
            continue
        shape = found
        if shape.content == limit and collecting and shape.key:
            siblings.add(shape.key)
        if shape.content == limit and shape.dashes and not item:
            item, limit, collecting = True, shape.dashes[-1], False
            continue
        if shape.content < limit and shape.key is not None:
            chain.append((shape.key, item))
            collecting = False
            if shape.dashes:
                item, limit = True, shape.dashes[-1]
            else:
                item, limit = False, shape.content
            if limit == 0 and not item:
                break
        elif shape.content < limit:
            break  # a scalar list item or text to the left: not a mapping we know
    return _table(chain, item, siblings), frozenset(siblings), (
        chain[0][0] if chain and chain[0][1] else None)


def _table(chain: list[tuple[str, bool]], item: bool, siblings: set[str]) -> str | None:
    if not chain:
        return None if item else MAP
    key, is_item = chain[0]
    if is_item and key in STATEMENT_LISTS:
        if "premises" in siblings and key in ("pro", "con"):
            return LINKED
        return REF_ITEM if "ref" in siblings else STATEMENT
    if is_item and key == "cites":
        return CITATION
    if not is_item and len(chain) > 1 and chain[1] == ("sources", False):
        return SOURCE_ENTRY
    return None
