"""The debater's examples and README console blocks match what the code makes now."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
from types import ModuleType

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from tests.conftest import TESTS

ROOT = TESTS.parent
BRIEFS = ROOT / "examples/briefs"


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("examples_briefs", ROOT / "examples/briefs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_briefs_are_current() -> None:
    expected: dict[str, str] = load_builder().text_artifacts()
    stale = [name for name, content in expected.items()
             if not (BRIEFS / name).exists() or (BRIEFS / name).read_text() != content]
    assert stale == [], "examples/briefs/ is stale: run make briefs"
    builder = load_builder()
    old = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        for argmap in builder.bundled():  # docx bytes are reproducible: compare them all
            assert (BRIEFS / f"{argmap.id}.docx").read_bytes() == builder.docx_of(argmap), \
                argmap.id
    finally:  # docx_of sets SOURCE_DATE_EPOCH for the build; leave the tests' as it was
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    assert (BRIEFS / "carbon-tax-page-01.png").exists()


def debater_console_blocks() -> list[tuple[str, str]]:
    """(command, output) for each console block of the README's debater section."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## For debaters", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```console\n\$ (argmap [^\n]*)\n(.*?)```", section, re.DOTALL)
    # piped examples run through a shell in tests/test_readme.py
    return [(command, output) for command, output in blocks
            if " -o " not in command and "|" not in command]


@pytest.mark.parametrize(("command", "output"), debater_console_blocks())
def test_readme_debater_examples_are_real(command: str, output: str) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)  # the examples name maps/ relative to the repository
    try:
        result = CliRunner().invoke(cli.app, shlex.split(command)[1:])
    finally:
        os.chdir(cwd)
    assert result.stdout + result.stderr == output
