"""One self-contained HTML page (``-f html``): the outline to explore, the diagram, the evidence.

The page works offline from a file: its CSS and JavaScript are inline
(``html_assets/page.css`` and ``page.js``, package data), a Content-Security-Policy forbids every
request, and the only links out are the sources' own URLs. It holds:

- the outline as a WAI-ARIA tree (``role="tree"``), with the markers, weight
  gauges, citation numbers and ``— by`` of ``argmap show``; every written
  statement's element carries its key in ``data-address``; a ``ref`` is an
  item with ``data-ref`` pointing at the statement it repeats; a linked argument
  is a "together:" item (``data-argument``) whose group holds its premises and
  undercuts;
- the Graphviz diagram as inline SVG, its nodes tagged with the same
  ``data-address`` (:func:`diagram`), left out above :data:`DIAGRAM_LIMIT`
  statements, where a picture is unreadable and slow to lay out;
- each statement's details (tags, note, citations with quotes, locators and
  links, and for a step that names a scheme its critical questions, the answered
  ones linked to the statements that answer them) as JSON the page's script
  shows in a side panel.

Every piece of user text goes through :func:`escape` (HTML) or :func:`script_json`
(JSON inside ``<script>``); the script builds the panel with ``textContent``
only, never from markup.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap.exporters import ExportOptions
from argmap.exporters.notation import BY, MARKERS, WORDS, gauge, more_below, ref_preview
from argmap.exporters.outline import rows
from argmap.graph import ArgumentGraph, Link, Visit
from argmap.markup import plain
from argmap.model import Relation

if TYPE_CHECKING:
    from argmap.model import Source

#: Above this many statements the page has no diagram: a Graphviz layout of
#: that many boxes takes many seconds, and nobody can read it on one screen.
DIAGRAM_LIMIT = 400

_SPECIAL = re.compile(r"""[&<>"'\x00-\x08\x0b-\x1f\x7f-\x9f]""")
_REPLACE = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
#: the tree item that holds a linked argument's premises
TOGETHER = "together:"


def escape(text: str) -> str:
    """User text as HTML text or a double- or single-quoted attribute value.

    ``& < > " '`` become entities, so no user text can open a tag, close an
    attribute or start an entity; control characters (which HTML forbids)
    become U+FFFD. Line breaks and tabs are kept (CSS decides how they show).
    """
    if _SPECIAL.search(text) is None:
        return text
    return _SPECIAL.sub(lambda m: _REPLACE.get(m.group(), "\ufffd"), text)


