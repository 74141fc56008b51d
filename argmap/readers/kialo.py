"""Kialo discussion exports (``.txt``), both text formats Kialo writes.

The numbered outline (and what ``argmap render -f kialo`` writes)::

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas than to ban them.
    1.1.1. Pro: -> See 1.2.2.

and the newer one, each label line followed by its text, with footnotes::

    Discussion Name: Should hate speech be illegal?

    1. Thesis:
    Hate speech should be banned.
      1.1. Con:
      It is better to challenge bad ideas [1]

    Sources:
    [1] https://example.org/essay

How it becomes a map:

- The discussion title is the question; each top-level number (``1.``) a
  claim. When the thesis is the title itself and only ``Pro:`` items hang
  from it (what argmap writes for a map with several claims), those items
  are the claims.
- ``Pro:`` is pro, ``Con:`` con, and a ``Con: [Undercut] …`` (argmap's own
  mark) an undercut of the step from its parent to the grandparent.
- ``Pro: [Together] A [and] B`` (argmap's mark for a linked argument) is a
  linked argument with the premises A and B; its children marked
  ``[Premise 2]`` bear on B (unmarked ones on A), its ``[Undercut]`` children
  attack the argument as a whole.
- ``-> See 1.2.3.`` is a ``ref`` to the statement numbered so; the target
  gets an id slugged from its text.
- ``[n]`` footnotes resolve against the ``Sources:`` block into sources and
  citations; trailing Markdown links ``[title](url)`` (argmap's export)
  become cited sources too, unless they are all the text or finish its
  sentence (``… within their [legal rights.](url)``). Other Markdown stays
  in the text, unescaped.
- CRLF or LF, a missing final newline, and any depth are read alike.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from argmap.diagnostics import Diagnostic, error
from argmap.model import Citation, Relation, Source, Span
from argmap.readers import ReadResult
from argmap.readers.assemble import assemble
from argmap.readers.draft import DEdge, DNode, Draft, file_stem, slug
from argmap.readers.yaml.build import slugify

_TITLE = re.compile(r"Discussion (?:Title|Name):[ \t]*(.*)")
_NUMBER = re.compile(r"([ \t]*)((?:[0-9]+\.)+)(?:[ \t]+(.*))?\Z")
_LABEL = re.compile(r"(Pro|Con|Thesis):[ \t]*(.*)\Z", re.DOTALL)
_SEE = re.compile(r"->[ \t]*See[ \t]+((?:[0-9]+\.)+)[ \t]*\Z")
_FOOTNOTE = re.compile(r"[ \t]*\[([0-9]+)\](?!\()")
_SOURCE_LINE = re.compile(r"[ \t]*\[([0-9]+)\]:?[ \t]*(.*)")
_LINK = re.compile(r"[ \t]*\[((?:\\.|[^\]\\])*)\]\(((?:\\.|[^)\\])*)\)[ \t]*\Z")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_URL = re.compile(r"https?://\S+\Z")
# A link that finishes a sentence the text leaves open ("… within their [contractual rights.](…)")
# is part of the text, not a source cited after it.
_OPEN = re.compile(r"[\w,]\Z")
_CLOSING = re.compile(r"[.!?…][\"'”’)]*\Z")
UNDERCUT = "[Undercut] "
TOGETHER, AND = "[Together] ", " [and] "
_PREMISE = re.compile(r"\[Premise ([0-9]+)\] ")
CODE = "kialo-syntax"


class _Entry(NamedTuple):
    number: str
    label: str | None
    lines: list[str]
    span: Span


def unescape(text: str) -> str:
    """Kialo Markdown's backslash escapes removed: ``\\(`` reads ``(``."""
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


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
    entries, source_lines = _entries(lines, first + 1, file, result.diagnostics)
    question = unescape(title.group(1).strip())
    span = Span(file, first + 1, 1)
    if not question:
        result.diagnostics.append(error(CODE, "the discussion title is empty", span))
        question = file_stem(file)
    draft = Draft(file, slugify(file_stem(file)), question, span)
    footnotes = _sources(source_lines, draft, file)
    _build(entries, draft, footnotes, result.diagnostics)
    if not draft.nodes:
        result.diagnostics.append(error(CODE, "the discussion has no statements: they are "
                                        "lines numbered '1.', '1.1.' …", span))
        return result
    result.maps.append(assemble(draft))
    result.dropped.update(draft.dropped)
    return result


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
            if label is not None and number.count(".") == 1 and label.group(1) != "Thesis":
                label = None  # a thesis has no Pro/Con: that is its text
            entries.append(_Entry(number, label.group(1) if label else None,
                                  [label.group(2) if label else rest], span))
        elif entries:
            entries[-1].lines.append(line.strip())
        elif line.strip():
            diagnostics.append(error(CODE, "text before the first numbered statement; "
                                     "statements start '1. '", Span(file, index + 1, 1)))
    return entries, []


