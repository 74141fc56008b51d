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
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

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
#: ASCII characters libyaml refuses or reads as line breaks (besides ``\n``).
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f]")
#: Characters that cannot start a plain scalar, or start one that needs care.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
#: First characters whose plain scalars the implicit resolvers may read as something
#: other than text (argmap.readers.yaml.load's table; the test pins it); words below.
_RESOLVED_FIRST = frozenset("!&*+-.0123456789<=FNTfnt~")
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


class _NotCanonical(Exception):
    """Something this reader does not know: the full reader reads the file."""


def read_canonical(text: str, file: str, default_id: str,
                   implicit: Callable[[str], str]) -> ArgumentMap | None:
    """The one map of ``text`` if it is in the canonical layout and has nothing to report.

    ``implicit`` resolves a plain scalar's tag as the full loader does (called only for
    values that start like a number or another non-text). None means: use the full
    reader, which gives the same map (and every diagnostic) for anything this accepts.
    """
    if "#" in text or "\t" in text or "\r" in text or not _printable(text):
        return None
    rows = _LINES.findall(text)
    # one match per line (none after the last line break): else not canonical
    if len(rows) != text.count("\n") + (not text.endswith("\n")):
        return None
    try:
        return _Reader(rows, file, implicit).document(default_id)
    except (_NotCanonical, IndexError):
        return None


def _printable(text: str) -> bool:
    """Whether every line is printable (libyaml reads all of it as text, editors agree)."""
    if text.isascii():
        return _CONTROL.search(text) is None
    return text.replace("\n", " ").isprintable()


#: A line as :data:`_LINES` splits it: (indent, dash, key, value, anything else).
Row = tuple[str, str, str, str, str]


class _Reader:
    def __init__(self, rows: list[Row], file: str, implicit: Callable[[str], str]) -> None:
        self.rows = rows
        self.count = len(rows)
        self.file = file
        self.implicit = implicit
        self.at = 0

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
        if first not in _RESOLVED_FIRST:
            return True
        if first in "FNTfnt":
            return value not in _WORDS
        return self.implicit(value) == "tag:yaml.org,2002:str"

    def text(self, value: str) -> str:
        """A one-line plain text the builder takes as it is (else: not canonical)."""
        if (not value or value[0] in _INDICATORS or ": " in value or value[-1] == ":"
                or value.lower() in _YAML11_BOOLS or not self.is_text(value)):
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
            if not item or item[0] in _INDICATORS or item[-1] == " " or any(
                    c in item for c in ",[]{}:"):
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
            number = self.at
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
        """One statement whose keys stand at ``column`` (the first after its dash)."""
        start = self.at
        seen: set[str] = set()
        text = statement_id = id_span = by = note = weight = None
        pro: tuple[Statement, ...] = ()
        con: tuple[Statement, ...] = ()
        undercut: tuple[Statement, ...] = ()
        cites: tuple[Citation, ...] = ()
        tags: tuple[str, ...] = ()
        first = True  # the line with the dash, which statements() has checked
        while (row := self.next_row()) is not None:
            indent_text, dash, key, value, _ = row
            if first:
                first = False
            elif len(indent_text) != column or dash:
                if len(indent_text) < column:
                    break
                raise _NotCanonical
            if key in seen:
                raise _NotCanonical
            seen.add(key)
            number = self.at
            self.at = number + 1
            if key == "text":
                text = self.text(value)
            elif key in _LISTS and not value:
                kind, step = _LISTS[key]
                items = self.statements(column + 2, kind, path + step, depth + 1)
                if key == "pro":
                    pro = items
                elif key == "con":
                    con = items
                else:
                    undercut = items
            elif key == "cites":
                offset = column + 7  # len("cites: ")
                cites = tuple(Citation(self.slug(item), Span(self.file, number + 1,
                                                             offset + at + 1))
                              for item, at in self.flow(value))
            elif key == "id":
                statement_id = self.slug(value, statement=True)
                id_span = self.span(number, column + 4)  # len("id: ")
            elif key == "by":
                by = self.text(value)
            elif key == "note":
                note = self.text(value)
            elif key == "tags":
                tags = self.texts(value, number, column + 6)
            elif key == "weight" and len(value) == 1 and value in "12345":
                weight = int(value)
            else:
                raise _NotCanonical
        if text is None:
            raise _NotCanonical
        return Statement(path, relation, Span(self.file, start + 1, column + 1), text,
                         statement_id, id_span, None, pro, con, undercut, cites, by, tags,
                         note, weight)

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
