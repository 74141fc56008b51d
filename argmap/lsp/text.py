"""A document's lines and positions as LSP counts them, and the token a diagnostic points at.

LSP positions are (line, character) with characters counted in the code units
the client and server agreed on (UTF-16 unless the client offers UTF-8 or
UTF-32 first: pygls takes the client's first choice); argmap counts columns in
code points (a diagnostic's ``Span``), and Python strings index code points.
:class:`Lines` converts between them. Lines break at ``\\n``, ``\\r\\n`` and
``\\r``, as LSP and argmap's diagnostics both say.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

_BREAK = re.compile("\r\n|[\n\r]")


class Lines:
    """A text split into lines, with conversions between offsets and LSP positions."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        if "\r" in text:
            self.starts = [0, *(m.end() for m in _BREAK.finditer(text))]
        else:  # the common case, ten times faster: str.split runs in C
            self.starts = [0, *accumulate(len(line) + 1 for line in text.split("\n")[:-1])]

    def __len__(self) -> int:
        return len(self.starts)

    def line(self, number: int) -> str:
        """Line ``number`` (0-based) without its line break; "" past the end."""
        if not 0 <= number < len(self.starts):
            return ""
        start = self.starts[number]
        end = self.starts[number + 1] if number + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def line_of(self, offset: int) -> int:
        """The 0-based line holding character ``offset``."""
        return bisect_right(self.starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """The LSP (line, UTF-16 character) of a code-point offset, clamped to the text."""
        offset = max(0, min(offset, len(self.text)))
        number = self.line_of(offset)
        before = self.text[self.starts[number]:offset]
        line = self.line(number)
        return number, units(before[:len(line)], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position; past a line's end means its end."""
        if line >= len(self.starts):
            return len(self.text)
        if line < 0:
            return 0
        text = self.line(line)
        return self.starts[line] + code_points(text, character, self.encoding)

    def span_offset(self, line: int, column: int) -> int:
        """The offset of a 1-based (line, code-point column), as a diagnostic's span has it,
        clamped to the text (a diagnostic may point just past the last line)."""
        if line - 1 >= len(self.starts):
            return len(self.text)
        text = self.line(line - 1)
        return self.starts[max(line - 1, 0)] + max(0, min(column - 1, len(text)))


def units(text: str, encoding: str = "utf-16") -> int:
    """How many code units of ``encoding`` (utf-8, utf-16 or utf-32) ``text`` takes."""
    if text.isascii() or encoding == "utf-32":
        return len(text)
    return sum(_width(c, encoding) for c in text)


def _width(char: str, encoding: str) -> int:
    code = ord(char)
    if encoding == "utf-8":
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return 2 if code > 0xFFFF else 1


def code_points(line: str, count: int, encoding: str = "utf-16") -> int:
    """How many code points of ``line`` its first ``count`` code units cover (a position
    inside a character counts as that character's start)."""
    if line.isascii() or encoding == "utf-32":
        return max(0, min(count, len(line)))
    seen = 0
    for index, char in enumerate(line):
        seen += _width(char, encoding)
        if seen > count:
            return index
    return len(line)


_PLAIN_END = re.compile(r":(?:\s|$)|\s#|[,\]}]")


def token_end(line: str, start: int) -> int:
    """Where the token starting at ``start`` in ``line`` ends: a quoted scalar at its closing
    quote, a flow collection at its bracket, a plain key or value before ``: ``, `` #``
    or a flow separator. At least one character, when the line has one there."""
    if start >= len(line):
        return start
    char = line[start]
    if char in "\"'":
        end = start + 1
        while end < len(line):
            if char == '"' and line[end] == "\\":
                end += 2
                continue
            if line[end] == char:
                if char == "'" and line[end + 1:end + 2] == "'":
                    end += 2
                    continue
                return end + 1
            end += 1
        return len(line)
    if char in "[{":
        closing = line.find("]" if char == "[" else "}", start)
        return len(line) if closing < 0 else closing + 1
    found = _PLAIN_END.search(line, start + 1)
    end = len(line) if found is None else found.start()
    while end > start + 1 and line[end - 1] in " \t":
        end -= 1
    return max(end, start + 1)


def apply_change(text: str, start: tuple[int, int] | None, end: tuple[int, int] | None,
                 new: str, encoding: str = "utf-16") -> str:
    """The text after an editor's change: ``new`` between two LSP positions, or the whole
    text when there are none.

    (pygls' own documents split lines with ``str.splitlines``, which also breaks at
    U+2028, NEL and form feeds; LSP breaks only at ``\\n``, ``\\r\\n`` and ``\\r``, so a
    map holding one of those would drift from the editor's text.)
    """
    if start is None or end is None:
        return new
    lines = Lines(text, encoding)
    first, last = lines.offset(*start), lines.offset(*end)
    return text[:first] + new + text[max(first, last):]
