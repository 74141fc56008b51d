"""Many files on both cores (argmap.files.pool): the same output and exit code as one core."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.api import apply_rules, check_files, check_paths
from argmap.cli.app import app
from argmap.files import pool
from argmap.rules.select import selected
from tests.conftest import FIXTURES

runner = CliRunner()
ROOT = FIXTURES.parent.parent
INPUTS = [FIXTURES / "valid", FIXTURES / "invalid", ROOT / "maps"]


def on_two_cores(monkeypatch: pytest.MonkeyPatch, chunk: int = 3) -> None:
    """Make the pool use workers for any input, in small chunks."""
    monkeypatch.setattr(pool, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(pool, "CHUNK_FILES", chunk)
    monkeypatch.setattr(pool, "cores", lambda: 2)


def check(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *args, "--color", "never"])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("args", [[], ["-f", "json"], ["-f", "github"], ["--strict"],
                                  ["--ignore", "unused-source"]])
def test_check_on_two_cores_prints_what_one_core_does(monkeypatch: pytest.MonkeyPatch,
                                                      args: list[str]) -> None:
    paths = [str(p) for p in INPUTS]
    one = check(*paths, *args)
    on_two_cores(monkeypatch)
    assert check(*paths, *args) == one
    assert one[0] == 1  # the invalid fixtures


def test_check_files_reports_what_check_paths_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """The report without maps: same diagnostics, totals and map count as the API's."""
    codes = selected(None, None)
    whole = check_paths(INPUTS)
    apply_rules(whole, codes)
    on_two_cores(monkeypatch)
    report = check_files(INPUTS, codes=codes)
    assert (report.diagnostics, report.files, report.statements, report.sources,
            report.summary()) == (whole.diagnostics, whole.files, whole.statements,
                                  whole.sources, whole.summary())
    assert report.maps == [] and report.map_count == len(whole.maps)


def test_a_duplicate_map_id_across_chunks_is_reported_as_by_one_core(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a", "b", "c", "d"):
        (tmp_path / f"{name}.yaml").write_text("id: same\nquestion: Q?\nclaims:\n  - text: C.\n",
                                               encoding="utf-8")
    one = check(str(tmp_path))
    on_two_cores(monkeypatch, chunk=1)
    assert check(str(tmp_path)) == one
    assert one[2].count("map id 'same' is already used by the map at") == 3
    assert one[2].count(f"{tmp_path}/a.yaml:1 [duplicate-map-id]") == 3


def test_in_chunks_keeps_the_order_and_stays_serial_for_small_inputs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted((FIXTURES / "valid").glob("*.yaml"))
    assert pool.in_chunks(_names, files, "x") == [[f"x{f.name}" for f in files]]
    monkeypatch.setattr(pool, "CHUNK_FILES", 2)
    monkeypatch.setattr(pool, "cores", lambda: 2)
    chunks = pool.in_chunks(_names, files, "x", min_bytes=1)
    assert [name for chunk in chunks for name in chunk] == [f"x{f.name}" for f in files]
    assert len(chunks) > 1


def _names(files: list[Path], prefix: str) -> list[str]:
    return [prefix + f.name for f in files]


def render(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["render", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["json", "markdown", "mermaid", "argdown", "yaml"])
def test_render_on_two_cores_writes_what_one_core_does(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       fmt: str) -> None:
    inputs = [str(FIXTURES / "valid"), str(ROOT / "maps")]
    one = render(*inputs, "-f", fmt, "-o", f"{tmp_path}/one/", "--depth", "3")
    on_two_cores(monkeypatch)
    two = render(*inputs, "-f", fmt, "-o", f"{tmp_path}/two/", "--depth", "3")
    assert (two[0], two[1], two[2].replace("/two/", "/one/")) == one
    written = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert written == sorted(p.name for p in (tmp_path / "two").iterdir()) and written
    for name in written:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_render_on_two_cores_streams_and_refuses_as_one_core_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    valid, invalid = str(FIXTURES / "valid"), str(FIXTURES / "invalid")
    cases = [[valid, "-f", "dot", "-o", "-"], [valid, "-f", "json", "-o", "-"],
             [valid, invalid, "-f", "json", "-o", "-"],
             [valid, "-f", "markdown", "-o", str(tmp_path / "one.md")]]
    one = [render(*args) for args in cases]
    on_two_cores(monkeypatch)
    assert [render(*args) for args in cases] == one
    assert [code for code, _, _ in one] == [0, 2, 1, 2]


def test_many_new_files_can_all_wait_as_anonymous_files() -> None:
    """Each result waits in an open anonymous file (linked into place when complete, no
    rename), as far as the limit on open files can be raised to hold them."""
    import resource

    from argmap.files import write

    assert write._anonymous_budget(10) == 10
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        budget = write._anonymous_budget(3000)
        raised = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        if hard == resource.RLIM_INFINITY or hard >= 3000 + write.FD_RESERVE:
            assert budget == 3000 and raised >= 3000 + write.FD_RESERVE
        else:
            assert budget == max(write.MAX_ANONYMOUS, hard - write.FD_RESERVE)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
