"""Argdown (``.argdown``): a native reader for the common part of the syntax.

What it reads:

- statements ``[Title]: text`` and arguments ``<Title>: text`` (an
  argument without a premise–conclusion structure is read as a statement:
  its description is its text), bare ``[Title]``/``<Title>`` references, and
  untitled text lines;
- relations at any indentation, to the nearest less-indented element above:
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
- headings (the first is the question unless the frontmatter between
  ``===`` lines has ``title:``), ``#tags`` and ``#(long tags)``, backslash
  escapes, hard-wrapped lines (an indented line that is no element continues
  the text above), ``//`` and ``/* */`` comments, and argmap's own data
  blocks ``{"by": …}`` (and ``{"weight": …}`` on a linked argument's title).

Support is ``pro``, attack ``con``, undercut ``undercut`` (of the steps from
the undercut argument to what it supports). Titles become ids. Not read
(yet): Argdown's ``@`` mentions and ``{…}`` data other than argmap's own,
group headings as map structure, and the ``isInMap``/selection settings.
"""

from __future__ import annotations

import re

from argmap.diagnostics import error
from argmap.model import Relation, Span
from argmap.readers import ReadResult
from argmap.readers.argdown_text import DATA, data_blocks, parts, plain, uncomment, unescape
from argmap.readers.assemble import assemble
from argmap.readers.draft import DArgument, DEdge, DNode, Draft, file_stem
from argmap.readers.yaml.build import slugify

RULES = "inference rules"
TWICE = "further texts of a title defined twice (the first is kept)"
ONE_PREMISE = "descriptions of reconstructed arguments with one premise"
CODE = "argdown-syntax"
_RELATION = re.compile(r"(<\+|<-|<_|\+>|->|_>|><|\+|-|_)[ \t]+(.*)\Z")
_ELEMENT = re.compile(r"(\[|<)((?:\\.|[^\]>\\])+)[\]>](?::[ \t]*(.*))?\Z")
_PCS = re.compile(r"\(([0-9]+)\)[ \t]*(.*)\Z")
_INFERENCE = re.compile(r"--+[ \t]*(.*?)[ \t]*-*\Z")
_MARKS = {"+": (Relation.PRO, False), "<+": (Relation.PRO, False),
          "-": (Relation.CON, False), "<-": (Relation.CON, False),
          "_": (Relation.UNDERCUT, False), "<_": (Relation.UNDERCUT, False),
          "+>": (Relation.PRO, True), "->": (Relation.CON, True),
          "_>": (Relation.UNDERCUT, True)}


class _Reader:
    def __init__(self, file: str, result: ReadResult) -> None:
        self.file, self.result = file, result
        stem = file_stem(file)
        self.draft = Draft(file, slugify(stem), stem, Span(file, 1, 1))
        self.texts: dict[str, str] = {}
        self.anonymous = 0
        #: (indent, node key) of the elements a relation may hang from
        self.stack: list[tuple[int, str]] = []
        self.last: str | None = None  # the element a hard-wrapped line continues
        self.undercuts: list[tuple[str, str]] = []  # (undercutter, undercut argument)
        self.pcs: list[str] = []  # premises since the last inference line
        self.pending: list[str] | None = None  # premises waiting for their conclusion
        self.ignoring = False
        self.counted = False  # this ignored definition is counted in the summary
        self.in_rule = False  # between the two "--" lines around an inference rule
        self.question_set = False
        #: a bare ``<Title>`` line, which a premise-conclusion structure may follow
        self.argument: str | None = None
        self.aliases: dict[str, str] = {}  # reconstructed argument -> its conclusion
        #: reconstructed argument -> the edges of its last inference (to its conclusion)
        self.inference: dict[str, list[int]] = {}
        self.weights: dict[str, int] = {}  # element -> the weight in its data

    def node(self, bracket: str, title: str | None, text: str, span: Span) -> str:
        """The key of the element; its text and tags the first time it has text."""
        if title is None:
            self.anonymous += 1
            key = f"#{self.anonymous}"
        else:
            key = bracket + unescape(title).strip()
        body, tags, data = parts(text, self.draft.dropped)
        if data.weight is not None:  # a linked argument's; else counted in _finish
            self.weights[key] = data.weight
        old = self.draft.nodes.get(key)
        #: the text of this definition is not kept: neither are its hard-wrapped lines
        self.ignoring = old is not None and bool(old.text)
        self.counted = self.ignoring and bool(body)
        if self.counted:
            self.draft.dropped[TWICE] += 1
        if old is None or (not old.text and body):
            self.draft.nodes[key] = DNode(key, body, old.span if old and old.text else span,
                                          title=None if title is None else key[1:],
                                          by=data.by,
                                          tags=tags,
                                          origin=None if title is None else
                                          key + ("]" if bracket == "[" else ">"))
        return key

    def edge(self, premise: str, target: str, relation: Relation) -> None:
        if relation is Relation.UNDERCUT:
            self.undercuts.append((premise, target))
        else:
            self.draft.edges.append(DEdge(premise, target, relation))


