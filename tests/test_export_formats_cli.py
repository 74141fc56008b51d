"""render -f mermaid|graphml|argdown|aif through the CLI: suffixes, stdout, the view options."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from tests.conftest import GOLDEN
from tests.exporting import ROOT

runner = CliRunner()
FULL = "tests/fixtures/valid/full.yaml"


@pytest.mark.parametrize(("fmt", "golden"), [
    ("mermaid", "mermaid/full.mmd"), ("graphml", "graphml/full.graphml"),
    ("argdown", "argdown/full.argdown"), ("aif", "aif/full.json")])
def test_stdout_is_the_export(fmt: str, golden: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(cli.app, ["render", FULL, "-f", fmt, "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (GOLDEN / golden).read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "first"), [
    ("map.mmd", "flowchart BT"), ("map.graphml", "<?xml"), ("map.argdown", "# Should")])
def test_the_suffix_picks_the_format(name: str, first: str, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(cli.app, ["render", FULL, "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(first)


def test_aif_needs_f_because_json_means_argmap_json(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    runner.invoke(cli.app, ["render", FULL, "-o", str(tmp_path / "a.json")])
    runner.invoke(cli.app, ["render", FULL, "-f", "aif", "-o", str(tmp_path / "b.json")])
    assert '"nodeID"' not in (tmp_path / "a.json").read_text(encoding="utf-8")
    assert '"nodeID": "1"' in (tmp_path / "b.json").read_text(encoding="utf-8")


def test_direction_and_focus_reach_the_exporter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(cli.app, ["render", FULL, "-f", "mermaid", "-o", "-",
                                     "--direction", "LR", "--focus", "grid"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("flowchart RL\n  n1[")  # no question above a premise
    assert "The grid's electricity" in result.stdout
    assert "Diesel exhaust" not in result.stdout
