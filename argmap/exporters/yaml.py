"""Canonical argmap YAML (``-f yaml``): the (cut) map, written by one set of rules.

Loading the export gives the same model as loading the original (tested for
every fixture, bundled map and generated maps). The rules (docs/exports.md,
"Canonical form"), which ``argmap fmt`` follows too:

- Two-space indentation; list items indented under their key, as in the docs.
- Key order: the map's as in the key table (``argmap``, ``id``, ``question``,
  ``context``, ``tags``, ``claims``, ``sources``); a statement's own keys
  first, then its premises: ``id``, ``text``, ``by``, ``weight``, ``tags``,
  ``note``, ``cites``, ``pro``, ``con``, ``undercut``; a linked argument's
  ``premises`` first, then ``id``, ``weight``, ``tags``, ``note``, ``undercut``
  (docs/format.md, "Canonical layout"); a source's as in its table.
- Scalars (:func:`scalar`): ``fmt``'s rule, from :mod:`argmap.readers.yaml.style`
  (so the export always passes ``fmt --check``): one line, plain where YAML
  reads it back as the same text, else quoted; a text with line breaks is a
  literal block (``|-``) where one can hold it. Texts are never folded: one
  statement is one line, so a diff shows the words that changed.
- Lists of texts (tags, authors, bare citations) in flow style, ``[a, b]``, when
  the line fits in 80 columns.
- Source dates plain, as argmap reads them: ``date: 2024-03``.
- ``argmap: 1`` unless the map has a linked argument (``argmap: 1.1``).

A cut map stays a valid map: the focused statement becomes the only claim
(its weight and its undercuts, which bore on its link to a parent that is cut
away, are left out), and the first ``ref`` to a statement the cut left out carries
that statement's own keys instead, without its premises and citations.
"""

from __future__ import annotations

import re

from argmap.exporters import ExportOptions
from argmap.graph import ArgumentGraph, GStatement, Link
from argmap.model import LINKED_VERSION, V1_2, Citation, Relation, Source
from argmap.readers.yaml import style
from argmap.speeches import PRESETS

_DATES = ("date", "accessed")
_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def scalar(text: str, indent: int) -> str:
    """The text to put after ``key: ``; a literal block's lines are indented ``indent``.

    ``fmt``'s rule (:mod:`argmap.readers.yaml.style`): plain where YAML reads it
    back as the same text, a literal block for line breaks where one can hold
    them, else quoted.
    """
    if style.plain_ok(text):
        return text
    if "\n" in text and style.literal_ok(text):
        pad = " " * indent
        return "|-\n" + "\n".join(pad + line if line else "" for line in text.split("\n"))
    return style.quoted(text)


def key(name: str) -> str:
    """A mapping key (source ids are slugs, but ``yes`` or ``2024`` need quotes)."""
    return style.scalar(name)


def flow_list(items: tuple[str, ...] | list[str], head: str) -> str | None:
    """``head [a, b]`` when the line fits in fmt's width, else None (use a block list)."""
    line = f"{head} [" + ", ".join(style.scalar(item, flow=True) for item in items) + "]"
    return line if len(line) <= style.WIDTH else None


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The canonical YAML of one (possibly cut) map."""
    del options
    # the oldest version that holds the map, so that older argmap releases read it too
    version = (V1_2 if _needs_1_2(graph) or _cards(graph) or _names_other_maps(graph)
               else LINKED_VERSION if graph.has_linked() else "1")
    out = [f"argmap: {version}", f"id: {scalar(graph.id, 2)}",
           f"question: {scalar(graph.question, 2)}"]
    if graph.context is not None:
        out.append(f"context: {scalar(graph.context, 2)}")
    _list(out, "tags", graph.tags, "")
    _list(out, "sides", graph.sides, "")
    if graph.semantics is not None:
        out.append(f"semantics: {graph.semantics}")
    _round(out, graph)
    out.append("claims:")
    _claims(out, graph)
    own = {k: v for k, v in graph.sources.items() if "/" not in k}  # not another map's
    if own:
        out.append("sources:")
        for source_id, source in own.items():
            out.append(f"  {key(source_id)}:")
            _source(out, source, "    ")
    out.append("")
    return "\n".join(out)


def _round(out: list[str], graph: ArgumentGraph) -> None:
    """The round's `format` and, when they are not the preset's, its `speeches` (1.2)."""
    if graph.format is not None:
        out.append(f"format: {graph.format}")
        if graph.speeches == PRESETS[graph.format].resolve(graph.sides):
            return
    if not graph.speeches:
        return
    sides = graph.sides
    if sides and all(s.minutes is None and s.side == sides[i % len(sides)]
                     for i, s in enumerate(graph.speeches)):
        _list(out, "speeches", tuple(s.name for s in graph.speeches), "")  # they alternate
        return
    out.append("speeches:")
    for speech in graph.speeches:
        out.append(f"  - name: {scalar(speech.name, 6)}")
        if speech.side is not None:
            out.append(f"    side: {key(speech.side)}")
        if speech.minutes is not None:
            out.append(f"    minutes: {speech.minutes:g}")


def _cards(graph: ArgumentGraph) -> bool:
    """Whether the map needs format 1.2 for its cards: a source with `quals` or `short`, or,
    in a map read as 1.2, a quote with a marker or an escape (which 1.1 would read as
    written)."""
    if any(s.quals or s.short for s in graph.sources.values()):
        return True
    return graph.marked and any(
        c.quote and ("==" in c.quote or "__" in c.quote or "**" in c.quote or "\\" in c.quote)
        for s in graph.statements.values() for c in s.cites)


def _needs_1_2(graph: ArgumentGraph) -> bool:
    """Whether the map uses a key of format 1.2 (sides, semantics, steps on a ref, schemes)."""
    if graph.sides or graph.semantics is not None or graph.speeches or graph.format:
        return True
    if any(graph.statements[k].side is not None for k in graph.claims):
        return True
    if any(link.scheme for link in graph.links) or any(s.answers for s in graph):
        return True  # argument schemes and critical questions
    return any(link.ref and len(link.premises) == 1 and (
        link.weight is not None or link.note is not None or graph.undercuts_of(link.key))
        for link in graph.links)


def _names_other_maps(graph: ArgumentGraph) -> bool:
    """Whether the map names another map's statement or source (``MAP-ID/ID``, 1.2)."""
    return any("/" in premise for link in graph.links for premise in link.premises) or any(
        "/" in source for source in graph.sources)


