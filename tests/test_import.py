"""Reading Kialo and AIF files: detection, the readers, round trips and ``argmap import``."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.exporters import EXPORTERS, ExportOptions
from argmap.graph import build_graph
from argmap.model import ArgumentMap, Relation, Span, Statement, single_spaced, text_key
from argmap.readers import READERS, ReadResult, detect, load_path
from argmap.rules.format import check
from tests.conftest import TESTS, VALID
from tests.test_properties import TEXT

ROOT = TESTS.parent
BUNDLED = sorted((ROOT / "maps").glob("*.yaml"))
CORPUS = TESTS / "corpus"
SPAN = Span("gen.yaml", 1, 1)


def read(name: str, text: str, file: str = "in.txt") -> ReadResult:
    return READERS[name].read(text, file)


Relation_ = tuple[tuple[str, ...], str, object]


def shape(m: ArgumentMap) -> tuple[list[str], list[tuple[Relation_, int]]]:
    """What Kialo and AIF both keep: claim texts and every relation, by texts."""
    g = build_graph(m)
    text = {k: single_spaced(s.text) for k, s in g.statements.items()}
    links = {link.key: link for link in g.links}

    def describe(key: str) -> Relation_:
        link = links[key]
        target: object = (describe(link.target) if link.relation is Relation.UNDERCUT
                          else text[link.target])
        return (tuple(text[p] for p in link.premises), link.relation.value, target)

    claims = sorted(text[k] for k in g.roots)
    return claims, sorted(Counter(describe(k) for k in links).items(), key=repr)


def through(m: ArgumentMap, fmt: str, file: str) -> ArgumentMap:
    out = EXPORTERS[fmt].export(build_graph(m), ExportOptions())
    assert isinstance(out, str)
    result = read(fmt, out, file)
    assert [d for d in result.diagnostics if d.severity.value == "error"] == [], out
    assert len(result.maps) == 1, out
    return result.maps[0]


def clean_maps() -> list[Path]:
    """Bundled maps and valid fixtures that check without errors."""
    found = []
    for path in BUNDLED + VALID:
        loaded = load_path(path)
        if len(loaded.maps) == 1 and not any(d.severity.value == "error"
                                             for d in loaded.diagnostics):
            found.append(path)
    return found


@pytest.mark.parametrize("fmt", ["kialo", "aif", "argdown"])
@pytest.mark.parametrize("path", clean_maps(), ids=lambda p: p.name)
def test_round_trip_keeps_what_the_format_holds(path: Path, fmt: str) -> None:
    original = load_path(path).maps[0]
    once = through(original, fmt, "map.txt")
    assert_same_shape(once, original, fmt)
    if fmt != "aif":
        assert once.question == single_spaced(original.question)
    twice = through(once, fmt, "map.txt")
    assert yaml_of(twice) == yaml_of(once)  # import -> export -> import: the identity
    assert [d for d in check(once) if d.severity.value == "error"] == []


def assert_same_shape(imported: ArgumentMap, original: ArgumentMap, fmt: str) -> None:
    """Every relation comes back; in AIF a claim that also supports another
    statement is a premise only (AIF's claims are what supports nothing)."""
    (claims, relations), (old_claims, old_relations) = shape(imported), shape(original)
    if fmt == "argdown":
        # An undercut argument is undercut in every place it supports, and an
        # undercut of a premise written elsewhere becomes a claim (counted in
        # the summary): compare supports and attacks, and that no text is lost.
        assert {r for r, _ in old_relations if r[1] != "undercut"} <= {r for r, _ in relations}
        assert texts(imported) == texts(original)
    else:
        assert relations == old_relations
    if fmt in ("aif", "argdown"):  # claims are what supports nothing
        assert set(claims) <= set(old_claims)
    else:
        assert claims == old_claims


def texts(m: ArgumentMap) -> set[str]:
    return {single_spaced(s.text) for s in m.walk() if s.ref is None}


def yaml_of(m: ArgumentMap) -> str:
    out = EXPORTERS["yaml"].export(build_graph(m), ExportOptions())
    assert isinstance(out, str)
    return out


@st.composite
def trees(draw: st.DrawFn, relation: Relation, path: str, depth: int,
          used: set[str]) -> Statement:
    kids: dict[str, tuple[Statement, ...]] = {}
    for rel in (Relation.PRO, Relation.CON, Relation.UNDERCUT):
        if rel is Relation.UNDERCUT and relation is Relation.CLAIM:
            continue
        count = draw(st.integers(0, 2 if depth < 3 else 0))
        kids[rel.value] = tuple(draw(trees(rel, f"{path}.{rel.value}{i}", depth + 1, used))
                                for i in range(1, count + 1))
    # one text per statement, as a map that passes `check --strict` has it: the
    # import merges statements with the same text (and counts them)
    text = draw(TEXT.filter(lambda t: text_key(t) not in used))
    used.add(text_key(text))
    return Statement(path, relation, SPAN, text, **kids)  # type: ignore[arg-type]


@st.composite
def tree_maps(draw: st.DrawFn) -> ArgumentMap:
    n = draw(st.integers(1, 3))
    used: set[str] = set()
    claims = tuple(draw(trees(Relation.CLAIM, f"c{i}", 1, used)) for i in range(1, n + 1))
    return ArgumentMap("gen", draw(TEXT), SPAN, claims)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree_maps(), st.sampled_from(["kialo", "aif", "argdown"]))
