"""The flow for a terminal: each sheet a grid of speech columns fitted to a width.

Each row band is numbered. When the speeches do not fit side by side at a
readable width, the columns wrap: the sheet is printed in panels of
consecutive speeches, each row keeping its number, so a band reads across the
panels.
"""

from __future__ import annotations

import textwrap

from argmap.analysis.flow import Cell, Flow, Sheet
from argmap.escape import terminal_visible
from argmap.exporters.flow import LEGEND, heading, label, marks, speech_label

#: the narrowest column worth reading; below it the columns wrap into panels
MIN_COLUMN = 18
SEPARATOR = " │ "


def render(flow: Flow, width: int) -> str:
    """The whole flow as text no wider than ``width`` (at least 40)."""
    width = max(width, 40)
    out = textwrap.wrap(terminal_visible(f"{flow.map_id}: {flow.question}"), width)
    if flow.side:
        out += textwrap.wrap(terminal_visible(f"marked for {flow.side}: what {flow.side} "
                                              "dropped, and what it did not extend"), width)
    out += textwrap.wrap(LEGEND, width)
    for index, sheet in enumerate(flow.sheets):
        out.append("")
        out.extend(textwrap.wrap(terminal_visible(heading(flow, index)), width) or [""])
        out.extend(_sheet(flow, sheet, width))
    return "\n".join(out) + "\n"


def _panels(count: int, width: int, gutter: int) -> list[range]:
    """The speech columns of each panel: all at once when they fit, else as many as fit."""
    fit = max(1, (width - gutter + len(SEPARATOR)) // (MIN_COLUMN + len(SEPARATOR)))
    return [range(start, min(start + fit, count)) for start in range(0, count, fit)]


def _sheet(flow: Flow, sheet: Sheet, width: int) -> list[str]:
    by_row: dict[int, dict[int, Cell]] = {}
    for cell in sheet.cells:
        by_row.setdefault(cell.row, {})[cell.column] = cell
    count = len(flow.speeches)
    gutter = len(str(sheet.rows)) + 1  # each row band's number, to read it across panels
    single = (width - gutter + len(SEPARATOR)) // count - len(SEPARATOR) >= MIN_COLUMN
    out: list[str] = []
    panels = _panels(count, width, gutter)
    columns = len(panels[0])  # every panel's columns as wide as the first's
    column_width = (width - gutter - len(SEPARATOR) * (columns - 1)) // columns
    for panel in panels:
        if not single:
            out.append(terminal_visible(f"  speeches {flow.speeches[panel[0]].name}–"
                                        f"{flow.speeches[panel[-1]].name}:"))
        rule = "─┼─".join("─" * column_width for _ in panel)
        out.append(" " * gutter + SEPARATOR.join(
            terminal_visible(speech_label(flow, c))[:column_width].ljust(column_width)
            for c in panel).rstrip())
        out.append(" " * gutter + rule)
        for row in range(sheet.rows):
            cells = by_row.get(row, {})
            if not any(c in cells for c in panel):
                continue
            wrapped = [_lines(cells.get(c), column_width) for c in panel]
            height = max(len(lines) for lines in wrapped)
            for line in range(height):
                number = (str(row + 1) if line == 0 else "").rjust(gutter - 1) + " "
                out.append(number + SEPARATOR.join(
                    (lines[line] if line < len(lines) else "").ljust(column_width)
                    for lines in wrapped).rstrip())
    return out


def _lines(cell: Cell | None, width: int) -> list[str]:
    if cell is None:
        return [""]
    text = terminal_visible(label(cell))
    lines = textwrap.wrap(text, width, break_long_words=True) or [""]
    for mark in marks(cell):
        if mark != "extension":
            lines.extend(textwrap.wrap(f"[{mark}]", width, break_long_words=True))
    return lines
