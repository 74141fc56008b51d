"""Edits of a canonical map placed by the canonical reader's lines (argmap.edit.canonical)
give byte for byte the text, and word for word the error, of the composed path."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.edit import canonical
from argmap.edit.move import move_edit
from argmap.edit.operations import (
    Edit,
    EditError,
    add_argument_edit,
    add_statement_edit,
    remove_edit,
)
from argmap.edit.refs import add_ref_edit
from argmap.edit.write import NewStatement
from argmap.readers.yaml.fast import CanonicalLines
from argmap.readers.yaml.load import load_text
from tests.conftest import FIXTURES

sys.path.insert(0, str(FIXTURES.parent.parent / "benchmarks"))
from generate import generate

runner = CliRunner()
TEXTS = ["A plain statement.", "Cost: £30m", "yes", "3", "it's", "Option 2: more", "naïve"]
#: texts as a canonical map may write them (quoted where plain would not read back)
MAP_TEXTS = ["A plain statement.", "'Cost: £30m'", "naïve café", "Three [bracketed] words"]
IDS = ["a", "b-1", "x.y", "sub_1", "claim"]


@st.composite
def statement(draw: st.DrawFn, column: int, depth: int, taken: set[str]) -> list[str]:
    """One list item, its keys at ``column`` in a random order (lists anywhere among them,
    even first, on the ``-`` line)."""
    pad = " " * column
    keys: list[list[str]] = [[f"{pad}text: {draw(st.sampled_from(MAP_TEXTS))}"]]
    if draw(st.booleans()):
        free = [i for i in IDS if i not in taken]
        if free:
            chosen = draw(st.sampled_from(free))
            taken.add(chosen)
            keys.append([f"{pad}id: {chosen}"])
    for key, value in draw(st.lists(st.sampled_from([
            ("by", "Ann"), ("note", "A note."), ("tags", "[economy, x-1]"),
            ("cites", "[s1]"), ("cites", "[s1, s2]"), ("weight", "3")]),
            max_size=2, unique_by=lambda pair: pair[0])):
        keys.append([f"{pad}{key}: {value}"])
    if depth < 3:
        for relation in draw(st.lists(st.sampled_from(["pro", "con", "undercut"]),
                                      max_size=2, unique=True)):
            lines = [f"{pad}{relation}:"]
            for child in draw(st.lists(statement(column + 4, depth + 1, taken), min_size=1,
                                       max_size=2)):
                lines.extend(child)
            keys.append(lines)
    order = draw(st.permutations(keys))
    lines = [line for key in order for line in key]
    lines[0] = f"{' ' * (column - 2)}- {lines[0][column:]}"
    return lines


@st.composite
def canonical_maps(draw: st.DrawFn) -> str:
    """A map the canonical reader takes: a version or none, an id or none, sources."""
    taken: set[str] = set()
    head = [f"question: {draw(st.sampled_from(MAP_TEXTS))}"]
    if draw(st.booleans()):
        head.insert(0, f"argmap: {draw(st.sampled_from(['1', '1.1', '1.2']))}")
    if draw(st.booleans()):
        head.append("id: the-map")
    claims = ["claims:"]
    for item in draw(st.lists(statement(4, 1, taken), min_size=1, max_size=3)):
        claims.extend(item)
    sources = ["sources:", "  s1:", "    title: One", "  s2:", "    title: Two"]
    parts = [head, claims, sources]
    if draw(st.booleans()):
        parts = [claims, head, sources]
    text = "\n".join(line for part in parts for line in part)
    return text + draw(st.sampled_from(["\n", ""]))


def addresses(text: str) -> list[str]:
    """Every statement's path and id, and one address no statement has."""
    read = load_text(text, "m.yaml").maps[0]
    found = [s.path for s in read.walk()] + [s.id for s in read.walk() if s.id]
    return [*found, "c9.pro9"]


Outcome = tuple[str, str] | tuple[str, str, int]


def outcome(make: Callable[[], Edit]) -> Outcome:
    try:
        text, done = make()
    except EditError as exc:
        return ("error", str(exc), exc.code)
    return (text, done)


def both(make: Callable[[], Edit]) -> Outcome:
    """The fast path's outcome, after asserting the composed path's is the same."""
    fast = outcome(make)
    canonical.ENABLED = False
    try:
        slow = outcome(make)
    finally:
        canonical.ENABLED = True
    assert fast == slow
    return fast


