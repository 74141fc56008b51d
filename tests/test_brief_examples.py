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
    from argmap.analysis.evaluate import evaluate
    from argmap.brief import build_brief
    from argmap.brief.docx import render_docx
    from argmap.graph import build_graph

    for argmap in load_builder().bundled():  # docx bytes are reproducible: compare them all
        brief = build_brief(evaluate(build_graph(argmap)), [argmap.claims[0].address])
        assert (BRIEFS / f"{argmap.id}.docx").read_bytes() == render_docx(brief), argmap.id
    assert (BRIEFS / "nato-promise-page-1.png").exists()


def debater_console_blocks() -> list[tuple[str, str]]:
    """(command, output) for each console block of the README's debater section."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## For debaters", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```console\n\$ (argmap [^\n]*)\n(.*?)```", section, re.DOTALL)
    return [(command, output) for command, output in blocks if " -o " not in command]


@pytest.mark.parametrize(("command", "output"), debater_console_blocks())
def test_readme_debater_examples_are_real(command: str, output: str) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)  # the examples name maps/ relative to the repository
    try:
        result = CliRunner().invoke(cli.app, shlex.split(command)[1:])
    finally:
        os.chdir(cwd)
    assert result.stdout + result.stderr == output
