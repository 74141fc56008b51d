"""watch: a real process that survives a bad save and renders the next good one."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.edit.operations import add_statement
from argmap.edit.write import NewStatement
from tests.conftest import FIXTURES
from tests.helpers import ctrl_c_as_in_a_terminal

ROOT = FIXTURES.parent.parent
MAP = ROOT / "maps/nato-promise.yaml"
runner = CliRunner()


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 20) -> None:
    """Poll until ``condition`` holds; fail after ``seconds`` (a bound, not a sleep)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.02)


@contextmanager
def watching(tmp_path: Path, start: Path
             ) -> Iterator[tuple[subprocess.Popen[bytes], Path, Path, Path]]:
    """``argmap watch`` of a copy of ``start`` into DOT, its stderr in a file; killed after."""
    source, output, log = tmp_path / "m.yaml", tmp_path / "m.dot", tmp_path / "stderr.txt"
    source.write_bytes(start.read_bytes())
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "argmap", "watch", str(source),
                                 "-f", "dot", "-o", str(output)],
                                stdout=subprocess.DEVNULL, stderr=err,
                                env={**os.environ, "NO_COLOR": "1"},
                                preexec_fn=ctrl_c_as_in_a_terminal)
    try:
        yield proc, source, output, log
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.fixture
def watcher(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Path, Path, Path]]:
    with watching(tmp_path, MAP) as found:
        yield found


def test_watch_survives_a_bad_save_and_renders_the_next_good_one(
        watcher: tuple[subprocess.Popen[bytes], Path, Path, Path]) -> None:
    proc, source, output, log = watcher
    wait_for(lambda: "watching" in log.read_text(), "the first render")
    first = output.read_bytes()
    assert b"not one inch" in first

    source.write_text(MAP.read_text() + "oops: [\n")
    wait_for(lambda: "has errors" in log.read_text(), "the diagnostics of a bad save")
    assert re.search(r"m\.yaml:\d+:\d+: error: .*\[yaml-syntax\]", log.read_text())
    assert output.read_bytes() == first  # the last good output stays

    # An editor that saves by writing a new file and renaming it over the old one.
    fresh = source.with_name(".m.yaml.swp")
    fresh.write_text(MAP.read_text().replace("not one inch", "not one centimetre"))
    os.replace(fresh, source)
    wait_for(lambda: b"not one centimetre" in output.read_bytes(), "the next good render")
    # the file is in place a moment before its `wrote` line: Ctrl-C only after that line
    wait_for(lambda: log.read_text().count("argmap: wrote") == 2, "the second `wrote` line")

    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=10) == 0
    assert "Traceback" not in log.read_text() and "KeyboardInterrupt" not in log.read_text()
    assert log.read_text().endswith(")\nargmap: stopped watching\n")  # nothing else on Ctrl-C


def test_truncate_then_write_makes_one_render(
        watcher: tuple[subprocess.Popen[bytes], Path, Path, Path]) -> None:
    proc, source, output, log = watcher
    wait_for(lambda: "watching" in log.read_text(), "the first render")
    with open(source, "wb") as handle:  # truncate, pause, write in two parts
        handle.flush()
        time.sleep(0.1)
        text = MAP.read_bytes().replace(b"not one inch", b"not one mile")
        handle.write(text[:100])
        handle.flush()
        handle.write(text[100:])
    wait_for(lambda: b"not one mile" in output.read_bytes(), "the render of the new text")
    assert "error" not in log.read_text()
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=10) == 0


def test_once_renders_what_render_renders(tmp_path: Path) -> None:
    out = tmp_path / "w.dot"
    result = runner.invoke(cli.app, ["watch", str(MAP), "-f", "dot", "-o", str(out), "--once"])
    assert result.exit_code == 0
    rendered = runner.invoke(cli.app, ["render", str(MAP), "-f", "dot", "-o", "-"])
    assert out.read_text() == rendered.stdout


def test_watch_needs_an_output_for_a_format() -> None:
    result = runner.invoke(cli.app, ["watch", str(MAP), "-f", "dot"])
    assert (result.exit_code, result.stderr) == (
        2, "argmap: give -o FILE to render to, or neither -f nor -o to print the tree\n")


