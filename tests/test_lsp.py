"""``argmap lsp`` end to end: a real LSP client over stdio, on the bundled maps and broken ones.

One server process serves the module (starting one costs half a second);
the tests that need a server of their own (fault injection, the UTF-8
encoding, shutdown) start it themselves.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from lsprotocol import types as t

from argmap.lsp.actions import ANSWER_PLACEHOLDER, STUB_TITLE
from argmap.lsp.text import Lines, code_points
from tests.conftest import INVALID, TESTS, Golden
from tests.lsp_client import Client, ResponseError

ROOT = TESTS.parent
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
def _utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


#: the broken files an editor can open as text (the others are not UTF-8)
BROKEN = [p for p in INVALID if _utf8(p)]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    found = Client(ROOT)
    yield found
    assert found.close() == 0, found.log


def doc(uri: str) -> t.TextDocumentIdentifier:
    return t.TextDocumentIdentifier(uri)


def at(line: int, character: int) -> t.Position:
    return t.Position(line, character)


def apply(text: str, edits: Sequence[t.TextEdit]) -> str:
    """The text with LSP edits applied (UTF-16 positions), as an editor applies them."""
    lines = Lines(text)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        start = lines.offset(edit.range.start.line, edit.range.start.character)
        end = lines.offset(edit.range.end.line, edit.range.end.character)
        text = text[:start] + edit.new_text + text[end:]
    return text


def position_of(text: str, needle: str, nth: int = 0, shift: int = 0) -> t.Position:
    """The position of the ``nth`` occurrence of ``needle`` (ASCII texts), plus ``shift``."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    index += shift
    line = text.count("\n", 0, index)
    return at(line, index - (text.rfind("\n", 0, index) + 1))


# -- diagnostics ---------------------------------------------------------------------------

def _check(paths: list[Path]) -> dict[str, list[tuple[int, int, str, str, str]]]:
    """``argmap check --format json``'s diagnostics per file: (line, column, severity, code,
    message). One run for all: no two of these maps share an id, so no diagnostic of one
    file depends on another."""
    argmap = Path(sys.executable).with_name("argmap")
    found: dict[str, list[tuple[int, int, str, str, str]]] = {str(p): [] for p in paths}
    out = subprocess.run([str(argmap), "check", "--format", "json", *map(str, paths)],
                         capture_output=True, text=True, check=False, cwd=ROOT).stdout
    for d in json.loads(out)["diagnostics"]:
        found[d["file"]].append((d["line"], d["column"], d["severity"], d["code"],
                                 d["message"]))
    return found


def _as_check(text: str, diagnostics: list[t.Diagnostic]) -> list[tuple[int, int, str, str, str]]:
    lines = Lines(text)
    names = {t.DiagnosticSeverity.Error: "error", t.DiagnosticSeverity.Warning: "warning"}
    found = []
    for d in diagnostics:
        line = lines.line(d.range.start.line)
        found.append((d.range.start.line + 1, code_points(line, d.range.start.character) + 1,
                      names[d.severity] if d.severity else "", str(d.code), d.message))
    return found


def test_diagnostics_are_checks_on_the_bundled_maps_and_every_broken_file(
        client: Client) -> None:
    paths = [p.relative_to(ROOT) for p in [*MAPS, ROOT / "examples/broken.yaml", *BROKEN]]
    expected = _check(paths)
    for path in paths:
        text = (ROOT / path).read_text(encoding="utf-8-sig")
        uri = client.open(ROOT / path, text)
        got = client.wait_diagnostics(uri)
        assert sorted(_as_check(text, got)) == sorted(expected[str(path)]), path
    assert len(BROKEN) > 40


def test_a_diagnostic_covers_the_token_it_points_at(client: Client) -> None:
    path = ROOT / "examples/broken.yaml"
    text = path.read_text()
    uri = client.open(path, text)
    got = client.wait_diagnostics(uri)
    covered = [apply_range(text, d.range) for d in got]
    assert covered == ["cite", "broad-assurence", "2024-13-45"]


def apply_range(text: str, r: t.Range) -> str:
    line = text.splitlines()[r.start.line]
    assert r.start.line == r.end.line
    return line[r.start.character:r.end.character]


