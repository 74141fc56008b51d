"""Imports of linked premises (format 1.1) and of statements that share a text.

An AIF RA-node or CA-node with several premises, and an Argdown inference
with several premises, become one linked argument: golden files hold the exact
YAML ``argmap import`` writes (tests/golden/import/). Statements with one text
are merged, so the import passes ``check --strict``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.model import Relation, Span
from argmap.readers import READERS
from argmap.readers.assemble import assemble
from argmap.readers.draft import DArgument, DEdge, DNode, Draft
from tests.conftest import TESTS, Golden

CORPUS = Path("tests") / "corpus"  # relative: the golden headers name the file


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TESTS.parent)


def imported(tmp_path: Path, source: Path) -> tuple[str, str]:
    """(what ``argmap import`` says, the YAML it writes); ``check --strict`` accepts the map.

    The file is named relative to the current directory, as the header says it.
    """
    out = tmp_path / "out.yaml"
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    checked = runner.invoke(app, ["check", "--strict", str(out)])
    assert checked.exit_code == 0, checked.output
    return result.output, out.read_text(encoding="utf-8")


def test_aif_bypass_golden(tmp_path: Path, golden: Golden) -> None:
    said, text = imported(tmp_path, CORPUS / "aif" / "bypass.json")
    golden("import/aif-bypass.yaml", text)
    assert "linked" not in said  # a linked RA-node is no longer left out
    assert text.splitlines()[3] == "argmap: 1.1"


def test_argdown_linked_golden(tmp_path: Path, golden: Golden) -> None:
    said, text = imported(tmp_path, CORPUS / "argdown" / "linked.argdown")
    golden("import/argdown-linked.yaml", text)
    assert said.splitlines() == [f"argmap: wrote {tmp_path / 'out.yaml'}"]


#: AIF: two linked arguments for and against "Close the road", a CA-node with two
#: premises aimed at the RA-node, a premise written elsewhere (a ref), and an
#: RA-node whose one premise points into it twice (an ordinary pro).
SMALL_AIF = {
    "nodes": [{"nodeID": k, "type": "I", "text": t} for k, t in (
        ("x", "Close the road"), ("a", "Traffic doubled"), ("b", "The road is narrow"),
        ("c", "Closing costs money"), ("d", "The council has no money"),
        ("e", "The count was during road works"), ("f", "The works lasted a year"),
        ("y", "Build a bypass"), ("g", "Lorries need a route"), ("h", "Buses are late"))]
    + [{"nodeID": k, "type": t, "text": ""} for k, t in (
        ("r1", "RA"), ("c1", "CA"), ("c2", "CA"), ("r3", "RA"), ("r4", "RA"))],
    "edges": [{"fromID": a, "toID": b} for a, b in (
        ("a", "r1"), ("b", "r1"), ("r1", "x"),
        ("c", "c1"), ("d", "c1"), ("c1", "x"),
        ("e", "c2"), ("f", "c2"), ("c2", "r1"),
        ("a", "r3"), ("g", "r3"), ("r3", "y"),
        ("h", "r4"), ("h", "r4"), ("r4", "x"))]}


def test_aif_linked_pro_con_and_undercuts_golden(tmp_path: Path, golden: Golden,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = Path("roads.json")
    source.write_text(json.dumps(SMALL_AIF, indent=1))
    said, text = imported(tmp_path, source)
    golden("import/aif-linked.yaml", text)
    assert said.splitlines()[0] == (
        f"{source}:1:1: warning: aif import left out or changed what format 1.1 cannot hold: "
        "CA-nodes with several premises aimed at a step, imported as separate undercuts: 1 "
        "[import-dropped]")


def test_aif_linked_shape() -> None:
    (m,) = READERS["aif"].read(json.dumps(SMALL_AIF), "roads.json").maps
    close, bypass = m.claims
    (argument, late), (against,) = close.pro, close.con
    assert [p.text for p in argument.premises] == ["Traffic doubled", "The road is narrow"]
    assert [u.path for u in argument.undercut] == ["c1.pro1.undercut1", "c1.pro1.undercut2"]
    assert (late.premises, late.text) == ((), "Buses are late")
    assert [p.text for p in against.premises] == ["Closing costs money",
                                                   "The council has no money"]
    assert against.relation is Relation.CON and against.premises[0].path == "c1.con1.1"
    (for_bypass,) = bypass.pro
    assert [(p.ref, p.text) for p in for_bypass.premises] == [
        (argument.premises[0].id, ""), (None, "Lorries need a route")]


ARGDOWN = """\
# Gridlock

