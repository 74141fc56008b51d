"""Markdown (``-f markdown``, ``.md``): the map as a nested outline for documents and GitHub.

The outline reads like ``argmap show``: each statement is a list item with
its marker (◆ claim, + supports, − rebuts, ⊘ undercuts), weight gauge, text,
citations and ``— by``. Citations are numbered footnotes (``[^1]``) whose
definitions are the source list; ``--quotes`` adds each quote as a block
quote under its statement; ``--no-legend`` leaves citations and sources out.
A ``ref`` is a link to the statement's anchor: statements with an id carry
an explicit ``<a id>`` (GitHub gives list items no heading anchors).

User text goes through :func:`escape` (one rule, tested against a Markdown
parser), so ``*``, ``_``, ``<b>`` or ``[1]`` in a statement show as typed.
"""

from __future__ import annotations

import re

from argmap.escape import CONTROLS
from argmap.exporters import ExportOptions
from argmap.exporters.notation import BY, MARKERS, QUOTES, REF, gauge, more_below, preview
from argmap.exporters.outline import rows
from argmap.graph import ArgumentGraph, GStatement, Link, Visit
from argmap.model import Relation, Source, single_spaced

#: the item that holds a linked argument's premises
TOGETHER = "Together:"
#: inline syntax anywhere in a line: code, emphasis, links, HTML, entities, strikethrough
_INLINE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&~|"})
_PLAIN = re.compile(r"[\\`*_\[\]<>&~|\n]")
#: block syntax at the start of a line: headings, lists, quotes, rules, setext, numbered lists
_LINE_START = re.compile(r"^([#>+\-=]|[0-9]+(?=[.)]))")


def escape(text: str, line_start: bool = False) -> str:
    """User text as Markdown that renders exactly as the text (CommonMark and GitHub).

    Inline syntax is backslash-escaped everywhere; block syntax only where a
    line starts (``line_start``: the text begins a line; continuation lines
    always do), so ``street-level`` stays readable in the source. Line breaks
    become hard breaks; the caller indents continuation lines.
    """
    text = text.translate(CONTROLS)  # a control character becomes U+FFFD, never raw bytes
    if not line_start and _PLAIN.search(text) is None:
        return text  # most texts: nothing to escape
    lines = []
    for n, line in enumerate(text.split("\n")):
        line = line.translate(_INLINE)
        match = _LINE_START.match(line) if n or line_start else None
        if match:
            end = match.end()
            line = (line[:end - 1] + "\\" + line[end - 1:] if not line[0].isdigit()
                    else line[:end] + "\\" + line[end:])
        lines.append(line)
    return "\\\n".join(lines)


