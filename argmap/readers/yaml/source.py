"""A YAML text with its composed nodes and its comments, by position.

libyaml (through ruamel.yaml.clib) composes the nodes, with the loader's own
parser and node classes (:func:`argmap.readers.yaml.load.lean_parser`: one
composer for reading and for editing), and each node keeps its start and end
as a character index, a line and a column. libyaml drops
comments, so they are found between the tokens: outside tokens a YAML text
holds only white space, line breaks and comments. Both passes run in C, which
is what keeps ``add`` on a 1,000-statement map and ``fmt --check`` fast;
ruamel's round-trip load and dump of a 1,000-statement map takes 0.84 s, and
does not even give back the same bytes (benchmarks/README.md).

Every function here reads; nothing here writes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

#: A block scalar header with a comment after it: ``>-  # note``.
_HEADER_COMMENT = re.compile(r"[|>][-+0-9]*[ \t]+(#.*)")


class Comment(NamedTuple):
    """One comment: where its ``#`` is and what it says."""

    at: int
    line: int
    text: str
    own_line: bool


@dataclass
class Parsed:
    """A YAML text with its documents, comments and blank lines."""

    text: str
    documents: list[Any]
    comments: list[Comment]
    #: Character index of each blank line outside scalars, in order.
    blank_lines: list[int]
    #: Trailing comments by the start index of the scalar (key or value) they follow.
    after_start: dict[int, list[str]] = field(default_factory=dict)
    #: Trailing comments by the end index of the flow collection they follow.
    after_end: dict[int, list[str]] = field(default_factory=dict)
    #: Own-line comments and comments whose owner is unclear: (index, text).
    loose: list[tuple[int, str]] = field(default_factory=list)
    #: Character index of each explicit ``---``.
    document_starts: list[int] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)

    def line_of(self, index: int) -> int:
        """The 0-based line holding character ``index``."""
        return bisect_right(self.line_starts, index) - 1

    def line_start(self, index: int) -> int:
        """Index of the first character of the line holding ``index``."""
        return self.line_starts[self.line_of(index)]

    def line_end(self, index: int) -> int:
        """Index just past the line break ending the line holding ``index``."""
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end + 1


class YAMLSyntaxError(Exception):
    """The text is not YAML; the loader's diagnostics say where."""


def _composer(text: str) -> Any:
    """The loader's own libyaml parser (one composer for reading and editing maps: its
    lean resolver and node classes cost a third less than ruamel's CSafeLoader)."""
    from argmap.readers.yaml.load import lean_parser

    return lean_parser(text)


def parse(text: str, comments: bool = True) -> Parsed:
    """Compose every document of ``text`` and find its comments and blank lines.

    Edits need only the nodes: ``comments=False`` skips the token scan (half
    of the time on a big map).

    Raises:
        YAMLSyntaxError: if ``text`` is not YAML.
    """
    from ruamel.yaml.error import YAMLError

    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    from argmap.readers.yaml.load import lean_nodes

    try:
        composer = _composer(text)
        documents = []
        with lean_nodes():
            while composer.check_node():
                documents.append(composer.get_node())
        parsed = Parsed(text, documents, [], [], line_starts=starts)
        if comments:
            _scan_tokens(parsed)
    except YAMLError as exc:
        raise YAMLSyntaxError(str(exc)) from None
    return parsed


def _scan_tokens(parsed: Parsed) -> None:
    """Find comments between tokens and attach each trailing one to what it follows."""
    text = parsed.text
    scanner = _composer(text)
    covered: list[tuple[int, int]] = []  # lines inside multi-line scalars
    prev_end, prev_name, prev_start, last_scalar = 0, "", 0, -1
    pending: list[str] = []  # trailing comments after `-`, owned by the next token
    while True:
        token = scanner.get_token()
        name = type(token).__name__
        start = token.start_mark.index
        if pending and name != "StreamEndToken":
            parsed.after_start.setdefault(start, []).extend(pending)
            pending = []
        position = prev_end
        while (hash_at := text.find("#", position, start)) >= 0:
            eol = text.find("\n", hash_at, start)
            eol = start if eol < 0 else eol
            comment = text[hash_at:eol].rstrip()
            line = parsed.line_of(hash_at)
            own = not text[parsed.line_starts[line]:hash_at].strip()
            parsed.comments.append(Comment(hash_at, line, comment, own))
            if own:
                parsed.loose.append((hash_at, comment))
            elif prev_name == "ScalarToken":
                parsed.after_start.setdefault(prev_start, []).append(comment)
            elif prev_name in ("ValueToken", "FlowEntryToken") and last_scalar >= 0:
                parsed.after_start.setdefault(last_scalar, []).append(comment)
            elif prev_name in ("FlowSequenceEndToken", "FlowMappingEndToken"):
                parsed.after_end.setdefault(prev_end, []).append(comment)
            elif prev_name == "BlockEntryToken":
                pending.append(comment)
            else:
                parsed.loose.append((hash_at, comment))
            position = eol
        if name == "StreamEndToken":
            parsed.loose.extend((len(text), c) for c in pending)
            break
        end = token.end_mark.index
        if name == "ScalarToken" and prev_name == "TagToken":
            start = prev_start  # a tagged scalar's node starts at its tag (`!!int 3 # c`)
        if name == "ScalarToken":
            last_scalar = start
            if token.end_mark.line > token.start_mark.line:
                # A block scalar's token runs on over the blank lines after it;
                # those are blank lines of the file, not of the text.
                last = end
                while last > start and text[last - 1] in " \t\r\n":
                    last -= 1
                covered.append((token.start_mark.line + 1, parsed.line_of(last - 1)))
            if getattr(token, "style", None) in ("|", ">"):
                header = _HEADER_COMMENT.match(text, token.start_mark.index,
                                               parsed.line_end(start))
                if header:
                    comment = header.group(1).rstrip()
                    parsed.comments.append(Comment(header.start(1), parsed.line_of(start),
                                                   comment, False))
                    parsed.after_start.setdefault(start, []).append(comment)
        elif name == "DocumentStartToken":
            parsed.document_starts.append(start)
        prev_end, prev_name, prev_start = end, name, start
    parsed.comments.sort()
    inside: set[int] = set()
    for first, last in covered:
        inside.update(range(first, last + 1))
    lines = text.split("\n")
    parsed.blank_lines = [parsed.line_starts[i] for i, line in enumerate(lines)
                          if not line.strip() and i not in inside and i < len(lines) - 1]


