"""Edits of a map in the canonical layout, placed by the canonical reader's lines.

A map :func:`argmap.readers.yaml.fast.read_canonical` reads says where everything
is line by line: a statement starts on the row of its span, ends where the reader
left it (:class:`~argmap.readers.yaml.fast.CanonicalLines`), its keys are the rows
at its column, and its list items stand two columns under their key. Such a map
holds no comment, flow collection, ref or linked argument, so the edits need none
of the composed path's cases for them (:mod:`argmap.edit.operations`): an edit of a
canonical map is a splice at those rows, and composes no YAML. The check before
the edit has read the text already; its lines are passed on, not read again.

Everything here gives the same text and the same errors as the composed path
(``tests/test_edit_canonical.py`` pins them on generated maps and edits).
:data:`ENABLED` switches this path off, for that test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate

from argmap.edit.base import Edit, EditError, cut_moved, shift, splice
from argmap.edit.fmt import STATEMENT_ORDER
from argmap.edit.linked import argument_lines
from argmap.edit.write import Layout, NewStatement, statement_lines
from argmap.model import LINKED_VERSION, ArgumentMap, Statement, at_least
from argmap.readers.yaml.fast import CanonicalLines, read_canonical

#: Off: every edit takes the composed path (the tests compare the two).
ENABLED = True
#: A premise's path: its parent's, the list it is in and its place there.
_PARENT = re.compile(r"(.+)\.(pro|con|undercut)[1-9][0-9]*\Z")
_LISTS = ("pro", "con", "undercut")
#: A statement's derived path (a canonical map's ids never look like one).
_PATH = re.compile(r"c[1-9][0-9]*(?:\.(?:pro|con|undercut)[1-9][0-9]*)*\Z")
#: fmt's layout, which the canonical reader requires: 2 columns per level.
_LAYOUT = Layout()


def lines_of(text: str, read: CanonicalLines | None = None) -> Lines | None:
    """``text``'s canonical lines: ``read`` (the check's, before the edit) when it is
    this text's, else read now; None when the text is not canonical or the path is off."""
    if not ENABLED:
        return None
    if read is None or read.map is None or read.text != text:
        from argmap.readers.yaml.load import plain_tag

        read = CanonicalLines()
        read_canonical(text, "<edit>", "map", plain_tag, read)
    return None if read.map is None else Lines(read, read.map)


