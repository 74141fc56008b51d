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

from argmap.escape import terminal_visible
from argmap.exporters import notation
from argmap.exporters.dot import relation_of
from argmap.exporters.notation import more_below, preview, source_line
from argmap.graph import ArgumentGraph, GStatement, Link
from argmap.model import Relation

#: the line that opens a linked argument, after its marker
TOGETHER = "together:"

Segment = tuple[str, str]  # (text, style name)
Line = list[Segment]


class TreeOptions(NamedTuple):
    """How to print the tree."""

    width: int | None = None  # None: never wrap
    ascii: bool = False
    ids: bool = False
    quotes: bool = False
    sources: bool = True
    statuses: dict[str, str] | None = None  # statement key -> in/out/undecided (show --eval)


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


UNICODE = Glyphs(notation.MARKERS, "├── ", "└── ", "│   ", "    ", notation.REF, notation.MORE,
                 notation.BY, notation.GAUGE, notation.QUOTES)
ASCII = Glyphs(notation.ASCII_MARKERS, "|-- ", "`-- ", "|   ", "    ", "->", "...", "--",
               ("#", "."), ('"', '"'))

#: SGR codes per style name; colour is never the only cue (markers carry it too).
SGR = {"question": "1", "context": "2", "claim": "1", "pro": "1;32", "con": "1;31",
       "undercut": "1;38;5;208", "by": "2", "cite": "36", "guide": "2", "id": "2;36",
       "weight": "33", "ref": "3", "more": "2;3", "quote": "3", "heading": "1",
       "source": "", "text": "", "status-in": "1;32", "status-out": "1;31",
       "status-undecided": "1;33", "fallen": "2", "together": "1"}


#: one line of the tree to lay out: (key, link it is reached by, level, prefix, last,
#: is_root, together); ``together`` marks a linked argument's "+ together:" line, whose
#: ``link`` is the argument (its ``key`` is unused)
_Item = tuple[str, Link | None, int, str, bool, bool, bool]


def render_tree(graph: ArgumentGraph, options: TreeOptions) -> list[Line]:
    """Lay out a (cut) graph as styled lines: question, context, the tree, then sources.

    A linked argument is one "+ together:" (or "− together:") line with its
    premises below it, each with its own subtree (a ``ref`` premise as a
    pointer), then the argument's undercuts.
    """
    glyphs = ASCII if options.ascii else UNICODE
    lines: list[Line] = []
    if graph.focus is None:
        lines += _wrap([(_shown(graph.question), "question")], [], [], options.width)
        if graph.context:
            # Only "\n" breaks: splitlines() would also break at CR, form feed,
            # U+2028 ..., which _shown() makes visible instead.
            for paragraph in graph.context.removesuffix("\n").split("\n"):
                lines += _wrap([(_shown(paragraph), "context")], [("  ", "")], [("  ", "")],
                               options.width)
    focused = graph.focus is not None
    roots = graph.roots
    stack: list[_Item] = []
    for i, key in reversed(list(enumerate(roots))):
        home = graph.statements[key].link
        stack.append((key, graph.link(home) if home else None, 0 if focused else 1, "",
                      i == len(roots) - 1, focused, False))
    numbers = graph.numbers()
    into, under = graph.indexes()
    statements, pop, push = graph.statements, stack.pop, stack.append
    while stack:
        key, link, level, prefix, last, is_root, together = pop()
        if together:
            assert link is not None
            lines += _together_lines(link, prefix, last, glyphs, options)
            below = prefix + (glyphs.blank if last else glyphs.pipe)
            members = [(p, link) for p in link.premises]
            members += [(p, cut) for cut in under.get(link.key, ()) for p in cut.premises]
            end = len(members) - 1
            for i in range(end, -1, -1):
                push((members[i][0], members[i][1], level, below, i == end, False, False))
            continue
        written = link is None or graph.written_at(link, key)
        statement = statements[key] if written else None
        lines += _statement_lines(graph, key, link, statement, numbers, level, prefix,
                                  last, is_root, glyphs, options)
        if statement is None:
            if link is not None and len(link.premises) == 1 and link.key in under:
                cuts = under[link.key]  # format 1.2: the undercuts of a ref's own step
                below = prefix + (glyphs.blank if last else glyphs.pipe)
                for child in reversed(cuts):
                    push((child.premises[0], child, level + 1, below, child is cuts[-1], False,
                          False))
            continue
        kids = into.get(key)
        home = statement.link
        # a linked argument's undercuts belong to the argument (its together line)
        if home is not None and home in under and (link is None or len(link.premises) == 1):
            kids = (kids or []) + under[home]
        if not kids:
            continue
        below = prefix if is_root else prefix + (glyphs.blank if last else glyphs.pipe)
        level += 1
        end_link = kids[-1]
        for child in reversed(kids):
            if len(child.premises) == 1:
                push((child.premises[0], child, level, below, child is end_link, False, False))
            else:
                push(("", child, level, below, child is end_link, False, True))
    if options.sources and graph.citations:
        lines.append([])
        lines.append([("Sources", "heading")])
        for number, source_id, source in graph.citations:
            lines += _wrap([(f"[{number}] ", "cite"),
                            (_shown(source_line(source_id, source)), "source")],
                           [], [(" " * (len(str(number)) + 3), "")], options.width)
    return lines


