"""Kialo discussion text (``-f kialo``, ``.txt``): a map Kialo can import.

Kialo's export format, which its import reads back::

    Discussion Title: Should hate speech be illegal?

    1. Hate speech should be banned.
    1.1. Con: It is better to challenge bad ideas than to ban them.
    1.1.1. Pro: -> See 1.2.2.

How argmap fills it (docs/exports.md, "Kialo"):

- The question is the discussion title. One claim is the thesis ``1.``; with
  several claims the question is the thesis and each claim a ``Pro:`` of it
  (Kialo's multi-thesis discussions have no documented text form; Kialo can
  turn a single-thesis discussion into a multi-thesis one after import).
- Kialo has no undercuts, but its cons may attack a claim's relevance to its
  parent, which is what an undercut does: an undercut is a ``Con:`` of the
  premise whose step it attacks, marked ``[Undercut]``.
- A ``ref`` is ``-> See N.``, N being the number where the statement is
  written; a statement a cut left out is written at its first ref instead.
- Text is Kialo's Markdown: ``\\ ( ) [ ] * _`` are escaped, line breaks
  become spaces, and each cited source with a URL follows as a link.
  ``by``, weights, notes, tags and the context have no place in the format.
"""

from __future__ import annotations

from argmap.exporters import ExportOptions
from argmap.exporters.notation import LABELS
from argmap.graph import ArgumentGraph, GStatement
from argmap.model import Relation, single_spaced

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\()[]*_"})
UNDERCUT = "[Undercut] "


def escape(text: str) -> str:
    """User text as one line of Kialo Markdown that shows as typed.

    A text that starts like Kialo's pointer (``-> See 1.2.``) gets its ``>``
    escaped, so an import cannot mistake it for one.
    """
    escaped = single_spaced(text).translate(_SPECIAL)
    return "-\\>" + escaped[2:] if escaped.startswith("->") else escaped


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The Kialo text of one (possibly cut) map."""
    del options
    from argmap.graph import walk

    visits = walk(graph)
    several = len(graph.roots) > 1
    offset = 1 if several else 0
    numbers: list[str] = []
    written: dict[str, str] = {}
    path: list[int] = [1] if several else []
    for visit in visits:
        level = visit.depth + offset
        if len(path) > level:
            del path[level + 1:]
            path[level] += 1
        else:
            path.append(1)
        number = "".join(f"{n}." for n in path)
        numbers.append(number)
        if visit.expanded:
            written[visit.key] = number
    out = [f"Discussion Title: {escape(graph.question)}", ""]
    if several:
        out.append(f"1. {escape(graph.question)}")
    for visit, number in zip(visits, numbers, strict=True):
        if visit.depth == 0:  # a claim or the focus: the thesis, or a Pro of the question
            relation = Relation.PRO if several else None
        else:
            relation = visit.link.relation if visit.link is not None else None
        if relation is None:
            label = ""
        elif relation is Relation.UNDERCUT:
            label = f"{LABELS[Relation.CON]}: {UNDERCUT}"
        else:
            label = f"{LABELS[relation]}: "
        if visit.expanded:
            body = _text(graph, graph.statements[visit.key])
        elif visit.key in written:
            body = f"-> See {written[visit.key]}"
        else:  # a ref to a statement the cut left out: write it here, once
            target = graph.lookup(visit.key)
            written[visit.key] = number
            body = _text(graph, target) if target is not None else escape(visit.key)
        out.append(f"{number} {label}{body}")
    out.append("")
    return "\n".join(out)


def _text(graph: ArgumentGraph, s: GStatement) -> str:
    """The statement's text, then its cited sources that have a URL, as links."""
    text = escape(s.text)
    seen: set[str] = set()
    for citation in s.cites:
        source = graph.sources.get(citation.source)
        if source is None or not source.url or citation.source in seen:
            continue
        seen.add(citation.source)
        address = source.url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
        text += f" [{escape(source.title)}]({address})"
    return text
