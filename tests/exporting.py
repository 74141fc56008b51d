"""Shared by the export tests: the maps every format is tested on, loaded alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.exporters import EXPORTERS, ExportOptions
from argmap.graph import ArgumentGraph, build_graph
from argmap.model import ArgumentMap
from argmap.readers import load_path
from argmap.view import ViewOptions, cut
from tests.conftest import TESTS

ROOT = TESTS.parent
#: every valid fixture and one bundled map, as paths relative to the repository
#: (spans name the file as given, and golden files must not hold absolute paths)
EXPORT_MAPS = [p.relative_to(ROOT) for p in sorted((TESTS / "fixtures/valid").glob("*.yaml"))
               ] + [Path("maps/nato-promise.yaml")]


def load_all(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[ArgumentMap]:
    """Every map in a file, loaded from the repository root."""
    monkeypatch.chdir(ROOT)
    result = load_path(path)
    assert result.maps, result.diagnostics
    return result.maps


def export(name: str, m: ArgumentMap, view: ViewOptions | None = None,
           options: ExportOptions | None = None) -> str:
    """One map exported as text by the named exporter."""
    graph: ArgumentGraph = cut(build_graph(m), view or ViewOptions())
    result = EXPORTERS[name].export(graph, options or ExportOptions())
    assert isinstance(result, str)
    return result


def golden_name(fmt: str, path: Path, m: ArgumentMap, suffix: str) -> str:
    """``<format>/<file stem>[--<map id>].<suffix>``: one golden per map in a file."""
    stem = path.stem if m.id == path.stem else f"{path.stem}--{m.id}"
    return f"{fmt}/{stem}{suffix}"
