"""CLI wiring: exit codes, which stream carries what, exact messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import cli
from tests.conftest import FIXTURES

runner = CliRunner()
VALID_MAP = str(FIXTURES / "valid/minimal.yaml")
UNUSED = str(FIXTURES / "invalid/unused-source.yaml")
BROKEN = str(FIXTURES / "invalid/unknown-key.yaml")
FULL = str(FIXTURES / "valid/full.yaml")
STREAM = str(FIXTURES / "valid/stream.yaml")
#: the command as a user runs it, in a fresh process, without colour
ARGMAP = [sys.executable, "-m", "argmap"]
PLAIN = {**os.environ, "NO_COLOR": "1"}


def test_clean_map_exits_0_with_summary_on_stderr() -> None:
    result = runner.invoke(cli.app, ["check", VALID_MAP])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "1 map, 2 statements, 0 sources: 0 errors, 0 warnings\n"


def test_errors_exit_1_with_diagnostics_on_stderr() -> None:
    result = runner.invoke(cli.app, ["check", BROKEN])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{BROKEN}:4:5: error: unknown key 'cite' in a statement; did you mean 'cites'? "
        "[unknown-key]\n"
        "1 map, 1 statement, 1 source: 1 error, 0 warnings\n")


def test_warnings_pass_unless_strict() -> None:
    assert runner.invoke(cli.app, ["check", UNUSED]).exit_code == 0
    assert runner.invoke(cli.app, ["check", "--strict", UNUSED]).exit_code == 1


def test_json_goes_to_stdout() -> None:
    result = runner.invoke(cli.app, ["check", "--format", "json", UNUSED])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert json.loads(result.stdout) == {
        "diagnostics": [{"file": UNUSED, "line": 5, "column": 3, "severity": "warning",
                         "code": "unused-source", "message": "source 'lonely' is never cited"}],
        "summary": {"files": 1, "maps": 1, "statements": 1, "sources": 1, "errors": 0,
                    "warnings": 1}}


def test_missing_path_is_a_usage_error() -> None:
    result = runner.invoke(cli.app, ["check", "no/such/file.yaml"])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_directory_without_maps_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"argmap: no *.yaml or *.yml files found under {tmp_path}\n"


def test_unknown_option_is_a_usage_error() -> None:
    assert runner.invoke(cli.app, ["check", "--bogus", VALID_MAP]).exit_code == 2


def test_no_color_when_not_a_terminal_or_no_color_set(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli.use_color(Tty())
    assert not cli.use_color(object())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli.use_color(Tty())


def test_internal_error_is_one_line_and_exit_3(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    def boom(paths: object) -> None:
        raise ValueError("kaboom")

    monkeypatch.setattr("argmap.workflow.check_paths", boom)
    monkeypatch.setattr(sys, "argv", ["argmap", "check", VALID_MAP])
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 3
    assert capsys.readouterr().err == (
        "argmap: internal error: ValueError: kaboom\nThis is a bug in argmap. Please report it "
        "with the command and the input that caused it (ARGMAP_DEBUG=1 shows the traceback).\n")


def test_schema_command_prints_the_shipped_schema() -> None:
    result = runner.invoke(cli.app, ["schema"])
    shipped = (FIXTURES.parent.parent / "schema/argmap-1.schema.json").read_text()
    assert result.exit_code == 0
    assert result.stdout == shipped


def test_every_command_help_ends_with_an_example() -> None:
    for name in cli.command_names():
        result = runner.invoke(cli.app, [name, "--help"])
        assert result.exit_code == 0
        assert "Example: argmap " in result.stdout, name


def command(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m argmap ARGS`` as a user would, in a fresh process."""
    return subprocess.run([*ARGMAP, *args], capture_output=True, env=PLAIN, check=False)


def long_map(tmp_path: Path, question: str, claim: str, claims: int) -> str:
    """Write a map of ``claims`` claims (``claim`` formatted with each number)."""
    lines = [f"question: {question}", "claims:"]
    lines += [f"  - text: {claim.format(i)}" for i in range(claims)]
    path = tmp_path / "long.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_help_needs_no_heavy_imports() -> None:
    code = ("import sys; sys.argv=['argmap','--help']\n"
            "from argmap.cli import main\n"
            "try:\n main()\n"
            "except SystemExit: pass\n"
            "heavy = ('ruamel.yaml', 'graphviz', 'rich.console')\n"
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=PLAIN, check=True).stdout
    assert "Check, print and draw argument maps" in out
    assert out.rstrip().endswith("[]")


def test_command_writes_everything_before_its_fast_exit(tmp_path: Path) -> None:
    # The command leaves through os._exit: nothing buffered may be lost, even
    # output far larger than a pipe's buffer, and the exit code must survive.
    big = long_map(tmp_path, "Is a long map written out whole?",
                   "Claim {} is one of many claims in a long map.", 3000)
    result = command("render", big, "-f", "dot", "-o", "-")
    expected = runner.invoke(cli.app, ["render", big, "-f", "dot", "-o", "-"]).stdout
    assert (result.returncode, result.stderr) == (0, b"")
    assert len(result.stdout) > 300_000
    assert result.stdout.decode() == expected
    small = command("render", FULL, "-f", "dot", "-o", "-")
    assert (small.returncode, small.stderr) == (0, b"")
    assert small.stdout.decode() == (FIXTURES.parent / "golden/dot/full.dot").read_text()


