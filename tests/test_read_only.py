"""Read-only maps are not rewritten in place; outputs are regenerated, keeping their mode.

argmap replaces a file by renaming a new one over it, which needs write
permission only on the folder, and root may write anything: so the refusal
is argmap's own, read from the file's mode (and ``os.access`` for other users).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli

runner = CliRunner()
MESSY = 'argmap: 1\nquestion:   "Q?"\nclaims:\n- text: "A."\n  id: a\n'


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    """A map that fmt would change, with no write bit for anyone."""
    path = tmp_path / "m.yaml"
    path.write_text(MESSY)
    path.chmod(0o444)
    return path


def refused(path: Path) -> str:
    return f"argmap: {path} left unchanged: it is read-only (no write permission)\n"


def unchanged(path: Path) -> None:
    assert path.read_text() == MESSY
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_fmt_refuses_a_read_only_map_and_goes_on_with_the_others(locked: Path) -> None:
    other = locked.with_name("other.yaml")
    other.write_text(MESSY)
    result = runner.invoke(cli.app, ["fmt", str(locked), str(other)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", refused(locked) + f"argmap: formatted {other}\n")
    unchanged(locked)
    assert other.read_text() != MESSY


def test_fmt_check_and_diff_read_a_read_only_map(locked: Path) -> None:
    check = runner.invoke(cli.app, ["fmt", "--check", str(locked)])
    assert (check.exit_code, check.stderr) == (1, f"argmap: would reformat {locked}\n")
    diff = runner.invoke(cli.app, ["fmt", "--diff", str(locked)])
    assert (diff.exit_code, diff.stderr) == (0, "")
    assert diff.stdout.startswith(f"--- a/{locked}\n+++ b/{locked}\n")
    unchanged(locked)


def test_fmt_leaves_a_read_only_map_in_canonical_layout_alone(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("argmap: 1\nquestion: Q?\nclaims:\n  - text: A.\n")
    path.chmod(0o444)
    result = runner.invoke(cli.app, ["fmt", str(path)])
    assert (result.exit_code, result.stderr) == (0, "")  # nothing to do, nothing to refuse


@pytest.mark.parametrize("args", [["add", "{}", "--to", "a", "--pro", "B."],
                                  ["rm", "{}", "a"], ["mv", "{}", "a", "--to", "a"]])
def test_edits_refuse_a_read_only_map(locked: Path, args: list[str]) -> None:
    result = runner.invoke(cli.app, [arg.format(locked) for arg in args])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", refused(locked))
    unchanged(locked)


def test_a_map_this_user_may_not_write_is_refused(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # Someone else's 0644 file in a folder of ours: the rename would work, the
    # owner's permissions say no. (Root may write it: os.access answers for us.)
    path = tmp_path / "m.yaml"
    path.write_text(MESSY)
    real = os.access

    def access(file: object, mode: int, **kwargs: bool) -> bool:
        return mode != os.W_OK and real(file, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    result = runner.invoke(cli.app, ["fmt", str(path)])
    assert (result.exit_code, result.stderr) == (1, refused(path))
    assert path.read_text() == MESSY


def test_a_symlink_to_a_read_only_map_is_refused(locked: Path) -> None:
    link = locked.with_name("link.yaml")
    link.symlink_to(locked.name)
    result = runner.invoke(cli.app, ["fmt", str(link)])
    assert (result.exit_code, result.stderr) == (1, refused(link))
    unchanged(locked)


def test_a_read_only_output_is_regenerated_and_stays_read_only(tmp_path: Path) -> None:
    # Outputs are made from the maps: render (and import -o) replace them, as a
    # compiler replaces its output, and keep their mode.
    source = tmp_path / "m.yaml"
    source.write_text(MESSY)
    out = tmp_path / "m.dot"
    out.write_text("old\n")
    out.chmod(0o444)
    result = runner.invoke(cli.app, ["render", str(source), "-f", "dot", "-o", str(out)])
    assert (result.exit_code, result.stderr) == (0, f"argmap: wrote {out}\n")
    assert out.read_text().startswith('digraph "m" {')
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_read_only_import_output_is_regenerated(tmp_path: Path) -> None:
    source = tmp_path / "d.argdown"
    source.write_text("[Q]: Q?\n  + <A>: A.\n")
    out = tmp_path / "d.yaml"
    out.write_text("old\n")
    out.chmod(0o444)
    result = runner.invoke(cli.app, ["import", str(source), "-o", str(out)])
    assert (result.exit_code, result.stderr) == (0, f"argmap: wrote {out}\n")
    assert "question:" in out.read_text()
    assert stat.S_IMODE(out.stat().st_mode) == 0o444
