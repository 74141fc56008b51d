"""Argument schemes and critical questions (format 1.2, issue 24): the catalogue, the
reader's checks, the lint, and ``eval --critical-questions`` worked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.analysis.evaluate import Semantics, Status
from argmap.analysis.questions import asked, evaluate_questions
from argmap.api import check, loads
from argmap.cli.app import app
from argmap.exporters.catalogue import catalogue_markdown
from argmap.graph import build_graph
from argmap.readers.catalogue import catalogue, schema_text, text
from argmap.readers.yaml.data import plain_data
from tests.conftest import TESTS, Golden

ROOT = TESTS.parent
CARBON = ROOT / "examples/schemes/carbon-tax.yaml"
#: the schemes issue 24 names (ad hominem in its two forms, consequences in both signs)
NAMED = ("expert-opinion", "position-to-know", "witness-testimony", "popular-opinion",
         "popular-practice", "example", "analogy", "precedent", "verbal-classification",
         "commitment", "direct-ad-hominem", "circumstantial-ad-hominem", "bias",
         "positive-consequences", "negative-consequences", "practical-reasoning", "values",
         "waste", "sign", "evidence-to-hypothesis", "correlation-to-cause", "cause-to-effect",
         "slippery-slope", "established-rule", "composition", "division")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# -- the catalogue -----------------------------------------------------------------------

def test_the_catalogue_validates_against_its_schema() -> None:
    jsonschema.validate(plain_data(text()), json.loads(schema_text()))


def test_the_catalogue_has_every_named_scheme_with_three_questions_each() -> None:
    found = catalogue()
    assert set(NAMED) <= set(found.schemes)
    for scheme in found.schemes.values():
        assert len(scheme.questions) >= 3, scheme.id
        assert all(q.id.startswith(scheme.id + ".") for q in scheme.questions)
        assert {q.kind for q in scheme.questions} <= {"assumption", "exception"}
        assert scheme.sources and set(scheme.sources) <= set(found.sources)
    assert len(found.questions) == sum(len(s.questions) for s in found.schemes.values())


def test_the_catalogue_schema_refuses_a_scheme_with_two_questions() -> None:
    data = plain_data(text())
    data["schemes"][0]["questions"] = data["schemes"][0]["questions"][:2]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(schema_text()))


def test_docs_schemes_md_is_generated_from_the_catalogue() -> None:
    assert (ROOT / "docs/schemes.md").read_text(encoding="utf-8") == catalogue_markdown()


def test_aifdb_names_find_their_scheme() -> None:
    found = catalogue()
    assert found.by_aifdb("Expert Opinion") is found.schemes["expert-opinion"]
    assert found.by_aifdb("Argument From Position To Know") is found.schemes["position-to-know"]
    assert found.by_aifdb("Default Inference") is None


# -- argmap schemes ----------------------------------------------------------------------

def test_schemes_lists_the_catalogue(golden: Golden) -> None:
    code, out, err = run("schemes")
    assert (code, err) == (0, "")
    golden("schemes/list.txt", out)


def test_schemes_shows_one_scheme(golden: Golden) -> None:
    code, out, err = run("schemes", "expert-opinion")
    assert (code, err) == (0, "")
    golden("schemes/expert-opinion.txt", out)
    assert run("schemes", "expert-opinion.field")[1] == out  # a question finds its scheme


def test_schemes_json() -> None:
    code, out, _ = run("schemes", "sign", "--format", "json")
    data = json.loads(out)
    assert code == 0 and [s["id"] for s in data["schemes"]] == ["sign"]
    assert [q["id"] for q in data["schemes"][0]["questions"]] == [
        "sign.strength", "sign.other-events", "sign.observed"]
    assert set(data["sources"]) == {"wrm2008", "walton2006"}
    assert len(json.loads(run("schemes", "-f", "json")[1])["schemes"]) == len(
        catalogue().schemes)


def test_schemes_with_an_unknown_id_suggests_one() -> None:
    assert run("schemes", "analogi") == (
        2, "", "argmap: no scheme 'analogi' in the catalogue; did you mean 'analogy'?\n")


# -- reading scheme and answers ----------------------------------------------------------

HEAD = "argmap: 1.2\nquestion: Q?\nclaims:\n  - id: c\n    text: C\n"


def diagnostics(text_: str) -> list[str]:
    doc = loads(text_, name="m.yaml")
    return [str(d) for d in doc.diagnostics]


def test_an_unknown_scheme_is_an_error_with_a_suggestion() -> None:
    assert diagnostics(HEAD + "    pro:\n      - text: P\n        scheme: expert-opinon\n") == [
        "m.yaml:8:17: error: no scheme 'expert-opinon' in the catalogue; did you mean "
        "'expert-opinion'? [unknown-scheme]"]


def test_an_unknown_question_names_the_schemes_questions() -> None:
    text_ = (HEAD + "    pro:\n      - text: P\n        scheme: position-to-know\n"
             "        con:\n          - text: K\n            answers: [position-to-know.x,"
             " expert-opinion.expert]\n")
    assert diagnostics(text_) == [
        "m.yaml:11:23: error: no critical question 'position-to-know.x' in the catalogue; "
        "position-to-know's questions are position-to-know.position, "
        "position-to-know.honesty, position-to-know.assertion [unknown-question]",
        "m.yaml:11:43: error: no critical question 'expert-opinion.expert' in the catalogue; "
        "did you mean 'expert-opinion.expertise'? [unknown-question]"]


def test_answers_of_another_scheme_say_which_scheme_the_step_uses() -> None:
    text_ = (HEAD + "    pro:\n      - id: p\n        text: P\n        scheme: analogy\n"
             "        con:\n          - text: K\n            answers: expert-opinion.field\n"
             "      - text: Q\n        pro:\n          - text: R\n"
             "            answers: sign.strength\n")
    assert diagnostics(text_) == [
        "m.yaml:11:13: error: `answers: expert-opinion.field` names a question of "
        "'expert-opinion', but the step above (p) uses 'analogy' (its questions: `argmap "
        "schemes analogy`) [answers-elsewhere]",
        "m.yaml:15:13: error: `answers: sign.strength` names a question of 'sign', but the "
        "step above (c1.pro2) uses no scheme; add `scheme: sign` to it [answers-elsewhere]"]


def test_scheme_and_answers_where_there_is_no_step() -> None:
    text_ = (HEAD + "    scheme: sign\n    pro:\n      - text: P\n"
             "        answers: sign.strength\n        undercut:\n          - text: U\n"
             "            scheme: sign\n")
    assert diagnostics(text_) == [
        "m.yaml:6:5: error: `scheme` goes on a `pro` or `con` item, a linked argument or a "
        "`ref` step; a claim has no step to its parent [scheme-position]",
        "m.yaml:8:9: error: `answers: sign.strength` names a question of 'sign', but this "
        "statement's parent is a claim: there is no step above it [answers-elsewhere]",
        "m.yaml:12:13: error: `scheme` goes on a `pro` or `con` item, a linked argument or a "
        "`ref` step; an undercut attacks a step rather than making one [scheme-position]"]


def test_scheme_needs_format_1_2() -> None:
    text_ = ("argmap: 1.1\nquestion: Q?\nclaims:\n  - text: C\n    pro:\n      - text: P\n"
             "        scheme: sign\n")
    assert diagnostics(text_) == [
        "m.yaml:7:9: error: `scheme` is format 1.2, but this map declares `argmap: 1.1`; "
        "declare `argmap: 1.2` [needs-version]"]


def test_scheme_on_a_linked_argument_and_a_ref_step_and_answers_to_them() -> None:
    text_ = (HEAD + "    pro:\n      - premises:\n          - text: A\n          - ref: b\n"
             "        scheme: practical-reasoning\n        undercut:\n          - text: U\n"
             "            answers: practical-reasoning.alternatives\n"
             "      - id: b\n        text: B\n    con:\n      - ref: b\n"
             "        scheme: sign\n        undercut:\n          - text: V\n"
             "            answers: sign.observed\n")
    doc = loads(text_, name="m.yaml")
    assert doc.diagnostics == []
    graph = build_graph(doc.maps[0])
    found = {link.address: [(q.question.id, [graph.address(a) for a in q.answers])
                            for q in qs if not q.open]
             for qs in asked(graph).values() for link in [qs[0].link]}
    assert found == {"c1.pro1": [("practical-reasoning.alternatives", ["c1.pro1.undercut1"])],
                     "c1.con1": [("sign.observed", ["c1.con1.undercut1"])]}


def test_scheme_on_a_premise_of_a_linked_argument_belongs_on_the_argument() -> None:
    text_ = (HEAD + "    pro:\n      - premises:\n          - text: A\n"
             "            scheme: sign\n          - text: B\n")
    assert diagnostics(text_) == [
        "m.yaml:9:13: error: `scheme` belongs on the linked argument (the item with "
        "`premises`), not on one of its premises [linked-key]"]


# -- the lint ----------------------------------------------------------------------------

def test_check_select_schemes_on_the_carbon_tax_map(golden: Golden) -> None:
    code, out, err = run("check", str(CARBON.relative_to(ROOT)), "--select", "schemes")
    assert (code, out) == (0, "")
    golden("schemes/carbon-tax.check.txt", err)


def test_check_for_a_side_splits_holes_from_questions(golden: Golden) -> None:
    code, out, err = run("check", str(CARBON.relative_to(ROOT)), "--select", "schemes",
                         "--for", "aff")
    assert (code, out) == (0, "")
    golden("schemes/carbon-tax.check-for-aff.txt", err)
    assert "[open-critical-question]" not in err
    # --for neg turns every hole into a question and back
    neg = run("check", str(CARBON.relative_to(ROOT)), "--select", "schemes", "--for", "neg")[2]
    assert neg.count("[hole-to-close]") == err.count("[question-to-ask]")
    assert neg.count("[question-to-ask]") == err.count("[hole-to-close]")


def test_check_for_an_unknown_side_is_a_usage_error() -> None:
    code, _, err = run("check", str(CARBON), "--select", "schemes", "--for", "affirmative")
    assert code == 2
    assert err == ("argmap: --for affirmative: not a side or a claim of map "
                   "'carbon-tax-schemes'; did you mean 'aff'? (sides: aff, neg; claims: aff, "
                   "neg)\n")


def test_the_api_check_selects_the_schemes_group() -> None:
    doc = loads(HEAD + "    pro:\n      - text: P\n        scheme: sign\n", name="m.yaml")
    assert [str(d) for d in check(doc.maps[0], select="schemes")] == [
        f"m.yaml:7:9: warning: sign step “P” leaves open: {q.text} ({q.kind}, {q.id}) "
        "[open-critical-question]" for q in catalogue().schemes["sign"].questions]
    assert check(doc.maps[0]) == []  # opt-in


def test_a_steps_side_is_the_one_its_position_gives() -> None:
    # the ref step under neg's con is a step against neg: aff's, though emissions-fall's
    # other step (under aff) is aff's too; regressive's step is neg's
    from argmap.analysis.sides import sides_for

    graph = build_graph(loads(CARBON.read_text(), name="c.yaml").maps[0])
    side, sides = sides_for(graph, ["aff"])
    steps = {link.address: sides.step_of(link.key) for link in graph.links if link.scheme}
    assert side == "aff"
    assert (steps["c2.con1"], steps["c1.pro2"], steps["c2.pro1"]) == ("aff", "aff", "neg")


# -- eval --critical-questions, worked by hand --------------------------------------------

def labels(text_: str, mode: str, semantics: str = "grounded") -> dict[str, str]:
    doc = loads(text_, name="m.yaml")
    assert doc.diagnostics == []
    graph = build_graph(doc.maps[0])
    found = evaluate_questions(graph, Semantics(semantics), mode)
    return {graph.address(k): v.value for k, v in found.statements.items()} | {
        link.address: "counts" if found.links[link.key] is Status.IN else "not"
        for link in graph.links}


# A pro by expert opinion with one of its three assumptions answered (expertise).
EXPERT = (HEAD + "    pro:\n      - id: p\n        text: Dr X says C.\n"
          "        scheme: expert-opinion\n        pro:\n          - id: a\n"
          "            text: X chairs the field's society.\n"
          "            answers: expert-opinion.expertise\n")


def test_raise_changes_nothing() -> None:
    # raise: no question is raised, so everything stands and the step counts
    assert labels(EXPERT, "raise") == {"c": "in", "p": "in", "a": "in", "c1.pro1": "counts",
                                       "c1.pro1.pro1": "counts"}


def test_assume_voids_a_step_with_an_open_assumption() -> None:
    # field and opinion are open assumptions: two virtual undercuts of c1.pro1, so the
    # step does not count; the statements themselves are not attacked and stand.
    assert labels(EXPERT, "assume") == {"c": "in", "p": "in", "a": "in", "c1.pro1": "not",
                                        "c1.pro1.pro1": "counts"}
    doc = loads(EXPERT, name="m.yaml")
    graph = build_graph(doc.maps[0])
    evaluation = evaluate_questions(graph, Semantics.GROUNDED, "assume")
    assert not evaluation.supported("c")  # its only support no longer counts
    assert evaluation.supported("p")


# A con by popular opinion; its assumptions are evidence and group; its exception doubt.
POPULAR = (HEAD + "    con:\n      - id: k\n        text: Most people reject C.\n"
           "        scheme: popular-opinion\n        pro:\n          - id: e\n"
           "            text: A national poll found 70 percent reject C.\n"
           "            answers: popular-opinion.evidence\n")
GROUP = ("          - id: g\n            text: The public's view bears on a policy.\n"
         "            answers: popular-opinion.group\n")


def test_an_open_assumption_of_a_con_lets_its_target_stand_under_assume() -> None:
    assert labels(POPULAR, "raise")["c"] == "out"  # the rebuttal stands and counts
    found = labels(POPULAR, "assume")  # `group` is open: the rebuttal does not count
    assert (found["c"], found["k"], found["c1.con1"]) == ("in", "in", "not")


def test_answering_every_assumption_restores_the_step() -> None:
    found = labels(POPULAR + GROUP, "assume")  # `doubt` is an exception: it is not assumed
    assert (found["c"], found["c1.con1"]) == ("out", "counts")


def test_a_settling_pro_that_falls_reopens_its_question() -> None:
    rebutted = POPULAR + GROUP + ("            con:\n              - id: r\n"
                                  "                text: Policy is not settled by polls.\n")
    found = labels(rebutted, "assume")  # g falls, so `group` is open again
    assert (found["g"], found["c1.con1"], found["c"]) == ("out", "not", "in")
    assert labels(rebutted, "raise")["c"] == "out"  # raise: the pro's fate does not matter


def test_an_assumption_raised_by_an_undercut_acts_by_its_position() -> None:
    raised = (POPULAR + GROUP.replace("answers: popular-opinion.group\n",
                                      "answers: popular-opinion.evidence\n")
              + "        undercut:\n          - id: u\n"
              "            text: The crowd polled is not the one that matters.\n"
              "            answers: popular-opinion.group\n"
              "            con:\n              - text: It is the electorate.\n")
    # raised by u, which falls to its con: under assume no virtual undercut is added, and
    # the step counts, as under raise
    for mode in ("raise", "assume"):
        found = labels(raised, mode)
        assert (found["u"], found["c1.con1"], found["c"]) == ("out", "counts", "out"), mode


def test_assume_under_weighed_semantics() -> None:
    weighed = POPULAR.replace("        scheme: popular-opinion\n",
                              "        scheme: popular-opinion\n        weight: 3\n") + (
        "    pro:\n      - id: s\n        text: C is cheap.\n        weight: 2\n")
    assert labels(weighed, "raise", "weighed")["c"] == "out"  # 3 against 2
    assert labels(weighed, "assume", "weighed")["c"] == "in"  # the con does not count


def test_eval_cli_assume_on_the_carbon_tax_map(golden: Golden) -> None:
    rel = str(CARBON.relative_to(ROOT))
    for mode in ("raise", "assume"):
        code, out, err = run("eval", rel, "--critical-questions", mode)
        assert (code, err) == (0, "")
        golden(f"schemes/carbon-tax.eval-{mode}.txt", out)
    code, out, _ = run("eval", rel, "-f", "json", "--critical-questions", "assume")
    golden("schemes/carbon-tax.eval-assume.json", out)
    assert json.loads(out)["critical_questions"] == "assume"
    assert len(json.loads(out)["maps"][0]["steps"]) >= 10


def test_the_carbon_tax_map_names_ten_schemes_or_more() -> None:
    argmap = loads(CARBON.read_text(), name="c.yaml").maps[0]
    assert sum(1 for s in argmap.walk() if s.scheme) >= 10


def test_the_assume_transformation_leaves_the_map_without_schemes_alone() -> None:
    graph = build_graph(loads(Path(ROOT / "maps/nato-security.yaml").read_text()).maps[0])
    plain = [link for link in graph.links if link.scheme is None]
    assert evaluate_questions(graph, mode="assume").links.keys() >= {
        link.key for link in plain}


# -- everywhere it shows -----------------------------------------------------------------

def test_show_marks_schemes_and_open_questions(golden: Golden) -> None:
    rel = str(CARBON.relative_to(ROOT))
    for name, extra in (("80", ["--width", "80"]), ("200", ["--width", "200"]),
                        ("ascii", ["--width", "80", "--ascii"])):
        code, out, err = run("show", rel, *extra)
        assert (code, err) == (0, "")
        golden(f"schemes/carbon-tax.show-{name}.txt", out)
    assert "⟨expert-opinion\u00a0·\u00a03\u00a0open⟩" in run("show", rel)[1]


def test_show_counts_open_questions_on_the_whole_map_when_it_is_cut() -> None:
    rel = str(CARBON.relative_to(ROOT))
    # --depth 2 hides the answers below cbo-revenue: its count is still 3, not 6
    out = run("show", rel, "--depth", "2", "--width", "200")[1]
    assert "⟨expert-opinion\u00a0·\u00a03\u00a0open⟩" in out
    assert "6\u00a0open" not in out.split("\n")[4]


def test_the_brief_asks_their_questions_and_lists_our_holes(golden: Golden) -> None:
    rel = str(CARBON.relative_to(ROOT))
    code, out, err = run("brief", rel, "--for", "aff", "-f", "md", "-o", "-")
    assert (code, err) == (0, "")
    golden("schemes/carbon-tax.brief.md", out)
    cross, holes = out.index("# Cross-examination"), out.index("# Holes")
    assert cross < holes
    assert "Ask: How credible is the source as an expert? (expert-opinion.expertise" in (
        out[cross:holes])  # of neg's `regressive`, which cites CBO
    assert "Close: Is the expert's assertion based on evidence?" in out[holes:]


def test_a_brief_of_a_map_without_schemes_has_no_question_sections() -> None:
    out = run("brief", "tests/fixtures/debate/school-uniforms.yaml", "--for", "c1", "-f",
              "md", "-o", "-")[1]
    assert "Cross-examination" not in out and "Holes" not in out


def test_the_json_export_carries_schemes_and_questions() -> None:
    code, out, _ = run("render", str(CARBON.relative_to(ROOT)), "-f", "json", "-o", "-")
    assert code == 0
    data = json.loads(out)
    schema = json.loads((ROOT / "schema/argmap-export.schema.json").read_text())
    jsonschema.validate(data, schema)
    link = next(k for k in data["links"] if k["address"] == "c1.pro1")
    assert link["scheme"] == "expert-opinion"
    assert [(q["id"], q["open"], q["answered_by"]) for q in link["questions"]][:3] == [
        ("expert-opinion.expertise", False, ["c1.pro1.pro1"]),
        ("expert-opinion.field", False, ["c1.pro1.pro2"]),
        ("expert-opinion.opinion", False, ["offset"])]
    assert next(s for s in data["statements"] if s["key"] == "offset")["answers"] == [
        "expert-opinion.opinion"]
    # read back: the same schemes and answers
    back = loads(out, format="json", name="c.json").maps[0]
    written = loads(CARBON.read_text(), name="c.yaml").maps[0]
    assert [(s.path, s.scheme, s.answers) for s in back.walk()] == [
        (s.path, s.scheme, s.answers) for s in written.walk()]


def test_an_aif_round_trip_keeps_every_scheme() -> None:
    written = loads(CARBON.read_text(), name="c.yaml").maps[0]
    from argmap.api import export

    aif = export(written, "aif")
    nodes = json.loads(aif)["nodes"]
    assert {n["scheme"] for n in nodes if "scheme" in n} == {
        "Expert Opinion", "Cause To Effect", "Analogy", "Positive Consequences",
        "Practical Reasoning", "Negative Consequences", "Causal Slippery Slope",
        "Popular Opinion"}
    back = loads(aif, format="aif", name="c.json").maps[0]
    schemes = sorted((s.text, s.scheme) for s in back.walk() if s.scheme and s.ref is None)
    assert schemes == sorted((s.text, s.scheme) for s in written.walk()
                             if s.scheme and s.ref is None)
    assert sum(1 for s in back.walk() if s.scheme) == sum(1 for s in written.walk() if s.scheme)


def test_the_argdown_export_writes_the_scheme_into_the_data() -> None:
    from argmap.api import export

    text_ = export(loads(CARBON.read_text(), name="c.yaml").maps[0], "argdown")
    assert ('+ [cbo-revenue]: CBO estimates a $25-per-ton tax would raise about $1\\.1 '
            'trillion over ten years. {"scheme": "expert-opinion", "sources": ["cbo-2018"]}'
            ) in text_
    assert '{"answers": ["analogy.base"]}' in text_


def test_the_argdown_cli_reads_the_schemes_in_the_data(tmp_path: Path) -> None:
    from argmap.api import export
    from tests.reference_tools import argdown_json

    file = tmp_path / "carbon-tax.argdown"
    file.write_text(export(loads(CARBON.read_text(), name="c.yaml").maps[0], "argdown"))
    read = argdown_json([file], tmp_path / "json")["carbon-tax"]
    found = json.dumps(read)
    for scheme in ("expert-opinion", "cause-to-effect", "analogy", "practical-reasoning"):
        assert f'"scheme": "{scheme}"' in found, scheme


def test_add_writes_scheme_and_answers(tmp_path: Path) -> None:
    file = tmp_path / "m.yaml"
    file.write_text(HEAD)
    assert run("add", str(file), "--to", "c", "--pro", "Dr X says C.", "--id", "p",
               "--scheme", "expert-opinion")[0] == 0
    assert run("add", str(file), "--to", "p", "--pro", "X chairs the society.",
               "--answers", "expert-opinion.expertise")[0] == 0
    assert file.read_text() == HEAD + (
        "    pro:\n      - id: p\n        text: Dr X says C.\n        scheme: expert-opinion\n"
        "        pro:\n          - text: X chairs the society.\n"
        "            answers: expert-opinion.expertise\n")
    before = file.read_text()
    code, _, err = run("add", str(file), "--to", "p", "--con", "K", "--answers", "sign.strength")
    assert code == 1 and "[answers-elsewhere]" in err and file.read_text() == before
    code, _, err = run("add", str(file), "--to", "p", "--undercut", "U", "--scheme", "sign")
    assert (code, err) == (2, "argmap: --scheme names the pattern of a pro or con step: use "
                              "it with --pro or --con (an undercut attacks a step, a claim "
                              "has none)\n")


def test_check_for_claim_ids_on_a_map_without_sides() -> None:
    # nato-promise names no sides: --for takes our claims' ids, the rest are theirs
    code, _, err = run("check", "maps/nato-promise.yaml", "--select", "schemes", "--for",
                       "no-binding-promise")
    assert code == 0
    lines = err.splitlines()[:-1]
    # heard-broader (position to know) rebuts our baker-germany: their step, 3 questions
    assert sum("their position-to-know step" in line for line in lines) == 3
    assert all("[hole-to-close]" in line or "[question-to-ask]" in line for line in lines)
    # c2.con3 rebuts their claim broad-assurance: a step of ours, by expert opinion
    holes = [line for line in lines if "[hole-to-close]" in line]
    assert len(holes) == 6 and all("our expert-opinion step “The broad" in h for h in holes)


def test_the_yaml_data_reader_reads_the_catalogue_as_yaml_does() -> None:
    from ruamel.yaml import YAML

    assert plain_data(text()) == YAML(typ="safe").load(text())


# -- properties over generated maps ------------------------------------------------------

SOME = ("expert-opinion", "analogy", "sign", "cause-to-effect")


@st.composite
def schemed_items(draw: st.DrawFn, depth: int, step: str | None, counter: list[int],
                  relation: str) -> dict[str, object]:
    """A statement: maybe a scheme on its own step, maybe `answers` to ``step``, the
    scheme of the step above it."""
    counter[0] += 1
    item: dict[str, object] = {"text": f"S{counter[0]}"}
    own = draw(st.sampled_from((None, *SOME))) if relation in ("pro", "con") else None
    if own is not None:
        item["scheme"] = own
    if step is not None and draw(st.booleans()):
        questions = [q.id for q in catalogue().schemes[step].questions]
        item["answers"] = draw(st.lists(st.sampled_from(questions), min_size=1, max_size=2,
                                        unique=True))
    if depth > 0:
        for key in ("pro", "con", "undercut"):
            if key == "undercut" and relation not in ("pro", "con"):
                continue
            count = draw(st.integers(0, 2))
            # what is written below the item (its pro and con, and the undercuts of its
            # step) answers the questions of the item's own step
            if count:
                item[key] = [draw(schemed_items(depth - 1, own, counter, key))
                             for _ in range(count)]
    return item


@st.composite
def schemed_maps(draw: st.DrawFn) -> str:
    counter = [0]
    claims = [draw(schemed_items(draw(st.integers(1, 3)), None, counter, "claim"))
              for _ in range(draw(st.integers(1, 2)))]
    return json.dumps({"argmap": "1.2", "question": "Q?", "claims": claims})


@given(schemed_maps())
def test_assume_voids_every_step_with_an_open_assumption(text_: str) -> None:
    doc = loads(text_, name="gen.yaml")
    assert doc.diagnostics == [], text_
    graph = build_graph(doc.maps[0])
    raised = evaluate_questions(graph, Semantics.GROUNDED, "raise")
    assumed = evaluate_questions(graph, Semantics.GROUNDED, "assume")
    steps = asked(graph)
    for key, questions in steps.items():
        unanswered = [q for q in questions if q.question.kind == "assumption" and q.open]
        if unanswered:  # nothing answers it: a virtual undercut that stands
            assert assumed.links[key] is Status.OUT, (key, text_)
    if not steps:
        assert assumed.statements == raised.statements
    # the lint reports exactly the open questions
    warned = check(doc.maps[0], select="open-critical-question")
    assert len(warned) == sum(1 for qs in steps.values() for q in qs if q.open)


def test_add_together_puts_the_scheme_on_the_linked_argument(tmp_path: Path) -> None:
    file = tmp_path / "m.yaml"
    file.write_text(HEAD)
    assert run("add", str(file), "--to", "c", "--pro", "A goal.", "--together", "A means.",
               "--scheme", "practical-reasoning")[0] == 0
    assert file.read_text() == HEAD + (
        "    pro:\n      - premises:\n          - text: A goal.\n          - text: A means.\n"
        "        scheme: practical-reasoning\n")