[Gridlock]: The centre is gridlocked.

<Gridlock>

(1) [Jam]: Cars queue every morning.
(2) Queues mean gridlock.
----
(3) [Gridlock]

<Two steps>

(1) Roads are full.
(2) Full roads are slow.
----
(3) [Slow]: Roads are slow.
(4) Slow roads cost time.
----
(5) We lose time.

<Single>

(1) [Buses]: Buses are empty.
----
(2) We should cut buses.

<Single>
  <_ [Peak]: They are full at peak hours.

<Two steps>
  <_ [Habit]: People drive out of habit, not speed.
"""


def test_argdown_titles_and_undercuts(tmp_path: Path, golden: Golden,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = Path("gridlock.argdown")
    source.write_text(ARGDOWN)
    said, text = imported(tmp_path, source)
    golden("import/argdown-titles.yaml", text)
    assert "import-dropped" not in said


def test_argdown_title_shares_the_statement_id_namespace() -> None:
    m = READERS["argdown"].read(ARGDOWN, "g.argdown").maps[0]
    gridlock = next(c for c in m.claims if c.text == "The centre is gridlocked.")
    (argument,) = gridlock.pro
    # the statement [Gridlock] took "gridlock"; the argument <Gridlock> is "gridlock-2"
    assert (gridlock.id, argument.id) == ("gridlock", "gridlock-2")
    lose = next(c for c in m.claims if c.text == "We lose time.")
    (last,) = lose.pro
    (first,) = last.premises[0].pro  # the first inference, to "Roads are slow."
    assert (last.id, first.id) == ("two-steps", None)
    assert [u.text for u in last.undercut] == ["People drive out of habit, not speed."]
    cut = next(c for c in m.claims if c.text == "We should cut buses.")
    (buses,) = cut.pro  # one premise: an ordinary pro, its undercut under it
    assert (buses.text, [u.text for u in buses.undercut]) == (
        "Buses are empty.", ["They are full at peak hours."])


def test_statements_with_one_text_are_merged() -> None:
    doc = {"nodes": [{"nodeID": "1", "type": "I", "text": "Act now"},
                     {"nodeID": "2", "type": "I", "text": "It is  cheap"},
                     {"nodeID": "3", "type": "I", "text": "it is cheap"},
                     {"nodeID": "4", "type": "I", "text": "Cheapness matters"},
                     {"nodeID": "r1", "type": "RA"}, {"nodeID": "r2", "type": "RA"},
                     {"nodeID": "r3", "type": "RA"}],
           "edges": [{"fromID": a, "toID": b} for a, b in (
               ("2", "r1"), ("r1", "1"), ("3", "r2"), ("r2", "4"), ("4", "r3"), ("r3", "1"))]}
    result = READERS["aif"].read(json.dumps(doc), "m.json")
    (m,) = result.maps
    (claim,) = m.claims
    cheap, matters = claim.pro
    assert (cheap.id, cheap.text, matters.text) == ("it-is-cheap", "It is  cheap",
                                                    "Cheapness matters")
    assert [p.ref for p in matters.pro] == ["it-is-cheap"]
    assert result.dropped == Counter(
        {"statements with the same text as another, merged into it": 1})


def test_merged_statements_keep_the_first_speaker_and_count_the_other() -> None:
    text = ("[A]: Same words. {\"by\": \"Ann\"}\n  + [B]: Other words.\n"
            "[C]: same words. {\"by\": \"Bob\"}\n  - [D]: More words.\n")
    result = READERS["argdown"].read(text, "s.argdown")
    (m,) = result.maps
    (claim,) = m.claims
    assert (claim.text, claim.by, [s.text for s in claim.pro], [s.text for s in claim.con]) == (
        "Same words.", "Ann", ["Other words."], ["More words."])
    assert result.dropped == Counter({
        "statements with the same text as another, merged into it": 1,
        "speakers of a statement merged into one with another speaker": 1})


def _draft(edges: list[DEdge]) -> Draft:
    draft = Draft("d", "d", "q", Span("d", 1, 1))
    for key in "tabc":
        draft.nodes[key] = DNode(key, key.upper(), Span("d", 1, 1))
    draft.edges = edges
    return draft


def test_a_group_with_one_distinct_premise_is_an_ordinary_item() -> None:
    m = assemble(_draft([DEdge("a", "t", Relation.PRO, 0)]))
    claim = m.claims[0]  # (b and c relate to nothing: claims of their own)
    assert [(s.text, s.premises) for s in claim.pro] == [("A", ())]


def test_a_group_with_two_targets_is_not_one_argument() -> None:
    m = assemble(_draft([DEdge("a", "t", Relation.PRO, 0), DEdge("b", "c", Relation.PRO, 0),
                         DEdge("c", "t", Relation.CON)]))
    (claim,) = m.claims
    assert ([s.text for s in claim.pro], [s.text for s in claim.con]) == (["A"], ["C"])
    assert [s.text for s in claim.con[0].pro] == ["B"]


def test_an_argument_title_and_weight_reach_the_map() -> None:
    draft = _draft([DEdge("a", "t", Relation.CON, 5), DEdge("b", "t", Relation.CON, 5),
                    DEdge("c", 0, Relation.UNDERCUT), DEdge("c", 1, Relation.UNDERCUT)])
    draft.arguments[5] = DArgument("C1", weight=4)
    (claim,) = assemble(draft).claims
    (argument,) = claim.con
    # a slug that looks like a path gets a prefix; one undercut of both edges is one undercut
    assert (argument.id, argument.weight, [p.path for p in argument.premises]) == (
        "s-c1", 4, ["c1.con1.1", "c1.con1.2"])
    assert [u.text for u in argument.undercut] == ["C"]


@pytest.mark.parametrize("name", ["congestion-outline.txt", "congestion-newer.txt"])
def test_kialo_has_no_linked_premises_and_still_reads(name: str, tmp_path: Path) -> None:
    _, text = imported(tmp_path, CORPUS / "kialo" / name)
    assert "argmap: 1\n" in text and "premises:" not in text


#: linked arguments as argmap's Argdown export writes them: the weight as data on
#: the title line, "+ <A>" under the argument's own conclusion, and a linked con
#: as an argument concluding a statement that has only a title and attacks the parent
EXPORTED = """\
# Close the centre?

