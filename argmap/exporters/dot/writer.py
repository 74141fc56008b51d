"""The DOT writer's state and the drawing of one premise's link, shared by the
single-premise loop (:mod:`argmap.exporters.dot`) and linked arguments (:mod:`.linked`)."""

from __future__ import annotations

from typing import NamedTuple

from argmap.escape import dot_string, html_safe, html_text, url
from argmap.exporters.dot import text
from argmap.exporters.notation import (
    BY,
    MORE,
    PREVIEW_WORDS,
    QUOTES,
    REF,
    gauge,
    more_in_diagram,
    source_line,
)
from argmap.exporters.themes import THEMES
from argmap.graph import ArgumentGraph, GStatement, Link
from argmap.markup import plain
from argmap.model import Citation, Relation, Source


class DotOptions(NamedTuple):
    """How to draw."""

    direction: str = "TB"
    theme: str = "light"
    legend: bool = True
    wrap: int = 38  # characters per label line
    xml_urls: bool = True  # links will end up in SVG (see escape.url)
    statuses: dict[str, str] | None = None  # statement key -> in/out/undecided (render --eval)
    #: ``--color-by side``: statement key -> 0 (first side), 1 (second) or 2 (another)
    sides: dict[str, int] | None = None
    side_names: tuple[str, ...] = ()  # the first two sides, for the legend


def relation_of(graph: ArgumentGraph, key: str, link: Link | None) -> Relation:
    """The relation a statement is shown with: its link's, or claim at the top."""
    if link is not None:
        return link.relation
    # An undercut written on a claim (an error check reports) has no link.
    return Relation.CLAIM if graph.statements[key].is_claim else Relation.UNDERCUT


def _recolour(look: str, line: str, fill: str) -> str:
    """A box's look with the side's colours instead of the relation's (style kept)."""
    import re

    look = re.sub(r'(^|, )color="[^"]*"', rf'\1color="{line}"', look, count=1)
    return re.sub(r'fillcolor="[^"]*"', f'fillcolor="{fill}"', look, count=1)