def _list(out: list[str], name: str, items: tuple[str, ...], pad: str) -> None:
    """A list of texts: flow style when every item is plain, else a block list."""
    if not items:
        return
    flow = flow_list(items, f"{pad}{name}:")
    if flow is not None:
        out.append(flow)
        return
    out.append(f"{pad}{name}:")
    out.extend(f"{pad}  - {scalar(item, len(pad) + 4)}" for item in items)


#: a statement to write: its key, the link it is reached by, the indent of its "- ", and
#: whether it is a ``ref`` there
_Item = tuple[str, Link | None, int, bool]


def _claims(out: list[str], graph: ArgumentGraph) -> None:
    """Every root and what lies below it, depth-first, as block lists."""
    carried: set[str] = set()  # outside statements already written at a ref position
    # stack items: (statement key, link or None, indent of "- ", a ref there) or a header
    stack: list[_Item | str] = [(k, None, 2, False) for k in reversed(graph.roots)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        name, link, indent, ref = item
        pad = " " * indent
        if ref:
            target = graph.statements.get(name)
            outside = graph.outside.get(name) if target is None else None
            # another map's statement (format 1.2 projects) stays a ref to it
            if outside is None or name in carried or "/" in name:
                named = target.id if target is not None and target.id else name
                out.append(f"{pad}- ref: {key(named)}")
                if link is not None and len(link.premises) == 1:
                    stack.extend(reversed(_step(graph, link, indent)))
                continue
            carried.add(name)
            # its sources may be cut away with it: leave the citations where it is written
            _own(out, outside._replace(cites=()), None, indent)
            continue
        statement = graph.statements[name]
        # a focused premise becomes a claim: its weight was on the step to the parent cut away
        weight = statement.weight if link is not None or statement.is_claim else None
        scheme = link.scheme if link is not None and len(link.premises) == 1 else None
        _own(out, statement, weight, indent, scheme)
        below = graph.children(name)
        if link is None:  # a root: a claim, or a focus whose parent is cut away
            below = [k for k in below if k.relation is not Relation.UNDERCUT]
        if not below:
            continue
        # children come grouped: pro, then con, then undercut (the graph keeps file order)
        inner = indent + 2
        entries: list[_Item | str] = []
        group = None
        for child in below:
            if child.relation is not group:
                group = child.relation
                entries.append(f"{' ' * inner}{group.value}:")
            if len(child.premises) == 1:
                entries.append((child.premises[0], child, inner + 2, child.ref))
            else:
                _argument(entries, graph, child, inner + 2)
        stack.extend(reversed(entries))


def _step(graph: ArgumentGraph, link: Link, indent: int) -> list[_Item | str]:
    """The keys of a ``ref`` item's own step (format 1.2): speech, weight, scheme, note,
    undercut."""
    return _link_keys(link, indent, graph.undercuts_of(link.key))


def _argument(entries: list[_Item | str], graph: ArgumentGraph, link: Link,
              indent: int) -> None:
    """A linked argument as the lines and statements to write, in the canonical order:
    ``premises``, then the argument's ``id``, ``speech``, ``weight``, ``scheme``, ``tags``,
    ``note``, ``undercut``."""
    entries.append(f"{' ' * indent}- premises:")
    # written at its own position (<argument path>.<n>), a ref elsewhere; the path, not
    # written_at, tells two places of one statement apart (duplicate-premise maps)
    for premise, path in link.places():
        found = graph.statements.get(premise)
        written = found is not None and found.link == link.key and found.path == path
        entries.append((premise, link, indent + 4, not written))
    if link.id is not None:
        entries.append(f"{' ' * (indent + 2)}id: {key(link.id)}")
    entries.extend(_link_keys(link, indent, graph.joint_undercuts(link)))


def _link_keys(link: Link, indent: int, cuts: list[Link]) -> list[_Item | str]:
    """A step's own keys, as a ``ref`` item and a linked argument both write them (fmt's
    order): speech, weight, scheme, tags, note, then its undercuts to write below."""
    pad = " " * (indent + 2)
    entries: list[_Item | str] = []
    if link.speech is not None:
        entries.append(f"{pad}speech: {scalar(link.speech, indent + 4)}")
    if link.weight is not None:
        entries.append(f"{pad}weight: {link.weight}")
    if link.scheme is not None:
        entries.append(f"{pad}scheme: {key(link.scheme)}")
    tags: list[str] = []  # a ref's step has none
    _list(tags, "tags", link.tags, pad)
    entries.extend(tags)
    if link.note is not None:
        entries.append(f"{pad}note: {scalar(link.note, indent + 4)}")
    if cuts:
        entries.append(f"{pad}undercut:")
        entries.extend((p, cut, indent + 4, cut.ref) for cut in cuts for p in cut.premises)
    return entries


def _own(out: list[str], s: GStatement, weight: int | None, indent: int,
         scheme: str | None = None) -> None:
    """A statement's own keys as a list item starting ``- `` (``scheme``: its step's)."""
    pad = " " * (indent + 2)
    first = f"{' ' * indent}- "
    lines = []
    if s.id is not None:
        lines.append(f"id: {key(s.id)}")
    if s.side is not None:
        lines.append(f"side: {key(s.side)}")
    lines.append(f"text: {scalar(s.text, indent + 4)}")
    if s.by is not None:
        lines.append(f"by: {scalar(s.by, indent + 4)}")
    if s.speech is not None:
        lines.append(f"speech: {scalar(s.speech, indent + 4)}")
    if weight is not None:
        lines.append(f"weight: {weight}")
    if scheme is not None:
        lines.append(f"scheme: {key(scheme)}")
    out.append(first + lines[0])
    out.extend(pad + line for line in lines[1:])
    _list(out, "answers", s.answers, pad)
    _list(out, "tags", s.tags, pad)
    if s.note is not None:
        out.append(f"{pad}note: {scalar(s.note, indent + 4)}")
    if s.cites:
        _cites(out, s.cites, pad)


def _cites(out: list[str], cites: tuple[Citation, ...], pad: str) -> None:
    bare = [c.source for c in cites if c.quote is None and c.locator is None]
    if len(bare) == len(cites):
        flow = flow_list(bare, f"{pad}cites:")
        if flow is not None:
            out.append(flow)
            return
    out.append(f"{pad}cites:")
    inner = len(pad) + 4
    for c in cites:
        if c.quote is None and c.locator is None:
            out.append(f"{pad}  - {scalar(c.source, inner)}")
            continue
        out.append(f"{pad}  - source: {scalar(c.source, inner)}")
        if c.quote is not None:
            out.append(f"{pad}    quote: {scalar(c.quote, inner + 2)}")
        if c.locator is not None:
            out.append(f"{pad}    locator: {scalar(c.locator, inner + 2)}")


def _source(out: list[str], s: Source, pad: str) -> None:
    deeper = len(pad) + 2
    out.append(f"{pad}title: {scalar(s.title, deeper)}")
    if len(s.author) == 1:
        out.append(f"{pad}author: {scalar(s.author[0], deeper)}")
    else:
        _list(out, "author", s.author, pad)
    for name in ("quals", "short", "publisher", "date", "url", "accessed", "kind", "note"):
        value = getattr(s, name)
        if value is None:
            continue
        # argmap reads dates plain, as people write them (`date: 2024-03`)
        text = value if name in _DATES and _DATE.fullmatch(value) else scalar(value, deeper)
        out.append(f"{pad}{name}: {text}")
