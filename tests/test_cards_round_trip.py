"""``brief -f docx`` then ``import`` gives back the same cards: tags, cites and marks.

A property over generated maps (hypothesis): every statement that cites something comes
back, under its text, with the same sources (authors, qualifications, title, publisher,
date, URL, accessed date, short cite), locators and marked quotes.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis.evaluate import evaluate
from argmap.brief import build_brief, render_brief
from argmap.graph import build_graph
from argmap.markup import EMPHASIS, HIGHLIGHT, UNDERLINE, Run, parse, write
from argmap.model import ArgumentMap, Citation, Relation, Source, Span, Statement, short_cite
from argmap.readers.verbatim import read_bytes

SPAN = Span("gen.yaml", 1, 1)
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
NAME = st.builds(lambda a, b: f"{a.title()} {b.title()}", WORD, WORD)
PHRASE = st.lists(WORD, min_size=1, max_size=5).map(" ".join)
DATE = st.dates(min_value=__import__("datetime").date(1950, 1, 1)).map(lambda d: d.isoformat())
MARKS = st.frozensets(st.sampled_from([HIGHLIGHT, UNDERLINE, EMPHASIS]))


@st.composite
def sources(draw: st.DrawFn, n: int) -> Source:
    authors = tuple(draw(st.lists(NAME, max_size=3, unique=True)))
    return Source(
        f"s{n}", draw(PHRASE).capitalize(), SPAN, authors,
        publisher=draw(st.none() | PHRASE.map(str.title)), date=draw(st.none() | DATE),
        url=draw(st.none() | WORD.map(lambda w: f"https://example.org/{w}")),
        accessed=draw(st.none() | DATE),
        quals=draw(st.none() | PHRASE) if authors else None,
        short=draw(st.none() | st.builds(lambda w, y: f"{w.title()} {y:02d}", WORD,
                                         st.integers(0, 99))))


@st.composite
def quotes(draw: st.DrawFn) -> str | None:
    runs = draw(st.lists(st.builds(Run, PHRASE, MARKS), max_size=5))
    # marked text hugs its words, as the import writes it: spaces between runs are unmarked
    spaced = [piece for i, run in enumerate(runs)
              for piece in ([Run(" ")] if i else []) + [run]]
    return write(spaced) or None


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    found = [draw(sources(n)) for n in range(draw(st.integers(1, 3)))]
    counter = iter(range(1000))

    def statement(path: str, relation: Relation) -> Statement:
        cites = tuple(Citation(draw(st.sampled_from(found)).id, SPAN, draw(quotes()),
                               draw(st.none() | st.integers(1, 400).map(lambda p: f"p. {p}")))
                      for _ in range(draw(st.integers(0, 2))))
        return Statement(path, relation, SPAN, f"Statement {next(counter)} {draw(PHRASE)}.",
                         cites=cites)

    claims = []
    for c in range(1, draw(st.integers(1, 3)) + 1):
        claim = statement(f"c{c}", Relation.CLAIM)
        pros = tuple(statement(f"c{c}.pro{p}", Relation.PRO)
                     for p in range(1, draw(st.integers(0, 3)) + 1))
        claims.append(claim._replace(pro=pros, id=f"claim-{c}"))
    return ArgumentMap("gen", "Will it pass?", SPAN, tuple(claims),
                       sources={s.id: s for s in found}, version="1.2")


def cards(m: ArgumentMap) -> dict[str, list[tuple[object, ...]]]:
    """Statement text -> what each of its citations says, as a debater reads it."""
    out: dict[str, list[tuple[object, ...]]] = {}
    for s in m.walk():
        if s.ref is None and s.cites:
            out[s.text] = [_card(m.sources[c.source], c) for c in s.cites]
    return out


def _card(source: Source, citation: Citation) -> tuple[object, ...]:
    return (short_cite(source), source.author, source.quals, source.title, source.publisher,
            source.date, source.url, source.accessed, citation.locator,
            _verbatim(parse(citation.quote)) if citation.quote else None)


def _verbatim(runs: list[Run]) -> list[Run]:
    """Runs as a Word file can hold them: one character style a run, and Verbatim's
    Emphasis is underlined already, so emphasised-and-underlined reads back emphasised."""
    out: list[Run] = []
    for run in runs:
        marks = run.marks - {UNDERLINE} if EMPHASIS in run.marks else run.marks
        if out and out[-1].marks == marks:
            out[-1] = Run(out[-1].text + run.text, marks)
        else:
            out.append(Run(run.text, marks))
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps())
def test_brief_docx_then_import_gives_back_the_cards(m: ArgumentMap) -> None:
    evaluation = evaluate(build_graph(m))
    brief = build_brief(evaluation, [m.claims[0].address])  # the others: their case
    result = read_bytes(render_brief(brief, "docx"), "brief.docx")
    assert [d for d in result.diagnostics if d.severity.value == "error"] == []
    back = result.maps[0]
    assert back.question == m.question
    assert cards(back) == cards(m)
    assert all(s.note is None for s in back.sources.values())  # every cite was placed
