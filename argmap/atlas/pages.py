"""The DOT text of the atlas's pages: the overview, and one subtree forest per page."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from argmap.atlas.partition import FONT_PT, REFS, WRAP, Item, Page, groups, kids
from argmap.escape import html_text
from argmap.exporters.dot.text import BR, EDGE_STYLES, FONT
from argmap.exporters.dot.text import wrap as cut_wrap
from argmap.exporters.notation import MARKERS, WORDS, gauge, preview, source_line
from argmap.exporters.themes import THEMES
from argmap.graph import ArgumentGraph, Link
from argmap.model import Relation

if TYPE_CHECKING:
    from argmap.exporters.tidy import Style

_HEAD = [
    '  graph [rankdir=LR, nodesep=0.08, ranksep=0.3, pad=0, margin=0, charset="UTF-8", '
    f'fontname="{FONT}", fontsize={FONT_PT:g}, labelloc=b, labeljust=r];',
    f'  node [shape=box, style="rounded,filled", fontname="{FONT}", fontsize={FONT_PT:g}, '
    'margin="0.07,0.03", penwidth=1, height=0.3];',
    "  edge [penwidth=1, arrowsize=0.6];",
]


_EMPTY = Page([], {}, {})
#: the widest page mark a box may get (wrapped at WRAP characters)
_MARK = "▸ continued on pages 100–200"


@functools.cache
def _style() -> Style:
    """The pages' spacing and text size, as the tidy layout reads them from their DOT."""
    from argmap.exporters.tidy import style_of

    return style_of(_HEAD)


