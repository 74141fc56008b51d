"""The console examples in README.md and docs/*.md are real.

Every ```console block is picked up: each line starting with ``$ `` is a
command (continued on the next line when it ends in a backslash), and the
lines after it, up to the next command or the end of the block, are what it
prints (stdout and stderr together, as a terminal shows
them). The commands run with bash in a scratch directory that links to the
repository's top-level entries, so paths like ``maps/`` work and files a
command writes land in the scratch directory. Only what must be is
normalised: no colour (NO_COLOR), 80 columns, trailing newlines.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.conftest import TESTS

ROOT = TESTS.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)


class Example(NamedTuple):
    """One command of a console block and the output the document shows."""

    where: str  # FILE:LINE of the command
    command: str
    output: str


def examples(path: Path, root: Path = ROOT) -> list[Example]:
    """Every command in the ```console blocks of one Markdown file (named relative to root)."""
    text = path.read_text(encoding="utf-8")
    found: list[Example] = []
    for block in _BLOCK.finditer(text):
        first_line = text.count("\n", 0, block.start(1)) + 1
        command: tuple[int, str] | None = None
        output: list[str] = []
        going_on = False  # the command's last line ended in a backslash
        for number, line in enumerate(block[1].splitlines(), first_line):
            if going_on and command is not None:
                command = (command[0], f"{command[1]}\n{line}")
                going_on = line.endswith("\\")
            elif line.startswith("$ "):
                if command is not None:
                    found.append(example(path.relative_to(root), command, output))
                command, output = (number, line[2:]), []
                going_on = line.endswith("\\")
            elif command is not None:
                output.append(line)
        if command is not None:
            found.append(example(path.relative_to(root), command, output))
    return found


def example(name: Path, command: tuple[int, str], output: list[str]) -> Example:
    return Example(f"{name}:{command[0]}", command[1], "\n".join(output))


ALL = [e for path in DOCS for e in examples(path)]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory that looks like the repository but keeps what commands write.

    maps/ and examples/ are copies, so an example that writes there cannot
    change the repository; the rest is linked.
    """
    here = tmp_path_factory.mktemp("readme")
    for entry in ROOT.iterdir():
        if entry.name in ("maps", "examples"):  # copied: an example may write beside them
            shutil.copytree(entry, here / entry.name)
        elif entry.name not in (".git", ".venv", ".cache", "out"):
            (here / entry.name).symlink_to(entry)
    return here


@pytest.mark.parametrize("case", ALL, ids=[e.where for e in ALL])
def test_console_example(case: Example, scratch: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "PYTHONUNBUFFERED": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for name in ("ARGMAP_DEBUG", "_ARGMAP_COMPLETE", "FORCE_COLOR"):
        env.pop(name, None)
    result = subprocess.run(["bash", "-c", case.command], cwd=scratch, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False,
                            stdin=subprocess.DEVNULL, timeout=120)
    assert result.stdout.rstrip("\n") == case.output, f"{case.where}: $ {case.command}"


def test_every_document_with_console_blocks_is_read() -> None:
    # A parsing slip must not quietly turn the test above into zero cases.
    assert len(examples(ROOT / "README.md")) >= 5
    assert all(e.command.startswith(("argmap ", "cat ", "echo ", "printf ")) or
               "| argmap " in e.command
               for e in ALL), [e.command for e in ALL]


def test_examples_are_found_in_every_console_block(tmp_path: Path) -> None:
    doc = tmp_path / "x.md"
    doc.write_text("text\n\n```console\n$ argmap a\none\n\ntwo\n$ argmap b\n```\n\n"
                   "```sh\n$ not this\n```\n```console\n$ argmap c\n```\n")
    assert examples(doc, tmp_path) == [
        ("x.md:4", "argmap a", "one\n\ntwo"), ("x.md:8", "argmap b", ""),
        ("x.md:15", "argmap c", "")]


def test_documents_name_only_files_that_exist() -> None:
    # docs/format.md once pointed readers at a FORMAT.md the repository lacks.
    missing = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r"`([\w./-]+\.md)`|\]\(((?!https?:)[^)#\s]+)\)", text):
            name = next(n for n in name if n)
            if not ((path.parent / name).exists() or (ROOT / name).exists()):
                missing.append(f"{path.relative_to(ROOT)}: {name}")
    assert missing == []