def test_generated_maps_round_trip(m: ArgumentMap, fmt: str) -> None:
    assert_round_trips(m, fmt)


def assert_round_trips(m: ArgumentMap, fmt: str) -> None:
    """Export, import: the same shape; and a second trip changes nothing."""
    if fmt == "kialo" and len(m.claims) == 1 and single_spaced(m.claims[0].text) == (
            single_spaced(m.question)):
        return  # a thesis that repeats the title is how Kialo writes several claims
    once = through(m, fmt, "gen.txt")
    assert_same_shape(once, m, fmt)
    assert yaml_of(through(once, fmt, "gen.txt")) == yaml_of(once)


@settings(max_examples=200)
@given(st.sampled_from(sorted(READERS)), st.text(max_size=300))
def test_arbitrary_text_never_raises(name: str, text: str) -> None:
    read(name, text)


@settings(max_examples=100)
@given(st.sampled_from(sorted(READERS)), st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(name: str, data: bytes) -> None:
    from argmap.readers import read_bytes

    read_bytes(data, "in", name)


KIALO_PREFIXES = st.sampled_from(["Discussion Title: Q\n\n", "Discussion Name: Q\n\n"])
KIALO_LINES = st.lists(st.sampled_from(["1. A", "1.1. Pro: B", "1.1. Con: C", "1.2. Con:",
                                        "1.1.1. Pro: -> See 1.", "-> See 1.1.", "Sources:",
                                        "[1] https://x.org", "text [1]", "1.3. Con: [Undercut] D",
                                        "  2.1. Pro: E", "", "\r"]), max_size=12)


@settings(max_examples=200)
@given(KIALO_PREFIXES, KIALO_LINES)
def test_kialo_like_text_never_raises(prefix: str, lines: list[str]) -> None:
    read("kialo", prefix + "\n".join(lines))


# -- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("x.argdown", b"[a]: b", "argdown"),
    ("x.txt", b"Discussion Title: Q\n1. A", "kialo"),
    ("x", b"\xef\xbb\xbfDiscussion Name: Q\n", "kialo"),
    ("x.json", b'{"nodes": [{"nodeID": "1"}], "edges": []}', "aif"),
    ("x.json", b'{"AIF": {"nodes": []}, "OVA": {}}', "aif"),
    ("x.json", b'{"argmap": 1, "maps": []}', None),
    ("x.yaml", b"Discussion Title: Q", None),
    ("x.txt", b"notes", None),
])
def test_detect(name: str, data: bytes, expected: str | None) -> None:
    assert detect(name, data) == expected


# -- Kialo ------------------------------------------------------------------------------

OUTLINE = ("Discussion Title: Should hate speech be illegal?\r\n\r\n"
           "1. Hate speech should be banned.\r\n"
           "1.1. Con: Better to challenge bad ideas. [A \\[draft\\] study](https://x.org/a)\r\n"
           "1.1.1. Pro: -> See 1.2.\r\n"
           "1.2. Pro: Words \\*can\\* hurt.\r\n"
           "1.2.1. Con: [Undercut] Hurt is not harm.")


