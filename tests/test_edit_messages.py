"""What add, rm and mv say and their exit codes, around linked arguments and refs.

Regressions from a user test: a linked argument added "under" another joined it
as premises; a ref position was "no statement ..., did you mean" itself; mv
answered with add's words; refusals the map causes exited 1 or 2 at random.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from tests.conftest import FIXTURES

runner = CliRunner()
ROOT = FIXTURES.parent.parent

SCHOOL = """\
argmap: 1.1
question: Should public schools require uniforms?
claims:
  - id: require
    text: Schools should require uniforms.
    pro:
      # the core linked argument
      - premises:
          - id: bullying-clothes
            text: Much bullying in school targets clothing and brands.
          - ref: uniforms-equalise
          - text: Less bullying improves learning.
        id: less-bullying
        weight: 4
      - id: cost
        text: Uniforms are cheaper than fashion clothing.
    con:
      - premises:
          - text: Clothing is a form of self-expression.
          - text: Schools should protect self-expression.
  - id: dont-require
    text: Uniforms should stay optional.
    con:
      - id: uniforms-equalise
        text: Uniforms hide differences in family income.
"""

# Format 1: c2.con1 is a ref to baker-germany, written at c1.pro1.
V1 = """\
argmap: 1
question: Q?
claims:
  - text: No promise was made.
    pro:
      - id: baker-germany
        text: The remark concerned East Germany.
  - text: A promise was made.
    con:
      - ref: baker-germany
