"""The records every reader fills: a graph of statements and relations (:class:`Draft`).

Every reader fills a :class:`Draft`: nodes (statements, with their source
span) and edges (premise -> the statement it supports or attacks, or for an
undercut -> the edge whose step it attacks). :func:`argmap.readers.assemble.assemble`
turns it into an :class:`~argmap.model.ArgumentMap`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from argmap.model import Citation, Relation, Source, Span

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


class DNode(NamedTuple):
    """A statement as the source has it."""

    key: str
    text: str
    span: Span
    title: str | None = None
    by: str | None = None
    cites: tuple[Citation, ...] = ()
    tags: tuple[str, ...] = ()
    #: the identifier the source gave it (AIF node id, Kialo number, Argdown title)
    origin: str | None = None


class DEdge(NamedTuple):
    """``premise`` supports or attacks ``target``: a node key, or an edge index (undercut).

    ``linked`` is shared by the edges of one linked argument (an AIF RA-node or
    an Argdown inference with several premises): :func:`assemble` writes them
    as one item with ``premises``. What the source says about the argument
    itself (a title, a weight) is in :attr:`Draft.arguments` under that value.
    """

    premise: str
    target: str | int
    relation: Relation
    linked: int | None = None
    scheme: str | None = None  # format 1.2: the argument scheme of the step (AIF S-node name)


class DArgument(NamedTuple):
    """What the source says about a linked argument as a whole."""

    title: str | None = None  # becomes its id, slugged and unique in the map
    weight: int | None = None
    span: Span | None = None  # where the source names it
    #: an edge left out (its target is no node) whose place among the target's
    #: premises the argument takes; by default its own first edge's
    at: int | None = None
    note: str | None = None  # a remark on the whole argument (Argdown: its description)
    tags: tuple[str, ...] = ()


@dataclass
class Draft:
    """What a reader found, before it becomes a map."""

    file: str
    map_id: str
    question: str
    span: Span
    nodes: dict[str, DNode] = field(default_factory=dict)
    edges: list[DEdge] = field(default_factory=list)
    roots: list[str] | None = None
    #: node -> the edge where the source writes it out (elsewhere it is a ``ref``)
    home: dict[str, int] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    dropped: Counter[str] = field(default_factory=Counter)
    tags: tuple[str, ...] = ()
    #: ``DEdge.linked`` value -> what the source says about the linked argument itself
    arguments: dict[int, DArgument] = field(default_factory=dict)
    context: str | None = None  # the map's background prose


def link_source(draft: Draft, title: str, url: str, span: Span) -> str:
    """The id of the draft's source with this title and URL, added if new (a link in
    the source becomes a source its statement cites)."""
    for source in draft.sources.values():
        if source.url == url and source.title == title:
            return source.id
    return add_source(draft, slug(title) or "source", title, url, span)


def add_source(draft: Draft, base: str, title: str, url: str | None, span: Span) -> str:
    """Add a source to the draft under ``base`` (``base-2`` ... if taken); return its id."""
    source_id, n = base, 1
    while source_id in draft.sources:
        n += 1
        source_id = f"{base}-{n}"
    draft.sources[source_id] = Source(source_id, title, span, url=url)
    return source_id


def file_stem(file: str) -> str:
    """The file's name without its suffix: what names a map with no question or id."""
    from pathlib import PurePath

    from argmap.files import STDIN_ID, STDIN_NAME

    return STDIN_ID if file == STDIN_NAME else PurePath(file).stem


def slug(words: str, limit: int = 32) -> str:
    """A slug of the first words of ``words``: ASCII, lower-case, ``-`` between words."""
    ascii_text = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    found = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(found) > limit:
        cut = found[:limit + 1]
        found = cut[:cut.rfind("-")] if "-" in cut else found[:limit]
    return found.strip("-")


