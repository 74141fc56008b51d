"""``brief --speech 2AC``: what one side says in one speech of a round, with times.

The document has one Pocket for the speech, then a Hat for its new arguments
(each a Block headed by what it answers or supports, with its tag and cards)
and a Hat for its extensions (each statement said again, with its tag). Every
Block carries its read-aloud time, and the speech's total stands against the
time the format allows it: words read (tags, cite lines, card text) at
:data:`WORDS_PER_MINUTE` unless ``brief --wpm`` says otherwise.
"""

from __future__ import annotations

from argmap.analysis.after import SpeechError, locate_speech
from argmap.analysis.round import Round
from argmap.brief import cite_line
from argmap.brief.records import Block, Brief, BriefError
from argmap.graph import Link
from argmap.model import ArgumentMap, Relation

#: a clear reading pace; policy debaters read faster, lay formats slower
WORDS_PER_MINUTE = 160


def speech_brief(argmap: ArgumentMap, name: str, wpm: int = WORDS_PER_MINUTE) -> Brief:
    """The per-speech document of speech ``name`` (case-insensitive) of a map's round,
    timed at ``wpm`` words a minute.

    Raises:
        BriefError: if the map has no speeches, or none is called ``name``.
    """
    try:
        round_, index = locate_speech(argmap, name, "--speech")
    except SpeechError as exc:
        raise BriefError(str(exc)) from None
    return _Speech(round_, index, wpm).brief()


def clock(seconds: float) -> str:
    """Seconds as ``m:ss``."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def seconds(words: int, wpm: int = WORDS_PER_MINUTE) -> float:
    """How long ``words`` words take to read aloud at ``wpm`` words a minute."""
    return words * 60 / wpm


class _Speech:
    def __init__(self, round_: Round, index: int, wpm: int) -> None:
        self.round, self.index, self.wpm = round_, index, wpm
        self.graph = round_.graph
        self.speech = round_.speeches[index]

    def brief(self) -> Brief:
        new = [link for link in self.graph.links if not link.ref and self.round.link_said(link)
               == self.index and self.round.link_side(link) == self.speech.side]
        claims = [k for k in self.graph.claims if self.round.said(k) == self.index
                  and self.round.side(k) == self.speech.side]
        extensions = [link for link in self.graph.links if self.round.extension(link)
                      and link.speech == self.speech.name]
        body: list[tuple[list[Block], int]] = []
        for key in claims:
            body.append(self.argument("Position", key))
        for link in new:
            for premise in link.premises:
                if self.graph.written_at(link, premise):
                    body.append(self.argument(self.heading(link), premise))
        extended = [self.extension(link) for link in extensions]
        total = sum(words for _, words in body + extended)
        allowed = self.speech.minutes
        budget = (f" of {clock(allowed * 60)} allowed" if allowed else "")
        spoken = seconds(total, self.wpm)
        over = (f", {clock(spoken - allowed * 60)} over" if allowed
                and spoken > allowed * 60 else "")
        side = f" ({self.speech.side})" if self.speech.side else ""
        blocks = [Block("title", self.graph.question),
                  Block("pocket", f"{self.speech.name}{side}", clock(spoken)),
                  Block("note", f"Read-aloud time {clock(spoken)}{budget}{over}, at "
                        f"{self.wpm} words a minute: {len(body)} new "
                        f"argument{'s' * (len(body) != 1)}, {len(extended)} "
                        f"extension{'s' * (len(extended) != 1)}.")]
        if body:
            blocks.append(Block("hat", "New arguments"))
            blocks += [b for part, _ in body for b in part]
        if extended:
            blocks.append(Block("hat", "Extensions"))
            blocks += [b for part, _ in extended for b in part]
        title = f"{self.graph.question} - {self.speech.name}"
        return Brief(f"{self.graph.id}--{self.speech.name.lower()}", title, blocks)

    def heading(self, link: Link) -> str:
        """What a new argument does: answers (A2) or supports its target."""
        if link.relation is Relation.UNDERCUT:
            attacked = self.graph.link(link.target)
            target = attacked.premises[0] if attacked is not None else link.target
            return f"A2 the step from {self.short(target)}"
        word = "A2" if link.relation is Relation.CON else "Support for"
        return f"{word} {self.short(link.target)}"

    def argument(self, heading: str, key: str) -> tuple[list[Block], int]:
        """A Block: its heading, tag and cards, timed."""
        statement = self.graph.statements[key]
        blocks = [Block("tag", statement.text)]
        words = len(statement.text.split())
        for citation in statement.cites:
            line = cite_line(citation.source, self.graph.sources.get(citation.source),
                             citation.locator)
            blocks.append(Block("cite", line))
            words += len(line.split())
            if citation.quote:
                blocks.append(Block("card", citation.quote))
                words += len(citation.quote.split())
        return [Block("block", heading, clock(seconds(words, self.wpm))), *blocks], words

    def extension(self, link: Link) -> tuple[list[Block], int]:
        """An extension: the statement said again, timed as its tag."""
        key = link.premises[0]
        text = self.graph.statements[key].text
        said = self.round.speeches[self.round.said(key)].name
        words = len(text.split()) + 2  # "extend ..." and the speech it came from
        spoken = clock(seconds(words, self.wpm))
        return [Block("block", f"Extend {self.short(key)} ({said})", spoken),
                Block("tag", text)], words

    def short(self, key: str, count: int = 8) -> str:
        statement = self.graph.lookup(key)
        words = (statement.text if statement is not None else key).split()
        return " ".join(words[:count]) + ("…" if len(words) > count else "")