class Writer:
    """Accumulates DOT lines and remembers which statements have nodes.

    Attribute strings that depend only on the theme and the relation are built
    once here: this writer runs once per statement, 100,000 times for big maps.
    """

    def __init__(self, graph: ArgumentGraph, options: DotOptions) -> None:
        self.graph = graph
        self.options = options
        self.theme = t = THEMES[options.theme]
        self.out: list[str] = []
        self.names: dict[str, str] = {}  # statement key -> node name
        self.stubs: dict[str, str] = {}  # ref target not drawn -> stub name
        self.tips: dict[str, str] = {}  # source id -> its tooltip line
        self.numbers = graph.numbers()
        # a no-break space after the marker: an SVG viewer drops a text run's leading space
        self.markers = {r: f'<FONT COLOR="{t.lines[r]}"><B>{m}</B></FONT>&#160;'
                        for r, m in text.MARKERS.items()}
        self.looks = {r: f'color="{t.lines[r]}", fillcolor="{t.fills[r]}"' for r in text.MARKERS}
        self.looks[Relation.UNDERCUT] += ', style="rounded,filled,dashed"'
        self.looks[Relation.CLAIM] = (f'color="{t.claim_line}", fillcolor="{t.claim_fill}", '
                                      "penwidth=2")
        self.edges = {r: f'[dir=back, color="{t.lines[r]}", style={text.EDGE_STYLES[r]}'
                      for r in text.MARKERS}
        #: a reused statement's box is neutral: its links carry the relations
        self.looks_shared = f'color="{t.faint}", fillcolor="{t.question}"'
        self.shared: set[str] = set()  # keys of statements a drawn ref reuses
        self.marked = False  # has a link been given a marker (the legend explains it)
        self.together = False  # has a linked argument been drawn (the legend explains it)
        self.rated = False  # has a drawn linked argument a weight (on its edge, for the legend)
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
        #: source id -> the label's markers and the node's tooltip and URL of a statement
        #: that cites it alone, without quote or locator (most citing statements)
        self.one_cite: dict[str, str] = {}
        self.one_tip: dict[str, str] = {}

    def name(self, key: str) -> str:
        found = self.names.get(key)
        if found is None:
            found = self.names[key] = f"n{len(self.names) + 1}"
        return found

    def label(self, s: GStatement, relation: Relation, own: bool) -> str:
        lines = text.wrap(s.text, self.options.wrap)
        if not html_safe(s.text):  # checked once for all the lines
            lines = [html_text(x) for x in lines]
        if relation is Relation.CLAIM:
            body = "<B>" + f"</B>{text.BR}<B>".join(lines) + "</B>"
        elif own:
            body = self.markers[relation] + text.BR.join(lines)
        else:
            body = text.BR.join(lines)
        if s.cites:
            body += self.cite_markers(s.cites)
        body += text.BR
        if (s.weight is not None and own) or s.by:
            shown = gauge(s.weight) if s.weight is not None and own else ""
            small = f"{shown}  {BY} {s.by}" if shown and s.by else shown or f"{BY} {s.by}"
            faint = text.BR.join([html_text(x) for x in text.wrap(small, self.options.wrap)])
            body += f"{self.small_font}{faint}{text.BR}</FONT>"
        return f"<{body}>"

    def cite_markers(self, cites: tuple[Citation, ...]) -> str:
        """The citation markers of a label (``[1][3]``), the same for each citation of one
        source made once."""
        if len(cites) == 1:
            found = self.one_cite.get(cites[0].source)
            if found is None:
                found = self.one_cite[cites[0].source] = self._cite_markers(cites)
            return found
        return self._cite_markers(cites)

    def _cite_markers(self, cites: tuple[Citation, ...]) -> str:
        numbers = self.numbers
        cited = tuple(sorted({numbers[c.source] for c in cites if c.source in numbers}))
        return self.cite_font + text.citation_markers(cited) + "</FONT>" if cited else ""

    def tooltip_anddraw_link(self, s: GStatement) -> str:
        """Full citations as a tooltip, and the first source's URL as the link (SVG); for
        one citation without quote or locator, made once per source."""
        cites = s.cites
        if len(cites) == 1 and not cites[0].quote and not cites[0].locator:
            found = self.one_tip.get(cites[0].source)
            if found is None:
                found = self.one_tip[cites[0].source] = self._tooltip(s)
            return found
        return self._tooltip(s)

    def _tooltip(self, s: GStatement) -> str:
        tips = []
        link = None
        for c in s.cites:
            source = self.graph.sources.get(c.source)
            tips.append(self.source_tip(c.source, source))
            if c.quote:
                quote = plain(c.quote) if self.graph.marked else c.quote
                tips.append(f"    {QUOTES[0]}{quote}{QUOTES[1]}"
                            + (f" ({c.locator})" if c.locator else ""))
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

    def statement_node(self, s: GStatement, relation: Relation, level: int) -> None:
        key = s.key
        name = self.names[key]
        extra = self.tooltip_anddraw_link(s) if s.cites else ""
        own = key not in self.shared  # a reused statement's relations are on its links
        label = self.label(s, relation, own)
        if self.options.statuses is not None:
            from argmap.exporters.notation import mark_dot

            label, dim = mark_dot(label, self.options.statuses.get(key), self.theme.faint)
            extra += dim
        look = self.looks[relation] if own or relation is Relation.CLAIM else self.looks_shared
        if self.options.sides is not None and key in self.options.sides:
            line, fill = self.theme.sides[self.options.sides[key]]
            look = _recolour(look, line, fill)
        self.out.append(f"  {name} [label={label}, {look}{extra}];")
        hidden = self.graph.hidden.get(key) if self.graph.hidden else None
        if hidden:
            more = more_in_diagram(hidden, level)
            self.out.append(f'  {name}_more [label={dot_string(more)}, shape=plain, '
                            f'fontcolor="{self.theme.faint}", fontsize=9];')
            self.out.append(f"  {name} -> {name}_more [style=invis];")

    def edge(self, parent: str, child: str, relation: Relation, extra: str = "") -> None:
        self.out.append(f"  {parent} -> {child} {self.edges[relation]}{extra}];")

    def mark(self, link: Link, premise: str) -> str:
        """The marker (and weight) a link carries when the premise's box does not.

        A box shows the relation and weight it is written with only while that
        is its one link; a reused statement's box is neutral, and so is a claim
        or a stub, so each link to one says what it is. The weight belongs to
        the link the statement is written with: refs have none.
        """
        if not link.ref and premise not in self.shared:
            return ""
        self.marked = True
        if link.weight is None or (link.ref and len(link.premises) > 1):
            return self.edge_marks[link.relation]
        shown = f' <FONT POINT-SIZE="9">{gauge(link.weight)}</FONT>'
        # a wider chip sits further out, clear of the box it leaves
        return (self.edge_marks[link.relation].replace("</B>", f"</B>{shown}", 1)
                .replace("labeldistance=2", "labeldistance=3.5"))

    def node_for(self, ref: bool, premise: str) -> str:
        """The DOT node that stands for a premise: its own, or (``ref``) a ref's target.

        A ref whose target is not drawn (cut by --focus or --depth) points at a
        small dashed stub naming the statement, made once per target.
        """
        if not ref:
            return self.name(premise)
        if premise in self.names:
            return self.names[premise]
        if premise not in self.stubs:
            name = self.stubs[premise] = f"ref{len(self.stubs) + 1}"
            target = self.graph.lookup(premise)
            words = " ".join((target.text if target else "").split()[:PREVIEW_WORDS])
            # DOT's stub always ends in MORE: it stands for the whole statement
            pointer = f"{REF} {premise}: {words}{MORE}" if words else f"{REF} {premise}"
            if "/" in premise and target is not None:  # another map's (format 1.2 projects)
                other, _, local = premise.partition("/")
                pointer = f"{REF} map {other}: {local}\n{words}{MORE}"
            status = (self.options.statuses or {}).get(premise)
            if status is not None:  # --eval: a stub says how its statement stands too
                from argmap.analysis.evaluate import SYMBOLS

                pointer = f"{SYMBOLS[status]} {pointer}"
            self.out.append(f'  {name} [label={dot_string(pointer)}, shape=note, style="dashed", '
                            f'color="{self.theme.faint}", fontcolor="{self.theme.faint}"];')
        return self.stubs[premise]


