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
    #: file name endings that mean this format in ``-o``; the first names new files
    suffixes: tuple[str, ...]


FORMATS: dict[str, Format] = {
    "svg": Format("svg", False, True, "scalable picture with links and tooltips", (".svg",)),
    "png": Format("png", True, True, "bitmap picture, 150 dpi", (".png",)),
    "pdf": Format("pdf", True, True, "vector document for print", (".pdf",)),
    "dot": Format("dot", False, False, "Graphviz source, for your own layouts",
                  (".dot", ".gv")),
}


def format_for_suffix(suffix: str) -> Format | None:
    """The format a file name ending such as ``.png`` stands for (any case), if any."""
    suffix = suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.suffixes), None)


def known_suffixes() -> list[str]:
    """Every file name ending ``-o`` understands, in registry order."""
    return [suffix for f in FORMATS.values() for suffix in f.suffixes]
