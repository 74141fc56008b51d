"""DOT for a linked argument (format 1.1): premises that bear on their parent together.

The premises meet in one junction dot of the argument's colour; one edge runs
from the dot to the parent with the argument's arrow, line style and a framed
chip: its marker, its weight gauge and, when it has one, its id. The chip is
the edge's ``label``, which dot lays out with room kept for it; a ``headlabel``
is placed after layout, and boxes covered it.
The premises join the dot with plain lines of the same colour and style and no
arrowheads, so the eye reads them as one group that points at the parent
once. Joint undercuts aim at the dot, as undercuts of a single premise aim at
the junction on its link. A premise written elsewhere (a ``ref``) or reused
keeps the reused-statement convention: a neutral box, its marker framed on its
line to the dot.

Maps without linked arguments never import this module: dot.py chooses its
edge loop once per graph, and theirs is the loop it always had.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.escape import dot_string, html_text
from argmap.exporters.dot.text import EDGE_LABEL, EDGE_STYLES, FONT, MARKERS
from argmap.exporters.dot.writer import draw_link, points_up
from argmap.exporters.notation import gauge

if TYPE_CHECKING:
    from argmap.exporters.dot.writer import Writer
    from argmap.graph import Link


def argument(w: Writer, above: str, link: Link) -> None:
    """Draw a linked argument bearing on ``above``: junction, its edge, premises, undercuts."""
    w.together = True
    w.rated = w.rated or link.weight is not None
    graph, t = w.graph, w.theme
    relation = link.relation
    color = t.lines[relation]
    style = EDGE_STYLES[relation]
    junction = f"{link.key}_j"  # link keys (l1, l2 ...) are argmap's, never user text
    tip = "together" + (f": {link.id}" if link.id else "") + f" ({link.address})"
    w.out.append(f'  {junction} [shape=point, width=0.13, color="{color}", '
                 f'fillcolor="{color}", tooltip={dot_string(tip)}];')
    dim = ""
    if w.options.statuses is not None:
        from argmap.analysis.evaluate import ARGUMENT

        if w.options.statuses.get(ARGUMENT + link.key) == "out":  # the argument does not count
            dim = f', color="{t.faint}", penwidth=0.7'
    w.out.append(f"  {w.names[above]} -> {junction} {w.edges[relation]}{_chip(w, link)}{dim}];")
    for premise in link.premises:
        written = graph.written_at(link, premise)
        extra = ""
        if not written or premise in w.shared:
            w.marked = True
            extra = w.edge_marks[relation]
            if not written and points_up(graph, above, premise):
                # a ref up the branch would be a cycle: kept out of the ranking
                extra = extra.replace(f"{EDGE_LABEL}=", "label=", 1) + ", constraint=false"
        w.out.append(f"  {junction} -> {w.node_for(not written, premise)} [dir=none, "
                     f'color="{color}", style={style}, penwidth=1.2{extra}];')
    for cut in graph.undercuts_of(link.key):
        for premise in cut.premises:
            draw_link(w, junction, above, cut, premise)


def _chip(w: Writer, link: Link) -> str:
    """The framed label on the argument's edge: marker, weight gauge, and its id."""
    t = w.theme
    color = t.lines[link.relation]
    cell = f"<B>{MARKERS[link.relation]}</B>"
    if link.weight is not None:
        cell += f' <FONT POINT-SIZE="9">{gauge(link.weight)}</FONT>'
    rows = f"<TR><TD>{cell}</TD></TR>"
    if link.id:
        rows += f'<TR><TD><FONT POINT-SIZE="8">{html_text(link.id)}</FONT></TD></TR>'
    return (f', label=<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" '
            f'STYLE="rounded" COLOR="{color}" BGCOLOR="{t.background}">{rows}</TABLE>>, '
            f'fontcolor="{color}", fontname="{FONT}"')
