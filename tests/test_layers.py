"""The layering: which modules may import which, and the one error handler."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from typer.testing import CliRunner

import argmap
from argmap.cli import app as cli
from argmap.errors import ArgmapError, OutputError, UsageError, ViewError, WriteError
from argmap.exporters.layout import LayoutError

PACKAGE = Path(argmap.__file__).parent


def imports(path: Path) -> set[str]:
    """Every argmap module a file imports, at the top or inside functions.

    ``from package import submodule`` names the submodule; ``from module import
    name`` the module. (A package's ``__init__`` runs before any of its modules,
    as Python imports parents first: that is not an arrow of the graph.)
    """
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if _is_module(name) else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {name for name in found if name.startswith("argmap")}


def _is_module(name: str) -> bool:
    base = PACKAGE.parent.joinpath(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}

#: The wings from the bottom up: a module may import its own wing and the ones
#: below it, never one above. Within a rank, wings do not import each other.
LAYERS: list[tuple[str, ...]] = [
    ("argmap.errors", "argmap.escape"),
    ("argmap.model", "argmap.markup"),
    ("argmap.speeches",),  # the debate formats' speech orders (format 1.2 presets)
    ("argmap.diagnostics",),
    ("argmap.files",),
    ("argmap.readers",),
    ("argmap.graph",),
    ("argmap.view",),
    ("argmap.analysis",),
    ("argmap.rules",),
    ("argmap.exporters",),
    ("argmap.brief", "argmap.atlas", "argmap.edit"),
    # several files as one debate: reads maps, evaluates and edits across files
    ("argmap.project",),
    ("argmap.api",),
    ("argmap",),  # the package's __init__: the public names, re-exported from api
    # the editor's servers: clients of the API like the CLI, which starts them
    ("argmap.lsp", "argmap.serve"),
    ("argmap.cli",),
    ("argmap.__main__",),
]


def wing(name: str) -> str:
    """The wing a module belongs to: the longest prefix named in LAYERS."""
    found = [w for layer in LAYERS for w in layer if name == w or name.startswith(w + ".")]
    return max(found, key=len)


RANK = {w: i for i, layer in enumerate(LAYERS) for w in layer}


def edges() -> dict[str, set[str]]:
    """Module -> the argmap modules it imports (a name imported from a module is the module)."""
    graph: dict[str, set[str]] = {}
    for name, imported in MODULES.items():
        targets = set()
        for i in imported:
            while i not in MODULES:  # argmap.graph.build_graph -> argmap.graph
                i = i.rpartition(".")[0]
            if i != name:
                targets.add(i)
        graph[name] = targets
    return graph


def test_every_module_has_a_wing() -> None:
    assert all(wing(name) for name in MODULES)


def test_no_import_runs_up_a_layer_or_across_to_a_sibling_wing() -> None:
    offenders = sorted(
        f"{name} -> {target}" for name, targets in edges().items() for target in targets
        if wing(target) != wing(name)
        and RANK[wing(target)] >= RANK[wing(name)])
    assert offenders == []


def test_the_import_graph_has_no_cycle() -> None:
    graph = edges()
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert cycles == []


@pytest.mark.parametrize(("library", "home"), [
    ("typer", "argmap.cli"),
    ("click", "argmap.cli"),
    ("rich.console", "argmap.cli"),
    ("ruamel", "argmap.readers.yaml"),
])
def test_third_party_libraries_stay_in_their_wing(library: str, home: str) -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module(path)
        if name == home or name.startswith(home + "."):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module
                     else [])
            if any(f == library or f.startswith(library + ".") for f in found):
                offenders.append(name)
    assert sorted(set(offenders)) == []


def test_error_exit_codes() -> None:
    assert [e("x").exit_code for e in (ArgmapError, UsageError, ViewError, OutputError,
                                       WriteError, LayoutError)] == [1, 2, 2, 2, 1, 1]
    assert ArgmapError("x", 3).exit_code == 3


@pytest.mark.parametrize("code", [1, 2])
def test_one_handler_prints_an_argmap_error(monkeypatch: pytest.MonkeyPatch, code: int,
                                            tmp_path: Path) -> None:
    def broken(*args: object) -> None:
        raise ArgmapError("no room\x1b[31m at the inn", code)

    monkeypatch.setattr("argmap.cli.output.write_outputs", broken)
    source = tmp_path / "m.yaml"
    source.write_text("question: Q?\nclaims:\n  - text: A\n")
    result = CliRunner().invoke(cli.app, ["render", str(source), "-f", "json", "-o", "-"])
    assert (result.exit_code, result.stderr, result.stdout) == (
        code, "argmap: no room\\x1b[31m at the inn\n", "")


def test_eval_formats_come_from_the_registry() -> None:
    from argmap.exporters import EVAL_FORMATS

    assert EVAL_FORMATS == ("svg", "png", "pdf", "dot", "markdown", "html", "tables")


def test_a_format_is_named_only_by_its_module_and_the_registry() -> None:
    # Adding a format is one module and one registry line: no other module
    # lists the formats (the names below occur nowhere else as words).
    for name in ("mermaid", "graphml", "argdown", "kialo", "aif"):
        # (argmap.readers is the other registry, of input formats: it may name them too)
        # (argmap.api names every format once more, as the literal type of export's
        # format argument, so a type checker knows str from bytes; test_api keeps that
        # list equal to the registry's)
        holders = sorted(m for m, path in SOURCES.items()
                         if m not in ("argmap.readers", "argmap.api")
                         and f'"{name}"' in path.read_text(encoding="utf-8"))
        assert holders in ([], ["argmap.exporters"], ["argmap.exporters",
                                                      f"argmap.exporters.{name}"]), name


SOURCES = {module(p): p for p in sorted(PACKAGE.rglob("*.py"))}
