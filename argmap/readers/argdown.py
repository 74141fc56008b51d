"""Argdown (``.argdown``): a native reader for the common part of the syntax.

What it reads:

- statements ``[Title]: text`` and arguments ``<Title>: text`` (an
  argument is read as a statement: its description is its text), bare
  ``[Title]``/``<Title>`` references, and untitled text lines;
- relations at any indentation, to the nearest less-indented element above:
  ``+``/``<+`` support, ``-``/``<-`` attack, ``_``/``<_`` undercut (the child
  bears on the parent), ``+>`` ``->`` ``_>`` (the parent bears on the child),
  ``><`` contradiction (a ``con`` both ways: one of them a ``ref``);
- premise–conclusion structures: ``(1) …`` lines, inference lines ``----``
  or ``-- rule --``: the premises above an inference line support the
  conclusion below it; several premises are a linked argument, imported as
  separate premises and counted, and named rules are counted as left out;
- headings (the first is the question unless the frontmatter between
  ``===`` lines has ``title:``), ``#tags`` and ``#(long tags)``, backslash
  escapes, hard-wrapped lines (an indented line that is no element continues
  the text above), ``//`` and ``/* */`` comments, and argmap's own data
  blocks ``{"by": …}``.

Support is ``pro``, attack ``con``, undercut ``undercut`` (of the steps from
the undercut argument to what it supports). Titles become ids. Not read
(yet): Argdown's ``@`` mentions and ``{…}`` data other than argmap's ``by``,
group headings as map structure, and the ``isInMap``/selection settings.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import PurePath

from argmap.build import slugify
from argmap.diagnostics import error
from argmap.model import Relation, Span
from argmap.readers import ReadResult
from argmap.readers.draft import DEdge, DNode, Draft, assemble

LINKED = "linked arguments (several premises) imported as separate premises"
RULES = "inference rules"
CODE = "argdown-syntax"
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/|<!--.*?-->", re.DOTALL)
_LINE_COMMENT = re.compile(r"(?:^|(?<=\s))//.*$", re.MULTILINE)
_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]+(.*)\Z")
_ELEMENT = re.compile(r"(\[|<)((?:\\.|[^\]>\\])+)[\]>](?::[ \t]*(.*))?\Z")
_PCS = re.compile(r"\(([0-9]+)\)[ \t]*(.*)\Z")
_INFERENCE = re.compile(r"--+[ \t]*(.*?)[ \t]*-*\Z")
_TAG = re.compile(r"(?:^|(?<=\s))#(?:\(([^)]*)\)|([\w-]+))")
_DATA = re.compile(r"[ \t]*(\{.*\})[ \t]*\Z")
_ESCAPE = re.compile(r"\\(.)")
_MARKS = {"+": (Relation.PRO, False), "<+": (Relation.PRO, False),
          "-": (Relation.CON, False), "<-": (Relation.CON, False),
          "_": (Relation.UNDERCUT, False), "<_": (Relation.UNDERCUT, False),
          "+>": (Relation.PRO, True), "->": (Relation.CON, True),
          "_>": (Relation.UNDERCUT, True)}


class _Reader:
    def __init__(self, file: str, result: ReadResult) -> None:
        self.file, self.result = file, result
        stem = PurePath(file).stem
        self.draft = Draft(file, slugify(stem), stem, Span(file, 1, 1))
        self.texts: dict[str, str] = {}
        self.anonymous = 0
        #: (indent, node key) of the elements a relation may hang from
        self.stack: list[tuple[int, str]] = []
        self.last: str | None = None  # the element a hard-wrapped line continues
        self.undercuts: list[tuple[str, str]] = []  # (undercutter, undercut argument)
        self.pcs: list[str] = []  # premises since the last inference line
        self.pending: list[str] | None = None  # premises waiting for their conclusion

    def node(self, bracket: str, title: str | None, text: str, span: Span) -> str:
        """The key of the element; its text and tags the first time it has text."""
        if title is None:
            self.anonymous += 1
            key = f"#{self.anonymous}"
        else:
            key = bracket + unescape(title).strip()
        body, tags, by = _parts(text, self.draft.dropped)
        old = self.draft.nodes.get(key)
        if old is None or (not old.text and body):
            self.draft.nodes[key] = DNode(key, body, old.span if old and old.text else span,
                                          title=None if title is None else key[1:], by=by,
                                          tags=tags)
        return key

    def edge(self, premise: str, target: str, relation: Relation) -> None:
        if relation is Relation.UNDERCUT:
            self.undercuts.append((premise, target))
        else:
            self.draft.edges.append(DEdge(premise, target, relation))


def unescape(text: str) -> str:
    """Argdown's backslash escapes removed."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _parts(text: str, dropped: Counter[str] | None = None,
           ) -> tuple[str, tuple[str, ...], str | None]:
    """Text, its #tags and argmap's ``by`` from a data block (other data is counted)."""
    by = None
    data = _DATA.search(text)
    if data is not None:
        try:
            value = json.loads(data.group(1))
        except (ValueError, RecursionError):
            value = None
        if isinstance(value, dict):
            text = text[:data.start()]
            by = value.get("by") if isinstance(value.get("by"), str) else None
            for name in value:
                if name != "by" and dropped is not None:
                    dropped[f"data '{name}'"] += 1
    tags = tuple(t[0] or t[1] for t in _TAG.findall(text))
    if tags:
        text = _TAG.sub("", text)
    return " ".join(unescape(text).split()), tags, by