def _url(address: str) -> str:
    """A URL as a link destination: the characters Markdown would cut it at, encoded."""
    return "".join(f"%{ord(c):02X}" if c in "<>() \\" else c for c in address)


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The Markdown outline of one (possibly cut) map."""
    out = [f"# {escape(single_spaced(graph.question))}", ""]
    if graph.context and graph.focus is None:
        for paragraph in re.split(r"\n\s*\n", graph.context):
            out += [escape(paragraph.strip(), line_start=True), ""]
    numbers = graph.numbers() if options.legend else {}
    for row in rows(graph):
        if row.argument is not None:
            _together(out, row.argument, row.depth)
        else:
            _item(out, graph, row.visit, row.depth, numbers, options)
    if numbers and graph.citations:
        out.append("")
        for number, source_id, source in graph.citations:
            out.append(f"[^{number}]: {_source(source_id, source)}")
    out.append("")
    return "\n".join(out)


def _together(out: list[str], argument: Link, depth: int) -> None:
    """A linked argument's item: its marker, anchor, weight and "Together:" (its
    premises and undercuts are the items nested below it)."""
    head = f'<a id="{argument.id}"></a>' if argument.id is not None else ""
    if argument.weight is not None:
        head += gauge(argument.weight) + " "
    out.append(f"{'  ' * depth}- **{MARKERS[argument.relation]}** {head}*{TOGETHER}*")


def _item(out: list[str], graph: ArgumentGraph, visit: Visit, depth: int,
          numbers: dict[str, int], options: ExportOptions) -> None:
    pad = "  " * depth
    inner = pad + "  "
    relation = visit.link.relation if visit.link is not None else Relation.CLAIM
    marker = f"**{MARKERS[relation]}**"
    if not visit.expanded:
        out.append(f"{pad}- {marker} {_ref(graph, visit.key)}")
        return
    s = graph.statements[visit.key]
    body = escape(s.text).replace("\n", "\n" + inner)
    if relation is Relation.CLAIM:
        body = f"**{body}**"
    if options.statuses is not None:
        from argmap.exporters.notation import mark_markdown

        body = mark_markdown(body, options.statuses.get(graph.id, {}).get(s.key))
    head = f'<a id="{s.key}"></a>' if s.id is not None else ""
    if s.weight is not None and relation is not Relation.CLAIM:
        head += gauge(s.weight) + " "
    line = f"{pad}- {marker} {head}{body}"
    cited = graph.cited(s.key, numbers) if numbers else ()
    if cited:
        line += " " + "".join(f"[^{n}]" for n in cited)
    if s.by:
        line += f" {BY} *{escape(s.by)}*".replace("\n", "\n" + inner)
    out.append(line)
    if options.quotes and numbers:
        _quotes(out, s, numbers, inner, graph.marked)
    hidden = graph.hidden.get(s.key)
    if hidden:
        out.append(f"{inner}- *{escape(more_below(hidden, visit.level, s.key))}*")


def _ref(graph: ArgumentGraph, key: str) -> str:
    """``↪ [id](#id) “first words …”``; without a link when the statement is not shown."""
    target = graph.lookup(key)
    name = target.id if target is not None and target.id else key
    words = f" {QUOTES[0]}{escape(preview(target.text))}{QUOTES[1]}" if target else ""
    if key in graph.statements:
        return f"{REF} [{escape(name)}](#{key}){words}"
    return f"{REF} {escape(name)}{words} (not shown)"


def _quotes(out: list[str], s: GStatement, numbers: dict[str, int], inner: str,
            marked: bool) -> None:
    for c in s.cites:
        if c.quote is None and c.locator is None:
            continue
        number = numbers.get(c.source)
        text = f"{QUOTES[0]}{_marked(c.quote, marked)}{QUOTES[1]} " if c.quote else ""
        where = f", {escape(c.locator)}" if c.locator else ""
        quote = f"{text}[^{number}]{where}" if number else f"{text}{where}"
        out.append(f"{inner}> " + quote.replace("\n", f"\n{inner}> "))


def _marked(quote: str, marked: bool) -> str:
    """A quote escaped, its read parts (format 1.2 markup) in ``<mark>``, ``<u>`` and
    ``<strong>``, as the brief writes them."""
    from argmap.markup import EMPHASIS, HIGHLIGHT, UNDERLINE, runs_or_text

    out = []
    for run in runs_or_text(quote, marked):
        tags = [t for m, t in ((HIGHLIGHT, "mark"), (UNDERLINE, "u"), (EMPHASIS, "strong"))
                if m in run.marks]
        out.append("".join(f"<{t}>" for t in tags) + escape(run.text)
                   + "".join(f"</{t}>" for t in reversed(tags)))
    return "".join(out)


def _source(source_id: str, source: Source | None) -> str:
    """A footnote: author, title, publisher and date, and the URL as a link."""
    if source is None:
        return escape(source_id)
    parts = []
    if source.author:
        parts.append(_sentence(", ".join(source.author)))
    parts.append(f"*{_sentence(source.title)}*")
    where = ", ".join(p for p in (source.publisher, source.date) if p)
    if where:
        parts.append(_sentence(where))
    text = " ".join(escape(p) if not p.startswith("*") else f"*{escape(p[1:-1])}*"
                    for p in parts)
    if source.url:
        text += f" [{escape(source.url)}]({_url(source.url)})"
    return text.replace("\n", "\n    ")


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."
