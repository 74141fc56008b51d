"""Kialo discussion exports (``.txt``), both text formats Kialo writes.

The numbered outline (and what ``argmap render -f kialo`` writes)::

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas than to ban them.
    1.1.1. Pro: -> See 1.2.2.

and the newer one (``Discussion Name:`` with the name on the next line, each
label line followed by its text, blank lines between entries, and a
``Sources:`` block whose entries quote the passage they cite)::

    Discussion Name:
    Should hate speech be illegal?

    1. Thesis:
    Hate speech should be banned.

      1.1. Con:
      It is better to challenge bad ideas [1].

    Sources:
    [1] https://example.org/essay
    "The passage quoted from it."

How it becomes a map:

- The discussion title is the question; each top-level number (``1.``) a
  claim. The theses under a ``1. Question:`` (a discussion with several
  theses) are the claims, and so are the items under a thesis that is the
  title itself with only ``Pro:`` items below it (what argmap writes for a
  map with several claims).
- ``Pro:`` is pro, ``Con:`` con, and a ``Con: [Undercut] …`` (argmap's own
  mark) an undercut of the step from its parent to the grandparent.
- ``Pro: [Together] A [and] B`` (argmap's mark for a linked argument) is a
  linked argument with the premises A and B; its children marked
  ``[Premise 2]`` bear on B (unmarked ones on A), its ``[Undercut]`` children
  attack the argument as a whole.
- ``-> See 1.2.3.`` is a ``ref`` to the statement numbered so; the target
  gets an id slugged from its text.
- ``[n]`` footnotes, trailing Markdown links ``[title](url)`` (argmap's
  export) and links inside the text become sources and citations; a link
  inside the text keeps its words there (:mod:`argmap.readers.kialo_text`).
  Other Markdown stays in the text, unescaped.
- Each statement's number (``1.4.2``) is its ``origin``.
- CRLF or LF, a missing final newline, and any depth are read alike.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from argmap.diagnostics import Diagnostic, error
from argmap.model import Relation, Span
from argmap.readers import ReadResult
from argmap.readers.assemble import assemble_into
from argmap.readers.draft import DEdge, DNode, Draft, file_stem
from argmap.readers.kialo_text import Footnote, read_sources, statement_text, unescape
from argmap.readers.yaml.build import slugify

_TITLE = re.compile(r"Discussion (?:Title|Name):[ \t]*(.*)")
_NUMBER = re.compile(r"([ \t]*)((?:[0-9]+\.)+)(?:[ \t]+(.*))?\Z")
_LABEL = re.compile(r"(Pro|Con|Thesis|Question):[ \t]*(.*)\Z", re.DOTALL)
_SEE = re.compile(r"->[ \t]*See[ \t]+((?:[0-9]+\.)+)[ \t]*\Z")
UNDERCUT = "[Undercut] "
TOGETHER, AND = "[Together] ", " [and] "
_PREMISE = re.compile(r"\[Premise ([0-9]{1,9})\] ")  # more digits: no premise
CODE = "kialo-syntax"
QUESTION_CITES = "citations of a thesis that repeats the question (its pros became the claims)"
OTHER_QUESTION = "a '1. Question:' that is not the discussion's name (the name is the question)"


class _Entry(NamedTuple):
    number: str
    label: str | None
    lines: list[str]
    span: Span


def read(text: str, file: str) -> ReadResult:
    """Read one Kialo export (see the module docstring)."""
    result = ReadResult()
    lines = [line.rstrip("\r") for line in text.lstrip("\ufeff").split("\n")]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    title = None if first is None else _TITLE.match(lines[first].strip())
    if first is None or title is None:
        line = 1 if first is None else first + 1
        result.diagnostics.append(error(CODE, "not a Kialo export: the first line should be "
                                        "'Discussion Title: …' or 'Discussion Name: …'",
                                        Span(file, line, 1)))
        return result
    at = first if title.group(1).strip() else _name_line(lines, first)
    entries, source_lines = _entries(lines, at + 1, file, result.diagnostics)
    question = unescape(title.group(1).strip() if at == first else lines[at].strip())
    span = Span(file, at + 1, 1)
    if not question:
        result.diagnostics.append(error(CODE, "the discussion title is empty", span))
        question = file_stem(file)
    draft = Draft(file, slugify(file_stem(file)), question, span)
    footnotes = read_sources(source_lines, draft, file)
    _build(entries, draft, footnotes, result.diagnostics)
    if not draft.nodes:
        result.diagnostics.append(error(CODE, "the discussion has no statements: they are "
                                        "lines numbered '1.', '1.1.' …", span))
        return result
    assemble_into(draft, result)
    result.dropped.update(draft.dropped)
    return result


def _name_line(lines: list[str], first: int) -> int:
    """The line of the discussion's name: Kialo's newer export writes it on the line
    after ``Discussion Name:``; the title line itself if none follows before ``1.``."""
    after = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), None)
    return first if after is None or _NUMBER.match(lines[after]) else after


def _entries(lines: list[str], start: int, file: str,
             diagnostics: list[Diagnostic]) -> tuple[list[_Entry], list[tuple[int, str]]]:
    """Split the lines after the title into numbered entries and the ``Sources:`` block."""
    entries: list[_Entry] = []
    numbers: set[str] = set()
    for index in range(start, len(lines)):
        line = lines[index]
        if line.strip() == "Sources:" and entries:
            return entries, [(i + 1, lines[i]) for i in range(index + 1, len(lines))]
        found = _NUMBER.match(line)
        # A number is an entry only where its parent exists: "2. apples" inside a text is text.
        if found is not None and (found.group(2).count(".") == 1
                                  or found.group(2)[:found.group(2).rstrip(".").rfind(".") + 1]
                                  in numbers):
            number, rest = found.group(2), (found.group(3) or "").strip()
            label = _LABEL.match(rest)
            span = Span(file, index + 1, len(found.group(1)) + 1)
            if number in numbers:
                diagnostics.append(error(CODE, f"statement {number} is numbered twice", span))
                continue
            numbers.add(number)
            if label is not None and number.count(".") == 1 and label.group(1) in ("Pro", "Con"):
                label = None  # a thesis has no Pro/Con: that is its text
            entries.append(_Entry(number, label.group(1) if label else None,
                                  [label.group(2) if label else rest], span))
        elif entries:
            entries[-1].lines.append(line.strip())
        elif line.strip():
            diagnostics.append(error(CODE, "text before the first numbered statement; "
                                     "statements start '1. '", Span(file, index + 1, 1)))
    return entries, []


def _build(entries: list[_Entry], draft: Draft, footnotes: dict[str, Footnote],
           diagnostics: list[Diagnostic]) -> None:
    """Nodes for the statements, edges for their labels, refs for ``-> See``."""
    refs: dict[str, tuple[str, Span]] = {}  # number -> the number it points at
    edge_of: dict[str, int] = {}  # number -> the edge that hangs it from its parent
    roots: list[str] = []
    #: a linked argument's number -> its premises' keys ("1.2.&1", "1.2.&2" ...)
    joints: dict[str, list[str]] = {}
    on_premise: dict[str, int] = {}  # number -> the premise of its parent it bears on
    for entry in entries:
        body = " ".join(line for line in entry.lines if line).strip()
        if entry.label in ("Pro", "Con"):
            body = _linked(entry, body, draft, footnotes, refs, joints, on_premise)
            if entry.number in joints:
                continue
        if entry.label == "Con" and body.startswith(UNDERCUT):  # raw: "\\[Undercut\\]" is text
            body = body[len(UNDERCUT):]  # before `-> See`: an undercut may be a ref
        see = _SEE.match(body)
        if see is not None:
            refs[entry.number] = (see.group(1), entry.span)
            continue
        text, cites = statement_text(body, entry.span, draft, footnotes)
        if not text:
            diagnostics.append(error(CODE, f"statement {entry.number} has no text", entry.span))
            text = f"(statement {entry.number} has no text)"
        draft.nodes[entry.number] = DNode(entry.number, text, entry.span, cites=cites,
                                          origin=entry.number.rstrip("."))

    resolved: dict[str, str | None] = {}  # a chain of `-> See` is followed once, not per link

    def resolve(number: str) -> str | None:
        path: list[str] = []
        seen: set[str] = set()
        while number in refs and number not in seen and number not in resolved:
            seen.add(number)
            path.append(number)
            number = refs[number][0]
        found = resolved.get(number, number if number in draft.nodes else None)
        for step in path:
            resolved[step] = found
        return found

    for number, (target, span) in refs.items():
        if resolve(number) is None:
            diagnostics.append(error(CODE, f"'-> See {target}' points at no statement", span))
    for entry in entries:
        number = entry.number
        key = number if number in joints else resolve(number)
        parent_number = number[:number.rstrip(".").rfind(".") + 1]
        if key is None:
            continue
        if not parent_number:
            roots.append(key)
            continue
        relation = Relation.CON if entry.label == "Con" else Relation.PRO
        body = " ".join(entry.lines).strip()
        if relation is Relation.CON and body.startswith(UNDERCUT) and parent_number in edge_of:
            edge_of[number] = len(draft.edges)
            draft.edges.append(DEdge(key, edge_of[parent_number], Relation.UNDERCUT))
            continue
        if parent_number in joints:  # bears on one premise of a linked argument
            parts = joints[parent_number]
            parent = resolve(parts[min(on_premise.get(number, 1), len(parts)) - 1])
        else:
            parent = resolve(parent_number)
        if parent is None:
            continue
        edge_of[number] = len(draft.edges)
        if number in joints:  # one edge per premise, sharing the first one's index
            group = len(draft.edges)
            for part in joints[number]:
                premise = resolve(part)
                if premise is None:
                    continue
                if premise == part:
                    draft.home[premise] = len(draft.edges)
                draft.edges.append(DEdge(premise, parent, relation, group))
            continue
        if key == number:  # written here, not a `-> See`
            draft.home[key] = len(draft.edges)
        draft.edges.append(DEdge(key, parent, relation))
    _claims_of_question(draft, roots, entries[0].label == "Question" if entries else False)


def _linked(entry: _Entry, body: str, draft: Draft, footnotes: dict[str, Footnote],
            refs: dict[str, tuple[str, Span]], joints: dict[str, list[str]],
            on_premise: dict[str, int]) -> str:
    """argmap's marks on a Pro or Con: ``[Premise i]`` (which premise of a linked
    parent it bears on) and ``[Together] A [and] B`` (a linked argument, whose
    premises become nodes ``<number>&1``, ...). The body without the premise mark."""
    mark = _PREMISE.match(body)
    if mark is not None:
        on_premise[entry.number] = int(mark.group(1))
        body = body[mark.end():]
    if not body.startswith(TOGETHER):
        return body
    parts = body[len(TOGETHER):].split(AND)
    keys = joints[entry.number] = []
    for index, part in enumerate(parts, 1):
        key = f"{entry.number}&{index}"
        keys.append(key)
        see = _SEE.match(part.strip())
        if see is not None:
            refs[key] = (see.group(1), entry.span)
            continue
        text, cites = statement_text(part.strip(), entry.span, draft, footnotes)
        draft.nodes[key] = DNode(key, text or f"(premise {index} of {entry.number} has no text)",
                                 entry.span, cites=cites)
    return body


def _claims_of_question(draft: Draft, roots: list[str], asked: bool) -> None:
    """The theses below a ``1. Question:`` (Kialo's discussions with several theses), or
    below a thesis that repeats the title with only pros below (argmap's several
    claims), are the claims."""
    draft.roots = roots
    if len(roots) != 1 or not (asked or draft.nodes[roots[0]].text == draft.question):
        return
    below = [e for e in draft.edges if e.target == roots[0]]
    if below and (asked or all(e.relation is Relation.PRO for e in below)) and not any(
            isinstance(e.target, int) and draft.edges[e.target].target == roots[0]
            for e in draft.edges):
        draft.roots = [e.premise for e in below]
        draft.edges = [e if e.target != roots[0] else e._replace(target="") for e in draft.edges]
        thesis = draft.nodes.pop(roots[0])
        if thesis.text != draft.question:
            draft.dropped[OTHER_QUESTION] += 1
        if thesis.cites:
            draft.dropped[QUESTION_CITES] += len(thesis.cites)

