"""Where `render` writes: formats from -o, default names, and the one safe file writer."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.cli import output
from argmap.exporters import known_suffixes
from argmap.files import write as writes
from argmap.files.write import TMP_MARK, write_file, write_files
from tests.conftest import FIXTURES, GOLDEN

runner = CliRunner()
FULL = str(FIXTURES / "valid/full.yaml")
STREAM = str(FIXTURES / "valid/stream.yaml")
FULL_DOT = (GOLDEN / "dot/full.dot").read_bytes()


def render(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli.app, ["render", *args])
    return result.exit_code, result.stderr


# -- what is written where -------------------------------------------------------

def test_symlink_is_written_through(tmp_path: Path) -> None:
    target = tmp_path / "real.dot"
    target.write_text("old")
    link = tmp_path / "link.dot"
    link.symlink_to(target.name)
    assert render(FULL, "-o", str(link)) == (0, f"argmap: wrote {link}\n")
    assert link.is_symlink() and os.readlink(link) == "real.dot"
    assert target.read_bytes() == FULL_DOT


def test_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.dot"
    link.symlink_to("made.dot")
    assert render(FULL, "-o", str(link))[0] == 0
    assert link.is_symlink() and (tmp_path / "made.dot").read_bytes() == FULL_DOT


def test_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.dot"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert render(FULL, "-o", str(fifo))[0] == 0
    reader.join(10)
    if reader.is_alive():  # nothing wrote to the FIFO: let the reader go
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received == [FULL_DOT]


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a device node")
def test_character_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    # A private twin of /dev/null (1, 3): `render -o /dev/null` as root used
    # to replace the device with a regular file.
    null = tmp_path / "null.dot"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    assert render(FULL, "-o", str(null))[0] == 0
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_stdout_through_proc_is_written_to(tmp_path: Path) -> None:
    # What /dev/stdout is; a link of our own, so that a regression replaces
    # that and not the machine's /dev/stdout.
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = subprocess.run([sys.executable, "-m", "argmap", "render", FULL, "-o", str(link),
                             "-f", "dot"], capture_output=True, check=False)
    assert (result.returncode, result.stdout) == (0, FULL_DOT)
    assert link.is_symlink()


def test_existing_file_keeps_its_mode_and_new_file_honours_umask(tmp_path: Path) -> None:
    old = tmp_path / "old.dot"
    old.write_text("old")
    old.chmod(0o600)
    assert render(FULL, "-o", str(old))[0] == 0
    assert (old.read_bytes(), stat.S_IMODE(old.stat().st_mode)) == (FULL_DOT, 0o600)
    mask = os.umask(0o027)
    try:
        assert render(FULL, "-o", str(tmp_path / "new.dot"))[0] == 0
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.dot").stat().st_mode) == 0o640


# -- the format from -o, and default names --------------------------------------

@pytest.mark.parametrize("name,magic", [("map.png", b"\x89PNG"), ("x.pdf", b"%PDF"),
                                        ("x.svg", b"<?xml"), ("x.gv", b"digraph"),
                                        ("x.DOT", b"digraph")])
def test_format_comes_from_the_extension(tmp_path: Path, name: str, magic: bytes) -> None:
    assert render(FULL, "-o", str(tmp_path / name))[0] == 0
    assert (tmp_path / name).read_bytes().startswith(magic)


def test_format_and_extension_must_agree(tmp_path: Path) -> None:
    target = tmp_path / "map.png"
    assert render(FULL, "-f", "svg", "-o", str(target)) == (
        2, f"argmap: -f svg does not match -o {target}, which names a png file; drop -f or "
        "change the extension\n")
    assert not target.exists()


def test_unknown_extension_lists_the_known_ones(tmp_path: Path) -> None:
    target = tmp_path / "map.xyz"
    assert render(FULL, "-o", str(target)) == (
        2, f"argmap: cannot tell the format of -o {target} from its extension; use -f "
        f"FORMAT or one of {', '.join(known_suffixes())}\n")
    assert known_suffixes()[:5] == [".svg", ".png", ".pdf", ".dot", ".gv"]
    assert render(FULL, "-f", "dot", "-o", str(target))[0] == 0


def test_a_suffix_several_formats_write_needs_f(tmp_path: Path) -> None:
    target = tmp_path / "map.txt"
    assert render(FULL, "-o", str(target)) == (
        2, f"argmap: -o {target}: say which format with -f (kialo)\n")
    assert render(FULL, "-f", "kialo", "-o", str(target))[0] == 0


def test_trailing_slash_makes_the_directory(tmp_path: Path) -> None:
    folder = tmp_path / "out" / "maps"
    assert render(STREAM, "-f", "dot", "-o", f"{folder}/") == (
        0, f"argmap: wrote {folder}/tea.dot\nargmap: wrote {folder}/coffee.dot\n")
    assert sorted(p.name for p in folder.iterdir()) == ["coffee.dot", "tea.dot"]


def test_trailing_slash_is_not_created_when_nothing_is_written(tmp_path: Path) -> None:
    broken = str(FIXTURES / "invalid/unknown-key.yaml")
    assert render(broken, "-o", f"{tmp_path}/out/")[0] == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("options,name", [
    (["--focus", "health"], "full--health.dot"),
    (["--focus", "c1.pro1", "--depth", "2"], "full--health--depth2.dot"),
    (["--depth", "2", "--side", "pro"], "full--depth2--pro.dot"),
    (["--side", "con"], "full--con.dot"),
])
def test_partial_drawings_get_their_own_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               options: list[str], name: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert render(FULL, "-f", "dot", *options) == (0, f"argmap: wrote {name}\n")
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_default_stem() -> None:
    assert output.default_stem("m") == "m"
    assert output.default_stem("m", "c1.pro2", 3, "con") == "m--c1.pro2--depth3--con"


# -- several maps: all or nothing ------------------------------------------------

DUPLICATE = "argmap: 1\nid: tea\nquestion: Is this tea again?\nclaims:\n  - text: It is.\n"


def test_same_map_id_in_two_files(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("# another tea\n" + DUPLICATE)
    result = runner.invoke(cli.app, ["check", STREAM, str(other)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{other}:2:1: error: map id 'tea' is already used by the map at {STREAM}:2 "
        "[duplicate-map-id]\n")
    out = tmp_path / "out"
    out.mkdir()
    assert render(STREAM, str(other), "-o", str(out))[0] == 1
    assert list(out.iterdir()) == []


def test_one_failure_writes_none_of_the_set(tmp_path: Path) -> None:
    (tmp_path / "coffee.dot").mkdir()  # the second map cannot go here
    assert render(STREAM, "-f", "dot", "-o", str(tmp_path)) == (
        1, f"argmap: cannot write {tmp_path / 'coffee.dot'}: Is a directory\n")
    assert [p.name for p in tmp_path.iterdir()] == ["coffee.dot"]


def test_waiting_results_leave_no_names_behind(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # While results wait for the others, only an anonymous file (Linux
    # O_TMPFILE) or a clearly named temporary exists; a failure removes both.
    (tmp_path / "b").write_text("old b")
    commits = 0

    def commit(self: writes._Staged) -> None:
        nonlocal commits
        names = sorted(p.name for p in tmp_path.iterdir())
        assert [n for n in names if TMP_MARK not in n] == ["b"]
        assert all(n.startswith((".a.argmap-tmp-", ".b.argmap-tmp-")) for n in names
                   if TMP_MARK in n)
        commits += 1
        raise KeyboardInterrupt

    monkeypatch.setattr(writes._Staged, "commit", commit)
    with pytest.raises(KeyboardInterrupt):
        write_files([(tmp_path / "a", b"new a"), (tmp_path / "b", b"new b")])
    assert commits == 1
    assert [p.name for p in tmp_path.iterdir()] == ["b"]
    assert (tmp_path / "b").read_text() == "old b"


@pytest.mark.parametrize("anonymous", [True, False])
def test_write_file_both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              anonymous: bool) -> None:
    if not anonymous:
        monkeypatch.setattr(writes, "_links_anonymous", lambda folder: False)
    target = tmp_path / "x"
    write_file(target, b"one")
    write_file(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["x"]


def test_interrupted_write_leaves_the_old_file(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x"
    target.write_bytes(b"old")

    def interrupted(fd: int, data: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(target, b"new")
    monkeypatch.undo()
    assert [p.name for p in tmp_path.iterdir()] == ["x"]
    assert target.read_bytes() == b"old"


def test_a_map_being_read_is_never_overwritten(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    original = b"question: Q?\nclaims:  # kept\n  - text: A.\n"
    (tmp_path / "m.yaml").write_bytes(original)
    monkeypatch.chdir(tmp_path)
    for args in (["-f", "yaml"], ["-o", "m.yaml"], ["-f", "yaml", "-o", f"{tmp_path}/"]):
        assert render("m.yaml", *args) == (
            2, f"argmap: not writing {'m.yaml' if len(args) < 3 else tmp_path / 'm.yaml'}: it "
            "is a map being read; choose another name with -o\n"), args
    assert (tmp_path / "m.yaml").read_bytes() == original
