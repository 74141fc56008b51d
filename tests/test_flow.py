"""Rounds and flows (format 1.2's speeches): reading them, drops and extensions worked by
hand, eval --after, the flow in every output, and the commands that use them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap import api
from argmap.analysis.after import after, by_speech
from argmap.analysis.flow import build_flow
from argmap.analysis.round import build_round
from argmap.cli.app import app
from argmap.errors import UsageError
from argmap.model import ArgumentMap, Speech
from argmap.project.config import ProjectFile
from argmap.speeches import PRESETS
from tests.conftest import TESTS, Golden

ROOT = TESTS.parent
POLICY = ROOT / "examples/rounds/policy-carbon-tax.yaml"
PF = ROOT / "examples/rounds/pf-school-phones.yaml"
ROUNDS = {"policy": POLICY, "pf": PF}


def loads(text: str) -> ArgumentMap:
    doc = api.loads(text, name="round.yaml")
    assert doc.ok, [str(d) for d in doc.diagnostics]
    return doc.maps[0]


def errors(text: str) -> list[str]:
    return [f"{d.span.line}:{d.span.column}: {d.message} [{d.code}]"
            for d in api.loads(text, name="round.yaml").diagnostics]


# -- reading speeches -------------------------------------------------------

def test_a_preset_gives_names_sides_and_times() -> None:
    m = loads("argmap: 1.2\nquestion: Q?\nformat: LD\nclaims:\n  - text: A\n")
    assert m.format == "ld"
    assert m.speeches == (Speech("AC", "aff", 6), Speech("NC", "neg", 7),
                          Speech("1AR", "aff", 4), Speech("NR", "neg", 6),
                          Speech("2AR", "aff", 3))


def test_the_maps_sides_rename_a_presets_by_position() -> None:
    m = loads("argmap: 1.2\nquestion: Q?\nformat: pf\nsides: [con, pro]\nclaims:\n"
              "  - text: A\n")
    assert [(s.name, s.side) for s in m.speeches[:3]] == [("1C", "con"), ("2C", "pro"),
                                                         ("1R", "con")]


def test_every_preset_alternates_between_two_sides_with_times() -> None:
    for preset in PRESETS.values():
        speeches = preset.resolve()
        assert {s.side for s in speeches} == set(preset.sides), preset.name
        assert all(s.minutes for s in speeches), preset.name


def test_plain_names_alternate_and_mappings_say_their_own() -> None:
    m = loads("argmap: 1.2\nquestion: Q?\nsides: [gov, opp]\nspeeches:\n  - PM\n  - LO\n"
              "  - {name: Reply, side: opp, minutes: 4}\nclaims:\n  - text: A\n"
              "    speech: pm\n")
    assert m.speeches == (Speech("PM", "gov"), Speech("LO", "opp"), Speech("Reply", "opp", 4))
    assert m.claims[0].speech == "PM"  # compared ignoring case, stored as the round says it


def test_speech_on_refs_and_linked_arguments() -> None:
    m = loads("argmap: 1.2\nquestion: Q?\nformat: policy\nclaims:\n  - id: a\n    text: A\n"
              "    pro:\n      - premises:\n          - text: B\n          - text: C\n"
              "        speech: 1ac\n      - ref: a\n        speech: 2AR\n")
    argument, ref = m.claims[0].pro
    assert argument.speech == "1AC" and ref.speech == "2AR"


@pytest.mark.parametrize(("text", "expected"), [
    ("argmap: 1.2\nquestion: Q?\nformat: policy\nclaims:\n  - text: A\n    speech: 2AX\n",
     "6:13: speech '2AX' is not one of the round's speeches (1AC, 1NC, 2AC, 2NC, 1NR, 1AR, "
     "2NR, 2AR); did you mean '2AR'? [unknown-speech]"),
    ("argmap: 1.2\nquestion: Q?\nclaims:\n  - text: A\n    speech: 1AC\n",
     "5:13: speech '1AC' cannot be placed: the map declares no `format` or `speeches` "
     "[unknown-speech]"),
    ("argmap: 1.1\nquestion: Q?\nformat: policy\nclaims:\n  - text: A\n",
     "3:1: `format` is format 1.2, but this map declares `argmap: 1.1`; declare "
     "`argmap: 1.2` [needs-version]"),
    ("argmap: 1.2\nquestion: Q?\nsides: [a, b]\nspeeches: [X, x]\nclaims:\n  - text: A\n",
     "4:15: speech 'x' is listed twice (names are compared ignoring case) [bad-speech]"),
    ("argmap: 1.2\nquestion: Q?\nsides: [a, b]\nspeeches: [{name: X, minutes: -1}]\n"
     "claims:\n  - text: A\n",
     "4:31: `minutes` must be a positive number of minutes, not the number -1 [bad-speech]"),
    ("argmap: 1.2\nquestion: Q?\nsides: [a, b]\nspeeches: [{name: X, side: c}]\n"
     "claims:\n  - text: A\n",
     "4:28: side 'c' is not one of the map's `sides` (a, b) [unknown-side]"),
    ("argmap: 1.2\nquestion: Q?\nformat: policy\nclaims:\n  - text: A\n    side: pro\n",
     "6:11: side 'pro' is not one of the map's `sides` (aff, neg) [unknown-side]"),
])
def test_bad_speeches_are_located_errors(text: str, expected: str) -> None:
    assert errors(text) == [expected]


# -- drops and extensions, worked by hand ------------------------------------

HAND = """\
argmap: 1.2
question: Q?
format: policy
claims:
  - id: plan
    side: aff
    text: Plan.
    pro:
      - id: adv
        text: Advantage.
        pro:
          - id: warrant
            text: Warrant.
        con:
          - id: turn
            text: Turn.
            speech: 1NC
            con:
              - id: no-turn
                text: No turn.
                speech: 2AC
          - id: late
            text: Late answer.
            speech: 2NR
      - ref: adv
        speech: 1AR
      - ref: adv
        speech: 2AR
      - id: card
        text: Card.
