"""The atlas (``render -f pdf|svg --pages``): a big map on pages that print legibly.

One page of overview (the question, each claim with how many statements lie
under it and the page it starts on, the legend), then the map cut into
subtrees that each fit one page with no text under 8 pt
(:mod:`argmap.atlas.partition`). A cut is marked on both sides: "continued on
page N" at the statement, "from page M" at each premise carried over. The map's
title and the page number stand at the foot of each page.

Each page is laid out by Graphviz on its own (two at a time, on both cores);
the PDF pages are put on the chosen paper and joined with pypdf, which only
moves and scales each page's drawing (no re-rendering). A page whose real
layout is larger than estimated is cut again with a smaller budget.
"""

from __future__ import annotations

from typing import NamedTuple

#: Paper sizes in pt (portrait).
PAPER = {"a4": (595.0, 842.0), "letter": (612.0, 792.0), "a3": (842.0, 1191.0)}
MARGIN = 36.0  # half an inch all round
FOOT = 16.0  # the title and page number line under the drawing (inside the margin)


class AtlasOptions(NamedTuple):
    """Paper and how to report progress."""

    paper: str = "a4"
    orientation: str = "portrait"
    theme: str = "light"
    fit: bool = False  # one page per claim's subtree, shrunk to fit (no 8 pt floor)
    #: ``--eval``: map id -> statement key -> in/out/undecided, marked on every box
    statuses: dict[str, dict[str, str]] | None = None

    def size(self) -> tuple[float, float]:
        """The paper's width and height in pt, as oriented."""
        w, h = PAPER[self.paper]
        return (h, w) if self.orientation == "landscape" else (w, h)

    def area(self) -> tuple[float, float]:
        """The room for a page's drawing in pt: the paper less margins and foot line."""
        w, h = self.size()
        return w - 2 * MARGIN, h - 2 * MARGIN - FOOT
