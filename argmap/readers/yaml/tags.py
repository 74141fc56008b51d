"""Explicit YAML tags: which a map may use, and what the rest become.

The loader passes the implicit resolvers' table (first character -> (tag,
match) pairs), so this module never imports ruamel.yaml itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.diagnostics import Diagnostic, error
from argmap.model import Span
from argmap.readers.yaml.build import Node

Table = dict[str, list[tuple[str, Callable[[str], Any]]]]

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_CORE_SCALARS = {"int", "float", "bool", "null", "timestamp"}
#: what may stand before a tag's `!`: white space, a line break or a flow indicator
_BEFORE_TAG = frozenset(" \t\n\r\x85\u2028\u2029[{,")


def may_have_tags(text: str) -> bool:
    """Whether a `!` stands where a tag can start; `!` in prose ("Stop!") usually does not.

    A loop over each `!` with str.find: a regular expression with an
    alternation for the start of the text scans ten times slower.
    """
    at = text.find("!")
    while at != -1:
        if at == 0 or text[at - 1] in _BEFORE_TAG:
            return True
        at = text.find("!", at + 1)
    return False


def explicit_tags(nodes: list[Node], file: str, table: Table) -> list[Diagnostic]:
    """Report explicit YAML tags that change what a value is; drop them from the nodes.

    ``!!str`` is a way to quote and stays, as do core tags that fit their
    value (``!!int 3``). Others (``!!binary``, ``!custom``, ``!!int x``) are
    reported and the node gets the tag it would have without one, so the
    builder judges the value as written.
    """
    found: list[Diagnostic] = []
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if node.id == "mapping":
            stack.extend(item for pair in node.value for item in pair)
        elif node.id == "sequence":
            stack.extend(node.value)
        tag = node.tag
        # Allowed: any string (a plain `3` tagged !!str is quoted), a core tag
        # that fits its value (implicit tags always do), a list's or mapping's own.
        if node.id == "scalar":
            if tag == _STR or (tag[len(_TAG):] in _CORE_SCALARS and tag.startswith(_TAG)
                               and _fits(tag, node.value, table)):
                continue
        elif tag == _TAG + ("seq" if node.id == "sequence" else "map"):
            continue
        implicit = _implicit_tag(node, table)
        shown = ("!!" + tag[len(_TAG):] if tag.startswith(_TAG) else
                 tag if tag.startswith("!") else f"!<{tag}>")
        if tag.startswith(_TAG) and tag[len(_TAG):] in _CORE_SCALARS and node.id == "scalar":
            message = f"{node.value!r} is not a valid {shown}; remove the tag"
        else:
            message = f"YAML tag {shown} is not used in maps; remove it"
        mark = node.start_mark
        found.append(error("yaml-tag", message, Span(file, mark.line + 1, mark.column + 1)))
        node.tag = implicit
    return found


def _implicit_tag(node: Node, table: Table) -> str:
    """The tag a node would have without an explicit one."""
    if node.id != "scalar":
        return _TAG + ("seq" if node.id == "sequence" else "map")
    if not node.style:
        for tag, match in table.get(node.value[:1], ()):
            if match(node.value):
                return tag
    return _TAG + "str"


def _fits(tag: str, value: str, table: Table) -> bool:
    return any(t == tag and match(value) for t, match in table.get(value[:1], ()))
