"""Issue 20: verdicts and briefs a debater can trust.

One test per problem the issue saw on a two-sided carbon-tax case
(examples/debate/carbon-tax.yaml holds all eight situations), the agreement of
every command under both semantics, and hand-worked cases for sides, steps on
refs and the side summary.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap
from argmap.analysis.evaluate import Semantics, Status, evaluate
from argmap.analysis.exchanges import attacks_on, side_summary
from argmap.analysis.sides import derive_sides, sides_for
from argmap.cli import app as cli
from argmap.graph import build_graph
from argmap.readers.yaml.load import load_text
from tests.conftest import TESTS

ROOT = TESTS.parent
CASE = str(ROOT / "examples/debate/carbon-tax.yaml")
MAPS = [CASE, *sorted(str(p) for p in (ROOT / "maps").glob("*.yaml"))]
runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(cli.app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def brief(*extra: str) -> str:
    return run("brief", CASE, "--for", "aff", *extra)


def section(text: str, title: str) -> str:
    """One Pocket of a Markdown brief."""
    return text.split(f"\n# {title}\n", 1)[1].split("\n# ", 1)[0]


# -- 1. the brief hides the attack that kills our answer ----------------------------

def test_1_the_undercut_that_voids_our_linked_answer_is_in_our_brief() -> None:
    text = brief()
    assert text.count("WTO") >= 2  # as a block of its own, and inside the leakage exchange
    frontlines = section(text, "Frontlines")
    assert "*Together: the linked argument bca-answer (bca + no-escape) ✗ DOES NOT COUNT.*" \
        in frontlines
    block = frontlines.split("### A2: Border adjustments break WTO rules")[1].split("###")[0]
    assert "**UNANSWERED**" in block


def test_1_their_case_says_why_an_answer_does_not_count() -> None:
    theirs = section(brief(), "Their case")
    assert ("*Why it does not count: cuts-emissions “A $50 carbon price cuts US energy "
            "emissions…” falls to leakage “Emissions-intensive industry moves abroad, so global "
            "emissions barely…”, which stands.*") in theirs
    assert ("*Why it does not count: their undercut dividend-lag “Dividends arrive a year "
            "after prices rise, so…” stands, unanswered.*") in theirs


LINKED_ANSWER = """\
argmap: 1.2
question: Q?
sides: [a, b]
claims:
  - id: ca
    side: a
    text: A.
  - id: cb
    side: b
    text: B.
    pro:
      - id: pb
        text: PB.
        con:
          - id: our-answer
            premises:
              - id: a1
                text: A1.
              - id: a2
                text: A2.
                con:
                  - id: kill
                    text: KILL.
            undercut:
              - id: cut
                text: CUT.
