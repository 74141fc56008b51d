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
- A linked argument (format 1.1) is one ``Pro:``/``Con:`` whose text joins
  its premises, ``[Together] A [and] B``; the pros and cons of its i-th
  premise are children marked ``[Premise i]``, its undercuts children marked
  ``[Undercut]``. The Kialo reader turns the marks back into the argument. A
  premise that is, or has, a ``ref`` elsewhere is written out in full inside
  the item (Kialo cannot point into it), and ``options.warn`` says so.
- A ``ref`` is ``-> See N.``, N being the number where the statement is
  written; a statement a cut left out, or one written only inside a joined
  item, is written at its first ref instead.
- Text is Kialo's Markdown: ``\\ ( ) [ ] * _`` are escaped, line breaks
  become spaces, and each cited source with a URL follows as a link.
  ``by``, weights, notes, tags and the context have no place in the format.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.escape import CONTROLS
from argmap.exporters import ExportOptions
from argmap.exporters.notation import LABELS
from argmap.graph import ArgumentGraph, GStatement, Link, Visit
from argmap.model import Relation, single_spaced

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\()[]*_"})
UNDERCUT = "[Undercut] "
#: a linked argument's joined premises: ``[Together] A [and] B`` (user brackets are escaped)
TOGETHER, AND = "[Together] ", " [and] "


def escape(text: str) -> str:
    """User text as one line of Kialo Markdown that shows as typed.

    A text that starts like Kialo's pointer (``-> See 1.2.``) gets its ``>``
    escaped, so an import cannot mistake it for one.
    """
    escaped = single_spaced(text).translate(CONTROLS).translate(_SPECIAL)
    return "-\\>" + escaped[2:] if escaped.startswith("->") else escaped


class _Rows(NamedTuple):
    """The numbered lines to write: one visit each, its depth the line's level, and
    by line index the extras linked arguments bring (none in a format-1 map)."""

    visits: list[Visit]
    marks: dict[int, str]  # argmap's mark after the label: "[Premise 2] "
    #: a linked argument's premises, joined on one line (its visit there is not expanded)
    joined: dict[int, list[Visit]]
    lost: int  # premises written out again: they also stand elsewhere through ref


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The Kialo text of one (possibly cut) map."""
    rows, marks, joined, lost = _rows(graph)
    several = len(graph.roots) > 1
    offset = 1 if several else 0
    numbers: list[str] = []
    written: dict[str, str] = {}
    path: list[int] = [1] if several else []
    for visit in rows:
        level = visit.depth + offset
        if len(path) > level:
            del path[level + 1:]
            path[level] += 1
        else:
            path.append(1)
        number = "".join(f"{n}." for n in path)
        numbers.append(number)
        if visit.expanded:  # a joined line's visit is not: its premises are not here
            written[visit.key] = number
    out = [f"Discussion Title: {escape(graph.question)}", ""]
    if several:
        out.append(f"1. {escape(graph.question)}")
    statements = graph.statements
    # by line number from here (a format-1 map has none)
    mark_of = {numbers[i]: mark for i, mark in marks.items()} if marks else None
    parts_of = {numbers[i]: parts for i, parts in joined.items()}
    for visit, number in zip(rows, numbers, strict=True):
        if visit.depth == 0:  # a claim or the focus: the thesis, or a Pro of the question
            relation = Relation.PRO if several else None
        else:
            relation = visit.link.relation if visit.link is not None else None
        if relation is None:
            label = ""
        elif relation is Relation.UNDERCUT:
            label = f"{LABELS[Relation.CON]}: {UNDERCUT}"
        else:
            label = f"{LABELS[relation]}: {mark_of.get(number, '') if mark_of else ''}"
        if visit.expanded:
            body = _text(graph, statements[visit.key])
        elif parts_of and number in parts_of:
            body = TOGETHER + AND.join(_body(graph, p, written, number, True)
                                       for p in parts_of[number])
        else:
            body = _body(graph, visit, written, number, False)
        out.append(f"{number} {label}{body}")
    out.append("")
    if lost and options.warn is not None:
        options.warn(graph.id, f"kialo: {lost} premise{'s' if lost > 1 else ''} of linked "
                     "arguments also stand elsewhere (ref); Kialo cannot point into a "
                     "[Together] item, so each is written out again and reads back as a "
                     "statement of its own")
    return "\n".join(out)


def _body(graph: ArgumentGraph, visit: Visit, written: dict[str, str], number: str,
          part: bool) -> str:
    """The text of a row (or of one part of a joined item), or a pointer to it."""
    if visit.expanded:
        return _text(graph, graph.statements[visit.key])
    if visit.key in written and not part:
        return f"-> See {written[visit.key]}"
    # a statement the cut left out, or one only written inside a joined item: write it
    # here (a part is always written out: a pointer cannot stand inside an item's text)
    target = graph.lookup(visit.key)
    if not part:
        written[visit.key] = number
    return _text(graph, target) if target is not None else escape(visit.key)


def _rows(graph: ArgumentGraph) -> _Rows:
    """The lines to number and write (see :class:`_Rows`).

    A linked argument (its premises are consecutive visits at one depth, each
    followed by its subtree, then its undercuts) is one line; the pros and cons of
    its i-th premise become the line's children marked ``[Premise i]``, and its
    undercuts its children marked ``[Undercut]``, one level deeper than the walk has them.
    """
    from argmap.graph import walk

    visits = walk(graph)
    if not graph.has_linked():
        return _Rows(visits, {}, {}, 0)
    rows: list[Visit] = []
    marks: dict[int, str] = {}
    joined: dict[int, list[Visit]] = {}
    lost = 0
    #: linked arguments being written: (link, depth of its premises, extra levels inside,
    #: its line's premises, premises so far, [True once at its undercuts])
    open_: list[tuple[Link, int, int, list[Visit], list[int], list[bool]]] = []
    shared = _referenced(graph)  # statements with a ref somewhere
    for visit in visits:
        link, depth = visit.link, visit.depth
        while open_:
            arg, at, _, _, _, cuts = open_[-1]
            if depth > at or (depth == at and link is not None and (
                    link.key == arg.key if not cuts[0] else link.undercuts(arg.key))):
                break
            if depth == at and link is not None and link.undercuts(arg.key):
                cuts[0] = True
                break
            open_.pop()
        extra = open_[-1][2] if open_ else 0
        if open_:
            arg, at, _, parts, count, cuts = open_[-1]
            if depth == at and not cuts[0]:  # the next premise of the open argument
                parts.append(visit)
                count[0] += 1
                lost += not visit.expanded or visit.key in shared
                continue
            if depth == at + 1 and not cuts[0]:
                marks[len(rows)] = f"[Premise {count[0]}] "
            if cuts[0]:
                extra += 1  # the argument's undercuts hang below its line
        if extra:
            visit = visit._replace(depth=depth + extra)
        if link is not None and depth > 0 and len(link.premises) > 1:
            parts = joined[len(rows)] = [visit]
            lost += not visit.expanded or visit.key in shared
            open_.append((link, depth, extra, parts, [1], [False]))
            visit = visit._replace(expanded=False)  # the line holds all its premises
        rows.append(visit)
    return _Rows(rows, marks, joined, lost)


def _referenced(graph: ArgumentGraph) -> set[str]:
    """The statements some position ``ref``s (Kialo points at them with ``-> See``)."""
    return {p for link in graph.links for p in link.premises if not graph.written_at(link, p)}


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
