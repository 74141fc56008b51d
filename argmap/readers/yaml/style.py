"""How argmap writes a YAML scalar: plain where YAML allows it, quoted where it must.

One rule for ``fmt``, ``add`` and ``new`` (docs/format.md, "Canonical layout"):

- a text is written **plain** when YAML reads it back as the same text:
  no ``: `` or `` #`` inside, no indicator character first, nothing a YAML
  1.1 or 1.2 reader would take for a number, date, boolean or null;
- otherwise it is **single-quoted**, unless it holds a ``'`` or a character
  that only a double-quoted scalar can carry (control characters, line
  breaks), then **double-quoted** with escapes.

The resolver table is ruamel's, as the loader uses it, so "reads back as text"
means exactly what ``argmap check`` will read.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from argmap.readers.yaml.fast import RESOLVED_FIRST

#: The widest line ``fmt`` and the YAML export write a flow list ``[a, b]`` or a folded
#: paragraph in; a longer list becomes a block list.
WIDTH = 80

#: Words YAML 1.1 readers take for booleans; argmap refuses them unquoted.
_YAML11_WORDS = frozenset(("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on",
                           "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "false",
                           "False", "FALSE"))
_INDICATORS = "[]{},#&*!|>'\"%@`"
_ESCAPES = {"\0": "\\0", "\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v",
            "\f": "\\f", "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\",
            "\x85": "\\N", "\xa0": "\\_", "\u2028": "\\L", "\u2029": "\\P"}


@cache
def _resolvers() -> dict[str, list[tuple[str, Callable[[str], object]]]]:
    from ruamel.yaml.resolver import Resolver

    return {first: [(str(tag), regexp.match) for tag, regexp in resolvers]
            for first, resolvers in Resolver.yaml_implicit_resolvers.items()}


def reads_as_text(value: str) -> bool:
    """Whether a plain scalar ``value`` resolves to a string (not a number, date, null…).

    A value that starts with none of the characters the resolver tests is text without
    asking it (so an edit that writes plain words never imports ruamel).
    """
    if value and value[0] not in RESOLVED_FIRST:
        return True
    return all(not match(value) for _, match in _resolvers().get(value[:1], ()))


def plain_ok(value: str, flow: bool = False) -> bool:
    """Whether ``value`` can be written as a plain scalar and read back unchanged.

    ``flow`` is for items of ``[a, b]`` lists, where ``,[]{}`` end a scalar.
    """
    if not value or value != value.strip() or not value.isprintable():
        return False
    first = value[0]
    if first in _INDICATORS or (first in "-?:" and (len(value) == 1 or value[1] == " ")):
        return False
    if ": " in value or " #" in value or value.endswith(":") or value.startswith(("---", "...")):
        return False
    if flow and any(c in value for c in ",[]{}:?"):  # libyaml reads `a?]` as a key
        return False
    return value not in _YAML11_WORDS and reads_as_text(value)


def quoted(value: str) -> str:
    """``value`` in single quotes, or in double quotes when it needs escapes or holds ``'``."""
    if "'" not in value and value.isprintable():
        return f"'{value}'"
    return '"' + "".join(map(_escape, value)) + '"'


def _escape(char: str) -> str:
    """One character as a double-quoted scalar holds it: escaped unless printable."""
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char.isprintable():
        return char
    code = ord(char)
    return (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000
            else f"\\U{code:08x}")


def scalar(value: str, flow: bool = False) -> str:
    """``value`` as a one-line scalar: plain where YAML allows it, else quoted."""
    return value if plain_ok(value, flow) else quoted(value)


def literal_ok(value: str) -> bool:
    """Whether a text with line breaks can be a literal block (``|``) and read back the same."""
    lines = value.split("\n")
    return (bool(value) and not value[0].isspace() and not value[-1].isspace()
            and all(line.isprintable() and line == line.rstrip() for line in lines))


def foldable(paragraph: str) -> bool:
    """Whether a paragraph can be folded at its spaces and read back the same."""
    return (bool(paragraph) and paragraph.isprintable() and "  " not in paragraph
            and paragraph == paragraph.strip())


def wrap(paragraph: str, indent: int, width: int = 80) -> list[str]:
    """Break a foldable paragraph at spaces into lines of at most ``width`` columns.

    A word longer than the line stays whole on a line of its own.
    """
    room = max(20, width - indent)
    lines: list[str] = []
    current = ""
    for word in paragraph.split(" "):
        if current and len(current) + 1 + len(word) > room:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines
