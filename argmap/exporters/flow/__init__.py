"""``argmap flow``'s outputs: one module per format, listed in one dict.

Each renderer takes a :class:`argmap.analysis.flow.Flow` and returns the whole
file: text for the terminal (fitted to a width), Markdown, CSV, a printable
HTML page (one landscape page per sheet) and an xlsx workbook (one worksheet
per sheet, one column per speech).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from argmap.analysis.flow import Cell, Flow


class FlowFormat(NamedTuple):
    """One output format of ``flow``: its name, file suffixes, module, whether it is bytes
    (never written to a terminal) and whether several results may share stdout."""

    name: str
    suffixes: tuple[str, ...]
    module: str
    binary: bool = False
    streams: bool = False


FLOW_FORMATS: dict[str, FlowFormat] = {f.name: f for f in (
    FlowFormat("text", (".txt",), "text"),
    FlowFormat("md", (".md",), "markdown"),
    FlowFormat("csv", (".csv",), "records"),
    FlowFormat("html", (".html", ".htm"), "html"),
    FlowFormat("xlsx", (".xlsx",), "xlsx", binary=True),
)}


def render_flow(flow: Flow, fmt: str, width: int = 100) -> bytes:
    """The flow as the bytes of one format of :data:`FLOW_FORMATS` (text is fitted to ``width``)."""
    module = import_module(f"argmap.exporters.flow.{FLOW_FORMATS[fmt].module}")
    result: str | bytes = module.render(flow, width) if fmt == "text" else module.render(flow)
    return result if isinstance(result, bytes) else result.encode("utf-8")


#: what the marks mean, shown once above the sheets
LEGEND = ("▲ said again (an extension) · ↪ a statement written elsewhere · DROPPED by X: the "
          "other side answered it in no speech from X on · not extended: its side left it out "
          "of its last speech")


def marks(cell: Cell) -> list[str]:
    """What the flow marks on a cell, in words (every format says the same)."""
    found = []
    if cell.kind == "extension":
        found.append("extension")
    if cell.dropped is not None:
        found.append(f"DROPPED by {cell.dropped}")
    if cell.extended:
        found.append("extended " + ", ".join(cell.extended))
    if cell.not_extended:
        found.append("not extended")
    return found


def label(cell: Cell) -> str:
    """A cell's text as the flow shows it: a pointer's arrow, an extension's mark."""
    if cell.kind == "ref":
        return f"↪ {cell.address}: {cell.text}"
    if cell.kind == "extension":
        return f"▲ {cell.text}"
    return cell.text


def heading(flow: Flow, index: int) -> str:
    """A sheet's heading: its number, address, side and text."""
    sheet = flow.sheets[index]
    side = f" ({sheet.side})" if sheet.side else ""
    return f"Sheet {index + 1}: {sheet.address}{side} - {sheet.title}"


def speech_label(flow: Flow, column: int) -> str:
    """A column's heading: the speech and its side (``2AC aff``)."""
    speech = flow.speeches[column]
    return f"{speech.name} {speech.side}" if speech.side else speech.name