[close]: Close the centre to private cars.
  + <no-gridlock>
    _ [small]: Evaporation studies measured small schemes.
  + [air]: Cleaner air at street level.
  - <c1.con1>

<no-gridlock> {"weight": 4}

(1) [vanish]: Most displaced car trips vanish.
(2) [transit]: Transit has spare capacity.
----
(3) [close]

<c1.con1> {"weight": 3}

(1) Shops depend on car-borne customers.
(2) Those customers will not switch.
----
(3) [c1.con1]

<lone> {"weight": 2}

(1) [air]
----
(2) Breathing is easier.
"""


def test_argdown_as_argmap_exports_linked_arguments(tmp_path: Path, golden: Golden,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = Path("exported.argdown")
    source.write_text(EXPORTED)
    said, text = imported(tmp_path, source)
    golden("import/argdown-exported.yaml", text)
    # a weight on an argument with one premise has no linked argument to go to
    assert said.splitlines()[0] == (
        "exported.argdown:1:1: warning: argdown import left out or changed what format 1.1 "
        "cannot hold: data 'weight': 1 [import-dropped]")
    (m,) = READERS["argdown"].read(EXPORTED, "e.argdown").maps
    close = m.claims[0]
    assert [(s.id, s.weight, s.text) for s in close.pro] == [
        ("no-gridlock", 4, ""), ("air", None, "Cleaner air at street level.")]
    ((con_id, con_weight, premises),) = [(s.id, s.weight, len(s.premises)) for s in close.con]
    assert (con_id, con_weight, premises) == ("c1-con1", 3, 2)


def test_a_textless_conclusion_with_its_own_title_stays() -> None:
    text = "[y]: Y.\n\n<A>\n\n(1) p\n(2) q\n----\n(3) [X]\n  -> [y]\n"
    (m,) = READERS["argdown"].read(text, "x.argdown").maps
    (y,) = m.claims
    (x,) = y.con
    assert (x.text, [(a.id, len(a.premises)) for a in x.pro]) == ("X", [("a", 2)])
    # the same structure as argmap's export writes it: [A] stands for <A>
    (m,) = READERS["argdown"].read(text.replace("[X]", "[A]"), "x.argdown").maps
    (y,) = m.claims
    assert [(c.id, [p.text for p in c.premises]) for c in y.con] == [("a", ["p", "q"])]


def test_escaped_braces_are_text_not_data() -> None:
    # found by the generated round trip: argmap's export escapes "{}" as "\{\}"
    result = READERS["argdown"].read("[c1]: 0\n  + [b]: \\{\\} and {\\}\n", "b.argdown")
    (m,) = result.maps
    assert (m.claims[0].pro[0].text, result.dropped) == ("{} and {}", Counter())