def test_a_change_is_checked_after_a_pause_and_a_fix_clears_it(client: Client,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    uri = client.open(path, "question: Q?\nclaims:\n  - text: A\n")
    assert client.wait_diagnostics(uri) == []
    for typed in ("  - tex", "  - text", "  - text:", "  - text: B", "  - txet: B"):
        client.change(uri, f"question: Q?\nclaims:\n  - text: A\n{typed}\n")
    got = client.wait_diagnostics(uri)
    assert [(d.code, d.message) for d in got] == [
        ("unknown-key", "unknown key 'txet' in a statement; did you mean 'text'?")]
    # Typing faster than the pause publishes only the last version.
    published = {p.version for p in client.diagnostics[uri]}
    assert published == {1, 6}
    client.change(uri, "question: Q?\nclaims:\n  - text: A\n  - text: B\n")
    assert client.wait_diagnostics(uri) == []


def test_incremental_changes_are_applied_where_the_editor_says(client: Client,
                                                               tmp_path: Path) -> None:
    from argmap.api import loads

    text = "question: Q?\nclaims:\n  - text: Café ☕ 𝄞 here\n"
    uri = client.open(tmp_path / "u.yaml", text)
    assert client.wait_diagnostics(uri) == []
    # 𝄞 is two UTF-16 units: the editor's positions count it so ("here" is 20-24).
    client.change(uri, "here: now", t.Range(at(2, 20), at(2, 24)))
    changed = text.replace("here", "here: now")
    expected = [(d.span.line, d.span.column, d.message)
                for d in loads(changed, name=str(tmp_path / "u.yaml")).diagnostics]
    got = _as_check(changed, client.wait_diagnostics(uri))
    assert [(line, column, message) for line, column, _, _, message in got] == expected
    assert expected[0][2].startswith("`text` ends at ': '")


# -- completion ----------------------------------------------------------------------------

def complete(client: Client, uri: str, p: t.Position) -> list[t.CompletionItem]:
    found = client.request("textDocument/completion", t.CompletionParams(doc(uri), p),
                           t.CompletionList)
    return list(found.items)


def test_completion_offers_the_keys_a_statement_can_still_have(client: Client,
                                                               tmp_path: Path) -> None:
    text = "question: Q?\nclaims:\n  - text: A\n    \n"
    uri = client.open(tmp_path / "k.yaml", text)
    items = complete(client, uri, at(3, 4))
    labels = [i.label for i in items]
    assert labels == ["id", "ref", "pro", "con", "undercut", "cites", "by", "tags", "note",
                      "weight", "side", "speech", "scheme", "answers"]
    pro = items[2]
    assert pro.documentation == t.MarkupContent(
        t.MarkupKind.Markdown, "`pro`: premises that support this statement — *statements*")
    assert pro.text_edit == t.TextEdit(t.Range(at(3, 4), at(3, 4)), "pro:")
    # At the top, the map's keys; typed letters narrow them and are replaced.
    client.change(uri, "question: Q?\nclaims:\n  - text: A\nso\n")
    items = complete(client, uri, at(3, 2))
    assert [(i.label, i.text_edit) for i in items] == [
        ("sources", t.TextEdit(t.Range(at(3, 0), at(3, 2)), "sources:"))]


def test_completion_of_refs_sources_and_sides(client: Client, tmp_path: Path) -> None:
    good = ("argmap: 1.2\nquestion: Q?\nsides: [aff, neg]\nclaims:\n"
            "  - id: tax-works\n    text: A tax works.\n    side: aff\n"
            "    cites: [oecd]\n    con:\n      - ref: tax-works\n"
            "sources:\n  oecd:\n    title: Taxing Energy Use\n")
    uri = client.open(tmp_path / "r.yaml", good)
    assert client.wait_diagnostics(uri) == []
    client.change(uri, good.replace("      - ref: tax-works\n", "      - ref: ta\n"))
    items = complete(client, uri, at(9, 16))
    assert [(i.label, i.detail) for i in items] == [("tax-works", "A tax works.")]
    # a half-typed file that is not YAML any more: the names of the last good version
    broken = good.replace("      - ref: tax-works\n", "      - ref: \n  - text: [\n")
    client.change(uri, broken)
    assert [i.label for i in complete(client, uri, at(9, 13))] == ["tax-works"]
    client.change(uri, good.replace("cites: [oecd]", "cites: [oe"))
    assert [(i.label, i.detail) for i in complete(client, uri, at(7, 14))] == [
        ("oecd", "Taxing Energy Use")]
    client.change(uri, good.replace("side: aff", "side: "))
    assert [i.label for i in complete(client, uri, at(6, 10))] == ["aff", "neg"]


# -- hover, definition, references, symbols ------------------------------------------------

def test_hover_shows_the_statement_its_status_the_source_and_the_key(client: Client) -> None:
    path = ROOT / "maps/nato-promise.yaml"
    text = path.read_text()
    uri = client.open(path, text)

    def hover(p: t.Position) -> str:
        found = client.request("textDocument/hover", t.HoverParams(doc(uri), p),
                               t.Hover | None)
        assert found is not None and isinstance(found.contents, t.MarkupContent)
        return found.contents.value

    ref = hover(position_of(text, "ref: nothing-in-writing", shift=6))
    assert ref.startswith("`nothing-in-writing` (c1.pro2): ")
    assert "under grounded semantics" in ref
    cite = hover(position_of(text, "source: ", nth=1, shift=9))
    assert cite == ("`factually-promise`: Did NATO promise not to expand in eastern Europe? "
                    "Factually, 2026-01-24.\n\n> there would be no extension of NATO's "
                    "jurisdiction for forces of NATO one inch to the east\n\n(section 1 (James "
                    "Baker, February 1990))")
    key = hover(position_of(text, "    by:", shift=5))
    assert key == "`by`: who advances it — *text*"


def test_hover_explains_a_diagnostic_code(client: Client) -> None:
    path = ROOT / "examples/broken.yaml"
    uri = client.open(path)
    found = client.request("textDocument/hover", t.HoverParams(doc(uri), at(22, 12)),
                           t.Hover | None)
    assert found is not None and isinstance(found.contents, t.MarkupContent)
    assert found.contents.value.endswith(
        "**[bad-date]** (error) not YYYY, YYYY-MM or YYYY-MM-DD, or not a calendar date")


def test_definition_and_references_of_ids_and_sources(client: Client) -> None:
    path = ROOT / "maps/nato-promise.yaml"
    text = path.read_text()
    uri = client.open(path, text)
    use = position_of(text, "ref: nothing-in-writing", nth=1, shift=8)
    found = client.request("textDocument/definition", t.DefinitionParams(doc(uri), use),
                           list[t.Location])
    assert [apply_range(text, loc.range) for loc in found] == ["nothing-in-writing"]
    assert found[0].range.start == position_of(text, "id: nothing-in-writing", shift=4)
    refs = client.request("textDocument/references", t.ReferenceParams(
        context=t.ReferenceContext(include_declaration=True), text_document=doc(uri),
        position=use), list[t.Location])
    assert [r.range.start.line for r in refs] == sorted(
        i for i, line in enumerate(text.splitlines())
        if line.strip() in ("- id: nothing-in-writing", "- ref: nothing-in-writing"))
    cited = position_of(text, "cites: [", shift=9)
    source = client.request("textDocument/definition", t.DefinitionParams(doc(uri), cited),
                            list[t.Location])
    assert source[0].range.start.character == 2
    assert text.splitlines()[source[0].range.start.line].endswith(":")


def outline(symbols: list[t.DocumentSymbol], depth: int = 0) -> list[str]:
    lines = []
    for s in symbols:
        lines.append(f"{'  ' * depth}{s.name} ({s.detail}) {s.kind.name} "
                     f"{s.range.start.line + 1}-{s.range.end.line + 1}")
        lines.extend(outline(list(s.children or ()), depth + 1))
    return lines


@pytest.mark.parametrize("name", ["maps/nato-promise.yaml", "tests/fixtures/valid/linked.yaml"])
def test_document_symbols_are_the_argument_outline(client: Client, golden: Golden,
                                                   name: str) -> None:
    uri = client.open(ROOT / name)
    found = client.request("textDocument/documentSymbol", t.DocumentSymbolParams(doc(uri)),
                           list[t.DocumentSymbol])
    golden(f"lsp/{Path(name).stem}-outline.txt", "\n".join(outline(found)) + "\n")


# -- rename --------------------------------------------------------------------------------

RENAME = ("question: Q?\nclaims:\n  - id: a  # the first\n    text: A\n    con:\n"
          "      - ref: 'a'\n  - text: B\n    pro:\n      - ref: a\n"
          "      - id: b\n        text: C\n")


def test_rename_changes_the_id_and_every_ref_and_nothing_else(client: Client,
                                                              tmp_path: Path) -> None:
    uri = client.open(tmp_path / "n.yaml", RENAME)
    spot = position_of(RENAME, "ref: a", shift=5)
    prepared = client.request("textDocument/prepareRename", t.PrepareRenameParams(
        doc(uri), spot), t.Range | None)
    assert prepared == t.Range(spot, at(spot.line, spot.character + 1))
    edit = client.request("textDocument/rename", t.RenameParams(doc(uri), spot, "alpha"),
                          t.WorkspaceEdit)
    assert edit.changes is not None
    assert apply(RENAME, edit.changes[uri]) == (
        RENAME.replace("id: a ", "id: alpha ").replace("'a'", "'alpha'")
        .replace("ref: a\n", "ref: alpha\n"))


@pytest.mark.parametrize(("new", "message"), [
    ("b", "'b' is already the id of a statement or argument in this map"),
    ("Alpha One", "'Alpha One' is not a valid id (lower-case letters, digits, '-', '_', '.'; "
                  "starting with a letter or digit)"),
    ("c1.pro2", "'c1.pro2' looks like a derived path (c1.pro2): it would address two "
                "statements alike; choose a name"),
])
def test_rename_refuses_taken_names_and_non_slugs(client: Client, tmp_path: Path, new: str,
                                                  message: str) -> None:
    uri = client.open(tmp_path / "n.yaml", RENAME)
    with pytest.raises(ResponseError) as caught:
        client.request("textDocument/rename", t.RenameParams(
            doc(uri), position_of(RENAME, "id: a", shift=4), new), t.WorkspaceEdit)
    assert (caught.value.code, caught.value.message) == (-32803, message)


# -- code actions and formatting -----------------------------------------------------------

def actions(client: Client, uri: str, p: t.Position) -> list[t.CodeAction]:
    found: list[t.CodeAction] = client.request("textDocument/codeAction", t.CodeActionParams(
        doc(uri), t.Range(p, p), t.CodeActionContext([])), list[t.CodeAction])
    return found


def fix(client: Client, uri: str, text: str, p: t.Position, title: str) -> str:
    found = {a.title: a for a in actions(client, uri, p)}
    assert title in found, list(found)
    edit = found[title].edit
    assert edit is not None and edit.changes is not None
    return apply(text, edit.changes[uri])


def test_did_you_mean_fixes(client: Client) -> None:
    path = ROOT / "examples/broken.yaml"
    text = path.read_text()
    uri = client.open(path, text)
    text = fix(client, uri, text, at(5, 5), "Change to 'cites'")
    client.change(uri, text)
    text = fix(client, uri, text, at(12, 16), "Change to 'broad-assurance'")
    assert text == path.read_text().replace("    cite:", "    cites:").replace(
        "ref: broad-assurence", "ref: broad-assurance")


@pytest.mark.parametrize(("before", "after"), [
    ("  - text: Cost: £30m over ten years\n", "  - text: \"Cost: £30m over ten years\"\n"),
    ("  - text: Option #2 is cheaper\n", "  - text: \"Option #2 is cheaper\"\n"),
    ("  - text: A\n    id: 2024\n", "  - text: A\n    id: \"2024\"\n"),
])
def test_quote_this_value(client: Client, tmp_path: Path, before: str, after: str) -> None:
    text = "question: Q?\nclaims:\n" + before
    uri = client.open(tmp_path / "q.yaml", text)
    line = 3 if "id:" in before else 2
    spot = at(line, len(text.splitlines()[line]) - 2)
    assert fix(client, uri, text, spot, "Quote this value") == "question: Q?\nclaims:\n" + after


def test_add_a_source_stub(client: Client, tmp_path: Path) -> None:
    text = "question: Q?\nclaims:\n  - text: A\n    cites: [imf-2024]\n"
    uri = client.open(tmp_path / "s.yaml", text)
    fixed = fix(client, uri, text, at(3, 13), "Add a source stub 'imf-2024' under `sources`")
    assert fixed == text + f"sources:\n  imf-2024:\n    title: '{STUB_TITLE}'\n"


def test_answer_this_rebuttal(client: Client, tmp_path: Path) -> None:
    text = ("question: Q?\nclaims:\n  - text: A\n    con:\n      - text: Not so.\n"
            "        by: B  # said it\n  - text: C\n")
    uri = client.open(tmp_path / "a.yaml", text)
    title = "Answer this rebuttal (add a con under c1.con1)"
    answered = fix(client, uri, text, at(4, 12), title)
    # on the item's dash too, where an editor's cursor often is (found typing in Neovim)
    assert fix(client, uri, text, at(4, 6), title) == answered
    assert answered == text.replace(
        "        by: B  # said it\n",
        f"        by: B  # said it\n        con:\n          - text: '{ANSWER_PLACEHOLDER}'\n")
    assert not [a for a in actions(client, uri, at(2, 8)) if a.title.startswith("Answer")]


def test_formatting_is_fmt(client: Client, tmp_path: Path) -> None:
    messy = "question:   Q?\nclaims:\n- text: A\n  pro: [{text: B}]\n"
    path = tmp_path / "f.yaml"
    path.write_text(messy)
    uri = client.open(path, messy)
    edits = client.request("textDocument/formatting", t.DocumentFormattingParams(
        doc(uri), t.FormattingOptions(2, True)), list[t.TextEdit])
    argmap = Path(sys.executable).with_name("argmap")
    subprocess.run([str(argmap), "fmt", str(path)], check=True, capture_output=True)
    assert apply(messy, edits) == path.read_text()
    client.change(uri, messy + "  weigth: 3\n")
    with pytest.raises(ResponseError) as caught:
        client.request("textDocument/formatting", t.DocumentFormattingParams(
            doc(uri), t.FormattingOptions(2, True)), list[t.TextEdit])
    assert caught.value.message.startswith("argmap fmt: left unchanged: fix its errors first")


# -- robustness ----------------------------------------------------------------------------

def test_a_failing_request_is_answered_with_an_error_and_the_server_stays_up(
        tmp_path: Path) -> None:
    own = Client(ROOT, env={"ARGMAP_LSP_FAULT": "hover"})
    try:
        uri = own.open(tmp_path / "x.yaml", "question: Q?\nclaims:\n  - text: A\n")
        with pytest.raises(ResponseError) as caught:
            own.request("textDocument/hover", t.HoverParams(doc(uri), at(2, 6)),
                        t.Hover | None)
        assert caught.value.message == "argmap lsp: hover failed: injected fault"
        assert [i.label for i in complete(own, uri, at(2, 4))][:2] == ["text", "id"]
    finally:
        assert own.close() == 0


def test_positions_in_utf8_when_the_client_asks_for_them(tmp_path: Path) -> None:
    own = Client(ROOT, encodings=["utf-8", "utf-16"])
    try:
        assert own.initialized.capabilities.position_encoding == "utf-8"
        text = "question: Qé?\nclaims:\n  - text: Café\n    cite: [s]\n    ref: é\n"
        uri = own.open(tmp_path / "e.yaml", text)
        got = own.wait_diagnostics(uri)
        assert t.Range(at(3, 4), at(3, 8)) in [d.range for d in got]
    finally:
        assert own.close() == 0


def test_the_debate_rules_are_chosen_in_the_editor_settings(tmp_path: Path) -> None:
    own = Client(ROOT, initialization_options={"select": "default,debate"})
    try:
        text = "question: Q?\nclaims:\n  - text: A\n    con:\n      - text: B\n"
        uri = own.open(tmp_path / "d.yaml", text)
        assert sorted(str(d.code) for d in own.wait_diagnostics(uri)) == [
            "bare-claim", "unanswered-attack", "uncited-evidence"]  # check --select's
    finally:
        assert own.close() == 0
