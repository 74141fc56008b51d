"""``argmap brief``: the document a debater reads from, built from a map and its evaluation.

:func:`build_brief` turns an evaluated graph into a flat list of
:class:`Block` records in the order a debater files them (Verbatim's levels:
Pocket, Hat, Block, Tag, then cite lines and card text); one small renderer per
format (md, html, docx) writes those blocks, so the three cannot disagree.

- **Our case** (Pocket): a Hat per claim named by ``--for``, its own cards, then
  a Block per supporting premise with the cards of the premise and of what
  supports it in turn.
- **Frontlines** (Pocket): a Hat per claim of ours; a Block per opposing
  rebuttal or undercut against that claim or its support, with the
  rebuttal's cards, then our answers (its cons and undercuts) with theirs.
  Unanswered ones come first, flagged ``UNANSWERED``, heaviest first.
- **Their case** (Pocket): a Hat per other claim, its cards, and a Block per
  attack we have on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from argmap.analysis.evaluate import Evaluation, Status
from argmap.analysis.report import SYMBOLS, WORDS, address, reason
from argmap.errors import UsageError
from argmap.graph import ArgumentGraph, Link
from argmap.model import Relation, Source

__all__ = ["Block", "Brief", "BriefError", "build_brief", "write_brief"]

#: Kinds of block, in Verbatim's terms; heading levels 1-4 are Pocket..Tag.
LEVELS = {"pocket": 1, "hat": 2, "block": 3, "tag": 4}


class BriefError(UsageError, ValueError):
    """``--for`` names something that is not a claim of the map."""


class Block(NamedTuple):
    """One piece of the brief: a heading, a cite line, card text or a note."""

    kind: str  # title, pocket, hat, block, tag, cite, card, note
    text: str
    flag: str = ""  # UNANSWERED, or a status word, shown before the text


class Brief(NamedTuple):
    """A brief ready for a renderer."""

    map_id: str
    title: str
    blocks: list[Block]


def build_brief(evaluation: Evaluation, ours: list[str]) -> Brief:
    """Lay out the brief for our claims (ids or paths) against the map's other claims.

    Raises:
        BriefError: if a name is not one of the map's claims, or none is given.
    """
    graph = evaluation.graph
    keys = []
    for name in ours:
        key = graph.positions.get(name)
        if key is None or key not in graph.claims:
            from argmap.diagnostics import did_you_mean

            claims = [address(graph, k) for k in graph.claims]
            raise BriefError(f"--for {name}: not a claim of map '{graph.id}'"
                             f"{did_you_mean(name, claims)} (claims: {', '.join(claims)})")
        if key not in keys:
            keys.append(key)
    if not keys:
        raise BriefError("--for needs at least one claim id")
    writer = _Writer(evaluation)
    writer.write(keys)
    return Brief(graph.id, graph.question, writer.blocks)


class _Writer:
    def __init__(self, evaluation: Evaluation) -> None:
        self.e = evaluation
        self.graph: ArgumentGraph = evaluation.graph
        self.blocks: list[Block] = []

    def add(self, kind: str, text: str, flag: str = "") -> None:
        self.blocks.append(Block(kind, text, flag))

    def status(self, key: str) -> str:
        status = self.e.statements[key]
        return f"{SYMBOLS[status]} {WORDS[status].upper()}"

    def write(self, ours: list[str]) -> None:
        graph = self.graph
        theirs = [k for k in graph.claims if k not in ours]
        self.add("title", graph.question)
        names = ", ".join(address(graph, k) for k in ours)
        self.add("note", f"Map {graph.id} ({graph.span.file}). Our side: {names}. Statuses "
                 f"by {self.e.semantics.value} semantics: ✓ stands, ✗ falls, ? undecided.")
        self.add("pocket", "Our case")
        for key in ours:
            self.our_claim(key)
        self.add("pocket", "Frontlines")
        for key in ours:
            self.frontlines(key)
        self.add("pocket", "Their case")
        if not theirs:
            self.add("note", "The map has no other claims.")
        for key in theirs:
            self.their_claim(key)

    def our_claim(self, key: str) -> None:
        self.add("hat", self.text(key), self.status(key))
        self.add("note", f"{address(self.graph, key)}: {reason(self.e, key)}; "
                 f"{'supported' if self.e.supported(key) else 'bare'}.")
        self.cards(key, "tag" if self.graph.statements[key].cites else None)
        support = [link for link in self.graph.links_into(key) if link.relation is Relation.PRO]
        if not support:
            self.add("note", "No supporting premises: the claim is asserted bare.")
        seen = {key}  # shared by the blocks: each card appears once in the case
        for link in support:
            self.add("block", f"Support: {self.short(link.premises[0])}", self.link_flag(link))
            if link.premises[0] in seen:
                self.add("note", "Circular: this support is a statement already in the case.")
            self.support(link.premises[0], seen)

    def support(self, key: str, seen: set[str]) -> None:
        """A premise's cards, then those of what supports it, depth first."""
        if key in seen or key not in self.graph.statements:
            return
        seen.add(key)
        self.cards(key, "tag")
        for link in self.graph.links_into(key):
            if link.relation is Relation.PRO:
                self.support(link.premises[0], seen)

    def frontlines(self, claim: str) -> None:
        self.add("hat", f"Frontlines for {address(self.graph, claim)}")
        self.add("note", self.text(claim))
        attacks = self.attacks_on_case(claim)
        if not attacks:
            self.add("note", "No rebuttals or undercuts against this claim or its support.")
        for link, answered in attacks:
            self.add("block", f"A2: {self.short(link.premises[0])}",
                     "" if answered else "UNANSWERED")
            self.add("note", self.against(link))
            self.cards(link.premises[0], "tag")
            answers = self.answers(link)
            if not answers:
                self.add("note", "No answer in the map yet: write a con under it or an "
                         "undercut of its step.")
            for answer in answers:
                self.cards(answer.premises[0], "tag", self.answer_kind(answer))

    def attacks_on_case(self, claim: str) -> list[tuple[Link, bool]]:
        """Con links into the claim and its support, undercuts of its support links;
        unanswered first, heaviest first."""
        found: list[Link] = []
        stack, seen = [claim], set()
        while stack:
            key = stack.pop()
            if key in seen or key not in self.graph.statements:
                continue
            seen.add(key)
            for link in self.graph.links_into(key):
                if link.relation is Relation.CON:
                    found.append(link)
                elif link.relation is Relation.PRO:
                    found.extend(self.graph.undercuts_of(link.key))
                    stack.append(link.premises[0])
        rows = [(link, bool(self.answers(link))) for link in found]
        order = {link.key: i for i, link in enumerate(self.graph.links)}
        rows.sort(key=lambda row: (row[1], -(row[0].weight or 0), order[row[0].key]))
        return rows

    def answers(self, link: Link) -> list[Link]:
        """Our answers to a rebuttal: the cons into its premise, the undercuts of its step."""
        cons = [x for premise in link.premises for x in self.graph.links_into(premise)
                if x.relation is Relation.CON]
        return cons + list(self.graph.undercuts_of(link.key))

    def against(self, link: Link) -> str:
        what = "Undercuts the step from" if link.relation is Relation.UNDERCUT else "Rebuts"
        target = link.target
        if link.relation is Relation.UNDERCUT:
            step = self.graph.link(target)
            target = step.premises[0] if step is not None else target
        name = address(self.graph, target) if target in self.graph.statements else target
        weight = f" Weight {link.weight}." if link.weight is not None else ""
        return f"{what} {name}.{weight} Their card {self.status(link.premises[0])}."

    def answer_kind(self, link: Link) -> str:
        word = "Undercut" if link.relation is Relation.UNDERCUT else "Answer"
        return f"{word} ({self.status(link.premises[0])})"

    def their_claim(self, key: str) -> None:
        self.add("hat", self.text(key), self.status(key))
        self.add("note", f"{address(self.graph, key)}: {reason(self.e, key)}.")
        self.cards(key, "tag")
        attacks = [link for link in self.graph.links_into(key) if link.relation is Relation.CON]
        for link in self.graph.links_into(key):
            if link.relation is Relation.PRO:
                attacks.extend(self.graph.undercuts_of(link.key))
                attacks.extend(x for x in self.graph.links_into(link.premises[0])
                               if x.relation is Relation.CON)
        if not attacks:
            self.add("note", "We have no attack on this claim yet.")
        for link in attacks:
            self.add("block", f"{self.answer_kind(link)}: {self.short(link.premises[0])}")
            self.add("note", self.against(link).split(" Their card")[0])
            self.support(link.premises[0], set())

    def link_flag(self, link: Link) -> str:
        """The status of a support: its premise's, or "step undercut" when that cuts it."""
        status = self.e.links[link.key]
        if status is Status.OUT and self.e.statements.get(link.premises[0]) is Status.IN:
            return "✗ STEP UNDERCUT"
        return f"{SYMBOLS[status]} {WORDS[status].upper()}"

    def short(self, key: str) -> str:
        """The first words of a statement, for a block heading above its full tag."""
        words = self.text(key).split()
        return " ".join(words[:10]) + ("…" if len(words) > 10 else "")

    def text(self, key: str) -> str:
        statement = self.graph.lookup(key)
        return statement.text if statement is not None else key

    def cards(self, key: str, kind: str | None, flag: str = "") -> None:
        """A tag line (the statement), then per citation the cite line and card text."""
        statement = self.graph.lookup(key)
        if statement is None or not kind:
            return
        self.add("tag", statement.text, flag or self.status(key))
        if not statement.cites:
            self.add("note", "No card: this statement cites nothing.")
        for citation in statement.cites:
            source = self.graph.sources.get(citation.source)
            self.add("cite", cite_line(citation.source, source, citation.locator))
            if citation.quote:
                self.add("card", citation.quote)


