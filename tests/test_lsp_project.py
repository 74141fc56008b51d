"""``argmap lsp`` on a project (format 1.2): the files of examples/carbon-tax as one debate.

Each test copies the project into a tmp folder and starts a server there, as an
editor opening the project does (the server's working folder is the project's,
so the file names in messages read as ``argmap check`` run there writes them).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from lsprotocol import types as t

from tests.conftest import TESTS
from tests.lsp_client import Client, ResponseError
from tests.test_lsp import _as_check, apply, at, complete, doc, position_of

ROOT = TESTS.parent
CARBON = ROOT / "examples" / "carbon-tax"
ARGMAP = Path(sys.executable).with_name("argmap")
Found = list[tuple[int, int, str, str, str]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "carbon-tax"
    shutil.copytree(CARBON, folder)
    return folder


@pytest.fixture
def client(project: Path) -> Iterator[Client]:
    found = Client(project)
    yield found
    assert found.close() == 0, found.log


def check(folder: Path, name: str) -> Found:
    """``argmap check NAME --format json`` run in ``folder``: the file's diagnostics."""
    out = subprocess.run([str(ARGMAP), "check", "--format", "json", name],
                         capture_output=True, text=True, check=False, cwd=folder).stdout
    return sorted((d["line"], d["column"], d["severity"], d["code"], d["message"])
                  for d in json.loads(out)["diagnostics"] if d["file"] == name)


def published(client: Client, uri: str, text: str) -> Found:
    return sorted(_as_check(text, client.wait_diagnostics(uri)))


