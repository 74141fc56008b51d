"""The import corpus (tests/corpus, described in its README) keeps what its files say.

``test_import.py::test_corpus_imports_cleanly`` asks that every file imports
and checks cleanly; here each file must still hold texts read by eye from the
source, so a reader that silently loses statements fails, and the files taken
from other people's AIF tools must give their known shape and an exact
``import-dropped`` count.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from argmap.graph import build_graph
from argmap.model import ArgumentMap, single_spaced
from argmap.readers import READERS, load_path
from argmap.readers.aif import ANALYSED, SCHEME
from tests.conftest import TESTS

CORPUS = TESTS / "corpus"
BYPASS = ("We should build the bypass", "Traffic in the village doubled",
          "The bypass would cross the wetland")
DESIGNED = "there has to be an intelligent creator."

#: corpus file -> statement texts known to be in it (single-spaced, markup and tags gone)
KNOWN: dict[str, tuple[str, ...]] = {
    "verbatim/opendebate-1ac-sample.docx": (
        "Yemen", "233,000 will die by the end of 2019",
        "No great power wars – economic incentives, deterrence, and democratic norms",
        "Checks prevent miscalculation."),
    "aif/bypass.json": BYPASS,
    "aif/bypass-xaif.json": BYPASS,
    "aif/ostruct-generated-aifdb-like.json": (
        "The argument that Protagoras presents to Euathlus is fallacious.",
        "The jurors could not decide, leading to the case being postponed.",
        "Euathlus defeats Protagoras by using his own argument against him."),
    "aif/xaif-tutorial-basic-integer-ids.json": (
        "disagreements between party members are entirely to be expected.",
        "the SNP has disagreements.",
        "it's not uncommon for there to be disagreements between party members."),
    "aif/xaif-tutorial-ova-a-because-b.json": ("A", "B"),
    "argdown/cli-test.argdown": ("text", "hallo Welt"),
    "argdown/described-pcs.argdown": (
        "Close the centre to private cars.",
        "Most displaced car trips vanish rather than move.",
        "Closing the centre harms its shops.", "Fewer cars make less noise.",
        "Evaporation studies measured small schemes, not whole centres."),
    "argdown/doc-argument-definitions.argdown": (
        "There is a god.",
        f"Since the world is intelligently designed, {DESIGNED}"),
    "argdown/doc-argument-description-markup.argdown": (
        f"Because the world is intelligently designed {DESIGNED}",),
    # the last definition is the canonical one, as in Argdown
    "argdown/doc-argument-descriptions.argdown": ("Someone must have designed this world.",),
    "argdown/doc-argument-reference-first.argdown": (
        "God exists.", f"Because the world is intelligently designed {DESIGNED}"),
    "argdown/doc-argument-reference.argdown": (
        f"Because the world is intelligently designed {DESIGNED}",
        "The world may seem intelligently designed but unintelligent evolutionary selection "
        "is a better explanation for this than an intelligent creator."),
    "argdown/doc-attack-explicit.argdown": ("a", "b", "c"),
    "argdown/doc-attack-implicit.argdown": ("a", "b", "c"),
    "argdown/doc-attack-outgoing.argdown": ("a", "b", "c"),
    "argdown/doc-bold-italic.argdown": (
        "This is a statement with italic text.", "This is a statement with bold text.",
        "This is a statement with bold italic text."),
    "argdown/doc-collapsed-inference.argdown": ("s1", "s2", "s3"),
    "argdown/doc-cycle.argdown": ("a", "b", "c"),
    "argdown/doc-direction.argdown": ("s1", "a", "b", "c"),
    "argdown/doc-equivalence-class.argdown": ("The lowest positive integer is 1.",),
    "argdown/doc-expanded-inference.argdown": (
        "All humans are mortal.", "Socrates is a human.", "Socrates is mortal."),
    "argdown/doc-flat-lists.argdown": ("s1", "a", "b", "c", "d", "e"),
    "argdown/doc-hashtags.argdown": ("This is a statement categorized by three tags.",),
    "argdown/doc-inconsistent.argdown": ("s1.", "s2."),
    "argdown/doc-links.argdown": ("This is a statement containing a link to wikipedia.",),
    "argdown/doc-loose-statements.argdown": ("a", "b", "c", "d", "e"),
    "argdown/doc-mentions.argdown": (
        "God is dead.",
        "I do not think that @[Nietsche's Slogan] makes much sense if you think about it."),
    "argdown/doc-nested-lists.argdown": ("s1", "a", "b", "c", "d", "e"),
    "argdown/doc-pcs-statements.argdown": (
        "The world seems intelligently designed.", "God exists.",
        "Some intelligent being designing the world exists."),
    "argdown/doc-pcs.argdown": (
        "The world seems intelligently designed.",
        "The only intelligent being that could design the world is God.", "God exists."),
    "argdown/doc-pros-and-cons.argdown": ("s1", "a", "b", "c", "d"),
    "argdown/doc-reference-first.argdown": (
        "Meet Marty McFly. He's broken the time barrier. Busted his parents' first date. "
        "And, maybe, botched his chances of ever being born.",),
    "argdown/doc-statement-reference.argdown": (
        "I said it before and I'll say it again. Life moves pretty fast. If you don\u2019t "
        "stop and look around once in a while, you might miss it.",),
    "argdown/doc-statements.argdown": (
        "This is a statement.",
        "As long as you leave no empty line, the statement is not finished.", "a", "1", "!"),
    "argdown/doc-string-identical.argdown": (
        "The following two paragraphs contain two different Argdown statements:",
        "I am a statement which is string-identical with another statement in this document."),
    "argdown/doc-support-explicit.argdown": ("a", "b", "c"),
    "argdown/doc-support-implicit.argdown": ("a", "b", "c"),
    "argdown/doc-support-outgoing.argdown": ("a", "b", "c"),
    "argdown/doc-undercut-explicit.argdown": ("a", "b"),
    "argdown/doc-undercut-implicit.argdown": ("a", "b"),
    "argdown/doc-undercut-outgoing.argdown": ("a", "b"),
    "argdown/doc-yaml-block.argdown": ("Nietzsche's Slogan",),
    "argdown/doc-yaml-data.argdown": ("God is dead.",),
    "argdown/edge-cases.argdown": (
        "The city should ban cars [from] the centre.",
        "Fewer cars mean cleaner air for everyone.", "Shops lose customers who drive in.",
        "Most pollution blows in from the motorway.",
        "The air already meets the legal limits."),
    "argdown/intro.argdown": (
        "Argdown is a simple syntax for defining argumentative structures, inspired by "
        "Markdown.",
        "Arguments can also be supported or attacked."),
    "argdown/doom-shape.argdown": (
        "The reformers must come to power.", "Society is doomed and must be saved.",
        "Public debt doubled in ten years (audit office).",
        "The core argument first."),
    "argdown/evidence-shape.argdown": (
        "Congestion charges cut city-centre traffic for good.",
        "The cut fades as drivers get used to the charge."),
    "argdown/parser-mix.argdown": (
        "Second item", "Some crazy stuff", "G",
        "This is a paragraph with rich text formatting and a link (www.argunet.org)."),
    "argdown/semmelweis_betz.argdown": (
        "The outbreak of childbed fever is controlled by epidemic influences.",
        "By default, more women contract childbed fever in the First than in the Second "
        "Division of the hospital."),
    "argdown/veggie_debate.argdown": (
        "Es gibt Fleisch und Tierprodukte, die man essen darf.",
        "Man darf Fleisch und tierische Produkte beliebiger Art essen."),
    "argdown/linked.argdown": (
        "Close the centre to private cars.",
        "Most displaced car trips vanish rather than move.",
        "Evaporation studies measured small schemes, not whole centres.",
        "Buses and trams pollute less per trip than cars."),
    "argdown/relations.argdown": (
        "Nuclear power is the answer to climate change.",
        "Uranium mining emits a lot of CO2.",
        "The waste stays dangerous for thousands of years.",
        "Construction costs *fell* by a third.", "Nuclear power should be used."),
    "kialo/congestion-newer.txt": (
        "Cities should charge drivers to enter the centre.",
        "Congestion charges cut traffic by a fifth in the first year.",
        "The drop faded after a few years as drivers got used to paying.",
        "The charge hits people on low incomes hardest.",
        "The money pays for buses, which move more people per metre of road than cars do."),
    "kialo/congestion-outline.txt": (
        "Cities should charge drivers to enter the centre.",
        "Congestion charges cut traffic (London saw a 30% drop).",
        "The money pays for buses, 1) directly and 2) through loans.",
        "Most people on low incomes do not drive into the centre; they take the [bus] - see "
        "the survey.",
        "Even if few drive, those few have no alternative at night."),
}


def texts(maps: list[ArgumentMap]) -> set[str]:
    """Every statement text of the maps and every paragraph of their context (where
    Argdown's prose goes), single-spaced."""
    found: set[str] = set()
    for m in maps:
        found |= {single_spaced(s.text) for s in build_graph(m).statements.values()}
        found |= set((m.context or "").split("\n\n"))
    return found


def test_every_corpus_file_has_known_texts() -> None:
    files = {p.relative_to(CORPUS).as_posix() for p in CORPUS.glob("*/*.*")}
    assert files == set(KNOWN)


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_corpus_file_keeps_its_known_texts(name: str) -> None:
    loaded = load_path(CORPUS / name)
    assert [d for d in loaded.diagnostics if d.severity.value == "error"] == []
    found = texts(loaded.maps)
    assert [t for t in KNOWN[name] if t not in found] == []


def test_a_lost_statement_would_be_noticed(tmp_path: Path) -> None:
    # The check above must be able to fail: drop one I-node and its text goes missing.
    source = (CORPUS / "aif/xaif-tutorial-basic-integer-ids.json").read_text()
    cut = source.replace('"the SNP has disagreements.",\n        "type": "I"',
                         '"the SNP has disagreements.",\n        "type": "X"')
    assert cut != source
    (tmp_path / "cut.json").write_text(cut)
    found = texts(load_path(tmp_path / "cut.json").maps)
    assert "the SNP has disagreements." not in found


def read_aif(name: str) -> tuple[list[ArgumentMap], Counter[str]]:
    path = CORPUS / name
    result = READERS["aif"].read(path.read_text(encoding="utf-8"), str(path))
    assert result.diagnostics == []
    return result.maps, result.dropped


def test_ova3_xaif_reads_b_for_a_by_its_speaker() -> None:
    (m,), dropped = read_aif("aif/xaif-tutorial-ova-a-because-b.json")
    (claim,) = m.claims
    assert (claim.text, claim.by) == ("A", "Participant Rachel")
    assert [(p.text, p.by) for p in claim.pro] == [("B", "Participant Rachel")]
    # the HTML of the analysed text is left out too, and counted (ANALYSED)
    assert dropped == Counter({"locutions (L-nodes)": 4, "illocutions (YA-nodes)": 5,
                               "transitions (TA-nodes)": 1, ANALYSED: 1})


def test_xaif_with_integer_ids_from_zero() -> None:
    (m,), dropped = read_aif("aif/xaif-tutorial-basic-integer-ids.json")
    shape = [(c.text, c.by, [(p.text, p.by) for p in c.pro]) for c in m.claims]
    assert shape == [
        ("the SNP has disagreements.", "Speaker 2", []),
        # personID 2 names no participant: the id is all the file gives.
        ("it's not uncommon for there to be disagreements between party members.", "2",
         [("disagreements between party members are entirely to be expected.",
           "Speaker 1")])]
    assert dropped == Counter({"locutions (L-nodes)": 3, "illocutions (YA-nodes)": 3,
                               ANALYSED: 1})


def test_aifdb_like_file_with_metadata_key_and_bare_edges() -> None:
    (m,), dropped = read_aif("aif/ostruct-generated-aifdb-like.json")
    assert len(m.claims) == 6
    assert all(not c.pro and not c.con for c in m.claims)
    assert dropped == Counter({
        "edges straight from one I-node to another (no RA-, CA- or MA-node)": 5})


def test_a_named_scheme_is_counted_where_it_is_left_out() -> None:
    # a scheme argmap's catalogue does not have is left out and counted (format 1.2 keeps
    # the catalogue's: test_schemes_aif); "Default Inference" says nothing
    doc = {"nodes": [{"nodeID": "1", "type": "I", "text": "A"},
                     {"nodeID": "2", "type": "I", "text": "B"},
                     {"nodeID": "3", "type": "RA", "text": "Argument From Ignorance"},
                     {"nodeID": "4", "type": "I", "text": "C"},
                     {"nodeID": "5", "type": "RA", "text": "Default Inference"}],
           "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"},
                     {"fromID": "4", "toID": "5"}, {"fromID": "5", "toID": "1"}]}
    result = READERS["aif"].read(json.dumps(doc), "s.json")
    assert [p.text for p in result.maps[0].claims[0].pro] == ["B", "C"]
    assert result.dropped == Counter({SCHEME: 1})
