"""Mermaid: a flowchart GitHub, GitLab and Notion render from a ```mermaid block.

Shape of the output (``flowchart BT`` for the default ``--direction TB``)::

    q["question"]                  the question, on top
    n1["claim text [1]"]           one node per statement, ids generated n1, n2, ...
    n1 --- q                       a claim hangs from the question
    n2 -->|"+"| n1                 pro: solid arrow, "+" on the edge
    n3 -.->|"−"| n1                con: dotted arrow, "−" on the edge
    n4 ==>|"⊘"| j1                 undercut: thick arrow into the junction on the link it attacks

Arrows point from a premise to what it bears on, so the question sits where
``--direction`` says when Mermaid's layout is turned around (TB → ``BT``).
Colour (``classDef``, ``linkStyle``) is never the only cue: every edge carries
its marker and its line style. A link that is undercut (or has several
premises) runs through a small junction node, because Mermaid edges join nodes
only. A ``ref`` is one more edge to the statement's one node.

A linked argument (format 1.1) is one link, so one junction: its premises
join it with plain lines (``n2 --- j1``), the junction's one arrow to the
parent carries the marker, the weight gauge and the argument's id
(``j1 -->|"+ ▰▰▰▰▱ no-gridlock"| n1``), and its joint undercuts point at it.

Node ids are generated, never taken from user text, and every label goes
through :func:`mermaid_label`, so no text can end a label, open a shape, or
name the keyword ``end``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap.exporters.notation import BY, MARKERS, gauge, more_below, ref_preview
from argmap.graph import walk
from argmap.model import Relation, single_spaced

if TYPE_CHECKING:
    from argmap.exporters import ExportOptions
    from argmap.graph import ArgumentGraph, GStatement, Link

# Mermaid lays out from the first rank; arrows run premise -> parent, so the
# question is last in arrow order and the direction is turned around.
# Mermaid (and GitHub with it) refuses to draw more than this; these are
# "secure" settings that a diagram cannot raise for itself.
MAX_TEXT, MAX_EDGES = 50_000, 500
DIRECTIONS = {"TB": "BT", "BT": "TB", "LR": "RL", "RL": "LR"}
ARROWS = {Relation.PRO: "-->", Relation.CON: "-.->", Relation.UNDERCUT: "==>"}
LINE_COLOURS = {Relation.PRO: "#1a7f37", Relation.CON: "#cf222e", Relation.UNDERCUT: "#c4540a"}
CLASSES = (
    "classDef question fill:#f6f8fa,stroke:#1f2328,stroke-width:2px,color:#1f2328",
    "classDef claim fill:#ddf4ff,stroke:#0550ae,stroke-width:2px,color:#1f2328",
    "classDef pro fill:#effaf1,stroke:#1a7f37,color:#1f2328",
    "classDef con fill:#fff1f0,stroke:#cf222e,color:#1f2328",
    "classDef undercut fill:#fff5e8,stroke:#c4540a,stroke-dasharray:4 3,color:#1f2328",
    "classDef outside fill:#ffffff,stroke:#8c959f,stroke-dasharray:2 2,color:#57606a",
    "classDef junction fill:#57606a,stroke:#57606a",
)

# Characters Mermaid would read as syntax or HTML inside a quoted label, as the
# entity codes it decodes when it draws (#quot; -> &quot;, #35; -> &#35;).
# "#" itself is encoded so that user text like "#quot;" or "#9829;" stays literal,
# and "%" because Mermaid strips %%{directives}%% anywhere, even inside quotes.
_ENTITIES = {'"': "#quot;", "#": "#35;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "`": "#96;",
             "%": "#37;"}
_TABLE = str.maketrans(_ENTITIES)
_ANY = re.compile('["#&<>`%]')  # one C-level scan; most labels need no entity


def mermaid_label(text: str) -> str:
    """Quote one label for a Mermaid flowchart: ``"…"`` with syntax characters as entities.

    Whitespace runs (newlines included) become one space, since a raw newline
    ends a Mermaid statement; other control characters, which HTML cannot
    show, become U+FFFD. Everything else is kept and shows as written.
    """
    text = single_spaced(text)
    if not text.isprintable():
        text = "".join(c if c.isprintable() else "\ufffd" for c in text)
    if _ANY.search(text) is not None:
        text = text.translate(_TABLE)
        if "style" in text or "classDef" in text:
            # Mermaid's parser drops the last ";" of any line matching
            # /style.*:\S*#.*;/ or /classDef.*:\S*#.*;/, labels included, and that ";"
            # ends one of the entity codes above: written with an entity for one
            # letter, the word no longer matches, and reads the same.
            text = text.replace("style", "styl#101;").replace("classDef", "classDe#102;")
    return '"' + (text or " ") + '"'


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The whole flowchart for one map (``options.direction``: where the question sits)."""
    ids = {key: f"n{number}" for number, key in enumerate(graph.statements, 1)}
    for number, key in enumerate(graph.outside, len(ids) + 1):
        ids[key] = f"n{number}"
    numbers = graph.numbers()
    relation_of = {link.key: link.relation for link in graph.links}
    levels = {v.key: v.level for v in walk(graph) if v.expanded} if graph.hidden else {}
    lines = [f"flowchart {DIRECTIONS.get(options.direction, 'BT')}"]
    if graph.claims:  # a focus below the claims leaves the question out
        lines.append(f"  q[{mermaid_label(graph.question)}]:::question")
    for key, statement in graph.statements.items():
        label = _node_label(graph, statement, numbers, levels.get(key, 0))
        kind = "claim" if statement.is_claim else relation_of.get(statement.link or "", "pro")
        lines.append(f"  {ids[key]}[{label}]:::{kind}")
    for key, statement in graph.outside.items():
        label = mermaid_label(ref_preview(statement.id or statement.path, statement.text))
        lines.append(f"  {ids[key]}[{label}]:::outside")
    edges: list[Relation | None] = []
    for key in graph.claims:
        lines.append(f"  {ids[key]} --- q")
        edges.append(None)
    _links(graph, ids, lines, edges)
    lines.extend(f"  {line}" for line in CLASSES)
    for relation, colour in LINE_COLOURS.items():
        used = [str(i) for i, r in enumerate(edges) if r is relation]
        if used:
            lines.append(f"  linkStyle {','.join(used)} stroke:{colour}")
    for number, source_id, source in graph.citations:
        title = single_spaced(source.title) if source is not None else source_id
        lines.append(f"  %% [{number}] {title}".replace("\n", " "))
    text = "\n".join(lines) + "\n"
    # Mermaid measures in JavaScript string units: UTF-16 code units.
    size = len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2
    if size > MAX_TEXT or len(edges) > MAX_EDGES:
        limits = (f"Mermaid, which draws at most {MAX_TEXT:,} characters and {MAX_EDGES} edges "
                  f"({size:,} and {len(edges)} here): export part of the map with --focus ID "
                  "or --depth N")
        # the comment travels with the file; the warning reaches whoever ran the export,
        # who would otherwise learn it only when GitHub shows "Edge limit exceeded"
        if options.warn is not None:
            options.warn(graph.id, f"too big for {limits}")
        text = f"%% Too big for {limits}.\n" + text
    return text


