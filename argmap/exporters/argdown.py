"""Argdown: the map as Argdown text (argdown.org), for the Argdown CLI, VS Code and web tools.

The shape, one indented tree per claim under the question as a heading::

    # Should the city replace its bus fleet?

    [replace]: The city should replace the fleet.
      + <health>: Electric buses cut street-level air pollution.
        - [grid]: The grid's electricity still comes partly from coal.
        _ Cleaner air matters less on routes that meet the limits.
      - [upfront]: The upfront price is nearly twice a diesel bus.
        - [cost]

- A statement is titled only where a title is needed or was given
  (:func:`titled`): one with an id is ``[id]: text``, and so is one named
  elsewhere in the file (a ``ref``'d statement, the conclusion of a linked
  argument's pcs, a premise written as an argument); a claim that nothing
  bears on keeps its title too, since Argdown reads an untitled, unrelated
  paragraph as prose. The rest are written as bare text (``+ text``), never
  with a machine title such as ``[c1.pro1.con1]``. A ``ref`` is the bare
  title, Argdown's reference.
- pro is ``+`` (support), con ``-`` (attack), undercut ``_`` (undercut).
- Argdown undercuts arguments, not statements, so a premise whose link to its
  parent is undercut is written as an argument ``<key>: text`` (its text the
  argument's description). Its own pros and cons then bear on the argument,
  which Argdown reads as bearing on its premise; a ``ref`` to it elsewhere
  names the same argument, undercuts included.
- A linked argument (format 1.1) is an argument ``<title>`` (its id, else its
  path) at its position in the tree, its joint undercuts below it, and after
  the claim's tree its premise-conclusion structure: ``(1) [premise]: text``
  for each premise (its own pros and cons below it; a ``ref`` is the bare
  title), ``----``, then the conclusion. A pro of a statement concludes that
  statement; a con concludes a statement of its own, titled as the argument
  and without text, since Argdown relates an argument through its conclusion
  (:func:`conclusion`). The argument's weight is the data of its title line.
- After ``--focus``, the focused statement's (cut) parent is a bare
  reference that the focus bears on, so the link stays visible; a focused
  premise of a linked argument brings the argument, its other premises bare.

- ``by``, the weight of the premise where it is written, and the ids of the
  sources it cites follow its text as an Argdown data block
  (``{"by": "NATO", "weight": 4, "sources": ["factually-2026"]}``), which
  Argdown keeps as the statement's ``data``.

Text goes through :func:`argdown_text`: Argdown reads ``[``, ``<``, ``#``,
``*``, ``_``, ``//``, ``{``, ``:x:``… as syntax, so those are backslash-escaped;
a Markdown link to a web address in the text (``[text](https://…)``, as Kialo
writes them) stays an Argdown link.
Data goes through :func:`argdown_data`.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, NamedTuple

from argmap.escape import CONTROLS
from argmap.graph import Link, Visit, walk
from argmap.model import Relation, single_spaced

if TYPE_CHECKING:
    from argmap.exporters import ExportOptions
    from argmap.graph import ArgumentGraph, GStatement

MARKERS = {Relation.PRO: "+", Relation.CON: "-", Relation.UNDERCUT: "_"}

# What Argdown's lexer reads as syntax inside a line of text: markup and
# references ([ ] < > @ # * _ { } = \), comments (// and /*), and the
# shortcodes .x. and :x: (".~." becomes "¬"); "." and ":" only when text follows.
_SYNTAX = re.compile(r"[\\\[\]<>@#*_{}=]|/(?=[/*])|[.:](?=\S)")


_WEB_LINK = re.compile(r"\[([^\[\]]+)\]\((https?://[^\s()]+)\)")


def argdown_text(text: str) -> str:
    """Escape one statement's text for a single Argdown line.

    Whitespace runs (newlines included) become one space, since a newline
    would end the statement; every character Argdown would read as syntax is
    escaped with a backslash, which Argdown removes when it reads the text,
    except in a Markdown link to a web address, which stays a link.
    """
    text = single_spaced(text).translate(CONTROLS)  # U+FFFD, never a raw control byte
    if _SYNTAX.search(text) is None:  # most texts: one C-level scan, no substitution
        return text
    if "](" not in text:
        return _escape(text)
    pieces, last = [], 0
    for link in _WEB_LINK.finditer(text):
        pieces += [_escape(text[last:link.start()]),
                   "[" + _escape(link.group(1)) + "](" + link.group(2) + ")"]
        last = link.end()
    return "".join(pieces) + _escape(text[last:])


def _escape(text: str) -> str:
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


class _Frame(NamedTuple):
    """Where the visits of one linked argument go (see :func:`export`)."""

    link: Link
    depth: int  # the depth of its premises (and joint undercuts) in the walk
    pcs: bool  # True: its premises, into ``lines``; False: its undercuts, below ``<title>``
    lines: list[str]
    shift: int  # a visit at depth d is indented d - shift levels in ``lines``
    numbered: list[int]  # premises written so far (pcs frames)


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The Argdown document for one map."""
    del options  # Argdown has no presentation options we could honour
    names = argument_titles(graph)
    linked = bool(names)
    arguments = {key for key, s in graph.statements.items()
                 if s.link is not None and graph.undercuts_of(s.link)
                 and s.link not in names}

    visits = walk(graph)
    needed = titled(graph, visits, names, arguments)

    def title(key: str) -> str:
        return f"<{key}>" if key in arguments else f"[{key}]"

    def defined(name: str, key: str, text: str) -> str:
        """``[title]: text``, or the bare text where no title is needed."""
        if key in needed or _UNSAFE_START.match(text):
            return f"{name}: {text}"
        return text

    lines = [f"# {argdown_text(graph.question)}"]
    blocks: list[list[str]] = []  # premise-conclusion structures, after the current tree
    frames: list[_Frame] = []
    for visit in visits:
        link, depth = visit.link, visit.depth
        while frames and not _inside(frames[-1], link, depth):
            frame = frames.pop()
            if frame.pcs:  # its premises are done: the conclusion, then its undercuts
                frame.lines.extend(_conclusion(graph, frame.link, names, arguments))
                if depth == frame.depth and link is not None and link.undercuts(frame.link.key):
                    outer, shift = (frames[-1].lines, frames[-1].shift) if frames else (lines, 0)
                    frames.append(_Frame(frame.link, depth, False, outer, shift - 1, [0]))
        if depth == 0:
            for block in blocks:
                lines += ["", *block]
            blocks = []
            lines.append("")
        out, shift = lines, 0
        if frames:
            out, shift = frames[-1].lines, frames[-1].shift
        if linked and link is not None and depth > 0 and link.key in names and not (
                frames and frames[-1].pcs and frames[-1].link.key == link.key):
            # the first premise of a linked argument: the argument here, its pcs later
            out.append(f"{'  ' * (depth - shift)}{MARKERS[link.relation]} <{names[link.key]}>")
            block = [f"<{names[link.key]}>{_head(link)}", ""]
            blocks.append(block)
            frames.append(_Frame(link, depth, True, block, depth, [0]))
            out, shift = block, depth
        statement = graph.statements.get(visit.key)
        if frames and frames[-1].pcs and depth == frames[-1].depth:  # a premise
            frames[-1].numbered[0] += 1
            prefix = f"({frames[-1].numbered[0]}) "
            name, data_link = f"[{visit.key}]", None  # the weight is the argument's
        else:
            prefix = "  " * (depth - shift)
            if link is not None and depth > 0:
                prefix += MARKERS[link.relation] + " "
            # a premise's weight is its link's; a linked argument's is not its premises'
            name = title(visit.key)
            data_link = link if not linked or link is None or link.key not in names else None
        if visit.expanded and statement is not None:
            data = _data_of(statement, data_link)
            out.append(prefix + defined(name, visit.key, argdown_text(statement.text)) + data)
        elif name.startswith("[") and visit.key in arguments and statement is not None:
            # a pcs premise written elsewhere as an argument (it is undercut there): a pcs
            # holds statements, so the statement is written here with its text
            out.append(f"{prefix}{name}: {argdown_text(statement.text)}")
        elif data_link is not None and data_link.ref and data_link.weight is not None:
            # format 1.2: a ref's own step weight, as data of the reference
            out.append(prefix + name + " " + argdown_data({"weight": data_link.weight}))
        else:
            out.append(prefix + name)
    for frame in reversed(frames):
        if frame.pcs:
            frame.lines.extend(_conclusion(graph, frame.link, names, arguments))
    for block in blocks:
        lines += ["", *block]
    for key in graph.roots:  # a focus bears on its parent, which the cut left out
        link = graph.link(graph.statements[key].link or "")
        if link is not None and link.target in graph.outside:
            if link.key in names:  # a premise of a linked argument: the whole argument
                lines += ["", title(link.target),
                          f"  {MARKERS[link.relation]} <{names[link.key]}>", "",
                          f"<{names[link.key]}>{_head(link)}", ""]
                lines += [f"({i}) [{p}]" for i, p in enumerate(link.premises, 1)]
                lines += _conclusion(graph, link, names, arguments)
            else:
                lines += ["", title(link.target), f"  {MARKERS[link.relation]} {title(key)}"]
    return "\n".join(lines) + "\n"


