"""Usage errors: click's own (a bad option, a missing argument) read like argmap's, on one line.

And the help a user at a terminal gets: ``-`` read from a terminal says it waits.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.exporters import EXPORTERS
from tests.conftest import FIXTURES

runner = CliRunner()
VALID_MAP = str(FIXTURES / "valid/minimal.yaml")
ARGMAP = [sys.executable, "-m", "argmap"]
PLAIN = {**os.environ, "NO_COLOR": "1"}
FORMATS = ", ".join(repr(name) for name in EXPORTERS)


@pytest.mark.parametrize(("args", "message"), [
    (["show", "maps/", "--depth", "0"],
     "Invalid value for '--depth': 0 is not in the range x>=1 (see 'argmap show --help')"),
    (["check", "--frobnicate", VALID_MAP],
     "No such option '--frobnicate'; did you mean '--format' or '--strict'? "
     "(see 'argmap check --help')"),
    (["check", "--strikt", VALID_MAP],
     "No such option '--strikt'; did you mean '--strict'? (see 'argmap check --help')"),
    (["check", "-z", VALID_MAP], "No such option '-z' (see 'argmap check --help')"),
    (["check"], "Missing argument 'PATH...' (see 'argmap check --help')"),
    (["render", VALID_MAP, "-f", "xyz"],
     f"Invalid value for '--format' / '-f': 'xyz' is not one of {FORMATS} "
     "(see 'argmap render --help')"),
    # click gives this error no context: the command that ran is named all the same
    (["show", VALID_MAP, "--depth"],
     "Option '--depth' requires an argument (see 'argmap show --help')"),
    (["show", "no/such.yaml"],
     "Invalid value for 'PATH...': Path 'no/such.yaml' does not exist "
     "(see 'argmap show --help')"),
    (["render", VALID_MAP, "--timeout", "0"],
     "Invalid value for '--timeout': 0 is not a number of seconds from 1 to 86400 (a day) "
     "(see 'argmap render --help')"),
    (["--frob"], "No such option '--frob' (see 'argmap --help')"),
    # once, not twice (typer and click both added the suggestions)
    (["chek", "maps/"],
     "No such command 'chek'; did you mean 'check' or 'schema'? (see 'argmap --help')"),
    (["zzz"], "No such command 'zzz' (see 'argmap --help')"),
])
def test_click_usage_errors_are_one_line_like_argmaps_own(args: list[str], message: str) -> None:
    result = runner.invoke(cli.app, args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"argmap: {message}\n")


def test_usage_errors_show_user_text_visibly() -> None:
    # click quotes values with repr(), which escapes them; the line is made visible anyway
    result = runner.invoke(cli.app, ["check", "--x\x1b]0;pwned\x07\u202e", VALID_MAP])
    assert (result.exit_code, result.stderr) == (
        2, "argmap: No such option '--x\\x1b]0;pwned\\x07\\u202e' (see 'argmap check --help')\n")
    missing = runner.invoke(cli.app, ["check", "no\x1b[2J.yaml"])
    assert missing.stderr == ("argmap: Invalid value for 'PATH...': Path 'no\\x1b[2J.yaml' does "
                              "not exist (see 'argmap check --help')\n")
    chosen = runner.invoke(cli.app, ["render", VALID_MAP, "-f", "x\ny"])
    assert chosen.stderr.startswith("argmap: Invalid value for '--format' / '-f': 'x\\ny' is "
                                    "not one of 'svg'")


def test_a_usage_error_in_a_process_is_one_line() -> None:
    done = subprocess.run([*ARGMAP, "show", VALID_MAP, "--depth", "0"], capture_output=True,
                          text=True, env=PLAIN, check=False, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", "argmap: Invalid value for '--depth': 0 is not in the range x>=1 "
        "(see 'argmap show --help')\n")


def test_help_is_still_printed() -> None:
    bare = runner.invoke(cli.app, [])
    assert bare.exit_code == 2 and bare.stderr.startswith("Usage: argmap [OPTIONS] COMMAND")
    helped = runner.invoke(cli.app, ["check", "--help"])
    assert helped.exit_code == 0 and helped.stdout.startswith("Usage: argmap check [OPTIONS] "
                                                              "PATH...\n")
    assert runner.invoke(cli.app, ["--help"]).stdout.startswith("Usage: argmap [OPTIONS]")


def test_completion_still_completes_past_a_bad_value() -> None:
    # completion parses resiliently: click's errors must not become argmap's one line there
    for words, offered in [("argmap show --depth 0 --i", "--ids\n"),
                           ("argmap check --frob --st", "--strict\n")]:
        done = subprocess.run(ARGMAP, capture_output=True, text=True, check=False, timeout=60,
                              env={**PLAIN, "_ARGMAP_COMPLETE": "complete_bash",
                                   "COMP_WORDS": words,
                                   "COMP_CWORD": str(len(words.split()) - 1)})
        assert (done.returncode, done.stdout, done.stderr) == (0, offered, "")


def arguments_section(helped: str) -> str:
    """The Arguments section of a command's help, its whitespace collapsed (help wraps at 80)."""
    return " ".join(helped.split("\nArguments:\n")[1].split("\n\n")[0].split())