def next_diagnostics(client: Client, uri: str, seen: int, timeout: float = 20
                     ) -> list[t.Diagnostic]:
    """The first diagnostics published for ``uri`` after the first ``seen`` ones."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = client.diagnostics.get(uri, [])
        if len(found) > seen:
            return list(found[seen].diagnostics)
        time.sleep(0.01)
    raise TimeoutError(f"no new diagnostics for {uri}")


def count(client: Client, uri: str) -> int:
    """How many diagnostics were published for ``uri`` so far: a round trip first, so any
    the server sent before answering it have been read."""
    assert client.alive()
    return len(client.diagnostics.get(uri, []))


def codes(diagnostics: list[t.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


# -- diagnostics ---------------------------------------------------------------------------

#: a broken copy of the project: a typo in a qualified ref, an unknown map, and a
#: statement of the neg's removed while the aff still names it
BREAKS = {
    "aff.yaml": [("ref: neg/leakage-da", "ref: neg/leakag-da"),
                 ("ref: cp/cap-and-trade", "ref: cpp/cap-and-trade")],
    "neg.yaml": [("id: regressive-da\n", "id: regressive\n")],
    "cp.yaml": [("cites: [cards/ipcc-2022]", "cites: [cards/ipcc-2023]")],
}


def _break(folder: Path) -> None:
    for name, changes in BREAKS.items():
        text = (folder / name).read_text()
        for old, new in changes:
            assert old in text
            text = text.replace(old, new)
        (folder / name).write_text(text)


@pytest.mark.parametrize("broken", [False, True])
def test_diagnostics_are_the_project_checks(project: Path, client: Client,
                                            broken: bool) -> None:
    if broken:
        _break(project)
    every: set[str] = set()
    for name in ("aff.yaml", "neg.yaml", "cp.yaml", "cards.yaml"):
        text = (project / name).read_text()
        uri = client.open(project / name, text)
        got = published(client, uri, text)
        assert got == check(project, name), name
        every.update(code for *_, code, _ in got)
    if broken:
        assert {"unknown-ref", "unknown-map", "unknown-source"} <= every


@pytest.mark.parametrize("table", [
    'select = "default,debate"\n',
    '[check]\nselect = ["all"]\nignore = ["bare-claim"]\n',
    '[check]\nselect = ["default", "debate"]\nsemantics = "weighed"\n',
])
def test_the_project_files_select_chooses_the_rules(project: Path, table: str) -> None:
    with (project / "argmap.toml").open("a") as f:
        f.write(("\n" if table.startswith("[") else "") + table)
    if not table.startswith("["):  # a top-level key goes before the tables
        text = (project / "argmap.toml").read_text()
        (project / "argmap.toml").write_text(table + text.replace(table, ""))
    # the editor's own setting gives way to the project file's
    own = Client(project, initialization_options={"select": "default"})
    try:
        found: set[str] = set()
        for name in ("aff.yaml", "neg.yaml", "cp.yaml"):
            text = (project / name).read_text()
            uri = own.open(project / name, text)
            got = published(own, uri, text)
            assert got == check(project, name), name
            found.update(code for *_, code, _ in got)
        assert "unanswered-attack" in found
    finally:
        assert own.close() == 0


def test_the_project_files_debate_format_reaches_the_maps(project: Path,
                                                          client: Client) -> None:
    toml = project / "argmap.toml"
    toml.write_text('format = "policy"\n' + toml.read_text())
    aff = project / "aff.yaml"
    aff.write_text(aff.read_text().replace("    side: aff\n", "    side: aff\n    speech: 1XC\n"))
    text = aff.read_text()
    uri = client.open(aff, text)
    got = published(client, uri, text)
    assert got == check(project, "aff.yaml")
    assert [code for *_, code, _ in got] == ["unknown-speech"]
    # the round's speeches come from the project file: completion offers them
    spot = position_of(text, "speech: 1XC", shift=9)
    client.change(uri, text.replace("speech: 1XC", "speech: 1"))
    assert [i.label for i in complete(client, uri, spot)][:2] == ["1AC", "1NC"]


@pytest.mark.parametrize(("toml", "message"), [
    ("sides = [\n", "not valid TOML"),
    ('select = ["nonsense"]\n', "nonsense"),
    ('colour = "never"\n', "no command has an option '--colour'; did you mean 'color'?"),
])
def test_a_bad_project_file_is_shown_and_the_file_checked_alone(
        project: Path, client: Client, toml: str, message: str) -> None:
    (project / "argmap.toml").write_text(toml)
    text = (project / "aff.yaml").read_text().replace("ref: neg/leakage-da", "ref: nope/x")
    uri = client.open(project / "aff.yaml", text)
    got = client.wait_diagnostics(uri)
    assert [str(d.code) for d in got] == ["project-file"]  # the names are not resolved
    assert got[0].range.start == at(0, 0)
    assert got[0].message.startswith("argmap.toml:1:")
    assert message in got[0].message
    cli = subprocess.run([str(ARGMAP), "check", "aff.yaml"], capture_output=True,
                         text=True, check=False, cwd=project)
    if "TOML" not in message:
        assert message in cli.stderr
    assert client.alive()
    # the project file mended on disk: the open file is checked in its project again
    mended = project / "argmap.toml"
    mended.write_text((CARBON / "argmap.toml").read_text())
    seen = count(client, uri)
    client.notify("workspace/didChangeWatchedFiles", t.DidChangeWatchedFilesParams(
        [t.FileEvent(mended.as_uri(), t.FileChangeType.Changed)]))
    assert codes(next_diagnostics(client, uri, seen)) == ["unknown-map"]


def test_an_unsaved_change_is_seen_by_the_other_open_files(project: Path,
                                                            client: Client) -> None:
    aff_text = (project / "aff.yaml").read_text()
    neg_text = (project / "neg.yaml").read_text()
    aff = client.open(project / "aff.yaml", aff_text)
    assert client.wait_diagnostics(aff) == []
    neg = client.open(project / "neg.yaml", neg_text)
    assert client.wait_diagnostics(neg) == []
    seen = count(client, aff)
    client.change(neg, neg_text.replace("id: regressive-da\n", "id: regressive\n"))
    got = next_diagnostics(client, aff, seen)
    assert [(str(d.code), d.message) for d in got] == [(
        "unknown-ref", "ref 'neg/regressive-da' names no statement in map 'neg' (neg.yaml); "
        "did you mean 'regressive'?")]
    assert got[0].range.start == position_of(aff_text, "neg/regressive-da")
    # the file on disk was never changed: what the CLI says differs until it is saved
    assert check(project, "aff.yaml") == []
    seen = count(client, aff)
    client.change(neg, neg_text)
    assert next_diagnostics(client, aff, seen) == []
    # closed unsaved: the disk's text stands for it again
    client.change(neg, neg_text.replace("id: leakage-da\n", "id: leakage\n"))
    seen = count(client, aff)
    next_diagnostics(client, aff, seen)
    seen = count(client, aff)
    client.notify("textDocument/didClose", t.DidCloseTextDocumentParams(doc(neg)))
    assert next_diagnostics(client, aff, seen) == []


def test_a_file_changed_on_disk_is_seen_by_the_open_files(project: Path,
                                                          client: Client) -> None:
    aff_text = (project / "aff.yaml").read_text()
    aff = client.open(project / "aff.yaml", aff_text)
    assert client.wait_diagnostics(aff) == []
    cp = project / "cp.yaml"
    cp.write_text(cp.read_text().replace("id: cap-and-trade", "id: cap-trade"))
    seen = count(client, aff)
    client.notify("workspace/didChangeWatchedFiles", t.DidChangeWatchedFilesParams(
        [t.FileEvent(cp.as_uri(), t.FileChangeType.Changed)]))
    got = next_diagnostics(client, aff, seen)
    assert sorted(_as_check(aff_text, got)) == check(project, "aff.yaml")
    assert codes(got) == ["unknown-ref"]
    # the project file changed: every open file is checked with its new rules (the debate
    # rules judge only maps without errors: the cp's id comes back first)
    cp.write_text((CARBON / "cp.yaml").read_text())
    toml = project / "argmap.toml"
    toml.write_text('select = "default,debate"\n' + toml.read_text())
    seen = count(client, aff)
    client.notify("workspace/didChangeWatchedFiles", t.DidChangeWatchedFilesParams(
        [t.FileEvent(toml.as_uri(), t.FileChangeType.Changed)]))
    got = next_diagnostics(client, aff, seen)
    assert sorted(_as_check(aff_text, got)) == check(project, "aff.yaml")
    assert "unanswered-attack" in codes(got)


def test_a_file_outside_any_project_is_checked_alone(tmp_path: Path, client: Client) -> None:
    text = "argmap: 1.2\nquestion: Q?\nclaims:\n  - text: A\n    pro:\n      - ref: x/y\n"
    (tmp_path / "alone.yaml").write_text(text)
    uri = client.open(tmp_path / "alone.yaml", text)
    # as argmap check in that folder: the folder is the project, and it has no map x
    got = published(client, uri, text)
    assert got == check(tmp_path, "alone.yaml")
    assert [code for *_, code, _ in got] == ["unknown-map"]


# -- completion ----------------------------------------------------------------------------

def test_completion_of_other_maps_and_their_ids(project: Path, client: Client) -> None:
    text = (project / "aff.yaml").read_text()
    uri = client.open(project / "aff.yaml", text)
    client.wait_diagnostics(uri)
    typed = text.replace("      - ref: neg/leakage-da\n", "      - ref: \n")
    client.change(uri, typed)
    spot = position_of(typed, "      - ref: \n", shift=13)
    labels = {i.label: i.detail for i in complete(client, uri, spot)}
    assert {"cards/", "cp/", "neg/"} <= set(labels)
    assert "aff/" not in labels and "plan" in labels
    assert labels["cards/"] == "card library (5 sources)"
    typed = typed.replace("      - ref: \n", "      - ref: neg/\n")
    client.change(uri, typed)
    items = complete(client, uri, at(spot.line, spot.character + 4))
    assert [(i.label, i.detail) for i in items] == [
        ("neg/reject-the-plan", "The United States should not enact the carbon tax."),
        ("neg/regressive-da", "The tax would hit the poorest households hardest."),
        ("neg/leakage-da", "Emissions-intensive industry would move abroad, and global "
                           "emissions would not …")]
    assert items[1].text_edit == t.TextEdit(t.Range(spot, at(spot.line, spot.character + 4)),
                                            "neg/regressive-da")
    # a source of the library in a citation
    typed = typed.replace("      - ref: neg/\n", "      - ref: neg/leakage-da\n"
                          ).replace("        weight: 5\n", "        weight: 5\n"
                                    "        cites: [cards/f\n")
    client.change(uri, typed)
    spot = position_of(typed, "cites: [cards/f", shift=15)
    assert [(i.label, i.detail) for i in complete(client, uri, spot)] == [
        ("cards/fremstad-paul-2019", "The Impact of a Carbon Tax on Inequality")]


def test_no_qualified_names_outside_a_project_or_before_1_2(project: Path,
                                                           client: Client) -> None:
    text = (project / "aff.yaml").read_text().replace("argmap: 1.2", "argmap: 1.1")
    uri = client.open(project / "old.yaml", text.replace("ref: neg/leakage-da", "ref: "))
    client.wait_diagnostics(uri)
    spot = position_of(text, "ref: neg/leakage-da", shift=5)
    assert not [i for i in complete(client, uri, spot) if "/" in i.label]


def test_completion_of_speech_scheme_and_answers(client: Client, tmp_path: Path) -> None:
    good = ("argmap: 1.2\nquestion: Q?\nformat: policy\nclaims:\n  - text: A\n"
            "    speech: 1AC\n    pro:\n      - text: B\n        scheme: expert-opinion\n"
            "        con:\n          - text: C\n            answers: expert-opinion.expertise\n")
    uri = client.open(tmp_path / "s.yaml", good)
    client.wait_diagnostics(uri)
    client.change(uri, good.replace("speech: 1AC", "speech: 1"))
    speeches = complete(client, uri, position_of(good, "speech: 1AC", shift=9))
    assert [(i.label, i.detail) for i in speeches][:2] == [("1AC", "aff 8 min"),
                                                             ("1NC", "neg 8 min")]
    client.change(uri, good.replace("scheme: expert-opinion", "scheme: expert-"))
    schemes = complete(client, uri, position_of(good, "scheme: expert-opinion", shift=15))
    assert [(i.label, i.detail) for i in schemes] == [
        ("expert-opinion", "Argument from expert opinion")]
    client.change(uri, good.replace("answers: expert-opinion.expertise",
                                    "answers: expert-opinion.ex"))
    answers = complete(client, uri, position_of(good, "answers: expert-opinion.e",
                                                shift=26))
    assert [i.label for i in answers] == ["expert-opinion.expertise"]
    assert answers[0].detail is not None and answers[0].detail.endswith("?")


# -- navigation ----------------------------------------------------------------------------

def test_definition_references_and_hover_across_files(project: Path, client: Client) -> None:
    aff_text = (project / "aff.yaml").read_text()
    neg_text = (project / "neg.yaml").read_text()
    aff = client.open(project / "aff.yaml", aff_text)
    use = position_of(aff_text, "neg/regressive-da", shift=6)
    found = client.request("textDocument/definition", t.DefinitionParams(doc(aff), use),
                           list[t.Location])
    neg_uri = (project / "neg.yaml").as_uri()
    start = position_of(neg_text, "id: regressive-da", shift=4)
    assert found == [t.Location(neg_uri, t.Range(start, at(start.line, start.character + 13)))]
    hover = client.request("textDocument/hover", t.HoverParams(doc(aff), use), t.Hover | None)
    assert hover is not None and isinstance(hover.contents, t.MarkupContent)
    assert hover.contents.value.startswith(
        "map `neg` (neg.yaml): `regressive-da` (c1.pro1): The tax would hit the poorest "
        "households hardest.\n\n")
    assert "under grounded semantics (the whole project as one debate)" in hover.contents.value
    # from the definition, the uses in the other files; this file first
    neg = client.open(project / "neg.yaml", neg_text)
    refs = client.request("textDocument/references", t.ReferenceParams(
        context=t.ReferenceContext(include_declaration=True), text_document=doc(neg),
        position=start), list[t.Location])
    assert [(r.uri, r.range.start) for r in refs] == [
        (neg_uri, start), (aff, position_of(aff_text, "neg/regressive-da"))]
    without = client.request("textDocument/references", t.ReferenceParams(
        context=t.ReferenceContext(include_declaration=False), text_document=doc(aff),
        position=use), list[t.Location])
    assert [r.uri for r in without] == [aff]
    # a card of the library: used by the aff; its citation's source too
    cards = (project / "cards.yaml").read_text()
    card = position_of(aff_text, "cards/price-cuts-emissions", shift=8)
    found = client.request("textDocument/definition", t.DefinitionParams(doc(aff), card),
                           list[t.Location])
    assert found[0].uri == (project / "cards.yaml").as_uri()
    assert found[0].range.start == position_of(cards, "id: price-cuts-emissions", shift=4)


# -- rename --------------------------------------------------------------------------------

def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.yaml"))}


@pytest.mark.parametrize(("file", "needle", "shift", "old", "new"), [
    ("aff.yaml", "neg/regressive-da", 5, "neg/regressive-da", "regressive-disad"),
    ("neg.yaml", "id: regressive-da", 4, "neg/regressive-da", "regressive-disad"),
    ("cards.yaml", "id: tax-is-regressive", 5, "cards/tax-is-regressive", "regressive-card"),
    ("cp.yaml", "cards/ipcc-2022", 8, "cards/ipcc-2022", "ipcc-ar6"),
])
def test_rename_across_files_is_argmap_renames(project: Path, client: Client, tmp_path: Path,
                                               file: str, needle: str, shift: int, old: str,
                                               new: str) -> None:
    other = tmp_path / "by-cli"
    shutil.copytree(project, other)
    subprocess.run([str(ARGMAP), "rename", old, new], check=True, capture_output=True,
                   cwd=other)
    text = (project / file).read_text()
    uri = client.open(project / file, text)
    spot = position_of(text, needle, shift=shift)
    prepared = client.request("textDocument/prepareRename", t.PrepareRenameParams(
        doc(uri), spot), t.Range | None)
    assert prepared is not None
    assert text.splitlines()[prepared.start.line][
        prepared.start.character:prepared.end.character] == old.partition("/")[2]
    edit = client.request("textDocument/rename", t.RenameParams(doc(uri), spot, new),
                          t.WorkspaceEdit)
    assert edit.changes is not None and len(edit.changes) >= 2
    for where, edits in edit.changes.items():
        path = Path(where.removeprefix("file://"))
        path.write_text(apply(path.read_text(), edits))
    assert _files(project) == _files(other)


def test_rename_across_files_uses_the_unsaved_texts(project: Path, client: Client) -> None:
    aff_text = (project / "aff.yaml").read_text()
    aff = client.open(project / "aff.yaml", aff_text)
    typed = aff_text.replace("      - ref: neg/leakage-da\n",
                             "      - ref: neg/leakage-da\n      - ref: neg/regressive-da\n")
    client.change(aff, typed)  # not saved
    neg_text = (project / "neg.yaml").read_text()
    neg = client.open(project / "neg.yaml", neg_text)
    edit = client.request("textDocument/rename", t.RenameParams(
        doc(neg), position_of(neg_text, "id: regressive-da", shift=4), "poor-pay-most"),
        t.WorkspaceEdit)
    assert edit.changes is not None
    assert apply(typed, edit.changes[aff]) == typed.replace("neg/regressive-da",
                                                            "neg/poor-pay-most")
    assert apply(neg_text, edit.changes[neg]) == neg_text.replace("id: regressive-da",
                                                                  "id: poor-pay-most")


@pytest.mark.parametrize(("new", "message"), [
    ("leakage-da", "map 'neg' already has 'leakage-da'; choose another name"),
    ("Leakage", "'Leakage' is not a valid id (lower-case letters, digits, '-', '_', '.'; "
                "starting with a letter or digit)"),
])
def test_rename_across_files_refuses_taken_names_and_non_slugs(
        project: Path, client: Client, new: str, message: str) -> None:
    text = (project / "aff.yaml").read_text()
    uri = client.open(project / "aff.yaml", text)
    with pytest.raises(ResponseError) as caught:
        client.request("textDocument/rename", t.RenameParams(
            doc(uri), position_of(text, "neg/regressive-da", shift=6), new), t.WorkspaceEdit)
    assert (caught.value.code, caught.value.message) == (-32803, message)