#: a bare text that Argdown would read as syntax at the start of a line: a relation,
#: a numbered premise, an ordered list item, an inference line
_UNSAFE_START = re.compile(r"[+\-(]|[0-9]+\.[ \t]|\Z")


def titled(graph: ArgumentGraph, visits: list[Visit], names: dict[str, str],
           arguments: set[str]) -> set[str]:
    """The statements that need their title (key) in the Argdown text.

    Those with an id (a title the author gave), those named again elsewhere (a
    ``ref``, a linked pro argument's conclusion, a focus's parent's child), those
    written as arguments, and claims nothing bears on (untitled and unrelated,
    Argdown's reader and argmap's take them for prose).
    """
    keys = {key for key, s in graph.statements.items() if s.id is not None}
    keys |= arguments
    keys |= {v.key for v in visits if not v.expanded}
    keys |= {link.target for link in graph.links
             if link.key in names and link.relation is Relation.PRO}
    targets = {link.target for link in graph.links}
    keys |= {key for key in graph.claims if key not in targets}
    keys |= set(graph.roots) - set(graph.claims)
    return keys


def _inside(frame: _Frame, link: Link | None, depth: int) -> bool:
    """Does a visit at ``depth`` reached by ``link`` still belong to ``frame``?"""
    if depth > frame.depth:
        return True
    if depth < frame.depth or link is None:
        return False
    if frame.pcs:
        return link.key == frame.link.key
    return link.undercuts(frame.link.key)


