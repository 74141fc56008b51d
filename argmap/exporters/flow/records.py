"""The flow as CSV for scripts: one record per cell."""

from __future__ import annotations

import csv
import io

from argmap.analysis.flow import Flow

COLUMNS = ("sheet", "row", "speech", "side", "address", "kind", "relation", "text", "dropped_by",
           "extended_in", "not_extended")


def render(flow: Flow) -> str:
    """A header, then one line per statement on each sheet, in sheet, row, speech order.

    A text that starts with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` so a
    spreadsheet opening the file shows it instead of running it as a formula.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for sheet in flow.sheets:
        for cell in sheet.cells:
            writer.writerow([sheet.address, cell.row + 1, flow.speeches[cell.column].name,
                             cell.side or "", cell.address, cell.kind, cell.relation,
                             _inert(cell.text), cell.dropped or "", " ".join(cell.extended),
                             "yes" if cell.not_extended else ""])
    return out.getvalue()


def _inert(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
