"""Kialo text: goldens, and a reader of Kialo's format finds the same tree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given

from argmap.exporters import ExportOptions
from argmap.exporters.kialo import UNDERCUT, escape
from argmap.graph import build_graph, walk
from argmap.model import Relation, single_spaced
from argmap.view import ViewOptions
from tests.conftest import Golden
from tests.exporting import EXPORT_MAPS, export, golden_name, load_all
from tests.test_properties import TEXT

LINE = re.compile(r"(?P<number>(?:[0-9]+\.)+) (?:(?P<label>Pro|Con): )?(?P<body>.*)\Z")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def read(text: str) -> tuple[str, list[tuple[str, str | None, str]]]:
    """Kialo's discussion text as (title, [(number, label, body)]), checking its shape."""
    lines = text.split("\n")
    assert lines[0].startswith("Discussion Title: ") and lines[1] == "" and lines[-1] == ""
    rows = []
    for line in lines[2:-1]:
        match = LINE.match(line)
        assert match, line
        rows.append((match["number"], match["label"], match["body"]))
    numbers = [n for n, _, _ in rows]
    assert numbers[0] == "1." and len(set(numbers)) == len(numbers)
    for number in numbers[1:]:
        assert number.rsplit(".", 2)[0] + "." in numbers  # its parent is there
    for _, _, body in rows:
        if body.startswith("-> See "):
            assert body[len("-> See "):] in numbers
    return lines[0][len("Discussion Title: "):], rows


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_golden_and_reads_back(path: Path, golden: Golden,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        text = export("kialo", m)
        golden(golden_name("kialo", path, m, ".txt"), text)
        title, rows = read(text)
        assert unescape(title) == single_spaced(m.question)
        graph = build_graph(m)
        if any(link.linked for link in graph.links):
            continue  # one row per linked argument: test_linked_arguments_are_joined_rows
        visits = walk(graph)
        several = len(graph.roots) > 1
        assert len(rows) == len(visits) + several
        for visit, (_, label, body) in zip(visits, rows[several:], strict=True):
            relation = visit.link.relation if visit.link and visit.depth else None
            expected = {Relation.PRO: "Pro", Relation.CON: "Con", Relation.UNDERCUT: "Con",
                        None: "Pro" if several else None}[relation]
            assert label == expected
            if relation is Relation.UNDERCUT:
                assert body.startswith(UNDERCUT)
                body = body[len(UNDERCUT):]
            if visit.expanded:
                assert unescape(body).startswith(single_spaced(graph.statements[visit.key].text))
            else:
                assert body.startswith("-> See ")


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_cuts_read_back(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        views = [ViewOptions(depth=1), ViewOptions(side=Relation.CON)]
        views += [ViewOptions(focus=s.address, depth=2) for s in m.walk()
                  if s.ref is None and not s.linked]
        for view in views:
            read(export("kialo", m, view))


def test_ref_to_a_statement_cut_away_is_written_once(monkeypatch: pytest.MonkeyPatch) -> None:
    (m,) = load_all(Path("tests/fixtures/valid/full.yaml"), monkeypatch)
    text = export("kialo", m, ViewOptions(focus="cost"))
    assert text == ("Discussion Title: Should the city replace its bus fleet with electric "
                    "buses?\n\n1. Running costs are lower over the bus's life.\n"
                    "1.1. Con: The upfront price is nearly twice a diesel bus.\n")


@given(TEXT)
def test_escape_keeps_one_line_that_reads_back(text: str) -> None:
    escaped = escape(text)
    assert "\n" not in escaped and unescape(escaped) == single_spaced(text)


def test_a_text_like_a_pointer_is_escaped() -> None:
    assert escape("-> See 1.2.") == "-\\> See 1.2."
    assert escape("a -> b (c)") == "a -> b \\(c\\)"


LINKED_KIALO = """\
Discussion Title: Should the city centre be closed to private cars?

1. Should the city centre be closed to private cars?
1.1. Pro: Close the centre to private cars.
1.1.1. Pro: [Together] Most displaced car trips vanish rather than move. [and] Transit has \
spare capacity at peak hours.
1.1.1.1. Con: [Premise 1] Some trips just move to the ring road.
1.1.1.2. Con: [Undercut] Evaporation studies measured small schemes, not whole centres.
1.1.2. Pro: Cleaner air at street level.
1.1.3. Pro: Transit has spare capacity at peak hours.
1.1.4. Con: [Together] Shops in the centre depend on car-borne customers. [and] Those \
customers will not switch to transit.
1.1.4.1. Pro: [Premise 2] [Together] Most of them live outside the transit network. [and] \
They carry heavy purchases.
1.2. Pro: Charge a congestion toll instead.
1.2.1. Pro: [Together] Most displaced car trips vanish rather than move. [and] Transit has \
spare capacity at peak hours.
"""


def test_linked_arguments_are_joined_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    (m,) = load_all(Path("tests/fixtures/valid/linked.yaml"), monkeypatch)
    warnings: list[tuple[str, str]] = []
    text = export("kialo", m, options=ExportOptions(warn=lambda *w: warnings.append(w)))
    assert text == LINKED_KIALO
    read(text)
    # trips-vanish and transit-capacity are refs, or ref-ed, in two linked arguments each
    assert warnings == [("linked", "kialo: 4 premises of linked arguments also stand elsewhere "
                         "(ref); Kialo cannot point into a [Together] item, so each is "
                         "written out again and reads back as a statement of its own")]


def test_user_brackets_never_read_as_the_marks() -> None:
    assert escape("[Together] a [and] b") == "\\[Together\\] a \\[and\\] b"
    assert escape("[Premise 1] x") == "\\[Premise 1\\] x"


def test_no_warning_without_shared_premises(monkeypatch: pytest.MonkeyPatch) -> None:
    (m,) = load_all(Path("tests/fixtures/valid/linked.yaml"), monkeypatch)
    warnings: list[tuple[str, str]] = []
    export("kialo", m, ViewOptions(focus="c1.con1.2"),
           ExportOptions(warn=lambda *w: warnings.append(w)))
    assert warnings == []


def test_an_undercut_that_is_a_ref_reads_back_as_a_ref() -> None:
    # `Con: [Undercut] -> See 1.2.1.` was read as an undercut whose text was "-> See 1.2.1."
    from argmap.readers import read_bytes
    from argmap.readers.yaml.load import load_text

    text = ("question: Q?\nclaims:\n  - text: Claim A.\n    pro:\n      - text: Premise P.\n"
            "        undercut:\n          - ref: shared\n  - text: Claim B.\n    pro:\n"
            "      - id: shared\n        text: Shared doubt.\n")
    exported = export("kialo", load_text(text, "u.yaml").maps[0])
    assert "1.1.1.1. Con: [Undercut] -> See 1.2.1." in exported
    back = read_bytes(exported.encode(), "u.txt", "kialo").maps[0]
    cut = back.claims[0].pro[0].undercut[0]
    assert (cut.ref, cut.text) == ("shared-doubt", "")
