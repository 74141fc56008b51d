"""``argmap brief``: the document a debater reads from, built from a map and its evaluation.

:func:`build_brief` turns an evaluated graph into a flat list of
:class:`Block` records in the order a debater files them (Verbatim's levels:
Pocket, Hat, Block, Tag, then cite lines and card text); one small renderer per
format (md, html, docx) writes those blocks, so the three cannot disagree.

``--for`` names our side: a side of the map (format 1.2's ``sides``) or claim
ids (ours; the other claims are theirs). Statuses come from the one evaluation
(the semantics is named in the header) and sit in their own line, never in a
tag's text, so a tag pastes clean.

- **Our case** (Pocket): a Hat per claim of ours, its own cards, then a Block
  per supporting premise with the cards of the premise and of what supports it.
- **Frontlines** (Pocket): every attack by the other side on a statement or step
  of ours, anywhere in the map (rebuttals and undercuts alike), as a Block in
  danger order (:mod:`argmap.analysis.exchanges`), under a Hat per danger class.
  Each Block holds the whole exchange: their card, our answers, their answers to
  those, our extensions, down to its end (``depth`` may cut it).
- **Their case** (Pocket): a Hat per claim of theirs with its cards, then a
  Block per attack we have on it or its support, saying why an answer that does
  not count fails (which premise fell, which undercut stands).

A card is printed in full once per Pocket; later it is named by its tag. A
statement that cites nothing is an "Analytic".
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.analysis.evaluate import SYMBOLS, WORDS, Evaluation, Semantics, Status
from argmap.analysis.exchanges import (
    DANGER,
    DANGER_TITLES,
    Exchange,
    answers_to,
    attacks_on,
    attacks_side,
    exchange,
)
from argmap.analysis.report import address, attack, reason
from argmap.analysis.sides import OURS, THEIRS, Sides, sides_for
from argmap.brief.records import LEVELS, Block, Brief, BriefError
from argmap.errors import UsageError
from argmap.graph import ArgumentGraph, GStatement, Link
from argmap.model import Relation, Source

__all__ = ["LEVELS", "Block", "Brief", "BriefError", "build_brief", "render_brief"]


def build_brief(evaluation: Evaluation, ours: list[str], *, depth: int | None = None,
                status: bool = True, wpm: int = 250) -> Brief:
    """Lay out the brief for our side (a side name, or claim ids or paths) against the rest.

    ``depth`` cuts each exchange after that many answers (None: to its end);
    ``status`` False leaves the statuses out; ``wpm`` (words per minute) times the cards.

    Raises:
        BriefError: if a name is neither a side nor a claim of the map, or none is given.
    """
    try:
        side, sides = sides_for(evaluation.graph, ours)
    except UsageError as exc:
        raise BriefError(str(exc)) from None
    writer = _Writer(evaluation, sides, side, depth, status)
    writer.write()
    from argmap.brief.cards import with_reading

    return Brief(evaluation.graph.id, evaluation.graph.question, with_reading(writer.blocks),
                 wpm)


#: a linked argument does not stand or fall as a statement does: it counts, or not
COUNTS = {Status.IN: "COUNTS", Status.OUT: "DOES NOT COUNT", Status.UNDECIDED: "UNDECIDED"}


class _Writer:
    def __init__(self, evaluation: Evaluation, sides: Sides, side: str, depth: int | None,
                 status: bool) -> None:
        self.e = evaluation
        self.graph: ArgumentGraph = evaluation.graph
        self.sides, self.side, self.depth, self.show_status = sides, side, depth, status
        self.blocks: list[Block] = []
        #: statements whose cards this Pocket has printed in full: key -> their tag
        self.printed: dict[str, str] = {}
        #: the depth in the exchange being written (html and docx indent by it)
        self.depth_now = 0

    def add(self, kind: str, text: str, flag: str = "") -> None:
        self.blocks.append(Block(kind, text, flag, self.depth_now))

    def status(self, key: str) -> str:
        if not self.show_status or key not in self.e.statements:
            return ""
        status = self.e.statements[key]
        return f"{SYMBOLS[status]} {WORDS[status].upper()}"

    def counts(self, link: Link) -> str:
        if not self.show_status:
            return ""
        status = self.e.links[link.key]
        return f"{SYMBOLS[status]} {COUNTS[status]}"

    def pocket(self, title: str) -> None:
        self.add("pocket", title)
        self.printed = {}

    def ours(self, key: str) -> bool:
        return self.sides.ours(key, self.side)

    def write(self) -> None:
        graph = self.graph
        mine = [k for k in graph.claims if self.ours(k)]
        theirs = [k for k in graph.claims if not self.ours(k)]
        self.add("title", graph.question)
        who = (f"Our side: {self.side}" if self.side not in (OURS, THEIRS) else
               "Our side: " + ", ".join(address(graph, k) for k in mine))
        legend = (f" Statuses by {self.e.semantics.value} semantics: {SYMBOLS['in']} "
                  f"{WORDS['in']}, {SYMBOLS['out']} {WORDS['out']}, {SYMBOLS['undecided']} "
                  f"{WORDS['undecided']}." if self.show_status else
                  f" Semantics: {self.e.semantics.value}; statuses left out.")
        self.add("note", f"Map {graph.id} ({graph.span.file}). {who}.{legend}")
        if graph.tags:
            self.add("note", "Tags: " + ", ".join(graph.tags) + ".")
        if graph.context:
            self.add("note", graph.context)
        self.pocket("Our case")
        if not mine:
            self.add("note", "No claim of the map is on our side.")
        for key in mine:
            self.our_claim(key)
        self.frontlines()
        self.pocket("Their case")
        if not theirs:
            self.add("note", "The map has no other claims.")
        for key in theirs:
            self.their_claim(key)
        from argmap.brief.questions import question_blocks  # format 1.2: schemes

        self.blocks += question_blocks(graph, self.sides, self.side)

    # -- our case ----------------------------------------------------------

    def our_claim(self, key: str) -> None:
        self.add("hat", self.text(key), self.status(key))
        self.add("note", f"{address(self.graph, key)}: {reason(self.e, key)}; "
                 f"{'supported' if self.e.supported(key) else 'bare'}.")
        self.about(key, "Analytic" if not self.graph.statements[key].cites else "")
        self.cite_lines(key)  # the Hat is the claim: its cards follow, no Tag repeats it
        support = [link for link in self.graph.links_into(key) if link.relation is Relation.PRO]
        if not support:
            self.add("note", "No supporting premises: the claim is asserted bare.")
        seen = {key}
        for link in support:
            flag = self.link_flag(link)
            if not link.linked and flag == self.status(link.premises[0]):
                flag = ""  # the card below says it: a block's own line only when it differs
            self.add("block", self.label("Support", link), flag)
            if link.linked:
                name = self.argument(link)
                self.add("note", f"{name[0].upper()}{name[1:]}: these premises support it "
                         "only together; it counts while all of them stand.")
            if link.weight is not None:
                self.add("note", f"Weight {link.weight}.")
            for premise in link.premises:
                if premise == key:
                    self.add("note", "Circular: this support is a statement already in "
                             "the case.")
                elif premise in seen:  # e.g. also a premise of a linked argument above
                    self.add("note", f"{self.name(premise)}: already in the case above.")
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
            self.card(key)
            below = [premise for link in self.graph.links_into(key)
                     if link.relation is Relation.PRO for premise in link.premises]
            stack.extend(reversed(below))

    # -- frontlines --------------------------------------------------------

    def frontlines(self) -> None:
        self.pocket("Frontlines")
        attacks = attacks_on(self.e, self.sides, self.side)
        if not attacks:
            self.add("note", "No attack by the other side on any statement or step of ours.")
        current = 0
        for found in attacks:
            if found.danger != current:
                current = found.danger
                self.add("hat", DANGER_TITLES[current])
            link = found.link
            self.add("block", self.label("A2", link), DANGER[found.danger])
            self.add("note", self.against(link))
            self.exchange(exchange(self.graph, link, self.depth))

    def exchange(self, root: Exchange) -> None:
        """Every link of an exchange, its cards under a label saying whose it is."""
        stack = [root]
        while stack:
            node = stack.pop()
            link = node.link
            self.depth_now = node.depth
            if node.depth:
                self.add("note", self.step(node))
            if link.linked and node.depth:
                self.add("note", f"Together: {self.argument(link)} {self.counts(link)}."
                         .replace(" .", "."))
            for premise in link.premises:
                self.card(premise, self.role(node, premise), self.unanswered(link))
            if self.depth is not None and node.depth >= self.depth and self.below(link):
                self.add("note", f"(Cut at depth {self.depth}: the exchange goes on.)")
            stack.extend(reversed(node.below))
        self.depth_now = 0

    def below(self, link: Link) -> bool:
        return bool(self.graph.undercuts_of(link.key)) or any(
            self.graph.links_into(p) for p in link.premises)

    def unanswered(self, link: Link) -> str:
        """UNANSWERED for an attack on us that nothing answers."""
        if attacks_side(self.graph, self.sides, link, self.side) and not answers_to(
                self.graph, link):
            return "UNANSWERED"
        return ""

    def role(self, node: Exchange, premise: str) -> str:
        """Whose card this is at this point of the exchange."""
        mine = self.sides.step_of(node.link.key) == self.side
        relation = node.link.relation
        if relation is Relation.PRO:
            return "Our support" if mine else "Their support"
        if node.depth == 0:
            return "Their card"
        if relation is Relation.UNDERCUT:
            return "Our undercut" if mine else "Their undercut"
        if mine:
            return "Our answer" if node.depth == 1 else "Our extension"
        return "Their answer"

    def step(self, node: Exchange) -> str:
        """What one link of an exchange does, e.g. ``Their answer rebuts bc-transport.``"""
        link = node.link
        who = "We" if self.sides.step_of(link.key) == self.side else "They"
        if link.relation is Relation.PRO:
            verb = "support"
        elif link.relation is Relation.UNDERCUT:
            verb = "undercut the step from"
        else:
            verb = "rebut"
        weight = f" (weight {link.weight})" if link.weight is not None else ""
        return f"{who} {verb} {self.target_name(link)}{weight}:"

    def target_name(self, link: Link) -> str:
        """What a link bears on, named for a reader: a statement, or a step (undercuts)."""
        if link.relation is not Relation.UNDERCUT:
            return self.name(link.target)
        step = self.graph.link(link.target)
        if step is None:
            return link.target
        if step.linked:
            return self.argument(step)
        return f"{self.name(step.premises[0])} to {self.name(step.target)}"

    def name(self, key: str) -> str:
        if key not in self.graph.statements:
            return key
        return f"{address(self.graph, key)} {_quoted(self.short(key, 8))}"

    def against(self, link: Link) -> str:
        """What their attack bears on, how much, and whether it counts."""
        if link.relation is Relation.UNDERCUT:
            what = f"Undercuts our step from {self.target_name(link)}"
        else:
            what = f"Rebuts our {self.name(link.target)}"
        weight = f" Weight {link.weight}." if link.weight is not None else ""
        outweighed = ""
        if (self.e.semantics is Semantics.WEIGHED and link.relation is Relation.CON
                and self.e.links[link.key] is Status.IN
                and self.e.statements.get(link.target) is Status.IN):
            outweighed = " It stands, but it is outweighed: what it rebuts still stands."
        if link.linked:
            return (f"{what}, as {self.argument(link)}.{weight} {self.counts(link)}".rstrip()
                    + outweighed)
        via = (f", with their {self.graph.address(link.premises[0])} used again here by ref"
               if link.ref else "")
        return f"{what}{via}{'' if (what + via).endswith('.”') else '.'}{weight}{outweighed}"

    # -- their case --------------------------------------------------------

    def their_claim(self, key: str) -> None:
        self.add("hat", self.text(key), self.status(key))
        self.add("note", f"{address(self.graph, key)}: {reason(self.e, key)}.")
        self.about(key, "Analytic" if not self.graph.statements[key].cites else "")
        self.cite_lines(key)
        direct = [link for link in self.graph.links_into(key) if link.relation is Relation.CON
                  and self.sides.step_of(link.key) == self.side]
        for link in direct:
            self.our_attack(link)
        supports = [link for link in self.graph.links_into(key) if link.relation is Relation.PRO]
        if not direct and not supports:
            self.add("note", "We have no attack on this claim yet, and it has no support.")
        for link in supports:  # their contentions: their cards, then what we have on them
            answered = self.attacks_below(link)
            flags = (x for x in ("UNANSWERED" if not answered else "", self.link_flag(link)) if x)
            self.add("block", self.label("Their support", link), " · ".join(flags))
            if link.weight is not None:
                self.add("note", f"Weight {link.weight}.")
            for premise in link.premises:
                self.card(premise, "Their card")
            if not answered:
                self.add("note", "We have no answer to this support yet.")
            for ours in answered:
                self.our_attack(ours)

    def attacks_below(self, support: Link) -> list[Link]:
        """Our attacks on one of their supports: on its step, its premises, and what
        supports those in turn, at any depth."""
        found = list(self.graph.undercuts_of(support.key))
        stack, seen = list(support.premises), set(support.premises)
        while stack:
            key = stack.pop()
            for link in self.graph.links_into(key):
                if link.relation is Relation.CON:
                    found.append(link)
                elif link.relation is Relation.PRO:
                    found.extend(self.graph.undercuts_of(link.key))
                    for premise in link.premises:
                        if premise not in seen and self.graph.written_at(link, premise):
                            seen.add(premise)
                            stack.append(premise)
        return [link for link in found if self.sides.step_of(link.key) == self.side]

    def our_attack(self, link: Link) -> None:
        """A Block for one attack of ours on their case, and why it fails if it does."""
        word = "Undercut" if link.relation is Relation.UNDERCUT else "Answer"
        self.add("block", self.label(word, link), self.link_flag(link))
        target = self.target_name(link)
        self.add("note", f"{'Undercuts the step from' if word == 'Undercut' else 'Rebuts'} "
                 f"their {target}." + (f" Weight {link.weight}." if link.weight else ""))
        why = self.why_not(link)
        if why:
            self.add("note", why)
        for premise in link.premises:
            self.card(premise, "Our answer" if word == "Answer" else "Our undercut")

    def why_not(self, link: Link) -> str:
        """Why an attack of ours does not count: which premise fell, which undercut stands."""
        status = self.e.links[link.key]
        if status is Status.IN:
            return ""
        cuts = [u for u in self.graph.undercuts_of(link.key) if self.e.links[u.key] is not
                Status.OUT]
        fallen = [p for p in link.premises if self.e.statements.get(p) is not Status.IN]
        parts = []
        for premise in fallen:
            parts.append(f"{self.name(premise)} {reason(self.e, premise)}")
        for cut in cuts:
            what = "stands" if self.e.links[cut.key] is Status.IN else "is undecided"
            parts.append(f"their undercut {attack(self.graph, cut, previews=True)} {what}"
                         + ("" if self.unanswered(cut) == "" else ", unanswered"))
        verb = "does not count" if status is Status.OUT else "is undecided"
        return f"Why it {verb}: " + "; ".join(parts) + "." if parts else ""

    # -- shared ------------------------------------------------------------

    def link_flag(self, link: Link) -> str:
        """The status of a support or answer: its premise's, STEP UNDERCUT when an undercut
        cuts it; a linked argument COUNTS or DOES NOT COUNT, as `eval` says of it."""
        if not self.show_status:
            return ""
        status = self.e.links[link.key]
        if status is Status.OUT and all(self.e.statements.get(p) is Status.IN
                                        for p in link.premises):
            return f"{SYMBOLS['out']} STEP UNDERCUT"
        if link.linked:
            return f"{SYMBOLS[status]} {COUNTS[status]}"
        return f"{SYMBOLS[status]} {WORDS[status].upper()}"

    def label(self, word: str, link: Link) -> str:
        """A block heading: ``Support: first words`` or, for a linked argument,
        ``Support (together): first words + first words``."""
        if not link.linked:
            return f"{word}: {self.short(link.premises[0])}"
        return f"{word} (together): " + " + ".join(self.short(p, 6) for p in link.premises)

    def argument(self, link: Link) -> str:
        """A linked argument named as eval names it."""
        return attack(self.graph, link)

    def short(self, key: str, count: int = 10) -> str:
        """The first words of a statement, for a block heading above its full tag."""
        words = self.text(key).split()
        return " ".join(words[:count]) + ("…" if len(words) > count else "")

    def text(self, key: str) -> str:
        statement = self.graph.lookup(key)
        return statement.text if statement is not None else key

    def about(self, key: str, lead: str = "") -> None:
        """One note line: ``lead`` (whose card it is), who advances it, tags and note."""
        statement = self.graph.lookup(key)
        if statement is None:
            return
        parts = [lead] if lead else []
        if statement.by:
            parts.append(f"By {statement.by}")
        if statement.tags:
            parts.append("Tags: " + ", ".join(statement.tags))
        if statement.note:
            parts.append(f"Note: {statement.note}")
        if parts:
            self.add("note", " · ".join(parts))

    def card(self, key: str, role: str = "", flag: str = "") -> None:
        """A Tag (the statement; its status and flag on their own line), then its cards
        in full the first time this Pocket shows them, else a pointer to where they are."""
        statement = self.graph.lookup(key)
        if statement is None:
            return
        self.add("tag", statement.text, " · ".join(x for x in (flag, self.status(key)) if x))
        kind = role or "Card"
        if not statement.cites:
            kind = f"{role}, analytic" if role else "Analytic"
        where = address(self.graph, key) if key in self.graph.statements else key
        first = self.printed.get(key)
        if first is not None and statement.cites:
            self.add("note", f"{kind} · {where} · read above, under “{first}”")
            return
        self.printed.setdefault(key, self.short(key, 8))
        self.about(key, f"{kind} · {where}")
        if not role and key in self.e.statements and self.e.statements[key] is not Status.IN:
            self.add("note", f"Why: {reason(self.e, key)}.")  # what in our case does not stand
        self.cite_lines(key, statement)

    def cite_lines(self, key: str, statement: GStatement | None = None) -> None:
        """Each citation of a statement: the cite line, then the card text; a source's
        note once per Pocket."""
        statement = statement or self.graph.lookup(key)
        if statement is None:
            return
        from argmap.brief.cards import card_block, cite_block

        for citation in statement.cites:
            source = self.graph.sources.get(citation.source)
            self.blocks.append(cite_block(citation, source)._replace(depth=self.depth_now))
            if citation.quote:
                self.blocks.append(card_block(citation, source, self.graph.marked)._replace(
                    depth=self.depth_now))
            if source is not None and source.note and "source " + source.id not in self.printed:
                self.printed["source " + source.id] = ""
                self.add("note", f"About {source.id}: {source.note}")


def _quoted(text: str) -> str:
    return f"“{text}”"


def cite_line(source_id: str, source: Source | None, locator: str | None) -> str:
    """The cite line: short cite, (authors and qualifications; title; publisher; date; URL;
    accessed), locator (:mod:`argmap.brief.cards`)."""
    from argmap.brief.cards import cite_text

    return cite_text(source_id, source, locator)


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
