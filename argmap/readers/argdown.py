"""Argdown (``.argdown``): a native reader for the common part of the syntax.

What it reads (docs/imports.md has the whole mapping and what is counted):

- statements ``[Title]: text`` and arguments ``<Title>: text`` (an
  argument without a premise–conclusion structure is read as a statement:
  its description is its text), bare ``[Title]``/``<Title>`` references (with
  ``#tags`` after them), untitled text lines and list items (``*``, ``1.``);
  a title defined twice has its last definition's text, Argdown's canonical
  member, unless one says ``isCanonical: true``;
- relations at any indentation, to the element above at a lesser level, the
  levels counted as Argdown's lexer counts them:
  ``+``/``<+`` support, ``-``/``<-`` attack, ``_``/``<_`` undercut (the child
  bears on the parent), ``+>`` ``->`` ``_>`` (the parent bears on the child),
  ``><`` contradiction (a ``con`` both ways: one of them a ``ref``);
- premise–conclusion structures: ``(1) …`` lines, inference lines ``----``
  or ``-- rule --``: the premises above an inference line support the
  conclusion below it; several premises are one linked argument (format
  1.1), whose id is the argument's title (of its last inference) and whose
  ``note`` and ``tags`` are the argument's description and its tags, as the
  Argdown CLI reads a described argument with a structure as one argument
  (with one premise, the premise is a statement of its own: the description
  is counted as left out, and so is ``by``); an
  undercut of a reconstructed argument attacks that last inference, as in
  the Argdown CLI; other relations of the argument are its conclusion's, but
  a conclusion with no text and the argument's title that passes one
  relation on stands for the argument (argmap's export writes a linked
  ``con`` so); named rules are counted as left out;
- frontmatter and headings (:mod:`argmap.readers.argdown_sections`: the
  question, sections as tags, prose paragraphs as the map's context),
  ``#tags`` and ``#(long tags)``, links (a source the statement cites),
  backslash escapes, hard-wrapped lines (an indented line that is no element
  continues the text above), ``//`` and ``/* */`` comments, and argmap's own
  data blocks ``{"by": …}`` (and ``{"weight": …}`` on a linked argument's title).

Support is ``pro``, attack ``con``, undercut ``undercut`` (of the steps from
the undercut argument to what it supports). Titles become ids. What the
Argdown CLI rejects (an argument where only a statement may stand, text
where a conclusion must follow an inference line) is an error at the CLI's
line and column, and no map. Not read (yet): Argdown's ``@`` mentions
(kept as text), ``{…}`` data other than argmap's own, and the
``isInMap``/selection settings.
"""

from __future__ import annotations

import re
from collections import Counter

from argmap.diagnostics import error
from argmap.model import Relation, Span
from argmap.readers import ReadResult
from argmap.readers.argdown_finish import finish
from argmap.readers.argdown_sections import frontmatter
from argmap.readers.argdown_state import NO_URL, TWICE, Reader, settle, union
from argmap.readers.argdown_text import (
    DATA,
    data_blocks,
    links,
    parts,
    spelt_out,
    uncomment,
)
from argmap.readers.assemble import assemble_into
from argmap.readers.draft import DEdge, file_stem
from argmap.readers.urls import web_url

RULES = "inference rules"
PROSE_TAGS = "tags of prose paragraphs (the map's context)"
CODE = "argdown-syntax"
_TAGGED = re.compile(r"([\[<].*?[\]>])((?:[ \t]+#(?:\([^)]*\)|[\w-]+))+[ \t]*)\Z")
_ORDERED = re.compile(r"[0-9]+\.[ \t]+")
_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]+(.*)\Z")
_ELEMENT = re.compile(r"(\[|<)((?:\\.|[^\]>\\])+)[\]>](?::[ \t]*(.*))?\Z")
_PCS = re.compile(r"\(([0-9]+)\)[ \t]*(.*)\Z")
_INFERENCE = re.compile(r"--+[ \t]*(.*?)[ \t]*-*\Z")
_MARKS = {"+": (Relation.PRO, False), "<+": (Relation.PRO, False),
          "-": (Relation.CON, False), "<-": (Relation.CON, False),
          "_": (Relation.UNDERCUT, False), "<_": (Relation.UNDERCUT, False),
          "+>": (Relation.PRO, True), "->": (Relation.CON, True),
          "_>": (Relation.UNDERCUT, True)}


