"""Which files a directory means, and reading inputs safely: stdin, size limits, special files."""

from __future__ import annotations

import io
import os
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.diagnostics import Diagnostic
from argmap.files import (
    MAX_BYTES,
    STDIN,
    expand_paths,
    format_size,
    parse_size,
    read_input,
)
from argmap.readers import load_path


def tree(root: Path, *names: str) -> None:
    """Create empty files (and their folders) below root."""
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("")


def found(root: Path, *exclude: str) -> list[str]:
    return [p.relative_to(root).as_posix() for p in expand_paths([root], exclude)]


def test_directory_walk_skips_hidden_entries_venvs_and_caches(tmp_path: Path) -> None:
    tree(tmp_path, "a.yaml", "sub/c.yml", "notes.txt", ".pre-commit-config.yaml",
         ".git/x.yaml", "sub/.github/workflows/ci.yml", ".venv/lib/site/x.yaml",
         "env/pyvenv.cfg", "env/lib/x.yaml", "node_modules/pkg/x.yaml",
         "sub/__pycache__/x.yaml")
    assert found(tmp_path) == ["a.yaml", "sub/c.yml"]


def test_a_hidden_directory_named_on_the_command_line_is_read(tmp_path: Path) -> None:
    tree(tmp_path, ".maps/a.yaml")
    assert found(tmp_path / ".maps") == ["a.yaml"]


@pytest.mark.parametrize("patterns,expected", [
    ((), ["drafts/deep/y.yaml", "drafts/x.yaml", "keep/old-z.yaml", "keep/z.yaml", "top.yml"]),
    (("drafts",), ["keep/old-z.yaml", "keep/z.yaml", "top.yml"]),  # a directory by name
    (("drafts/",), ["keep/old-z.yaml", "keep/z.yaml", "top.yml"]),  # directories only
    (("top.yml/",), ["drafts/deep/y.yaml", "drafts/x.yaml", "keep/old-z.yaml",
                     "keep/z.yaml", "top.yml"]),
    (("old-*",), ["drafts/deep/y.yaml", "drafts/x.yaml", "keep/z.yaml", "top.yml"]),
    (("keep/*.yaml",), ["drafts/deep/y.yaml", "drafts/x.yaml", "top.yml"]),
    (("drafts/*",), ["keep/old-z.yaml", "keep/z.yaml", "top.yml"]),  # * crosses /
    (("**/z.yaml", "**/top.yml"), ["drafts/deep/y.yaml", "drafts/x.yaml", "keep/old-z.yaml"]),
    (("*.yml", "deep"), ["drafts/x.yaml", "keep/old-z.yaml", "keep/z.yaml"]),
    (("Drafts",), ["drafts/deep/y.yaml", "drafts/x.yaml", "keep/old-z.yaml", "keep/z.yaml",
                   "top.yml"]),  # case matters, as in file names
])
def test_exclude_matches_names_and_relative_paths(tmp_path: Path, patterns: tuple[str, ...],
                                                  expected: list[str]) -> None:
    tree(tmp_path, "drafts/x.yaml", "drafts/deep/y.yaml", "keep/z.yaml", "keep/old-z.yaml",
         "top.yml")
    assert found(tmp_path, *patterns) == expected


def test_exclude_matches_the_path_as_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    tree(tmp_path, "maps/drafts/x.yaml", "maps/a.yaml")
    monkeypatch.chdir(tmp_path)
    assert expand_paths([Path("maps")], ["maps/drafts"]) == [Path("maps/a.yaml")]


def test_files_named_directly_are_never_excluded(tmp_path: Path) -> None:
    tree(tmp_path, ".hidden.yaml", "node_modules/x.yaml")
    named = [tmp_path / ".hidden.yaml", tmp_path / "node_modules/x.yaml", STDIN]
    assert expand_paths(named, ["*"]) == named


