"""docs/api.md: every example runs, in order, and passes ``mypy --strict`` as a user's script."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest

import argmap

ROOT = Path(__file__).parent.parent
DOC = ROOT / "docs" / "api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")


def examples() -> list[str]:
    """The doc's Python blocks, in order."""
    return BLOCK.findall(DOC.read_text(encoding="utf-8"))


def test_the_doc_has_an_example_for_every_public_name() -> None:
    text = "\n".join(examples())
    functions = [n for n in argmap.__all__ if n[0].islower()]
    assert [n for n in functions if f"argmap.{n}" not in text] == []
    doc = DOC.read_text(encoding="utf-8")  # and every type is at least named
    assert [n for n in argmap.__all__ if n[0].isupper() and f"`{n}`" not in doc
            and f"argmap.{n}" not in doc] == []


@needs_dot
def test_every_example_runs_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for n, block in enumerate(examples(), 1):
            exec(compile(block, f"docs/api.md example {n}", "exec"), namespace)
    printed = out.getvalue()
    # what the comments in the doc promise
    assert "ring-road.yaml:6:14: error: ref 'counts' names no statement" in printed
    assert "flowchart BT" in printed
    assert "unknown format 'docx'; use one of svg, png" in printed
    assert "<ArgumentMap 'nato-promise': 3 claims, 21 statements" in printed


def test_the_examples_pass_mypy_strict(tmp_path: Path) -> None:
    from mypy import api

    script = tmp_path / "user_script.py"
    script.write_text("\n".join(examples()), encoding="utf-8")
    stdout, stderr, status = api.run(["--strict", "--no-incremental",
                                      "--cache-dir", str(tmp_path / "cache"), str(script)])
    assert (status, stderr) == (0, ""), stdout


@needs_dot
def test_the_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## From Python"):]
    (block, *_) = BLOCK.findall(section)
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md From Python", "exec"), namespace)
    assert isinstance(namespace["svg"], str) and namespace["labels"]