# -- reading composed nodes ---------------------------------------------------

def is_mapping(node: Any) -> bool:
    """Whether a composed node is a mapping."""
    return bool(node.id == "mapping")


def is_sequence(node: Any) -> bool:
    """Whether a composed node is a sequence."""
    return bool(node.id == "sequence")


def is_null(node: Any) -> bool:
    """Whether a composed node is an empty or ``null`` scalar."""
    return bool(node.id == "scalar" and node.tag.endswith(":null"))


def get(mapping: Any, key: str) -> tuple[Any, Any] | None:
    """The (key node, value node) pair of ``key`` in a composed mapping, if there."""
    for pair in mapping.value:
        if pair[0].value == key:
            return pair  # type: ignore[no-any-return]
    return None


def content_end(parsed: Parsed, node: Any) -> int:
    """Index just past the last character of ``node`` that is not white space.

    Block collections end where the next token starts, after any comments
    that follow them; so follow the last value down to a scalar or a flow
    collection, whose ends are exact.
    """
    while node.id != "scalar" and not node.flow_style and node.value:
        last = node.value[-1]
        if is_mapping(node):
            key, value = last
            node = key if is_null(value) else value
        else:
            node = last
    end = node.end_mark.index
    text = parsed.text
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return int(end)


class Located(NamedTuple):
    """A statement found in the composed tree, with where it sits.

    A linked argument (format 1.1: an item with ``premises``) is located like
    any item of its ``pro`` or ``con`` list; each of its premises has the
    argument's mapping as ``holder`` and ``premises`` as ``key``.
    """

    path: str
    id: str | None
    node: Any  # the statement's mapping
    holder: Any  # the mapping whose list holds it: the document, a statement, an argument
    key: str  # that list's key: claims, pro, con, undercut or premises
    document: int

    @property
    def linked(self) -> bool:
        """Whether this item is a linked argument (it holds ``premises``)."""
        return self.key in ("pro", "con") and get(self.node, "premises") is not None


def statements(documents: list[Any]) -> Iterator[Located]:
    """Every statement mapping with its derived path, depth-first in file order.

    Paths are argmap/readers/yaml/build.py's: a linked argument is ``c1.pro1``, its
    premises ``c1.pro1.1``, ``c1.pro1.2`` and its undercuts ``c1.pro1.undercut1``.
    """
    for number, document in enumerate(documents):
        if is_mapping(document):
            yield from _depth_first(document, number)


#: The lists below a statement, below a linked argument and below a premise, in
#: reverse walk order (the stack pops the last pushed first).
_BELOW = {"statement": ("undercut", "con", "pro"), "argument": ("undercut", "premises"),
          "premise": ("con", "pro")}


def _depth_first(document: Any, number: int) -> Iterator[Located]:
    stack: list[tuple[Any, str, str, int, Any]] = []
    pair = get(document, "claims")
    if pair is not None and is_sequence(pair[1]):
        stack.extend(reversed([(document, "", "claims", i, item)
                               for i, item in enumerate(pair[1].value, 1) if is_mapping(item)]))
    while stack:
        holder, prefix, key, position, item = stack.pop()
        step = "c" if key == "claims" else "." if key == "premises" else "." + key
        path = f"{prefix}{step}{position}"
        # One pass over the keys, not one per key looked up; the first of a repeated key wins.
        values = {k.value: v for k, v in reversed(item.value)}
        own = values.get("id")
        yield Located(path, None if own is None else str(own.value), item, holder, key,
                      number)
        kind = ("premise" if key == "premises" else
                "argument" if key in ("pro", "con") and "premises" in values else "statement")
        for child in _BELOW[kind]:
            value = values.get(child)
            if value is not None and is_sequence(value):
                stack.extend(reversed([(item, path, child, i, sub) for i, sub
                                       in enumerate(value.value, 1) if is_mapping(sub)]))
