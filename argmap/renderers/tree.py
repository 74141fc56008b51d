"""The terminal tree of ``argmap show``: styled lines, built one line at a time.

A rich Tree costs about 1.3 s for 10,000 nodes; this renderer builds each line
as (text, style) segments and emits plain text or ANSI colour directly, so a
100,000-statement map prints in about a second. User text is never parsed as
markup, and every piece of it passes through :func:`_shown` (escape.terminal_visible)
as its segment is built, so no path, the quick one for lines that fit included,
can send a control character or a bidi override to the terminal.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.cells import cell_len

from argmap.model import Relation, Statement
from argmap.renderers.escape import terminal_visible
from argmap.view import Node, View, source_line

Segment = tuple[str, str]  # (text, style name)
Line = list[Segment]


class TreeOptions(NamedTuple):
    """How to print the tree."""

    width: int | None = None  # None: never wrap
    ascii: bool = False
    ids: bool = False
    quotes: bool = False
    sources: bool = True
    statuses: dict[str, str] | None = None  # path -> in/out/undecided (show --eval)


class Glyphs(NamedTuple):
    """Markers and guides, in Unicode or pure ASCII."""

    markers: dict[Relation, str]
    tee: str
    last: str
    pipe: str
    blank: str
    ref: str
    more: str
    by: str
    gauge: tuple[str, str]
    quote: tuple[str, str]


UNICODE = Glyphs({Relation.CLAIM: "◆", Relation.PRO: "+", Relation.CON: "−",
                  Relation.UNDERCUT: "⊘"}, "├── ", "└── ", "│   ", "    ", "↪", "…", "—",
                 ("▰", "▱"), ("“", "”"))
ASCII = Glyphs({Relation.CLAIM: "*", Relation.PRO: "+", Relation.CON: "-",
                Relation.UNDERCUT: "x"}, "|-- ", "`-- ", "|   ", "    ", "->", "...", "--",
               ("#", "."), ('"', '"'))

#: SGR codes per style name; colour is never the only cue (markers carry it too).
SGR = {"question": "1", "context": "2", "claim": "1", "pro": "1;32", "con": "1;31",
       "undercut": "1;38;5;208", "by": "2", "cite": "36", "guide": "2", "id": "2;36",
       "weight": "33", "ref": "3", "more": "2;3", "quote": "3", "heading": "1",
       "source": "", "text": "", "status-in": "1;32", "status-out": "1;31",
       "status-undecided": "1;33", "fallen": "2"}


def render_tree(view: View, options: TreeOptions) -> list[Line]:
    """Lay out a view as styled lines: question, context, the tree, then sources."""
    glyphs = ASCII if options.ascii else UNICODE
    lines: list[Line] = []
    if view.focus is None:
        lines += _wrap([(_shown(view.map.question), "question")], [], [], options.width)
        if view.map.context:
            # Only "\n" breaks: splitlines() would also break at CR, form feed,
            # U+2028 ..., which _shown() makes visible instead.
            for paragraph in view.map.context.removesuffix("\n").split("\n"):
                lines += _wrap([(_shown(paragraph), "context")], [("  ", "")], [("  ", "")],
                               options.width)
    stack: list[tuple[Node, str, bool, bool]] = [
        (root, "", i == len(view.roots) - 1, view.focus is not None)
        for i, root in reversed(list(enumerate(view.roots)))]
    while stack:
        node, prefix, last, is_root = stack.pop()
        lines += _statement_lines(node, view, prefix, last, is_root, glyphs, options)
        below = prefix if is_root else prefix + (glyphs.blank if last else glyphs.pipe)
        kids = list(node.children)
        for i, child in reversed(list(enumerate(kids))):
            stack.append((child, below, i == len(kids) - 1, False))
    if options.sources and view.sources:
        lines.append([])
        lines.append([("Sources", "heading")])
        for number, source_id, source in view.sources:
            lines += _wrap([(f"[{number}] ", "cite"),
                            (_shown(source_line(source_id, source)), "source")],
                           [], [(" " * (len(str(number)) + 3), "")], options.width)
    return lines


def _statement_lines(node: Node, view: View, prefix: str, last: bool, is_root: bool,
                     glyphs: Glyphs, options: TreeOptions) -> list[Line]:
    statement = node.statement
    relation = statement.relation
    guide = "" if is_root else glyphs.last if last else glyphs.tee
    cont_guide = prefix if is_root else prefix + (glyphs.blank if last else glyphs.pipe)
    marker = glyphs.markers[relation]
    lead: Line = [(prefix + guide, "guide"), (marker, relation.value), (" ", "")]
    hang: Line = [(cont_guide, "guide"), (" " * (cell_len(marker) + 1), "")]
    body = _ref_body(node, glyphs) if statement.ref is not None else _body(
        statement, node, glyphs, options)
    if options.statuses is not None:
        from argmap.analysis.marks import mark_tree

        shown = node.target if statement.ref is not None else statement
        body = mark_tree(body, options.statuses.get(shown.path) if shown else None,
                         options.ascii)
    lines = _wrap(body, lead, hang, options.width)
    if options.quotes and statement.ref is None:
        for number, citation in view.evidence.get(statement.path, []):
            lq, rq = glyphs.quote
            locator = f", {_shown(citation.locator)}" if citation.locator else ""
            segs: Line = [(f"{lq}{_shown(citation.quote)}{rq} " if citation.quote else "",
                           "quote"), (f"[{number}{locator}]", "cite")]
            lines += _wrap(segs, hang, hang, options.width)
    if node.hidden:
        word = "statement" if node.hidden == 1 else "statements"
        more: Line = [(f"{glyphs.more} {node.hidden} more {word} (--depth {node.level + 1}, "
                       f"or --focus {_shown(statement.address)})", "more")]
        lines += _wrap(more, hang, hang, options.width)
    return lines


def _body(statement: Statement, node: Node, glyphs: Glyphs, options: TreeOptions) -> Line:
    segs: Line = []
    if options.ids:
        segs.append((f"({_shown(statement.address)}) ", "id"))
    if statement.weight is not None:
        full, empty = glyphs.gauge
        segs.append((full * statement.weight + empty * (5 - statement.weight) + " ", "weight"))
    style = "claim" if statement.relation is Relation.CLAIM else "text"
    segs.append((_shown(statement.text), style))
    if node.citations:
        segs.append((" " + "".join(f"[{n}]" for n in node.citations), "cite"))
    if statement.by:
        segs.append((f" {glyphs.by} {_shown(statement.by)}", "by"))
    return segs


def _ref_body(node: Node, glyphs: Glyphs) -> Line:
    target = node.target
    name = _shown(node.statement.ref or "")
    if target is None:
        return [(f"{glyphs.ref} {name}", "ref")]
    words = target.text.split()
    first = " ".join(words[:8]) + (f" {glyphs.more}" if len(words) > 8 else "")
    lq, rq = glyphs.quote
    return [(f"{glyphs.ref} {name} ", "ref"), (f"{lq}{_shown(first)}{rq}", "ref")]


def _shown(text: str) -> str:
    """User text as the tree shows it: line breaks kept, everything else visible."""
    return terminal_visible(text, multiline=True)


def _width(line: Line) -> int:
    return sum(cell_len(text) for text, _ in line)


def _wrap(body: Line, lead: Line, hang: Line, width: int | None) -> list[Line]:
    """Fill words into lines no wider than ``width``; continuations start with ``hang``.

    Line breaks in the text always break. Deeply nested statements keep at
    least 20 columns for their words, so a narrow terminal makes lines
    overflow rather than one word per line.
    """
    start = _width(lead)
    if width is None:
        width = 1 << 30
    elif start + _width(body) <= width and not any("\n" in t for t, _ in body):
        return [lead + body]
    limit = max(width, _width(hang) + 20, start + 20)
    lines: list[Line] = []
    current, used = list(lead), start
    for text, style in body:
        for word in _words(text):
            size = cell_len(word)
            if word == "\n" or (used + size > limit and used > start):
                lines.append(_rstrip(current))
                current, used = list(hang), _width(hang)
                start = used
                if word == "\n":
                    continue
                word = word.lstrip(" ")
                size = cell_len(word)
            while used + size > limit:  # longer than a whole line: break the word
                head = _fit(word, limit - used)
                current.append((head, style))
                lines.append(current)
                current, used = list(hang), _width(hang)
                start = used
                word = word[len(head):]
                size = cell_len(word)
            current.append((word, style))
            used += size
    lines.append(_rstrip(current))
    return lines


def _words(text: str) -> list[str]:
    """Split into words that keep their leading space, so joins are exact.

    A line break in the text becomes a "\\n" word (a forced break). The text
    has been through :func:`_shown` already: no other control character is left.
    """
    out: list[str] = []
    for n, line in enumerate(text.split("\n")):
        if n:
            out.append("\n")
        for i, word in enumerate(line.split(" ")):
            out.append(word if i == 0 else " " + word)
    return [w for w in out if w]


def _fit(word: str, room: int) -> str:
    taken = 0
    for i, ch in enumerate(word):
        taken += cell_len(ch)
        if taken > room:
            return word[:max(i, 1)]
    return word


def _rstrip(line: Line) -> Line:
    if line and line[-1][0].endswith(" "):
        text, style = line[-1]
        line = [*line[:-1], (text.rstrip(" "), style)]
    return line


def to_text(lines: list[Line], color: bool) -> str:
    """Join lines as plain text, or with ANSI colour per segment."""
    if not color:
        return "".join("".join(t for t, _ in line).rstrip() + "\n" for line in lines)
    out = []
    for line in lines:
        parts = []
        for text, style in line:
            code = SGR.get(style, "")
            parts.append(f"\033[{code}m{text}\033[0m" if code and text else text)
        out.append("".join(parts) + "\n")
    return "".join(out)