"""


def run(path: Path, *args: str) -> tuple[int, str]:
    """Exit code and stderr (stdout must stay empty) of ``argmap COMMAND path ARGS``."""
    result = runner.invoke(cli.app, [args[0], str(path), *args[1:]])
    assert result.stdout == ""
    return result.exit_code, result.stderr


@pytest.fixture
def school(tmp_path: Path) -> Path:
    path = tmp_path / "school.yaml"
    path.write_text(SCHOOL)
    return path


@pytest.fixture
def v1(tmp_path: Path) -> Path:
    path = tmp_path / "v1.yaml"
    path.write_text(V1)
    return path


# -- a linked argument cannot hold another -------------------------------------------------

def test_together_to_a_linked_argument_is_refused(school: Path) -> None:
    assert run(school, "add", "--to", "less-bullying", "--pro", "A.", "--together", "B.") == (
        1, f"argmap: {school} left unchanged: less-bullying is a linked argument, and a linked "
        "argument cannot hold another: add premises to it one at a time (--to less-bullying "
        "--pro TEXT), or argue with one of its premises (--to c1.pro1.1 --pro TEXT --together "
        "TEXT)\n")
    assert school.read_text() == SCHOOL


def test_a_premise_added_to_a_linked_argument_is_named(school: Path) -> None:
    assert run(school, "add", "--to", "less-bullying", "--pro", "A.") == (
        0, f"argmap: added premise c1.pro1.4 to the linked argument less-bullying in "
        f"{school}\n")
    assert school.read_text() == SCHOOL.replace(
        "improves learning.\n", "improves learning.\n          - text: A.\n")


def test_mv_of_an_argument_into_an_argument_says_mv(school: Path) -> None:
    assert run(school, "mv", "c1.con1", "--to", "less-bullying") == (
        1, f"argmap: {school} left unchanged: c1.con1 is a linked argument, and so is "
        "less-bullying: a linked argument cannot hold another; move c1.con1 under a "
        "statement, such as one of less-bullying's premises (--to c1.pro1.1)\n")
    assert run(school, "mv", "cost", "--to", "less-bullying", "--con") == (
        1, f"argmap: {school} left unchanged: less-bullying is a linked argument for its "
        "parent: a statement moved into it goes in as one of its premises (--pro, its side) "
        "or as an undercut of its step (--undercut), not as a con; to move cost under one "
        "premise, give that premise's address (--to c1.pro1.1)\n")
    assert school.read_text() == SCHOOL


# -- a ref position gives the statement it names -----------------------------------------

def test_add_to_a_ref_premise_adds_under_the_statement_it_names(school: Path) -> None:
    assert run(school, "add", "--to", "c1.pro1.2", "--con", "X.") == (
        0, "argmap: added a con premise under uniforms-equalise (written at c2.con1; "
        f"c1.pro1.2 is a ref to it) to {school}\n")
    assert school.read_text() == SCHOOL + "        con:\n          - text: X.\n"


def test_add_to_a_v1_ref_position_adds_under_the_statement_it_names(v1: Path) -> None:
    assert run(v1, "add", "--to", "c2.con1", "--con", "Said twice.") == (
        0, "argmap: added a con premise under baker-germany (written at c1.pro1; c2.con1 is a "
        f"ref to it) to {v1}\n")
    assert v1.read_text() == V1.replace(
        "East Germany.\n", "East Germany.\n        con:\n          - text: Said twice.\n")
    assert run(v1, "add", "--to", "c2.con1", "--pro", "P.", "--together", "Q.")[1] == (
        "argmap: added a linked pro argument of 2 premises under baker-germany (written at "
        f"c1.pro1; c2.con1 is a ref to it) to {v1}\n")


def test_add_to_the_real_map_at_a_ref_position(tmp_path: Path) -> None:
    path = tmp_path / "nato-promise.yaml"
    shutil.copy(ROOT / "maps/nato-promise.yaml", path)
    assert run(path, "add", "--to", "c2.con1", "--con", "X.") == (
        0, "argmap: added a con premise under baker-germany (written at c1.pro1; c2.con1 is a "
        f"ref to it) to {path}\n")


def test_an_undercut_at_a_ref_position_undercuts_that_step(v1: Path) -> None:
    # format 1.2: a ref item carries its own step's undercuts; mv does not move onto one
    refused = (1, f"argmap: {v1} left unchanged: c2.con1 is a ref to baker-germany: mv moves "
               "statements between statements, not onto a ref's own step; to undercut that "
               "step, `add --to c2.con1 --undercut TEXT`; to attack baker-germany's step where "
               "it is written, give --to c1.pro1\n")
    assert run(v1, "mv", "c1", "--to", "c2.con1", "--undercut") == refused
    assert v1.read_text() == V1
    assert run(v1, "add", "--to", "c2.con1", "--undercut", "U.") == (
        0, f"argmap: added an undercut of the step at c2.con1 (a ref to baker-germany) to {v1}\n")
    assert v1.read_text() == V1.replace("argmap: 1\n", "argmap: 1.2\n") + (
        "        undercut:\n          - text: U.\n")


def test_mv_to_a_ref_position_moves_under_the_statement_it_names(v1: Path) -> None:
    text = V1.replace("    con:\n", "    con:\n      - text: Moved.\n")
    v1.write_text(text)
    assert run(v1, "mv", "c2.con1", "--to", "c2.con2", "--pro") == (
        0, "argmap: moved c2.con1 under baker-germany (written at c1.pro1; c2.con2 is a ref to "
        f"it) in {v1}\n")
    assert v1.read_text() == V1.replace(
        "East Germany.\n", "East Germany.\n        pro:\n          - text: Moved.\n")


def test_rm_and_mv_of_a_ref_position_take_the_ref_only(school: Path, v1: Path) -> None:
    assert run(v1, "rm", "c2.con1") == (
        0, "argmap: removed c2.con1 (a ref to baker-germany; the statement stays at c1.pro1) "
        f"from {v1}\n")
    assert v1.read_text() == V1.removesuffix("    con:\n      - ref: baker-germany\n")
    assert run(school, "mv", "c1.pro1.2", "--to", "c1") == (
        0, "argmap: moved c1.pro1.2 (a ref to uniforms-equalise; the statement stays at "
        f"c2.con1) under c1 in {school}\n")
    assert school.read_text() == SCHOOL.replace("          - ref: uniforms-equalise\n", "").replace(
        "fashion clothing.\n", "fashion clothing.\n      - ref: uniforms-equalise\n")


# -- exit codes: 1 when the map does not allow it, 2 when the command line is wrong ----------

@pytest.mark.parametrize(("args", "code"), [
    # The map does not allow these.
    (["add", "--to", "less-bullying", "--con", "X."], 1),  # wrong side of an argument
    (["add", "--to", "less-bullying", "--pro", "X.", "--weight", "2"], 1),
    (["add", "--to", "c1.pro1.1", "--undercut", "X."], 1),  # a premise's step is the argument's
    (["add", "--to", "less-bullying", "--pro", "X.", "--together", "Y."], 1),  # nesting
    (["add", "--to", "c1", "--undercut", "X."], 1),  # a claim has no undercut
    (["rm", "c1.con1.1"], 1),  # would leave one premise
    (["rm", "uniforms-equalise"], 1),  # a ref points at it
    (["mv", "c1.con1.1", "--to", "c2"], 1),  # would leave one premise
    (["mv", "c1.con1", "--to", "less-bullying"], 1),  # nesting
    (["mv", "c1.con1", "--to", "c2", "--undercut"], 1),  # an argument is no undercut
    (["mv", "cost", "--to", "less-bullying", "--con"], 1),  # wrong side of an argument
    (["mv", "c1", "--to", "c2"], 1),  # a claim has no relation of its own to keep
    (["mv", "require", "--to", "cost", "--pro"], 1),  # under itself
    # The command line is wrong in itself, or names nothing in the map (as --focus does).
    (["add", "--to", "c1", "--pro", "X.", "--con", "Y."], 2),
    (["add", "--to", "c1", "--undercut", "X.", "--together", "Y."], 2),
    (["add", "--to", "c1", "--pro", "X.", "--quote", "Q."], 2),
    (["mv", "cost", "--to", "c2", "--pro", "--con"], 2),
    (["add", "--to", "nowhere", "--pro", "X."], 2),
    (["rm", "c9"], 2),
])
def test_exit_codes_of_refusals(school: Path, args: list[str], code: int) -> None:
    assert run(school, *args)[0] == code
    assert school.read_text() == SCHOOL