def test_kialo_outline() -> None:
    result = read("kialo", OUTLINE, "d.txt")
    assert result.diagnostics == []
    (m,) = result.maps
    assert m.question == "Should hate speech be illegal?"
    (claim,) = m.claims
    (con,) = claim.con
    assert con.text == "Better to challenge bad ideas."
    assert m.sources["a-draft-study"].title == "A [draft] study"
    assert m.sources["a-draft-study"].url == "https://x.org/a"
    assert [c.source for c in con.cites] == ["a-draft-study"]
    assert con.pro[0].ref == "words-can-hurt"
    (pro,) = claim.pro
    assert (pro.id, pro.text, pro.span) == ("words-can-hurt", "Words *can* hurt.",
                                            Span("d.txt", 6, 1))
    assert pro.undercut[0].text == "Hurt is not harm."


def test_kialo_newer_format_with_sources() -> None:
    text = ("Discussion Name: Is tea better than coffee?\n\n1. Thesis:\nTea is better.\n"
            "  1.1. Con:\n  Coffee wakes you up [1].\n  1.2. Pro:\n  Tea has less caffeine [2]\n"
            "    1.2.1. Con:\n    -> See 1.1.\n\nSources:\n[1] https://example.org/coffee\n"
            "[2] A book about tea\n")
    (m,) = read("kialo", text).maps
    (claim,) = m.claims
    assert claim.text == "Tea is better."
    assert claim.con[0].text == "Coffee wakes you up."
    assert [c.source for c in claim.con[0].cites] == ["source-1"]
    assert m.sources["source-1"].url == "https://example.org/coffee"
    assert m.sources["source-2"].title == "A book about tea"
    assert claim.pro[0].con[0].ref == claim.con[0].id


def test_kialo_depth_25() -> None:
    lines = ["Discussion Title: Deep", "", "1. Level 1"]
    number = "1."
    for level in range(2, 26):
        number += "1."
        lines.append(f"{number} Pro: Level {level}")
    (m,) = read("kialo", "\n".join(lines)).maps
    assert sum(1 for _ in m.walk()) == 25


def test_kialo_see_nowhere_is_an_error() -> None:
    result = read("kialo", "Discussion Title: Q\n1. A\n1.1. Pro: -> See 1.9.\n", "d.txt")
    assert [str(d) for d in result.diagnostics] == [
        "d.txt:3:1: error: '-> See 1.9.' points at no statement [kialo-syntax]"]


def test_kialo_without_title_is_an_error() -> None:
    result = read("kialo", "1. A\n", "d.txt")
    assert [str(d) for d in result.diagnostics] == [
        "d.txt:1:1: error: not a Kialo export: the first line should be 'Discussion Title: …' "
        "or 'Discussion Name: …' [kialo-syntax]"]


def test_several_claims_come_back_from_the_question_thesis() -> None:
    text = "Discussion Title: Q\n\n1. Q\n1.1. Pro: A\n1.2. Pro: B\n1.2.1. Con: C\n"
    (m,) = read("kialo", text).maps
    assert [c.text for c in m.claims] == ["A", "B"]
    assert m.claims[1].con[0].text == "C"


# -- AIF --------------------------------------------------------------------------------

XAIF = {"AIF": {
    "nodes": [{"nodeID": 1, "text": "We should act", "type": "I"},
              {"nodeID": 2, "text": "It is cheap", "type": "I"},
              {"nodeID": 3, "text": "It is quick", "type": "I"},
              {"nodeID": 4, "text": "Default Inference", "type": "RA"},
              {"nodeID": 5, "text": "It is not cheap", "type": "I"},
              {"nodeID": 6, "text": "Default Conflict", "type": "CA"},
              {"nodeID": 7, "text": "Cheap is not a reason", "type": "I"},
              {"nodeID": 8, "text": "Default Conflict", "type": "CA"},
              {"nodeID": 9, "text": "Ann: it is cheap", "type": "L"},
              {"nodeID": 10, "text": "Asserting", "type": "YA"},
              {"nodeID": 11, "text": "A separate claim", "type": "I"}],
    "edges": [{"edgeID": 1, "fromID": 2, "toID": 4}, {"edgeID": 2, "fromID": 3, "toID": 4},
              {"edgeID": 3, "fromID": 4, "toID": 1}, {"edgeID": 4, "fromID": 5, "toID": 6},
              {"edgeID": 5, "fromID": 6, "toID": 2}, {"edgeID": 6, "fromID": 7, "toID": 8},
              {"edgeID": 7, "fromID": 8, "toID": 4}, {"edgeID": 8, "fromID": 9, "toID": 10},
              {"edgeID": 9, "fromID": 10, "toID": 2}],
    "locutions": [{"nodeID": 9, "personID": 1}, {"nodeID": 9, "personID": 1}],
    "participants": [{"participantID": 1, "firstname": "Ann", "surname": "Lee"}]},
    "OVA": {"firstname": "x"}}


