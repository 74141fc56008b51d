"""YAML syntax that surprises map authors, explained in plain words.

libyaml's own messages name the parser's state ("mapping values are not
allowed here"); these name what the author wrote: a tab, an unclosed quote,
a colon or a surrogate escape inside text. And a comment can end unquoted
text without any error (`text: Option #2`), which :func:`hash_comments` finds.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.diagnostics import Diagnostic, error
from argmap.model import CITATION_KEYS, MAP_KEYS, SOURCE_KEYS, STATEMENT_KEYS, Span


def syntax_diagnostic(exc: Any, text: str, file: str) -> Diagnostic:
    """Turn a ruamel/libyaml exception into ``yaml-syntax`` at its mark, in plain words."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None) or ""
    lines = _LIBYAML_LINES_RE.split(text)  # not splitlines(): libyaml breaks on fewer
    here = lines[line][column:column + 1] if line < len(lines) else ""
    if here == "\t" or "\\t" in problem:
        problem = "tab character: YAML indents with spaces, never tabs"
    elif "invalid Unicode character escape" in problem and line < len(lines):
        column = lines[line].rfind("\\", 0, column)
        problem = _surrogate_escape(lines[line][column:])
    elif "quoted scalar" in context and exc.context_mark is not None:
        problem = "unclosed quote: this quoted text never ends"
        line, column = exc.context_mark.line, exc.context_mark.column
    elif "mapping values are not allowed" in problem and line < len(lines) and (
            colon := _colon_in_text(lines[line], column)):
        problem = colon
    elif "did not find expected" in problem or "mapping values are not allowed" in problem:
        problem = f"{problem} ({context}); check the indentation of this line" if context \
            else f"{problem}; check the indentation of this line"
    elif context:
        problem = f"{problem} ({context})"
    return error("yaml-syntax", problem, Span(file, line + 1, column + 1))


_LIBYAML_LINES_RE = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_KEY_LINE_RE = re.compile(r"[ \t]*(?:-[ \t]+)*([A-Za-z]+):[ \t]+(.*)")
#: keys whose value is text: `text: Cost: £30m` is a colon in text, not bad indentation
_TEXT_KEYS = frozenset(key for table in (MAP_KEYS, STATEMENT_KEYS, CITATION_KEYS, SOURCE_KEYS)
                       for key, spec in table.items() if spec.type in ("text", "authors"))


def _colon_in_text(line: str, column: int) -> str | None:
    """Explain `text: Cost: £30m`: the second `: ` cannot start a mapping there."""
    match = _KEY_LINE_RE.match(line)
    if match is None or match.group(1) not in _TEXT_KEYS or column < match.start(2):
        return None
    key, value = match.group(1), match.group(2).rstrip()
    quoted = f"'{value.replace(chr(39), chr(39) * 2)}'" if '"' in value or "\\" in value \
        else f'"{value}"'
    return (f"`{key}` ends at ': ': a colon and a space end an unquoted value; quote the text: "
            f"{key}: {quoted}")


_SURROGATE_PAIR_RE = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.I)


def _surrogate_escape(rest: str) -> str:
    """Explain an escape libyaml refuses: a UTF-16 surrogate (half a pair), as JSON writes."""
    pair = _SURROGATE_PAIR_RE.match(rest)
    if pair:
        high, low = (int(half, 16) for half in pair.groups())
        code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        return (f"{pair.group()} is a UTF-16 surrogate pair, which YAML does not decode; write "
                f"the character itself ({chr(code)}) or \\U{code:08X}")
    escape = re.match(r"\\(?:U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4})", rest)
    if escape is None or not 0xD800 <= int(escape.group()[2:], 16) <= 0xDFFF:
        shown = escape.group() if escape else rest[:10]
        return f"{shown} is not a Unicode character"
    return (f"{escape.group()} is not a character (a surrogate code, half of a UTF-16 pair); "
            "write the character itself or its \\U code")


def hash_comments(text: str) -> dict[int, str]:
    """Each comment whose `#` is followed by a non-space: where the white space before
    it starts -> the rest of the line (for comment-in-text, see Builder.comment_after)."""
    found: dict[int, str] = {}
    at = text.find("#")
    while at != -1:
        if at and text[at - 1] in " \t" and text[at + 1:at + 2].strip():
            start = at - 1
            while start and text[start - 1] in " \t":
                start -= 1
            end = text.find("\n", at)
            end = len(text) if end == -1 else end
            carriage = text.find("\r", at, end)  # bounded: never a scan to the end
            end = end if carriage == -1 else carriage
            found[start] = text[start:end].rstrip()
        at = text.find("#", at + 1)
    return found