def script_json(value: object) -> str:
    """JSON for a ``<script type="application/json">`` block: no ``</script>`` can occur.

    ``<``, ``>`` and ``&`` are written as ``\\u003c`` etc. (they occur only
    inside JSON strings, where the escape means the same character).
    """
    from argmap.escape import json_text

    return (json_text(value, indent=None).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026"))


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The HTML page of one (possibly cut) map."""
    from importlib.resources import files

    assets = files("argmap.exporters") / "html_assets"
    css = (assets / "page.css").read_text(encoding="utf-8")
    script = (assets / "page.js").read_text(encoding="utf-8")
    statuses = (options.statuses or {}).get(graph.id) if options.statuses is not None else None
    numbers = graph.numbers()
    title = escape(graph.question)
    tree = _tree(graph, numbers, statuses, options.statuses is not None, options.pages or {})
    svg, note = diagram(graph, options)
    head = [f"<h1>{title}</h1>"]
    if graph.context and graph.focus is None:
        head.append(f'<p class="context">{escape(graph.context.strip())}</p>')
    if graph.focus is not None:
        head.append(f'<p class="context">Part of the map, from {escape(graph.focus)}</p>')
    from argmap.analysis.evaluate import SEMANTICS_KEY, SYMBOLS
    from argmap.analysis.evaluate import WORDS as STATUS_WORDS

    legend = (f'<p class="legend" aria-label="Legend">'
              f'<span class="mk claim">{MARKERS[Relation.CLAIM]}</span> claim · '
              f'<span class="mk pro">{MARKERS[Relation.PRO]}</span> supports · '
              f'<span class="mk con">{MARKERS[Relation.CON]}</span> rebuts · '
              f'<span class="mk undercut">{MARKERS[Relation.UNDERCUT]}</span> undercuts'
              + "".join(f' · <span class="status {status}">{symbol}</span> {STATUS_WORDS[status]}'
                        for status, symbol in SYMBOLS.items())
              * (options.statuses is not None)
              + (f" · {statuses.get(SEMANTICS_KEY, 'grounded')} semantics"
                 if statuses is not None else "") + _side_legend(graph, options) + "</p>")
    flow = (options.flows or {}).get(graph.id) if graph.focus is None else None
    flow_panel = flow_extra = ""
    if flow is not None:  # a round (format 1.2): a Flow tab beside the map
        tabs, flow_panel, flow_extra = flow
        head.append(tabs)
    figure = (f'<div class="viewport" id="viewport" tabindex="0" aria-label="Diagram: drag to '
              f'pan, wheel or + and − to zoom">{svg}</div>' if svg else "")
    return "".join([
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Nothing is fetched: no script, style, image or font from anywhere.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n",
        '<header>', *head, legend,
        '<div class="tools" role="search"><input type="search" id="search" '
        'placeholder="Search text, quotes, sources, tags" aria-label="Search statements" '
        'autocomplete="off">'
        '<button type="button" id="expand-all">Expand all</button>'
        '<button type="button" id="collapse-all">Collapse all</button>'
        '<span id="count" aria-live="polite"></span></div></header>\n',
        '<main id="map" role="tabpanel">\n' if flow is not None else '<main>\n',
        '<nav class="outline" aria-label="Outline">', tree, "</nav>\n",
        '<section class="diagram" aria-label="Diagram">',
        ('<div class="zoom" role="group" aria-label="Zoom"><button type="button" '
         'data-zoom="in" aria-label="Zoom in">+</button><button type="button" '
         'data-zoom="out" aria-label="Zoom out">−</button><button type="button" '
         'data-zoom="fit">Fit</button></div>' if svg else ""),
        figure, f'<p class="note">{escape(note)}</p>' if note else "", "</section>\n",
        '<aside class="panel" id="panel" aria-label="Details" aria-live="polite">'
        '<p class="hint">Select a statement to see its sources.</p></aside>\n</main>\n',
        flow_panel,
        _sources(graph) if graph.citations else "",
        '<script type="application/json" id="argmap-data">',
        script_json(_details(graph, numbers)), "</script>\n",
        f"<script>\n{script}</script>\n", flow_extra,
        "</body>\n</html>\n",
    ])


def _side_legend(graph: ArgumentGraph, options: ExportOptions) -> str:
    """``--color-by side``: each side's name in its box colour (the diagram's light theme)."""
    names = (options.side_names or {}).get(graph.id, ()) if options.sides is not None else ()
    if not names:
        return ""
    from argmap.exporters.themes import THEMES

    return "".join(f' · <span class="side" style="border:1px solid {line};background:{fill};'
                   f'padding:0 0.3em">{escape(name)}</span>'
                   for (line, fill), name in zip(THEMES["light"].sides, names, strict=False))


def _tree(graph: ArgumentGraph, numbers: dict[str, int], statuses: dict[str, str] | None,
          evaluated: bool, pages: dict[str, str]) -> str:
    """The outline as nested ``<ul role="tree">`` lists, built from :func:`walk`."""
    out = [f'<ul role="tree" id="tree" aria-label="{escape(graph.question)}">']
    found = rows(graph)
    for i, row in enumerate(found):
        after = found[i + 1].depth if i + 1 < len(found) else 0
        parent = after > row.depth
        if row.argument is not None:
            out.append(_together(row.argument, i, i == 0, parent))
        else:
            out.append(_item(graph, row.visit, i, numbers, statuses, evaluated, i == 0, parent,
                             pages))
        if parent:
            out.append('<ul role="group">')
        else:
            out.append("</li>" + "</ul></li>" * (row.depth - after))
    out.append("</ul>")
    return "".join(out)


def _together(argument: Link, index: int, first: bool, parent: bool) -> str:
    """A linked argument's tree item: marker, weight and "together:"; its premises and
    undercuts are the items of its group. ``data-argument`` keys its panel entry."""
    relation = argument.relation
    kind = relation.value
    expanded = ' aria-expanded="true"' if parent else ""
    weight = (f'<span class="w" title="weight {argument.weight} of 5">'
              f'{gauge(argument.weight)}</span> ' if argument.weight is not None else "")
    return (f'<li role="treeitem" class="arg {kind}" data-argument="{escape(argument.key)}" '
            f'tabindex="{"0" if first else "-1"}" aria-labelledby="r{index}"{expanded}>'
            f'<div class="row" id="r{index}"><span class="toggle" aria-hidden="true"></span>'
            f'<span class="mk {kind}" title="{WORDS[relation]}">{MARKERS[relation]}'
            f'<span class="sr"> {WORDS[relation]}</span></span> {weight}'
            f'<span class="tx together">{TOGETHER}</span></div>')


def _item(graph: ArgumentGraph, visit: Visit, index: int, numbers: dict[str, int],
          statuses: dict[str, str] | None, evaluated: bool, first: bool, parent: bool,
          pages: dict[str, str]) -> str:
    relation = visit.link.relation if visit.link is not None else Relation.CLAIM
    kind = relation.value
    tab = "0" if first else "-1"
    expanded = ' aria-expanded="true"' if parent else ""
    marker = (f'<span class="mk {kind}" title="{WORDS[relation]}">{MARKERS[relation]}'
              f'<span class="sr"> {WORDS[relation]}</span></span> ')
    row = f'id="r{index}"'
    if not visit.expanded:
        target = graph.lookup(visit.key)
        name = target.id if target is not None and target.id else visit.key
        words = ref_preview(name, target.text if target is not None else None)
        shown = "" if visit.key in graph.statements else " (not shown)"
        words = escape(words)
        other, _, local = visit.key.partition("/")
        page = pages.get(other) if local else None
        if page is not None:  # a statement of another map rendered with this one: its page
            words = f'<a href="{escape(page)}#{escape(local)}">{words}</a>'
            shown = ""
        return (f'<li role="treeitem" class="ref {kind}" data-ref="{escape(visit.key)}" '
                f'tabindex="{tab}" aria-labelledby="r{index}"><div class="row" {row}>'
                f'{marker}<span class="tx">{words}{shown}</span></div>')
    s = graph.statements[visit.key]
    status = statuses.get(s.key) if statuses is not None else None
    cls = f"st {kind}" + (f" status-{status}" if status else "")
    parts = [f'<li role="treeitem" class="{cls}" data-address="{escape(s.key)}" '
             f'tabindex="{tab}" aria-labelledby="r{index}"{expanded}><div class="row" {row}>'
             f'<span class="toggle" aria-hidden="true"></span>{marker}']
    if evaluated and status is not None:
        from argmap.analysis.evaluate import SYMBOLS
        from argmap.analysis.evaluate import WORDS as STATUS_WORDS

        parts.append(f'<span class="status {status}" title="{STATUS_WORDS[status]}">'
                     f'{SYMBOLS[status]}<span class="sr"> {STATUS_WORDS[status]}</span></span> ')
    if s.weight is not None and relation is not Relation.CLAIM:
        parts.append(f'<span class="w" title="weight {s.weight} of 5">{gauge(s.weight)}</span> ')
    parts.append(f'<span class="tx">{escape(s.text)}</span>')
    cited = graph.cited(s.key, numbers)
    if cited:
        parts.append(' <span class="cite">' + "".join(f"[{n}]" for n in cited) + "</span>")
    if s.by:
        parts.append(f' <span class="by">{BY} {escape(s.by)}</span>')
    parts.append("</div>")
    hidden = graph.hidden.get(s.key)
    if hidden:
        parts.append(f'<div class="more">{escape(more_below(hidden, visit.level, s.key))}</div>')
    return "".join(parts)


def _details(graph: ArgumentGraph, numbers: dict[str, int]) -> dict[str, object]:
    """What the side panel shows, per statement key, and the numbered sources."""
    statements: dict[str, object] = {}
    questions = _questions(graph)
    mine: dict[str, list[Link]] = {}  # statement -> its single-premise steps, ref steps too
    for link in graph.links:
        if not link.linked and link.scheme is not None:
            mine.setdefault(link.premises[0], []).append(link)
    used: dict[str, list[str]] = {}
    for link in graph.links:
        for premise, path in link.places():
            used.setdefault(premise, []).append(path)
    for key, s in graph.statements.items():
        entry: dict[str, object] = {"text": s.text, "address": s.id or s.path}
        if s.by:
            entry["by"] = s.by
        if s.tags:
            entry["tags"] = list(s.tags)
        if s.note:
            entry["note"] = s.note
        if s.cites:
            entry["cites"] = [[numbers.get(c.source), c.source,
                               plain(c.quote) if c.quote and graph.marked else c.quote,
                               c.locator] for c in s.cites]
        if len(used.get(key, ())) > 1:
            entry["at"] = used[key]
        if s.answers:
            entry["answers"] = list(s.answers)
        steps = [questions[link.key] for link in mine.get(key, ()) if link.key in questions]
        if steps:
            entry["schemes"] = steps
        statements[key] = entry
    arguments: dict[str, object] = {}
    for link in graph.links:
        if link.linked:
            argument: dict[str, object] = {
                "address": link.id or link.address,
                "premises": [graph.address(p) for p in link.premises]}
            if link.tags:
                argument["tags"] = list(link.tags)
            if link.note:
                argument["note"] = link.note
            if link.key in questions:
                argument["schemes"] = [questions[link.key]]
            arguments[link.key] = argument
    sources = {str(n): _source(sid, src) for n, sid, src in graph.citations}
    return {"statements": statements, "arguments": arguments, "sources": sources}


def _questions(graph: ArgumentGraph) -> dict[str, dict[str, object]]:
    """Link key -> its scheme and critical questions for the panel (format 1.2): each
    question as [id, text, kind, [[answer's key, its address], ...]]."""
    if not any(link.scheme for link in graph.links):
        return {}
    from argmap.analysis.questions import asked
    from argmap.readers.catalogue import catalogue

    schemes = catalogue().schemes
    found: dict[str, dict[str, object]] = {}
    for key, items in asked(graph).items():
        link = items[0].link
        scheme = schemes[link.scheme or ""]
        found[key] = {"at": link.address, "id": scheme.id, "name": scheme.name,
                      "questions": [[q.question.id, q.question.text, q.question.kind,
                                     [[a, graph.address(a)] for a in q.answers]]
                                    for q in items]}
    return found


def _source(source_id: str, source: Source | None) -> dict[str, str]:
    """A source as the panel lists it; only http(s) URLs become links (in the script)."""
    from argmap.exporters.notation import source_line

    found = {"line": source_line(source_id, source._replace(url=None) if source else None)}
    if source is not None and source.url:
        found["url"] = source.url
    return found


def _sources(graph: ArgumentGraph) -> str:
    """The numbered source list under the page (printed too)."""
    from argmap.exporters.notation import source_line

    items = []
    for number, source_id, source in graph.citations:
        line = escape(source_line(source_id, source._replace(url=None) if source else None))
        url = source.url if source is not None else None
        if url and re.match(r"https?://", url, re.IGNORECASE):
            line += f' <a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>'
        elif url:
            line += " " + escape(url)
        items.append(f'<li id="source-{number}" value="{number}">{line}</li>')
    return f'<footer><h2>Sources</h2><ol class="sources">{"".join(items)}</ol></footer>\n'


def diagram(graph: ArgumentGraph, options: ExportOptions) -> tuple[str, str | None]:
    """The diagram as inline SVG whose nodes carry ``data-address``, or a note why there is none.

    The one place the page draws with Graphviz, from the same cut graph as
    the svg format. DOT names statement nodes ``n1``, ``n2`` ... in walk
    order; :func:`_tag_nodes` maps those names back to statement keys.
    """
    size = len(graph.statements)
    if size > DIAGRAM_LIMIT:
        return "", (f"The diagram is left out: {size:,} statements are more than one picture "
                    f"can show legibly (the page draws up to {DIAGRAM_LIMIT}). Draw part of the "
                    "map with --focus ID or --depth N, or print all of it as an atlas of "
                    "pages with -f pdf --pages.")
    from argmap.exporters.dot import DotOptions, render_dot
    from argmap.exporters.layout import LayoutError, layout
    from argmap.graph import walk

    marks = options.statuses.get(graph.id, {}) if options.statuses is not None else None
    sides = options.sides.get(graph.id) if options.sides is not None else None
    dot = render_dot(graph, DotOptions(options.direction, "light", False, statuses=marks,
                                       sides=sides))
    names: dict[str, str] = {}  # DOT node name -> statement key, as render_dot names them
    for visit in walk(graph):
        if visit.expanded:
            names[f"n{len(names) + 1}"] = visit.key
    try:
        svg = layout(dot, "dot", "svg", options.timeout).decode("utf-8")
    except LayoutError as exc:
        return "", f"No diagram: {exc}"
    return _tag_nodes(svg, names), None


_NODE = re.compile(r'<g id="(node\d+)" class="node">\s*<title>([^<]*)</title>')
#: DOT's name for a linked argument's junction: its link key (argmap's, never user text)
_JUNCTION = re.compile(r"(l[0-9]+)_j")


def _tag_nodes(svg: str, names: dict[str, str]) -> str:
    """Inline-ready SVG: no XML prolog, nodes tagged with their statement's key."""
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg

    def tag(match: re.Match[str]) -> str:
        key = names.get(match.group(2))
        if key is None:
            junction = _JUNCTION.fullmatch(match.group(2))  # a linked argument's dot
            if junction is None:
                return match.group(0)
            return (f'<g id="{match.group(1)}" class="node" '
                    f'data-argument="{junction.group(1)}">')
        return f'<g id="{match.group(1)}" class="node" data-address="{escape(key)}">'

    svg = _NODE.sub(tag, svg)
    # The HTML parser knows SVG's namespaces: without the declarations the page
    # names no URL but the sources' own.
    svg = re.sub(r' xmlns(:xlink)?="[^"]*"', "", svg, count=2)
    # Sized by the page's CSS, zoomed by its script through the viewBox.
    return re.sub(r'<svg width="[^"]*" height="[^"]*"', '<svg role="img"', svg, count=1)
