"""The Argdown import keeps what the author wrote, and nothing the author did not (issue 19).

Each test reads a real file of Argdown's own (tests/corpus/argdown, from
argdown-core's tests) or a file of argmap's in the shape of one that cannot be
committed (``doom-shape.argdown``: Argdown's Populism example;
``rejected/ligatures.argdown``: ArgVu's demo). tests/test_import_argdown.py
compares every corpus file with the Argdown CLI's JSON as a whole.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.graph import build_graph
from argmap.model import ArgumentMap, Relation
from argmap.readers import READERS, ReadResult
from argmap.rules.debate import run_debate_rules
from tests.conftest import TESTS
from tests.reference_tools import npm_tool

CORPUS = TESTS / "corpus" / "argdown"


def read(name: str) -> ReadResult:
    path = CORPUS / name
    return READERS["argdown"].read(path.read_text(encoding="utf-8"), str(path))


def the_map(name: str) -> ArgumentMap:
    result = read(name)
    assert [d for d in result.diagnostics if d.severity.value == "error"] == []
    (m,) = result.maps
    return m


def links(m: ArgumentMap) -> Counter[tuple[str, str, str]]:
    """(premise text, relation, target text) of every link of one premise."""
    g = build_graph(m)
    text = {key: s.text for key, s in g.statements.items()}
    return Counter((text[link.premises[0]], link.relation.value, text[link.target])
                   for link in g.links
                   if not link.linked and link.relation is not Relation.UNDERCUT)


def test_an_argument_listed_under_its_own_conclusion_is_no_self_support() -> None:
    # "+ <Debt>" under [Doom], where Debt concludes "Society is doomed…": no pro doom→doom
    m = the_map("doom-shape.argdown")
    doom = "Society is doomed and must be saved."
    assert links(m)[(doom, "pro", doom)] == 0
    assert run_debate_rules(m, {"self-support"}) == []
    (argument,) = [s for s in m.walk() if s.id == "debt"]  # the argument itself stays
    assert argument.premises[0].text.startswith("Public debt doubled")


def test_a_relation_said_twice_is_one_link() -> None:
    # "(1) [Debt Load] +> [Power]" and "[Power] + [Debt Load]": Argdown has one relation
    m = the_map("doom-shape.argdown")
    found = links(m)
    assert found[("Public debt doubled in ten years (audit office).", "pro",
                  "The reformers must come to power.")] == 1
    assert max(found.values()) == 1


def test_a_link_becomes_a_source_and_a_citation() -> None:
    m = the_map("doom-shape.argdown")
    (debt,) = [s for s in m.walk() if s.id == "debt-load"]
    assert [c.source for c in debt.cites] == ["audit-office"]
    source = m.sources["audit-office"]
    assert (source.title, source.url) == ("(audit office)", "https://example.org/audit-2024")


def test_a_link_on_a_wrapped_line_is_the_premise_s_evidence() -> None:
    # vargmark's shape: the source's link on its own line below the premise's text
    result = read("evidence-shape.argdown")
    (m,) = result.maps
    (drop,) = [s for s in m.walk() if s.id == "london-drop"]
    assert [c.source for c in drop.cites] == ["transport-for-london-2004"]
    assert m.sources["transport-for-london-2004"].url == "https://example.org/tfl-2004"
    assert result.dropped["links whose address is no http(s) URL"] == 1  # the local file
    assert "cluster-charge" not in {t for s in m.walk() for t in s.tags}  # an argument's tag
    assert "<London Evidence>" not in {s.text for s in m.walk()}  # "<Title> #tag": no text


def test_a_link_in_an_argument_s_description_is_kept_or_counted() -> None:
    # a reconstructed argument is its structure: its description is a note (which
    # cites nothing) or, with one premise, left out; its link must not be lost
    text = ("# Q\n\n[C]: Claim.\n  + <A>: described with [a link](https://e.org/a).\n\n"
            "<A>\n\n(1) P one.\n(2) P two.\n----\n(3) [C]\n\n"
            "<B>: one premise [b](https://e.org/b).\n\n(1) Q one.\n----\n(2) [C]\n")
    result = READERS["argdown"].read(text, "d.argdown")
    (m,) = result.maps
    assert m.claims[0].pro[0].note == "described with a link (https://e.org/a)."
    assert m.sources == {}  # no source that nothing cites
    assert result.dropped[
        "links in descriptions of reconstructed arguments with one premise"] == 1


def test_a_link_with_no_url_is_counted() -> None:
    result = READERS["argdown"].read("[A]: see [the site](www.example.org).\n  + B\n", "l.argdown")
    assert result.dropped["links whose address is no http(s) URL"] == 1
    (m,) = result.maps
    assert m.sources == {}


def test_the_last_definition_of_a_title_is_its_text() -> None:
    # Argdown's canonical member (argdown-core model.ts, getCanonicalMember)
    m = the_map("doc-equivalence-class.argdown")
    assert [s.text for s in m.claims] == ["The lowest positive integer is 1."]
    result = read("doc-equivalence-class.argdown")
    assert result.dropped[
        "further texts of a title defined twice (the last is kept, as in Argdown)"] == 5


def test_is_canonical_data_picks_the_text() -> None:
    text = "[T]: First. {isCanonical: true}\n\n[T]: Second.\n  + Why.\n"
    (m,) = READERS["argdown"].read(text, "c.argdown").maps
    assert [s.text for s in m.claims] == ["First."]


def test_a_hard_wrapped_heading_is_one_heading_not_claims() -> None:
    m = the_map("semmelweis_betz.argdown")
    texts = {s.text for s in m.walk()}
    assert not [t for t in texts if "Inferential Relations" in t or t.startswith("@[")]
    assert m.question == ("A Stylized Reconstruction of the Scientific Debate That led "
                          "Ignaz Semmelweis to Understand Childbed Fever")


def test_parser_mix_indentation_and_ordered_lists() -> None:
    m = the_map("parser-mix.argdown")
    found = links(m)
    assert found[("G", "con", "A")] == 0  # "A -> G": A attacks G (argmap: G has con A)
    g = build_graph(m)
    by_text = {s.text: key for key, s in g.statements.items()}
    attacked_by_a = {g.statements[link.target].text for link in g.links
                     if by_text["A"] in link.premises and link.relation is Relation.CON}
    assert "G" in attacked_by_a and "C" not in {
        g.statements[link.target].text for link in g.links
        if by_text["G"] in link.premises}
    assert ("Some crazy stuff", "pro", "Second item") in found  # "2. Second item" is one
    assert "1. First item 2. Second item" not in {s.text for s in m.walk()}


def test_headings_become_tags_and_no_group_heading_is_none() -> None:
    m = the_map("semmelweis_betz.argdown")
    tags = {t for s in m.walk() for t in s.tags}
    assert {"Three Rival Hypotheses", "Evidence"} <= tags
    assert "Arguments and Further Theses" not in tags  # {isGroup: false}
    assert not [t for t in tags if t.startswith("Inferential")]


def test_prose_paragraphs_are_the_context_not_claims() -> None:
    m = the_map("doom-shape.argdown")
    assert m.context is not None
    assert m.context.split("\n\n") == [
        "This reconstruction follows a party platform; a commented version is here "
        "(https://example.org/commented-reconstruction).",
        "The core argument first.", "What follows supports @[Doom]."]
    assert [c.text for c in m.claims] == ["The reformers must come to power."]


def test_a_file_of_prose_alone_keeps_it_as_claims() -> None:
    m = the_map("doc-statements.argdown")
    assert m.context is None and len(m.claims) == 8


REJECTED = CORPUS / "rejected" / "ligatures.argdown"
_AT = re.compile(r"At (\d+):(\d+)")


def test_a_file_argdown_rejects_is_rejected_where_argdown_says(tmp_path: Path) -> None:
    argdown = npm_tool("node_modules/.bin/argdown")
    done = subprocess.run([str(argdown), "json", str(REJECTED), str(tmp_path)],
                          capture_output=True, text=True, timeout=120, check=False)
    theirs = [(int(a), int(b)) for a, b in _AT.findall(done.stdout + done.stderr)]
    assert "canceled" in done.stdout + done.stderr and len(theirs) == 2
    result = CliRunner().invoke(app, ["import", str(REJECTED), "-o", str(tmp_path / "o.yaml")])
    assert result.exit_code == 1
    ours = re.findall(r"ligatures\.argdown:(\d+):(\d+): error: .*\[argdown-syntax\]",
                      result.output)
    assert [(int(a), int(b)) for a, b in ours] == theirs
    assert not (tmp_path / "o.yaml").exists()


@pytest.mark.parametrize("text", [
    "(1) <A>: an argument as a premise\n(2) B\n----\n(3) C\n",
    "[A]: a\n  >< <B>: an argument contradicted\n",
])
def test_an_argument_where_a_statement_must_stand_is_an_error(text: str) -> None:
    result = READERS["argdown"].read(text, "e.argdown")
    assert result.maps == []
    assert [d.code for d in result.diagnostics] == ["argdown-syntax"]


def test_every_count_of_the_argdown_reader_is_documented() -> None:
    from argmap.readers import argdown, argdown_finish, argdown_sections, argdown_state
    from argmap.readers.same_text import SAME_TEXT

    docs = (TESTS.parent / "docs" / "imports.md").read_text(encoding="utf-8")
    names = [argdown.RULES, argdown.PROSE_TAGS, argdown_state.TWICE, argdown_state.NO_URL,
             argdown_sections.HEADING_LINKS, argdown_finish.ONE_PREMISE,
             argdown_finish.ONE_PREMISE_LINKS, SAME_TEXT,
             "undercuts of an argument that supports nothing, read as con"]
    assert [n for n in names if f"`{n}`" not in docs] == []
