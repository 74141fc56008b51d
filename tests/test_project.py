"""Projects (format 1.2): several files as one debate, card libraries, the project file.

The example project (examples/carbon-tax: an aff, a neg with disadvantages, a
counterplan and a card library) is checked, evaluated, briefed and rendered as
one debate against golden files; every cross-file error has its exact message.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import api
from argmap.cli import app as cli
from argmap.project.config import read_project_file
from tests.conftest import TESTS, Golden

runner = CliRunner()
ROOT = TESTS.parent
V12 = "argmap: 1.2\n"


@pytest.fixture
def in_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from examples/, so diagnostics and headers say carbon-tax/aff.yaml."""
    monkeypatch.chdir(ROOT / "examples")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args))
    return result.exit_code, result.stdout, result.stderr


# -- the example project, as one debate ------------------------------------------


@pytest.mark.usefixtures("in_examples")
def test_the_example_project_checks_clean() -> None:
    assert run("check", "--strict", "carbon-tax/") == (
        0, "", "4 maps, 13 statements, 5 sources: 0 errors, 0 warnings\n")


@pytest.mark.usefixtures("in_examples")
def test_the_example_project_check_report(golden: Golden) -> None:
    code, out, _ = run("check", "carbon-tax/", "--format", "json", "--select", "all")
    assert code == 0
    # judged as one debate: the neg's leakage DA, which aff.yaml refs, is answered in
    # neg.yaml, so aff.yaml's ref of it is no unanswered attack
    assert "leakage-da" not in out and "Emissions-intensive" not in out
    golden("project/check.json", out)


@pytest.mark.usefixtures("in_examples")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_eval_gives_each_statement_one_status_in_the_whole_project(
        golden: Golden, fmt: str) -> None:
    code, out, _ = run("eval", "carbon-tax/", "--format", fmt)
    assert code == 0
    golden(f"project/eval.{'txt' if fmt == 'text' else 'json'}", out)


@pytest.mark.usefixtures("in_examples")
def test_eval_of_one_map_reads_the_maps_it_names_and_judges_the_same() -> None:
    whole = run("eval", "carbon-tax/", "-f", "json")[1]
    one = run("eval", "carbon-tax/aff.yaml", "-f", "json")[1]
    statuses = re.compile(r'"id": "([^"]+)".*?"status": "(\w+)"')
    assert set(statuses.findall(one)) <= set(statuses.findall(whole))
    assert ("neg/regressive-da", "in") in statuses.findall(one)


@pytest.mark.usefixtures("in_examples")
def test_the_brief_for_the_aff_pulls_cards_from_every_map_and_the_library(
        golden: Golden) -> None:
    code, out, _ = run("brief", "carbon-tax", "--for", "aff/plan")
    assert code == 0
    assert "Joseph Aldy" in out  # a card of the library, answering the neg's leakage DA
    golden("project/brief-aff.md", out)


@pytest.mark.usefixtures("in_examples")
@pytest.mark.parametrize("name", ["aff", "neg", "cp", "cards"])
def test_render_draws_a_ref_into_another_map_as_a_box_naming_it(
        golden: Golden, name: str, tmp_path: Path) -> None:
    code, _, err = run("render", "carbon-tax/", "-f", "dot", "-o", f"{tmp_path}/", "--eval")
    assert code == 0, err
    dot = (tmp_path / f"{name}.dot").read_text(encoding="utf-8")
    golden(f"project/{name}.dot", dot)


@pytest.mark.usefixtures("in_examples")
def test_pointer_boxes_name_the_other_map(tmp_path: Path) -> None:
    run("render", "carbon-tax/neg.yaml", "-f", "dot", "-o", f"{tmp_path}/")
    dot = (tmp_path / "neg.dot").read_text(encoding="utf-8")
    assert '"↪ map aff: warming-advantage\\nThe tax cuts US emissions faster and more…"' in dot
    assert "rankdir=LR" in dot  # argmap.toml's [render] direction


@pytest.mark.usefixtures("in_examples")
def test_show_marks_statuses_decided_over_the_project(golden: Golden) -> None:
    code, out, _ = run("show", "carbon-tax/aff.yaml", "--eval", "--width", "100")
    assert code == 0
    golden("project/show-aff.txt", out)