def read(text: str, file: str) -> ReadResult:
    """Read one Argdown document (see the module docstring)."""
    result = ReadResult()
    reader = _Reader(file, result)
    text = uncomment(text)
    if "{" in text:
        text = data_blocks(text, reader.draft.dropped)
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
    if reader.draft.question == file_stem(file):
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
            reader.question_set = True
    return 0


def _line(reader: _Reader, line: str, number: int) -> None:
    stripped = line.strip()
    indent = len(line) - len(line.lstrip())
    span = Span(reader.file, number, indent + 1)
    if not stripped:  # a blank line ends a text, and a tree at the top
        reader.last = None
        return
    if reader.in_rule:  # the text of a rule between two "--" lines
        reader.in_rule = stripped != "--"
        return
    if not indent and re.match(r"#+\s", stripped):
        if not reader.question_set:
            reader.draft.question = " ".join(plain(stripped.lstrip("#")).split())
            reader.question_set = True
        reader.stack, reader.last, reader.argument = [], None, None
        return
    if _pcs_line(reader, stripped, indent, span):
        return
    relation = _RELATION.match(stripped)
    if relation is None:
        if reader.last is not None and not _ELEMENT.match(stripped) and not (
                stripped.startswith("* ")):
            if reader.ignoring:  # more text of a definition whose title has text already
                if not reader.counted:
                    reader.draft.dropped[TWICE] += 1
                    reader.counted = True
            else:
                _continue(reader, stripped)
            return
        reader.pcs, reader.pending = [], None
        item = stripped[2:] if stripped.startswith("* ") else stripped  # a list item
        key = _element(reader, item, span)
        reader.argument = key if key.startswith("<") else None
        reader.stack, reader.last = [(indent, key)], key
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


def _continue(reader: _Reader, stripped: str) -> None:
    """A hard-wrapped line: more text of the element above."""
    assert reader.last is not None
    node = reader.draft.nodes[reader.last]
    body, tags, _ = parts(stripped, reader.draft.dropped)
    reader.draft.nodes[reader.last] = node._replace(text=f"{node.text} {body}".strip(),
                                                    tags=node.tags + tags)


def _pcs_line(reader: _Reader, stripped: str, indent: int, span: Span) -> bool:
    """A premise, conclusion or inference line of a premise-conclusion structure."""
    pcs = _PCS.match(stripped)
    if pcs is not None:
        key = _element(reader, pcs.group(2), span)
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
        reader.stack, reader.last = [(indent, key)], key
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


def _element(reader: _Reader, text: str, span: Span) -> str:
    found = _ELEMENT.match(text)
    data = ""
    if found is None and (block := DATA.search(text)) is not None:
        found = _ELEMENT.match(text[:block.start()])  # "<Title> {data}": a title with data
        data = block.group(0)
    if found is None:
        return reader.node("[", None, text, span)
    bracket, title, body = found.groups()
    return reader.node(bracket, title, (body or "") + data, span)