def _statement_lines(graph: ArgumentGraph, key: str, link: Link | None,
                     statement: GStatement | None, numbers: dict[str, int], level: int,
                     prefix: str, last: bool, is_root: bool, glyphs: Glyphs,
                     options: TreeOptions) -> list[Line]:
    """The lines of one statement (``None`` for a ref: a pointer to ``key``)."""
    relation = link.relation if link is not None else relation_of(graph, key, link)
    guide = "" if is_root else glyphs.last if last else glyphs.tee
    cont_guide = prefix if is_root else prefix + (glyphs.blank if last else glyphs.pipe)
    marker = glyphs.markers[relation]
    lead: Line = [(prefix + guide, "guide"), (marker, relation.value), (" ", "")]
    hang: Line = [(cont_guide, "guide"), (" " * (cell_len(marker) + 1), "")]
    body = _body(graph, statement, numbers, glyphs, options) if statement is not None \
        else _ref_body(graph, key, glyphs)
    if statement is None and link is not None and link.weight is not None and (
            len(link.premises) == 1):  # format 1.2: a ref's own step carries a weight
        body = [(notation.gauge(link.weight, glyphs.gauge) + " ", "weight"), *body]
    if options.statuses is not None:
        from argmap.exporters.notation import mark_tree

        body = mark_tree(body, options.statuses.get(key), options.ascii)
    lines = _wrap(body, lead, hang, options.width)
    if statement is None:
        return lines
    if options.quotes:
        for citation in statement.cites:
            if citation.quote is None and citation.locator is None:
                continue
            lq, rq = glyphs.quote
            locator = f", {_shown(citation.locator)}" if citation.locator else ""
            segs: Line = [(f"{lq}{_shown(citation.quote)}{rq} " if citation.quote else "",
                           "quote"), (f"[{numbers[citation.source]}{locator}]", "cite")]
            lines += _wrap(segs, hang, hang, options.width)
    hidden = graph.hidden.get(key) if graph.hidden else None
    if hidden:
        more = more_below(hidden, level, _shown(graph.address(key)), glyphs.more)
        lines += _wrap([(more, "more")], hang, hang, options.width)
    return lines


