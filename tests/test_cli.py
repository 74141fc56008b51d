"""CLI wiring: exit codes, which stream carries what, exact messages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.exporters import EXPORTERS
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
    def boom(*args: object) -> None:
        raise ValueError("kaboom")

    monkeypatch.setattr("argmap.api.load_path", boom)  # inside check, serial or pooled
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
            "from argmap.cli.app import main\n"
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
    assert result.stderr == "argmap: wrote tea.svg\nargmap: wrote coffee.svg\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coffee.svg", "tea.svg"]
    assert (tmp_path / "tea.svg").read_text().startswith("<?xml")


def test_render_several_maps_need_a_directory(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["render", STREAM, "-o", str(tmp_path / "x.svg")])
    assert result.exit_code == 2
    assert result.stderr == ("argmap: no such directory: " + str(tmp_path / "x.svg") + " (2 "
                             "maps need a directory for -o; end it with / to create it)\n")
    (tmp_path / "x.svg").write_text("")
    result = runner.invoke(cli.app, ["render", STREAM, "-o", str(tmp_path / "x.svg")])
    assert result.exit_code == 2
    assert result.stderr == "argmap: 2 maps need a directory for -o, not a file\n"
    (tmp_path / "x.svg").unlink()
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
    result = runner.invoke(cli.app, ["render", FULL, "-o", str(tmp_path / "out.gv")])
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
        "argmap: the dot layout took longer than 1 s and was stopped; try --engine tidy, or "
        "draw less with --depth N or --focus ID (or allow more time with --timeout)\n")


def test_version() -> None:
    assert (runner.invoke(cli.app, ["--version"]).stdout, command("--version").stdout) == (
        "argmap 0.1.0\n", b"argmap 0.1.0\n")
    assert command("--version").returncode == 0


def completion(words: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Ask argmap for bash completions as the bash script does."""
    return subprocess.run(ARGMAP, capture_output=True, text=True, check=False, env={
        **PLAIN, "_ARGMAP_COMPLETE": "complete_bash", "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)), **env})


def test_show_completion_for_a_named_shell_or_shell_from_the_environment() -> None:
    bash = command("--show-completion", "bash")
    assert (bash.returncode, bash.stderr) == (0, b"")
    assert b"_ARGMAP_COMPLETE=complete_bash $1" in bash.stdout
    assert bash.stdout.rstrip().endswith(b"complete -o default -F _argmap_completion argmap")
    zsh = subprocess.run([*ARGMAP, "--show-completion"], capture_output=True, check=False,
                         env={**PLAIN, "SHELL": "/usr/bin/zsh"})
    assert zsh.stdout.startswith(b"#compdef argmap\n")
    fish = runner.invoke(cli.app, ["--show-completion", "fish"])
    assert fish.stdout.startswith("complete --command argmap --no-files")
    tcsh = runner.invoke(cli.app, ["--show-completion", "tcsh"])
    assert (tcsh.exit_code, tcsh.stderr) == (2, "argmap: cannot complete for the shell 'tcsh'; "
                                             "argmap supports bash, zsh, fish, powershell, pwsh\n")


def test_completion_completes_commands_and_options_and_leaves_paths_to_the_shell() -> None:
    assert completion("argmap sh").stdout == "show\n"
    assert completion("argmap ").stdout == "".join(f"{n}\n" for n in cli.command_names())
    assert cli.command_names()[:4] == ["check", "show", "render", "schema"]
    assert completion("argmap render map.yaml -f ").stdout == "".join(
        f"{name}\n" for name in EXPORTERS)
    assert "--max-bytes\n" in completion("argmap check --").stdout
    # Nothing offered for a path: the script's `-o default` completes file names.
    assert completion("argmap check ma").stdout == "\n"


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_with_the_script_argmap_prints() -> None:
    bin_dir = str(Path(sys.executable).parent)
    script = ("source <(argmap --show-completion bash); COMP_WORDS=(argmap rend); COMP_CWORD=1; "
              "_argmap_completion argmap; echo \"${COMPREPLY[@]}\"")
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False,
                            env={**PLAIN, "PATH": f"{bin_dir}:{os.environ['PATH']}"})
    assert (result.stdout, result.stderr) == ("render\n", "")


def test_install_completion_writes_to_the_shells_start_up_files(tmp_path: Path) -> None:
    result = subprocess.run([*ARGMAP, "--install-completion", "bash"], capture_output=True,
                            text=True, check=False, env={**PLAIN, "HOME": str(tmp_path)})
    script = tmp_path / ".bash_completions/argmap.sh"
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "", f"argmap: bash completion installed in {script}; it works in shells started "
        "from now on\n")
    assert "complete -o default -F _argmap_completion argmap" in script.read_text()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()


