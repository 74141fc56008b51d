"""What every edit shares: its error, its result, and the splice of whole lines.

Both ways of finding where an edit goes, composed nodes
(:mod:`argmap.edit.operations`) and the canonical reader's lines
(:mod:`argmap.edit.canonical`), raise :class:`EditError` and splice with
:func:`splice`, so their results and messages are alike by construction.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.errors import ArgmapError
from argmap.readers.yaml.fast import common_prefix


class EditError(ArgmapError):
    """An edit that cannot be made; the message says why. ``code`` is the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message, code)

    @property
    def code(self) -> int:
        """The exit code: 2 for an address the map does not have, else 1."""
        return self.exit_code


class Edit(NamedTuple):
    """An edited text, and what the edit did, said before the file's name
    (``added a claim to``, ``moved c1.pro2 under c2 in``)."""

    text: str
    done: str


def splice(text: str, at: int, lines: list[str], newline: str) -> str:
    """Insert whole lines at ``at`` (a line start, or the end of a text without a final break)."""
    block = newline.join(lines) + newline
    if at == len(text) and text and not text.endswith("\n"):
        block = newline + block[:-len(newline)]
    return text[:at] + block + text[at:]


def newline(text: str) -> str:
    """The text's line break: ``\\r\\n`` if it has one, else ``\\n``."""
    return "\r\n" if "\r\n" in text else "\n"


def cut_moved(text: str, inserted: str, cut_start: int, cut_end: int) -> str:
    """The second half of a move: ``inserted`` is ``text`` with the moved lines spliced in
    at their new place; cut them at ``cut_start:cut_end`` (positions in ``text``)."""
    grown = len(inserted) - len(text)
    at = common_prefix(text, inserted)
    # The new lines went in at a line start outside the moved lines, so a first
    # difference before their end means they went in above them: at cut_start
    # itself, they may begin like the moved lines and differ only further on.
    if at < cut_end:
        cut_start, cut_end = cut_start + grown, cut_end + grown
    return inserted[:cut_start] + inserted[cut_end:]


def shift(block: str, delta: int) -> list[str]:
    """The block's lines moved ``delta`` columns right (left when negative)."""
    lines = block.rstrip("\r\n").split("\n")
    lines = [line.rstrip("\r") for line in lines]
    if delta >= 0:
        return [" " * delta + line if line.strip() else line for line in lines]
    cut = -delta
    if any(line.strip() and not line.startswith(" " * cut) for line in lines):
        raise EditError("cannot indent the statement less at its new place")
    return [line[cut:] if line.strip() else line for line in lines]
