"""Graphviz DOT text for an argument graph, written directly (no graph object: 20x faster).

Conventions (FORMAT.md): pro is green and solid with "+", con red and dashed
with "−", undercut orange and dotted with "⊘", aimed at a junction point on the
link it attacks (an undercut of an undercut at a junction on that undercut's
link, at any depth). Colour is never the only cue. Arrows point from a premise
to what it bears on. Claims stand left to right in file order, as ``show``
lists them.

A relation belongs to a link, not to a statement. A statement reused through
``ref`` is drawn once and has several links, which may differ (a ``pro`` in
one place, ``ref``'d as a ``con`` in another), so its box is neutral grey with
no marker and no weight, and each of its links carries its own marker in a
small framed chip where it leaves the box; the link the statement is written
with also carries its weight there. A statement with one link, the one it is
written with (nearly all of them), keeps its marker and weight in its box, so
the common case reads as before and the chips stand out where a reader must
look at each line. Links into boxes that never show a marker (claims, stubs
for statements cut away) carry chips the same way.

Every quoted string stays under Graphviz's 16,384-byte scanner limit:
tooltips are cut with a visible note (escape.dot_string), an over-long URL is
not linked, and labels are wrapped into short lines (the limit applies to each
run of text between HTML tags, not to the whole label).
"""

from __future__ import annotations

from itertools import pairwise

from argmap.escape import dot_string
from argmap.exporters.dot import text
from argmap.exporters.dot.writer import DotOptions, Writer, draw_link, relation_of
from argmap.graph import ArgumentGraph, Link, walk
from argmap.model import Relation

__all__ = ["DotOptions", "relation_of", "render_dot"]


def render_dot(graph: ArgumentGraph, options: DotOptions | None = None) -> str:
    """Write the DOT text of a (cut) graph."""
    options = options or DotOptions()
    w = Writer(graph, options)
    t = w.theme
    title = graph.id
    if graph.focus is not None:
        address = graph.address(graph.focus)
        title += f" / {graph.via} → {address}" if graph.via else f" / {address}"
    w.out += [
        f"digraph {dot_string(title)} {{",
        f'  graph [rankdir={options.direction}, bgcolor="{t.background}", fontname="{text.FONT}", '
        f'fontcolor="{t.ink}", nodesep=0.3, ranksep=0.45, pad=0.3, charset="UTF-8", '
        "outputorder=edgesfirst];",
        f'  node [shape=box, style="rounded,filled", fontname="{text.FONT}", fontsize=11, '
        f'fontcolor="{t.ink}", margin="0.14,0.07", penwidth=1.3];',
        '  edge [penwidth=1.5, arrowsize=0.8];',
    ]
    # Nodes first, depth-first, so every ref can see whether its target is drawn.
    visits = walk(graph)
    drawn = [v for v in visits if v.expanded]
    names = w.names
    for v in drawn:
        names[v.key] = f"n{len(names) + 1}"
    w.shared.update(v.key for v in visits if not v.expanded and v.key in names)
    w.out.append(text.question(w.theme, graph))
    statements = graph.statements
    for v in drawn:
        link = v.link
        w.statement_node(statements[v.key], link.relation if link is not None
                         else relation_of(graph, v.key, link), v.level)
    if graph.focus is None:
        for root in graph.roots:
            w.out.append(f'  q -> {w.name(root)} [dir=none, color="{t.faint}", penwidth=1];')
        claims = [w.name(root) for root in graph.roots]
        w.out.append(f"  {{ rank=same; {'; '.join(claims)}; }}")
        # Crossing reduction may swap claims; invisible edges within their rank
        # keep them left to right in file order, as `show` lists them.
        w.out += [f"  {a} -> {b} [style=invis];" for a, b in pairwise(claims)]
    into, under = graph.indexes()
    edges = _edges
    if graph.has_linked():
        edges = _edges_linked
    for v in drawn:
        if v.key in into:
            edges(w, v.key, into[v.key], under)
    for v in drawn:
        if v.key in into:
            w.out += _in_order(w, into[v.key], under)
    if graph.focus is not None:
        # A focused premise's undercuts attack its link to a parent not drawn here.
        root = graph.focus
        for link in graph.children(root):
            if link.relation is Relation.UNDERCUT:
                for premise in link.premises:
                    draw_link(w, w.name(root), root, link, premise)
    if options.legend:
        weighted = any((graph.statements[v.key].weight if v.expanded else
                        v.link and v.link.weight) is not None for v in visits)
        weighted = weighted or w.rated  # a linked argument's weight is on its edge
        w.out += text.legend(w.theme, graph, weighted, w.marked, w.together,
                             options.side_names if options.sides is not None else ())
    w.out += ["}", ""]  # the empty line gives the final newline without copying the text
    return "\n".join(w.out)


