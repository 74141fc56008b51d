"""``argmap lsp`` under random edits: it never dies, and every diagnostic lies in the document.

Hypothesis types into a bundled map the way an editor sends keystrokes
(incremental changes at UTF-16 positions): insertions of YAML's special
characters, line breaks of every kind, astral and lone-surrogate characters,
deletions and replacements; then asks for every feature at random places.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lsprotocol import types as t

from argmap.lsp.text import Lines, units
from tests.conftest import TESTS
from tests.lsp_client import Client, ResponseError

ROOT = TESTS.parent
START = (ROOT / "tests/fixtures/valid/linked.yaml").read_text(encoding="utf-8")
PIECES = st.one_of(
    st.sampled_from([": ", "- ", "#", "  ", "\n", "\r\n", "\r", "\t", "'", '"', "[", "]", "{",
                     "}", ",", "&a", "*a", "!!int ", "|", ">", "ref: ", "id: ", "text: ",
                     "pro:\n  - ", "cites: [", "premises:", "---\n", "é", "𝄞", "\u2028",
                     "\x85", "\ud800", "\x1b[31m", "\x00"]),
    st.text(max_size=6))
EDIT = st.tuples(st.floats(0, 1), st.integers(0, 12), st.lists(PIECES, max_size=4))
NUMBERS = count()


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    found = Client(ROOT)
    yield found
    assert found.close() == 0, found.log
    # A request that failed inside argmap was answered with an error and logged: a bug.
    assert "failed" not in found.log, found.log


def position(lines: Lines, offset: int) -> t.Position:
    return t.Position(*lines.position(offset))


def inside(lines: Lines, p: t.Position) -> bool:
    return 0 <= p.line < len(lines) and 0 <= p.character <= units(lines.line(p.line))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDIT, min_size=1, max_size=6), probes=st.lists(st.floats(0, 1),
                                                                    min_size=1, max_size=3))
# Found by this test: pygls split lines at NEL and U+2028 and rewrote a change's range in place.
@example(edits=[(0.5, 0, ["\x850"]), (0.5, 1, [": "])], probes=[0.0])
@example(edits=[(0.0, 0, ["\u2028"]), (0.5, 0, [": "])], probes=[0.0])
def test_random_edits_never_kill_the_server(client: Client, edits: list[tuple[float, int,
                                                                                   list[str]]],
                                            probes: list[float]) -> None:
    uri = client.open(Path(f"/tmp/argmap-fuzz-{next(NUMBERS)}.yaml"), START)
    text = START
    for where, deleted, pieces in edits:
        lines = Lines(text)
        start = int(where * len(text))
        if start and text[start - 1] == "\r" and text[start:start + 1] == "\n":
            start -= 1  # an editor's position cannot fall between \r and \n
        end = min(len(text), start + deleted)
        if end and end < len(text) and text[end - 1] == "\r" and text[end] == "\n":
            end += 1
        new = "".join(pieces)
        client.change(uri, new, t.Range(position(lines, start), position(lines, end)))
        text = text[:start] + new + text[end:]
    lines = Lines(text)
    doc = t.TextDocumentIdentifier(uri)
    for probe in probes:
        at = position(lines, int(probe * len(text)))
        for method, params, result in (
                ("textDocument/completion", t.CompletionParams(doc, at), t.CompletionList),
                ("textDocument/hover", t.HoverParams(doc, at), t.Hover | None),
                ("textDocument/definition", t.DefinitionParams(doc, at), list[t.Location]),
                ("textDocument/documentSymbol", t.DocumentSymbolParams(doc),
                 list[t.DocumentSymbol]),
                ("textDocument/codeAction", t.CodeActionParams(
                    doc, t.Range(at, at), t.CodeActionContext([])), list[t.CodeAction])):
            client.request(method, params, result)
        try:
            client.request("textDocument/rename", t.RenameParams(doc, at, "renamed"),
                           t.WorkspaceEdit)
        except ResponseError as refused:
            assert refused.code == -32803, refused.message  # refused, not crashed
    for d in client.wait_diagnostics(uri):
        assert inside(lines, d.range.start) and inside(lines, d.range.end), (d, text)
        assert (d.range.start.line, d.range.start.character) <= (d.range.end.line,
                                                                 d.range.end.character)
    client.notify("textDocument/didClose", t.DidCloseTextDocumentParams(doc))
    assert client.alive()


CARBON = ROOT / "examples" / "carbon-tax"
PROJECT_PIECES = st.one_of(PIECES, st.sampled_from([
    "neg/", "cards/", "cp/", "aff/", "/", "ref: neg/regressive-da", "ref: nope/x",
    "cites: [cards/", "argmap: 1.1\n", "source: cards/ipcc-2022"]))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Client]]:
    import shutil

    folder = tmp_path_factory.mktemp("fuzz") / "carbon-tax"
    shutil.copytree(CARBON, folder)
    found = Client(folder)
    yield folder, found
    assert found.close() == 0, found.log
    assert "failed" not in found.log, found.log


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 12),
                                st.lists(PROJECT_PIECES, max_size=4)), min_size=1, max_size=5),
       probes=st.lists(st.floats(0, 1), min_size=1, max_size=2))
def test_random_edits_in_a_project_never_kill_the_server(
        project: tuple[Path, Client], edits: list[tuple[float, int, list[str]]],
        probes: list[float]) -> None:
    """The same in a project: edits to the aff while the neg is open (and is checked
    again with each), the cross-file features asked for at random places."""
    folder, client = project
    for name in ("aff.yaml", "neg.yaml"):  # the last example's (all read: it ended alive)
        client.diagnostics.pop((folder / name).as_uri(), None)
    text = (folder / "aff.yaml").read_text()
    aff = client.open(folder / "aff.yaml", text)
    neg_text = (folder / "neg.yaml").read_text()
    neg = client.open(folder / "neg.yaml", neg_text)
    for where, deleted, pieces in edits:
        lines = Lines(text)
        start = int(where * len(text))
        if start and text[start - 1] == "\r" and text[start:start + 1] == "\n":
            start -= 1
        end = min(len(text), start + deleted)
        if end and end < len(text) and text[end - 1] == "\r" and text[end] == "\n":
            end += 1
        new = "".join(pieces)
        client.change(aff, new, t.Range(position(lines, start), position(lines, end)))
        text = text[:start] + new + text[end:]
    lines = Lines(text)
    doc = t.TextDocumentIdentifier(aff)
    for probe in probes:
        at = position(lines, int(probe * len(text)))
        client.request("textDocument/completion", t.CompletionParams(doc, at),
                       t.CompletionList)
        client.request("textDocument/hover", t.HoverParams(doc, at), t.Hover | None)
        client.request("textDocument/definition", t.DefinitionParams(doc, at),
                       list[t.Location])
        client.request("textDocument/references", t.ReferenceParams(
            context=t.ReferenceContext(include_declaration=True), text_document=doc,
            position=at), list[t.Location])
        try:
            client.request("textDocument/rename", t.RenameParams(doc, at, "renamed"),
                           t.WorkspaceEdit)
        except ResponseError as refused:
            assert refused.code == -32803, refused.message
    for uri, shown in ((aff, lines), (neg, Lines(neg_text))):
        for d in client.wait_diagnostics(uri):
            assert inside(shown, d.range.start) and inside(shown, d.range.end), (d, text)
    for uri in (aff, neg):
        client.notify("textDocument/didClose", t.DidCloseTextDocumentParams(
            t.TextDocumentIdentifier(uri)))
    assert client.alive()


@given(st.text(alphabet="ab\n\r\u2028\x85é𝄞", max_size=40))
def test_lines_break_where_lsp_breaks_and_positions_round_trip(text: str) -> None:
    import re

    lines = Lines(text)
    assert lines.starts == [0, *(m.end() for m in re.finditer("\r\n|[\n\r]", text))]
    for offset in range(len(text) + 1):
        if 0 < offset < len(text) and text[offset - 1:offset + 1] == "\r\n":
            continue  # no position falls between \r and \n
        line, character = lines.position(offset)
        back = lines.offset(line, character)
        assert back == offset or text[back:offset].strip("\r\n") == ""