def _together_lines(link: Link, prefix: str, last: bool, glyphs: Glyphs,
                    options: TreeOptions) -> list[Line]:
    """The "+ together:" line of a linked argument: its id or path (``--ids``) and weight
    gauge."""
    marker = glyphs.markers[link.relation]
    lead: Line = [(prefix + (glyphs.last if last else glyphs.tee), "guide"),
                  (marker, link.relation.value), (" ", "")]
    hang: Line = [(prefix + (glyphs.blank if last else glyphs.pipe), "guide"),
                  (" " * (cell_len(marker) + 1), "")]
    body: Line = []
    if options.ids:  # its id, else its path: what `argmap add --to` takes
        body.append((f"({_shown(link.id or link.address)}) ", "id"))
    if link.weight is not None:
        body.append((notation.gauge(link.weight, glyphs.gauge) + " ", "weight"))
    body.append((TOGETHER, "together"))
    if options.statuses is not None:  # show --eval: does the argument count?
        from argmap.analysis.evaluate import ARGUMENT
        from argmap.exporters.notation import mark_tree

        body = mark_tree(body, options.statuses.get(ARGUMENT + link.key), options.ascii)
    return _wrap(body, lead, hang, options.width)


def _body(graph: ArgumentGraph, statement: GStatement, numbers: dict[str, int],
          glyphs: Glyphs, options: TreeOptions) -> Line:
    segs: Line = []
    if options.ids:
        segs.append((f"({_shown(graph.address(statement.key))}) ", "id"))
    if statement.weight is not None:
        segs.append((notation.gauge(statement.weight, glyphs.gauge) + " ", "weight"))
    style = "claim" if statement.is_claim else "text"
    segs.append((_shown(statement.text), style))
    if statement.cites:
        cited = graph.cited(statement.key, numbers)
        if cited:
            segs.append((" " + "".join(f"[{n}]" for n in cited), "cite"))
    if statement.by:
        segs.append((f" {glyphs.by} {_shown(statement.by)}", "by"))
    return segs


def _ref_body(graph: ArgumentGraph, key: str, glyphs: Glyphs) -> Line:
    target = graph.lookup(key)
    name = _shown(key)
    if target is None:
        return [(f"{glyphs.ref} {name}", "ref")]
    lq, rq = glyphs.quote
    return [(f"{glyphs.ref} {name} ", "ref"),
            (f"{lq}{_shown(preview(target.text, more=glyphs.more))}{rq}", "ref")]


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


def header(graph: ArgumentGraph, in_stream: bool, ascii_only: bool) -> Line:
    """The rule line naming a map above its tree: ``── id (file) ──``.

    A map from a file of several documents is named with the line its
    document starts on (``file:12``), so each header points at its own map.
    """
    rule = "--" if ascii_only else "──"
    where = terminal_visible(graph.span.file)
    if in_stream:
        where += f":{graph.span.line}"
    return [(f"{rule} ", "guide"), (graph.id, "heading"), (f" ({where}) ", "by"),
            (rule, "guide")]


def show_text(graphs: list[ArgumentGraph], options: TreeOptions, color: bool,
              statuses: dict[str, dict[str, str]] | None = None, headed: bool = False,
              shared: frozenset[str] = frozenset()) -> str:
    """What ``argmap show`` prints: each (cut) graph's tree, under a header when ``headed``.

    ``statuses`` (map id -> statement key -> status) marks what stands and adds
    the legend; a header names the line a map starts on when its file is one
    of ``shared``, the files that hold several maps.
    """
    from argmap.analysis.evaluate import ASCII_LEGEND, LEGEND, SEMANTICS_KEY

    legend = ASCII_LEGEND if options.ascii else LEGEND
    if statuses is not None:  # name how the statuses were decided
        used = dict.fromkeys(statuses[g.id].get(SEMANTICS_KEY, "grounded") for g in graphs)
        legend += (" · " if not options.ascii else ", ") + ", ".join(used) + " semantics"

    parts = []
    for g in graphs:
        head = (to_text([header(g, g.span.file in shared, options.ascii)], color)
                if headed else "")
        marked = options if statuses is None else options._replace(statuses=statuses[g.id])
        parts.append(head + to_text(render_tree(g, marked), color))
    return "\n".join(parts) + (f"\n{legend}\n" if statuses is not None else "")