def _finish(reader: _Reader) -> None:
    """Reconstructed arguments become their conclusions; undercuts attack every
    step from the undercut argument to what it supports."""
    draft = reader.draft
    for argument, steps in reader.inference.items():  # its title names its last inference
        linked = draft.edges[steps[0]].linked
        node = draft.nodes[argument]
        draft.dropped["data 'by'"] += node.by is not None  # an argument has no speaker
        if linked is not None:  # its description is the linked argument's note
            weight = reader.weights.pop(argument, None)
            draft.arguments[linked] = DArgument(node.title, weight, node.span,
                                                note=node.text or None, tags=node.tags)
        elif node.text or node.tags:  # its one premise is a statement: not the argument's
            draft.dropped[ONE_PREMISE] += 1
    # a weight is a linked argument's (argmap's Argdown export puts it on the title line)
    draft.dropped["data 'weight'"] += len(reader.weights)
    cuts = [(a, b, reader.inference.get(b)) for a, b in reader.undercuts]
    if reader.aliases:
        alias = reader.aliases
        edges = [e._replace(premise=alias.get(e.premise, e.premise),
                            target=e.target if isinstance(e.target, int)
                            else alias.get(e.target, e.target)) for e in draft.edges]
        # "<+ <A>" under A's own conclusion says what A's inference says: the CLI
        # drops it, and so does the import (a target "" is no node: left out), but
        # A's linked argument takes its place among the conclusion's premises
        for index, (edge, old) in enumerate(zip(edges, draft.edges, strict=True)):
            if edge.premise == edge.target and edge != old:
                edges[index] = edge._replace(target="")
                _anchor(reader, old.premise, index)
        draft.edges = edges
        cuts = [(alias.get(a, a), alias.get(b, b), steps) for a, b, steps in cuts]
        for argument in alias:  # the argument is its pcs, its description no statement
            del draft.nodes[argument]
        _stand_for_arguments(reader)
    for undercutter, argument, inference in cuts:
        # Argdown undercuts a reconstructed argument's inference (the CLI's "inference"
        # relations); an argument without one, the steps from it to what it supports.
        steps = inference or [i for i, e in enumerate(draft.edges)
                              if e.premise == argument and not isinstance(e.target, int)]
        if not steps:
            draft.dropped["undercuts of an argument that supports nothing, read as con"] += 1
            draft.edges.append(DEdge(undercutter, argument, Relation.CON))
        for step in steps:
            draft.edges.append(DEdge(undercutter, step, Relation.UNDERCUT))


def _anchor(reader: _Reader, argument: str, index: int) -> None:
    """Place ``argument``'s linked argument where edge ``index`` was written."""
    steps = reader.inference.get(argument)
    linked = reader.draft.edges[steps[0]].linked if steps else None
    if linked is not None and linked in reader.draft.arguments:
        found = reader.draft.arguments[linked]
        if found.at is None:
            reader.draft.arguments[linked] = found._replace(at=index)


def _stand_for_arguments(reader: _Reader) -> None:
    """A conclusion with no text, titled as its argument, that passes one relation
    on is the argument.

    Argdown relates an argument through its conclusion, so argmap's export
    writes a linked ``con`` ``<A>`` as an argument concluding ``[A]``, a
    statement that has only a title and attacks the parent: its premises bear
    on the parent directly. A conclusion with a title of its own stays.
    """
    draft = reader.draft
    into: dict[str, list[int]] = {}
    out_of: dict[str, list[int]] = {}
    for index, edge in enumerate(draft.edges):
        if not isinstance(edge.target, int):
            into.setdefault(edge.target, []).append(index)
            out_of.setdefault(edge.premise, []).append(index)
    undercut = {a for a, _ in reader.undercuts} | {b for _, b in reader.undercuts}
    for argument, steps in reader.inference.items():
        conclusion = reader.aliases[argument]
        node = draft.nodes.get(conclusion)
        passed = out_of.get(conclusion, [])
        if (node is None or node.text or conclusion[1:] != argument[1:]
                or len(passed) != 1 or conclusion in undercut
                or sorted(into.get(conclusion, ())) != steps
                or (argument in undercut and any(a == argument for a, _ in reader.undercuts))):
            continue
        (onward,) = passed
        edge = draft.edges[onward]
        if edge.relation is Relation.UNDERCUT or edge.target == conclusion:
            continue
        for step in steps:
            draft.edges[step] = draft.edges[step]._replace(target=edge.target,
                                                           relation=edge.relation)
        draft.edges[onward] = edge._replace(target="")  # no node: left out
        del draft.nodes[conclusion]
        _anchor(reader, argument, onward)
