"""render with the exporters of the registry: formats, -o by extension, stdout, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.exporters import EXPORTERS
from argmap.exporters.json import json_export_schema_text
from tests.conftest import FIXTURES, GOLDEN

runner = CliRunner()
FULL = str(FIXTURES / "valid/full.yaml")
STREAM = str(FIXTURES / "valid/stream.yaml")


@pytest.mark.parametrize("name", sorted(n for n, s in EXPORTERS.items() if not s.binary
                                          and not s.needs_graphviz))
def test_every_text_format_goes_to_stdout(name: str) -> None:
    result = runner.invoke(cli.app, ["render", FULL, "-f", name, "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.endswith("\n") and len(result.stdout) > 100


@pytest.mark.parametrize(("suffix", "name"), [(".json", "json"), (".yaml", "yaml"),
                                              (".yml", "yaml"), (".md", "markdown"),
                                              (".MD", "markdown")])
def test_output_suffix_picks_the_format(tmp_path: Path, suffix: str, name: str) -> None:
    target = tmp_path / f"out{suffix}"
    # --quotes as in the goldens (only the Markdown reads it)
    result = runner.invoke(cli.app, ["render", FULL, "--quotes", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"argmap: wrote {target}\n"
    if name == "json":  # the JSON names the file it came from, as given here
        assert json.loads(target.read_text())["map"]["file"] == FULL
        return
    golden = {"yaml": "yaml/full.yaml", "markdown": "markdown/full.md"}[name]
    assert target.read_text() == (GOLDEN / golden).read_text()


def test_ambiguous_suffix_needs_a_format(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    result = runner.invoke(cli.app, ["render", FULL, "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == f"argmap: -o {target}: say which format with -f (kialo)\n"
    assert not target.exists()
    result = runner.invoke(cli.app, ["render", FULL, "-f", "kialo", "-o", str(target)])
    assert result.exit_code == 0
    assert target.read_text() == (GOLDEN / "kialo/full.txt").read_text()


def test_a_format_that_contradicts_the_suffix_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = runner.invoke(cli.app, ["render", FULL, "-f", "dot", "-o", str(target)])
    assert (result.exit_code, result.stderr) == (
        2, f"argmap: -f dot does not match -o {target}, which names a json or aif file; drop -f "
        "or change the extension\n")
    assert not target.exists()


def test_directory_gets_one_file_per_map_named_by_suffix(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["render", STREAM, "-f", "markdown", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["coffee.md", "tea.md"]


def test_several_maps_cannot_share_stdout() -> None:
    result = runner.invoke(cli.app, ["render", STREAM, "-f", "json", "-o", "-"])
    assert result.exit_code == 2
    assert result.stderr == "argmap: 2 maps cannot share stdout as json; use -o DIRECTORY\n"


def test_focus_depth_and_side_cut_every_export() -> None:
    result = runner.invoke(cli.app, ["render", FULL, "-f", "json", "-o", "-", "--focus",
                                     "health", "--depth", "1"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["map"]["focus"] == "health"
    assert [(s["key"], s["hidden"]) for s in doc["statements"] if not s["outside"]] == [
        ("health", 0), ("c1.pro1.pro1", 0), ("grid", 1), ("c1.pro1.undercut1", 0)]
    result = runner.invoke(cli.app, ["render", FULL, "-f", "kialo", "-o", "-", "--side", "con"])
    assert result.stdout.splitlines()[3:5] == [
        "1.1. Pro: The city should replace the fleet with electric buses.",
        "1.1.1. Con: The upfront price is nearly twice a diesel bus."]


def test_unknown_focus_is_a_usage_error() -> None:
    result = runner.invoke(cli.app, ["render", FULL, "-f", "yaml", "-o", "-", "--focus",
                                     "helth"])
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: no statement 'helth' in map 'full'; did you mean 'health'? (ids and paths "
        "such as c1.pro2 both work; argmap show --ids lists them)\n")


def test_focus_keeps_only_the_maps_that_have_it(tmp_path: Path) -> None:
    result = runner.invoke(cli.app, ["render", STREAM, "-f", "yaml", "-o", str(tmp_path),
                                     "--focus", "c1"])
    assert result.exit_code == 0, result.stderr


def test_schema_json_export() -> None:
    result = runner.invoke(cli.app, ["schema", "--json-export"])
    assert result.exit_code == 0
    assert result.stdout == json_export_schema_text()