class Lines:
    """Positions in a canonical text: rows (0-based lines) and character offsets."""

    def __init__(self, read: CanonicalLines, argmap: ArgumentMap) -> None:
        self.text, self.rows, self.ends, self.map = read.text, read.rows, read.ends, argmap
        self.explicit_id = argmap.id if "id" in read.keys else None
        self.version_row = read.keys.get("argmap")
        self._starts: list[int] | None = None

    # -- rows and offsets ------------------------------------------------------

    def offset(self, row: int) -> int:
        """Where row ``row`` starts in the text (the text's length past the last)."""
        if self._starts is None:
            lengths = map((1).__add__, map(len, self.text.split("\n")))
            self._starts = list(accumulate(lengths, initial=0))
        return min(self._starts[row], len(self.text))

    def first(self, statement: Statement) -> int:
        """The row of a statement's ``-``."""
        return statement.span.line - 1

    def column(self, statement: Statement) -> int:
        """The column of a statement's keys (its ``-`` is two to the left)."""
        return statement.span.column - 1

    def last(self, statement: Statement) -> int:
        """The row after a statement's last line (a canonical text has no blank line)."""
        return self.ends[statement.path]

    def after(self, statement: Statement) -> int:
        """Where the line after a statement's content starts."""
        return self.offset(self.last(statement))

    def keys(self, statement: Statement) -> list[tuple[str, int]]:
        """A statement's keys with their rows, in file order."""
        first, column = self.first(statement), self.column(statement)
        found = [(self.rows[first][2], first)]
        found += [(row[2], number) for number, row in
                  enumerate(self.rows[first + 1:self.last(statement)], first + 1)
                  if row[2] and len(row[0]) == column and not row[1]]
        return found

    # -- statements -------------------------------------------------------------

    def locate(self, address: str, map_id: str | None) -> Statement:
        """The statement with id or path ``address`` (a canonical map's ids never look
        like paths, and it has no refs: at most one matches, and it is itself).

        Raises:
            EditError: as :func:`argmap.edit.operations.locate` does.
        """
        if map_id is not None and map_id != self.explicit_id:
            known = repr(self.explicit_id) if self.explicit_id else ""
            raise EditError(f"no map '{map_id}' in this file (it has {known or 'no map ids'})",
                            2)
        found = self.by_path(address) if _PATH.match(address) else None
        if found is not None:
            return found
        for statement in self.map.walk():
            if address == statement.id:
                return statement
        names: set[str] = set()
        for statement in self.map.walk():
            names.add(statement.path)
            if statement.id is not None:
                names.add(statement.id)
        from argmap.diagnostics import did_you_mean

        raise EditError(f"no statement '{address}' in this map{did_you_mean(address, names)} "
                        "(argmap show --ids lists the addresses)", 2)

    def by_path(self, path: str) -> Statement | None:
        """The statement at a derived path (``c1.pro2``), found by its steps, not a walk."""
        claim, *steps = path.split(".")
        try:
            found = self.map.claims[int(claim[1:]) - 1]
            for step in steps:
                key = step.rstrip("0123456789")
                if key not in _LISTS:
                    return None
                found = getattr(found, key)[int(step[len(key):]) - 1]
        except (IndexError, ValueError):
            return None
        return found if found.path == path else None

    def parent(self, statement: Statement) -> tuple[Statement | None, str]:
        """The statement whose list holds ``statement`` (None: the map's claims) and the
        list's key."""
        match = _PARENT.match(statement.path)
        if match is None:
            return None, "claims"
        return self.by_path(match.group(1)), match.group(2)

    def items(self, holder: Statement | None, key: str) -> tuple[Statement, ...]:
        """The items of ``holder``'s list ``key`` (the claims for None)."""
        return self.map.claims if holder is None else getattr(holder, key)

    # -- splices ----------------------------------------------------------------

    def insert(self, holder: Statement | None, key: str,
               make: Callable[[int, Layout], list[str]]) -> str:
        """The text with the lines ``make(dash, layout)`` appended to ``holder``'s list
        ``key`` (see :meth:`place`)."""
        return splice(self.text, *self.place(holder, key, make), "\n")

    def place(self, holder: Statement | None, key: str,
              make: Callable[[int, Layout], list[str]]) -> tuple[int, list[str]]:
        """Where the lines ``make(dash, layout)`` go to be the last item of ``holder``'s
        list ``key``, and the lines: with the key when it is new (it goes before the
        first later key in fmt's order, as :func:`argmap.edit.operations.insert_items`)."""
        items = self.items(holder, key)
        if items:
            return self.after(items[-1]), make(self.column(items[0]) - 2, _LAYOUT)
        assert holder is not None  # a canonical map has claims
        column = self.column(holder)
        lines = [" " * column + f"{key}:", *make(column + _LAYOUT.offset, _LAYOUT)]
        return self._key_position(holder, key), lines

    def _key_position(self, holder: Statement, key: str) -> int:
        rank = {k: i for i, k in enumerate(STATEMENT_ORDER)}
        mine = rank.get(key, len(rank))
        for number, (other, row) in enumerate(self.keys(holder)):
            if number and rank.get(other, len(rank)) > mine:
                return self.offset(row)
        return self.after(holder)

    def item_range(self, statement: Statement) -> tuple[int, int]:
        """The text of a list item: from its ``-`` line to the end of its content."""
        return self.offset(self.first(statement)), self.after(statement)

    def removal(self, statement: Statement) -> tuple[int, int]:
        """The text that removes an item, and its key when it is the list's only item."""
        start, end = self.item_range(statement)
        holder, key = self.parent(statement)
        if holder is None or len(self.items(holder, key)) > 1:
            return start, end
        row = dict(self.keys(holder))[key]
        if row == self.first(holder):
            raise EditError(f"`{key}` is the first key of its statement; run `argmap fmt` on "
                            "the file first")
        return self.offset(row), end

    def declare(self, edited: str, at: int, needed: str) -> str:
        """``edited`` (this text with lines spliced in at ``at``) declaring at least the
        format version ``needed``, as :func:`argmap.edit.linked.declare_linked_version`."""
        row = self.version_row
        if row is None or at_least(self.rows[row][3], needed):
            return edited
        start = self.offset(row) + len("argmap: ")
        if start >= at:
            start += len(edited) - len(self.text)
        return edited[:start] + needed + edited[start + len(self.rows[row][3]):]


