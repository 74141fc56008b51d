"""Argdown: the map as Argdown text (argdown.org), for the Argdown CLI, VS Code and web tools.

The shape, one indented tree per claim under the question as a heading::

    # Should the city replace its bus fleet?

    [replace]: The city should replace the fleet.
      + <health>: Electric buses cut street-level air pollution.
        - [grid]: The grid's electricity still comes partly from coal.
        _ [c1.pro1.undercut1]: Cleaner air matters less on routes that meet the limits.
      - [upfront]: The upfront price is nearly twice a diesel bus.
        - [cost]

- Every statement is titled by its key (its id or path), so ``[title]`` and
  ``<title>`` name the same statement across the file; a ``ref`` is the bare
  title, Argdown's reference.
- pro is ``+`` (support), con ``-`` (attack), undercut ``_`` (undercut).
- Argdown undercuts arguments, not statements, so a premise whose link to its
  parent is undercut is written as an argument ``<key>: text`` (its text the
  argument's description). Its own pros and cons then bear on the argument,
  which Argdown reads as bearing on its premise; a ``ref`` to it elsewhere
  names the same argument, undercuts included.
- After ``--focus``, the focused statement's (cut) parent is a bare
  reference that the focus bears on, so the link stays visible.

- ``by``, the weight of the premise where it is written, and the ids of the
  sources it cites follow its text as an Argdown data block
  (``{"by": "NATO", "weight": 4, "sources": ["factually-2026"]}``), which
  Argdown keeps as the statement's ``data``.

Text goes through :func:`argdown_text`: Argdown reads ``[``, ``<``, ``#``,
``*``, ``_``, ``//``, ``{``, ``:x:``… as syntax, so those are backslash-escaped.
Data goes through :func:`argdown_data`.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from argmap.graph import walk
from argmap.model import Relation, single_spaced

if TYPE_CHECKING:
    from argmap.exporters import ExportOptions
    from argmap.graph import ArgumentGraph, GStatement, Link

MARKERS = {Relation.PRO: "+", Relation.CON: "-", Relation.UNDERCUT: "_"}

# What Argdown's lexer reads as syntax inside a line of text: markup and
# references ([ ] < > @ # * _ { } = \), comments (// and /*), and the
# shortcodes .x. and :x: (".~." becomes "¬"); "." and ":" only when text follows.
_SYNTAX = re.compile(r"[\\\[\]<>@#*_{}=]|/(?=[/*])|[.:](?=\S)")


def argdown_text(text: str) -> str:
    """Escape one statement's text for a single Argdown line.

    Whitespace runs (newlines included) become one space, since a newline
    would end the statement; every character Argdown would read as syntax is
    escaped with a backslash, which Argdown removes when it reads the text.
    """
    text = single_spaced(text)
    if _SYNTAX.search(text) is None:  # most texts: one C-level scan, no substitution
        return text
    return _SYNTAX.sub(r"\\\g<0>", text)


# JSON is YAML flow syntax; Argdown's lexer ends a data block at a "}" and
# would read "//" as a comment, so those (and "{") are written as \u escapes.
_DATA = str.maketrans({"{": "\\u007b", "}": "\\u007d", "/": "\\u002f"})


def argdown_data(data: dict[str, object]) -> str:
    """An Argdown data block (``{"by": "…"}``) that Argdown reads back as ``data``."""
    return "{" + json.dumps(data)[1:-1].translate(_DATA) + "}"


def _data_of(statement: GStatement, link: Link | None) -> str:
    """`` {…}`` with by, weight and cited sources, or nothing when there are none."""
    data: dict[str, object] = {}
    if statement.by is not None:
        data["by"] = statement.by
    if link is not None and link.weight is not None:
        data["weight"] = link.weight
    if statement.cites:
        data["sources"] = list(dict.fromkeys(c.source for c in statement.cites))
    return " " + argdown_data(data) if data else ""


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The Argdown document for one map."""
    del options  # Argdown has no presentation options we could honour
    arguments = {key for key, s in graph.statements.items()
                 if s.link is not None and graph.undercuts_of(s.link)}

    def title(key: str) -> str:
        return f"<{key}>" if key in arguments else f"[{key}]"

    lines = [f"# {argdown_text(graph.question)}"]
    for visit in walk(graph):
        if visit.depth == 0:
            lines.append("")
        prefix = "  " * visit.depth
        if visit.link is not None and visit.depth > 0:
            prefix += MARKERS[visit.link.relation] + " "
        statement = graph.statements.get(visit.key)
        if visit.expanded and statement is not None:
            data = _data_of(statement, visit.link)
            lines.append(f"{prefix}{title(visit.key)}: {argdown_text(statement.text)}{data}")
        else:
            lines.append(prefix + title(visit.key))
    for key in graph.roots:  # a focus bears on its parent, which the cut left out
        link = graph.link(graph.statements[key].link or "")
        if link is not None and link.target in graph.outside:
            lines += ["", title(link.target), f"  {MARKERS[link.relation]} {title(key)}"]
    return "\n".join(lines) + "\n"
