"""Cite lines taken apart: argmap's own shape exactly, debaters' shapes as far as they go."""

from __future__ import annotations

import pytest

from argmap.brief.cards import cite_text
from argmap.model import Source, Span
from argmap.readers.cites import Cite, parse_cite, parse_date

MURRAY = Source("murray-15", "The Tax Will Fail", Span("m", 1, 1), ("Jane Murray", "Bob Rivers"),
                "Brookings", "2015-05-01", "https://example.org/tax", "2024-01-02",
                quals="Professors of Economics, MIT")


def test_the_brief_writes_the_cite_line_debaters_write() -> None:
    assert cite_text("murray-15", MURRAY, "p. 12") == (
        "Murray & Rivers 15 (Jane Murray & Bob Rivers, Professors of Economics, MIT; “The Tax "
        "Will Fail”; Brookings; 2015-05-01; https://example.org/tax; accessed 2024-01-02) "
        "p. 12")


def test_argmaps_own_cite_line_reads_back_exactly() -> None:
    assert parse_cite(cite_text("murray-15", MURRAY, "p. 12"), ["Murray & Rivers 15"]) == Cite(
        "Murray & Rivers 15", ("Jane Murray", "Bob Rivers"), "Professors of Economics, MIT",
        "The Tax Will Fail", "Brookings", "2015-05-01", "https://example.org/tax",
        "2024-01-02", "p. 12", whole=False)


@pytest.mark.parametrize(("line", "cite"), [
    # the shapes of the real file in tests/corpus/verbatim
    ('Larison, 5-2-2019 - Daniel, PhD in history from the University of Chicago; "The '
     'Disgraceful Case for Increasing U.S. Support for the War on Yemen," American '
     'Conservative, https://www.theamericanconservative.com/larison/x/',
     Cite("Larison, 5-2-2019", ("Daniel Larison",), "PhD in history from the University of "
          "Chicago", "The Disgraceful Case for Increasing U.S. Support for the War on Yemen",
          "American Conservative", "2019-05-02",
          "https://www.theamericanconservative.com/larison/x/")),
    ("Kessler, 8—Oliver; April 2008; PhD in IR; (Alternatives, Vol. 33, “From Insecurity to "
     "Uncertainty” p. 211-232, //GrRv)",
     Cite("Kessler, 8", ("Oliver Kessler",), "PhD in IR, (Alternatives, Vol. 33",
          "From Insecurity to Uncertainty",
          "p. 211-232", "2008-04", whole=True)),
    ("Smith 2020", Cite("Smith 2020", date="2020", whole=True)),
    ("no short cite at all, just words", Cite(None, ("no short cite at all",),
                                            "just words", whole=True)),
])
def test_debaters_cites_are_read_as_far_as_they_go(line: str, cite: Cite) -> None:
    assert parse_cite(line) == cite


@pytest.mark.parametrize(("text", "date"), [
    ("2015", "2015"), ("2015-05", "2015-05"), ("2015-05-01", "2015-05-01"),
    ("5-14-2019", "2019-05-14"), ("5/14/19", "2019-05-14"), ("May 14, 2019", "2019-05-14"),
    ("14 May 2019", "2019-05-14"), ("April 2008", "2008-04"), ("2-30-2019", None),
    ("13/1/2019", None), ("yesterday", None), ("5/14/87", "1987-05-14"),
])
def test_dates_in_the_ways_cites_write_them(text: str, date: str | None) -> None:
    assert parse_date(text) == date
