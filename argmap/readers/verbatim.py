"""Verbatim (and any Word file with the Heading 1-4 structure) as an argument map.

Verbatim files keep evidence as Pocket, Hat, Block and Tag headings (Word's
Heading 1 to 4), each Tag followed by its cite line and its card text with the
read parts underlined, emphasised and highlighted. The import (docs/imports.md,
"Verbatim") makes:

- the **question**: the document's Title paragraph (an argmap brief's, without
  ``Brief:``), else the file name;
- a **claim** per Hat (its heading text; cards right under it, before any Block
  or Tag, are its own, as argmap's brief writes a claim's cards); a Tag before
  any Hat hangs under its Block as a claim, or is a claim itself when there is
  no Block either;
- a **pro** of that claim per Tag, tagged with its Pocket and Block names (so
  an ``A2:`` block keeps its name), with a source parsed from its cite line
  (:mod:`argmap.readers.cites`; what cannot be placed is kept whole in the
  source's ``note``) and a citation whose ``quote`` is the card text with the
  highlighted, underlined and emphasised runs as format 1.2 markup;
- a Tag with no text below is an analytic: a statement with no citation (one
  paragraph below it with no cite style is its ``note``);
- the same tag with the same card again: one statement, ``ref``'d there.

Spans point at paragraphs: ``FILE:N:1`` is the N-th paragraph of the document.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.diagnostics import error
from argmap.markup import Run, write
from argmap.model import ArgumentMap, Citation, Relation, Source, Span, Statement, short_cite
from argmap.readers import ReadResult
from argmap.readers.cites import parse_cite
from argmap.readers.docx_parts import DocxError, Paragraph, read_docx
from argmap.readers.draft import file_stem
from argmap.readers.yaml.build import slugify

CODE = "verbatim-syntax"
#: the paragraph and run styles argmap's own brief marks its notes and statuses with;
#: they are the brief's commentary, not the debater's words
BRIEF_PREFIX = "Brief: "


class _Tag(NamedTuple):
    text: str
    span: Span
    tags: tuple[str, ...]
    body: list[Paragraph]
    parent: int  # index into claims


class _Claim(NamedTuple):
    text: str
    span: Span
    tags: tuple[str, ...]
    body: list[Paragraph]  # cards right under a Hat, before any Block or Tag: its own


def read(text: str, file: str) -> ReadResult:
    """A .docx is binary: it is read by :func:`read_bytes` only."""
    del text
    result = ReadResult()
    result.diagnostics.append(error(CODE, "a Word file is read as bytes, not text",
                                    Span(file, 1, 1)))
    return result


def read_bytes(data: bytes, file: str, default_id: str | None = None) -> ReadResult:
    """Read one Word file (see the module docstring)."""
    result = ReadResult()
    try:
        paragraphs = read_docx(data)
    except DocxError as exc:
        result.diagnostics.append(error(CODE, exc.message, Span(file, exc.line, exc.column)))
        return result
    claims, tags, question = _outline(paragraphs, file)
    if not tags and not claims:
        result.diagnostics.append(error(
            CODE, "no headings: a Verbatim file has Tags (Heading 4) under Pockets, Hats and "
            "Blocks (Heading 1-3); apply those styles, then import", Span(file, 1, 1)))
        return result
    if question is None:
        question = file_stem(file).replace("_", " ").replace("-", " ").strip() or "Evidence"
        result.notes.append("The question is the file's name: edit it.")
    else:
        result.notes.append("The question is the document's title.")
    result.maps.append(_build(claims, tags, question, file, default_id))
    return result


def _outline(paragraphs: list[Paragraph], file: str,
             ) -> tuple[list[_Claim], list[_Tag], str | None]:
    """Claims (Hats, else Blocks, else Tags) and the Tags under them, with their bodies."""
    claims: list[_Claim] = []
    tags: list[_Tag] = []
    question: str | None = None
    pocket = block = ""
    hat: int | None = None
    block_claim: int | None = None
    current: list[Paragraph] | None = None  # the body being collected: a Tag's or a Hat's
    for number, paragraph in enumerate(paragraphs, 1):
        text = " ".join(paragraph.text.split())
        span = Span(file, number, 1)
        if paragraph.title and question is None and text:
            question = text.removeprefix(BRIEF_PREFIX) or text
            continue
        if not paragraph.level:
            if current is not None and text:
                current.append(paragraph)
            continue
        current = None
        if not text:
            continue
        if paragraph.level == 1:
            pocket, block, hat, block_claim = text, "", None, None
        elif paragraph.level == 2:
            claims.append(_Claim(text, span, _names(pocket), []))
            hat, block, block_claim = len(claims) - 1, "", None
            current = claims[-1].body
        elif paragraph.level == 3:
            block, block_claim = text, None
        else:
            parent = hat if hat is not None else block_claim
            if parent is None and block:
                claims.append(_Claim(block, span, _names(pocket), []))
                parent = block_claim = len(claims) - 1
            tag = _Tag(text, span, _names(pocket, block if hat is not None else ""),
                       [], -1 if parent is None else parent)
            tags.append(tag)
            current = tag.body
    return claims, tags, question


def _names(*names: str) -> tuple[str, ...]:
    return tuple(n for n in names if n)


def _build(claims: list[_Claim], tags: list[_Tag], question: str, file: str,
           default_id: str | None) -> ArgumentMap:
    sources: dict[str, Source] = {}
    by_cite: dict[str, str] = {}
    seen: dict[tuple[str, str], str] = {}  # (tag, card) -> the id of its statement
    pros: list[list[Statement]] = [[] for _ in claims]
    roots: list[Statement | _Claim] = list(claims)
    ids: set[str] = set()
    for tag in tags:
        cites, note = _card(tag.body, tag.span, sources, by_cite)
        key = (" ".join(tag.text.split()).casefold(),
               repr([(c.source, c.quote, c.locator) for c in cites]) + repr(note))
        under = tag.parent >= 0
        index = len(pros[tag.parent]) + 1 if under else len(roots) + 1
        path = f"c{tag.parent + 1}.pro{index}" if under else f"c{index}"
        if key in seen and under:
            pros[tag.parent].append(Statement(path, Relation.PRO, tag.span, ref=seen[key]))
            continue
        statement = Statement(path, Relation.PRO if under else Relation.CLAIM, tag.span,
                              tag.text, cites=cites, tags=tag.tags, note=note)
        if under:
            ident = _unique(slugify(tag.text[:40]).strip("-.") or "card", ids)
            seen[key] = ident
            statement = statement._replace(id=ident)
            pros[tag.parent].append(statement)
        else:
            roots.append(statement)
    built = []
    for n, root in enumerate(roots, 1):
        if isinstance(root, _Claim):
            cites, note = _card(root.body, root.span, sources, by_cite)
            built.append(Statement(f"c{n}", Relation.CLAIM, root.span, root.text, cites=cites,
                                   pro=tuple(pros[n - 1]), tags=root.tags, note=note))
        else:
            built.append(root._replace(path=f"c{n}"))
    used = _used_ids(built)
    built = [_drop_unused_ids(s, used) for s in built]
    return ArgumentMap(default_id or slugify(file_stem(file)), question, Span(file, 1, 1),
                       tuple(built), sources=sources, version="1.2")


def _card(body: list[Paragraph], span: Span, sources: dict[str, Source],
          by_cite: dict[str, str]) -> tuple[tuple[Citation, ...], str | None]:
    """A tag's citations (each a cite line and its card text), or the note of an analytic.

    Each paragraph that opens with a run in the Cite style starts a card (argmap's brief
    writes a statement's citations so); what stands above the first is a remark on the
    tag, kept as its ``note`` (a real file has ``*HR leadership internal`` there). A file
    without the Cite style has one card a tag, its first paragraph the cite line."""
    if not body:
        return (), None
    if len(body) == 1 and not body[0].cite_runs:
        return (), " ".join(body[0].text.split())
    first = next((n for n, p in enumerate(body) if p.opens_cite), 0)
    note = " ".join(" ".join(p.text.split()) for p in body[:first]) or None
    groups: list[list[Paragraph]] = []
    for n, paragraph in enumerate(body[first:]):
        if n == 0 or paragraph.opens_cite:
            groups.append([])
        groups[-1].append(paragraph)
    return tuple(_citation(group, span, sources, by_cite) for group in groups), note


def _citation(group: list[Paragraph], span: Span, sources: dict[str, Source],
              by_cite: dict[str, str]) -> Citation:
    cite_text = " ".join(group[0].text.split())
    source_id = by_cite.get(cite_text)
    parsed = parse_cite(cite_text, group[0].cite_runs)
    if source_id is None:
        source_id = _unique(slugify(parsed.short or cite_text[:30]).strip("-.") or "source",
                            set(sources))
        by_cite[cite_text] = source_id
        sources[source_id] = _source(source_id, parsed, cite_text, span)
    runs: list[Run] = []
    for paragraph in group[1:]:
        if runs:
            runs.append(Run("\n"))
        runs.extend(paragraph.runs)
    return Citation(source_id, span, write(_tidy(runs)) or None, parsed.locator)


def _tidy(runs: list[Run]) -> list[Run]:
    """Runs with white space single and unmarked at the edges of marks, so markers hug words
    (``==the tax==`` rather than ``== the tax ==``)."""
    out: list[Run] = []
    for run in runs:
        text = run.text if run.text == "\n" else " ".join(run.text.split(" "))
        if not run.marks or text == "\n":
            out.append(Run(text))
            continue
        core = text.strip()
        lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out += [Run(lead)] if lead else []
        out += [Run(core, run.marks)] if core else []
        out += [Run(trail)] if trail else []
    return out


def _source(source_id: str, cite: object, text: str, span: Span) -> Source:
    from argmap.readers.cites import Cite

    assert isinstance(cite, Cite)
    title = cite.title or cite.short or text[:80]
    source = Source(source_id, title, span, cite.author, cite.publisher, cite.date, cite.url,
                    cite.accessed, None, text if cite.whole else None, cite.quals)
    if cite.short and short_cite(source) != cite.short:
        source = source._replace(short=cite.short)
    return source


def _unique(base: str, taken: set[str]) -> str:
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    taken.add(name)
    return name


def _used_ids(claims: list[Statement]) -> set[str]:
    return {p.ref for c in claims for p in c.pro if p.ref is not None}


def _drop_unused_ids(claim: Statement, used: set[str]) -> Statement:
    """Ids only where a ref needs them: an imported map reads as its cards, not as slugs."""
    if not claim.pro:
        return claim
    return claim._replace(pro=tuple(p if p.id is None or p.id in used else p._replace(id=None)
                                    for p in claim.pro))
