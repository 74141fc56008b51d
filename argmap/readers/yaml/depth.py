"""Refuse YAML nested too deeply for libyaml's composer, before it recurses.

libyaml's composer (which ruamel.yaml.clib drives) recurses in C once per
nesting level and overflows the stack, killing the process, somewhere past
20,000 levels: ``- - - - …`` or ``[[[[…]]]]`` or indented block mappings.
Its parser does not recurse, so a file that may be that deep is read once as
events, counting the depth, and refused at the first level past the limit.

Reading events costs a Python call per node, so a cheap bound decides first
whether a file can be deep at all (see :func:`may_be_deep`); real maps never
need the event pass.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: Deepest YAML nesting (block and flow collections together) argmap reads.
#: Statements stop at 200 levels (build.MAX_DEPTH, two YAML levels each), so
#: this only ever refuses pathological files, far below libyaml's crash.
MAX_YAML_DEPTH = 1000
_OPEN, _CLOSE = b"[{", b"]}"
_NOT_BRACKETS = bytes(b for b in range(256) if b not in _OPEN + _CLOSE)
_FLAT = bytes.maketrans(b"{}", b"[]")
# For the prefix test, bytes are mapped to three classes: a line break, a
# character that may stand before a block node (space, tab, `-`, `?`, `:`), and
# anything else. libyaml also breaks lines at NEL, U+2028 and U+2029; their
# UTF-8 forms end in 0x85, 0xA8 and 0xA9, which count as breaks here. Other
# characters holding those bytes then count as breaks too: that can only find
# more deep prefixes, never fewer, so the bound stays safe.
_PREFIX, _OTHER = b"p", b"o"
_CLASSES = bytes(
    b"\n"[0] if byte in b"\n\r\x85\xa8\xa9" else _PREFIX[0] if byte in b" \t-?:" else _OTHER[0]
    for byte in range(256))


def may_be_deep(text: str, limit: int = MAX_YAML_DEPTH) -> bool:
    """Cheaply tell whether the text can nest deeper than ``limit`` levels.

    A block collection nested inside another starts at a greater column, except
    a sequence directly under a mapping key, which may share the key's column;
    so block depth is at most twice the column of the deepest block node plus
    one. A block node starts after its line's indentation and indicators
    (``- ``, ``? ``, ``: ``), so that prefix bounds the column. Flow
    collections add at most their bracket depth. The bound is loose, never low.
    """
    data = text.encode("utf-8", "surrogatepass")
    flow = _flow_bound(data)
    if flow > limit:
        return True
    column = (limit - flow) // 2  # block depth <= 2 * (column + 1)
    # Two C scans (translate, find) instead of a regular expression: 30x faster.
    classes = data.translate(_CLASSES)
    prefix = _PREFIX * column
    return classes.startswith(prefix) or b"\n" + prefix in classes


def _flow_bound(data: bytes) -> int:
    """At least the deepest flow nesting: counting brackets in quotes too."""
    brackets = data.translate(None, _NOT_BRACKETS)
    if not brackets:
        return 0
    # Without two openers in a row nothing nests (`cites: [a, b]` everywhere).
    if b"[[" not in brackets.translate(_FLAT):
        return 1
    return max_depth(brackets)


def max_depth(brackets: bytes) -> int:
    """The deepest nesting of a run of ``[{`` and ``]}`` bytes."""
    depth = deepest = 0
    for byte in brackets:
        if byte in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest


def too_deep_mark(parser: Any, error_types: type[Exception] | tuple[type[Exception], ...],
                  limit: int = MAX_YAML_DEPTH) -> Any | None:
    """The mark of the first collection nested past the limit, read from events.

    ``parser`` is a libyaml event parser; a syntax error ends the count (the
    composer reports it, and cannot have recursed deeper than what came before).
    """
    depth = 0
    get_event: Callable[[], Any] = parser.get_event
    try:
        while True:
            event = get_event()
            name = type(event).__name__
            if name in ("SequenceStartEvent", "MappingStartEvent"):
                depth += 1
                if depth > limit:
                    return event.start_mark
            elif name in ("SequenceEndEvent", "MappingEndEvent"):
                depth -= 1
            elif name == "StreamEndEvent":
                return None
    except error_types:
        return None
