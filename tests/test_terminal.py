"""Terminal hygiene: no byte of user text reaches a terminal raw.

Every path of ``show``, every diagnostic and every message goes through
``escape.terminal_visible``; these tests feed each path hostile text, and
arbitrary text through ``show`` on a real pseudo-terminal.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
import threading
import tty
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.diagnostics import Diagnostic, Severity, error
from argmap.diagnostics.formats import format_text
from argmap.escape import terminal_visible
from argmap.exporters import EXPORTERS
from argmap.exporters.tree import TreeOptions, render_tree, to_text
from argmap.model import Span
from argmap.readers import load_path
from argmap.view import view_graph
from tests.conftest import FIXTURES, Golden

runner = CliRunner()
CONTROLS_MAP = FIXTURES / "terminal/controls.yaml"
FORGED = FIXTURES / "terminal/forged-diagnostic.yaml"
MINIMAL = str(FIXTURES / "valid/minimal.yaml")
#: what a terminal must not receive from user text (ZWNJ and ZWJ are allowed)
UNSAFE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}
JOINERS = "\u200c\u200d"
#: argmap's own colour codes: the only escape sequences allowed in output
SGR = re.compile("\x1b\\[[0-9;]*m")


def unsafe(text: str, allow: str = "") -> list[str]:
    """The characters of ``text`` a terminal must not receive, as U+XXXX."""
    return [f"U+{ord(c):04X}" for c in text
            if unicodedata.category(c) in UNSAFE_CATEGORIES and c not in JOINERS + allow]


# --- the helper -------------------------------------------------------------------------

def test_terminal_visible_one_line() -> None:
    assert terminal_visible("a\x1b]0;pwned\x07\nb\r\t\b\x7f\x9b\u202ec\u2066\u200f\ud800") == (
        "a\\x1b]0;pwned\\x07\\nb\\r\\t\\x08\\x7f\\x9b⟨U+202E⟩c⟨U+2066⟩⟨U+200F⟩⟨U+D800⟩")


def test_terminal_visible_multiline_keeps_line_breaks_and_turns_tabs_to_spaces() -> None:
    assert terminal_visible("one\ntwo\tthree\r\nfour\u2028", multiline=True) == (
        "one\ntwo three\\r\nfour⟨U+2028⟩")


def test_terminal_visible_keeps_joiners_and_ordinary_text() -> None:
    family = "👨\u200d👩\u200d👧 فارسی\u200cها עברית 日本語 C:\\temp \\x1b"
    assert terminal_visible(family) is family  # nothing to escape: the same object back
    assert terminal_visible(family, multiline=True) is family


def test_escaped_characters_are_exactly_the_unsafe_categories() -> None:
    # The helper's character class is written out by hand (building it from
    # unicodedata would cost every run); pin it to the categories it stands for.
    # Planes 4-13 are unassigned and 15-16 private use: no control or format
    # characters there, and leaving them out keeps the test quick.
    everything = "".join(map(chr, [*range(0x40000), *range(0xE0000, 0xF0000)]))
    shown = terminal_visible(everything, multiline=True)
    kept = set(shown)
    changed = {c for c in everything if c not in kept}
    expected = {c for c in everything
                if unicodedata.category(c) in UNSAFE_CATEGORIES and c not in JOINERS + "\n"}
    assert sorted(map(ord, expected - changed)) == []
    # The helper returns printable text untouched without searching it.
    assert [f"U+{ord(c):04X}" for c in changed if c.isprintable()] == []
    # Unicode 15 made U+13439..1343F format characters; older Pythons call them unassigned.
    extra = [f"U+{ord(c):04X}" for c in changed - expected if unicodedata.category(c) != "Cn"]
    assert extra == []


ANY_TEXT = st.text(st.one_of(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Cs"]),
                             st.characters(codec=None, exclude_categories=[])), max_size=40)


@settings(max_examples=200)
@given(ANY_TEXT)
@example("\x1b]0;pwned\x07")
def test_terminal_visible_leaves_nothing_unsafe(text: str) -> None:
    one_line = terminal_visible(text)
    assert unsafe(one_line) == []
    assert "\n" not in one_line
    multi = terminal_visible(text, multiline=True)
    assert unsafe(multi, allow="\n") == []
    assert multi.count("\n") == text.count("\n")
    one_line.encode("utf-8")  # lone surrogates are gone: printing cannot fail


# --- show: every path -------------------------------------------------------------------

def shown(width: int | None = 80) -> list[str]:
    view = view_graph(load_path(CONTROLS_MAP).maps[0])
    return to_text(render_tree(view, TreeOptions(width=width, quotes=True, ids=True)),
                   color=False).splitlines()


@pytest.mark.parametrize("path,line", [
    ("question", "Title change?\\x1b]0;pwned\\x07 Bell\\x07 and ⟨U+202E⟩evil⟨U+202C⟩ reversed?"),
    ("context, CR visible", "  Line one\\rOverwritten"),
    ("context, backspace and line separator visible",
     "  Line two\\x08\\x08XX⟨U+2028⟩after a line separator and a tab"),
    ("fast path: a line that fits", "│   ├── + (c1.pro1) fits\\x1b[2J"),
    ("wrapped path", "│   │     \\x1b]0;wrapped title\\x07 and then more words past eighty "
                     "columns —"),
    ("by, invisible characters", "│   │     zero⟨U+200B⟩width, BOM⟨U+FEFF⟩, a tag⟨U+E0041⟩ and "
                                 "a tab here"),
    ("by, bidi isolates and marks", "│     ⟨U+2067⟩isolated⟨U+2069⟩ ⟨U+200F⟩mark⟨U+061C⟩"),
    ("quote and locator", "│     “quoted \\x1b]8;;http://evil.test\\x1b\\link\\x1b]8;;\\x1b\\” "
                          "[1, p.\\r1]"),
    ("author's line break kept",
     "│         line break, and a family 👨\u200d👩\u200d👧 kept whole"),
    ("ref preview", "    └── + ↪ esc “Red \\x1b[31mtext\\x1b[0m, a C1 CSI \\x9b2J, DEL\\x7f, "
                    "NUL\\x00 …”"),
    ("sources list", "[1] Evil\\rAuthor. Source \\x1b]0;title\\x07 with ⟨U+202E⟩override."),
])
def test_show_makes_user_text_visible_on_every_path(path: str, line: str) -> None:
    assert line in shown(), path


def test_show_without_wrapping_escapes_too() -> None:
    lines = shown(width=None)
    assert "│   ├── + (c1.pro1) fits\\x1b[2J" in lines
    assert unsafe("\n".join(lines), allow="\n") == []


def test_show_golden(golden: Golden) -> None:
    golden("show/controls.txt", "\n".join(shown()) + "\n")


def test_show_in_colour_sends_only_its_own_sequences() -> None:
    view = view_graph(load_path(CONTROLS_MAP).maps[0])
    text = to_text(render_tree(view, TreeOptions(width=80, quotes=True, ids=True)), color=True)
    assert "\x1b[1;32m+\x1b[0m" in text
    assert unsafe(SGR.sub("", text), allow="\n") == []


# --- diagnostics and messages -----------------------------------------------------------

def test_diagnostics_quote_hostile_values_on_one_line() -> None:
    result = runner.invoke(cli.app, ["check", str(FORGED)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{FORGED}:7:5: error: unknown key '\\x1b]0;pwned\\x07' in a statement; expected one "
        "of text, id, ref, pro, con, undercut, cites, by, tags, note, weight, side [unknown-key]\n"
        f"{FORGED}:11:14: error: 'a\\nx.yaml:1:1: error: fake' is not a valid id (lower-case "
        "letters, digits, '-', '_', '.'; starting with a letter or digit); try "
        "'a-x.yaml-1-1-error-fake' [bad-id]\n"
        "1 map, 2 statements, 0 sources: 2 errors, 0 warnings\n")


def test_json_diagnostics_keep_the_values_as_they_are() -> None:
    result = runner.invoke(cli.app, ["check", "--format", "json", str(FORGED)])
    assert "unknown key '\\u001b]0;pwned\\u0007'" in result.stdout  # escaped by JSON itself


def test_diagnostics_show_hostile_file_names(tmp_path: Path) -> None:
    evil = tmp_path / "evil\x1b]0;pwned\x07\nx.yaml:1:1: error: fake.yaml"
    evil.write_text("argmap: 1\nid: e\nquestion: q?\nclaims:\n  - text: a\n    cite: s\n")
    undecodable = tmp_path / os.fsdecode(b"bad\xff.yaml")
    undecodable.write_text("argmap: 1\nid: u\nquestion: q?\nclaims:\n  - text: a\n    txt: b\n")
    result = runner.invoke(cli.app, ["check", str(tmp_path)])
    assert result.exit_code == 1
    folder = str(tmp_path)
    assert result.stderr == (
        f"{folder}/bad⟨U+DCFF⟩.yaml:6:5: error: unknown key 'txt' in a statement; did you "
        "mean 'text'? [unknown-key]\n"
        f"{folder}/evil\\x1b]0;pwned\\x07\\nx.yaml:1:1: error: fake.yaml:6:5: error: unknown "
        "key 'cite' in a statement; did you mean 'cites'? [unknown-key]\n"
        f"{folder}/evil\\x1b]0;pwned\\x07\\nx.yaml:1:1: error: fake.yaml:6:11: error: "
        "`cites` must be a list, not the text 's'; write it as a list: `cites: [...]` "
        "[wrong-type]\n"
        "2 maps, 2 statements, 0 sources: 3 errors, 0 warnings\n")


def test_coloured_diagnostics_send_only_their_own_sequences() -> None:
    d = error("unknown-key", "unknown key '\x1b]0;pwned\x07\u202e'\nfake: error: x",
              Span("f\x1b[2J\n.yaml", 3, 4))
    assert format_text([d], color=True) == (
        "\x1b[1mf\\x1b[2J\\n.yaml:3:4:\x1b[0m \x1b[1;31merror:\x1b[0m unknown key "
        "'\\x1b]0;pwned\\x07⟨U+202E⟩'\\nfake: error: x \x1b[2m[unknown-key]\x1b[0m\n")


@settings(max_examples=100)
@given(ANY_TEXT, ANY_TEXT, st.booleans())
def test_any_diagnostic_is_one_safe_line(file: str, message: str, color: bool) -> None:
    d = Diagnostic(Severity.WARNING, "code", message, Span(file, 1, 2))
    text = format_text([d, d], color=color)
    assert text.count("\n") == 2 and text.endswith("\n")
    assert unsafe(SGR.sub("", text), allow="\n") == []


def test_focus_from_the_command_line_is_shown_visibly() -> None:
    result = runner.invoke(cli.app, ["show", MINIMAL, "--focus", "\x1b]0;x\x07\nargmap: fake"])
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: no statement '\\x1b]0;x\\x07\\nargmap: fake' in map 'minimal' (ids and paths "
        "such as c1.pro2 both work; argmap show --ids lists them)\n")


def test_folder_names_in_messages_are_shown_visibly(tmp_path: Path) -> None:
    empty = tmp_path / "empty\x1b]0;x\x07\u202e"
    empty.mkdir()
    result = runner.invoke(cli.app, ["check", str(empty)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"argmap: no *.yaml or *.yml files found under {tmp_path}/empty\\x1b]0;x\\x07⟨U+202E⟩\n")


def test_wrote_lines_are_shown_visibly(tmp_path: Path) -> None:
    folder = tmp_path / "out\x1b]0;x\x07"
    folder.mkdir()
    result = runner.invoke(cli.app, ["render", MINIMAL, "-f", "dot", "-o", str(folder)])
    assert result.exit_code == 0
    assert result.stderr == f"argmap: wrote {tmp_path}/out\\x1b]0;x\\x07/minimal.dot\n"


def test_internal_error_message_is_shown_visibly(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    def boom(*args: object) -> None:
        raise ValueError("bad \x1b]0;x\x07\nvalue")

    monkeypatch.setattr("argmap.api.load_path", boom)  # inside check, serial or pooled
    monkeypatch.setattr(sys, "argv", ["argmap", "check", MINIMAL])
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)
    with pytest.raises(SystemExit):
        cli.main()
    assert capsys.readouterr().err.startswith(
        "argmap: internal error: ValueError: bad \\x1b]0;x\\x07\\nvalue\nThis is a bug")


# --- --color ----------------------------------------------------------------------------

class Tty:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("mode,env,tty,expected", [
    ("auto", {}, True, True),
    ("auto", {}, False, False),
    ("auto", {"NO_COLOR": "1"}, True, False),
    ("auto", {"FORCE_COLOR": "1"}, False, True),
    ("auto", {"FORCE_COLOR": "0"}, False, False),
    ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
    ("always", {"NO_COLOR": "1"}, False, True),
    ("never", {"FORCE_COLOR": "1"}, True, False),
])
def test_use_color(monkeypatch: pytest.MonkeyPatch, mode: str, env: dict[str, str], tty: bool,
                   expected: bool) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cli.use_color(Tty() if tty else object(), cli.ColorMode(mode)) is expected


def test_color_always_colours_show_and_check_through_a_pipe() -> None:
    shown = runner.invoke(cli.app, ["show", MINIMAL, "--color", "always"])
    assert shown.exit_code == 0
    assert "\x1b[1m" in shown.stdout
    plain = runner.invoke(cli.app, ["show", MINIMAL, "--color", "never"])
    assert "\x1b" not in plain.stdout and plain.stdout == SGR.sub("", shown.stdout)
    checked = runner.invoke(cli.app, ["check", str(FORGED), "--color", "always"])
    assert f"\x1b[1m{FORGED}:7:5:\x1b[0m \x1b[1;31merror:\x1b[0m" in checked.stderr


# --- show on a real terminal ------------------------------------------------------------

def read_all(master: int, into: list[bytes]) -> None:
    """Read the terminal's output until every copy of its other end is closed."""
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other end is closed
            return
        if not data:
            return
        into.append(data)


