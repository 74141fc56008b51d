"""Standard output that cannot be written (a full disk, a closed stream) is an I/O error:
one line and exit 1 for every command that writes there, never exit 3 or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
MAP = str(ROOT / "maps" / "nato-promise.yaml")
ARGDOWN = str(ROOT / "tests" / "corpus" / "argdown" / "linked.argdown")
COMMANDS = [["show", MAP], ["render", MAP, "-f", "json", "-o", "-"], ["eval", MAP],
            ["stats", MAP], ["check", MAP, "-f", "json"], ["check", MAP, "-f", "github"],
            ["brief", MAP, "--for", "no-binding-promise"], ["schema"],
            ["import", ARGDOWN, "-o", "-"], ["--version"]]


def run(args: list[str], shell_redirect: str) -> subprocess.CompletedProcess[str]:
    command = " ".join(f"'{a}'" for a in [sys.executable, "-m", "argmap", *args])
    return subprocess.run(["bash", "-c", f"{command} {shell_redirect}"], capture_output=True,
                          text=True, env={**os.environ, "NO_COLOR": "1"}, cwd=ROOT)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0] + " " + " ".join(a[2:3]))
def test_a_full_disk_is_one_line_and_exit_1(args: list[str]) -> None:
    done = run(args, "> /dev/full")
    assert (done.returncode, done.stderr) == (
        1, "argmap: cannot write to standard output: No space left on device\n")


@pytest.mark.parametrize("args", [*COMMANDS[:3], ["--version"]], ids=lambda a: a[0])
def test_a_closed_stdout_is_one_line_and_exit_1(args: list[str]) -> None:
    done = run(args, ">&-")
    assert (done.returncode, done.stderr) == (
        1, "argmap: cannot write to standard output: standard output is closed\n")


def test_a_command_that_writes_files_does_not_need_stdout(tmp_path: Path) -> None:
    done = run(["render", MAP, "-f", "json", "-o", str(tmp_path / "m.json")], ">&-")
    assert done.returncode == 0 and (tmp_path / "m.json").exists()