def test_xaif() -> None:
    result = read("aif", json.dumps(XAIF), "corpus.json")
    (m,) = result.maps
    assert [c.text for c in m.claims] == ["We should act", "A separate claim"]
    (argument,) = m.claims[0].pro  # the RA-node with two premises: one linked argument
    cheap, quick = argument.premises
    assert (cheap.path, cheap.text, cheap.by, quick.text) == (
        "c1.pro1.1", "It is cheap", "Ann Lee", "It is quick")
    assert cheap.con[0].text == "It is not cheap"
    # the CA-node aimed at the RA-node attacks the argument as a whole, once
    assert [(u.path, u.text) for u in argument.undercut] == [
        ("c1.pro1.undercut1", "Cheap is not a reason")]
    assert cheap.undercut == quick.undercut == ()
    assert result.dropped == Counter({"locutions (L-nodes)": 1, "illocutions (YA-nodes)": 1})
    assert m.question == "corpus"


def test_aif_cycle_becomes_a_ref() -> None:
    doc = {"nodes": [{"nodeID": "a", "text": "A", "type": "I"},
                     {"nodeID": "b", "text": "B", "type": "I"},
                     {"nodeID": "r1", "text": "", "type": "RA"},
                     {"nodeID": "r2", "text": "", "type": "MA"}],
           "edges": [{"fromID": "a", "toID": "r1"}, {"fromID": "r1", "toID": "b"},
                     {"fromID": "b", "toID": "r2"}, {"fromID": "r2", "toID": "a"}]}
    result = read("aif", json.dumps(doc, separators=(",", ":")), "c.json")
    (m,) = result.maps
    (claim,) = m.claims
    assert claim.text == "A" and claim.pro[0].text == "B"
    assert claim.pro[0].pro[0].ref == claim.id
    assert result.dropped == Counter({"rephrases (MA-nodes) imported as pro": 1})


def test_aif_key_holding_metadata_leaves_the_graph_at_the_top() -> None:
    # As tests/corpus/aif/ostruct-generated-aifdb-like.json: "AIF" names the
    # analysis, and the nodes and edges sit beside it.
    doc = {"AIF": {"version": "1.0", "analyst": "x"},
           "nodes": [{"nodeID": "1", "text": "A", "type": "I"},
                     {"nodeID": "2", "text": "B", "type": "I"},
                     {"nodeID": "3", "text": "", "type": "RA"}],
           "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}]}
    result = read("aif", json.dumps(doc), "m.json")
    assert result.diagnostics == []
    (m,) = result.maps
    assert [(c.text, [p.text for p in c.pro]) for c in m.claims] == [("A", ["B"])]


def test_aif_edges_between_i_nodes_are_counted() -> None:
    # AIF joins I-nodes only through an RA-, CA- or MA-node; an edge straight
    # from one to another says neither pro nor con, so it is left out, counted.
    doc = {"nodes": [{"nodeID": "1", "text": "A", "type": "I"},
                     {"nodeID": "2", "text": "B", "type": "I"}],
           "edges": [{"fromID": "2", "toID": "1"}]}
    result = read("aif", json.dumps(doc), "e.json")
    (m,) = result.maps
    assert [c.text for c in m.claims] == ["A", "B"]
    assert result.dropped == Counter({
        "edges straight from one I-node to another (no RA-, CA- or MA-node)": 1})


def test_aif_bad_json_points_at_the_error() -> None:
    result = read("aif", '{"nodes": [\n  {"nodeID": 1,}\n]}', "x.json")
    assert [str(d) for d in result.diagnostics] == [
        "x.json:2:16: error: not valid JSON: Expecting property name enclosed in double "
        "quotes [aif-syntax]"]


# -- commands ---------------------------------------------------------------------------


def test_import_writes_a_strict_clean_map(tmp_path: Path) -> None:
    source = tmp_path / "corpus.json"
    source.write_text(json.dumps(XAIF))
    out = tmp_path / "corpus.yaml"
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.startswith(f"# Imported from {source} (aif) by argmap import.\n"
                           "# AIF has no question: it is the file name, 'corpus'; edit it\n"
                           "# Left out or changed (format 1.1 cannot hold them): illocutions")
    checked = runner.invoke(app, ["check", "--strict", str(out)])
    assert checked.exit_code == 0, checked.output


def test_other_commands_read_kialo_and_aif_directly(tmp_path: Path) -> None:
    source = tmp_path / "debate.txt"
    source.write_text(OUTLINE)
    runner = CliRunner()
    shown = runner.invoke(app, ["show", "--ascii", str(source)])
    assert shown.exit_code == 0, shown.output
    assert "Hurt is not harm." in shown.output
    checked = runner.invoke(app, ["check", str(tmp_path / "debate.txt")])
    assert checked.exit_code == 0, checked.output


def test_import_refuses_an_unknown_format(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("just notes\n")
    result = CliRunner().invoke(app, ["import", str(source)])
    assert result.exit_code == 2
    assert "cannot tell the format" in result.output


def test_import_reports_bad_input(tmp_path: Path) -> None:
    source = tmp_path / "d.txt"
    source.write_text("Discussion Title: Q\n1. A\n1.1. Pro: -> See 7.\n")
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(tmp_path / "d.yaml")])
    assert result.exit_code == 1
    assert f"{source}:3:1: error: '-> See 7.' points at no statement [kialo-syntax]" in (
        result.output)
    assert not (tmp_path / "d.yaml").exists()


