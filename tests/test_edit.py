"""new, add, rm and mv: edits that keep every byte they do not write."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.edit.move import move
from argmap.edit.operations import (
    EditError,
    add_source,
    add_statement,
    locate,
    remove,
)
from argmap.edit.write import NewStatement
from argmap.readers.yaml.source import get, parse
from argmap.rules.format import check_text
from tests.conftest import FIXTURES

runner = CliRunner()
ROOT = FIXTURES.parent.parent
EDITABLE = sorted([*ROOT.glob("maps/*.yaml"), *FIXTURES.glob("valid/*.yaml")])


def added_path(text: str, to: str, relation: str, map_id: str | None = None) -> str:
    """The derived path a statement added under ``to`` as ``relation`` will have.

    Under a linked argument, its own relation adds a premise (``c1.pro1.3``).
    """
    parent = locate(parse(text), to, map_id)
    premise = parent.linked and relation == parent.key
    pair = get(parent.node, "premises" if premise else relation)
    count = len(pair[1].value) if pair is not None and pair[1].value else 0
    return f"{parent.path}.{'' if premise else relation}{count + 1}"


def can_hold(text: str, to: str, relation: str, map_id: str | None) -> bool:
    """Whether ``add`` can put a ``relation`` item under ``to``: a linked argument takes
    its own relation (a premise) or an undercut; its premises take no undercut."""
    located = locate(parse(text), to, map_id)
    if located.linked:
        return relation in (located.key, "undercut")
    if located.key == "premises":
        return relation != "undercut"
    return True


def targets(text: str) -> list[tuple[str | None, str]]:
    """(map id, address) of the first, last and a middle statement of each map."""
    from argmap.edit.operations import document_ids
    from argmap.readers.yaml.source import statements

    parsed = parse(text)
    ids = document_ids(parsed)
    found = [(ids[s.document], s.path) for s in statements(parsed.documents)
             if get(s.node, "ref") is None]
    return sorted({found[0], found[len(found) // 2], found[-1]})


@pytest.mark.parametrize("path", EDITABLE, ids=lambda p: p.name)
def test_add_then_rm_gives_back_the_original_bytes(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    new = NewStatement("An added premise: with a colon # and a hash", by="a tester",
                       weight=3, cites=[], quote=None)
    premise = NewStatement(new.text, by=new.by)  # a linked argument's premise has no weight
    for map_id, address in targets(original):
        for relation in ("pro", "con", "undercut"):
            if relation == "undercut" and "." not in address:
                continue  # a claim has no undercut: check_text refuses it
            if not can_hold(original, address, relation, map_id):
                with pytest.raises(EditError):
                    add_statement(original, premise, address, relation, map_id)
                continue
            linked = locate(parse(original), address, map_id).linked and relation != "undercut"
            edited = add_statement(original, premise if linked else new, address, relation,
                                   map_id)
            assert check_text(edited, path.name) == check_text(original, path.name)
            # Only lines were inserted: everything else is byte for byte the same.
            opcodes = difflib.SequenceMatcher(None, original.splitlines(True),
                                              edited.splitlines(True)).get_opcodes()
            assert {op for op, *_ in opcodes} == {"equal", "insert"}, (address, relation)
            added = added_path(original, address, relation, map_id)
            assert remove(edited, added, map_id) == original, (address, relation)


def test_add_a_claim_and_a_source_then_remove_the_claim() -> None:
    original = (ROOT / "maps/nato-promise.yaml").read_text()
    edited = add_statement(original, NewStatement("A fourth answer."), None, "claim")
    assert edited.count("\n") == original.count("\n") + 1
    claims = len(get(parse(original).documents[0], "claims")[1].value)  # type: ignore[index]
    assert remove(edited, f"c{claims + 1}") == original
    sourced = add_source(original, "new-source", {"title": "A: title", "date": "2024"})
    assert sourced.endswith("  new-source:\n    title: 'A: title'\n    date: '2024'\n")


FOUR_SPACES = """\
question: Q?
claims:
    -   id: a
        text: A
"""
ZERO_OFFSET = """\
question: Q?  # the question
claims:
- id: a
  text: A
  pro:
  - text: B
