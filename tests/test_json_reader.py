"""argmap reads its own JSON export (docs/json.md): JSON -> map -> JSON is the identity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.exporters import EXPORTERS, ExportOptions
from argmap.graph import build_graph
from argmap.model import ArgumentMap
from argmap.readers import detect, load_path, read_bytes
from tests.conftest import FIXTURES, GOLDEN, VALID
from tests.test_properties import maps

ROOT = Path(__file__).parent.parent
BUNDLED = sorted((ROOT / "maps").glob("*.yaml"))
runner = CliRunner()


def exported(m: ArgumentMap) -> str:
    text = EXPORTERS["json"].export(build_graph(m), ExportOptions())
    assert isinstance(text, str)
    return text


def read_back(text: str, file: str = "map.json") -> ArgumentMap:
    result = read_bytes(text.encode("utf-8"), file, "json")
    assert result.diagnostics == []
    assert len(result.maps) == 1
    return result.maps[0]


@pytest.mark.parametrize("path", BUNDLED + VALID, ids=lambda p: p.name)
def test_bundled_maps_and_fixtures_come_back_byte_for_byte(path: Path) -> None:
    for m in load_path(path).maps:
        text = exported(m)
        assert exported(read_back(text)) == text


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(maps(linked=True))
def test_generated_maps_come_back_byte_for_byte(m: ArgumentMap) -> None:
    text = exported(m)
    assert exported(read_back(text)) == text


def test_golden_exports_are_sniffed_and_read_by_every_command() -> None:
    golden = GOLDEN / "json" / "full.json"
    assert detect(golden, golden.read_bytes()) == "json"
    shown = runner.invoke(app, ["render", str(golden), "-f", "json", "-o", "-"])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["check"], ["stats"], ["eval"], ["show"]])
def test_from_json_reads_a_file_of_any_name(tmp_path: Path, command: list[str]) -> None:
    named = tmp_path / "export.txt"  # no suffix says JSON: --from does
    named.write_bytes((GOLDEN / "json" / "full.json").read_bytes())
    result = runner.invoke(app, [*command, str(named), "--from", "json"])
    assert result.exit_code == 0, result.output
    assert "unknown key" not in result.output


def test_bad_json_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"argmap_json": 2,\n  "map": {"id": "x",}\n}\n', encoding="utf-8")
    result = runner.invoke(app, ["check", str(bad), "--from", "json"])
    assert result.exit_code == 1
    assert result.stderr == (f"{bad}:2:21: error: not valid JSON: Expecting property name "
                             "enclosed in double quotes [json-syntax]\n"
                             "0 maps, 0 statements, 0 sources: 1 error, 0 warnings\n")


def test_a_record_without_a_key_is_located_at_the_record() -> None:
    lines = (GOLDEN / "json" / "full.json").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if '"key": "l2"' in text)
    lines[line - 1] = lines[line - 1].replace('"address": "c1.pro1.pro1", ', "")
    result = read_bytes("\n".join(lines).encode("utf-8"), "full.json", "json")
    assert [str(d) for d in result.diagnostics] == [
        f"full.json:{line}:5: error: `links.1` has no `address` key [json-syntax]"]


def test_a_cut_is_refused_with_what_to_do() -> None:
    doc = json.loads((GOLDEN / "json" / "full.json").read_text(encoding="utf-8"))
    doc["map"]["focus"] = "replace"
    result = read_bytes(json.dumps(doc).encode("utf-8"), "cut.json", "json")
    assert [d.message for d in result.diagnostics] == [
        "this export is a cut (--focus replace), not a whole map; export the map without "
        "--focus to read it back"]


def test_a_link_out_of_file_order_is_named() -> None:
    doc = json.loads((GOLDEN / "json" / "full.json").read_text(encoding="utf-8"))
    doc["links"][0]["address"], doc["links"][0]["relation"] = "c1.pro9", "pro"
    result = read_bytes(json.dumps(doc).encode("utf-8"), "moved.json", "json")
    assert [str(d) for d in result.diagnostics] == [
        "moved.json:1:3554: error: link l1 is at c1.pro9, but it is pro 1 of c1 in file order "
        "[json-syntax]"]


def test_fmt_refuses_from_and_says_what_to_do(tmp_path: Path) -> None:
    named = tmp_path / "export.json"
    named.write_bytes((GOLDEN / "json" / "full.json").read_bytes())
    result = runner.invoke(app, ["fmt", str(named), "--from", "json"])
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: fmt rewrites argmap YAML in place and cannot rewrite a json file; convert it "
        "first with argmap import FILE --from json -o MAP.yaml, then fmt the map\n")
    assert named.read_bytes() == (GOLDEN / "json" / "full.json").read_bytes()


def test_brief_and_watch_read_json(tmp_path: Path) -> None:
    named = tmp_path / "export.data"
    named.write_bytes((GOLDEN / "json" / "full.json").read_bytes())
    brief = runner.invoke(app, ["brief", str(named), "--from", "json", "--for", "replace"])
    assert brief.exit_code == 0, brief.output
    assert "Electric buses cut street-level air pollution." in brief.stdout
    watched = runner.invoke(app, ["watch", str(named), "--from", "json", "--once"])
    assert watched.exit_code == 0, watched.output
    assert "Should the city replace its bus fleet" in watched.stdout


def test_a_depth_cut_reads_as_the_smaller_map_and_counts_what_it_hid(tmp_path: Path) -> None:
    cut = tmp_path / "cut.json"
    result = runner.invoke(app, ["render", str(FIXTURES / "valid/full.yaml"), "-f", "json",
                                 "--depth", "2",
                                 "-o", str(cut)])
    assert result.exit_code == 0, result.output
    checked = runner.invoke(app, ["check", str(cut)])
    assert checked.exit_code == 0
    assert checked.stderr == (
        f"{cut}:1:1: warning: json import left out or changed what format 1.1 cannot hold: "
        "positions --depth cut away (an export of a cut map): 6 [import-dropped]\n"
        "1 map, 5 statements, 2 sources: 0 errors, 1 warning\n")