@pytest.mark.usefixtures("in_examples")
def test_html_pages_rendered_together_link_to_each_other(tmp_path: Path) -> None:
    assert run("render", "carbon-tax/", "-f", "html", "-o", f"{tmp_path}/")[0] == 0
    page = (tmp_path / "aff.html").read_text(encoding="utf-8")
    assert ('<a href="neg.html#regressive-da">↪ neg/regressive-da “The tax would hit the poorest '
            "households hardest.”</a>") in page
    assert '<a href="cards.html#price-cuts-emissions">' in page
    alone = tmp_path / "alone"
    assert run("render", "carbon-tax/aff.yaml", "-f", "html", "-o", f"{alone}/")[0] == 0
    assert 'href="neg.html' not in (alone / "aff.html").read_text(encoding="utf-8")


@pytest.mark.usefixtures("in_examples")
def test_stats_counts_the_project_as_one_debate() -> None:
    code, out, _ = run("stats", "carbon-tax/", "-f", "json")
    assert code == 0
    assert '"id": "carbon-tax"' in out


# -- every cross-file error, located ---------------------------------------------


def project(tmp_path: Path, files: dict[str, str], toml: str | None = "") -> Path:
    """Write a project into tmp_path (an argmap.toml unless ``toml`` is None)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    if toml is not None:
        (tmp_path / "argmap.toml").write_text(toml, encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


AFF = V12 + """question: Q?
claims:
  - id: plan
    text: The plan.
    con:
      - ref: {ref}
"""
NEG = V12 + """question: Q?
claims:
  - id: da
    text: A disadvantage.
"""
CARDS = V12 + """sources:
  cbo:
    title: A report
claims:
  - id: card
    text: A card.
    cites: [cbo]
