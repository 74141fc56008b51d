"""Statements with the same text, merged before a draft becomes a map.

``check`` warns about two statements with one text (``duplicate-text``,
ignoring case and spacing): a map says a thing once and ``ref``s it. Argdown
keeps string-identical statements with different titles apart, AIF corpora
repeat a proposition in several I-nodes, and Kialo discussions repeat claims,
so :func:`merge_same_text` makes such nodes one: the first keeps its place,
title, speaker and text, gains the others' tags, citations and relations, and
every other place becomes a ``ref`` to it. The merges (and a second speaker
that had to go) are counted in the draft's ``dropped``, so the import's one
``import-dropped`` warning says so and the map passes ``check --strict``.

:func:`one_link_each` then leaves out what the merges (or the source itself)
made redundant: a relation of a statement to itself (in Argdown, ``+ <A>``
under the statement A's inference concludes: A's argument already says so)
and a second relation with the same premise, kind and target (``+ <A>``
under a claim that A's conclusion also supports with ``+>``). Neither adds
anything the map does not already say, so neither is counted as dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.model import text_key

if TYPE_CHECKING:
    from argmap.readers.draft import Draft

SAME_TEXT = "statements with the same text as another, merged into it"
OTHER_SPEAKER = "speakers of a statement merged into one with another speaker"


def merge_same_text(draft: Draft) -> None:
    """Nodes with one text become the first of them (see the module docstring)."""
    first: dict[str, str] = {}
    alias: dict[str, str] = {}
    for key, node in draft.nodes.items():
        if node.text:
            earlier = first.setdefault(text_key(node.text), key)
            if earlier != key:
                alias[key] = earlier
    if not alias:
        return
    for key, into in alias.items():
        node, kept = draft.nodes.pop(key), draft.nodes[into]
        by = kept.by
        if node.by is not None and node.by != by:
            by = by or node.by
            draft.dropped[OTHER_SPEAKER] += by != node.by
        cited = {c.source for c in kept.cites}
        draft.nodes[into] = kept._replace(
            title=kept.title or node.title, by=by,
            cites=kept.cites + tuple(c for c in node.cites if c.source not in cited),
            tags=kept.tags + tuple(t for t in node.tags if t not in kept.tags))
    draft.dropped[SAME_TEXT] += len(alias)
    draft.edges = [e._replace(premise=alias.get(e.premise, e.premise),
                              target=e.target if isinstance(e.target, int)
                              else alias.get(e.target, e.target)) for e in draft.edges]
    if draft.roots is not None:
        draft.roots = list(dict.fromkeys(alias.get(k, k) for k in draft.roots))
    home = {k: edge for k, edge in draft.home.items() if k not in alias}
    for key, edge in draft.home.items():  # the first one's place wins
        if key in alias:
            home.setdefault(alias[key], edge)
    draft.home = home


def one_link_each(draft: Draft) -> None:
    """One relation per (premise, kind, target); none from a statement to itself.

    A left-out edge keeps its index (its target becomes ``""``, no node), so the
    undercuts and ``home`` entries that name edges by index stay right; an
    undercut of a repeated edge attacks the one that is kept.
    """
    kept: dict[tuple[str, str, object], int] = {}
    moved: dict[int, int] = {}
    for index, edge in enumerate(draft.edges):
        if isinstance(edge.target, int) or edge.linked is not None:
            continue
        if edge.premise == edge.target:
            draft.edges[index] = edge._replace(target="")
            continue
        first = kept.setdefault((edge.premise, edge.target, edge.relation), index)
        if first != index:
            draft.edges[index] = edge._replace(target="")
            moved[index] = first
    if moved:
        draft.edges = [e._replace(target=moved.get(e.target, e.target))
                       if isinstance(e.target, int) else e for e in draft.edges]
        draft.home = {k: moved.get(i, i) for k, i in draft.home.items()}