def _in_order(w: Writer, into: list[Link], under: dict[str, list[Link]]) -> list[str]:
    """Keep a statement's premises left to right in file order, as `show` lists them.

    Crossing reduction may swap them. ``ordering=out`` would order every edge
    leaving the statement, refs to boxes elsewhere included, and pulled shared
    boxes and junctions across the picture; instead the boxes one rank below it
    that are its own (a premise written there, or the junction its link runs
    through) are chained by invisible edges within their rank, as the claims are,
    and so are a junction's own boxes (premises, then undercuts). A premise a ref
    reuses is left out: dot puts it below all its parents.
    """
    graph, shared = w.graph, w.shared
    own: list[str] = []
    out: list[str] = []
    for link in into:
        premises = link.premises
        if len(premises) > 1:
            # not its junction: the edge to it has a label, which takes a rank of its own
            out += _chain(w, [*((p, link) for p in premises if graph.written_at(link, p)),
                              *_undercuts(graph, link.key)])
        elif not link.ref:
            first = premises[0]
            cuts = _undercuts(graph, link.key) if link.key in under else []
            if cuts and (first not in shared
                         or not any(len(other.premises) > 1 for other in into)):
                # the junction is its own, even when the premise is reused, except beside a
                # linked argument: chained, it pulled that argument's chip off its line
                own.append(f"{w.names[first]}_j")
                out += _chain(w, [(first, None), *cuts])
            elif first not in shared:
                own.append(w.names[first])
    if len(own) < 2:
        return out
    return _chain(w, [], own) + out


def _undercuts(graph: ArgumentGraph, key: str) -> list[tuple[str, Link | None]]:
    return [(p, cut) for cut in graph.undercuts_of(key) if not cut.ref for p in cut.premises]


def _chain(w: Writer, boxes: list[tuple[str, Link | None]], names: list[str] | None = None
           ) -> list[str]:
    """``{ rank=same; a; b; c; }`` and invisible edges a -> b -> c: left to right."""
    if names is None:
        names = []
        for key, link in boxes:
            if key in w.shared or key not in w.names:
                continue
            cut = link is not None and w.graph.undercuts_of(link.key)
            names.append(f"{w.names[key]}_j" if cut and link is not None and not link.linked
                         else w.names[key])
    if len(names) < 2:
        return []
    return [f"  {{ rank=same; {'; '.join(names)}; }}",
            *(f"  {a} -> {b} [style=invis];" for a, b in pairwise(names))]


def _edges(w: Writer, key: str, into: list[Link], under: dict[str, list[Link]]) -> None:
    """The links of a statement's premises to it (its undercuts come with its own link)."""
    names, parent, shared, edges = w.names, w.names[key], w.shared, w.edges
    for link in into:
        for premise in link.premises:
            if not link.ref and premise not in shared and link.key not in under:
                # the common case, inline: this runs once per statement
                w.out.append(f"  {parent} -> {names[premise]} {edges[link.relation]}];")
            else:
                draw_link(w, parent, key, link, premise)


def _edges_linked(w: Writer, key: str, into: list[Link], under: dict[str, list[Link]]) -> None:
    """:func:`_edges` for a graph with linked arguments (format 1.1), drawn by their own
    module; maps without them keep the loop above, untouched."""
    from argmap.exporters.dot.linked import argument

    for link in into:
        if len(link.premises) > 1:
            argument(w, key, link)
        else:
            _edges(w, key, [link], under)


