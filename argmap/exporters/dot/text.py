"""The parts of a diagram's DOT text that need no writer: wrapping, markers, question, legend."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap.escape import dot_string, html_text
from argmap.exporters import notation
from argmap.exporters.notation import gauge, source_line
from argmap.exporters.themes import Theme
from argmap.model import Relation, single_spaced, visible

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph

FONT = "DejaVu Sans,Helvetica,Arial,sans-serif"


_LINKS = (Relation.PRO, Relation.CON, Relation.UNDERCUT)
#: the markers of links (a claim's box is bold instead)
MARKERS = {r: notation.MARKERS[r] for r in _LINKS}
EDGE_STYLES = {Relation.PRO: "solid", Relation.CON: "dashed", Relation.UNDERCUT: "dotted"}
WORDS = {r: notation.WORDS[r] for r in _LINKS}


_WRAPS: dict[int, re.Pattern[str]] = {}


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by characters; a word longer than a line is cut.

    One regular expression does the filling in C: textwrap took 0.2 s for a
    10,000-statement map, this takes 0.02 s.
    """
    text = single_spaced(text)
    lines = [text] if len(text) <= width else (_WRAPS.get(width) or _pattern(width)).findall(text)
    if text.isprintable():  # what most texts are: then so is each line
        return lines
    # Pango cannot lay out a line of only format characters (U+200D, U+FEFF, U+202E):
    # such a line (an imported text, say) is shown by the characters' names.
    return [line if line.isprintable() or visible(line) else _named(line) for line in lines]


def _pattern(width: int) -> re.Pattern[str]:
    """The longest run that ends before a space or the end, else a cut word."""
    pattern = _WRAPS[width] = re.compile(rf"\S(?:.{{0,{width - 1}}}(?= |$)|\S{{{width - 1}}})")
    return pattern


def _named(line: str) -> str:
    return " ".join(f"⟨U+{ord(c):04X}⟩" for c in line if not c.isspace())


BR = '<BR ALIGN="LEFT"/>'
#: the legend's sign for the junction where a linked argument's premises meet
JUNCTION = "●"
EDGE_LABEL = "headlabel"


def citation_markers(numbers: tuple[int, ...]) -> str:
    """Citation markers, eight to a line: a run of text between tags must stay short."""
    if len(numbers) <= 8:
        return "".join([f"[{n}]" for n in numbers])
    return BR.join("".join(f"[{n}]" for n in numbers[i:i + 8]) for i in range(0, len(numbers), 8))


def question(t: Theme, graph: ArgumentGraph) -> str:
    """The question as a box over the claims, or as the title of a focused graph."""
    lines = wrap(graph.question, 60)
    body = "".join(f"<B>{html_text(x)}</B><BR/>" for x in lines)
    if graph.focus is not None and graph.via:  # focused through a ref position: say so
        body += (f'<FONT POINT-SIZE="10" COLOR="{t.faint}">{html_text(graph.via)} → '
                 f"{html_text(graph.address(graph.focus))}<BR/></FONT>")
    if graph.focus is None and graph.context:
        ctx = "".join(f"{html_text(x)}<BR/>" for x in wrap(graph.context, 80))
        body += f'<FONT POINT-SIZE="10" COLOR="{t.faint}">{ctx}</FONT>'
    if graph.focus is None:
        return (f'  q [label=<{body}>, shape=box, style="filled", fillcolor="{t.question}",'
                f' color="{t.ink}", penwidth=1.5, fontsize=15, margin="0.25,0.12", '
                f"tooltip={dot_string(graph.question)}];")
    return f'  graph [label=<{body}>, labelloc=t, fontsize=13];'


def legend(t: Theme, graph: ArgumentGraph, weighted: bool, marked: bool,
           together: bool = False, sides: tuple[str, ...] = ()) -> list[str]:
    """The legend: the sides' colours (``--color-by side``), markers, line styles, linked
    premises, weights, and the numbered sources."""
    rows = []
    for (line, fill), name in zip(t.sides, sides, strict=False):
        rows.append(f'<TR><TD ALIGN="RIGHT" BGCOLOR="{fill}"><FONT COLOR="{line}"><B>■</B>'
                    f'</FONT></TD><TD ALIGN="LEFT">{html_text(name)}: its boxes</TD></TR>')
    for relation in (Relation.PRO, Relation.CON, Relation.UNDERCUT):
        color = t.lines[relation]
        rows.append(f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{color}"><B>{MARKERS[relation]}</B>'
                    f'</FONT></TD><TD ALIGN="LEFT"><FONT COLOR="{color}">{WORDS[relation]}'
                    f"</FONT> ({EDGE_STYLES[relation]} line)</TD></TR>")
    if marked:
        rows.append(f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{t.faint}"><B>▢</B></FONT></TD>'
                    '<TD ALIGN="LEFT">framed on a line: that link&#39;s relation, where the box '
                    "cannot show it (grey: reused)</TD></TR>")
    if together:
        rows.append(f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{t.ink}"><B>{JUNCTION}</B></FONT></TD>'
                    '<TD ALIGN="LEFT">together: premises that meet at a dot bear on their '
                    "parent only jointly</TD></TR>")
    if weighted:
        rows.append(f'<TR><TD ALIGN="RIGHT"><FONT COLOR="{t.faint}">{gauge(3)}</FONT></TD>'
                    '<TD ALIGN="LEFT">weight: how much a premise bears on its parent (1-5)'
                    "</TD></TR>")
    if graph.citations:
        rows.append('<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Sources</B></TD></TR>')
    for number, source_id, source in graph.citations:
        text = "<BR ALIGN=\"LEFT\"/>".join(
            html_text(x) for x in wrap(source_line(source_id, source), 90))
        rows.append(f'<TR><TD ALIGN="RIGHT" VALIGN="TOP">[{number}]</TD>'
                    f'<TD ALIGN="LEFT">{text}<BR ALIGN="LEFT"/></TD></TR>')
    table = ('<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">'
             + "".join(rows) + "</TABLE>")
    return [f'  legend [shape=box, style="rounded,filled", fillcolor="{t.question}", '
            f'color="{t.faint}", fontsize=10, label=<{table}>];', "  { rank=sink; legend; }"]
