"""Graphviz DOT text for a view, written directly (no graph object: 20x faster).

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
for statements outside the view) carry chips the same way.

Every quoted string stays under Graphviz's 16,384-byte scanner limit:
tooltips are cut with a visible note (escape.dot_string), an over-long URL is
not linked, and labels are wrapped into short lines (the limit applies to each
run of text between HTML tags, not to the whole label).
"""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

from argmap.model import Relation, Source, Statement
from argmap.renderers import dot_text as text
from argmap.renderers.escape import dot_string, html_safe, html_text, url
from argmap.renderers.themes import THEMES
from argmap.view import Node, View, source_line


class DotOptions(NamedTuple):
    """How to draw."""

    direction: str = "TB"
    theme: str = "light"
    legend: bool = True
    wrap: int = 38  # characters per label line
    xml_urls: bool = True  # links will end up in SVG (see escape.url)
    statuses: dict[str, str] | None = None  # path -> in/out/undecided (render --eval)


class _Writer:
    """Accumulates DOT lines and remembers which statements have nodes.

    Attribute strings that depend only on the theme and the relation are built
    once here: this writer runs once per statement, 100,000 times for big maps.
    """

    def __init__(self, view: View, options: DotOptions) -> None:
        self.view = view
        self.options = options
        self.theme = t = THEMES[options.theme]
        self.out: list[str] = []
        self.names: dict[str, str] = {}  # statement path -> node name
        self.stubs: dict[str, str] = {}  # ref target missing from the view -> stub name
        self.tips: dict[str, str] = {}  # source id -> its tooltip line
        self.numbers = {sid: n for n, sid, _ in view.sources}
        self.markers = {r: f'<FONT COLOR="{t.lines[r]}"><B>{m}</B></FONT> '
                        for r, m in text.MARKERS.items()}
        self.looks = {r: f'color="{t.lines[r]}", fillcolor="{t.fills[r]}"' for r in text.MARKERS}
        self.looks[Relation.UNDERCUT] += ', style="rounded,filled,dashed"'
        self.looks[Relation.CLAIM] = (f'color="{t.claim_line}", fillcolor="{t.claim_fill}", '
                                      "penwidth=2")
        self.edges = {r: f'[dir=back, color="{t.lines[r]}", style={text.EDGE_STYLES[r]}'
                      for r in text.MARKERS}
        #: a reused statement's box is neutral: its links carry the relations
        self.looks_shared = f'color="{t.faint}", fillcolor="{t.question}"'
        self.shared: set[str] = set()  # paths of statements a drawn ref reuses
        self.marked = False  # has a link been given a marker (the legend explains it)
        # A marker on a link sits in a small framed chip so a "−" cannot pass
        # for one more dash of a dashed line.
        self.edge_marks = {r: f', {text.EDGE_LABEL}=<<TABLE BORDER="1" CELLBORDER="0" '
                              f'CELLSPACING="0" CELLPADDING="1" STYLE="rounded" '
                              f'COLOR="{t.lines[r]}" BGCOLOR="{t.background}"><TR><TD>'
                              f'<B>{m}</B></TD></TR></TABLE>>, fontcolor="{t.lines[r]}", '
                              "labelangle=0, labeldistance=2"
                           for r, m in text.MARKERS.items()}
        self.cite_font = f' <FONT COLOR="{t.claim_line}">'
        self.small_font = f'<FONT POINT-SIZE="9" COLOR="{t.faint}">'

    def name(self, statement: Statement) -> str:
        found = self.names.get(statement.path)
        if found is None:
            found = self.names[statement.path] = f"n{len(self.names) + 1}"
        return found

    def label(self, node: Node) -> str:
        s = node.statement
        lines = text.wrap(s.text, self.options.wrap)
        if not html_safe(s.text):  # checked once for all the lines
            lines = [html_text(x) for x in lines]
        own = s.path not in self.shared  # a reused statement's relations are on its links
        if s.relation is Relation.CLAIM:
            body = "<B>" + f"</B>{text.BR}<B>".join(lines) + "</B>"
        elif own:
            body = self.markers[s.relation] + text.BR.join(lines)
        else:
            body = text.BR.join(lines)
        if node.citations:
            body += self.cite_font + text.citation_markers(node.citations) + "</FONT>"
        body += text.BR
        if (s.weight is not None and own) or s.by:
            gauge = text.gauge_of(s.weight) if s.weight is not None and own else ""
            small = f"{gauge}  — {s.by}" if gauge and s.by else gauge or f"— {s.by}"
            faint = text.BR.join([html_text(x) for x in text.wrap(small, self.options.wrap)])
            body += f"{self.small_font}{faint}{text.BR}</FONT>"
        return f"<{body}>"

    def tooltip_and_link(self, node: Node) -> str:
        """Full citations as a tooltip, and the first source's URL as the link (SVG)."""
        tips = []
        link = None
        for c in node.statement.cites:
            source = self.view.map.sources.get(c.source)
            tips.append(self.source_tip(c.source, source))
            if c.quote:
                tips.append(f"    “{c.quote}”" + (f" ({c.locator})" if c.locator else ""))
            elif c.locator:
                tips.append(f"    ({c.locator})")
            if link is None and source is not None and source.url:
                link = source.url
        attrs = f", tooltip={dot_string(chr(10).join(tips))}"
        quoted = url(link, self.options.xml_urls) if link else None
        if quoted:
            attrs += f', URL={quoted}, target="_blank"'
        return attrs

    def source_tip(self, source_id: str, source: Source | None) -> str:
        """``[n] author, title ...``: made once per source, used by every citing node."""
        tip = self.tips.get(source_id)
        if tip is None:
            number = self.numbers.get(source_id, "?")
            tip = self.tips[source_id] = f"[{number}] {source_line(source_id, source)}"
        return tip

    def statement_node(self, node: Node) -> None:
        s = node.statement
        name = self.names[s.path]
        extra = self.tooltip_and_link(node) if s.cites else ""
        label = self.label(node)
        if self.options.statuses is not None:
            from argmap.analysis.marks import mark_dot

            label, dim = mark_dot(label, self.options.statuses.get(s.path), self.theme.faint)
            extra += dim
        look = self.looks_shared if s.path in self.shared and s.relation is not Relation.CLAIM \
            else self.looks[s.relation]
        self.out.append(f"  {name} [label={label}, {look}{extra}];")
        if node.hidden:
            more = f"{node.hidden} more below (--depth {node.level + 1})"
            self.out.append(f'  {name}_more [label={dot_string(more)}, shape=plain, '
                            f'fontcolor="{self.theme.faint}", fontsize=9];')
            self.out.append(f"  {name} -> {name}_more [style=invis];")

    def edge(self, parent: str, child: str, relation: Relation, extra: str = "") -> None:
        self.out.append(f"  {parent} -> {child} {self.edges[relation]}{extra}];")

    def mark(self, child: Node) -> str:
        """The marker (and weight) a link carries when the premise's box does not.

        A box shows the relation and weight it is written with only while that
        is its one link; a reused statement's box is neutral, and so is a claim
        or a stub, so each link to one says what it is. The weight belongs to
        the link the statement is written with: refs have none.
        """
        s = child.statement
        if s.ref is None and s.path not in self.shared:
            return ""
        self.marked = True
        if s.ref is not None or s.weight is None:
            return self.edge_marks[s.relation]
        gauge = f' <FONT POINT-SIZE="9">{text.gauge_of(s.weight)}</FONT>'
        # a wider chip sits further out, clear of the box it leaves
        return (self.edge_marks[s.relation].replace("</B>", f"</B>{gauge}", 1)
                .replace("labeldistance=2", "labeldistance=3.5"))

    def node_for(self, node: Node) -> str:
        """The DOT node that stands for a view node: its own, or a ref's target.

        A ref whose target is not drawn (cut by --focus or --depth) points at a
        small dashed stub naming the statement, made once per target.
        """
        if node.statement.ref is None:
            return self.name(node.statement)
        target = node.target
        if target is not None and target.path in self.names:
            return self.names[target.path]
        key = node.statement.ref or ""
        if key not in self.stubs:
            name = self.stubs[key] = f"ref{len(self.stubs) + 1}"
            words = " ".join((target.text if target else "").split()[:8])
            pointer = f"↪ {key}: {words}…" if words else f"↪ {key}"
            self.out.append(f'  {name} [label={dot_string(pointer)}, shape=note, style="dashed", '
                            f'color="{self.theme.faint}", fontcolor="{self.theme.faint}"];')
        return self.stubs[key]


