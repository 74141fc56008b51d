"""Line numbers as a text editor shows them, from libyaml's marks.

libyaml also breaks lines at NEL (U+0085), LINE SEPARATOR (U+2028) and
PARAGRAPH SEPARATOR (U+2029); editors break only at ``\\n``, ``\\r\\n`` and
``\\r`` (libyaml agrees on those three). In a file holding one of the others,
every position after it is moved back to the line and column an editor shows.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_YAML_BREAK_RE = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_EDITOR_BREAK_RE = re.compile("\r\n|[\n\r]")


class EditorLines:
    """Maps a libyaml (line, column) to an editor's, both 0-based."""

    def __init__(self, text: str) -> None:
        self.yaml_starts = [0, *(m.end() for m in _YAML_BREAK_RE.finditer(text))]
        self.editor_starts = [0, *(m.end() for m in _EDITOR_BREAK_RE.finditer(text))]

    def position(self, line: int, column: int) -> tuple[int, int]:
        """The editor's 0-based (line, column) of libyaml's 0-based (line, column)."""
        if line >= len(self.yaml_starts):
            return line, column
        offset = self.yaml_starts[line] + column
        editor_line = bisect_right(self.editor_starts, offset) - 1
        return editor_line, offset - self.editor_starts[editor_line]


def editor_lines(text: str) -> EditorLines | None:
    """An :class:`EditorLines` when libyaml and editors count lines differently, else None.

    The test is cheap: a str finds no character above its widest one at once,
    so an ASCII text answers without a scan.
    """
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return EditorLines(text)
    return None


def offset_position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) an editor shows for a character offset."""
    before = text[:offset]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return len(_EDITOR_BREAK_RE.findall(before)) + 1, offset - line_start + 1


def decode_utf8(data: bytes) -> str | tuple[int, int, int]:
    """The text of UTF-8 bytes, without a leading byte-order mark; or, where they are not
    UTF-8, ``(line, column, byte)`` of the first byte that cannot be decoded.

    The position counts in the text after the mark, as an editor shows it (the
    mark is no column), and the byte is the one at fault, not one of the mark's.
    """
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        valid = body[:exc.start].decode("utf-8")  # all good up to the bad byte
        line, column = offset_position(valid, len(valid))
        return line, column, body[exc.start]
