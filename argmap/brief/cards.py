"""How a card looks in the brief: the cite line, the marked card text, the reading time.

The renderers (docx, md, html) take a card's pieces from here, so the three
agree, and the Verbatim import (:mod:`argmap.readers.cites`) reads the cite
line back:

- :func:`cite_parts`: the short cite (in Verbatim's Cite style), then in
  brackets the authors and qualifications, the title, publisher, date, URL and
  accessed date, ``; ``-separated; the locator (page, paragraph) after the
  bracket, where debaters put it;
- :func:`card_runs`: the quote as runs marked highlight, underline, emphasis
  (format 1.2 markup; an older map's quote is one unmarked run);
- :func:`with_reading`: the words read aloud per tag (the tag, the short cite
  and the read part of its cards) and per Hat and Block (their tags'), which
  the renderers print as ``45 words, 0:11`` at the brief's words per minute.
"""

from __future__ import annotations

from argmap.brief.records import Block
from argmap.markup import EMPHASIS, HIGHLIGHT, UNDERLINE, Run, runs_or_text
from argmap.model import Citation, Source, short_cite

#: Verbatim's default reading speed (its settings' "WPM", 250): the words per minute that
#: time the cards unless ``brief --wpm`` says otherwise
DEFAULT_WPM = 250


def cite_parts(source_id: str, source: Source | None, locator: str | None,
               ) -> tuple[str, str, str]:
    """The cite line in three parts: the short cite, the bracketed details, the locator."""
    if source is None:
        return f"[{source_id}]", "", locator or ""
    who = " & ".join(source.author)
    if source.quals:
        who = f"{who}, {source.quals}" if who else source.quals
    fields = [who] if who else []
    fields.append(f"“{source.title}”")
    fields += [f for f in (source.publisher, source.date, source.url) if f]
    if source.accessed:
        fields.append(f"accessed {source.accessed}")
    return short_cite(source), "(" + "; ".join(fields) + ")", locator or ""


def cite_text(source_id: str, source: Source | None, locator: str | None) -> str:
    """The cite line as one text."""
    return " ".join(part for part in cite_parts(source_id, source, locator) if part)


def card_runs(block: Block) -> list[Run]:
    """A card block's text as marked runs (one unmarked run outside format 1.2)."""
    quote = block.citation.quote if block.citation is not None else None
    return runs_or_text(quote if quote is not None else block.text, block.marked)


def read_part(runs: list[Run]) -> list[Run]:
    """What a debater reads aloud: the highlighted runs, else the underlined and
    emphasised ones, else the whole card (nothing marked: all of it is read)."""
    for wanted in ({HIGHLIGHT}, {UNDERLINE, EMPHASIS}):
        read = [run for run in runs if run.marks & wanted]
        if read:
            return read
    return runs


def count_words(runs: list[Run]) -> int:
    """Words in runs; separate runs are separate words."""
    return sum(len(run.text.split()) for run in runs)


def with_reading(blocks: list[Block]) -> list[Block]:
    """The blocks with ``words`` set on each tag (its text, short cites and read card
    text), and on each hat and block heading (the sum of its tags; a hat's own cards,
    written right under it, count with its text as a tag's do)."""
    out = list(blocks)
    own: dict[int, int] = {}  # heading index -> the words of the cards right under it
    holder = None
    for i, block in enumerate(out):
        if block.kind in ("tag", "hat"):
            holder, own[i] = i, 0
        elif block.kind in ("cite", "card") and holder is not None:
            own[holder] += (
                len(cite_parts(block.citation.source, block.source, None)[0].split())
                if block.kind == "cite" and block.citation is not None else
                count_words(read_part(card_runs(block))) if block.kind == "card" else 0)
        elif block.kind != "note":
            holder = None
    for i, words in own.items():
        if out[i].kind == "tag" or words:
            own[i] = words + len(out[i].text.split())
    for i, block in enumerate(out):
        if block.kind == "tag":
            out[i] = block._replace(words=own[i])
        elif block.kind in ("hat", "block"):
            level = 2 if block.kind == "hat" else 3
            total = own.get(i, 0)
            for j in range(i + 1, len(out)):
                after = out[j]
                if after.kind in ("pocket", "hat", "title") or (
                        after.kind == "block" and level == 3):
                    break
                if after.kind == "tag":
                    total += own[j]
            out[i] = block._replace(words=total)
    return out


def reading(words: int, wpm: int) -> str:
    """``45 words, 0:11``: the words and the time to read them at ``wpm``."""
    seconds = round(words * 60 / wpm) if wpm > 0 else 0
    return f"{words} word{'' if words == 1 else 's'}, {seconds // 60}:{seconds % 60:02d}"


def cite_block(citation: Citation, source: Source | None) -> Block:
    """The cite line's block (its text the whole line, for renderers without styles)."""
    return Block("cite", cite_text(citation.source, source, citation.locator),
                 source=source, citation=citation)


def card_block(citation: Citation, source: Source | None, marked: bool) -> Block:
    """The card text's block; ``text`` is the quote without markers."""
    runs = runs_or_text(citation.quote or "", marked)
    return Block("card", "".join(run.text for run in runs), source=source,
                 citation=citation, marked=marked)