def render_dot(view: View, options: DotOptions | None = None) -> str:
    """Write the DOT text of a view."""
    options = options or DotOptions()
    w = _Writer(view, options)
    t = w.theme
    title = view.map.id
    if view.focus is not None:
        title += f" / {view.via} → {view.focus.address}" if view.via else \
            f" / {view.focus.address}"
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
    nodes = view.walk()
    refs = []
    for node in nodes:
        if node.statement.ref is None:
            w.name(node.statement)
        else:
            refs.append(node)
    for node in refs:
        if node.target is not None and node.target.path in w.names:
            w.shared.add(node.target.path)
    w.out.append(text.question(w.theme, view))
    for node in nodes:
        if node.statement.ref is None:
            w.statement_node(node)
    if view.focus is None:
        for root in view.roots:
            w.out.append(f'  q -> {w.name(root.statement)} [dir=none, color="{t.faint}", '
                         "penwidth=1];")
        claims = [w.name(root.statement) for root in view.roots]
        w.out.append(f"  {{ rank=same; {'; '.join(claims)}; }}")
        # Crossing reduction may swap claims; invisible edges within their rank
        # keep them left to right in file order, as `show` lists them.
        w.out += [f"  {a} -> {b} [style=invis];" for a, b in pairwise(claims)]
    for node in nodes:
        _edges(w, node)
    if view.focus is not None:
        # A focused premise's undercuts attack its link to a parent not drawn here.
        root = view.roots[0]
        for cut in root.children:
            if cut.statement.relation is Relation.UNDERCUT:
                _link(w, w.name(root.statement), root, cut)
    if options.legend:
        w.out += text.legend(w.theme, view, nodes, w.marked)
    w.out += ["}", ""]  # the empty line gives the final newline without copying the text
    return "\n".join(w.out)