def read(text: str, file: str) -> ReadResult:
    """Read one Argdown document (see the module docstring)."""
    result = ReadResult()
    reader = Reader(file, result)
    text = uncomment(text)
    if "{" in text:
        text = data_blocks(text, reader.draft.dropped)
    lines = [line.rstrip("\r") for line in text.split("\n")]
    title, start = frontmatter(lines)
    if title is not None:
        reader.draft.question, reader.question_set = title, True
        reader.sections.question = title
    for index in range(start, len(lines)):
        _line(reader, lines[index], index + 1)
    _heading(reader)
    if any(d.severity.value == "error" for d in result.diagnostics):
        return result  # as the Argdown CLI, which exports nothing from such a file
    settle(reader)
    finish(reader)
    if not reader.draft.nodes:
        result.diagnostics.append(error(CODE, "no statements or arguments found: write them "
                                        "as '[Title]: text' or '<Title>: text'",
                                        Span(file, 1, 1)))
        return result
    _prose(reader)
    # the links of prose and of argument descriptions are spelt out, not cited
    cited = {c.source for n in reader.draft.nodes.values() for c in n.cites}
    reader.draft.sources = {k: v for k, v in reader.draft.sources.items() if k in cited}
    for key, node in list(reader.draft.nodes.items()):
        if not node.text:  # only ever referenced: its title is all the text it has
            reader.draft.nodes[key] = node._replace(text=node.title or key)
    if reader.draft.question == file_stem(file):
        result.notes.append(f"The source has no title or heading: the question is the file "
                            f"name, {reader.draft.question!r}; edit it")
    assemble_into(reader.draft, result)
    result.dropped.update(reader.draft.dropped)
    return result


def _heading(reader: Reader) -> None:
    """End the heading being read: the first is the question, unless the frontmatter
    has a title; each opens a section (see :mod:`argmap.readers.argdown_sections`)."""
    title = reader.sections.close(reader.draft.dropped)
    if title is not None and not reader.question_set:
        reader.draft.question, reader.question_set = title, True
        reader.sections.question = title


def _prose(reader: Reader) -> None:
    """Untitled paragraphs at the top that nothing relates to are prose: the map's
    context (Argdown's map hides them), unless nothing else would be a claim."""
    draft = reader.draft
    related = {e.premise for e in draft.edges} | {
        e.target for e in draft.edges if isinstance(e.target, str)}
    prose = [k for k in reader.loose if k in draft.nodes and k not in related]
    if not prose or len(prose) == len(draft.nodes):
        return
    paragraphs = []
    for key in prose:
        del draft.nodes[key]
        written = " ".join(reader.raw[key])
        draft.dropped[PROSE_TAGS] += len(parts(written)[1])
        # its links are spelt out in the context: none is lost
        draft.dropped[NO_URL] -= sum(web_url(a) is None for _, a in links(written))
        paragraphs.append(spelt_out(written))
    draft.context = "\n\n".join(p for p in paragraphs if p) or None
    draft.dropped += Counter()  # drop the counts that came back to 0


def _line(reader: Reader, line: str, number: int) -> None:
    stripped = line.strip()
    indent = len(line) - len(line.lstrip())
    span = Span(reader.file, number, indent + 1)
    if not stripped:  # a blank line ends a text, a heading, and a tree at the top
        reader.last = None
        _heading(reader)
        return
    if reader.sections.reading is not None:  # a hard-wrapped heading
        reader.sections.more(stripped)
        return
    if reader.in_rule:  # the text of a rule between two "--" lines
        reader.in_rule = stripped != "--"
        return
    if not indent and reader.sections.start(stripped):
        reader.stack, reader.last, reader.argument = [], None, None
        reader.steps = []
        return
    if _pcs_line(reader, stripped, indent, span):
        return
    relation = _RELATION.match(stripped)
    if relation is None:
        _top(reader, stripped, indent, span)
        return
    mark, rest = relation.groups()
    level = _level(reader, indent)
    while reader.stack and reader.stack[-1][0] >= level:
        reader.stack.pop()
        reader.steps.pop()
    key = _element(reader, rest, span)
    step = None  # the step this line makes to its parent, which an undercut below attacks
    if not reader.stack:
        reader.result.diagnostics.append(error(
            CODE, f"relation '{mark}' has nothing above it to relate to", span))
    elif mark == "><":
        parent = reader.stack[-1][1]
        _statement_only(reader, key, "'><' (contradiction) relates statements only",
                        span._replace(column=span.column + 3))
        reader.edge(key, parent, Relation.CON)
        reader.edge(parent, key, Relation.CON)
    else:
        parent = reader.stack[-1][1]
        rel, outgoing = _MARKS[mark]
        if outgoing:
            reader.edge(parent, key, rel)
        else:
            # an undercut attacks the step of the line above it (format 1.2: that step
            # only, even where the line is a reference to a statement written elsewhere)
            reader.edge(key, parent, rel, reader.steps[-1])
            if rel is not Relation.UNDERCUT:
                step = len(reader.draft.edges) - 1
    reader.stack.append((level, key))
    reader.steps.append(step)
    reader.last = key