def cite_line(source_id: str, source: Source | None, locator: str | None) -> str:
    """Author, date, title, publisher, URL, locator: whichever the source has."""
    if source is None:
        return f"[{source_id}]" + (f", {locator}" if locator else "")
    parts = [", ".join(source.author)] if source.author else []
    if source.date:
        parts.append(source.date)
    parts.append(f"“{source.title}”")
    parts += [p for p in (source.publisher, source.url) if p]
    if locator:
        parts.append(locator)
    return "; ".join(parts)


class BriefFormat(NamedTuple):
    """A brief's file format, as :func:`argmap.output.output_paths` places it."""

    name: str
    suffixes: tuple[str, ...]
    binary: bool
    streams: bool = False


FORMATS = {"md": BriefFormat("md", (".md",), False),
           "html": BriefFormat("html", (".html",), False),
           "docx": BriefFormat("docx", (".docx",), True)}


def write_brief(brief: Brief, fmt: str, output: str | None,
                wrote: Callable[[Path], None]) -> None:
    """Render and write a brief: md/html to stdout unless -o, docx to <map-id>.docx.

    Raises:
        OutputError: if it cannot go where ``output`` says (exit 2).
        WriteError: if writing fails (exit 1; nothing is left half-written).
    """
    from argmap.output import output_paths, write_outputs

    if fmt == "docx":
        from argmap.brief.docx import render_docx

        data = render_docx(brief)
    elif fmt == "html":
        from argmap.brief.html import render_html

        data = render_html(brief).encode("utf-8")
    else:
        from argmap.brief.md import render_md

        data = render_md(brief).encode("utf-8")
    if output is None and fmt != "docx":
        output = "-"
    plan = output_paths([brief.map_id], FORMATS[fmt], output)
    write_outputs(plan, [data], wrote)