def _head(link: Link) -> str:
    """What follows a linked argument's title above its pcs: its note as the argument's
    description (which the reader takes back as the note), then its weight as data."""
    note = f": {argdown_text(link.note)}" if link.note else ""
    return note + ("" if link.weight is None else " " + argdown_data({"weight": link.weight}))


def argument_titles(graph: ArgumentGraph) -> dict[str, str]:
    """Link key -> the Argdown title of each linked argument: its id, else its path."""
    return {link.key: link.id or link.address for link in graph.links if link.linked}


def conclusion(graph: ArgumentGraph, link: Link, title: str, arguments: set[str]) -> str:
    """The title of the statement a linked argument's pcs concludes.

    A pro of a statement concludes that statement. Argdown reads an argument's
    relations through its conclusion, and an argument cannot attack what it
    concludes, so a con (or a pro of a premise written as an argument ``<key>``)
    concludes a statement of its own, titled as the argument (primed should a
    statement have that title) and without text, which the tree line
    ``- <title>`` relates to the target.
    """
    if link.relation is Relation.PRO and link.target not in arguments:
        return link.target
    while title in graph.statements or title in graph.outside:
        title += "'"
    return title


def _conclusion(graph: ArgumentGraph, link: Link, names: dict[str, str],
                arguments: set[str]) -> list[str]:
    """The inference line and the conclusion of a linked argument's pcs."""
    name = conclusion(graph, link, names[link.key], arguments)
    return ["----", f"({len(link.premises) + 1}) [{name}]"]