# -- the edits ------------------------------------------------------------------

def add_statement(at: Lines, new: NewStatement, to: str | None, relation: str,
                  map_id: str | None) -> Edit:
    """:func:`argmap.edit.operations.add_statement_edit` on a canonical map."""
    def make(dash: int, layout: Layout) -> list[str]:
        return statement_lines(new, dash, layout)

    if to is None:
        if map_id is not None and map_id != at.explicit_id:
            raise EditError(f"no map '{map_id}' in this file", 2)
        return Edit(at.insert(None, "claims", make), "added a claim to")
    located = at.locate(to, map_id)
    article = "an" if relation == "undercut" else "a"
    return Edit(at.insert(located, relation, make),
                f"added {article} {relation} premise under {to} to")


def add_argument(at: Lines, premises: list[NewStatement], weight: int | None, to: str,
                 relation: str, map_id: str | None, argument_id: str | None,
                 scheme: str | None) -> Edit:
    """:func:`argmap.edit.operations.add_argument_edit` on a canonical map (a pro or con)."""
    located = at.locate(to, map_id)
    where, lines = at.place(located, relation, lambda dash, layout: argument_lines(
        premises, weight, dash, layout, argument_id, scheme))
    edited = splice(at.text, where, lines, "\n")
    return Edit(at.declare(edited, where, LINKED_VERSION),
                f"added a linked {relation} argument of {len(premises)} premises under {to} to")


def add_ref(at: Lines, target: str, to: str | None, relation: str | None,
            speech: str | None, weight: int | None, map_id: str | None) -> Edit:
    """:func:`argmap.edit.refs.add_ref_edit` on a canonical map."""
    written = at.locate(target, map_id)
    if written.id != target:
        raise EditError(f"--ref {target}: a ref names a statement by its id; give that "
                        f"statement an `id` first (argmap show --ids lists them)", 2)
    new = NewStatement("", weight=weight, speech=speech, ref=target)

    def make(dash: int, layout: Layout) -> list[str]:
        return statement_lines(new, dash, layout)

    if to is None:
        holder, key = at.parent(written)
        if holder is None:
            raise EditError(f"--ref {target}: it is a claim, so there is no list beside it to "
                            "repeat it in; say where with --to ADDRESS --as pro|con|undercut",
                            2)
        what = f"extended {target} in {speech}" if speech else f"repeated {target}"
        return Edit(at.insert(holder, key, make), f"{what}, beside it, in")
    if relation is None:
        raise EditError("--ref with --to needs --as pro, con or undercut: how the statement "
                        f"bears on {to}", 2)
    located = at.locate(to, map_id)
    return Edit(at.insert(located, relation, make),
                f"added a {relation} ref to {target} under {to} to")


def remove(at: Lines, address: str, map_id: str | None) -> Edit:
    """:func:`argmap.edit.operations.remove_edit` on a canonical map."""
    start, end = at.removal(at.locate(address, map_id))
    return Edit(at.text[:start] + at.text[end:], f"removed {address} from")


def move(at: Lines, address: str, to: str, relation: str | None,
         map_id: str | None) -> Edit:
    """:func:`argmap.edit.move.move_edit` on a canonical map."""
    located = at.locate(address, map_id)
    target = at.locate(to, map_id)
    done = f"moved {address} under {to} in"
    holder, key = at.parent(located)
    if holder is None and relation is None:
        raise EditError(f"{address} is a claim: moving it under a statement needs --pro, "
                        "--con or --undercut")
    relation = relation or key
    if target is holder and relation == key and len(at.items(holder, key)) == 1:
        return Edit(at.text, done)  # the only item of the list it would be moved to the end of
    start, end = at.item_range(located)
    if start <= at.offset(at.first(target)) + at.column(target) < end:
        raise EditError(f"cannot move {address} under itself or what lies below it")
    block = at.text[start:end]
    old_dash = at.column(located) - 2
    cut_start, cut_end = at.removal(located)
    inserted = at.insert(target, relation,
                         lambda dash, layout: shift(block, dash - old_dash))
    return Edit(cut_moved(at.text, inserted, cut_start, cut_end), done)


def takes(to: str | None, relation: str | None) -> bool:
    """Whether this path makes an edit adding under ``relation`` (``to`` None: a claim):
    the lists a canonical statement has; anything else goes the composed way."""
    return to is None or relation is None or relation in _LISTS
