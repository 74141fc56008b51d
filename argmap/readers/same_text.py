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