"""


def test_drops_and_extensions_worked_by_hand() -> None:
    found = build_round(loads(HAND))
    assert found is not None
    names = [s.name for s in found.speeches]

    def row(key: str) -> tuple[str, str, str | None, list[str], bool]:
        a = found.arguments[key]
        return (names[a.speech], str(a.side), names[a.dropped] if a.dropped is not None
                else None, [names[i] for i in a.extended], a.not_extended)

    # the plan and its unmarked pros are said in the 1AC (the aff's first speech)
    assert row("plan") == ("1AC", "aff", None, [], False)  # a sheet, never dropped
    # adv: answered by turn (1NC); said again in 1AR and 2AR
    assert row("adv") == ("1AC", "aff", None, ["1AR", "2AR"], False)
    # turn: answered by no-turn in 2AC; the neg never said it again
    assert row("turn") == ("1NC", "neg", None, [], True)
    # no-turn: the 2NC, 1NR and 2NR never answered it: dropped, first by the 2NC
    assert row("no-turn") == ("2AC", "aff", "2NC", [], True)
    # late: said in the 2NR; the 2AR could answer and did not
    assert row("late") == ("2NR", "neg", "2AR", [], False)
    # card: the 1NC could answer it first, and no neg speech did
    assert row("card") == ("1AC", "aff", "1NC", [], True)
    # warrant: dropped like the card, but carried into the 2AR by adv, which it supports
    assert row("warrant") == ("1AC", "aff", "1NC", [], False)


def test_the_flow_places_answers_beside_what_they_answer() -> None:
    flow = build_flow(loads(HAND))
    sheet = flow.sheets[0]
    names = [s.name for s in flow.speeches]
    cells = [(c.row, names[c.column], c.address, c.kind) for c in sheet.cells]
    assert cells == [
        (0, "1AC", "plan", "claim"),
        (1, "1AC", "adv", "argument"), (1, "1NC", "turn", "argument"),
        (1, "2AC", "no-turn", "argument"), (1, "1AR", "adv", "extension"),
        (1, "2NR", "late", "argument"), (1, "2AR", "adv", "extension"),
        (2, "1AC", "warrant", "argument"), (3, "1AC", "card", "argument"),
    ]


def test_for_side_keeps_only_what_that_side_must_act_on() -> None:
    flow = build_flow(loads(HAND), "neg")
    marked = {c.address: (c.dropped, c.not_extended) for c in flow.sheets[0].cells
              if c.kind == "argument"}
    # neg dropped no-turn and card; neg did not extend turn; aff's own problems are not shown
    assert marked == {"adv": (None, False), "turn": (None, True), "no-turn": ("2NC", False),
                      "late": (None, False), "card": ("1NC", False),
                      "warrant": ("1NC", False)}
    assert build_flow(loads(HAND), "plan").side == "aff"  # a claim stands for its side


def test_flow_needs_speeches_and_a_known_side() -> None:
    with pytest.raises(UsageError, match="has no speeches to flow"):
        build_flow(loads("question: Q?\nclaims:\n  - text: A\n"))
    with pytest.raises(UsageError, match=r"--for af: not a side of this round; did you "
                       r"mean 'aff'\? \(sides: aff, neg\)"):
        build_flow(loads(HAND), "af")


# -- eval --after ----------------------------------------------------------------

def test_eval_after_worked_by_hand() -> None:
    m = loads(HAND)
    # after the 1AC: the plan, adv and card; nothing attacks adv, so it stands
    first = api.evaluate(after(m, 0))
    assert {a: str(label.status) for a, label in first.items()} == {
        "plan": "in", "adv": "in", "warrant": "in", "card": "in"}
    # after the 1NC: the turn stands unanswered, so adv falls
    assert api.evaluate(after(m, 1))["adv"].status == "out"
    # after the 2AC: no-turn answers the turn, so adv stands again
    after_2ac = api.evaluate(after(m, 2))
    assert (after_2ac["turn"].status, after_2ac["adv"].status) == ("out", "in")
    # after the 2NR: the late answer stands, so adv falls for good
    assert api.evaluate(after(m, 6))["adv"].status == "out"
    assert api.after(m, "1nc") == after(m, 1)


def test_eval_by_speech_table() -> None:
    names, rows = by_speech(loads(HAND))
    assert names == ["1AC", "1NC", "2AC", "2NC", "1NR", "1AR", "2NR", "2AR"]
    assert [str(s) for s in rows["plan"]] == ["in"] * 8


SPEECH_NAMES = ("1AC", "1NC", "2AC", "2NC", "1NR", "1AR", "2NR", "2AR")


@st.composite
def rounds(draw: st.DrawFn) -> str:
    """A small policy round: random trees of pro/con with random speeches (or none), and
    refs (extensions or reuses) to earlier ids."""
    lines = ["argmap: 1.2", "question: Q?", "format: policy", "claims:"]
    ids: list[str] = []

    def speech(indent: str) -> None:
        chosen = draw(st.sampled_from((None, *SPEECH_NAMES)))
        if chosen is not None:
            lines.append(f"{indent}  speech: {chosen}")

    def statement(indent: str, depth: int) -> None:
        if ids and draw(st.integers(0, 4)) == 0:
            lines.append(f"{indent}- ref: {draw(st.sampled_from(ids))}")
            speech(indent)
            return
        name = f"s{len(ids)}"
        ids.append(name)
        lines.extend([f"{indent}- id: {name}", f"{indent}  text: Statement {name}."])
        speech(indent)
        if depth < 3:
            for kind in ("pro", "con"):
                count = draw(st.integers(0, 2))
                if count:
                    lines.append(f"{indent}  {kind}:")
                    for _ in range(count):
                        statement(indent + "    ", depth + 1)

    for number in range(draw(st.integers(1, 2))):
        lines.extend([f"  - id: claim{number}", f"    side: {('aff', 'neg')[number]}",
                      f"    text: Claim {number}."])
        ids.append(f"claim{number}")
        lines.append("    con:")
        for _ in range(draw(st.integers(1, 3))):
            statement("      ", 1)
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(rounds(), st.sampled_from(("grounded", "weighed")))
def test_eval_after_the_last_speech_is_eval(text: str, semantics: str) -> None:
    doc = api.loads(text, name="round.yaml")
    m = doc.maps[0]
    assert after(m, len(m.speeches) - 1) == m
    assert api.evaluate(api.after(m, "2AR"), semantics) == api.evaluate(m, semantics)
    # and what was said by a speech is said by every later one
    for index in range(len(m.speeches) - 1):
        said = {s.path for s in after(m, index).walk()}
        assert said <= {s.path for s in after(m, index + 1).walk()}


# -- the flow in every output ------------------------------------------------------

@pytest.mark.parametrize("name", ROUNDS)
@pytest.mark.parametrize("fmt", ["text", "md", "csv"])
def test_flow_golden(name: str, fmt: str, golden: Golden) -> None:
    m = api.load_map(ROUNDS[name])
    result = api.flow(m, fmt, width=100).decode("utf-8")
    golden(f"flow/{name}.{'txt' if fmt == 'text' else fmt}", result)


@pytest.mark.parametrize("width", [80, 200])
def test_flow_text_fits_the_width(width: int, golden: Golden) -> None:
    text = api.flow(api.load_map(POLICY), "text", "aff", width).decode("utf-8")
    assert max(len(line) for line in text.splitlines()) <= width
    golden(f"flow/policy-for-aff-{width}.txt", text)


def test_flow_xlsx_reads_back_with_openpyxl() -> None:
    from openpyxl import load_workbook

    m = api.load_map(POLICY)
    flow = build_flow(m)
    book = load_workbook(io.BytesIO(api.flow(m, "xlsx")))
    assert book.sheetnames == ["1 plan", "2 recession", "3 politics", "4 topicality",
                               "5 counterplan"]
    page = book["1 plan"]
    assert [c.value for c in page[2]] == ["1AC aff", "1NC neg", "2AC aff", "2NC neg",
                                          "1NR neg", "1AR aff", "2NR neg", "2AR aff"]
    assert page.page_setup.orientation == "landscape"
    # every cell of the flow is in its speech's column, on its row, wrapped
    for cell in flow.sheets[0].cells:
        found = page.cell(row=cell.row + 3, column=cell.column + 1)
        assert found.value.splitlines()[0].endswith(cell.text)
        assert found.alignment.wrap_text
    dropped = page.cell(row=3 + 2, column=1)  # the 1AC card the 1NC dropped
    assert dropped.value.endswith("[DROPPED by 1NC]")  # carried into the 2AR by warming
    assert dropped.fill.fgColor.rgb.endswith("F4CCCC")


def test_flow_csv_neutralises_formulas() -> None:
    m = loads("argmap: 1.2\nquestion: Q?\nformat: ld\nclaims:\n  - text: =HYPERLINK(1)\n")
    assert "'=HYPERLINK(1)" in api.flow(m, "csv").decode("utf-8")


# -- the commands ------------------------------------------------------------------

def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_flow_command_writes_each_format(tmp_path: Path) -> None:
    code, out, _ = run("flow", str(POLICY), "--width", "120")
    assert code == 0 and out.startswith("policy-carbon-tax: Resolved")
    code, _, err = run("flow", str(POLICY), "-o", str(tmp_path / "round.xlsx"))
    assert code == 0 and err == f"argmap: wrote {tmp_path / 'round.xlsx'}\n"
    assert (tmp_path / "round.xlsx").read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(("args", "message"), [
    (("flow", "maps/nato-promise.yaml"), "argmap: map 'nato-promise' has no speeches to flow: "
     "add `format: policy` (or ld, pf, bp, worlds, apda, asian) or a `speeches` list\n"),
    (("flow", str(POLICY), "--for", "af"), "argmap: --for af: not a side of this round; did "
     "you mean 'aff'? (sides: aff, neg)\n"),
    (("flow", str(POLICY), "-f", "md", "-o", "x.csv"), "argmap: -f md does not match -o "
     "x.csv, which names a csv file; drop -f or change the extension\n"),
    (("eval", str(POLICY), "--after", "3AC"), "argmap: --after 3AC: not a speech of map "
     "'policy-carbon-tax'; did you mean '2AC'? (speeches: 1AC, 1NC, 2AC, 2NC, 1NR, 1AR, 2NR, "
     "2AR)\n"),
    (("brief", str(POLICY)), "argmap: brief needs --for (our side or claims), or --speech for one "
     "speech of a round\n"),
    (("brief", str(POLICY), "--speech", "2ax"), "argmap: --speech 2ax: not a speech of map "
     "'policy-carbon-tax'; did you mean '2AR'? (speeches: 1AC, 1NC, 2AC, 2NC, 1NR, 1AR, 2NR, "
     "2AR)\n"),
])
def test_flow_usage_errors(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out, err) == (2, "", message)


def test_eval_after_and_by_speech_commands() -> None:
    code, out, _ = run("eval", str(POLICY), "--after", "1nc")
    assert code == 0 and "✓ stands     recession" in out
    code, out, _ = run("eval", str(POLICY), "--by-speech")
    assert code == 0
    assert "  recession    ·    ✓    ✗    ✗    ✓    ✗    ✗    ✗\n" in out


def test_check_select_flow() -> None:
    doc = api.loads(HAND, name="round.yaml")
    found = [f"{d.span.line}: {d.message} [{d.code}]" for d in api.check(doc.maps[0], "flow")]
    assert found == [
        "12: neg dropped aff's “Warrant.” (1AC): no answer from 1NC on; answer it, or concede "
        "it knowingly [dropped]",
        "15: neg did not extend “Turn.” into 2NR: if it did, write `- ref: turn` with "
        "`speech: 2NR`; else it is given up [not-extended]",
        "19: neg dropped aff's “No turn.” (2AC): no answer from 2NC on; answer it, or concede "
        "it knowingly [dropped]",
        "19: aff did not extend “No turn.” into 2AR: if it did, write `- ref: no-turn` with "
        "`speech: 2AR`; else it is given up [not-extended]",
        "22: aff dropped neg's “Late answer.” (2NR): no answer from 2AR on; answer it, or "
        "concede it knowingly [dropped]",
        "29: neg dropped aff's “Card.” (1AC): no answer from 1NC on; answer it, or concede it "
        "knowingly [dropped]",
        "29: aff did not extend “Card.” into 2AR: if it did, write `- ref: card` with "
        "`speech: 2AR`; else it is given up [not-extended]",
    ]


def test_brief_speech(golden: Golden) -> None:
    code, out, _ = run("brief", str(POLICY), "--speech", "2ac")
    assert code == 0
    golden("flow/policy-2ac-brief.md", out)
    code, out, _ = run("brief", str(POLICY), "--speech", "2ar")
    assert "## Extensions" in out and "Extend A border carbon adjustment stops leakage" in out


def test_add_speech_and_ref_extension(tmp_path: Path) -> None:
    path = tmp_path / "round.yaml"
    path.write_text(HAND, encoding="utf-8")
    code, _, err = run("add", str(path), "--to", "late", "--con", "Too late.", "--speech",
                       "2ar")
    assert (code, err) == (0, f"argmap: added a con premise under late to {path}\n")
    code, _, err = run("add", str(path), "--ref", "turn", "--speech", "2NR")
    assert (code, err) == (0, f"argmap: extended turn in 2NR, beside it, in {path}\n")
    text = path.read_text(encoding="utf-8")
    assert ("            con:\n              - text: Too late.\n                speech: 2ar\n"
            in text)
    assert "          - ref: turn\n            speech: 2NR\n" in text
    found = build_round(api.load_map(path))
    assert found is not None and found.arguments["turn"].not_extended is False
    code, _, err = run("add", str(path), "--ref", "turn", "--speech", "3NR")
    assert code == 1 and "speech '3NR' is not one of the round's speeches" in err
    assert path.read_text(encoding="utf-8") == text  # nothing half-written


def test_hostile_speech_names_and_texts_stay_inert() -> None:
    m = loads('argmap: 1.2\nquestion: Q?\nsides: [a, b]\nspeeches: ["X\\e[31m|", Z]\n'
              'claims:\n  - text: "<b>A</b> | *B* \\e]0;t\\a"\n    side: a\n')
    text = api.flow(m, "text", width=80).decode("utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\\x1b" in text
    md = api.flow(m, "md").decode("utf-8")
    assert "| X\x1b\\[31m\\| a | Z b |" in md and "\\<b\\>A\\</b\\> \\| \\*B\\*" in md
    html = api.flow(m, "html").decode("utf-8")
    assert "<b>A" not in html and "&lt;b&gt;A&lt;/b&gt;" in html


def test_check_select_flow_for_a_side(tmp_path: Path) -> None:
    path = tmp_path / "round.yaml"
    path.write_text(HAND, encoding="utf-8")
    code, _, err = run("check", str(path), "--select", "flow", "--for", "neg")
    # what neg must act on: aff's arguments it dropped, its own turn not extended
    assert [line.split(": warning: ")[1] for line in err.splitlines()[:-1]] == [
        "neg dropped aff's “Warrant.” (1AC): no answer from 1NC on; answer it, or concede "
        "it knowingly [dropped]",
        "neg did not extend “Turn.” into 2NR: if it did, write `- ref: turn` with "
        "`speech: 2NR`; else it is given up [not-extended]",
        "neg dropped aff's “No turn.” (2AC): no answer from 2NC on; answer it, or concede "
        "it knowingly [dropped]",
        "neg dropped aff's “Card.” (1AC): no answer from 1NC on; answer it, or concede it "
        "knowingly [dropped]",
    ]
    assert code == 0
    code, _, err = run("check", str(POLICY), "--select", "flow", "--for", "plan,recession")
    assert (code, err) == (2, "argmap: --for plan,recession: names claims of several sides; "
                           "the flow rules judge for one side\n")


def test_a_claim_without_side_is_on_the_side_of_its_speech() -> None:
    found = build_round(loads("argmap: 1.2\nquestion: Q?\nformat: ld\nclaims:\n"
                              "  - id: k\n    text: K.\n    speech: NC\n    con:\n"
                              "      - id: a\n        text: A.\n"))
    assert found is not None
    assert (found.side("k"), found.side("a")) == ("neg", "aff")
    assert found.speeches[found.said("a")].name == "1AR"  # aff's first speech after the NC


# -- extensions weigh once; rounds survive export; the project file's format ---------


def test_an_extension_weighs_once_under_weighed() -> None:
    # worked by hand: the advantage (3) against the disadvantage (3); a tie goes to the
    # attack. Extending the advantage in the 1AR and the 2AR says the same argument
    # again: still 3 against 3, so the plan falls. Were each extension a second step,
    # 3 + 1 + 1 = 5 > 3 would carry it.
    text = ("argmap: 1.2\nquestion: Q?\nformat: policy\nsemantics: weighed\nclaims:\n"
            "  - id: plan\n    side: aff\n    text: Plan.\n    speech: 1AC\n"
            "    pro:\n      - id: adv\n        text: Advantage.\n        weight: 3\n"
            "      - ref: adv\n        speech: 1AR\n      - ref: adv\n        speech: 2AR\n"
            "    con:\n      - id: da\n        text: Disadvantage.\n        speech: 1NC\n"
            "        weight: 3\n")
    m = loads(text)
    assert api.evaluate(m)["plan"].status == "out"
    # a ref without a speech is a second argument (duplicate-link warns): it counts
    again = loads(text.replace("        speech: 1AR\n", "", 1))
    assert api.evaluate(again)["plan"].status == "in"  # 3 + 1 against 3
    # a ref with a speech under another parent is a new step (a turn on the
    # disadvantage): it counts, so the disadvantage falls and the plan stands
    turned = loads(text + "        con:\n          - ref: adv\n            speech: 2AC\n")
    labels = api.evaluate(turned)
    assert (labels["da"].status, labels["plan"].status) == ("out", "in")


@pytest.mark.parametrize("name", sorted(ROUNDS))
def test_a_round_survives_yaml_and_json_export(name: str, tmp_path: Path) -> None:
    original = api.load_map(ROUNDS[name])
    for fmt in ("yaml", "json"):
        path = tmp_path / f"round.{fmt}"
        code, _, err = run("render", str(ROUNDS[name]), "-f", fmt, "-o", str(path))
        assert code == 0, err
        back = api.load_map(path)
        assert (back.format, back.speeches, back.sides) == (
            original.format, original.speeches, original.sides)
        assert [(s.path, s.speech, s.ref) for s in back.walk()] == [
            (s.path, s.speech, s.ref) for s in original.walk()]
        assert api.evaluate(back) == api.evaluate(original)
    text = (tmp_path / "round.yaml").read_text(encoding="utf-8")
    assert f"\nformat: {original.format}\nclaims:\n" in text  # the preset's speeches: no list
    assert run("fmt", "--check", str(tmp_path / "round.yaml"))[0] == 0


def test_own_speeches_survive_export_as_written(tmp_path: Path) -> None:
    text = ("argmap: 1.2\nquestion: Q?\nspeeches:\n  - name: Opening\n    side: gov\n"
            "    minutes: 7.5\n  - name: Reply\n    side: opp\nclaims:\n"
            "  - text: A\n    side: gov\n    speech: opening\n    con:\n"
            "      - text: B\n        speech: Reply\n")
    source = tmp_path / "own.yaml"
    source.write_text(text, encoding="utf-8")
    code, out, _ = run("render", str(source), "-f", "yaml", "-o", "-")
    assert code == 0
    assert ("speeches:\n  - name: Opening\n    side: gov\n    minutes: 7.5\n"
            "  - name: Reply\n    side: opp\nclaims:\n  - side: gov\n    text: A\n"
            "    speech: Opening\n    con:\n      - text: B\n        speech: Reply\n") in out
    for fmt in ("yaml", "json"):
        path = tmp_path / f"back.{fmt}"
        assert run("render", str(source), "-f", fmt, "-o", str(path))[0] == 0
        assert api.load_map(path).speeches == (Speech("Opening", "gov", 7.5),
                                               Speech("Reply", "opp", None))


def test_a_json_export_naming_an_unknown_speech_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "round.json"
    assert run("render", str(PF), "-f", "json", "-o", str(path))[0] == 0
    path.write_text(path.read_text(encoding="utf-8").replace('"speech": "2C"', '"speech": "9C"',
                                                             1), encoding="utf-8")
    code, _, err = run("check", str(path))
    assert code == 1 and "speech '9C' is not one of the map's speeches" in err


PROJECT_ROUND = """\
argmap: 1.2
question: Q?
claims:
  - id: plan
    side: aff
    text: Plan.
    speech: 1AC
    con:
      - id: da
        text: Disadvantage.
        speech: 1nc
