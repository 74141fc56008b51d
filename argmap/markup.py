"""Quote markup (format 1.2, "Cards"): the parts of a card a debater reads aloud.

A citation's ``quote`` marks them as Verbatim does with character styles:
``==highlighted==``, ``__underlined__``, ``**emphasised**``. Markers nest
(``==__read__==``) but never cross (``==a __b== c__`` is an error), and a
backslash makes the next marker character (or a backslash) literal: ``\\=``,
``\\_``, ``\\*``, ``\\\\``. A single ``=``, ``_`` or ``*`` is a character like any
other (``snake_case``, ``2*3``).

:func:`parse` turns a quote into :class:`Run` records (text with the marks on
it) or says where the markup is broken; :func:`write` is its inverse, for the
readers that build quotes from marked text (the Verbatim import); :func:`plain`
is the text without markers, what plain-text outputs print. It sits beside the
model, so readers and exporters alike can use it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: the marks, outermost first, and the marker that writes each
HIGHLIGHT, UNDERLINE, EMPHASIS = "highlight", "underline", "emphasis"
MARKERS = {HIGHLIGHT: "==", UNDERLINE: "__", EMPHASIS: "**"}
_BY_MARKER = {marker: mark for mark, marker in MARKERS.items()}
_ESCAPABLE = frozenset("=_*\\")
_SPECIAL = re.compile(r"[=_*\\]")
#: the order marks nest in when :func:`write` opens several at once
_ORDER = (HIGHLIGHT, UNDERLINE, EMPHASIS)


class Run(NamedTuple):
    """A stretch of a quote with the same marks (none: text that is not read aloud)."""

    text: str
    marks: frozenset[str] = frozenset()


class MarkupError(ValueError):
    """Broken markup: ``offset`` is the 0-based index in the quote of the offending marker."""

    def __init__(self, message: str, offset: int, marker: str) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.marker = marker


def parse(text: str) -> list[Run]:
    """The runs of a marked-up quote, adjacent runs with the same marks merged.

    Raises:
        MarkupError: a marker closes one opened inside another that is still open
            (crossing), or one is never closed.
    """
    runs: list[Run] = []
    open_: list[tuple[str, int]] = []  # (mark, offset of its opening marker)
    buffer: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in _ESCAPABLE:
            buffer.append(text[i + 1])
            i += 2
            continue
        mark = _BY_MARKER.get(text[i:i + 2])
        if mark is None:
            buffer.append(c)
            i += 1
            continue
        _flush(runs, buffer, open_)
        marks = [m for m, _ in open_]
        if mark not in marks:
            open_.append((mark, i))
        elif marks[-1] == mark:
            open_.pop()
        else:
            inner = marks[-1]
            raise MarkupError(f"`{MARKERS[mark]}` closes {mark} across the {inner} opened "
                              f"inside it; close `{MARKERS[inner]}` first (markers nest, "
                              "never cross)", i, MARKERS[mark])
        i += 2
    _flush(runs, buffer, open_)
    if open_:
        mark, at = open_[-1]
        raise MarkupError(f"`{MARKERS[mark]}` opens {mark} that is never closed; close it, "
                          f"or write \\{MARKERS[mark][0]} for a literal "
                          f"{MARKERS[mark][0]!r}", at, MARKERS[mark])
    return runs


def _flush(runs: list[Run], buffer: list[str], open_: list[tuple[str, int]]) -> None:
    if not buffer:
        return
    marks = frozenset(m for m, _ in open_)
    text = "".join(buffer)
    buffer.clear()
    if runs and runs[-1].marks == marks:
        runs[-1] = Run(runs[-1].text + text, marks)
    else:
        runs.append(Run(text, marks))


def plain(text: str) -> str:
    """The quote without its markers (escapes resolved); the text as it is when the
    markup is broken."""
    try:
        return "".join(run.text for run in parse(text))
    except MarkupError:
        return text


def runs_or_text(text: str, marked: bool) -> list[Run]:
    """The runs of a quote when its map interprets markup (format 1.2), else one run."""
    if marked:
        try:
            return parse(text)
        except MarkupError:
            pass
    return [Run(text)] if text else []


def write(runs: list[Run]) -> str:
    """Marked-up text for runs: the inverse of :func:`parse` (``parse(write(r))`` is
    ``r`` with adjacent runs of the same marks merged and empty ones dropped)."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1].marks == run.marks:
            merged[-1] = Run(merged[-1].text + run.text, run.marks)
        else:
            merged.append(run)
    out = []
    for run in merged:
        order = [m for m in _ORDER if m in run.marks]
        body = escape(run.text)
        out.append("".join(MARKERS[m] for m in order) + body
                   + "".join(MARKERS[m] for m in reversed(order)))
    return "".join(out)


def escape(text: str) -> str:
    """Text with every backslash and marker character escaped that could read as markup:
    a backslash, and ``=``, ``_`` or ``*`` next to its twin or at either end."""
    if not _SPECIAL.search(text):  # most text: nothing to escape, one C-level scan
        return text
    out = []
    last = len(text) - 1
    for i, c in enumerate(text):
        if c == "\\":
            out.append("\\\\")
        elif c in "=_*" and (i == 0 or i == last or text[i - 1] == c or text[i + 1] == c):
            out.append("\\" + c)
        else:
            out.append(c)
    return "".join(out)