def test_command_exit_codes_and_streams() -> None:
    helped = command("--help")
    assert (helped.returncode, helped.stderr) == (0, b"")
    assert b"Check, print and draw argument maps" in helped.stdout
    clean = command("check", VALID_MAP)
    assert (clean.returncode, clean.stdout, clean.stderr) == (
        0, b"", b"1 map, 2 statements, 0 sources: 0 errors, 0 warnings\n")
    broken = command("check", BROKEN)
    in_process = runner.invoke(cli.app, ["check", BROKEN])
    assert (broken.returncode, broken.stderr.decode()) == (1, in_process.stderr)
    assert broken.stderr.decode().startswith(f"{BROKEN}:")
    usage = command("render", VALID_MAP, "--direction", "up")
    assert usage.returncode == 2
    assert b"Invalid value for '--direction'" in usage.stderr


def test_reader_going_away_is_not_an_error(tmp_path: Path) -> None:
    big = long_map(tmp_path, "Does argmap mind when head stops reading?",
                   "Claim {} fills the pipe.", 20000)
    with subprocess.Popen([*ARGMAP, "show", big], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=PLAIN) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()
        stderr = proc.stderr.read()
    assert (first, proc.returncode, stderr) == (
        b"Does argmap mind when head stops reading?\n", 0, b"")



def test_show_prints_plain_text_to_stdout() -> None:
    result = runner.invoke(cli.app, ["show", FULL, "--width", "80", "--quotes"])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == (FIXTURES.parent / "golden/show/full.txt").read_text()
    assert "\033[" not in result.stdout


def test_show_refuses_a_broken_map() -> None:
    result = runner.invoke(cli.app, ["show", BROKEN])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith("1 map, 1 statement, 1 source: 1 error, 0 warnings\n")


def test_show_unknown_focus_is_a_usage_error() -> None:
    result = runner.invoke(cli.app, ["show", FULL, "--focus", "helth"])
    assert result.exit_code == 2
    assert result.stderr.startswith("argmap: no statement 'helth' in map 'full'; did you mean "
                                    "'health'?")


def test_show_several_maps_one_after_another() -> None:
    result = runner.invoke(cli.app, ["show", STREAM, FULL, "--depth", "1"])
    assert result.exit_code == 0
    assert [line for line in result.stdout.splitlines() if line.endswith("?")] == [
        "Should tea be made with boiling water?", "Should coffee be stored in the fridge?",
        "Should the city replace its bus fleet with electric buses?"]


def test_render_dot_to_stdout() -> None:
    result = runner.invoke(cli.app, ["render", FULL, "-f", "dot", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout == (FIXTURES.parent / "golden/dot/full.dot").read_text()


def test_render_writes_one_file_per_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli.app, ["render", STREAM, "-f", "svg"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "wrote tea.svg\nwrote coffee.svg\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coffee.svg", "tea.svg"]
    assert (tmp_path / "tea.svg").read_text().startswith("<?xml")


def test_render_several_maps_need_a_directory(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["render", STREAM, "-o", str(tmp_path / "x.svg")])
    assert result.exit_code == 2
    assert result.stderr == "argmap: 2 maps need a directory for -o, not a file\n"
    result = runner.invoke(cli.app, ["render", STREAM, "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coffee.svg", "tea.svg"]


@pytest.mark.parametrize("fmt,magic", [("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_render_pictures(tmp_path: Path, fmt: str, magic: bytes) -> None:
    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(cli.app, ["render", FULL, "-f", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(magic)


def test_render_without_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no `dot` here
    target = tmp_path / "out.svg"
    result = runner.invoke(cli.app, ["render", FULL, "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr == (
        "argmap: Graphviz is not installed, so argmap cannot make SVG files. Install it "
        "(Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz), or use "
        "-f dot for the DOT source.\n")
    assert not target.exists()
    result = runner.invoke(cli.app, ["render", FULL, "-f", "dot", "-o", str(target)])
    assert result.exit_code == 0


def test_render_graphviz_failure_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    result = runner.invoke(cli.app, ["render", FULL, "-o", str(tmp_path / "x.svg")])
    assert result.exit_code == 1
    assert result.stderr == "argmap: Graphviz (dot) failed: Error: syntax error in line 1\n"
    assert not (tmp_path / "x.svg").exists()


def test_render_layout_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\nsleep 5\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    result = runner.invoke(cli.app, ["render", FULL, "--timeout", "1", "-o",
                                     str(tmp_path / "x.svg")])
    assert result.exit_code == 1
    assert result.stderr == (
        "argmap: the dot layout took longer than 1 s and was stopped; try --engine sfdp, or "
        "draw less with --depth N or --focus ID (or allow more time with --timeout)\n")