def draw_link(w: Writer, end: str, above: str, link: Link, premise: str) -> None:
    """Draw a premise's link to ``end`` (``above``'s node), with the undercuts aimed at it.

    A link that is undercut runs through a junction point, where each undercut
    arrives; an undercut that is undercut in turn gets a junction on its own
    link, at any depth (a stack, not recursion: nesting may be deep).
    """
    stack = [(end, above, link, premise)]
    while stack:
        end, above, link, premise = stack.pop()
        relation = link.relation
        target = w.node_for(link.ref, premise)
        extra = w.mark(link, premise)
        # A ref back up its own branch would be a cycle; only such edges are
        # left out of the ranking, so shared premises sit below all parents.
        if link.ref and points_up(w.graph, above, premise):
            # Such an edge often runs between neighbouring claims, too short for
            # a chip at its end: a middle label makes dot leave room for it.
            extra = extra.replace(f"{text.EDGE_LABEL}=", "label=", 1) + ", constraint=false"
        # format 1.2: a ref's own step may be undercut too (a linked argument's are drawn
        # with the argument)
        cuts = w.graph.undercuts_of(link.key) if len(link.premises) == 1 else []
        if not cuts:
            w.edge(end, target, relation, extra)
            continue
        junction = f"{target}_j" if not link.ref else f"{target}_j{link.key}"
        color = w.theme.lines[relation]
        w.out.append(f'  {junction} [shape=point, width=0.09, color="{color}"];')
        w.edge(end, junction, relation)
        w.out.append(f'  {junction} -> {target} [dir=none, color="{color}", '
                     f"style={text.EDGE_STYLES[relation]}{extra}];")
        stack.extend((junction, premise, cut, p) for cut in reversed(cuts)
                     for p in reversed(cut.premises))


def points_up(graph: ArgumentGraph, above: str, premise: str) -> bool:
    """Does a ref premise name a claim, the statement above, or one of its ancestors?

    Claims share the top rank; an edge up to one of them, or up the branch
    (a cycle), must not pull the layout out of shape.
    """
    target = graph.lookup(premise)
    if target is None:
        return False
    own, up = graph.statements[above].path, target.path
    return target.is_claim or own == up or own.startswith(up + ".")
