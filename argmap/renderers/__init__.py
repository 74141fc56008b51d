"""Output formats: one module per format, listed in one dict.

``FORMATS`` feeds the CLI's ``--format`` choices, so the two cannot drift
apart. Text formats are produced in Python; picture formats are DOT laid out
by Graphviz (:mod:`argmap.renderers.layout`).
"""

from __future__ import annotations

from typing import NamedTuple


class Format(NamedTuple):
    """One output format of ``argmap render``."""

    name: str
    binary: bool
    layout: bool  # needs Graphviz to lay out the DOT text
    description: str


FORMATS: dict[str, Format] = {
    "svg": Format("svg", False, True, "scalable picture with links and tooltips"),
    "png": Format("png", True, True, "bitmap picture, 150 dpi"),
    "pdf": Format("pdf", True, True, "vector document for print"),
    "dot": Format("dot", False, False, "Graphviz source, for your own layouts"),
}