@st.composite
def edits(draw: st.DrawFn, text: str) -> Callable[[], Edit]:
    """One random edit of ``text``, through the edit layer's public functions."""
    places = addresses(text)
    where = st.sampled_from(places)
    relation = st.sampled_from(["pro", "con", "undercut"])
    map_id = draw(st.sampled_from([None, None, None, "the-map", "other"]))
    kind = draw(st.sampled_from(["add", "claim", "argument", "ref", "rm", "mv"]))
    new = NewStatement(draw(st.sampled_from(TEXTS)), draw(st.sampled_from([None, "new-id"])),
                       by=draw(st.sampled_from([None, "Bo"])),
                       weight=draw(st.sampled_from([None, 2])),
                       cites=draw(st.sampled_from([[], [("s1", None)], [("s2", "p. 3")]])),
                       speech=draw(st.sampled_from([None, "1AC"])))
    if kind == "add":
        to, rel = draw(where), draw(relation)
        return lambda: add_statement_edit(text, new, to, rel, map_id)
    if kind == "claim":
        return lambda: add_statement_edit(text, new, None, "claim", map_id)
    if kind == "argument":
        to, rel = draw(where), draw(relation)
        premises = [new, NewStatement("Another.")]
        weight, scheme = draw(st.sampled_from([None, 4])), draw(st.sampled_from([None, "x"]))
        return lambda: add_argument_edit(text, premises, weight, to, rel, map_id, "arg", scheme)
    if kind == "ref":
        target, beside = draw(where), draw(st.one_of(st.none(), where))
        as_ = draw(st.one_of(st.none(), relation))
        speech = draw(st.sampled_from([None, "2NC"]))
        return lambda: add_ref_edit(text, target, beside, as_, speech, None, map_id)
    address = draw(where)
    if kind == "rm":
        return lambda: remove_edit(text, address, map_id)
    under, keep = draw(where), draw(st.one_of(st.none(), relation))
    return lambda: move_edit(text, address, under, keep, map_id)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_fast_path_edits_as_the_composed_path(data: st.DataObject) -> None:
    text = data.draw(canonical_maps())
    assert canonical.lines_of(text) is not None  # the map does take the fast path
    for _ in range(2):  # an edit, then another on its result where it is canonical too
        result = both(data.draw(edits(text)))
        if result[0] == "error" or canonical.lines_of(result[0]) is None:
            break
        text = result[0]


def test_the_lines_the_check_read_are_the_lines_the_edit_uses() -> None:
    text = generate(300)
    lines = CanonicalLines()
    load_text(text, "m.yaml", record=lines)
    assert lines.map is not None
    given_lines = add_statement_edit(text, NewStatement("New."), "c2.con1", "pro", None, lines)
    assert given_lines == both(lambda: add_statement_edit(text, NewStatement("New."),
                                                          "c2.con1", "pro"))
    other = text.replace("Statement number 0 ", "Statement zero ")
    assert canonical.lines_of(other, lines) is not None  # another text: read again


def test_synthetic_maps_take_the_fast_path() -> None:
    text = generate(1000)
    for make in (lambda: add_statement_edit(text, NewStatement("x"), "c1", "pro"),
                 lambda: remove_edit(text, "c1.pro1.pro1"),
                 lambda: move_edit(text, "c1.pro1.pro1", "c2", None),
                 lambda: move_edit(text, "c3", "c1.con1", "undercut")):
        assert both(make)[0] != "error"


def test_a_key_first_on_the_dash_line_is_refused_alike() -> None:
    text = ("question: Q?\nclaims:\n  - pro:\n      - text: B.\n    text: A.\n"
            "  - text: C.\n")
    assert both(lambda: remove_edit(text, "c1.pro1")) == (
        "error", "`pro` is the first key of its statement; run `argmap fmt` on the file first",
        1)


# -- through the command line: the checks, the version, the project ----------------------

def cli_run(folder: Path, *args: str) -> tuple[int, str, dict[str, bytes]]:
    result = runner.invoke(cli.app, list(args))
    return (result.exit_code, result.stderr,
            {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()})


def both_cli(folder: Path, files: dict[str, str], *args: str) -> tuple[int, str]:
    """Run a command on fresh copies of ``files`` by each path; the same exit code, message
    and files come out."""
    found = []
    for enabled in (True, False):
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        canonical.ENABLED = enabled
        try:
            found.append(cli_run(folder, *args))
        finally:
            canonical.ENABLED = True
    assert found[0] == found[1]
    return found[0][:2]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    yield tmp_path


MAP = ("argmap: 1\nid: aff\nquestion: Q?\nclaims:\n  - id: plan\n    text: The plan.\n"
       "    pro:\n      - text: It works.\n        id: works\n  - text: Second.\n")


def test_a_linked_add_declares_1_1(folder: Path) -> None:
    assert both_cli(folder, {"aff.yaml": MAP}, "add", "aff.yaml", "--to", "plan", "--con",
                    "No.", "--together", "Never.") == (
        0, "argmap: added a linked con argument of 2 premises under plan to aff.yaml\n")
    assert (folder / "aff.yaml").read_text(encoding="utf-8") == MAP.replace(
        "argmap: 1\n", "argmap: 1.1\n").replace(
        "        id: works\n", "        id: works\n    con:\n      - premises:\n"
        "          - text: No.\n          - text: Never.\n")


def test_an_edit_that_breaks_the_map_writes_nothing(folder: Path) -> None:
    code, message = both_cli(folder, {"aff.yaml": MAP}, "add", "aff.yaml", "--to", "plan",
                             "--pro", "Again.", "--id", "works")
    assert code == 1
    assert message.endswith("argmap: aff.yaml left unchanged: the edit would make the map "
                            "invalid (the positions above are in the edited text)\n")
    assert (folder / "aff.yaml").read_text(encoding="utf-8") == MAP


def test_rm_and_mv_refuse_to_break_a_reference_of_another_map(folder: Path) -> None:
    other = ("argmap: 1.2\nid: neg\nquestion: Q?\nclaims:\n  - text: Against.\n    con:\n"
             "      - ref: aff/works\n")
    files = {"argmap.toml": "", "aff.yaml": MAP, "neg.yaml": other}
    code, message = both_cli(folder, files, "rm", "aff.yaml", "aff/plan")
    assert code == 1
    assert message.startswith("neg.yaml:7:14: error: ref 'aff/works' would name nothing")
    assert both_cli(folder, files, "mv", "aff.yaml", "works", "--to", "c2") == (
        0, "argmap: moved works under c2 in aff.yaml\n")
