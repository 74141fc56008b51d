"""Corpus tables (``render -f tables``, docs/tables.md), read back by a real consumer: DuckDB."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.exporters import ExportOptions
from argmap.exporters.tables import TABLES
from argmap.files import pool
from tests.conftest import FIXTURES, TESTS, Golden
from tests.exporting import EXPORT_MAPS, export, golden_name, load_all

ROOT = TESTS.parent
DOCS = (ROOT / "docs/tables.md").read_text(encoding="utf-8")
CORPUS = [*sorted(str(p.relative_to(ROOT)) for p in (TESTS / "corpus/aif").glob("*.json")),
          "maps/"]
runner = CliRunner()


def query(sql: str) -> duckdb.DuckDBPyRelation:
    """A DuckDB query's result (``duckdb.sql`` is None only for statements without one)."""
    found = duckdb.sql(sql)
    assert found is not None
    return found


def render(args: list[str], out: Path) -> None:
    result = runner.invoke(app, ["render", *args, "-f", "tables", "-o", f"{out}/"])
    assert result.exit_code == 0, result.output


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The docs' corpus (the AIF files and the bundled maps) written as tables."""
    monkeypatch.chdir(ROOT)
    render([*CORPUS, "--eval"], tmp_path / "corpus")
    return tmp_path / "corpus"


def test_each_docs_query_gives_the_table_under_it(corpus: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```sql\n(.*?)```\n\n(\|.*?)\n\n", DOCS, re.DOTALL)
    assert len(blocks) == 3
    monkeypatch.chdir(corpus)
    for sql, table in blocks:
        expected = [[cell.strip() for cell in line.strip("|").split("|")]
                    for line in table.splitlines()]
        got = query(sql)
        assert expected[0] == got.columns
        assert expected[2:] == [[str(v) for v in row] for row in got.fetchall()], sql


def test_every_table_has_the_documented_columns_and_unique_keys(corpus: Path) -> None:
    for name, columns in TABLES.items():
        assert f"### `{name}.csv`" in DOCS
        section = DOCS.split(f"### `{name}.csv`")[1].split("###")[0]
        documented = [c for row in re.findall(r"^\| (`[^|]*) \|", section, re.MULTILINE)
                      for c in re.findall(r"`([a-z_]+)`", row)]
        assert list(dict.fromkeys(documented)) == list(columns), name
        relation = duckdb.read_csv(str(corpus / f"{name}.csv"), all_varchar=True)
        assert tuple(relation.columns) == columns
    keys = {"maps": "map", "statements": "map, key", "links": "map, link, n",
            "attacks": "map, link", "citations": "map, statement, n",
            "sources": "map, source", "labels": "map, statement"}
    for name, key in keys.items():
        [(rows, distinct)] = query(
            f"SELECT count(*), count(DISTINCT ({key})) FROM '{corpus}/{name}.csv'").fetchall()
        assert rows == distinct and rows > 0, name


def test_every_reference_joins_to_a_statement(corpus: Path) -> None:
    statements = f"'{corpus}/statements.csv'"
    for name, column in [("links", "premise"), ("attacks", "attacked"),
                         ("citations", "statement"), ("labels", "statement")]:
        [(missing,)] = query(
            f"SELECT count(*) FROM '{corpus}/{name}.csv' t ANTI JOIN {statements} s "
            f"ON s.map = t.map AND s.key = t.{column}").fetchall()
        assert missing == 0, name
    [(counted, rows)] = query(
        f"SELECT sum(statements), (SELECT count(*) FROM {statements}) "
        f"FROM '{corpus}/maps.csv'").fetchall()
    assert counted == rows


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_tables_golden(path: Path, golden: Golden, monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.analysis.evaluate import statuses

    for m in load_all(path, monkeypatch):
        options = ExportOptions(statuses={m.id: statuses(m, by="key")})
        golden(golden_name("tables", path, m, ".txt"), export("tables", m, options=options))


def test_both_cores_write_what_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    render([*CORPUS, "tests/fixtures/valid/", "--eval"], tmp_path / "one")
    monkeypatch.setattr(pool, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(pool, "cores", lambda: 2)
    render([*CORPUS, "tests/fixtures/valid/", "--eval"], tmp_path / "two")
    for name in TABLES:
        assert (tmp_path / "one" / f"{name}.csv").read_bytes() == (
            tmp_path / "two" / f"{name}.csv").read_bytes()


def test_a_map_with_errors_writes_nothing(tmp_path: Path) -> None:
    bad = FIXTURES / "invalid" / "undercut-on-claim.yaml"
    result = runner.invoke(app, ["render", str(FIXTURES / "valid/full.yaml"), str(bad), "-f",
                                 "tables", "-o", f"{tmp_path}/out/"])
    assert result.exit_code == 1
    assert "[undercut-on-claim]" in result.stderr
    assert result.stderr.endswith("2 maps, 11 statements, 3 sources: 1 error, 0 warnings\n")
    assert not (tmp_path / "out").exists()


def test_a_duplicate_map_id_across_chunks_is_an_error(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text("id: same\nquestion: Q?\nclaims:\n  - text: C.\n",
                                               encoding="utf-8")
    monkeypatch.setattr(pool, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(pool, "CHUNKS_PER_WORKER", 1)
    monkeypatch.setattr(pool, "cores", lambda: 2)
    result = runner.invoke(app, ["render", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"),
                                 "-f", "tables", "-o", f"{tmp_path}/out/"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{tmp_path}/b.yaml:1:1: error: map id 'same' is already used by the map at "
        f"{tmp_path}/a.yaml:1 [duplicate-map-id]\n")
    assert not (tmp_path / "out").exists()


def test_output_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "taken.csv").write_text("x\n", encoding="utf-8")
    result = runner.invoke(app, ["render", str(FIXTURES / "valid/full.yaml"), "-f", "tables",
                                 "-o", str(tmp_path / "taken.csv")])
    assert (result.exit_code, result.stderr) == (2, (
        f"argmap: -f tables writes a folder of CSV files; -o {tmp_path / 'taken.csv'} names a "
        "file: name a directory (DIR/)\n"))
    assert (tmp_path / "taken.csv").read_text(encoding="utf-8") == "x\n"
    result = runner.invoke(app, ["render", str(FIXTURES / "valid/full.yaml"), "-f", "tables",
                                 "-o", str(tmp_path / "new.csv")])
    assert result.exit_code == 2 and not (tmp_path / "new.csv").exists()