def test_watch_takes_the_format_from_the_output_as_render_does(tmp_path: Path) -> None:
    out = tmp_path / "m.dot"
    result = runner.invoke(cli.app, ["watch", str(MAP), "-o", str(out), "--once"])
    assert result.exit_code == 0, result.stderr
    assert out.read_text().startswith("digraph")
    clash = runner.invoke(cli.app, ["watch", str(MAP), "-f", "svg", "-o", str(tmp_path / "x.png")])
    assert (clash.exit_code, clash.stderr) == (
        2, f"argmap: -f svg does not match -o {tmp_path / 'x.png'}, which names a png file; "
        "drop -f or change the extension\n")


def statement_order(dot: str) -> list[str]:
    """The start of each statement's label, in the order the DOT declares them."""
    labels = re.findall(r"^  n\d+ \[label=<(.*)>, ", dot, re.MULTILINE)
    return [re.sub(r"^[+−⊘](&#160;| )", "", re.sub(r"<[^>]*>", "", label))[:25]
            for label in labels]


def test_an_edit_keeps_the_order_of_the_other_statements(tmp_path: Path) -> None:
    before = runner.invoke(cli.app, ["render", str(MAP), "-f", "dot", "-o", "-"]).stdout
    edited = tmp_path / "m.yaml"
    edited.write_text(add_statement(MAP.read_text(), NewStatement("Inserted early on."),
                                    "baker-germany", "pro"))
    after = runner.invoke(cli.app, ["render", str(edited), "-f", "dot", "-o", "-"]).stdout
    old, new = statement_order(before), statement_order(after)
    assert len(old) > 10 and len(new) == len(old) + 1
    assert [label for label in new if not label.startswith("Inserted")] == old


def test_without_format_it_reprints_the_tree(tmp_path: Path) -> None:
    source, out = tmp_path / "m.yaml", tmp_path / "stdout.txt"
    source.write_text("question: Q?\nclaims:\n  - text: First answer.\n")
    with open(out, "wb") as stdout:
        proc = subprocess.Popen([sys.executable, "-m", "argmap", "watch", str(source)],
                                stdout=stdout, stderr=subprocess.DEVNULL,
                                env={**os.environ, "NO_COLOR": "1"},
                                preexec_fn=ctrl_c_as_in_a_terminal)
    try:
        wait_for(lambda: "First answer." in out.read_text(), "the first tree")
        source.write_text("question: Q?\nclaims:\n  - text: Second answer.\n")
        wait_for(lambda: "Second answer." in out.read_text(), "the tree after a save")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert out.read_text() == "Q?\n└── ◆ First answer.\nQ?\n└── ◆ Second answer.\n"


LINKED = FIXTURES / "valid/linked.yaml"


@pytest.mark.parametrize("suffix", ["dot", "svg"])
def test_once_renders_a_linked_map_as_render_does(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"w.{suffix}"
    result = runner.invoke(cli.app, ["watch", str(LINKED), "-o", str(out), "--once"])
    assert result.exit_code == 0, result.stderr
    rendered = runner.invoke(cli.app, ["render", str(LINKED), "-f", suffix, "-o", "-"])
    assert rendered.exit_code == 0
    assert out.read_text() == rendered.stdout
    assert "Transit has spare capacity" in out.read_text()


def test_watch_renders_a_new_linked_argument(tmp_path: Path) -> None:
    from argmap.edit.operations import add_argument

    with watching(tmp_path, LINKED) as (proc, source, output, log):
        wait_for(lambda: "watching" in log.read_text(), "the first render")
        source.write_text(add_argument(LINKED.read_text(), [
            NewStatement("Deliveries move to the night."), NewStatement("Nights are quiet.")],
            2, "toll-instead", "con"))
        wait_for(lambda: b"Nights are quiet." in output.read_bytes(), "the render of the edit")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    assert "error" not in log.read_text()
    expected = runner.invoke(cli.app, ["render", str(source), "-f", "dot", "-o", "-"]).stdout
    assert output.read_text() == expected