def read(text: str, file: str) -> ReadResult:
    """Read one Argdown document (see the module docstring)."""
    result = ReadResult()
    reader = _Reader(file, result)
    text = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    text = _LINE_COMMENT.sub("", text)
    lines = [line.rstrip("\r") for line in text.split("\n")]
    start = _frontmatter(lines, reader)
    for index in range(start, len(lines)):
        _line(reader, lines[index], index + 1)
    _finish(reader)
    if not reader.draft.nodes:
        result.diagnostics.append(error(CODE, "no statements or arguments found: write them "
                                        "as '[Title]: text' or '<Title>: text'",
                                        Span(file, 1, 1)))
        return result
    for key, node in list(reader.draft.nodes.items()):
        if not node.text:  # only ever referenced: its title is all the text it has
            reader.draft.nodes[key] = node._replace(text=node.title or key)
    if reader.draft.question == PurePath(file).stem:
        result.notes.append(f"The source has no title or heading: the question is the file "
                            f"name, {reader.draft.question!r}; edit it")
    result.maps.append(assemble(reader.draft))
    result.dropped.update(reader.draft.dropped)
    return result


def _frontmatter(lines: list[str], reader: _Reader) -> int:
    """Read ``title:`` from a frontmatter block; the index of the first line after it."""
    if not lines or lines[0].strip() != "===":
        return 0
    for index in range(1, len(lines)):
        line = lines[index].strip()
        if line == "===":
            return index + 1
        if line.startswith("title:") and line[6:].strip():
            reader.draft.question = line[6:].strip().strip("'\"")
            reader.question_set = True  # type: ignore[attr-defined]
    return 0


def _line(reader: _Reader, line: str, number: int) -> None:
    stripped = line.strip()
    indent = len(line) - len(line.lstrip())
    span = Span(reader.file, number, indent + 1)
    if not stripped:
        reader.last = None
        return
    if stripped.startswith("#") and not indent and re.match(r"#+\s", stripped):
        if not getattr(reader, "question_set", False):
            reader.draft.question = " ".join(unescape(stripped.lstrip("#")).split())
            reader.question_set = True  # type: ignore[attr-defined]
        reader.stack, reader.last = [], None
        return
    pcs = _PCS.match(stripped)
    if pcs is not None:
        key = _element(reader, pcs.group(2), span)
        if reader.pending is not None:
            for premise in reader.pending:
                reader.edge(premise, key, Relation.PRO)
            if len(reader.pending) > 1:
                reader.draft.dropped[LINKED] += 1
            reader.pending = None
        reader.pcs.append(key)
        reader.last = key
        return
    inference = _INFERENCE.fullmatch(stripped)
    if inference is not None and reader.pcs:
        if inference.group(1).strip("- "):
            reader.draft.dropped[RULES] += 1
        reader.pending, reader.pcs = reader.pcs, []
        return
    relation = _RELATION.match(stripped)
    if relation is None:
        if reader.last is not None and indent > 0 and not _ELEMENT.match(stripped):
            node = reader.draft.nodes[reader.last]  # a hard-wrapped line continues it
            body, tags, _ = _parts(stripped)
            reader.draft.nodes[reader.last] = node._replace(
                text=f"{node.text} {body}".strip(), tags=node.tags + tags)
            return
        reader.pcs, reader.pending = [], None
        key = _element(reader, stripped, span)
        reader.stack = [(indent, key)]
        reader.last = key
        return
    mark, rest = relation.groups()
    while reader.stack and reader.stack[-1][0] >= indent:
        reader.stack.pop()
    key = _element(reader, rest, span)
    if not reader.stack:
        reader.result.diagnostics.append(error(
            CODE, f"relation '{mark}' has nothing above it to relate to", span))
    else:
        parent = reader.stack[-1][1]
        if mark == "><":
            reader.edge(key, parent, Relation.CON)
            reader.edge(parent, key, Relation.CON)
        else:
            rel, outgoing = _MARKS[mark]
            if outgoing:
                reader.edge(parent, key, rel)
            else:
                reader.edge(key, parent, rel)
    reader.stack.append((indent, key))
    reader.last = key


def _element(reader: _Reader, text: str, span: Span) -> str:
    found = _ELEMENT.match(text)
    if found is None:
        return reader.node("[", None, text, span)
    bracket, title, body = found.groups()
    return reader.node(bracket, title, body or "", span)


def _finish(reader: _Reader) -> None:
    """Undercuts: of every step from the undercut argument to what it supports."""
    draft = reader.draft
    for undercutter, argument in reader.undercuts:
        steps = [i for i, e in enumerate(draft.edges)
                 if e.premise == argument and not isinstance(e.target, int)]
        if not steps:
            draft.dropped["undercuts of an argument that supports nothing, read as con"] += 1
            draft.edges.append(DEdge(undercutter, argument, Relation.CON))
        for step in steps:
            draft.edges.append(DEdge(undercutter, step, Relation.UNDERCUT))