"""


def test_1_their_case_names_the_premise_that_fell_and_the_undercut_that_stands() -> None:
    text = run_brief_text(LINKED_ANSWER, "a")
    theirs = section(text, "Their case")
    assert "### Answer (together): A1. + A2." in theirs
    assert ("*Why it does not count: a2 “A2.” falls to kill “KILL.”, which stands; their "
            "undercut cut “CUT.” stands, unanswered.*") in theirs


def run_brief_text(text: str, side: str) -> str:
    from argmap.brief import build_brief
    from argmap.brief.md import render_md

    return render_md(build_brief(evaluate(build_graph(argmap.loads(text).maps[0])), [side]))


# -- 2. the brief stops at two levels ---------------------------------------------

def test_2_an_exchange_goes_down_to_our_extension() -> None:
    frontlines = section(brief(), "Frontlines")
    block = frontlines.split("### A2: British Columbia's grid is almost all hydropower")[1]
    block = block.split("\n### ")[0]
    order = [line for line in block.splitlines() if line.startswith("*") and "·" in line]
    assert order == ["*Their card, analytic · bc-different · Note: Their best card against the "
                     "analogy.*", "*Our answer · bc-transport*", "*Their answer · cross-border*",
                     "*Our extension · cross-border-small*"]


def test_2_depth_cuts_an_exchange_and_says_so() -> None:
    frontlines = section(brief("--depth", "1"), "Frontlines")
    block = frontlines.split("### A2: British Columbia's grid is almost all hydropower")[1]
    block = block.split("\n### ")[0]
    assert "Our extension" not in block and "(Cut at depth 1: the exchange goes on.)" in block


# -- 3. the block that decides the round comes first --------------------------------

def test_3_frontlines_are_in_danger_order_and_a_ref_steps_weight_counts() -> None:
    graph = build_graph(argmap.load_map(CASE))
    found = attacks_on(evaluate(graph), derive_sides(graph), "aff")
    named = [(a.danger, graph.address(a.link.premises[0]), a.link.weight) for a in found]
    assert named == [
        (1, "leakage", 4), (1, "jobs", 3), (1, "leakage", 2),  # the ref step weighs 2
        (2, "wto", 4), (2, "multiplier-small", 2), (2, "dividend-lag", 2), (2, "amend-later", None),
        (3, "admin-costs", None), (3, "admin-costs", 1),
        (4, "bc-different", 3), (4, "cross-border", None), (4, "subsidies-drive", 1)]
    hats = [line for line in section(brief(), "Frontlines").splitlines()
            if line.startswith("## ")]
    assert hats == ["## Their attacks that stand although we answered",
                    "## Unanswered attacks", "## Answered, still undecided",
                    "## Answered and beaten"]


# -- 4. two verdicts ----------------------------------------------------------------

def eval_statuses(path: str, semantics: str | None) -> dict[str, str]:
    args = ["eval", path, "-f", "json"] + (["--semantics", semantics] if semantics else [])
    rows = json.loads(run(*args))["maps"][0]["statements"]
    return {row["address"]: row["status"] for row in rows}


def html_statuses(path: str, semantics: str | None, tmp: Path) -> dict[str, str]:
    """The HTML page's marks: each tree item's data-address and status class."""
    out = tmp / "page.html"
    run("render", path, "-f", "html", "--eval", "-o", str(out),
        *(["--semantics", semantics] if semantics else []))
    graph = build_graph(argmap.load_map(path))
    found = {}
    for key, status in re.findall(r'data-address="([^"]+)"[^>]*><div class="row"[^>]*>'
                                  r'.*?class="status (in|out|undecided)"', out.read_text()):
        found[graph.statements[key.replace("&#x27;", "'")].path] = status
    return found


def table_statuses(path: str, semantics: str | None, tmp: Path) -> dict[str, str]:
    out = tmp / "tables"
    run("render", path, "-f", "tables", "--eval", "-o", f"{out}/",
        *(["--semantics", semantics] if semantics else []))
    graph = build_graph(argmap.load_map(path))
    with (out / "labels.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    key = next(k for k in rows[0] if k not in ("map", "status"))
    return {graph.statements[row[key]].path: row["status"] for row in rows}


@pytest.mark.parametrize("semantics", ["grounded", "weighed"])
@pytest.mark.parametrize("path", MAPS, ids=lambda p: Path(p).stem)
def test_4_every_command_agrees_on_every_status(path: str, semantics: str,
                                                tmp_path: Path) -> None:
    expected = eval_statuses(path, semantics)
    assert html_statuses(path, semantics, tmp_path) == expected
    assert table_statuses(path, semantics, tmp_path) == expected
    labels = argmap.evaluate(argmap.load_map(path), semantics)
    graph = build_graph(argmap.load_map(path))
    assert {graph[address].path: label.status.value
            for address, label in labels.items()} == expected
    counts = json.loads(run("stats", path, "-f", "json", "--semantics", semantics))["maps"][0]
    assert counts["status"] == {s: list(expected.values()).count(s)
                                for s in ("in", "out", "undecided")}
    assert counts["semantics"] == semantics
    # show --eval marks each line; the claims' marks, in order, match
    shown = run("show", path, "--eval", "--semantics", semantics, "--no-sources")
    marks = [line.split("◆ ")[1][0] for line in shown.splitlines() if "◆ " in line]
    symbols = {"in": "✓", "out": "✗", "undecided": "?"}
    claims = [expected[graph.statements[k].path] for k in graph.claims]
    assert marks == [symbols[s] for s in claims]
    assert shown.rstrip().endswith(f"{semantics} semantics")
    # the brief's Hats carry the same claim statuses, and its header names the semantics
    first = graph.statements[graph.claims[0]].address
    text = run("brief", path, "--for", first, "--semantics", semantics)
    assert f"Statuses by {semantics} semantics" in text
    hat = text.split("\n# Our case\n\n## ", 1)[1].splitlines()
    words = {"in": "STANDS", "out": "FALLS", "undecided": "UNDECIDED"}
    assert hat[2] == f"**{symbols[claims[0]]} {words[claims[0]]}**"


def test_4_the_maps_semantics_key_is_every_commands_default(tmp_path: Path) -> None:
    weighed = tmp_path / "weighed.yaml"
    weighed.write_text(Path(CASE).read_text().replace("sides: [aff, neg]\n",
                                                      "sides: [aff, neg]\nsemantics: weighed\n"))
    assert eval_statuses(str(weighed), None) == eval_statuses(CASE, "weighed")
    assert eval_statuses(str(weighed), None) != eval_statuses(CASE, "grounded")
    assert html_statuses(str(weighed), None, tmp_path) == eval_statuses(CASE, "weighed")
    assert "Statuses by weighed semantics" in run("brief", str(weighed), "--for", "aff")
    assert "(weighed)" in run("eval", str(weighed))
    # the command line wins over the map
    assert eval_statuses(str(weighed), "grounded") == eval_statuses(CASE, "grounded")


# -- 5. the debate rules know our side ------------------------------------------------

def test_5_with_for_only_their_attacks_on_us_are_unanswered_attacks() -> None:
    result = runner.invoke(cli.app, ["check", CASE, "--select", "unanswered-attack",
                                     "--for", "aff"])
    found = re.findall(r"warning: (rebuttal|undercut) “([^”]+)”", result.stderr)
    assert found == [("undercut", "Border adjustments break WTO rules, so they would…"),
                     ("rebuttal", "Dividends are mostly saved, so their spending multiplier…"),
                     ("undercut", "Dividends arrive a year after prices rise, so…"),
                     ("rebuttal", "Any later Congress can amend the price path…")]
    # without --for: today's meaning, every unanswered attack, ours too
    everyone = runner.invoke(cli.app, ["check", CASE, "--select", "unanswered-attack"]).stderr
    assert "Cross-border purchases explain at most a fifth" in everyone


def test_5_bare_claim_is_only_ours_with_for(tmp_path: Path) -> None:
    bare = tmp_path / "bare.yaml"
    bare.write_text("argmap: 1.2\nquestion: Q?\nsides: [a, b]\nclaims:\n"
                    "  - text: A.\n    side: a\n  - text: B.\n    side: b\n")
    both = runner.invoke(cli.app, ["check", str(bare), "--select", "bare-claim"]).stderr
    assert both.count("[bare-claim]") == 2
    ours = runner.invoke(cli.app, ["check", str(bare), "--select", "bare-claim", "--for", "a"])
    assert ours.stderr.count("[bare-claim]") == 1 and "“A.”" in ours.stderr


def test_5_standing_attack_names_the_block_that_loses_the_round() -> None:
    result = runner.invoke(cli.app, ["check", CASE, "--select", "standing-attack", "--for",
                                     "aff"])
    assert result.stderr.count("[standing-attack]") == 3
    assert "rebuttal “A carbon tax costs about 500,000 manufacturing jobs.” stands although " \
        "answered" in result.stderr


def test_5_the_old_code_still_selects_the_rule() -> None:
    old = runner.invoke(cli.app, ["check", CASE, "--select", "unanswered-rebuttal"]).stderr
    new = runner.invoke(cli.app, ["check", CASE, "--select", "unanswered-attack"]).stderr
    assert old == new and "[unanswered-attack]" in new


# -- 6. the terminal view of the frontlines; ref stubs carry their status -------------

def test_6_show_against_lists_attacks_on_our_supporting_premises() -> None:
    text = run("show", CASE, "--for", "aff", "--against", "--width", "200")
    assert "  1. STANDS DESPITE ANSWERS: rebuts cuts-emissions" in text
    assert "⊘ ✓ wto (theirs w4)" in text
    assert text.index("STANDS DESPITE ANSWERS") < text.index("UNANSWERED: undercuts")
    # --for without --against keeps our claims only
    assert "should not enact" not in run("show", CASE, "--for", "aff", "--no-sources")


def test_6_show_against_needs_for() -> None:
    result = runner.invoke(cli.app, ["show", CASE, "--against"])
    assert result.exit_code == 2
    assert result.stderr == "argmap: --against needs --for SIDE: whose frontlines?\n"


def test_6_ref_stubs_in_a_cut_carry_their_status() -> None:
    dot = run("render", CASE, "--focus", "neg", "--eval", "-f", "dot", "-o", "-")
    assert 'label="✗ ↪ cuts-emissions: A $50 carbon price' in dot
    assert 'label="✓ ↪ dividend-progressive: Equal dividends' in dot


# -- 7. a ref position is weighted and undercut on its own step -----------------------

REF_STEP = """\
argmap: 1.2
question: Q?
claims:
  - id: c
    text: C.
    pro:
      - id: p
        text: P.
  - id: d
    text: D.
    con:
      - ref: p
        weight: 4
        note: P answers D too.
        undercut:
          - text: U.
