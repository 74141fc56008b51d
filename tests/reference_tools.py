"""Helpers for the export tests: graphs of every fixture and map, and the reference tools.

The conformance tests check argmap's exports with the formats' own parsers
(Mermaid's, the Argdown CLI) that ``make conformance-tools`` installs into
``.cache/npm``. When they are missing the tests fail, never skip: a skipped
conformance test would look like a passing one.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from argmap.graph import ArgumentGraph, build_graph
from argmap.readers import load_path
from tests.conftest import FIXTURES, VALID

ROOT = FIXTURES.parent.parent
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
NPM_DIR = ROOT / ".cache" / "npm"
CONFORMANCE = ROOT / "tests" / "conformance"


def graphs(path: Path) -> list[tuple[str, ArgumentGraph]]:
    """(golden name, graph) for each map in a file: the file stem, or the map id in a stream."""
    maps = load_path(path).maps
    return [(m.id if len(maps) > 1 else path.stem, build_graph(m)) for m in maps]


def every_graph() -> list[tuple[str, ArgumentGraph]]:
    """Every valid fixture's and bundled map's graphs, by unique name."""
    return [pair for path in VALID + MAPS for pair in graphs(path)]


def npm_tool(relative: str) -> Path:
    """A file installed by ``make conformance-tools``; fails the test when it is missing."""
    path = NPM_DIR / relative
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make conformance-tools` (make test does it)")
    if shutil.which("node") is None:
        pytest.fail("node is missing: install Node.js 20 or newer, then `make conformance-tools`")
    return path


def mermaid_parse(files: list[Path], texts: bool = False) -> dict[str, object]:
    """Mermaid's own parser over ``files``: path -> None, an error message or the node texts."""
    npm_tool("node_modules/mermaid/package.json")
    script = CONFORMANCE / "mermaid_parse.mjs"
    command = ["node", str(script), str(NPM_DIR), *(["--texts"] if texts else [])]
    done = subprocess.run([*command, *map(str, files)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def argdown_json(files: list[Path], out: Path) -> dict[str, Any]:
    """The Argdown CLI's ``json`` export of ``files``: file stem -> its JSON.

    Fails on any parser error or warning the CLI reports (it still exits 0).
    """
    argdown = npm_tool("node_modules/.bin/argdown")
    results: dict[str, Any] = {}
    folder = files[0].parent
    assert all(f.parent == folder for f in files)
    done = subprocess.run([str(argdown), "json", f"{folder}/*.argdown", str(out)],
                          capture_output=True, text=True, timeout=300, check=False)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert "Successfully export" in said, said
    for word in ("error", "warn", "invalid", "cancel", "expecting"):
        assert word not in said.lower(), said
    for file in files:
        results[file.stem] = json.loads((out / f"{file.stem}.json").read_text(encoding="utf-8"))
    return results
