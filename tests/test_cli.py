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
        f"{BROKEN}:6:3: warning: source 's1' is never cited [unused-source]\n"
        "1 map, 1 statement, 1 source: 1 error, 1 warning\n")


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


def test_python_dash_m_runs_and_help_needs_no_heavy_imports() -> None:
    code = ("import sys; sys.argv=['argmap','--help']\n"
            "try:\n import runpy; runpy.run_module('argmap', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "heavy = ('ruamel.yaml', 'graphviz', 'rich.console')\n"
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "NO_COLOR": "1"}, check=True).stdout
    assert "Check, print and draw argument maps" in out
    assert out.rstrip().endswith("[]")