def _edges(w: _Writer, node: Node) -> None:
    """The links of a node's premises to it (its undercuts come with its own link)."""
    if node.statement.ref is not None or not node.children:
        return
    names, parent = w.names, w.names[node.statement.path]
    for child in node.children:
        s = child.statement
        if s.relation is Relation.UNDERCUT:
            continue
        if s.ref is None and not (s.undercut and child.children) and s.path not in w.shared:
            # the common case, inline: this runs once per statement
            w.out.append(f"  {parent} -> {names[s.path]} {w.edges[s.relation]}];")
        else:
            _link(w, parent, node, child)


def _link(w: _Writer, end: str, above: Node, child: Node) -> None:
    """Draw a premise's link to ``end`` (``above``'s node), with the undercuts aimed at it.

    A link that is undercut runs through a junction point, where each undercut
    arrives; an undercut that is undercut in turn gets a junction on its own
    link, at any depth (a stack, not recursion: nesting may be deep).
    """
    stack = [(end, above, child)]
    while stack:
        end, above, child = stack.pop()
        relation = child.statement.relation
        target = w.node_for(child)
        extra = w.mark(child)
        # A ref back up its own branch would be a cycle; only such edges are
        # left out of the ranking, so shared premises sit below all parents.
        if child.target is not None and _points_up(above, child):
            # Such an edge often runs between neighbouring claims, too short for
            # a chip at its end: a middle label makes dot leave room for it.
            extra = extra.replace(f"{text.EDGE_LABEL}=", "label=", 1) + ", constraint=false"
        cuts = [c for c in child.children if c.statement.relation is Relation.UNDERCUT]
        if not cuts:
            w.edge(end, target, relation, extra)
            continue
        junction = f"{target}_j"
        color = w.theme.lines[relation]
        w.out.append(f'  {junction} [shape=point, width=0.09, color="{color}"];')
        w.edge(end, junction, relation)
        w.out.append(f'  {junction} -> {target} [dir=none, color="{color}", '
                     f"style={text.EDGE_STYLES[relation]}{extra}];")
        stack.extend((junction, child, cut) for cut in reversed(cuts))


def _points_up(node: Node, child: Node) -> bool:
    """Does a ref child name a claim, the node itself, or one of its ancestors?

    Claims share the top rank; an edge up to one of them, or up the branch
    (a cycle), must not pull the layout out of shape.
    """
    target = child.target
    if child.statement.ref is None or target is None:
        return False
    own, above = node.statement.path, target.path
    return target.relation is Relation.CLAIM or own == above or own.startswith(above + ".")
