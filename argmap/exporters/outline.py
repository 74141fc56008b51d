"""Outline rows for the nested-list exports (Markdown, the HTML page): :func:`walk`
with each linked argument as one "Together:" row above its premises.

:func:`argmap.graph.walk` gives a linked argument's premises as consecutive
visits at the depth of an ordinary premise, each followed by its subtree, then
the argument's undercuts at the same depth. An outline shows them one level
deeper, below a row for the argument itself (``+ together:``), the way the
terminal tree does; :func:`rows` does that regrouping once for every export.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.graph import ArgumentGraph, Link, Visit, walk


class Row(NamedTuple):
    """One item of an outline."""

    visit: Visit  # the statement shown (for a together row: its first premise's visit)
    depth: int  # nesting in the outline: walk's depth plus the linked arguments above
    argument: Link | None = None  # set on a together row: the linked argument it opens


def rows(graph: ArgumentGraph) -> list[Row]:
    """The outline of a (cut) graph: every :func:`walk` visit, with a together row
    before the first premise of each linked argument and its premises and undercuts
    nested one level below it."""
    out: list[Row] = []
    groups: list[tuple[int, str]] = []  # open arguments: (depth of their premises, link key)
    for visit in walk(graph):
        link = visit.link
        while groups:
            base, key = groups[-1]
            if visit.depth > base or (visit.depth == base and link is not None and (
                    link.key == key or link.undercuts(key))):
                break
            groups.pop()
        # (a focused premise is a root: it keeps its argument's link but shows alone)
        if link is not None and len(link.premises) > 1 and visit.depth > 0 and (
                not groups or groups[-1] != (visit.depth, link.key)):
            out.append(Row(visit, visit.depth + len(groups), link))
            groups.append((visit.depth, link.key))
        out.append(Row(visit, visit.depth + len(groups)))
    return out