def _links(graph: ArgumentGraph, ids: dict[str, str], lines: list[str],
           edges: list[Relation | None]) -> None:
    """Write every link as edges, through a junction where it is undercut or joint."""
    junctions: dict[str, str] = {}
    for link in graph.links:
        if graph.undercuts_of(link.key) or len(link.premises) > 1:
            junctions[link.key] = f"j{len(junctions) + 1}"
    for link in graph.links:
        target = _target(link, ids, junctions)
        if target is None:
            continue  # an undercut of a link the cut left out: nothing to point at
        label = _edge_label(link)
        arrow = ARROWS[link.relation]
        junction = junctions.get(link.key)
        if junction is not None:
            lines.append(f'  {junction}(("·")):::junction')
            for premise in link.premises:
                if premise in ids:
                    lines.append(f"  {ids[premise]} --- {junction}")
                    edges.append(link.relation)
            lines.append(f"  {junction} {arrow}|{label}| {target}")
            edges.append(link.relation)
            continue
        for premise in link.premises:
            if premise in ids:
                lines.append(f"  {ids[premise]} {arrow}|{label}| {target}")
                edges.append(link.relation)


def _target(link: Link, ids: dict[str, str], junctions: dict[str, str]) -> str | None:
    """The node id a link points at: its parent, or the junction of the link it undercuts."""
    if link.relation is Relation.UNDERCUT:
        return junctions.get(link.target)
    return ids.get(link.target)


def _edge_label(link: Link) -> str:
    """The marker, the weight as a gauge when the link is rated, and a linked
    argument's id."""
    marker = MARKERS[link.relation]
    if link.weight is not None:
        marker += " " + gauge(link.weight)
    if link.id is not None:  # only a linked argument has an id of its own
        marker += " " + link.id
    return mermaid_label(marker)


def _node_label(graph: ArgumentGraph, statement: GStatement, numbers: dict[str, int],
                level: int) -> str:
    """Text, citation numbers, then ``— by`` and any "more below" hint on their own lines."""
    cited = graph.cited(statement.key, numbers)
    text = statement.text + (" " + "".join(f"[{n}]" for n in cited) if cited else "")
    label = mermaid_label(text)[:-1]
    if statement.by:
        label += "<br/><i>" + mermaid_label(f"{BY} {statement.by}")[1:-1] + "</i>"
    hidden = graph.hidden.get(statement.key)
    if hidden:
        hint = more_below(hidden, level, statement.id or statement.path)
        label += "<br/><i>" + mermaid_label(hint)[1:-1] + "</i>"
    return label + '"'