"""


def check_in(folder: Path, *args: str) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(folder)
    try:
        code, _, err = run("check", *args)
    finally:
        os.chdir(old)
    return code, err


@pytest.mark.parametrize(("ref", "message"), [
    ("negg/da", "aff.yaml:7:14: error: 'negg/da' names map 'negg', which no file of the "
     "project has; did you mean 'neg'? [unknown-map]"),
    ("neg/dd", "aff.yaml:7:14: error: ref 'neg/dd' names no statement in map 'neg' "
     "(neg.yaml); give the statement you mean an `id` [unknown-ref]"),
    ("../outside/da", "aff.yaml:7:14: error: '../outside/da' is a path; a qualified name is "
     "MAP-ID/ID (a map's id, not its file), and argmap reads nothing outside the project "
     "root [outside-project]"),
    ("neg/da/x", "aff.yaml:7:14: error: 'neg/da/x' is not a valid name: an id, or MAP-ID/ID "
     "for another map's (each a slug: lower-case letters, digits, '-', '_', '.') [bad-id]"),
])
def test_a_bad_name_across_files_is_located_with_a_suggestion(
        tmp_path: Path, ref: str, message: str) -> None:
    folder = project(tmp_path, {"aff.yaml": AFF.format(ref=ref), "neg.yaml": NEG})
    code, err = check_in(folder, "aff.yaml")
    assert code == 1
    assert err.splitlines()[0] == message


def test_a_missing_source_of_a_library_is_located(tmp_path: Path) -> None:
    aff = V12 + "question: Q?\nclaims:\n  - text: A.\n    cites: [cards/cbo-13]\n"
    folder = project(tmp_path, {"aff.yaml": aff, "cards.yaml": CARDS})
    assert check_in(folder, "aff.yaml") == (1, (
        "aff.yaml:5:13: error: source 'cards/cbo-13': map 'cards' (cards.yaml) lists no "
        "source 'cbo-13'; did you mean 'cbo'? [unknown-source]\n"
        "1 map, 1 statement, 0 sources: 1 error, 0 warnings\n"))


def test_a_symlink_out_of_the_root_is_refused_where_it_is_named(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "neg.yaml").write_text(NEG, encoding="utf-8")
    folder = project(tmp_path / "debate", {"aff.yaml": AFF.format(ref="neg/da")})
    (folder / "neg.yaml").symlink_to(outside / "neg.yaml")
    code, err = check_in(folder, "aff.yaml")
    assert code == 1
    assert err.splitlines()[0] == (
        "aff.yaml:7:14: error: 'neg/da' names map 'neg', but neg.yaml is a symbolic link to a "
        "file outside the project root, and argmap reads nothing outside it [outside-project]")


def test_a_library_that_refs_back_a_map_that_refs_it_is_an_error(tmp_path: Path) -> None:
    cards = CARDS + "    con:\n      - ref: aff/plan\n"
    folder = project(tmp_path, {"aff.yaml": AFF.format(ref="cards/card"), "cards.yaml": cards})
    code, err = check_in(folder, ".")
    assert code == 1
    assert err == (
        "cards.yaml:10:14: error: library 'cards' names map 'aff', which names the library "
        "back (aff → cards); a library holds cards that maps use, so move this card into the "
        "map or drop the reference [library-cycle]\n"
        "2 maps, 2 statements, 1 source: 1 error, 0 warnings\n")


def test_a_cycle_of_attacks_across_files_is_a_mutual_attack(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    neg = NEG + "    con:\n      - ref: aff/plan\n"
    folder = project(tmp_path, {"aff.yaml": AFF.format(ref="neg/da"), "neg.yaml": neg})
    assert check_in(folder, "aff.yaml")[0] == 0  # loading ends at a file already read
    monkeypatch.chdir(folder)
    code, out, _ = run("eval", ".", "-f", "json")
    assert code == 0
    assert re.findall(r'"id": "([^"]+)", .*?"status": "(\w+)"', out) == [
        ("aff/plan", "undecided"), ("neg/da", "undecided")]


def test_a_qualified_name_needs_format_1_2(tmp_path: Path) -> None:
    aff = AFF.format(ref="neg/da").replace(V12, "argmap: 1.1\n")
    folder = project(tmp_path, {"aff.yaml": aff, "neg.yaml": NEG})
    assert check_in(folder, "aff.yaml")[1].splitlines()[0] == (
        "aff.yaml:7:14: error: `a qualified name (MAP-ID/ID)` is format 1.2, but this map "
        "declares `argmap: 1.1`; declare `argmap: 1.2` [needs-version]")


def test_only_the_maps_named_are_read(tmp_path: Path) -> None:
    folder = project(tmp_path, {"aff.yaml": AFF.format(ref="neg/da"), "neg.yaml": NEG,
                                "broken.yaml": "question: [unclosed\n"})
    assert check_in(folder, "aff.yaml") == (
        0, "1 map, 1 statement, 0 sources: 0 errors, 0 warnings\n")


def test_a_map_whose_id_is_not_its_file_name_is_found_by_reading_the_project(
        tmp_path: Path) -> None:
    folder = project(tmp_path, {"aff.yaml": AFF.format(ref="negative/da"),
                                "sub/neg-file.yaml": "id: negative\n" + NEG})
    assert check_in(folder, "aff.yaml")[0] == 0


def test_errors_of_a_map_read_because_it_is_named_are_reported(tmp_path: Path) -> None:
    neg = NEG + "    pro:\n      - ref: nowhere\n"
    folder = project(tmp_path, {"aff.yaml": AFF.format(ref="neg/da"), "neg.yaml": neg})
    code, err = check_in(folder, "aff.yaml")
    assert code == 1
    assert "neg.yaml:7:14: error: ref 'nowhere' names no statement in this map" in err


def test_a_library_is_a_document_with_sources_and_no_question(tmp_path: Path) -> None:
    folder = project(tmp_path, {"cards.yaml": CARDS})
    assert check_in(folder, "--strict", "cards.yaml") == (
        0, "1 map, 1 statement, 1 source: 0 errors, 0 warnings\n")
    old = CARDS.replace(V12, "argmap: 1.1\n")
    (folder / "cards.yaml").write_text(old, encoding="utf-8")
    assert check_in(folder, "cards.yaml")[1].splitlines()[0] == (
        "cards.yaml:1:1: error: `a library (a document with `sources` and no `question`)` is "
        "format 1.2, but this map declares `argmap: 1.1`; declare `argmap: 1.2` "
        "[needs-version]")


# -- the project file -------------------------------------------------------------


@pytest.mark.parametrize(("toml", "message"), [
    ("theme = \"dark\"\n[render\n", "argmap.toml:2:8: error: not valid TOML: Expected ']' at "
     "the end of a table declaration [project-file]"),
    ("them = \"dark\"\n", "argmap.toml:1:8: error: no command has an option '--them'; did you "
     "mean 'theme'? [project-file]"),
    ("[render]\nformt = \"png\"\n", "argmap.toml:2:9: error: 'argmap render' has no option "
     "'--formt'; did you mean 'format'? [project-file]"),
    ("[rendr]\n", "argmap.toml:1:1: error: no command 'rendr'; did you mean 'render'?; a table "
     "holds the defaults of one command [project-file]"),
    ("max-bytes = \"lots\"\n", "argmap.toml:1:13: error: 'max-bytes': 'lots' is not a size: "
     "give bytes, or a number with K, M or G (64M) [project-file]"),
    ("sides = \"aff\"\n", "argmap.toml:1:9: error: sides must be a list of side names (slugs), "
     "such as [\"aff\", \"neg\"] [project-file]"),
    ("sides = [\"aff\", \"aff\"]\n", "argmap.toml:1:9: error: side 'aff' is listed twice; each "
     "side is named once [project-file]"),
    ("[check]\nignore = \"bare-clam\"\n", "argmap.toml:2:10: error: 'ignore': bare-clam: no such "
     "rule; did you mean 'bare-claim'? (rules: unused-source, comment-in-text, duplicate-text, "
     "duplicate-link, import-dropped, unanswered-attack, bare-claim, standing-attack, "
     "uncited-evidence, self-support, no-side, open-critical-question, hole-to-close, "
     "question-to-ask, dropped, not-extended; groups: default, debate, schemes, flow, all) "
     "[project-file]"),
])
def test_a_bad_project_file_is_located(tmp_path: Path, toml: str, message: str) -> None:
    folder = project(tmp_path, {"neg.yaml": NEG}, toml)
    assert check_in(folder, "neg.yaml") == (1, message + "\n")


def test_the_command_line_wins_over_the_table_which_wins_over_the_top(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = project(tmp_path, {"neg.yaml": NEG},
                     'direction = "BT"\n[render]\ndirection = "LR"\n')
    monkeypatch.chdir(folder)
    assert "rankdir=LR" in run("render", "neg.yaml", "-f", "dot", "-o", "-")[1]
    assert "rankdir=RL" in run("render", "neg.yaml", "-f", "dot", "-o", "-",
                               "--direction", "RL")[1]
    assert "rankdir=TB" in run("render", "neg.yaml", "-f", "dot", "-o", "-",
                               "--no-config")[1]
    other = tmp_path / "other.toml"
    other.write_text('direction = "BT"\n', encoding="utf-8")
    assert "rankdir=BT" in run("render", "neg.yaml", "-f", "dot", "-o", "-",
                               "--config", str(other))[1]


def test_pyproject_tool_argmap_is_a_project_file_found_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.argmap]\nstrict = true\n', encoding="utf-8")
    unused = NEG + "sources:\n  s:\n    title: T\n"
    project(tmp_path, {"maps/deep/neg.yaml": unused}, None)
    code, err = check_in(tmp_path / "maps/deep", "neg.yaml")
    assert code == 1  # strict from the project file: the unused source fails the run
    assert "[unused-source]" in err


def test_semantics_of_the_project_file_the_map_and_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = project(tmp_path, {"neg.yaml": NEG}, 'semantics = "weighed"\n')
    monkeypatch.chdir(folder)
    assert "(weighed)" in run("eval", "neg.yaml")[1]
    assert "(grounded)" in run("eval", "neg.yaml", "--semantics", "grounded")[1]
    write = (folder / "neg.yaml").write_text
    write(NEG.replace("question:", "semantics: grounded\nquestion:"), encoding="utf-8")
    assert "(grounded)" in run("eval", "neg.yaml")[1]  # the map's own key wins
    assert "(weighed)" in run("eval", "neg.yaml", "--semantics", "weighed")[1]


def test_the_docs_table_of_keys_is_generated_from_the_options() -> None:
    from argmap.cli.projectfile import options_table

    text = (ROOT / "docs/project.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- options-table:start -->\n(.*)<!-- options-table:end -->", text,
                      re.S)
    assert table is not None and table.group(1) == options_table()


def test_every_key_of_the_table_is_accepted_and_a_run_uses_it(tmp_path: Path) -> None:
    from argmap.cli.projectfile import known_options

    keys = {k for names in known_options().values() for k in names}
    assert {"theme", "exclude", "max-bytes", "select", "ignore", "direction", "strict",
            "semantics"} <= keys


@pytest.mark.usefixtures("in_examples")
def test_focus_takes_a_qualified_name_and_reads_that_map() -> None:
    code, out, _ = run("show", "carbon-tax/aff.yaml", "--focus", "neg/regressive-da")
    assert (code, out) == (0, (
        "── neg (carbon-tax/neg.yaml) ──\n"
        "+ ▰▰▰▰▱ The tax would hit the poorest households hardest.\n"
        "└── + ↪ cards/tax-is-regressive “A carbon tax takes a larger share of …”\n"))
    assert run("show", "carbon-tax/aff.yaml", "--focus", "nego/x") == (
        2, "", "argmap: no map 'nego' for --focus nego/x; did you mean 'neg'?\n")


@pytest.mark.usefixtures("in_examples")
def test_the_yaml_export_of_a_project_map_keeps_its_names_of_other_maps() -> None:
    # (and writes the semantics argmap.toml gives the map: the map as the project reads it)
    code, out, _ = run("render", "carbon-tax/cp.yaml", "-f", "yaml", "-o", "-")
    assert code == 0
    assert out == (
        "argmap: 1.2\nid: cp\n"
        "question: 'Resolved: The United States federal government should enact a carbon "
        "tax.'\nsides: [aff, neg]\nsemantics: grounded\nclaims:\n"
        "  - id: cap-and-trade\n    side: neg\n"
        "    text: Instead, the United States should "
        "cap emissions economy-wide and auction tradable permits.\n    pro:\n"
        "      - id: certainty-net-benefit\n        text: A cap guarantees the emissions cut; "
        "a tax only hopes the price is high enough.\n        cites: [cards/ipcc-2022]\n"
        "    con:\n      - ref: cards/permit-prices-swing\n")


@pytest.mark.usefixtures("in_examples")
def test_the_brief_takes_a_side_of_the_project_too() -> None:
    by_side = run("brief", "carbon-tax", "--for", "aff")
    by_claim = run("brief", "carbon-tax", "--for", "aff/plan")
    assert by_side[0] == by_claim[0] == 0
    assert by_side[1].replace("Our side: aff.", "Our side: aff/plan.") == by_claim[1]


@pytest.mark.usefixtures("in_examples")
def test_frontlines_of_a_side_are_the_whole_debates(golden: Golden) -> None:
    code, out, _ = run("show", "carbon-tax/aff.yaml", "--for", "aff", "--against")
    assert code == 0
    assert "neg/leakage-da (theirs)" in out and "cards/border-adjustment-stops-leakage (ours)" \
        in out  # the attack from the neg's file and the answer from the library
    golden("project/frontlines-aff.txt", out)


@pytest.mark.usefixtures("in_examples")
def test_for_a_side_on_a_project_passes_over_its_libraries() -> None:
    code, out, _ = run("show", "carbon-tax/", "--for", "neg")
    assert code == 0
    assert "── cards" not in out and "── neg (carbon-tax/neg.yaml) ──" in out


@pytest.mark.usefixtures("in_examples")
def test_colour_by_side_on_a_project_leaves_libraries_by_relation(tmp_path: Path) -> None:
    code, _, err = run("render", "carbon-tax/", "-f", "dot", "-o", f"{tmp_path}/",
                       "--color-by", "side")
    assert code == 0, err
    assert "aff: its boxes" in (tmp_path / "aff.dot").read_text(encoding="utf-8")
    assert "its boxes" not in (tmp_path / "cards.dot").read_text(encoding="utf-8")


def test_a_claim_without_a_side_in_a_map_with_sides_is_warned_about(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = project(tmp_path / "p", {"m.yaml": "argmap: 1.2\nquestion: Q?\nclaims:\n"
                                      "  - id: plan\n    side: aff\n    text: Plan.\n"
                                      "  - id: framework\n    text: Framework.\n"},
                     'sides = ["aff", "neg"]\n')
    monkeypatch.chdir(folder)
    assert run("check", "m.yaml")[0:3:2] == (
        0, "1 map, 2 statements, 0 sources: 0 errors, 0 warnings\n")  # opt-in
    code, _, err = run("check", "--select", "no-side", "m.yaml")
    assert (code, err) == (0, "m.yaml:7:5: warning: claim 'framework' names no side, though "
                           "the map has sides (aff, neg): what is argued under it counts for "
                           "neither side in brief, flow and --for; add `side: aff` or `side: "
                           "neg` [no-side]\n1 map, 2 statements, 0 sources: 0 errors, "
                           "1 warning\n")
    assert run("check", "--select", "debate", "--no-config", "m.yaml")[2].count("[no-side]") == 0
    assert run("check", "--select", "debate", "m.yaml")[2].count("[no-side]") == 1


def test_the_project_files_map_keys_apply_to_its_own_maps_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `check p/ q/`: the project file found from p/ gives p's maps their semantics and
    # sides, not the maps of q/ named beside them
    bare = "argmap: 1.2\nquestion: Q?\nclaims:\n  - id: plan\n    text: Plan.\n"
    project(tmp_path / "p", {"m.yaml": bare}, 'sides = ["aff", "neg"]\nsemantics = "weighed"\n')
    project(tmp_path / "q", {"n.yaml": bare.replace("question", "id: n\nquestion")}, None)
    monkeypatch.chdir(tmp_path)
    code, _, err = run("check", "--select", "no-side", "p", "q")
    assert code == 0 and err.count("[no-side]") == 1 and err.startswith("p/m.yaml:4:5:")
    code, out, _ = run("eval", "p", "q")
    first, second = out.split("\n\nn (q/n.yaml)")
    assert "0 undecided (weighed)\n" in first and second.endswith("0 undecided (grounded)\n")
    # named after a folder without one, p's maps still get p's project file's keys; a
    # third folder's own project file gives its maps its own
    project(tmp_path / "r", {"o.yaml": bare.replace("question", "id: o\nquestion")},
            'semantics = "weighed"\n')
    code, out, _ = run("eval", "q", "p", "r")
    assert code == 0 and [line.rsplit("(", 1)[1] for line in out.splitlines()
                          if "statements:" in line] == ["grounded)", "weighed)", "weighed)"]
    code, out, _ = run("eval", "--no-config", "p", "r")
    assert code == 0 and out.count("(weighed)") == 0
    code, out, _ = run("eval", "--config", "r/argmap.toml", "q")
    assert code == 0 and "0 undecided (weighed)\n" in out  # --config FILE: every map


def test_a_card_library_takes_none_of_the_projects_map_keys(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "carbon-tax"
    shutil.copytree(TESTS.parent / "examples/carbon-tax", folder)
    toml = folder / "argmap.toml"
    toml.write_text('format = "policy"\n' + toml.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(folder)
    maps = {m.id: m for m in api.check_paths(
        [Path(".")], project_file=read_project_file(toml)).maps}
    assert (maps["aff"].format, maps["aff"].sides) == ("policy", ("aff", "neg"))
    assert (maps["cards"].format, maps["cards"].sides, maps["cards"].speeches) == (None, (), ())
    assert run("flow", "cards.yaml")[0] == 2  # no round to flow


def test_a_bad_project_file_is_reported_in_checks_own_format(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = project(tmp_path, {"neg.yaml": NEG}, 'sides = "aff"\n')
    monkeypatch.chdir(folder)
    code, out, _ = run("check", "neg.yaml", "--format", "json")
    assert code == 1 and '"code": "project-file"' in out and '"errors": 1' in out
    code, out, err = run("check", "neg.yaml", "--format", "github")
    assert code == 1 and out.startswith("::error file=argmap.toml,line=1,col=9,"
                                        "title=project-file::sides must be a list")
    assert err == "0 maps, 0 statements, 0 sources: 1 error, 0 warnings\n"