"""


def test_7_an_undercut_under_a_ref_cuts_that_step_only() -> None:
    graph = build_graph(load_text(REF_STEP, "r.yaml").maps[0])
    e = evaluate(graph)
    by_address = {graph.address(k): s for k, s in e.statements.items()}
    # hand-worked: U stands (unattacked); it cuts p's step to d, so d stands; p still
    # stands and its own step supports c
    assert by_address == {"c": Status.IN, "p": Status.IN, "d": Status.IN,
                          "c2.con1.undercut1": Status.IN}
    step = next(link for link in graph.links if link.ref)
    assert (step.weight, step.note, e.links[step.key]) == (4, "P answers D too.", Status.OUT)
    home = graph.link(graph.statements["p"].link or "")
    assert home is not None and e.links[home.key] is Status.IN


def test_7_a_ref_steps_weight_decides_under_weighed() -> None:
    text = REF_STEP.replace("        undercut:\n          - text: U.\n", "").replace(
        "    con:\n      - ref: p\n", "    pro:\n      - text: Q.\n        weight: 3\n"
        "    con:\n      - ref: p\n")
    graph = build_graph(load_text(text, "r.yaml").maps[0])
    weighed = evaluate(graph, Semantics.WEIGHED)
    d = next(k for k in graph.statements if graph.address(k) == "d")
    # hand-worked: d has pro Q (3) and con ref p (4, its own step weight): 4 >= 3, d falls
    assert weighed.statements[d] is Status.OUT
    assert evaluate(graph, Semantics.WEIGHED).statements[d] is Status.OUT
    lighter = build_graph(load_text(text.replace("weight: 4", "weight: 2"), "r.yaml").maps[0])
    assert evaluate(lighter, Semantics.WEIGHED).statements[d] is Status.IN


def test_7_ref_steps_survive_fmt_yaml_and_json_round_trips(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text(REF_STEP)
    for fmt in ("yaml", "json"):
        out = tmp_path / f"out.{fmt}"
        run("render", str(source), "-f", fmt, "-o", str(out))
        back = run("render", str(out), "-f", "yaml", "-o", "-")
        assert "      - ref: p\n        weight: 4\n        note: P answers D too.\n" \
            "        undercut:\n          - text: U.\n" in back
        assert back.startswith("argmap: 1.2\n")
    assert runner.invoke(cli.app, ["fmt", "--check", str(source)]).exit_code == 0


def test_7_ref_step_keys_need_1_2_and_no_statement_keys(tmp_path: Path) -> None:
    old = load_text(REF_STEP.replace("argmap: 1.2", "argmap: 1.1"), "r.yaml").diagnostics
    assert [(d.code, d.message) for d in old][:1] == [
        ("needs-version", "`weight` on a `ref` is format 1.2, but this map declares "
         "`argmap: 1.1`; declare `argmap: 1.2`")]
    keyed = load_text(REF_STEP.replace("        note: P answers D too.\n",
                                       "        text: again\n"), "r.yaml").diagnostics
    assert [d.message for d in keyed] == [
        "a `ref` item carries only the keys of its step (weight, undercut, note, speech, "
        "scheme); put `text` on the statement with id 'p'"]


# -- 8. brief hygiene ---------------------------------------------------------------

def test_8_statuses_sit_outside_tag_text_and_can_be_left_out() -> None:
    text = brief()
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert not [h for h in headings if re.search(r"[✓✗?] (STANDS|FALLS|UNDECIDED)", h)]
    bare = brief("--no-status")
    assert not re.search(r"[✓✗?] (STANDS|FALLS|UNDECIDED|COUNTS|DOES NOT COUNT)", bare)
    assert "**UNANSWERED**" in bare  # not a status: what the map lacks
    assert "Semantics: grounded; statuses left out." in bare


def test_8_a_card_is_printed_once_per_pocket() -> None:
    text = brief()
    quote = "> A unilateral tax would shift some emissions-intensive production"
    for pocket in ("Our case", "Frontlines", "Their case"):
        assert section(text, pocket).count(quote) <= 1
    assert section(text, "Frontlines").count(quote) == 1
    assert "*Their card · leakage · read above, under “Emissions-intensive industry moves " \
        "abroad, so global emissions barely…”*" in section(text, "Frontlines")


def test_8_analytics_are_named_and_no_hat_repeats_as_a_tag() -> None:
    text = brief()
    assert "No card" not in text
    assert "*Their card, analytic · amend-later · Tags: analytic*" in text
    our_case = section(text, "Our case")
    hat = "The United States should enact a revenue-neutral carbon tax of $50 a ton with " \
        "equal dividends."
    assert our_case.count(hat) == 1 and f"## {hat}" in our_case


def test_8_tags_notes_by_source_notes_and_accessed_dates_appear() -> None:
    text = brief()
    assert "*Tags: policy, carbon-tax.*" in text
    assert "Note: Their best card against the analogy." in text
    assert "By Negative" in text
    assert "*About rff-2019: Quotes in this example are abridged paraphrases.*" in text
    assert "accessed 2026-11-20" in text


def test_8_docx_core_properties_name_the_question_and_now(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    from docx import Document

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    out = tmp_path / "b.docx"
    run("brief", CASE, "--for", "aff", "-o", str(out))
    props = Document(io.BytesIO(out.read_bytes())).core_properties
    assert props.title == ("Resolved: The United States federal government should enact a "
                           "carbon tax.")
    assert props.author == "argmap" and props.comments == ""
    assert props.created is not None and props.created.year == 2026
    assert props.modified == props.created


# -- sides and the side summary, hand-worked --------------------------------------------

SIDES = """\
argmap: 1.2
question: Q?
sides: [a, b]
claims:
  - id: ca
    side: a
    text: A.
    pro:
      - id: pa
        text: PA.
        weight: 3
        con:
          - id: xb
            text: XB.
            undercut:
              - id: ua
                text: UA.
  - id: cb
    side: b
    text: B.
    con:
      - ref: pa
