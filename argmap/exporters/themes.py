"""Colour themes of the diagrams (a small module: the CLI reads the names at start-up)."""

from __future__ import annotations

from typing import NamedTuple

from argmap.model import Relation


class Theme(NamedTuple):
    """Colours of one theme."""

    background: str
    ink: str
    faint: str
    question: str
    claim_line: str
    claim_fill: str
    fills: dict[Relation, str]
    lines: dict[Relation, str]
    #: ``--color-by side``: (line, fill) of the first and second side, and of a statement
    #: against a side in a debate of more sides (the Okabe-Ito blue and orange pair, which
    #: colour-blind readers tell apart); markers and line styles keep the relation
    sides: tuple[tuple[str, str], ...] = ()


THEMES = {
    "light": Theme("#ffffff", "#1f2328", "#57606a", "#f6f8fa", "#0550ae", "#ddf4ff",
                   {Relation.PRO: "#effaf1", Relation.CON: "#fff1f0",
                    Relation.UNDERCUT: "#fff5e8"},
                   {Relation.PRO: "#1a7f37", Relation.CON: "#cf222e",
                    Relation.UNDERCUT: "#c4540a"},
                   (("#0072b2", "#e3f0fa"), ("#b35c00", "#fdf0dc"), ("#57606a", "#f6f8fa"))),
    "dark": Theme("#0d1117", "#e6edf3", "#9da7b3", "#161b22", "#58a6ff", "#0c2d4a",
                  {Relation.PRO: "#0f2a18", Relation.CON: "#3a1418",
                   Relation.UNDERCUT: "#3a2410"},
                  {Relation.PRO: "#3fb950", Relation.CON: "#f85149",
                   Relation.UNDERCUT: "#f0883e"},
                  (("#56b4e9", "#0b2a40"), ("#e69f00", "#3a2a08"), ("#9da7b3", "#161b22"))),
    # Black on white for printing: line styles and markers carry the meaning.
    "print": Theme("#ffffff", "#000000", "#444444", "#ffffff", "#000000", "#ffffff",
                   {Relation.PRO: "#ffffff", Relation.CON: "#ffffff",
                    Relation.UNDERCUT: "#ffffff"},
                   {Relation.PRO: "#000000", Relation.CON: "#000000",
                    Relation.UNDERCUT: "#000000"},
                   (("#000000", "#ffffff"), ("#000000", "#e8e8e8"), ("#444444", "#ffffff"))),
}