def _level(reader: Reader, indent: int) -> int:
    """The level of a relation line, as Argdown's lexer sees it: deeper than the line
    above opens a level; shallower closes levels down to one at most as deep, and the
    line joins that level (so ``-> G`` between two levels belongs to the outer one)."""
    levels = reader.levels
    if indent > levels[-1]:
        levels.append(indent)
    else:
        while len(levels) > 1 and indent < levels[-1]:
            levels.pop()
    return levels[-1]


def _top(reader: Reader, stripped: str, indent: int, span: Span) -> None:
    """A line that is no relation: more text of the element above, or a new element at
    the top of a tree (a list item ``*`` or ``1.`` is one)."""
    item = _ORDERED.match(stripped)
    listed = stripped.startswith("* ") or item is not None
    if reader.last is not None and not _ELEMENT.match(stripped) and not listed:
        if reader.ignoring:  # more text of a definition whose text is not kept
            if not reader.counted:
                reader.draft.dropped[TWICE] += 1
                reader.counted = True
        else:
            _continue(reader, stripped)
        return
    if reader.pending is not None:
        reader.result.diagnostics.append(error(
            CODE, "a conclusion must follow the inference line: write it as a numbered "
            "statement, '(n) text'", span))
    reader.pcs, reader.pending = [], None
    text = stripped[2:] if stripped.startswith("* ") else stripped[item.end():] if item else (
        stripped)
    key = _element(reader, text, span)
    if key.startswith("#"):  # untitled: prose, if nothing relates to it
        reader.loose.append(key)
    reader.argument = key if key.startswith("<") else None
    reader.stack, reader.last, reader.levels = [(indent, key)], key, sorted({0, indent})
    reader.steps = [None]


def _statement_only(reader: Reader, key: str, what: str, span: Span) -> None:
    """Argdown's parser refuses an argument where only a statement may stand."""
    if key.startswith("<"):
        reader.result.diagnostics.append(error(
            CODE, f"{what}, not arguments: write a statement '[Title]' instead of "
            f"'{key}>'", span))


def _continue(reader: Reader, stripped: str) -> None:
    """A hard-wrapped line: more text of the element above."""
    assert reader.last is not None
    node = reader.draft.nodes[reader.last]
    body, tags, _ = parts(stripped, reader.draft.dropped)
    reader.draft.nodes[reader.last] = node._replace(text=f"{node.text} {body}".strip(),
                                                    tags=union(node.tags, tags))
    reader.cite(reader.last, stripped, Span(reader.file, node.span.line, node.span.column))
    if reader.last in reader.raw:
        reader.raw[reader.last].append(stripped)


def _pcs_line(reader: Reader, stripped: str, indent: int, span: Span) -> bool:
    """A premise, conclusion or inference line of a premise-conclusion structure."""
    pcs = _PCS.match(stripped)
    if pcs is not None:
        key = _element(reader, pcs.group(2), span)
        _statement_only(reader, key, "a premise-conclusion structure holds statements",
                        span._replace(column=span.column + len(stripped) - len(pcs.group(2))))
        if reader.pending is not None:
            first = len(reader.draft.edges)
            linked = first if len(reader.pending) > 1 else None
            for premise in reader.pending:
                reader.draft.edges.append(DEdge(premise, key, Relation.PRO, linked))
            reader.pending = None
            if reader.argument is not None:  # the argument is its conclusion from now on
                reader.aliases[reader.argument] = key
                reader.inference[reader.argument] = list(range(first, len(reader.draft.edges)))
        reader.pcs.append(key)
        reader.stack, reader.last, reader.levels = [(indent, key)], key, sorted({0, indent})
        reader.steps = [None]
        return True
    inference = _INFERENCE.fullmatch(stripped)
    if inference is None or not reader.pcs:
        return False
    if stripped == "--":  # the rule's text follows on its own lines, up to "--"
        reader.in_rule = True
        reader.draft.dropped[RULES] += 1
    elif inference.group(1).strip("- "):
        reader.draft.dropped[RULES] += 1
    reader.pending, reader.pcs, reader.last = reader.pcs, [], None
    return True


def _element(reader: Reader, text: str, span: Span) -> str:
    found = _ELEMENT.match(text)
    data = ""
    if found is None and (block := DATA.search(text)) is not None:
        found = _ELEMENT.match(text[:block.start()])  # "<Title> {data}": a title with data
        data = block.group(0)
    if found is None and (tagged := _TAGGED.match(text)) is not None:
        found = _ELEMENT.match(tagged.group(1))  # "<Title> #tag": a reference with tags
        data = tagged.group(2)
    if found is None:
        return reader.node("[", None, text, span)
    bracket, title, body = found.groups()
    return reader.node(bracket, title, (body or "") + data, span, defines=body is not None)
