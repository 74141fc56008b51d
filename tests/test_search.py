"""``argmap search``: every planted hit, ranked, case- and accent-insensitive, phrases,
``--in``, JSON, an index rebuilt only for changed files and safe against runs at once.
(Its speed on 10,000 maps is measured by benchmarks/search.py, not here.)"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.errors import UsageError
from argmap.project import open_project
from argmap.project.search import fts_query, search, update
from tests.conftest import TESTS

sys.path.insert(0, str(TESTS.parent / "benchmarks"))
from search import QUERIES, make_project

runner = CliRunner()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]]]:
    folder = tmp_path_factory.mktemp("generated")
    return folder, make_project(folder, 1000, 5)


def test_every_planted_hit_is_found(generated: tuple[Path, dict[str, set[str]]]) -> None:
    folder, expected = generated
    for name, (query, scope) in QUERIES.items():
        scopes = scope[1:]
        hits = search(open_project(folder), query.strip('"') if name != "phrase" else query,
                      scopes, limit=1000)
        assert {h.address for h in hits} == expected[name], name


def test_the_example_project_on_the_command_line(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    import shutil

    shutil.copytree(TESTS.parent / "examples/carbon-tax", tmp_path / "carbon-tax")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli.app, ["search", '"equal dividends"', "carbon-tax"])
    assert result.exit_code == 0
    assert result.stdout == (
        "carbon-tax/cards.yaml:42: cards/dividend-makes-it-progressive [quote] a carbon tax "
        "with equal dividends would make the majority of low-income households better off\n")
    result = runner.invoke(cli.app, ["search", "FREMSTAD", "carbon-tax", "--in", "sources",
                                     "-f", "json"])
    assert json.loads(result.stdout) == [{
        "address": "cards/fremstad-paul-2019", "kind": "source", "file": "carbon-tax/cards.yaml",
        "line": 10, "text": "The Impact of a Carbon Tax on Inequality Anders Fremstad Mark Paul "
        "Ecological Economics"}]
    result = runner.invoke(cli.app, ["search", "nothing-like-this", "carbon-tax"])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "argmap: no hits\n")
    assert (tmp_path / "carbon-tax/.argmap-cache/.gitignore").read_text() == (
        "# made by argmap search\n*\n")


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text("argmap: 1.2\n" + text, encoding="utf-8")


@pytest.fixture
def small(tmp_path: Path) -> Path:
    (tmp_path / "argmap.toml").write_text("", encoding="utf-8")
    write(tmp_path, "a.yaml", "question: Q?\nclaims:\n  - id: x\n    text: Señor Peña's "
          "tax plan.\n    tags: [energy]\n  - id: y\n    text: The plan of the tax.\n"
          "    note: check the plan\n    cites:\n      - source: s\n        quote: tax plan "
          "tax plan tax plan\nsources:\n  s:\n    title: Budget outlook\n    author: Ann Lee\n")
    return tmp_path


def addresses(folder: Path, query: str, *scopes: str) -> list[str]:
    return [h.address for h in search(open_project(folder), query, scopes)]


def test_case_and_accents_do_not_matter(small: Path) -> None:
    assert addresses(small, "PENA") == ["a/x"]
    assert addresses(small, "señor peña") == ["a/x"]


def test_a_phrase_matches_its_words_in_order(small: Path) -> None:
    assert addresses(small, '"tax plan"', "text") == ["a/x"]
    assert addresses(small, "tax plan", "text") == ["a/x", "a/y"]


def test_hits_are_ranked_best_first(small: Path) -> None:
    hits = search(open_project(small), "tax plan")
    assert (hits[0].address, hits[0].kind) == ("a/y", "quote")  # three times over
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)


@pytest.mark.parametrize(("scope", "found"), [
    ("quotes", ["a/y"]), ("text", ["a/x", "a/y", "a/y"]), ("tags", []), ("sources", [])])
def test_in_narrows_what_is_searched(small: Path, scope: str, found: list[str]) -> None:
    assert sorted(addresses(small, "plan", scope)) == found
    assert addresses(small, "energy", "tags") == ["a/x"]
    assert addresses(small, "lee budget", "sources") == ["a/s"]


def test_a_query_is_words_never_fts_syntax() -> None:
    assert fts_query('a-b "c d" NEAR(x) *') == '"a-b" AND "c d" AND "NEAR(x)"'
    assert fts_query("0\x00b") == '"0" AND "b"'  # SQLite would end the string at NUL
    with pytest.raises(UsageError, match="no word"):
        fts_query('" " *')


def test_the_index_rereads_only_changed_files(small: Path) -> None:
    write(small, "b.yaml", "question: Q?\nclaims:\n  - text: Other words.\n")
    project = open_project(small)
    assert addresses(small, "other") == ["b/c1"]
    db = sqlite3.connect(small / ".argmap-cache/search.sqlite3", isolation_level=None)
    assert update(open_project(small), db) == 0
    later = time.time_ns() + 10**9
    write(small, "b.yaml", "question: Q?\nclaims:\n  - text: New words.\n")
    os.utime(small / "b.yaml", ns=(later, later))
    assert update(open_project(small), db) == 1
    (small / "a.yaml").unlink()
    assert update(open_project(small), db) == 0
    assert db.execute("SELECT path FROM files").fetchall() == [("b.yaml",)]
    db.close()
    assert addresses(small, "plan") == [] and addresses(small, "new") == ["b/c1"]
    assert project.root == small


def test_runs_at_once_take_turns_and_agree(small: Path) -> None:
    for i in range(30):
        write(small, f"m{i}.yaml", f"question: Q?\nclaims:\n  - text: Shared word {i}.\n")
    found: list[int] = []
    errors: list[BaseException] = []

    def one() -> None:
        try:
            found.append(len(search(open_project(small), "shared", limit=100)))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and found == [30, 30, 30, 30]


@settings(max_examples=60)
@given(query=st.text(max_size=30))
def test_any_query_is_answered_or_refused_never_a_crash(query: str) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "argmap.toml").write_text("", encoding="utf-8")
        write(folder, "a.yaml", 'question: Q?\nclaims:\n  - text: "Quote \\" and * NEAR(x) '
              'AND OR - ^ text."\n')
        try:
            hits = search(open_project(folder), query)
        except UsageError as exc:
            assert str(exc) == "the query has no word to search for"
        else:
            assert all(h.address == "a/c1" for h in hits)