def pseudo_terminal() -> tuple[int, int]:
    """A pty of 80 columns whose output arrives exactly as written (no \\n -> \\r\\n)."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    return master, slave


def show_on_a_terminal(args: list[str]) -> tuple[int, bytes]:
    """Run the CLI in this process with stdout and stderr on a pty; return its code and bytes."""
    master, slave = pseudo_terminal()
    chunks: list[bytes] = []
    reader = threading.Thread(target=read_all, args=(master, chunks))
    reader.start()
    stream = open(slave, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = stream
    code: object = 0
    try:
        cli.app(args, prog_name="argmap")
    except SystemExit as exc:
        code = exc.code
    finally:
        stream.flush()
        sys.stdout, sys.stderr = saved
        os.close(slave)
        reader.join(10)
        os.close(master)
    assert isinstance(code, int)
    return code, b"".join(chunks)


def assert_only_own_sequences(raw: bytes) -> None:
    """The only control bytes are argmap's SGR colours and line feeds."""
    text = raw.decode("utf-8")  # strict: a lone surrogate could not have been written
    assert unsafe(SGR.sub("", text), allow="\n") == []


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar holding exactly ``text``, written in ASCII."""
    out = []
    for char in text:
        code = ord(char)
        if 0x20 <= code < 0x7f and char not in '"\\':
            out.append(char)
        elif code <= 0xff:
            out.append(f"\\x{code:02x}")
        elif code <= 0xffff:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


# Lone surrogates are left out: YAML cannot carry them (the loader refuses a
# "\ud800" escape, and a file's bytes must be UTF-8); file names can, and
# test_diagnostics_show_hostile_file_names covers them.
WILD = st.text(st.one_of(st.characters(categories=["Cc", "Cf", "Zl", "Zp"]),
                         st.characters(exclude_categories=["Cs"])), max_size=30)


@settings(max_examples=50, deadline=None)
@given(WILD, WILD, WILD, WILD, WILD)
@example("\x1b]0;pwned\x07", "\u202eevil", "a\rb\x08", "\x9b2J\u2066", "\x1b[2J\n")
def test_any_text_reaches_the_terminal_visibly(text: str, by: str, question: str, title: str,
                                               quote: str) -> None:
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"argmap-wild-{os.getpid()}.yaml"
    path.write_text(
        "argmap: 1\nid: wild\n"
        f"question: {yaml_quoted('Q ' + question)}\n"
        "claims:\n"
        f"  - id: top\n    text: {yaml_quoted('S ' + text)}\n"
        f"    by: {yaml_quoted('B ' + by)}\n"
        f"    cites: [{{source: s1, quote: {yaml_quoted('Z ' + quote)}}}]\n"
        "    pro:\n"
        f"      - text: {yaml_quoted('P ' + text + ' ' + text)}\n"
        "      - ref: top\n"
        f"sources:\n  s1:\n    title: {yaml_quoted('T ' + title)}\n", encoding="ascii")
    try:
        code, raw = show_on_a_terminal(["show", str(path), "--quotes", "--ids"])
    finally:
        path.unlink()
    assert code == 0, raw
    assert b"\x1b[1m" in raw  # colour is on: a terminal, no NO_COLOR
    assert b"Sources" in raw
    assert_only_own_sequences(raw)


def test_argmap_show_process_on_a_terminal() -> None:
    master, slave = pseudo_terminal()
    chunks: list[bytes] = []
    reader = threading.Thread(target=read_all, args=(master, chunks))
    reader.start()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    try:
        done = subprocess.run([sys.executable, "-m", "argmap", "show", str(CONTROLS_MAP),
                               "--quotes"], stdout=slave, stderr=slave, env=env,
                              timeout=60, check=False)
    finally:
        os.close(slave)
        reader.join(10)
        os.close(master)
    raw = b"".join(chunks)
    assert done.returncode == 0, raw
    assert b"\x1b[1;32m+\x1b[0m" in raw and b"fits\\x1b[2J" in raw
    assert_only_own_sequences(raw)


def test_check_json_keeps_values_exact_but_sends_nothing_raw(tmp_path: Path) -> None:
    hostile = tmp_path / "h.yaml"
    hostile.write_text('question: Q?\nclaims:\n  - text: A.\n    "\\u202ek\\x9b": 1\n',
                       encoding="utf-8")
    result = runner.invoke(cli.app, ["check", "--format", "json", str(hostile)])
    assert "\u202e" not in result.stdout and "\x9b" not in result.stdout
    message = json.loads(result.stdout)["diagnostics"][0]["message"]
    assert message.startswith("unknown key '\u202ek\x9b' in a statement")


TEXT_EXPORTS = [n for n, s in EXPORTERS.items() if not s.binary and not s.needs_graphviz]


@pytest.mark.parametrize("args", [
    *(["render", str(CONTROLS_MAP), "-f", name, "-o", "-"] for name in TEXT_EXPORTS),
    ["eval", str(CONTROLS_MAP)], ["eval", str(CONTROLS_MAP), "-f", "json"],
    ["stats", str(CONTROLS_MAP)], ["brief", str(CONTROLS_MAP), "--for", "c1", "-f", "md"],
], ids=lambda args: " ".join(a for a in args if a != str(CONTROLS_MAP)))
def test_text_output_on_a_terminal_is_made_visible(args: list[str]) -> None:
    # Into a pipe or a file an export keeps the exact text; on a terminal
    # nothing from the map may arrive as a control or bidi character.
    code, raw = show_on_a_terminal(args)
    assert code == 0, raw
    assert_only_own_sequences(raw)


def test_import_to_a_terminal_is_made_visible(tmp_path: Path) -> None:
    # the file's name reaches the YAML's header comment; the text its statements
    source = tmp_path / "talk\u202e\x1b]0;x\x07.argdown"
    source.write_text("[Claim]: A claim \u202ewith a bidi override.\n  + Because.\n",
                      encoding="utf-8")
    code, raw = show_on_a_terminal(["import", str(source), "-o", "-"])
    assert code == 0, raw
    assert_only_own_sequences(raw)
    assert "\u202e" not in raw.decode("utf-8")
