"""The layering: which modules may import which, and the one error handler."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap
from argmap import cli
from argmap.errors import ArgmapError, OutputError, UsageError, ViewError, WriteError
from argmap.exporters.layout import LayoutError

PACKAGE = Path(argmap.__file__).parent


def imports(path: Path) -> set[str]:
    """Every argmap module a file imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {name for name in found if name.startswith("argmap")}


def module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


@pytest.mark.parametrize(("below", "above"), [
    ("argmap.", "argmap.cli"),  # only __main__ runs the CLI
    ("argmap.exporters", "argmap.cli"),
    ("argmap.exporters", "argmap.commands"),
    ("argmap.graph", "argmap.exporters"),
    ("argmap.model", "argmap.graph"),
])
def test_lower_modules_do_not_import_higher_ones(below: str, above: str) -> None:
    offenders = [name for name, imported in MODULES.items()
                 if name.startswith(below) and name not in ("argmap.cli", "argmap.__main__")
                 and any(i == above or i.startswith(above + ".") for i in imported)]
    assert offenders == []


def test_error_exit_codes() -> None:
    assert [e("x").exit_code for e in (ArgmapError, UsageError, ViewError, OutputError,
                                       WriteError, LayoutError)] == [1, 2, 2, 2, 1, 1]
    assert ArgmapError("x", 3).exit_code == 3


@pytest.mark.parametrize("code", [1, 2])
def test_one_handler_prints_an_argmap_error(monkeypatch: pytest.MonkeyPatch, code: int,
                                            tmp_path: Path) -> None:
    def broken(*args: object) -> None:
        raise ArgmapError("no room\x1b[31m at the inn", code)

    monkeypatch.setattr("argmap.output.write_outputs", broken)
    source = tmp_path / "m.yaml"
    source.write_text("question: Q?\nclaims:\n  - text: A\n")
    result = CliRunner().invoke(cli.app, ["render", str(source), "-f", "json", "-o", "-"])
    assert (result.exit_code, result.stderr, result.stdout) == (
        code, "argmap: no room\\x1b[31m at the inn\n", "")


def test_eval_formats_come_from_the_registry() -> None:
    from argmap.analysis.marks import EVAL_FORMATS

    assert EVAL_FORMATS == ("svg", "png", "pdf", "dot", "markdown", "html")


def test_a_format_is_named_only_by_its_module_and_the_registry() -> None:
    # Adding a format is one module and one registry line: no other module
    # lists the formats (the names below occur nowhere else as words).
    for name in ("mermaid", "graphml", "argdown", "kialo", "aif"):
        # (argmap.readers is the other registry, of input formats: it may name them too)
        holders = sorted(m for m, path in SOURCES.items() if m != "argmap.readers"
                         and f'"{name}"' in path.read_text(encoding="utf-8"))
        assert holders in ([], ["argmap.exporters"], ["argmap.exporters",
                                                      f"argmap.exporters.{name}"]), name


SOURCES = {module(p): p for p in sorted(PACKAGE.rglob("*.py"))}