CORPUS_FILES = sorted(CORPUS.glob("*/*.*"))
_DIAGNOSTIC = re.compile(r"^\S.*?:\d+:\d+: (?:error|warning): .*$", re.MULTILINE)


# cli-test.argdown and doc-string-identical.argdown hold distinct statements with
# one text, as Argdown allows: the import merges them, so --strict passes.
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_imports_cleanly(path: Path, tmp_path: Path) -> None:
    """``import`` exits 0 with at most its one summary warning; ``check --strict`` accepts."""
    out = tmp_path / "out.yaml"
    runner = CliRunner()
    imported = runner.invoke(app, ["import", str(path), "-o", str(out)])
    assert imported.exit_code == 0, imported.output
    said = _DIAGNOSTIC.findall(imported.output)
    assert len(said) <= 1 and all(line.endswith("[import-dropped]") for line in said), said
    checked = runner.invoke(app, ["check", "--strict", str(out)])
    assert checked.exit_code == 0, checked.output


def test_the_corpus_is_found() -> None:
    kinds = {p.parent.name for p in CORPUS_FILES}
    assert kinds == {"aif", "argdown", "kialo", "verbatim"}
    assert all(p.name != "README.md" for p in CORPUS_FILES)


def test_statements_below_a_cycle_stay_below_it() -> None:
    doc = {"nodes": [{"nodeID": k, "text": k.upper(), "type": "I"} for k in "abcd"]
           + [{"nodeID": f"r{i}", "text": "", "type": "RA"} for i in range(3)],
           "edges": [{"fromID": "a", "toID": "r0"}, {"fromID": "r0", "toID": "b"},
                     {"fromID": "b", "toID": "r1"}, {"fromID": "r1", "toID": "a"},
                     {"fromID": "c", "toID": "r2"}, {"fromID": "r2", "toID": "b"},
                     {"fromID": "d", "toID": "r0"}]}
    (m,) = read("aif", json.dumps(doc), "c.json").maps
    assert [c.text for c in m.claims] == ["A"]
    b = m.claims[0].pro[0]
    linked, c = b.pro  # r0 has two premises: A (the claim above: a ref) and D
    assert (b.text, [p.text or p.ref for p in linked.premises], c.text) == (
        "B", ["a", "D"], "C")


def test_every_reader_code_is_documented() -> None:
    import re

    format_doc = (ROOT / "docs" / "format.md").read_text()
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", format_doc, re.MULTILINE))
    used = set()
    for module in ("argdown", "kialo", "aif"):
        text = (ROOT / "argmap" / "readers" / f"{module}.py").read_text()
        used |= set(re.findall(r'CODE = "([a-z-]+)"', text))
    assert used | {"import-dropped"} <= documented


