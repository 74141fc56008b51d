"""Safe editing across files: rename (every other byte kept, all files or none), rm and mv
refusing to break another map's reference, new --library."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.errors import UsageError
from argmap.project import open_project
from argmap.project.rename import rename

runner = CliRunner()

AFF = """argmap: 1.2   # the affirmative
question: "Q?"
claims:
  - id: plan
    text: The plan.
    cites: [cards/cbo]
    con:
      - ref: "neg/da"          # quoted, with a comment
      - ref: 'neg/other'
  - text: Second.
    pro:
      - ref: plan
"""
NEG = """argmap: 1.2
id: neg
question: Q?
claims:
  - id: da
    text: A disadvantage.
    pro: [{ref: cards/card}]
  - id: other
    text: Another.
    con:
      - ref: aff/plan
"""
CARDS = """argmap: 1.2
sources:
  cbo: {title: A report}
claims:
  - id: card
    text: A card.
    cites:
      - source: cbo
        quote: the words
"""


def write(folder: Path, files: dict[str, str]) -> dict[str, bytes]:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {name: (folder / name).read_bytes() for name in files}


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def renamed(folder: Path, old: str, new: str) -> int:
    return rename(open_project(folder / "argmap.toml"), old, new).places


@pytest.fixture
def debate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"argmap.toml": "", "aff.yaml": AFF, "neg.yaml": NEG, "cards.yaml": CARDS})
    return tmp_path


def test_rename_a_statement_changes_its_id_and_every_reference_only(debate: Path) -> None:
    assert renamed(debate, "neg/da", "regressive") == 2
    assert (debate / "aff.yaml").read_text(encoding="utf-8") == AFF.replace(
        '"neg/da"', '"neg/regressive"')
    assert (debate / "neg.yaml").read_text(encoding="utf-8") == NEG.replace(
        "id: da", "id: regressive")


def test_rename_a_source_of_a_library(debate: Path) -> None:
    assert renamed(debate, "cards/cbo", "cbo-2013") == 3
    assert (debate / "cards.yaml").read_text(encoding="utf-8") == CARDS.replace(
        "cbo", "cbo-2013")
    assert "cites: [cards/cbo-2013]" in (debate / "aff.yaml").read_text(encoding="utf-8")


def test_rename_a_map_id_declared_or_taken_from_the_file_name(debate: Path) -> None:
    assert renamed(debate, "neg", "negative") == 3  # id: neg, and two refs in aff.yaml
    assert "id: negative\n" in (debate / "neg.yaml").read_text(encoding="utf-8")
    assert renamed(debate, "cards", "library") == 2  # and the file is renamed
    assert not (debate / "cards.yaml").exists()
    assert (debate / "library.yaml").read_bytes() == CARDS.encode()
    assert "[library/cbo]" in (debate / "aff.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("nothing", "x", "no map, statement or source 'nothing' in the project"),
    ("neg/nothing", "x", "map 'neg' has no statement or source 'nothing'"),
    ("neg/da", "other", "map 'neg' already has 'other'; choose another name"),
    ("neg/da", "Bad Id", "'Bad Id' is not a valid id (lower-case letters, digits, '-', '_', "
     "'.'; starting with a letter or digit)"),
    ("neg", "aff", "the project already has a map 'aff'; choose another name"),
    ("neg/da", "c1", "nothing renamed: neg.yaml would not be valid: neg.yaml:5:9: error: id "
     "'c1' looks like a derived path (c1 is the first claim, c1.pro2 its second pro), so it "
     "and a position would be addressed alike; choose another id, such as 'claim-1' "
     "[path-like-id]"),
])
def test_rename_refuses_and_writes_nothing(debate: Path, old: str, new: str,
                                           message: str) -> None:
    before = contents(debate)
    with pytest.raises(UsageError) as caught:
        renamed(debate, old, new)
    assert str(caught.value) == message
    assert contents(debate) == before


def test_rename_on_the_command_line(debate: Path) -> None:
    result = runner.invoke(cli.app, ["rename", "da", "regressive"])
    assert result.exit_code == 0
    assert result.stderr == ("argmap: wrote aff.yaml\nargmap: wrote neg.yaml\n"
                             "argmap: renamed 'da' to 'regressive' in 2 places\n")
    result = runner.invoke(cli.app, ["rename", "plan", "aff-plan"])
    assert result.exit_code == 0
    assert "ref: aff/aff-plan" in (debate / "neg.yaml").read_text(encoding="utf-8")


ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True).filter(
    lambda i: re.fullmatch(r"c[1-9][0-9]*", i) is None)  # c1 is a derived path, not an id
spacing = st.sampled_from(["", " ", "  "])
quoting = st.sampled_from(["{}", '"{}"', "'{}'"])


@settings(max_examples=40)
@given(first=ids, second=ids, quote=quoting, pad=spacing, comment=st.booleans())
def test_rename_then_rename_back_gives_the_original_bytes(
        first: str, second: str, quote: str, pad: str, comment: bool) -> None:
    if first == second or {first, second} & {"plan", "da", "other", "card", "cbo"}:
        return
    aff = (f"argmap: 1.2\nquestion: Q?\nclaims:\n  - id: plan\n    text: P.\n    con:\n"
           f"      - ref:{pad} {quote.format('neg/' + first)}"
           + ("  # why\n" if comment else "\n")
           + f"      - ref: {quote.format('neg/' + first)}\n")
    neg = (f"argmap: 1.2\r\nquestion: Q?\r\nclaims:\r\n  - id:{pad} {quote.format(first)}\r\n"
           f"    text: Ünïcode — text.\r\n    con: [{{ref: aff/plan}}]\r\n"
           f"  - text: Again.\r\n    pro:\r\n      - ref: {first}\r\n")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        original = write(folder, {"argmap.toml": "", "aff.yaml": aff, "neg.yaml": neg})
        renamed(folder, f"neg/{first}", second)
        changed = contents(folder)
        assert changed != original
        assert changed["neg.yaml"].count(b"\r\n") == original["neg.yaml"].count(b"\r\n")
        renamed(folder, f"neg/{second}", first)
        assert contents(folder) == original


def test_rm_refuses_to_break_a_reference_from_another_map(debate: Path) -> None:
    before = contents(debate)
    result = runner.invoke(cli.app, ["rm", "neg.yaml", "da"])
    assert result.exit_code == 1
    assert result.stderr == (
        "aff.yaml:8:14: error: ref 'neg/da' would name nothing: the edit of neg.yaml removes "
        "it; remove or change this ref first [unknown-ref]\n"
        "argmap: neg.yaml left unchanged: 1 reference from other maps of the project would "
        "name nothing\n")
    assert contents(debate) == before


def test_mv_keeps_ids_so_references_from_other_maps_stay(debate: Path) -> None:
    result = runner.invoke(cli.app, ["mv", "neg.yaml", "da", "--to", "other", "--con"])
    assert result.exit_code == 0, result.stderr
    assert runner.invoke(cli.app, ["check", "."]).exit_code == 0


def test_rm_of_a_card_another_map_refs_is_refused(debate: Path) -> None:
    write(debate, {"cards.yaml": CARDS + "  - id: spare\n    text: Another card.\n"})
    before = contents(debate)
    result = runner.invoke(cli.app, ["rm", "cards.yaml", "card"])
    assert result.exit_code == 1
    assert result.stderr.startswith("neg.yaml:7:17: error: ref 'cards/card' would name "
                                    "nothing")
    assert contents(debate) == before


def test_new_library_starts_a_card_library_add_fills(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(cli.app, ["new", "--library", "cards.yaml"]).exit_code == 0
    assert runner.invoke(cli.app, ["add", "cards.yaml", "--source", "cbo", "--title",
                                   "A report"]).exit_code == 0
    assert runner.invoke(cli.app, ["add", "cards.yaml", "--claim", "A card.", "--id",
                                   "card", "--cite", "cbo", "--quote", "words"]).exit_code == 0
    assert (tmp_path / "cards.yaml").read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=argmap-1.schema.json\n"
        "# A card library: the project's maps cite its sources as LIBRARY/SOURCE and\n"
        "# ref its cards (claims with citations) as LIBRARY/ID.\n"
        "argmap: 1.2\n"
        "sources:\n  cbo:\n    title: A report\n"
        "claims:\n  - id: card\n    text: A card.\n    cites:\n      - source: cbo\n"
        "        quote: words\n")
    result = runner.invoke(cli.app, ["check", "--strict", "cards.yaml"])
    assert result.exit_code == 0
    result = runner.invoke(cli.app, ["new", "--library", "x.yaml", "-q", "Q?"])
    assert result.exit_code == 2
    assert result.stderr == ("argmap: --library starts a card library, which has no question "
                             "or claims: leave out --question and --claim\n")


def test_edit_addresses_may_be_qualified(debate: Path) -> None:
    result = runner.invoke(cli.app, ["add", "neg.yaml", "--to", "neg/da", "--con", "No."])
    assert (result.exit_code, result.stderr) == (
        0, "argmap: added a con premise under da to neg.yaml\n")
    result = runner.invoke(cli.app, ["add", "aff.yaml", "--to", "aff/plan", "--pro", "Yes."])
    assert result.exit_code == 0  # aff is the file's name: the map without an `id`
    result = runner.invoke(cli.app, ["rm", "neg.yaml", "aff/plan"])
    assert (result.exit_code, result.stderr) == (
        2, "argmap: neg.yaml left unchanged: no map 'aff' in this file (it has 'neg')\n")