def test_symlink_loops_and_linked_directories_are_not_followed(tmp_path: Path) -> None:
    tree(tmp_path, "a/m.yaml", "elsewhere/e.yaml")
    (tmp_path / "a/up").symlink_to("..")  # a loop
    (tmp_path / "a/other").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "a/link.yaml").symlink_to("../elsewhere/e.yaml")  # a linked file is read
    (tmp_path / "a/same.yaml").symlink_to("m.yaml")  # ... once: m.yaml is read already
    (tmp_path / "a/dangling.yaml").symlink_to("nowhere.yaml")
    os.mkfifo(tmp_path / "a/pipe.yaml")  # never opened: a walk reads regular files only
    assert found(tmp_path / "a") == ["link.yaml", "m.yaml"]


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "map.yaml"
    os.mkfifo(fifo)
    results: list[bytes | Diagnostic] = []
    # Opening a FIFO for reading waits for a writer: run it aside, so a
    # regression fails this test instead of hanging the suite.
    reader = threading.Thread(target=lambda: results.append(read_input(fifo)), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "read_input blocked on a FIFO"
    assert [str(r) for r in results] == [
        f"{fifo}:1:1: error: not a regular file but a named pipe (FIFO); argmap reads "
        "standard input only through `-` [not-a-file]"]


def test_devices_are_refused() -> None:
    assert str(read_input(Path("/dev/zero"))) == (
        "/dev/zero:1:1: error: not a regular file but a character device; argmap reads "
        "standard input only through `-` [not-a-file]")


def test_too_large_file_is_refused_from_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as f:  # sparse: takes no disk space
        f.truncate(70 * 1024 * 1024)
    assert str(read_input(big)) == (
        f"{big}:1:1: error: file is 70.0 MiB, over the 64 MiB limit (--max-bytes) [too-large]")
    small = tmp_path / "small.yaml"
    small.write_bytes(b"x" * 2000)
    assert str(read_input(small, 1024)) == (
        f"{small}:1:1: error: file is 2.0 KiB, over the 1 KiB limit (--max-bytes) [too-large]")
    assert read_input(small, 2000) == b"x" * 2000


def test_a_file_without_a_size_is_read_only_up_to_the_limit() -> None:
    # /proc files report size 0 however much they hold.
    assert str(read_input(Path("/proc/self/maps"), 10)) == (
        "/proc/self/maps:1:1: error: file is larger than the 10 bytes limit (--max-bytes) "
        "[too-large]")


class Endless(io.RawIOBase):
    """Standard input that never ends, recording how much was asked for."""

    def __init__(self) -> None:
        self.asked = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        self.asked += len(buffer)
        buffer[:] = b"x" * len(buffer)
        return len(buffer)


def test_stdin_is_read_only_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    endless = Endless()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(endless, 4096)))
    assert str(read_input(STDIN, 100_000)) == (
        "<stdin>:1:1: error: standard input is larger than the 97.7 KiB limit (--max-bytes) "
        "[too-large]")
    assert endless.asked < 100_000 + 2 * 4096


def test_stdin_is_read_as_a_map_named_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    text = b"question: Q?\nclaims:\n  - text: A\n  - text: A\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    result = load_path(STDIN)
    assert [m.id for m in result.maps] == ["stdin"]
    assert [str(d) for d in result.diagnostics] == []
    assert result.maps[0].span.file == "<stdin>"


def test_closed_stdin_is_a_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert str(read_input(STDIN)) == (
        "<stdin>:1:1: error: cannot read standard input: it is closed [unreadable]")


@pytest.mark.parametrize("size,text,exact", [
    (0, "0 bytes", "0 bytes"), (1, "1 byte", "1 byte"), (1023, "1023 bytes", "1023 bytes"),
    (1024, "1.0 KiB", "1 KiB"), (1536, "1.5 KiB", "1.5 KiB"), (MAX_BYTES, "64.0 MiB", "64 MiB"),
    (70 * 1024**2, "70.0 MiB", "70 MiB"), (3 * 1024**3, "3.0 GiB", "3 GiB"),
    (5 * 1024**5, "5120.0 TiB", "5120 TiB"),
])
def test_format_size(size: int, text: str, exact: str) -> None:
    assert (format_size(size), format_size(size, exact=True)) == (text, exact)


@pytest.mark.parametrize("text,size", [
    ("1000", 1000), ("64M", MAX_BYTES), ("64MiB", MAX_BYTES), ("64mb", MAX_BYTES),
    ("1k", 1024), ("1.5G", 3 * 1024**3 // 2), (" 2 K ", 2048), ("10B", 10),
])
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "-5", "K", "b", "1x", "nan", "inf", "0.1", "ten"])
def test_parse_size_refuses_what_is_not_a_size(text: str) -> None:
    with pytest.raises(ValueError, match="is not a size: give bytes, or a number with K, M"):
        parse_size(text)


@given(st.integers(1, 2**30), st.sampled_from(["", "K", "M", "G", "KiB", "MiB", "GiB"]))
def test_parse_size_reads_whole_numbers_with_units(number: int, unit: str) -> None:
    scale = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}[unit[:1]]
    assert parse_size(f"{number}{unit}") == number * scale


def test_input_diagnostic_codes_are_documented() -> None:
    table = (Path(__file__).parent.parent / "docs/format.md").read_text()
    for code in ("too-large", "not-a-file", "unreadable"):
        assert f"\n| `{code}` | error |" in table, code


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    first = tmp_path / "maps" / "a.yaml"
    first.write_text("question: Q?\nclaims:\n  - text: A.\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(first)
    found = expand_paths([first, tmp_path / "maps", first, tmp_path / "link.yaml"])
    assert found == [first]


def test_a_size_past_what_can_be_read_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^'99999999999999999999G' is more than any file "
                       r"argmap could read \(at most 1048576T\)$"):
        parse_size("99999999999999999999G")