class Pager:
    """Where everything is: the page of each box, each statement and each cut."""

    def __init__(self, graph: ArgumentGraph, pages: list[Page], theme: str = "light",
                 statuses: dict[str, str] | None = None) -> None:
        self.graph = graph
        #: ``--eval``: statement key -> in/out/undecided, marked ✓ ✗ ? on each box
        self.statuses = statuses
        self.pages = pages
        self.theme = THEMES[theme]
        self.total = len(pages) + 1  # the overview is page 1
        self.page_of: dict[Item, int] = {}  # every box -> its page number
        self.statement_page: dict[str, int] = {}  # written statements only
        for number, page in enumerate(pages, start=2):
            stack = list(page.roots)
            while stack:
                item = stack.pop()
                self.page_of[item] = number
                if not item.ref:
                    self.statement_page[item.key] = number
                stack.extend(page.below.get(item, []))

    def dot(self, index: int) -> str:
        """The DOT text of content page ``index`` (0-based; page number index + 2)."""
        page = self.pages[index]
        number = index + 2
        t = self.theme
        out = [f"digraph p{number} {{", *_HEAD,
               f'  graph [bgcolor="{t.background}", fontcolor="{t.faint}", '
               f"label=<{self.foot(number)}>];"]
        names: dict[Item, str] = {}
        stack = list(reversed(page.roots))
        order: list[Item] = []
        while stack:
            item = stack.pop()
            names[item] = f"b{len(names) + 1}"
            order.append(item)
            stack.extend(reversed(page.below.get(item, [])))
        # the tidy layout keeps the edges' order: premises top to bottom as the file has them
        for item in order:
            out.append(self.box(item, names[item], page, number))
        for item in order:
            below = page.below.get(item, [])
            if any(kid.link is not None and kid.link.linked for kid in below):
                out += self.together(names[item], below, names)
                continue
            for kid in below:
                relation = kid.link.relation if kid.link else Relation.PRO
                out.append(f"  {names[item]} -> {names[kid]} [dir=back, "
                           f'color="{t.lines[relation]}", style={EDGE_STYLES[relation]}];')
        # a linked argument's premises continued from another page still meet at a dot
        for unit in groups(self.graph, page.roots):
            if len(unit) > 1:
                out += self.together(None, unit, names)
        out += ["}", ""]
        return "\n".join(out)

    def together(self, parent: str | None, below: list[Item],
                 names: dict[Item, str]) -> list[str]:
        """Edges from ``below`` to ``parent`` (None: a page root's parent is on another
        page), a linked argument's premises and undercuts through one junction dot, as
        ``render`` draws them."""
        t = self.theme
        out: list[str] = []
        junctions: dict[str, str] = {}  # linked link key -> its junction's name
        for kid in below:
            link = kid.link
            assert link is not None  # a premise: it hangs from a link
            relation = link.relation
            look = f'color="{t.lines[relation]}", style={EDGE_STYLES[relation]}'
            if link.linked:
                junction = junctions.get(link.key)
                if junction is None:
                    junction = junctions[link.key] = f"{names[kid]}_j"
                    out.append(f'  {junction} [shape=point, width=0.1, '
                               f'color="{t.lines[relation]}"];')
                    # the chip is the argument's box: its marker, weight and id
                    chip = (f'label=<{self.chip(link)}>, fontcolor="{t.lines[relation]}", '
                            f'fontname="{FONT}", fontsize={FONT_PT:g}')
                    if parent is not None:  # a label: dot keeps room for it
                        out.append(f"  {parent} -> {junction} [dir=back, {look}, {chip}];")
                    else:  # the parent is on another page: the chip stands in its place
                        out.append(f'  {junction}_c [shape=plain, style="", {chip}];')
                        out.append(f"  {junction}_c -> {junction} [dir=none, {look}];")
                out.append(f"  {junction} -> {names[kid]} [dir=none, {look}];")
            elif link.relation is Relation.UNDERCUT and link.target in junctions:
                out.append(f"  {junctions[link.target]} -> {names[kid]} [dir=back, {look}];")
            elif parent is not None:
                out.append(f"  {parent} -> {names[kid]} [dir=back, {look}];")
        return out

    def chip(self, link: Link) -> str:
        """A linked argument's framed marker, weight gauge and id, as ``render`` draws
        them on its line to its parent (its premises' boxes carry no weight)."""
        t = self.theme
        cell = MARKERS[link.relation]
        if link.weight is not None:
            cell += f" {gauge(link.weight)}"
        if link.id:
            cell += BR + BR.join(html_text(x) for x in wrap(link.id, WRAP))
        return (f'<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1" '
                f'STYLE="rounded" COLOR="{t.lines[link.relation]}" BGCOLOR="{t.background}">'
                f"<TR><TD>{cell}</TD></TR></TABLE>")

    def measure(self, item: Item) -> tuple[float, float]:
        """How wide and tall ``item``'s box is drawn, each with the gap after it (pt): the
        tidy layout's own estimate of its label, with room for a page mark."""
        from argmap.exporters.tidy import LINE, SAFETY, size, text_width

        style = _style()
        line = self.box(item, "b", _EMPTY, 0)
        box = size(line[5:-2], True, style)
        marks = (text_width(_MARK) * FONT_PT + 2 * style.margin[0]) * SAFETY + 2
        # the mark's line: added to the text, whose box may be taller than Graphviz's least
        text = (box.across - 2) / SAFETY - 2 * style.margin[1]
        tall = max(style.least[1], text + 2 * style.margin[1] + FONT_PT * LINE) * SAFETY + 2
        return max(box.deep, marks) + style.ranksep, tall + style.nodesep

    def foot(self, number: int) -> str:
        """The line under each page: the map's title and the page number."""
        title = html_text(preview(self.graph.question, 14))
        return f"{title}   ·   page {number} of {self.total}"

    def box(self, item: Item, name: str, page: Page, number: int) -> str:
        """One box: marker, text, citations, by/weight, and the page marks."""
        t = self.theme
        g = self.graph
        relation = item.link.relation if item.link else Relation.CLAIM
        color = t.claim_line if relation is Relation.CLAIM else t.lines[relation]
        fill = t.claim_fill if relation is Relation.CLAIM else t.fills[relation]
        # One regular face on content pages: each face is a font subset embedded
        # in every page, so bold would add a fifth of the file; claims stand out
        # by their frame and fill instead.
        marker = f'<FONT COLOR="{color}">{MARKERS[relation]}</FONT> '
        if self.statuses is not None:  # --eval: the status, as every other output marks it
            status = self.statuses.get(item.key if REFS not in item.key else "")
            if status is not None:
                from argmap.analysis.evaluate import SYMBOLS

                marker += f"{SYMBOLS[status]} "
        marks: list[str] = []
        if item in page.roots and item.link is not None:
            parent = self._parent_page(item)
            if parent is not None:
                marks.append(f"◂ from page {parent}")
        cut = page.cut.get(item)
        if cut:
            targets = sorted({self.page_of[k] for k in cut})
            word = "page" if len(targets) == 1 else "pages"
            marks.append(f"▸ continued on {word} {page_runs(targets)}")
        tail = "".join(f'{BR}<FONT COLOR="{t.faint}">'
                       f'{BR.join(html_text(x) for x in wrap(m, WRAP))}</FONT>' for m in marks)
        if item.ref and REFS in item.key:  # several refs: one line each, no preview
            lines = BR.join(html_text(x) for key in item.key.split(REFS)
                            for x in wrap(self.pointer(key, False), WRAP))
            return (f'  {name} [label=<{marker}{lines}{tail}{BR}>, style="rounded,dashed", '
                    f'color="{t.faint}", fontcolor="{t.faint}"];')
        if item.ref:
            lines = BR.join(html_text(x) for x in wrap(self.pointer(item.key), WRAP))
            return (f'  {name} [label=<{marker}{lines}{tail}{BR}>, style="rounded,dashed", '
                    f'color="{t.faint}", fontcolor="{t.faint}"];')
        s = g.statements[item.key]
        lines = BR.join(html_text(x) for x in wrap(s.text, WRAP))
        numbers = g.numbers()
        cited = g.cited(s.key, numbers) if s.cites else ()
        if cited:
            lines += f' <FONT COLOR="{t.claim_line}">{"".join(f"[{n}]" for n in cited)}</FONT>'
        meta = []
        if s.weight is not None and relation is not Relation.CLAIM:
            meta.append(gauge(s.weight))
        if s.by:
            meta.append(f"— {s.by}")
        if meta:
            small = BR.join(html_text(x) for x in wrap("  ".join(meta), WRAP))
            lines += f'{BR}<FONT COLOR="{t.faint}">{small}</FONT>'
        width = ", penwidth=2" if relation is Relation.CLAIM else ""
        dashed = ', style="rounded,filled,dashed"' if relation is Relation.UNDERCUT else ""
        return (f'  {name} [label=<{marker}{lines}{tail}{BR}>, color="{color}", '
                f'fillcolor="{fill}"{width}{dashed}];')

    def pointer(self, key: str, words: bool = True) -> str:
        """``↪ id “its first words…” (page N)``: a ref to a statement shown elsewhere."""
        target = self.graph.lookup(key)
        name = target.id if target is not None and target.id else key
        quoted = f" “{preview(target.text)}”" if words and target is not None else ""
        where = self.statement_page.get(key)
        return f"↪ {name}{quoted}" + (f" (page {where})" if where else "")

    def _parent_page(self, item: Item) -> int | None:
        """The page of the box a page root hangs under (where its "continued on" mark is)."""
        link = item.link
        if link is None:
            return None
        if link.relation is Relation.UNDERCUT:
            attacked = self.graph.link(link.target)
            if attacked is None:
                return None
            # a linked argument's undercuts hang beside its premises, under its parent
            home = attacked.target if attacked.linked else attacked.premises[0]
        else:
            home = link.target
        return self.statement_page.get(home)

    def overview(self, links: bool = False, stem: str = "") -> str:
        """Page 1: the question, each claim with its statement count and first page, legend."""
        t = self.theme
        g = self.graph
        rows = [f'<TR><TD COLSPAN="3" ALIGN="LEFT"><FONT POINT-SIZE="14"><B>'
                f"{BR.join(html_text(x) for x in wrap(g.question, 70))}</B></FONT>{BR}</TD></TR>"]
        if g.context and g.focus is None:
            ctx = BR.join(html_text(x) for x in wrap(g.context, 95))
            rows.append(f'<TR><TD COLSPAN="3" ALIGN="LEFT"><FONT COLOR="{t.faint}">{ctx}'
                        f"{BR}</FONT></TD></TR>")
        rows.append('<TR><TD ALIGN="LEFT"><B>Claim</B></TD><TD ALIGN="RIGHT"><B>statements'
                    '</B></TD><TD ALIGN="RIGHT"><B>page</B></TD></TR>')
        for key in g.roots:
            s = g.statements[key]
            where = self.statement_page.get(key, 0)
            href = f' HREF="{html_text(page_file(stem, where))}"' if links else ""
            text = BR.join(html_text(x) for x in wrap(s.text, 60))
            rows.append(f'<TR><TD ALIGN="LEFT"{href}>{MARKERS[Relation.CLAIM]} {text}{BR}</TD>'
                        f'<TD ALIGN="RIGHT" VALIGN="TOP">{count_under(g, key):,}</TD>'
                        f'<TD ALIGN="RIGHT" VALIGN="TOP"{href}>{where}</TD></TR>')
        rows.append(f'<TR><TD COLSPAN="3" ALIGN="LEFT">{BR}<B>Legend</B></TD></TR>')
        for relation in (Relation.CLAIM, Relation.PRO, Relation.CON, Relation.UNDERCUT):
            color = t.claim_line if relation is Relation.CLAIM else t.lines[relation]
            style = "" if relation is Relation.CLAIM else f" ({EDGE_STYLES[relation]} line)"
            rows.append(f'<TR><TD COLSPAN="3" ALIGN="LEFT"><FONT COLOR="{color}"><B>'
                        f"{MARKERS[relation]}</B> {WORDS[relation]}</FONT>{style}</TD></TR>")
        rows.append('<TR><TD COLSPAN="3" ALIGN="LEFT">▰▰▰▱▱ weight (1-5) · [n] source · '
                    "◂ from page M · ▸ continued on page N · ↪ a statement shown on another "
                    "page</TD></TR>")
        if g.has_linked():
            rows.append('<TR><TD COLSPAN="3" ALIGN="LEFT">● together: premises that meet at '
                        "a dot bear on their parent only jointly</TD></TR>")
        if g.citations:
            rows.append(f'<TR><TD COLSPAN="3" ALIGN="LEFT">{BR}<B>Sources</B></TD></TR>')
        for number, source_id, source in g.citations:
            text = BR.join(html_text(x) for x in wrap(source_line(source_id, source), 95))
            rows.append(f'<TR><TD COLSPAN="3" ALIGN="LEFT">[{number}] {text}</TD></TR>')
        table = ('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
                 + "".join(rows) + "</TABLE>")
        return "\n".join([
            "digraph overview {", *_HEAD,
            f'  graph [bgcolor="{t.background}", fontcolor="{t.faint}", '
            f"label=<{self.foot(1)}>];",
            f"  o [shape=plain, style=\"\", label=<{table}>];", "}", ""])


