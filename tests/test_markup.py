"""Quote markup (format 1.2 "Cards"): the parser, its inverse, and the loader's located errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.api import loads
from argmap.markup import EMPHASIS, HIGHLIGHT, UNDERLINE, MarkupError, Run, parse, plain, write
from argmap.model import Source, Span, short_cite

H, U, E = frozenset({HIGHLIGHT}), frozenset({UNDERLINE}), frozenset({EMPHASIS})


@pytest.mark.parametrize(("text", "runs"), [
    ("plain text", [Run("plain text")]),
    ("a ==b== c", [Run("a "), Run("b", H), Run(" c")]),
    ("==__read__== aloud", [Run("read", H | U), Run(" aloud")]),
    ("**x** __y__", [Run("x", E), Run(" "), Run("y", U)]),
    ("==a __b__ c==", [Run("a ", H), Run("b", H | U), Run(" c", H)]),
    (r"2\*\*3 and a \=\= b", [Run("2**3 and a == b")]),
    ("snake_case, 2*3, a=b", [Run("snake_case, 2*3, a=b")]),
    (r"C:\path and \\==x==", [Run("C:\\path and \\"), Run("x", H)]),
    ("==a====b==", [Run("ab", H)]),
])
def test_parse(text: str, runs: list[Run]) -> None:
    assert parse(text) == runs


@pytest.mark.parametrize(("text", "offset", "message"), [
    ("The ==tax will fail", 4, "`==` opens highlight that is never closed; close it, or "
     "write \\= for a literal '='"),
    ("==a __b== c__", 7, "`==` closes highlight across the underline opened inside it; close "
     "`__` first (markers nest, never cross)"),
    ("**a ==b** c==", 7, "`**` closes emphasis across the highlight opened inside it; close "
     "`==` first (markers nest, never cross)"),
    ("ok ==fine== __open", 12, "`__` opens underline that is never closed; close it, or write "
     "\\_ for a literal '_'"),
])
def test_broken_markup_says_where(text: str, offset: int, message: str) -> None:
    with pytest.raises(MarkupError) as caught:
        parse(text)
    assert (caught.value.offset, caught.value.message) == (offset, message)
    assert plain(text) == text  # printed as written rather than guessed at


_MARKS = st.frozensets(st.sampled_from([HIGHLIGHT, UNDERLINE, EMPHASIS]))
_RUNS = st.lists(st.builds(Run, st.text(alphabet="ab =_*\\\n", max_size=8), _MARKS),
                 max_size=8)


def _normal(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].marks == run.marks:
            out[-1] = Run(out[-1].text + run.text, run.marks)
        else:
            out.append(run)
    return out


@given(_RUNS)
def test_write_is_the_inverse_of_parse(runs: list[Run]) -> None:
    assert parse(write(runs)) == _normal(runs)


@given(st.text(alphabet="ab =_*\\", max_size=30))
def test_any_text_parses_or_says_where(text: str) -> None:
    try:
        runs = parse(text)
    except MarkupError as broken:
        assert text[broken.offset:broken.offset + 2] == broken.marker
    else:
        assert "".join(r.text for r in runs) == plain(text)


MAP = ("argmap: {version}\nquestion: Q?\nclaims:\n  - text: A\n    cites:\n"
       "      - source: s\n        quote: {quote}\nsources:\n  s:\n    title: T\n")


@pytest.mark.parametrize(("quote", "line", "column"), [
    ("plain ==open", 7, 22),
    ("'single ==open'", 7, 24),
    ('"double \\t ==open"', 7, 27),  # the escape is two characters in the file, one in the text
    ("'it''s ==open'", 7, 23),
    ("|-\n          first line\n          second ==open", 9, 18),
    (">-\n          a ==b __c==\n          d__", 8, 20),
])
def test_the_loader_places_a_broken_marker_exactly(quote: str, line: int, column: int) -> None:
    report = loads(MAP.format(version="1.2", quote=quote), name="m.yaml")
    found = [(d.code, d.span.line, d.span.column) for d in report.diagnostics]
    assert found == [("quote-markup", line, column)]


def test_older_maps_read_the_characters_as_written() -> None:
    report = loads(MAP.format(version="1.1", quote="plain ==open **and __ all"), name="m.yaml")
    assert report.diagnostics == []
    assert report.maps[0].claims[0].cites[0].quote == "plain ==open **and __ all"


@pytest.mark.parametrize(("authors", "date", "short"), [
    (("Jane Murray", "Bob Rivers"), "2015-05-01", "Murray & Rivers 15"),
    (("Murray, Jane",), "2015", "Murray 15"),
    (("A. Researcher", "B. Analyst", "C. Third"), "2024-05", "Researcher et al. 24"),
    (("Congressional Budget Office",), "2013", "Congressional Budget Office 13"),
    ((), "2020", "The Tax Will Fail 20"),
    (("Plato",), None, "Plato"),
])
def test_default_short_cite(authors: tuple[str, ...], date: str | None, short: str) -> None:
    source = Source("s", "The Tax Will Fail", Span("m", 1, 1), authors, date=date)
    assert short_cite(source) == short
    assert short_cite(source._replace(short="Murray and co 15")) == "Murray and co 15"
