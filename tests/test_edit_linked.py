"""Editing maps with linked arguments (format 1.1): add, rm, mv and fmt."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.edit.fmt import format_text
from argmap.edit.move import move
from argmap.edit.operations import EditError, add_argument, add_statement, remove
from argmap.edit.write import NewStatement
from argmap.readers.yaml.load import load_text
from argmap.readers.yaml.source import parse, statements
from tests.conftest import FIXTURES

runner = CliRunner()
LINKED = (FIXTURES / "valid/linked.yaml").read_text()
ROOT = FIXTURES.parent.parent

SMALL = """\
argmap: 1
question: Q?
claims:
  - id: a
    text: A
    pro:
      - text: B  # keep me
"""

ARGUMENT = """\
question: Q?
claims:
  - id: a
    text: A
    pro:
      - premises:
          - text: P1
          - text: P2
          - text: P3
        id: arg
      - text: B
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("path", sorted([*FIXTURES.glob("valid/*.yaml"),
                                         *ROOT.glob("maps/*.yaml")]), ids=lambda p: p.name)
def test_statement_paths_are_the_loaders(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    loaded = load_text(text)
    expected = [(number, s.path) for number, argmap in enumerate(loaded.maps)
                for s in argmap.walk()]
    assert [(s.document, s.path) for s in statements(parse(text).documents)] == expected


def test_statement_paths_of_a_linked_argument() -> None:
    found = {s.path: s for s in statements(parse(LINKED).documents)}
    assert [p for p in found if p.startswith("c1.pro1")] == [
        "c1.pro1", "c1.pro1.1", "c1.pro1.1.con1", "c1.pro1.2", "c1.pro1.undercut1"]
    assert found["c1.pro1"].linked and found["c1.pro1"].id == "no-gridlock"
    assert found["c1.pro1.1"].key == "premises" and not found["c1.pro1.1"].linked


# -- add --------------------------------------------------------------------------------

def test_add_together_writes_a_linked_argument_and_declares_1_1(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(SMALL)
    code, out, err = run("add", str(path), "--to", "a", "--con", "Shops need cars.", "--by",
                         "Chamber", "--id", "shops", "--together", "Customers: won't switch.",
                         "--together", "Rents are high.", "--weight", "3")
    assert (code, out, err) == (
        0, "", f"argmap: added a linked con argument of 3 premises under a to {path}\n")
    assert path.read_text() == SMALL.replace("argmap: 1\n", "argmap: 1.1\n") + (
        "    con:\n"
        "      - premises:\n"
        "          - id: shops\n"
        "            text: Shops need cars.\n"
        "            by: Chamber\n"
        '          - text: "Customers: won\'t switch."\n'
        "          - text: Rents are high.\n"
        "        weight: 3\n")
    assert run("check", str(path))[0] == 0
    assert format_text(path.read_text()) == path.read_text()


@pytest.mark.parametrize(("header", "after"), [
    ("", ""), ("argmap: 1.1\n", "argmap: 1.1\n"), ("argmap: '1'\n", "argmap: '1.1'\n"),
    ("argmap: 1  # version\n", "argmap: 1.1  # version\n"),
])
def test_the_version_is_raised_only_where_declared_1(header: str, after: str) -> None:
    text = header + SMALL.removeprefix("argmap: 1\n")
    edited = add_argument(text, [NewStatement("P"), NewStatement("Q")], None, "a", "pro")
    assert edited.startswith(after + "question: Q?\n")
    assert edited.endswith("      - text: B  # keep me\n      - premises:\n"
                           "          - text: P\n          - text: Q\n")


def test_adding_to_a_linked_argument_adds_a_premise_or_an_undercut() -> None:
    premise = add_statement(ARGUMENT, NewStatement("P4"), "arg", "pro")
    assert premise == ARGUMENT.replace("P3\n", "P3\n          - text: P4\n")
    undercut = add_statement(ARGUMENT, NewStatement("U"), "c1.pro1", "undercut")
    assert undercut == ARGUMENT.replace("id: arg\n", "id: arg\n        undercut:\n"
                                        "          - text: U\n")
    below = add_statement(ARGUMENT, NewStatement("C", weight=2), "c1.pro1.2", "con")
    assert below == ARGUMENT.replace("P2\n", "P2\n            con:\n              - text: C\n"
                                     "                weight: 2\n")


@pytest.mark.parametrize(("call", "message"), [
    (lambda: add_statement(ARGUMENT, NewStatement("X"), "arg", "con"),
     "arg is a linked argument for its parent: --pro adds a premise to it and --undercut "
     "attacks its step; to argue with one premise, give its address (--to c1.pro1.1)"),
    (lambda: add_statement(ARGUMENT, NewStatement("X", weight=2), "arg", "pro"),
     "a premise of a linked argument has no weight of its own; arg bears on its parent as a "
     "whole, and its weight is set on it"),
    (lambda: add_statement(ARGUMENT, NewStatement("X"), "c1.pro1.3", "undercut"),
     "c1.pro1.3 is a premise of the linked argument c1.pro1; an undercut attacks the step "
     "from all its premises together: --to c1.pro1 --undercut"),
    # No linked argument inside another (format 1.1), with or without a weight.
    (lambda: add_argument(ARGUMENT, [NewStatement("X"), NewStatement("Y")], 3, "arg", "pro"),
     "arg is a linked argument, and a linked argument cannot hold another: add premises to "
     "it one at a time (--to arg --pro TEXT), or argue with one of its premises (--to "
     "c1.pro1.1 --pro TEXT --together TEXT)"),
    (lambda: add_argument(ARGUMENT, [NewStatement("X"), NewStatement("Y")], None, "c1.pro1",
                          "con"),
     "c1.pro1 is a linked argument, and a linked argument cannot hold another: add premises "
     "to it one at a time (--to c1.pro1 --pro TEXT), or argue with one of its premises (--to "
     "c1.pro1.1 --con TEXT --together TEXT)"),
])
def test_add_refuses_what_a_linked_argument_cannot_hold(call: object, message: str) -> None:
    # What the map holds refuses these: exit code 1, as for any edit the map does not allow.
    with pytest.raises(EditError) as info:
        call()  # type: ignore[operator]
    assert (str(info.value), info.value.code) == (message, 1)
    assert add_argument(ARGUMENT, [NewStatement("P"), NewStatement("Q")], None, "c1.pro1.1",
                        "con").endswith("          - text: P1\n            con:\n"
                                        "              - premises:\n"
                                        "                  - text: P\n"
                                        "                  - text: Q\n"
                                        "          - text: P2\n          - text: P3\n"
                                        "        id: arg\n      - text: B\n")


def test_a_linked_argument_is_only_a_pro_or_con() -> None:
    # Wrong in itself, whatever the map holds: a usage error (2).
    with pytest.raises(EditError) as info:
        add_argument(ARGUMENT, [NewStatement("X"), NewStatement("Y")], None, "a", "undercut")
    assert (str(info.value), info.value.code) == (
        "only a pro or con can be a linked argument: give --pro or --con with --together", 2)


@pytest.mark.parametrize("args", [
    ["--to", "a", "--undercut", "X", "--together", "Y"],
    ["--claim", "X", "--together", "Y"],
])
def test_together_needs_to_and_pro_or_con(tmp_path: Path, args: list[str]) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(SMALL)
    assert run("add", str(path), *args) == (
        2, "", "argmap: --together adds premises that hold up a statement together: use it "
        "with --to ADDRESS and --pro or --con TEXT\n")
    assert path.read_text() == SMALL


# -- rm and mv ------------------------------------------------------------------------------

def test_rm_of_an_argument_removes_it_whole_and_of_a_premise_keeps_two() -> None:
    assert remove(ARGUMENT, "arg") == ARGUMENT.replace(
        "      - premises:\n          - text: P1\n          - text: P2\n          - text: P3\n"
        "        id: arg\n", "")
    assert remove(ARGUMENT, "c1.pro1.2") == ARGUMENT.replace("          - text: P2\n", "")
    with pytest.raises(EditError) as info:
        remove(LINKED, "c1.pro1.2")
    assert (str(info.value), info.value.code) == (
        "c1.pro1.2 is one of the two premises of the linked argument c1.pro1, which needs at "
        "least two; removing it would leave one: remove the whole argument (rm c1.pro1) or "
        "add a premise to it first", 1)


def test_rm_of_a_lone_premise_is_refused_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(LINKED)
    code, _, err = run("rm", str(path), "trips-vanish")
    assert (code, err) == (1, f"argmap: {path} left unchanged: trips-vanish is one of the two "
                           "premises of the linked argument c1.pro1, which needs at least "
                           "two; removing it would leave one: remove the whole argument (rm "
                           "c1.pro1) or add a premise to it first\n")
    assert path.read_text() == LINKED


def test_mv_into_out_of_and_within_a_linked_argument() -> None:
    into = move(ARGUMENT, "c1.pro2", "arg", None)
    assert into == ARGUMENT.replace("\n      - text: B\n", "\n").replace(
        "P3\n", "P3\n          - text: B\n")
    out = move(ARGUMENT, "c1.pro1.1", "a", "con")
    assert out == ARGUMENT.replace("          - text: P1\n", "") + "    con:\n      - text: P1\n"
    within = move(ARGUMENT, "c1.pro1.1", "arg", None)
    assert within == ARGUMENT.replace("          - text: P1\n", "").replace(
        "P3\n", "P3\n          - text: P1\n")
    whole = move(ARGUMENT, "arg", "c1.pro2", "con")
    assert load_text(whole).diagnostics == []
    assert whole.endswith("      - text: B\n        con:\n          - premises:\n"
                          "              - text: P1\n              - text: P2\n"
                          "              - text: P3\n            id: arg\n")


@pytest.mark.parametrize(("text", "args", "message"), [
    (ARGUMENT, ("arg", "c1.pro2", "undercut"),
     "arg is a linked argument, which can only be a pro or con; an undercut is a single "
     "statement"),
    (LINKED, ("c1.con1.2.pro1", "c1.pro1", None),
     "c1.con1.2.pro1 is a linked argument, and so is c1.pro1: a linked argument cannot hold "
     "another; move c1.con1.2.pro1 under a statement, such as one of c1.pro1's premises (--to "
     "c1.pro1.1)"),
    (LINKED, ("c1.con1.2.pro1", "c1.pro1", "con"),
     "c1.con1.2.pro1 is a linked argument, and so is c1.pro1: a linked argument cannot hold "
     "another; move c1.con1.2.pro1 under a statement, such as one of c1.pro1's premises (--to "
     "c1.pro1.1)"),
    (ARGUMENT.replace("      - text: B\n", "      - text: B\n        weight: 2\n"),
     ("c1.pro2", "arg", None),
     "c1.pro2 has weight, which a premise of a linked argument cannot have (they belong to "
     "the argument); remove it first"),
    (ARGUMENT, ("c1.pro2", "arg", "con"),
     "arg is a linked argument for its parent: a statement moved into it goes in as one of "
     "its premises (--pro, its side) or as an undercut of its step (--undercut), not as a "
     "con; to move c1.pro2 under one premise, give that premise's address (--to c1.pro1.1)"),
    (ARGUMENT, ("a", "c1.pro2", None),
     "a is a claim: moving it under a statement needs --pro, --con or --undercut"),
    (ARGUMENT, ("a", "c1.pro2", "pro"), "cannot move a under itself or what lies below it"),
])
def test_mv_refuses_what_would_break_a_linked_argument(
        text: str, args: tuple[str, str, str | None], message: str) -> None:
    with pytest.raises(EditError) as info:
        move(text, *args)
    # The map does not allow these moves: exit code 1, as for every such refusal.
    assert (str(info.value), info.value.code) == (message, 1)
    with pytest.raises(EditError, match="moving it would leave one"):
        move(LINKED, "c1.pro1.1", "c2", None)


def test_mv_right_above_itself_keeps_the_text_whole() -> None:
    # The new lines go in where the moved ones start: the cut must come after them.
    text = ("question: Q?\nclaims:\n  - text: C\n    pro:\n      - text: A\n        con:\n"
            "          - text: X\n      - text: B\n")
    assert move(text, "c1.pro2", "c1.pro1", "con") == (
        "question: Q?\nclaims:\n  - text: C\n    pro:\n      - text: A\n        con:\n"
        "          - text: X\n          - text: B\n")


# -- fmt --------------------------------------------------------------------------------

def test_fmt_writes_a_linked_argument_in_the_canonical_order() -> None:
    note, tags = "        note: The council's strongest case.\n", "        tags: [traffic]\n"
    assert format_text(LINKED) == LINKED.replace(note + tags, tags + note)
    shuffled = ("argmap: 1.1\nquestion: Q?\nclaims:\n  - text: A\n    pro:\n"
                "      # about the argument\n"
                "      - undercut:  # why not\n          - text: U\n"
                "        weight: 2\n"
                "        # the premises\n"
                "        premises:\n        - text: P  # first\n        - ref: r\n"
                "        id: arg\n"
                "      - id: r\n        text: R\n")
    once = format_text(shuffled)
    assert once == ("argmap: 1.1\nquestion: Q?\nclaims:\n  - text: A\n    pro:\n"
                    "      # about the argument\n"
                    "      # the premises\n"
                    "      - premises:\n          - text: P  # first\n          - ref: r\n"
                    "        id: arg\n"
                    "        weight: 2\n"
                    "        undercut:  # why not\n          - text: U\n"
                    "      - id: r\n        text: R\n")
    assert format_text(once) == once


def test_fmt_check_and_diff_on_a_linked_map(tmp_path: Path) -> None:
    path = tmp_path / "linked.yaml"
    path.write_text(LINKED)
    assert run("fmt", "--check", str(path)) == (1, "", f"argmap: would reformat {path}\n")
    code, out, _ = run("fmt", "--diff", str(path))
    assert code == 0 and "-        tags: [traffic]\n" in out and path.read_text() == LINKED
    assert run("fmt", str(path))[0] == 0
    assert run("fmt", "--check", str(path)) == (0, "", "")


def test_fmt_refuses_a_result_that_changes_a_linked_argument(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The read-back check compares the premises of each linked argument, in order:
    # here the first two trade places (and the pro below the second follows the first).
    from argmap.edit import fmt

    first, second = ("          - text: Shops in the centre depend on car-borne customers.\n"
                     "            by: Chamber of commerce\n",
                     "          - text: Those customers will not switch to transit.\n")
    swapped = LINKED.replace(first + second, second + first)
    assert swapped != LINKED and load_text(swapped).diagnostics == []
    monkeypatch.setattr(fmt._Emitter, "emit", lambda self: swapped)
    with pytest.raises(fmt.FormatError, match="would change what the map says"):
        format_text(LINKED)


def test_argument_id_names_the_new_linked_argument(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("question: Q?\nclaims:\n  - text: C.\n", encoding="utf-8")
    code, _, err = run("add", str(path), "--to", "c1", "--pro", "A.", "--together", "B.",
                       "--argument-id", "ab", "--weight", "3")
    assert (code, err) == (0, f"argmap: added a linked pro argument of 2 premises under c1 to "
                              f"{path}\n")
    assert path.read_text(encoding="utf-8") == (
        "question: Q?\nclaims:\n  - text: C.\n    pro:\n      - premises:\n"
        "          - text: A.\n          - text: B.\n        id: ab\n        weight: 3\n")
    code, _, err = run("add", str(path), "--to", "c1", "--pro", "D.", "--argument-id", "x")
    assert (code, err) == (2, "argmap: --argument-id names a linked argument: use it with "
                              "--together\n")
