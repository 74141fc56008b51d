"""The flow as Markdown: a table per sheet, one column per speech."""

from __future__ import annotations

from argmap.analysis.flow import Cell, Flow
from argmap.exporters.flow import LEGEND, heading, label, marks, speech_label


def render(flow: Flow) -> str:
    """Every sheet as a GitHub-flavoured Markdown table."""
    out = [f"# Flow: {_escape(flow.question)}", "", _escape(LEGEND), ""]
    if flow.side:
        out += [f"Marked for {flow.side}: what {flow.side} dropped, and what it did not "
                "extend.", ""]
    columns = range(len(flow.speeches))
    for index, sheet in enumerate(flow.sheets):
        out += [f"## {_escape(heading(flow, index))}", ""]
        out.append("| " + " | ".join(_escape(speech_label(flow, c)) for c in columns) + " |")
        out.append("|" + "---|" * len(flow.speeches))
        grid: dict[int, dict[int, Cell]] = {}
        for cell in sheet.cells:
            grid.setdefault(cell.row, {})[cell.column] = cell
        for row in range(sheet.rows):
            cells = grid.get(row, {})
            out.append("| " + " | ".join(_cell(cells.get(c)) for c in columns) + " |")
        out.append("")
    return "\n".join(out)


def _cell(cell: Cell | None) -> str:
    if cell is None:
        return ""
    text = _escape(label(cell))
    notes = [m for m in marks(cell) if m != "extension"]
    flags = "".join(f" **[{m}]**" if m.startswith("DROPPED") else f" *[{m}]*" for m in notes)
    return text + flags


def _escape(text: str) -> str:
    """Text safe in a table cell: pipes and Markdown's markers escaped, on one line."""
    for char in "\\|*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())
