"""The brief as a list of blocks, before any file format: what every brief renderer reads."""

from __future__ import annotations

from typing import NamedTuple

from argmap.errors import UsageError

#: Kinds of block, in Verbatim's terms; heading levels 1-4 are Pocket..Tag.
LEVELS = {"pocket": 1, "hat": 2, "block": 3, "tag": 4}


class BriefError(UsageError, ValueError):
    """``--for`` names something that is not a claim of the map."""


class Block(NamedTuple):
    """One piece of the brief: a heading, a cite line, card text or a note."""

    kind: str  # title, pocket, hat, block, tag, cite, card, note
    text: str
    flag: str = ""  # UNANSWERED, or a status word, shown on its own line after the text
    depth: int = 0  # how deep in an exchange (0: the attack itself): html and docx indent it


class Brief(NamedTuple):
    """A brief ready for a renderer."""

    map_id: str
    title: str
    blocks: list[Block]
