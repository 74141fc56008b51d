"""A fast path for maps in the canonical layout: the model straight from the lines.

Composing a big map's YAML is most of what ``check`` costs (at 100,000
statements, libyaml creates some 800,000 node and mark objects through Python
before the builder reads them; benchmarks/README.md). A map in the layout
``fmt`` writes (keys at two spaces per level, list items ``- `` two spaces under
their key, one-line plain texts, ``[a, b]`` lists of ids) says everything it
holds line by line, so this reader matches one regular expression per line and
builds the records directly.

It reads only what it is sure of: any line, key or value it does not recognise
(a comment, quotes, a block scalar, an anchor, a key it does not know, a value
the builder would refuse or warn about, another document ...) makes
:func:`read_canonical` return None, and the loader reads the file with libyaml
and the full builder instead. So a key another format version adds is read by
the builder until this module learns it, and every diagnostic comes from the
full reader: a file this module accepts has none. ``tests/test_fast_reader.py``
pins it to the full reader (same maps, same spans) on generated maps, on every
fixture and on mutations of them.

The edit commands splice such a text at the positions this reader saw
(:class:`CanonicalLines`: its rows, where each top-level key and each statement
is), so an edit of a canonical map composes no YAML either (argmap.edit.canonical).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from argmap.model import (
    FORMAT_VERSION,
    SLUG_RE,
    ArgumentMap,
    Citation,
    Relation,
    Source,
    Span,
    Statement,
)

#: Every line of the text, one match each: indent, an optional item dash, a key and an
#: optional value (no trailing space); or, in the last group, a line of anything else.
_LINES = re.compile(r"^( *)(?:(- )?([a-z0-9][a-z0-9_.\-]*):(?: ([^ \n](?:[^\n]*[^ \n])?))?"
                    r"|([^\n]+))$", re.MULTILINE)
#: A single-quoted scalar on one line ('' is a quote), and a double-quoted one without
#: escapes (a backslash sends the file to the full reader).
_SINGLE_QUOTED = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE_QUOTED = re.compile(r'"([^"\\]*)"')
#: ASCII characters libyaml refuses or reads as line breaks (besides ``\n``).
_CONTROL_BYTES = bytes([*range(0x0a), *range(0x0b, 0x20), 0x7f])
#: Characters that end a plain scalar inside ``[a, b]`` (or make it a mapping).
_FLOW_ENDS = frozenset(",[]{}:")
#: Characters that cannot start a plain scalar, or start one that needs care.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
#: First characters whose plain scalars the implicit resolvers may read as something
#: other than text (argmap.readers.yaml.load's table; the test pins it); words below.
RESOLVED_FIRST = frozenset("!&*+-.0123456789<=FNTfnt~")
#: first characters after which text() has more to check
_SPECIAL_FIRST = _INDICATORS | RESOLVED_FIRST
_WORDS = frozenset(("true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"))
#: Plain texts the builder refuses: YAML 1.1 reads them as booleans (lower-cased).
_YAML11_BOOLS = frozenset(("yes", "no", "on", "off", "y", "n"))
_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_PATH_LIKE = re.compile(r"c[1-9][0-9]*(?:\.(?:pro|con|undercut)[1-9][0-9]*|\.[1-9][0-9]*)*\Z")
#: Deeper statements go to the full reader, which refuses them past build.MAX_DEPTH.
_MAX_DEPTH = 100
_LISTS = {"pro": (Relation.PRO, ".pro"), "con": (Relation.CON, ".con"),
          "undercut": (Relation.UNDERCUT, ".undercut")}
_TEXT_KEYS = frozenset(("by", "note"))
_SOURCE_TEXT_KEYS = frozenset(("title", "publisher", "kind", "note"))


#: The fields of a statement this reader fills, in order; every later field keeps its
#: default (so a field added to the model is filled as the builder fills it: not at all,
#: until both readers learn it).
_FILLED = ("path", "relation", "span", "text", "id", "id_span", "ref", "pro", "con",
           "undercut", "cites", "by", "tags", "note", "weight")
assert Statement._fields[:len(_FILLED)] == _FILLED, "the model's Statement fields moved"
_STATEMENT_DEFAULTS = tuple(Statement._field_defaults[name]
                            for name in Statement._fields[len(_FILLED):])
assert Citation._fields == ("source", "span", "quote", "locator")


class _NotCanonical(Exception):
    """Something this reader does not know: the full reader reads the file."""


#: A line as :data:`_LINES` splits it: (indent, dash, key, value, anything else).
Row = tuple[str, str, str, str, str]


@dataclass
class CanonicalLines:
    """Where things stand in a text :func:`read_canonical` read: what an edit splices at.

    Pass one to :func:`read_canonical` (or the loader's ``load_text``) to have it
    filled; ``map`` is set only when the reader read the whole text. Rows are 0-based
    line numbers; a statement's lines are ``span.line - 1`` up to ``ends[path]``.
    """

    text: str = ""
    #: every line of the text, as :data:`_LINES` split it (a blank line is all "")
    rows: list[Row] = field(default_factory=list)
    #: each top-level key's row, in file order
    keys: dict[str, int] = field(default_factory=dict)
    #: statement path -> the row after its last line (blank lines after it included)
    ends: dict[str, int] = field(default_factory=dict)
    #: the map read, when the reader took the whole text
    map: ArgumentMap | None = None


def read_canonical(text: str, file: str, default_id: str, implicit: Callable[[str], str],
                   lines: CanonicalLines | None = None,
                   like: CanonicalLines | None = None) -> ArgumentMap | None:
    """The one map of ``text`` if it is in the canonical layout and has nothing to report.

    ``implicit`` resolves a plain scalar's tag as the full loader does (called only for
    values that start like a number or another non-text). None means: use the full
    reader, which gives the same map (and every diagnostic) for anything this accepts.
    ``lines``, when given, is filled with where everything stands (for an edit);
    ``like``, the lines of a text this one was edited from: the lines they share are
    not matched again.
    """
    if "#" in text or "\t" in text or "\r" in text:
        return None
    if like is None or like.map is None:
        rows, changed = _LINES.findall(text), text
    else:  # the lines it shares with ``like`` were printable there, and matched
        rows, changed = _edited_rows(text, like)
    if not _printable(changed):
        return None
    # one match per line (none after the last line break): else not canonical
    if len(rows) != text.count("\n") + (not text.endswith("\n")):
        return None
    reader = _Reader(rows, file, implicit, None if lines is None else {})
    try:
        found = reader.document(default_id)
    except (_NotCanonical, IndexError):
        return None
    if lines is not None and reader.ends is not None:
        lines.text, lines.rows, lines.keys, lines.ends = text, rows, reader.keys, reader.ends
        lines.map = found
    return found


def _edited_rows(text: str, like: CanonicalLines) -> tuple[list[Row], str]:
    """What :data:`_LINES` finds in ``text``, taking the rows of the leading and trailing
    lines it shares with ``like.text`` from ``like`` (a match is the line's alone); and
    the text of the lines between, which it matched."""
    old, new = like.text.split("\n"), text.split("\n")
    if like.text.endswith("\n"):
        old.pop()  # no row after the last line break
    if text.endswith("\n"):
        new.pop()
    head = common_prefix(old, new)
    tail = common_prefix(old[:head - 1:-1], new[:head - 1:-1]) if head else common_prefix(
        old[::-1], new[::-1])
    changed = "\n".join(new[head:len(new) - tail])
    return like.rows[:head] + _LINES.findall(changed) + like.rows[len(old) - tail:], changed


S = TypeVar("S", str, list[str])


def common_prefix(a: S, b: S) -> int:
    """How long the prefix two texts (or lists of lines) share is.

    Windows twice as long each time while they agree, then a binary search in the
    first that does not: the slices compared add up to about twice the prefix, not
    the whole text at every step of a plain binary search.
    """
    end = min(len(a), len(b))
    low, step = 0, 256
    while low < end and a[low:low + step] == b[low:low + step]:
        low, step = low + step, step * 2
    high = min(low + step, end)
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return min(low, end)


def _printable(text: str) -> bool:
    """Whether every line is printable (libyaml reads all of it as text, editors agree)."""
    if text.isascii():  # deleting the control bytes changes nothing: 3x a regex search
        data = text.encode("ascii")
        return len(data.translate(None, _CONTROL_BYTES)) == len(data)
    return text.replace("\n", " ").isprintable()


class _Reader:
    def __init__(self, rows: list[Row], file: str, implicit: Callable[[str], str],
                 ends: dict[str, int] | None = None) -> None:
        self.rows = rows
        self.count = len(rows)
        self.file = file
        self.implicit = implicit
        self.at = 0
        #: where each top-level key is, and (when an edit asks) where each statement ends
        self.keys: dict[str, int] = {}
        self.ends = ends
        #: each ``cites`` value read so far -> its source ids and their offsets
        self.cited: dict[str, list[tuple[str, int]]] = {}

    def next_row(self) -> Row | None:
        """The next line that is not blank (after raising for one this reader cannot read)."""
        rows, at = self.rows, self.at
        while at < self.count:
            row = rows[at]
            if row[2]:
                self.at = at
                return row
            if row[4]:
                raise _NotCanonical
            at += 1
        self.at = at
        return None

    # -- values: "" is a key without a value on its line ----------------------

    def is_text(self, value: str) -> bool:
        """Whether a plain scalar resolves to a string, as the loader's resolver says."""
        first = value[0]
        if first not in RESOLVED_FIRST:
            return True
        if first in "FNTfnt":
            return value not in _WORDS
        return self.implicit(value) == "tag:yaml.org,2002:str"

    def text(self, value: str) -> str:
        """A one-line text the builder takes: plain, or quoted without escapes (a quoted
        scalar is text whatever it says, and the builder strips it); else not canonical."""
        if value[:1] in ("'", '"'):
            match = (_SINGLE_QUOTED if value[0] == "'" else _DOUBLE_QUOTED).fullmatch(value)
            text = "" if match is None else match.group(1).replace("''", "'").strip()
            if not text:
                raise _NotCanonical
            return text
        if (not value or value[0] in _INDICATORS or ": " in value or value[-1] == ":"
                or (len(value) <= 3 and value.lower() in _YAML11_BOOLS)
                or (value[0] in RESOLVED_FIRST and not self.is_text(value))):
            raise _NotCanonical
        return value

    def slug(self, value: str, statement: bool = False) -> str:
        """An id the builder accepts (a statement's must not look like a derived path)."""
        if (not SLUG_RE.match(value) or not self.is_text(value)
                or (statement and _PATH_LIKE.match(value))):
            raise _NotCanonical
        return value

    def flow(self, value: str) -> list[tuple[str, int]]:
        """The items of ``[a, b]`` with their offsets in the value (``[]``: none)."""
        if not value or value[0] != "[" or value[-1] != "]":
            raise _NotCanonical
        inner = value[1:-1]
        if not inner:
            return []
        items, offset = [], 1
        for item in inner.split(", "):
            if (not item or item[0] in _INDICATORS or item[-1] == " "
                    or not _FLOW_ENDS.isdisjoint(item)):
                raise _NotCanonical
            items.append((item, offset))
            offset += len(item) + 2
        return items

    def texts(self, value: str, line: int, column: int) -> tuple[str, ...]:
        """A ``[a, b]`` list of texts starting at ``column``."""
        return tuple(self.text(item) for item, _ in self.flow(value))

    def date(self, value: str) -> str:
        """A date the builder accepts (YYYY, YYYY-MM or YYYY-MM-DD, on the calendar)."""
        match = _DATE_RE.match(value)
        if match is None:
            raise _NotCanonical
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            raise _NotCanonical from None
        return value

    def span(self, line: int, column: int) -> Span:
        """The 1-based span of a 0-based line and column."""
        return Span(self.file, line + 1, column + 1)

    # -- the map -----------------------------------------------------------

    def document(self, default_id: str) -> ArgumentMap:
        """The map: its keys stand at column 0, each once."""
        if self.next_row() is None:
            raise _NotCanonical
        span = self.span(self.at, 0)
        seen: set[str] = set()
        version = FORMAT_VERSION
        map_id = question = context = None
        tags: tuple[str, ...] = ()
        claims: tuple[Statement, ...] = ()
        sources: dict[str, Source] = {}
        while (row := self.next_row()) is not None:
            indent, dash, key, value, _ = row
            if indent or dash or key in seen:
                raise _NotCanonical
            seen.add(key)
            number = self.keys[key] = self.at
            self.at += 1
            if key == "claims" and not value:
                claims = self.statements(2, Relation.CLAIM, "c", 1)
            elif key == "question":
                question = self.text(value)
            elif key == "argmap" and value in ("1", "1.1", "1.2"):
                version = value
            elif key == "id":
                map_id = self.slug(value)
            elif key == "context":
                context = self.text(value)
            elif key == "tags":
                tags = self.texts(value, number, 6)
            elif key == "sources" and not value:
                sources = self.sources()
            else:
                raise _NotCanonical
        if question is None or not claims:
            raise _NotCanonical
        return ArgumentMap(map_id or default_id, question, span, claims, context, tags,
                           sources, version)

    def statements(self, column: int, relation: Relation, prefix: str,
                   depth: int) -> tuple[Statement, ...]:
        """The items of a list whose dashes stand at ``column``; at least one."""
        if depth > _MAX_DEPTH:
            raise _NotCanonical
        built = []
        index = 0
        while (row := self.next_row()) is not None:
            indent = len(row[0])
            if indent < column:
                break
            if indent != column or not row[1]:
                raise _NotCanonical
            index += 1
            built.append(self.statement(column + 2, relation, f"{prefix}{index}", depth))
        if not built:
            raise _NotCanonical
        return tuple(built)

    def statement(self, column: int, relation: Relation, path: str,
                  depth: int) -> Statement:
        """One statement whose keys stand at ``column`` (the first after its dash).

        The hot loop: one pass over the rows with the next-row lookup inlined, each key's
        variable standing for "seen", and the records made with ``tuple.__new__``
        (a NamedTuple's own ``__new__`` is a Python function).
        """
        rows, count, file, new = self.rows, self.count, self.file, tuple.__new__
        cited = self.cited
        start = at = self.at
        text = statement_id = id_span = by = note = weight = None
        pro: tuple[Statement, ...] | None = None
        con: tuple[Statement, ...] | None = None
        undercut: tuple[Statement, ...] | None = None
        cites: tuple[Citation, ...] | None = None
        tags: tuple[str, ...] | None = None
        indent = " " * column
        while at < count:
            indent_text, dash, key, value, other = rows[at]
            if not key:  # a blank line, or one this reader does not know
                if other:
                    raise _NotCanonical
                at += 1
                continue
            if at != start and (indent_text != indent or dash):
                if len(indent_text) < column:
                    break
                raise _NotCanonical
            if key == "text" and text is None:
                # text() inlined for the usual text: no special first character, no `: `
                text = value if (len(value) > 3 and value[0] not in _SPECIAL_FIRST
                                 and value[-1] != ":" and ": " not in value) else (
                    self.text(value))
                at += 1
            elif key in _LISTS and not value:
                self.at = at + 1
                kind, step = _LISTS[key]
                items = self.statements(column + 2, kind, path + step, depth + 1)
                at = self.at
                if key == "pro" and pro is None:
                    pro = items
                elif key == "con" and con is None:
                    con = items
                elif key == "undercut" and undercut is None:
                    undercut = items
                else:
                    raise _NotCanonical
            elif key == "cites" and cites is None:
                offset = column + 8  # len("cites: ") + 1
                line = at + 1
                ids = cited.get(value)
                if ids is None:  # a list not seen yet (most maps cite a few sources often)
                    ids = cited[value] = [(self.slug(item), i) for item, i in self.flow(value)]
                cites = tuple([new(Citation, (item, new(Span, (file, line, offset + i)),
                                              None, None)) for item, i in ids])
                at += 1
            elif key == "id" and statement_id is None:
                statement_id = self.slug(value, statement=True)
                id_span = new(Span, (file, at + 1, column + 5))  # len("id: ") + 1
                at += 1
            elif key == "by" and by is None:
                by = self.text(value)
                at += 1
            elif key == "note" and note is None:
                note = self.text(value)
                at += 1
            elif key == "tags" and tags is None:
                tags = self.texts(value, at, column + 6)
                at += 1
            elif key == "weight" and weight is None and len(value) == 1 and value in "12345":
                weight = int(value)
                at += 1
            else:
                raise _NotCanonical
        self.at = at
        if text is None:
            raise _NotCanonical
        if self.ends is not None:
            self.ends[path] = at
        return new(Statement, (path, relation, new(Span, (file, start + 1, column + 1)), text,
                               statement_id, id_span, None, pro or (), con or (),
                               undercut or (), cites or (), by, tags or (), note, weight,
                               *_STATEMENT_DEFAULTS))

    def sources(self) -> dict[str, Source]:
        """The ``sources`` mapping: ids at two spaces, their keys at four."""
        found: dict[str, Source] = {}
        while (row := self.next_row()) is not None:
            indent, dash, key, value, _ = row
            if not indent:
                break
            if indent != "  " or dash or value or key in found:
                raise _NotCanonical
            span = self.span(self.at, 2)
            source_id = self.slug(key)
            self.at += 1
            found[source_id] = self.source(source_id, span)
        if not found:
            raise _NotCanonical
        return found

    def source(self, source_id: str, span: Span) -> Source:
        """One source: its keys at four spaces, each once; `title` among them."""
        fields: dict[str, object] = {}
        while (row := self.next_row()) is not None:
            indent, dash, key, value, _ = row
            if len(indent) < 4:
                break
            if indent != "    " or dash or key in fields:
                raise _NotCanonical
            number = self.at
            self.at += 1
            if key in _SOURCE_TEXT_KEYS:
                fields[key] = self.text(value)
            elif key in ("date", "accessed"):
                fields[key] = self.date(value)
            elif key == "url":
                from argmap.readers.urls import url_problem

                if url_problem(self.text(value)) is not None:
                    raise _NotCanonical
                fields[key] = value
            elif key == "author":
                fields[key] = (self.texts(value, number, 12) if value[:1] == "["
                               else (self.text(value),))
            else:
                raise _NotCanonical
        if "title" not in fields:
            raise _NotCanonical
        return Source(source_id, span=span, **fields)  # type: ignore[arg-type]


def is_formatted(text: str, implicit: Callable[[str], str],
                 plain_ok: Callable[..., bool], orders: dict[str, tuple[str, ...]],
                 width: int) -> bool:
    """Whether ``fmt`` would leave ``text`` as it is, judged from its lines alone.

    Only for a text :func:`read_canonical` reads (so: no comment, no quote, every line
    a key): no blank line, one line break at the end, the keys of each mapping in
    ``orders`` (``fmt``'s ORDERS), every text one ``plain_ok`` keeps plain, every
    ``[a, b]`` list within ``width`` columns. ``tests/test_fast_reader.py`` pins it to
    ``fmt``: whenever this says yes, formatting changes nothing.
    """
    if not text.endswith("\n") or text.endswith("\n\n"):
        return False
    rows = _LINES.findall(text)
    ranks = {kind: {key: i for i, key in enumerate(order)} for kind, order in orders.items()}
    last: dict[int, int] = {}  # column -> rank of the last key of the mapping open there
    in_sources = False
    for indent_text, dash, key, value, _ in rows:
        if not key:
            return False  # a blank line
        indent = len(indent_text)
        column = indent + 2 if dash else indent
        if column == 0:
            in_sources = key == "sources"
        kind = ("map" if column == 0 else "source" if in_sources and column == 4 else
                "sources" if in_sources else "statement")
        for deeper in [c for c in last if c > column]:
            del last[deeper]
        rank = ranks.get(kind, {}).get(key, len(ranks.get(kind, ())))
        if not dash and column in last and kind in ranks and rank < last[column]:
            return False
        last[column] = rank
        if kind == "sources" and not plain_ok(key):
            return False
        if not value:
            continue
        if value[0] in "'\"":
            return False  # fmt may quote it otherwise: let it format to find out
        if value[0] == "[":
            if len(indent_text) + len(dash) + len(key) + 2 + len(value) > width or not all(
                    implicit(item) != "tag:yaml.org,2002:str" or plain_ok(item, flow=True)
                    for item in value[1:-1].split(", ") if item):
                return False
        elif implicit(value) == "tag:yaml.org,2002:str" and not plain_ok(value):
            return False
    return True