"""


def test_new_items_follow_the_file_indentation() -> None:
    assert add_statement(FOUR_SPACES, NewStatement("B", by="me"), "a", "con") == (
        FOUR_SPACES + "        con:\n            -   text: B\n                by: me\n")
    assert add_statement(ZERO_OFFSET, NewStatement("C"), "a", "pro") == (
        ZERO_OFFSET + "  - text: C\n")
    assert add_statement(ZERO_OFFSET, NewStatement("D", cites=[("s", "p. 2")]), "c1.pro1",
                         "con") == (ZERO_OFFSET + "    con:\n    - text: D\n      cites:\n"
                                    "      - source: s\n        locator: p. 2\n")


def test_a_new_key_goes_in_the_canonical_order_above_the_comments_of_the_next_key() -> None:
    text = "question: Q?\nclaims:\n  - text: A\n    # the objections\n    con:\n      - text: B\n"
    assert add_statement(text, NewStatement("C"), "c1", "pro") == (
        "question: Q?\nclaims:\n  - text: A\n    pro:\n      - text: C\n"
        "    # the objections\n    con:\n      - text: B\n")


def test_an_empty_list_key_is_filled_in_place() -> None:
    text = "question: Q?\nclaims:\n  - text: A\n    pro:  # none yet\n    con: []\n"
    once = add_statement(text, NewStatement("B"), "c1", "pro")
    assert once == ("question: Q?\nclaims:\n  - text: A\n    pro:  # none yet\n"
                    "      - text: B\n    con: []\n")
    assert add_statement(once, NewStatement("C"), "c1", "con").endswith(
        "    con:\n      - text: C\n")


def test_crlf_files_stay_crlf() -> None:
    text = "question: Q?\r\nclaims:\r\n  - text: A\r\n"
    assert add_statement(text, NewStatement("B"), "c1", "pro") == (
        text + "    pro:\r\n      - text: B\r\n")


def test_rm_refuses_to_orphan_a_ref() -> None:
    text = (FIXTURES / "valid/cycle.yaml").read_text()
    with pytest.raises(EditError) as info:
        remove(text, "egg")
    assert str(info.value) == ("c2 holds 'egg', which the ref on line 8 points at; remove or "
                               "change that ref first (1 ref in all)")
    assert remove(text, "c1.con1").count("ref:") == 1  # a ref item itself can go


def test_mv_moves_a_subtree_and_reindents_it() -> None:
    text = ("question: Q?\nclaims:\n  - id: a\n    text: A\n    pro:\n      - text: B\n"
            "        con:\n          - text: C\n  - id: d\n    text: D\n")
    assert move(text, "c1.pro1", "d", "con") == (
        "question: Q?\nclaims:\n  - id: a\n    text: A\n  - id: d\n    text: D\n"
        "    con:\n      - text: B\n        con:\n          - text: C\n")
    with pytest.raises(EditError, match="cannot move c1 under itself"):
        move(text, "c1", "c1.pro1", "pro")


# -- the commands ---------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli.app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_new_writes_the_schema_line_relative_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema/argmap-1.schema.json").write_text("{}")
    target = tmp_path / "maps/city/ring.yaml"
    target.parent.mkdir(parents=True)
    code, out, err = run("new", str(target), "-q", "Close the centre?", "-c",
                         "Yes: close it.", "-c", "No.")
    assert (code, out, err) == (0, "", f"argmap: wrote {target}\n")
    assert target.read_text() == (
        "# yaml-language-server: $schema=../../schema/argmap-1.schema.json\n"
        "argmap: 1\nquestion: Close the centre?\nclaims:\n"
        "  - id: yes-close-it\n    text: 'Yes: close it.'\n  - id: 'no'\n    text: No.\n")
    assert run("check", str(target))[0] == 0


def test_new_refuses_to_overwrite_and_says_where_no_schema_is(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    assert run("new", str(target), "-q", "Q?", "-c", "A")[2] == (
        f"argmap: wrote {target}\nargmap: no argmap-1.schema.json found near it; for "
        f"editor checks run: argmap schema > {tmp_path / 'argmap-1.schema.json'}\n")
    before = target.read_bytes()
    assert run("new", str(target), "-q", "Other?", "-c", "B") == (
        1, "", f"argmap: {target} already exists; not overwriting it\n")
    assert target.read_bytes() == before
    assert run("new", str(tmp_path / "b.yaml"), "-q", "Q?")[0] == 2


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.yaml"
    path.write_text("question: Q?\nclaims:\n  - id: a\n    text: A  # keep me\n"
                    "    pro:\n      - text: B\nsources:\n  s:\n    title: S\n")
    path.chmod(0o640)
    return path


def unchanged(path: Path, before: bytes, stat: os.stat_result) -> bool:
    return path.read_bytes() == before and path.stat().st_mtime_ns == stat.st_mtime_ns


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--to", "nope", "--pro", "X"], 2,
     "argmap: {f} left unchanged: no statement 'nope' in this map (argmap show --ids lists "
     "the addresses)\n"),
    (["--to", "c1.pro1", "--con", "X", "--id", "a"], 1,
     "{f}:8:17: error: id 'a' is already used on line 3; to reuse that statement here, "
     "write `ref: a` [duplicate-id]\n"
     "argmap: {f} left unchanged: the edit would make the map invalid (the positions above "
     "are in the edited text)\n"),
    (["--to", "a", "--undercut", "X"], 1,
     "{f}:8:9: error: a claim cannot have `undercut`: it attacks the step from a premise to "
     "its parent, and a claim has none; use `con` [undercut-on-claim]\n"
     "argmap: {f} left unchanged: the edit would make the map invalid (the positions above "
     "are in the edited text)\n"),
    (["--to", "a", "--con", "X", "--cite", "t"], 1,
     "{f}:9:17: error: source 't' is not listed under `sources`; add it under `sources` "
     "[unknown-source]\n"
     "argmap: {f} left unchanged: the edit would make the map invalid (the positions above "
     "are in the edited text)\n"),
    (["--to", "a", "--pro", "X", "--con", "Y"], 2,
     "argmap: say what to add: one of --pro, --con, --undercut or --claim TEXT (or --source "
     "ID)\n"),
])
def test_add_refuses_invalid_edits_and_leaves_the_file(map_file: Path, args: list[str],
                                                       code: int, message: str) -> None:
    before, stat = map_file.read_bytes(), map_file.stat()
    result = run("add", str(map_file), *args)
    assert result == (code, "", message.format(f=map_file))
    assert unchanged(map_file, before, stat)


def test_add_writes_in_place_keeping_mode_and_symlink(map_file: Path) -> None:
    link = map_file.parent / "link.yaml"
    link.symlink_to(map_file.name)
    code, _, err = run("add", str(link), "--to", "a", "--con", "Yes indeed", "--cite", "s:p. 4",
                       "--quote", "it is so")
    assert (code, err) == (0, f"argmap: added a con premise under a to {link}\n")
    assert link.is_symlink()
    assert map_file.stat().st_mode & 0o777 == 0o640
    assert map_file.read_text() == (
        "question: Q?\nclaims:\n  - id: a\n    text: A  # keep me\n    pro:\n      - text: B\n"
        "    con:\n      - text: Yes indeed\n        cites:\n          - source: s\n"
        "            quote: it is so\n            locator: p. 4\nsources:\n  s:\n    title: S\n")


def test_rm_and_mv_commands(map_file: Path) -> None:
    assert run("add", str(map_file), "--claim", "C", "--id", "c")[0] == 0
    code, _, err = run("mv", str(map_file), "c1.pro1", "--to", "c", "--con")
    assert (code, err) == (0, f"argmap: moved c1.pro1 under c in {map_file}\n")
    assert run("rm", str(map_file), "c2.con1")[0] == 0
    assert map_file.read_text() == (
        "question: Q?\nclaims:\n  - id: a\n    text: A  # keep me\n  - id: c\n    text: C\n"
        "sources:\n  s:\n    title: S\n")


def test_an_invalid_file_is_not_edited(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text((FIXTURES / "invalid/unknown-ref.yaml").read_text())
    code, _, err = run("add", str(path), "--claim", "X")
    assert code == 1
    assert err.endswith(f"argmap: {path} left unchanged: fix its errors first, then edit it\n")


def test_flow_style_statements_are_refused_with_a_way_out() -> None:
    text = "question: Q?\nclaims:\n  - {text: A}\n"
    with pytest.raises(EditError) as info:
        add_statement(text, NewStatement("B"), "c1", "pro")
    assert str(info.value) == ("this statement is written in flow style ({...} or [...]); run "
                               "`argmap fmt` on the file first, then edit it")


def test_in_a_file_of_several_maps_map_chooses_one() -> None:
    text = (FIXTURES / "valid/stream.yaml").read_text()
    with pytest.raises(EditError) as info:
        add_statement(text, NewStatement("B"), "c1", "pro")
    assert str(info.value) == ("'c1' is in several maps of this file ('tea', 'coffee'); "
                               "choose one with --map")
    edited = add_statement(text, NewStatement("Beans go stale."), "c1", "pro", "coffee")
    assert edited == text.replace("spoils the beans.\n",
                                  "spoils the beans.\n      - text: Beans go stale.\n")
    with pytest.raises(EditError, match="no map 'tee' in this file"):
        add_statement(text, NewStatement("B"), "c1", "pro", "tee")