"""


def test_sides_are_derived_from_positions() -> None:
    found = argmap.sides(argmap.loads(SIDES).maps[0])
    assert found == {"ca": "a", "pa": "a", "xb": "b", "ua": "a", "cb": "b"}


def test_three_sides_say_against() -> None:
    text = SIDES.replace("sides: [a, b]", "sides: [a, b, c]")
    found = argmap.sides(argmap.loads(text).maps[0])
    assert found["xb"] == "against a" and found["ua"] == "a"


def test_for_claim_ids_makes_ours_and_theirs() -> None:
    graph = build_graph(argmap.loads(SIDES).maps[0])
    side, sides = sides_for(graph, ["cb"])
    assert side == "ours" and sides.names == ("ours", "theirs")
    assert sides.of("pa") == "theirs" and sides.of("xb") == "ours"


def test_side_summary_hand_worked() -> None:
    graph = build_graph(argmap.loads(SIDES).maps[0])
    e = evaluate(graph)
    # ua undercuts xb's step, so pa stands; pa supports ca (weight 3) and rebuts cb: cb falls
    standing, ahead = side_summary(e, derive_sides(graph))
    assert [(s.side, s.claims, s.weight) for s in standing] == [("a", ("ca",), 3),
                                                                 ("b", (), 0)]
    assert ahead == "a"
    assert run_eval_tail(SIDES) == ["  sides (grounded; weight of the standing claims' "
                                    "counting support):",
                                    "    a: 1 standing claim (ca), weight 3",
                                    "    b: 0 standing claims (none), weight 0", "  a is ahead"]


def run_eval_tail(text: str) -> list[str]:
    from argmap.analysis.report import eval_text

    graph = build_graph(argmap.loads(text).maps[0])
    return eval_text([evaluate(graph)], [derive_sides(graph)]).splitlines()[-4:]


def test_side_errors_are_located() -> None:
    bad = SIDES.replace("    side: b\n", "    side: bb\n").replace(
        "        weight: 3\n", "        weight: 3\n        side: a\n")
    found = [(d.code, d.span.line, d.message) for d in argmap.loads(bad).diagnostics]
    assert found == [
        ("side-position", 12, "`side` goes on claims only; every other statement takes its "
         "side from its position (a pro is on its parent's side, a con or undercut against "
         "it)"),
        ("unknown-side", 20, "side 'bb' is not one of the map's `sides` (a, b); did you mean "
         "'b'?")]


def test_7_add_and_rm_an_undercut_of_a_ref_step(tmp_path: Path) -> None:
    source = tmp_path / "m.yaml"
    source.write_text(REF_STEP.replace("argmap: 1.2", "argmap: 1.1").replace(
        "        weight: 4\n        note: P answers D too.\n        undercut:\n"
        "          - text: U.\n", ""))
    result = runner.invoke(cli.app, ["add", str(source), "--to", "c2.con1", "--undercut", "W."])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"argmap: added an undercut of the step at c2.con1 (a ref to p) " \
        f"to {source}\n"
    text = source.read_text()
    assert text.startswith("argmap: 1.2\n")  # the map now needs 1.2, as a linked add needs 1.1
    assert text.endswith("      - ref: p\n        undercut:\n          - text: W.\n")
    assert runner.invoke(cli.app, ["rm", str(source), "c2.con1.undercut1"]).exit_code == 0
    assert source.read_text().endswith("      - ref: p\n")


# -- found by a fresh-eyes pass as a debater ---------------------------------------------

def test_stats_for_a_side_reports_that_side() -> None:
    aff = json.loads(run("stats", CASE, "--for", "aff", "-f", "json"))["maps"][0]["side"]
    neg = json.loads(run("stats", CASE, "--for", "neg", "-f", "json"))["maps"][0]["side"]
    assert aff["name"] == "aff" and neg["name"] == "neg" and aff != neg


def test_an_attack_made_by_ref_is_checked_like_a_written_one(tmp_path: Path) -> None:
    source = tmp_path / "r.yaml"
    source.write_text("argmap: 1.2\nquestion: Q?\nsides: [a, b]\nclaims:\n  - id: ca\n"
                      "    side: a\n    text: A.\n    pro:\n      - id: ap\n        text: AP.\n"
                      "  - id: cb\n    side: b\n    text: B.\n    con:\n      - ref: ap\n")
    result = runner.invoke(cli.app, ["check", str(source), "--select", "unanswered-attack",
                                     "--for", "b"])
    assert f"{source}:15:14: warning: rebuttal “AP.” has no answer" in result.stderr


def test_for_naming_every_claim_is_refused() -> None:
    result = runner.invoke(cli.app, ["brief", CASE, "--for", "aff,neg"])
    assert result.exit_code == 2
    assert "names every claim of map 'carbon-tax', so nothing is left for the other side" \
        in result.stderr


def test_a_ref_steps_weight_is_drawn_on_its_edge() -> None:
    dot = run("render", CASE, "-f", "dot", "-o", "-")
    assert dot.count("▰▰▰▰▰") >= 2  # cuts-emissions written (5) and its ref under neg (5)


def test_their_case_shows_their_cards_and_what_we_have_not_answered() -> None:
    theirs = section(run("brief", CASE, "--for", "neg"), "Their case")
    assert "### Their support: Equal dividends leave most low-income households better off" \
        in theirs
    block = theirs.split("### Their support: Equal dividends")[1].split("\n### ")[0]
    assert "**UNANSWERED · ✓ STANDS**" in block and "We have no answer to this support yet." \
        in block
    ours = section(brief(), "Their case")
    assert "> Low-income households spend a larger share of their income" in ours


def test_the_atlas_marks_statuses_by_the_semantics_chosen(tmp_path: Path) -> None:
    from pypdf import PdfReader

    texts = {}
    for semantics in ("grounded", "weighed"):
        out = tmp_path / f"{semantics}.pdf"
        run("render", CASE, "-f", "pdf", "--pages", "--eval", "--semantics", semantics,
            "-o", str(out))
        texts[semantics] = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "✗ The United States should enact" in " ".join(texts["grounded"].split())
    assert "✓ The United States should enact" in " ".join(texts["weighed"].split())
