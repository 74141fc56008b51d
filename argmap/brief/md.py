"""A brief as Markdown: headings # to #### for Pocket, Hat, Block and Tag."""

from __future__ import annotations

import re

from argmap.brief.records import LEVELS, Brief
from argmap.escape import CONTROLS

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_CLEAN = str.maketrans({**CONTROLS, "\t": " ", "\r": " "})


def md_text(text: str) -> str:
    """User text as literal Markdown: markup characters backslash-escaped, one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.translate(_CLEAN).split()))


def render_md(brief: Brief) -> str:
    """The brief as one Markdown document."""
    out: list[str] = []
    for block in brief.blocks:
        text = md_text(block.text)
        if block.kind == "title":
            out.append(f"# Brief: {text}")
        elif block.kind in LEVELS:
            # the status on its own line: a heading copied into a file carries no label
            out.append(f"{'#' * LEVELS[block.kind]} {text}")
            if block.flag:
                out.append(f"**{md_text(block.flag)}**")
        elif block.kind == "cite":
            out.append(f"**{text}**")
        elif block.kind == "card":
            out.append(f"> {text}")
        else:
            out.append(f"*{text}*")
    return "\n\n".join(out) + "\n"
