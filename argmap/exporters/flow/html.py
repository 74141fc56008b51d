"""The flow as HTML: a printable page with one landscape page per sheet, and the
fragment the map's HTML page (``render -f html``) shows in its Flow tab.

Every piece of user text goes through :func:`argmap.exporters.html.escape`.
A dropped argument's cell has the class ``dropped`` and says so in words
(``DROPPED by 2NC``), never by colour alone.
"""

from __future__ import annotations

from argmap.analysis.flow import Cell, Flow
from argmap.exporters.flow import LEGEND, heading, label, marks, speech_label
from argmap.exporters.html import escape

#: the sheets' style: shared by the printable page and the map page's Flow tab
CSS = """\
.flow-sheet{margin:0 0 1.5rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.flow-sheet h2{font-size:1rem;margin:.25rem 0 .5rem}
.flow-sheet table{border-collapse:collapse;table-layout:fixed;width:100%;font-size:.75rem}
.flow-sheet th,.flow-sheet td{border:1px solid #999;padding:.2rem .3rem;vertical-align:top;
 overflow-wrap:anywhere;text-align:left}
.flow-sheet th{background:#eee}
.flow-sheet th.side-0,.flow-sheet td.side-0{background:#eef4ff}
.flow-sheet th.side-1,.flow-sheet td.side-1{background:#fff4e8}
.flow-sheet td.empty{background:transparent}
.flow-sheet .cell.dropped{outline:2px solid #c00;outline-offset:-2px}
.flow-sheet .mark{display:block;font-weight:bold;font-size:.7rem}
.flow-sheet .mark.drop{color:#b00}
.flow-sheet .mark.quiet{color:#666;font-weight:normal}
.flow-sheet .cell.extension,.flow-sheet .cell.ref{font-style:italic}
@media print{.flow-sheet{break-after:page;page-break-after:always}
 .flow-sheet table{font-size:6.5pt}.flow-sheet th,.flow-sheet td{padding:1px 2px}
 .flow-sheet .mark{font-size:6pt}}
"""


def render(flow: Flow) -> str:
    """A page of every sheet, each printed on its own landscape page."""
    title = escape(f"Flow: {flow.question}")
    return "".join([
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">\n"
        f"<title>{title}</title>\n<style>\n@page{{size:landscape;margin:10mm}}\n"
        "body{font-family:system-ui,sans-serif;margin:1rem}\n"
        f"h1{{font-size:1.2rem}}\n{CSS}</style>\n</head>\n<body>\n<h1>{title}</h1>\n",
        sheets(flow), "</body>\n</html>\n"])


def sheets(flow: Flow) -> str:
    """Every sheet as a ``<section class="flow-sheet">`` with its table."""
    sides = list(dict.fromkeys(s.side for s in flow.speeches if s.side))
    klass = [f"side-{sides.index(s.side)}" if s.side in sides else "" for s in flow.speeches]
    out = [f'<p class="flow-legend">{escape(LEGEND)}</p>\n']
    if flow.side:
        out.append(f'<p class="flow-for">Marked for {escape(flow.side)}: what it dropped, '
                   "and what it did not extend.</p>\n")
    for index, sheet in enumerate(flow.sheets):
        grid: dict[int, dict[int, Cell]] = {}
        for cell in sheet.cells:
            grid.setdefault(cell.row, {})[cell.column] = cell
        head = "".join(f'<th scope="col" class="{klass[c]}">{escape(speech_label(flow, c))}'
                       "</th>" for c in range(len(flow.speeches)))
        rows = []
        for row in range(sheet.rows):
            cells = grid.get(row, {})
            rows.append("<tr>" + "".join(
                _cell(cells[c], klass[c]) if c in cells else '<td class="empty"></td>'
                for c in range(len(flow.speeches))) + "</tr>")
        out.append(f'<section class="flow-sheet" data-sheet="{escape(sheet.address)}">'
                   f"<h2>{escape(heading(flow, index))}</h2><table><thead><tr>{head}</tr>"
                   f"</thead><tbody>{''.join(rows)}</tbody></table></section>\n")
    return "".join(out)


def _cell(cell: Cell, side: str) -> str:
    classes = " ".join(c for c in ("cell", cell.kind, side,
                                   "dropped" if cell.dropped else "") if c)
    notes = []
    for mark in marks(cell):
        if mark == "extension":
            continue
        kind = "drop" if mark.startswith("DROPPED") else "quiet"
        notes.append(f'<span class="mark {kind}">{escape(mark)}</span>')
    return (f'<td class="{classes}" data-address="{escape(cell.address)}">'
            f"{escape(label(cell))}{''.join(notes)}</td>")


#: the Flow tab's switch on the map page: the tabs show one panel at a time (the outline's
#: filter and expand buttons are hidden while the flow shows: they act on the outline)
_TAB_SCRIPT = """(function(){"use strict";
var tabs=document.querySelectorAll("[role=tab]"),tools=document.querySelector(".tools");
function show(tab){tabs.forEach(function(t){var on=t===tab;t.setAttribute("aria-selected",
on?"true":"false");t.tabIndex=on?0:-1;document.getElementById(t.getAttribute("aria-controls"))
.hidden=!on});if(tools)tools.style.visibility=tab.id==="tab-flow"?"hidden":""}
tabs.forEach(function(t){t.addEventListener("click",function(){show(t)})})})();
"""


def tab(flow: Flow) -> tuple[str, str, str]:
    """The map page's Flow tab: (the tab buttons, the panel, its script and style).

    The page's own ``<main>`` (id ``map``) is the first tab's panel.
    """
    buttons = ('<div class="tabs" role="tablist" aria-label="Views">'
               '<button type="button" role="tab" id="tab-map" aria-controls="map" '
               'aria-selected="true">Map</button>'
               '<button type="button" role="tab" id="tab-flow" aria-controls="flow" '
               'aria-selected="false" tabindex="-1">Flow</button></div>')
    panel = (f'<section id="flow" class="flow" role="tabpanel" aria-labelledby="tab-flow" '
             f'hidden>{sheets(flow)}</section>\n')
    extra = (f"<style>\n{CSS}#map[hidden],#flow[hidden]{{display:none!important}}\n"
             f".flow{{padding:0 1rem}}.tabs button[aria-selected=true]"
             f"{{font-weight:bold;text-decoration:underline}}\n</style>\n"
             f"<script>\n{_TAB_SCRIPT}</script>\n")
    return buttons, panel, extra
