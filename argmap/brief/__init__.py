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

A linked argument (format 1.1) is one Block, headed ``Support (together): …``
or ``A2 (together): …`` with each premise's first words, holding the cards of
all its premises; it counts while all of them stand, so a con on any one of
them answers it.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.analysis.evaluate import SYMBOLS, WORDS, Evaluation, Status
from argmap.analysis.report import address, reason
from argmap.brief.records import LEVELS, Block, Brief, BriefError
from argmap.graph import ArgumentGraph, Link
from argmap.model import Relation, Source

__all__ = ["LEVELS", "Block", "Brief", "BriefError", "build_brief", "render_brief"]

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


#: a linked argument does not stand or fall as a statement does: it counts, or not
COUNTS = {Status.IN: "COUNTS", Status.OUT: "DOES NOT COUNT", Status.UNDECIDED: "UNDECIDED"}


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
                 f"by {self.e.semantics.value} semantics: {SYMBOLS['in']} {WORDS['in']}, "
                 f"{SYMBOLS['out']} {WORDS['out']}, {SYMBOLS['undecided']} "
                 f"{WORDS['undecided']}.")
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
        from argmap.brief.questions import question_blocks  # format 1.2: schemes

        self.blocks += question_blocks(graph, ours)

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
            self.add("block", self.label("Support", link), self.link_flag(link))
            if link.linked:
                name = self.argument(link)
                self.add("note", f"{name[0].upper()}{name[1:]}: these premises support it "
                         "only together; it counts while all of them stand.")
            for premise in link.premises:
                if premise == key:
                    self.add("note", "Circular: this support is a statement already in "
                             "the case.")
                elif premise in seen:  # e.g. also a premise of a linked argument above
                    self.add("note", "Already in the case above: its cards are not "
                             "repeated.")
                self.support(premise, seen)

    def support(self, key: str, seen: set[str]) -> None:
        """A premise's cards, then those of what supports it, depth first.

        A stack, not recursion: a chain of supports may be thousands deep.
        """
        stack = [key]
        while stack:
            key = stack.pop()
            if key in seen or key not in self.graph.statements:
                continue
            seen.add(key)
            self.cards(key, "tag")
            below = [premise for link in self.graph.links_into(key)
                     if link.relation is Relation.PRO for premise in link.premises]
            stack.extend(reversed(below))

    def frontlines(self, claim: str) -> None:
        self.add("hat", f"Frontlines for {address(self.graph, claim)}")
        self.add("note", self.text(claim))
        attacks = self.attacks_on_case(claim)
        if not attacks:
            self.add("note", "No rebuttals or undercuts against this claim or its support.")
        for link, answered in attacks:
            self.add("block", self.label("A2", link), "" if answered else "UNANSWERED")
            self.add("note", self.against(link))
            for premise in link.premises:
                self.cards(premise, "tag")
            answers = self.answers(link)
            if not answers:
                self.add("note", "No answer in the map yet: write a con under one of its "
                         "premises or an undercut of the argument." if link.linked else
                         "No answer in the map yet: write a con under it or an "
                         "undercut of its step.")
            for answer in answers:
                for premise in answer.premises:
                    self.cards(premise, "tag", self.answer_kind(answer, premise))

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
                    stack.extend(link.premises)
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
            if step is not None and step.linked:
                what = "Undercuts"
                name = self.argument(step)
            else:
                target = step.premises[0] if step is not None else target
                name = address(self.graph, target) if target in self.graph.statements else target
        else:
            name = address(self.graph, target) if target in self.graph.statements else target
        weight = f" Weight {link.weight}." if link.weight is not None else ""
        if link.linked:
            cards = ", ".join(self.status(p) for p in link.premises)
            counts = "counts" if self.e.links[link.key] is Status.IN else "does not count"
            return (f"{what} {name}, as {self.argument(link)}.{weight} Their cards {cards}: "
                    f"the argument {counts}.")
        return f"{what} {name}.{weight} Their card {self.status(link.premises[0])}."

    def answer_kind(self, link: Link, premise: str | None = None) -> str:
        """``Answer (✓ STANDS)`` (its premise's status, or the given premise's); for a
        linked argument as a whole ``Answer (together, ✓ COUNTS)``."""
        word = "Undercut" if link.relation is Relation.UNDERCUT else "Answer"
        if premise is None and link.linked:
            counts = self.e.links[link.key]
            return f"{word} (together, {SYMBOLS[counts]} {COUNTS[counts]})"
        if link.linked:
            word += ", together"
        return f"{word} ({self.status(premise or link.premises[0])})"

    def label(self, word: str, link: Link) -> str:
        """A block heading: ``Support: first words`` or, for a linked argument,
        ``Support (together): first words + first words`` (``(together)`` only once)."""
        if not link.linked:
            return f"{word}: {self.short(link.premises[0])}"
        if "together" not in word:
            word += " (together)"
        return f"{word}: " + " + ".join(self.short(p, 6) for p in link.premises)

    def argument(self, link: Link) -> str:
        """A linked argument named as eval names it."""
        from argmap.analysis.report import attack

        return attack(self.graph, link)

    def their_claim(self, key: str) -> None:
        self.add("hat", self.text(key), self.status(key))
        self.add("note", f"{address(self.graph, key)}: {reason(self.e, key)}.")
        self.cards(key, "tag")
        attacks = [link for link in self.graph.links_into(key) if link.relation is Relation.CON]
        for link in self.graph.links_into(key):
            if link.relation is Relation.PRO:
                attacks.extend(self.graph.undercuts_of(link.key))
                attacks.extend(x for premise in link.premises
                               for x in self.graph.links_into(premise)
                               if x.relation is Relation.CON)
        if not attacks:
            self.add("note", "We have no attack on this claim yet.")
        for link in attacks:
            self.add("block", self.label(self.answer_kind(link), link))
            self.add("note", self.against(link).split(" Their card")[0])
            seen: set[str] = set()
            for premise in link.premises:
                self.support(premise, seen)

    def link_flag(self, link: Link) -> str:
        """The status of a support: its premise's, or "step undercut" when that cuts it; a
        linked argument COUNTS or DOES NOT COUNT (as `eval` says of it), since it does
        not stand or fall as a statement does."""
        status = self.e.links[link.key]
        if status is Status.OUT and all(self.e.statements.get(p) is Status.IN
                                        for p in link.premises):
            return f"{SYMBOLS['out']} STEP UNDERCUT"
        if link.linked:
            return f"{SYMBOLS[status]} {COUNTS[status]}"
        return f"{SYMBOLS[status]} {WORDS[status].upper()}"

    def short(self, key: str, count: int = 10) -> str:
        """The first words of a statement, for a block heading above its full tag."""
        words = self.text(key).split()
        return " ".join(words[:count]) + ("…" if len(words) > count else "")

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
    """A brief's file format, as :func:`argmap.cli.output.output_paths` places it."""

    name: str
    suffixes: tuple[str, ...]
    binary: bool
    streams: bool = False


FORMATS = {"md": BriefFormat("md", (".md",), False),
           "html": BriefFormat("html", (".html",), False),
           "docx": BriefFormat("docx", (".docx",), True)}


def render_brief(brief: Brief, fmt: str) -> bytes:
    """A brief as the bytes of one file format of :data:`FORMATS` (md, html or docx)."""
    if fmt == "docx":
        from argmap.brief.docx import render_docx

        return render_docx(brief)
    if fmt == "html":
        from argmap.brief.html import render_html

        return render_html(brief).encode("utf-8")
    from argmap.brief.md import render_md

    return render_md(brief).encode("utf-8")