def test_help_lists_the_app_options() -> None:
    helped = runner.invoke(cli.app, ["--help"]).stdout
    assert "--version" in helped and "--show-completion [SHELL]" in helped
    assert "--install-completion [SHELL]" in helped


MINIMAL = (FIXTURES / "valid/minimal.yaml").read_text()


def test_dash_reads_one_map_from_stdin_for_every_command(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    checked = runner.invoke(cli.app, ["check", "-"], input=MINIMAL)
    assert (checked.exit_code, checked.stderr) == (
        0, "1 map, 2 statements, 0 sources: 0 errors, 0 warnings\n")
    shown = runner.invoke(cli.app, ["show", "-"], input=MINIMAL)
    assert shown.stdout == runner.invoke(cli.app, ["show", VALID_MAP]).stdout
    monkeypatch.chdir(tmp_path)
    drawn = runner.invoke(cli.app, ["render", "-", "-f", "dot"], input=MINIMAL)
    assert (drawn.exit_code, drawn.stderr) == (0, "argmap: wrote stdin.dot\n")  # a map without id
    assert 'digraph "stdin" {' in (tmp_path / "stdin.dot").read_text()
    both = runner.invoke(cli.app, ["check", "-", STREAM], input=MINIMAL)
    assert both.stderr == "3 maps, 7 statements, 0 sources: 0 errors, 0 warnings\n"


def test_stdin_diagnostics_name_it_stdin() -> None:
    result = command_with_input(b"question: Q?\nclaims:\n  - text: A\n    cite: [x]\n",
                                "check", "-")
    assert (result.returncode, result.stdout, result.stderr.decode()) == (1, b"", (
        "<stdin>:4:5: error: unknown key 'cite' in a statement; did you mean 'cites'? "
        "[unknown-key]\n<stdin>:4:12: error: source 'x' is not listed under `sources`; add "
        "it under `sources` [unknown-source]\n"
        "1 map, 1 statement, 0 sources: 2 errors, 0 warnings\n"))


def command_with_input(data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m argmap ARGS`` with ``data`` on standard input."""
    return subprocess.run([*ARGMAP, *args], input=data, capture_output=True, env=PLAIN,
                          check=False, timeout=60)


def test_dash_twice_is_a_usage_error() -> None:
    result = runner.invoke(cli.app, ["show", "-", VALID_MAP, "-"], input=MINIMAL)
    assert result.exit_code == 2
    assert result.stderr == ("argmap: Invalid value for 'PATH...': '-' (standard input) can be "
                             "given only once (see 'argmap show --help')\n")


def test_a_file_named_dash_is_read_through_dot_slash(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "-").write_text(MINIMAL)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli.app, ["render", "./-", "-f", "dot", "-o", "-"], input="")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith('digraph "map" {')  # the id from the file name `-`


def test_special_files_are_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "map.yaml"
    os.mkfifo(fifo)
    for name in ("check", "show", "render"):
        result = subprocess.run([*ARGMAP, name, str(fifo), "/dev/zero"], capture_output=True,
                                text=True, env=PLAIN, check=False, timeout=30)
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == (
            "/dev/zero:1:1: error: not a regular file but a character device; argmap reads "
            "standard input only through `-` [not-a-file]\n"
            f"{fifo}:1:1: error: not a regular file but a named pipe (FIFO); argmap reads "
            "standard input only through `-` [not-a-file]\n"
            "0 maps, 0 statements, 0 sources: 2 errors, 0 warnings\n")


def test_inputs_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:
        f.truncate(70 * 1024 * 1024)  # sparse, and never read: its size says enough
    for name in ("check", "show", "render"):
        result = runner.invoke(cli.app, [name, str(big)])
        assert (result.exit_code, result.stderr) == (1, (
            f"{big}:1:1: error: file is 70.0 MiB, over the 64 MiB limit (--max-bytes) "
            "[too-large]\n0 maps, 0 statements, 0 sources: 1 error, 0 warnings\n"))
    smaller = runner.invoke(cli.app, ["check", "--max-bytes", "100", VALID_MAP])
    assert smaller.stderr.startswith(f"{VALID_MAP}:1:1: error: file is 117 bytes, over the "
                                     "100 bytes limit (--max-bytes) [too-large]\n")
    piped = command_with_input(MINIMAL.encode() * 10, "show", "-", "--max-bytes", "1K")
    assert (piped.returncode, piped.stderr.decode()) == (1, (
        "<stdin>:1:1: error: standard input is larger than the 1 KiB limit (--max-bytes) "
        "[too-large]\n0 maps, 0 statements, 0 sources: 1 error, 0 warnings\n"))
    assert runner.invoke(cli.app, ["check", "--max-bytes", "1K", VALID_MAP]).exit_code == 0


def test_max_bytes_must_be_a_size() -> None:
    result = runner.invoke(cli.app, ["render", VALID_MAP, "--max-bytes", "lots"])
    assert result.exit_code == 2
    assert result.stderr == ("argmap: Invalid value for '--max-bytes': 'lots' is not a size: "
                             "give bytes, or a number with K, M or G (64M) "
                             "(see 'argmap render --help')\n")


def test_exclude_skips_files_below_directory_arguments(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts/broken.yaml").write_text("question: [\n")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv/pyvenv.cfg").write_text("")
    (tmp_path / ".venv/broken.yaml").write_text("question: [\n")
    (tmp_path / "ok.yaml").write_text(MINIMAL)
    result = runner.invoke(cli.app, ["check", str(tmp_path), "--exclude", "drafts"])
    assert (result.exit_code, result.stderr) == (
        0, "1 map, 2 statements, 0 sources: 0 errors, 0 warnings\n")
    assert runner.invoke(cli.app, ["check", str(tmp_path)]).exit_code == 1
    assert runner.invoke(cli.app, ["show", str(tmp_path), "--exclude", "drafts/"]
                         ).exit_code == 0
    drawn = runner.invoke(cli.app, ["render", str(tmp_path), "--exclude", "drafts/*",
                                    "-f", "dot", "-o", "-"])
    assert (drawn.exit_code, drawn.stdout.count("digraph")) == (0, 1)
    nothing = runner.invoke(cli.app, ["check", str(tmp_path), "--exclude", "*.yaml"])
    assert (nothing.exit_code, nothing.stderr) == (
        2, f"argmap: no *.yaml or *.yml files found under {tmp_path}\n")


def test_show_names_each_map_when_it_shows_several_or_a_focus() -> None:
    result = runner.invoke(cli.app, ["show", STREAM, VALID_MAP, "--depth", "1"])
    assert result.stdout == (
        f"── tea ({STREAM}:2) ──\n"
        "Should tea be made with boiling water?\n"
        "├── ◆ Yes, for black tea.\n"
        "│     … 1 more statement (--depth 2, or --focus c1)\n"
        "└── ◆ No, for green tea.\n"
        "\n"
        f"── coffee ({STREAM}:10) ──\n"
        "Should coffee be stored in the fridge?\n"
        "└── ◆ No.\n"
        "      … 1 more statement (--depth 2, or --focus c1)\n"
        "\n"
        f"── minimal ({VALID_MAP}) ──\n"
        "Is a hot dog a sandwich?\n"
        "├── ◆ Yes, it is meat in bread.\n"
        "└── ◆ No, the bread is one piece.\n")
    focused = runner.invoke(cli.app, ["show", VALID_MAP, "--focus", "c2", "--ascii"])
    assert focused.stdout == (f"-- minimal ({VALID_MAP}) --\n"
                              "* No, the bread is one piece.\n")
    single = runner.invoke(cli.app, ["show", VALID_MAP])
    assert single.stdout.startswith("Is a hot dog a sandwich?\n")


def test_show_header_is_styled_on_a_terminal() -> None:
    from argmap.exporters.tree import header, to_text
    from argmap.graph import build_graph

    map_ = cli.read_maps([STREAM]).maps[1]
    assert to_text([header(build_graph(map_), True, False)], True) == (
        f"\033[2m── \033[0m\033[1mcoffee\033[0m\033[2m ({STREAM}:10) \033[0m\033[2m──\033[0m\n")


@pytest.mark.parametrize("name", cli.command_names())
def test_every_command_help_ends_with_an_example(name: str) -> None:
    result = runner.invoke(cli.app, [name, "--help"], prog_name="argmap",
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert result.stdout.rstrip().splitlines()[-1].strip().startswith(f"Example: argmap {name} ")