def test_help_describes_the_arguments() -> None:
    # click 8.5 reset typer's argument help to None; the section said only [required]
    check = runner.invoke(cli.app, ["check", "--help"]).stdout
    assert arguments_section(check) == ("PATH... Map files, directories to search for *.yaml "
                                        "and *.yml files, or - for standard input. [required]")
    moved = runner.invoke(cli.app, ["mv", "--help"]).stdout
    assert arguments_section(moved) == ("FILE The map file. [required] ADDRESS The statement "
                                        "to move: id or derived id (c1.pro2). [required]")


@pytest.mark.parametrize("name", cli.command_names())
def test_every_argument_is_described_once(name: str) -> None:
    helped = runner.invoke(cli.app, [name, "--help"]).stdout
    assert "Positional arguments" not in helped  # click 8.5's own section, beside typer's
    usage = helped.splitlines()[0].split("[OPTIONS]")[1].split()
    if usage:
        section = arguments_section(helped)
        for metavar in usage:
            described = section.split(metavar + " ", 1)[1]
            assert not described.startswith("["), (metavar, section)


def wait_for_line(stream: int, timeout: float = 30) -> bytes:
    """The first line on a pipe, read without blocking past ``timeout``."""
    data = b""
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([stream], [], [], timeout)
        assert ready, f"no line after {timeout} s: {data!r}"
        chunk = os.read(stream, 1)
        assert chunk, f"the pipe closed after {data!r}"
        data += chunk
    return data


@pytest.mark.parametrize("args", [["check", "-"], ["show", "-"], ["import", "-", "--from",
                                                                  "argdown"]])
def test_standard_input_on_a_terminal_says_it_waits(args: list[str]) -> None:
    # On a terminal (canonical mode, as a shell leaves it), Ctrl-D ends the input.
    master, slave = pty.openpty()
    with subprocess.Popen([*ARGMAP, *args], stdin=slave, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=PLAIN) as child:
        os.close(slave)
        assert child.stderr is not None
        try:
            # said before any input arrives
            assert wait_for_line(child.stderr.fileno(), timeout=10) == (
                b"argmap: reading a map from standard input (end with Ctrl-D)\n")
            os.write(master, b"argmap: 1\nquestion: Q?\nclaims: [{text: A.}]\n\x04"
                     if args[0] != "import" else b"[Q]: Q?\n  + <A>: A.\n\x04")
            out, err = child.communicate(timeout=60)
        finally:
            child.kill()  # a child still waiting for input would hang the test
            os.close(master)
    assert child.returncode == 0, err
    if args[0] == "check":
        assert (out, err) == (b"", b"1 map, 1 statement, 0 sources: 0 errors, 0 warnings\n")
    else:
        assert b"Q?" in out


def test_standard_input_from_a_pipe_is_read_without_a_word() -> None:
    done = subprocess.run([*ARGMAP, "check", "-"], input=b"argmap: 1\nquestion: Q?\n"
                          b"claims: [{text: A.}]\n", capture_output=True, env=PLAIN,
                          check=False, timeout=60)
    assert (done.returncode, done.stderr) == (
        0, b"1 map, 1 statement, 0 sources: 0 errors, 0 warnings\n")
