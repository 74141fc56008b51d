"""A brief as Markdown: headings # to #### for Pocket, Hat, Block and Tag."""

from __future__ import annotations

import re

from argmap.brief.cards import card_runs, cite_parts, reading
from argmap.brief.records import LEVELS, Block, Brief
from argmap.escape import CONTROLS
from argmap.markup import EMPHASIS, HIGHLIGHT, UNDERLINE

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
            if block.words:
                out.append(f"*Read aloud: {reading(block.words, brief.wpm)}.*")
        elif block.kind == "cite" and block.citation is not None:
            short, rest, locator = cite_parts(block.citation.source, block.source,
                                              block.citation.locator)
            out.append(" ".join(p for p in (f"**{md_text(short)}**", md_text(rest),
                                            md_text(locator)) if p.strip("*")))
        elif block.kind == "cite":
            out.append(f"**{text}**")
        elif block.kind == "card":
            out.append(card_md(block))
        else:
            out.append(f"*{text}*")
    return "\n\n".join(out) + "\n"


#: inline HTML for each mark, outermost first (Markdown has no highlight or underline)
_TAGS = ((HIGHLIGHT, "mark"), (UNDERLINE, "u"), (EMPHASIS, "strong"))


def card_md(block: Block) -> str:
    """Card text as a quotation, the read parts in ``<mark>``, ``<u>``, ``<strong>``; a line
    break in the quote starts a new paragraph of it."""
    parts = []
    for run in card_runs(block):
        for n, piece in enumerate(run.text.split("\n")):
            if n:
                parts.append("\n>\n> ")
            if not piece:
                continue
            text = _SPECIAL.sub(r"\\\1", piece.translate(_CLEAN))
            opened = [tag for mark, tag in _TAGS if mark in run.marks]
            parts.append("".join(f"<{t}>" for t in opened) + text
                         + "".join(f"</{t}>" for t in reversed(opened)))
    return "> " + "".join(parts).strip()