_PIECES = re.compile(r"[^-_/.]*[-_/.]+|[^-_/.]+")


def wrap(text: str, width: int) -> list[str]:
    """Word wrap that never breaks inside a word: a word longer than a line (an id such
    as ``since-they-own-their-platforms``, a URL) is broken after a hyphen, underscore,
    slash or dot, or else stands whole on a longer line (the page's real layout is
    checked, so a wider box only makes a page cut smaller)."""
    if len(text) <= width or all(len(word) <= width for word in text.split()):
        return cut_wrap(text, width)
    lines: list[str] = []
    line = ""
    for word in text.split():
        pieces = _PIECES.findall(word) if len(word) > width else [word]
        for i, piece in enumerate(pieces):
            joined = line + piece if i else (f"{line} {piece}" if line else piece)
            if line and len(joined) > width:
                lines.append(line)
                line = piece
            else:
                line = joined
    if line:
        lines.append(line)
    return [cut_wrap(x, len(x))[0] if x else x for x in lines]


def page_runs(pages: list[int]) -> str:
    """Sorted page numbers as runs: ``2, 5–9, 12`` (a wide statement's premises continue
    on thousands of pages in a row: one run, not a list Graphviz cannot read)."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def page_file(stem: str, number: int) -> str:
    """The file of one page of an SVG atlas: ``<stem>-page-007.svg``."""
    return f"{stem}-page-{number:03d}.svg"


def count_under(graph: ArgumentGraph, key: str) -> int:
    """How many written statements a claim's subtree holds, the claim included."""
    count = 0
    stack = [Item(key, None, False)]
    while stack:
        item = stack.pop()
        if not item.ref:
            count += 1
            stack.extend(kids(graph, item))
    return count