"""


def test_the_project_file_sets_the_debate_format(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "argmap.toml").write_text('format = "Policy"\n', encoding="utf-8")
    (tmp_path / "round.yaml").write_text(PROJECT_ROUND, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("check", "round.yaml")[0] == 0
    code, out, _ = run("flow", "round.yaml", "-f", "csv")
    assert code == 0 and "\nplan,1,1NC,neg,da,argument,con," in out  # as the preset spells it
    code, out, _ = run("eval", "round.yaml", "--by-speech")
    assert code == 0 and out.split("\n")[1].split()[1:4] == ["1AC", "1NC", "2AC"]
    # the map as the project reads it: the export carries the format
    assert "\nformat: policy\nclaims:\n" in run("render", "round.yaml", "-f", "yaml",
                                                "-o", "-")[1]
    assert run("watch", "round.yaml", "--once")[0] == 0  # watch reads it so too
    # edits check the map as the project reads it
    code, _, err = run("add", "round.yaml", "--to", "da", "--con", "No link.", "--speech",
                       "2AC")
    assert code == 0, err
    # without the project file the speeches cannot be placed
    code, _, err = run("check", "--no-config", "round.yaml")
    assert code == 1 and "declares no `format` or `speeches` [unknown-speech]" in err
    # the map's own format wins
    (tmp_path / "ld.yaml").write_text(PROJECT_ROUND.replace("question: Q?\n",
                                                            "question: Q?\nformat: ld\n")
                                      .replace("1AC", "AC").replace("1nc", "NC"),
                                      encoding="utf-8")
    assert run("check", "ld.yaml")[0] == 0
    # a map of an older format version is left alone
    (tmp_path / "old.yaml").write_text("argmap: 1.1\nquestion: Q?\nclaims:\n  - text: A\n",
                                       encoding="utf-8")
    assert api.check_paths([Path("old.yaml")], project_file=_project(tmp_path)).maps[0].format \
        is None
    assert api.check_paths([Path("round.yaml")],
                           project_file=_project(tmp_path)).maps[0].format == "policy"


def _project(root: Path) -> ProjectFile:
    from argmap.project.config import read_project_file

    return read_project_file(root / "argmap.toml")


def test_a_bad_debate_format_in_the_project_file_is_located(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "argmap.toml").write_text('sides = ["aff", "neg"]\nformat = "polcy"\n',
                                          encoding="utf-8")
    (tmp_path / "round.yaml").write_text(PROJECT_ROUND, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", "round.yaml")
    assert code != 0
    assert err.startswith("argmap.toml:2:10: error: unknown debate format 'polcy' (argmap "
                          "knows policy, ld, pf, bp, worlds, apda, asian; for another, list "
                          "`speeches` in each map); did you mean 'policy'? [project-file]")


def test_an_extension_stands_or_falls_with_the_step_it_repeats(tmp_path: Path) -> None:
    # worked by hand: the neg's b (1NC) attacks the claim, the aff undercuts b's step
    # (2AC); the neg says b again in the 2NC and the 2NR. Said again, b is the same
    # argument, still undercut: the claim stands under both semantics, the explanation
    # names b once, and the debate rules do not report the repeats as unanswered.
    text = ("argmap: 1.2\nquestion: Q?\nformat: policy\nclaims:\n"
            "  - id: c\n    side: aff\n    text: Claim.\n    speech: 1AC\n"
            "    con:\n      - id: b\n        text: Con B.\n        speech: 1NC\n"
            "        undercut:\n          - id: u\n            text: Undercut U.\n"
            "            speech: 2AC\n"
            "      - ref: b\n        speech: 2NC\n      - ref: b\n        speech: 2NR\n")
    path = tmp_path / "round.yaml"
    path.write_text(text, encoding="utf-8")
    for semantics in ("grounded", "weighed"):
        assert api.evaluate(loads(text), semantics=semantics)["c"].status == "in", semantics
        code, out, _ = run("eval", str(path), "--semantics", semantics)
        assert code == 0 and "every attack answered: b undercut by u; bare\n" in out
    code, _, err = run("check", str(path), "--select", "unanswered-attack")
    assert (code, err.count("[unanswered-attack]")) == (0, 1)  # u itself, not b's repeats
    code, out, _ = run("brief", str(path), "--for", "aff", "-f", "md", "-o", "-")
    assert code == 0 and out.count("### A2: ") == 1  # their extension is the one attack


def test_brief_speech_times_at_wpm_when_given() -> None:
    code, out, _ = run("brief", str(POLICY), "--speech", "2AC", "-f", "md", "-o", "-")
    assert code == 0 and "at 160 words a minute" in out  # a clear speaking pace
    code, out, _ = run("brief", str(POLICY), "--speech", "2AC", "--wpm", "100", "-f", "md",
                       "-o", "-")
    assert code == 0 and "*Read-aloud time 1:31 of 8:00 allowed, at 100 words a minute" in out