def test_from_choices_are_the_readers() -> None:
    from argmap.cli.options import SourceFormat

    assert [f.value for f in SourceFormat] == list(READERS)


def test_from_reads_a_file_whose_suffix_says_nothing(tmp_path: Path) -> None:
    source = tmp_path / "debate.md"
    source.write_text("[A]: Cars should go.\n  + [B]: Air gets cleaner.\n")
    runner = CliRunner()
    plain = runner.invoke(app, ["check", str(source)])
    assert plain.exit_code == 1  # read as YAML: not a map
    for command in (["check"], ["show", "--ascii"], ["render", "-f", "yaml", "-o", "-"]):
        done = runner.invoke(app, [*command, str(source), "--from", "argdown"])
        assert done.exit_code == 0, done.output
    done = runner.invoke(app, ["render", "-f", "yaml", "-o", "-", str(source), "--from",
                               "argdown"])
    assert "text: Air gets cleaner." in done.output


def refused(m: ArgumentMap) -> list[str]:
    """What ``check --strict`` would refuse that an import can help: errors, and
    statements with one text (the import merges them)."""
    return [d.code for d in check(m) if d.severity.value == "error" or d.code == "duplicate-text"]


JSON_VALUES = st.none() | st.booleans() | st.integers(-3, 30) | st.text(max_size=8)
AIF_NODES = st.lists(st.fixed_dictionaries(
    {"nodeID": JSON_VALUES | st.sampled_from(["1", "2", "3", 4]),
     "type": st.sampled_from(["I", "RA", "CA", "MA", "L", "YA", "TA", "PA", 3]),
     "text": JSON_VALUES}) | JSON_VALUES, max_size=8)
AIF_EDGES = st.lists(st.fixed_dictionaries(
    {"fromID": st.sampled_from(["1", "2", "3", 4, None]),
     "toID": st.sampled_from(["1", "2", "3", 4, None])}) | JSON_VALUES, max_size=8)


@settings(max_examples=300)
@given(AIF_NODES, AIF_EDGES, st.booleans(), st.lists(JSON_VALUES | st.fixed_dictionaries(
    {"nodeID": JSON_VALUES, "personID": JSON_VALUES}), max_size=3))
def test_aif_like_documents_never_raise(nodes: list[object], edges: list[object], xaif: bool,
                                        locutions: list[object]) -> None:
    doc: dict[str, object] = {"nodes": nodes, "edges": edges, "locutions": locutions,
                              "participants": [{"participantID": 1, "firstname": None}]}
    result = read("aif", json.dumps({"AIF": doc} if xaif else doc), "g.json")
    for m in result.maps:
        assert refused(m) == []


ARGDOWN_LINES = st.lists(st.sampled_from([
    "[A]: a", "<B>: b", "[A]", "  + [C]: c", "  - <B>", "    _ [D]: d", "  <+ x", "  >< [A]",
    "  +> <E>", "(1) p", "(2) [A]: q", "----", "-- r --", "--", "rule", "(3) c", "# H", "===",
    "title: T", "  wrapped", "* item", "// c", "/* c", "*/", "", "\\[x\\] #t {\"by\": \"z\"}",
    # linked arguments: titled structures, weights, undercuts and textless conclusions
    "<B>", "<E> {\"weight\": 3}", "(1) [G]", "(2) [A]", "(3) [F]", "  _ [F]: f", "  <_ <E>",
    "  - <E>", "[G]: a",
]), max_size=14)


@settings(max_examples=300)
@given(ARGDOWN_LINES)
def test_argdown_like_text_never_raises_and_checks(lines: list[str]) -> None:
    result = read("argdown", "\n".join(lines), "g.argdown")
    for m in result.maps:
        assert refused(m) == []


@settings(max_examples=200)
@given(KIALO_PREFIXES, KIALO_LINES)
def test_kialo_like_maps_check(prefix: str, lines: list[str]) -> None:
    result = read("kialo", prefix + "\n".join(lines))
    for m in result.maps:
        assert refused(m) == []


def test_standard_input_names_the_map_stdin() -> None:
    (m,) = read("aif", json.dumps(XAIF), "<stdin>").maps
    assert (m.id, m.question) == ("stdin", "stdin")