def _sources(lines: list[tuple[int, str]], draft: Draft, file: str) -> dict[str, str]:
    """Footnote number -> source id, adding each source of the ``Sources:`` block."""
    footnotes: dict[str, str] = {}
    for number, line in lines:
        found = _SOURCE_LINE.match(line)
        if found is None or not found.group(2).strip():
            continue
        body = unescape(found.group(2).strip())
        url = body if _URL.match(body) else None
        footnotes[found.group(1)] = source_id = f"source-{found.group(1)}"
        draft.sources[source_id] = Source(source_id, body, Span(file, number, 1), url=url)
    return footnotes


def _build(entries: list[_Entry], draft: Draft, footnotes: dict[str, str],
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
        text, cites = _text(body, entry.span, draft, footnotes)
        if not text:
            diagnostics.append(error(CODE, f"statement {entry.number} has no text", entry.span))
            text = f"(statement {entry.number} has no text)"
        draft.nodes[entry.number] = DNode(entry.number, text, entry.span, cites=cites)

    def resolve(number: str) -> str | None:
        seen = set()
        while number in refs and number not in seen:
            seen.add(number)
            number = refs[number][0]
        return number if number in draft.nodes else None

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
    _claims_of_question(draft, roots)


def _linked(entry: _Entry, body: str, draft: Draft, footnotes: dict[str, str],
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
        text, cites = _text(part.strip(), entry.span, draft, footnotes)
        draft.nodes[key] = DNode(key, text or f"(premise {index} of {entry.number} has no text)",
                                 entry.span, cites=cites)
    return body


def _claims_of_question(draft: Draft, roots: list[str]) -> None:
    """A thesis that repeats the title with only pros below: argmap's several claims."""
    draft.roots = roots
    if len(roots) != 1 or draft.nodes[roots[0]].text != draft.question:
        return
    below = [e for e in draft.edges if e.target == roots[0]]
    if below and all(e.relation is Relation.PRO for e in below) and not any(
            isinstance(e.target, int) and draft.edges[e.target].target == roots[0]
            for e in draft.edges):
        draft.roots = [e.premise for e in below]
        draft.edges = [e if e.target != roots[0] else e._replace(target="") for e in draft.edges]
        del draft.nodes[roots[0]]


def _text(body: str, span: Span, draft: Draft,
          footnotes: dict[str, str]) -> tuple[str, tuple[Citation, ...]]:
    """The text without its footnote marks and trailing links, and what they cite."""
    cites: list[Citation] = []
    if footnotes and "[" in body:
        def mark(found: re.Match[str]) -> str:
            source = footnotes.get(found.group(1))
            if source is None:
                return found.group(0)
            cites.append(Citation(source, span))
            return ""
        body = _FOOTNOTE.sub(mark, body).strip()
    found: list[tuple[str, str]] = []
    rest = body
    while "](" in rest and (link := _LINK.search(rest)) is not None:
        title, url = unescape(link.group(1)).strip(), link.group(2).strip()
        url = url.replace("%28", "(").replace("%29", ")").replace("%20", " ")
        if not title or not _URL.match(url):
            break
        if _CLOSING.search(title) and _OPEN.search(rest[:link.start()].rstrip()):
            break
        found.append((title, url))
        rest = rest[:link.start()].rstrip()
    if rest:  # a text that is nothing but links keeps them: they are what it says
        body = rest
        cites.extend(Citation(_link_source(draft, title, url, span), span)
                     for title, url in reversed(found))
    unique = tuple(dict.fromkeys(cites))
    return unescape(body), unique


def _link_source(draft: Draft, title: str, url: str, span: Span) -> str:
    """The id of the source with this title and URL, added if new."""
    for source in draft.sources.values():
        if source.url == url and source.title == title:
            return source.id
    base = slug(title) or "source"
    source_id, n = base, 1
    while source_id in draft.sources:
        n += 1
        source_id = f"{base}-{n}"
    draft.sources[source_id] = Source(source_id, title, span, url=url)
    return source_id
