"""Graphviz as a process: time limits, signals, broken output, and what it is told."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.exporters.layout import LayoutError, broken_output, layout
from argmap.graph import walk
from argmap.readers import load_path
from argmap.view import view_graph
from tests.conftest import FIXTURES
from tests.helpers import ctrl_c_as_in_a_terminal

runner = CliRunner()
FULL = str(FIXTURES / "valid/full.yaml")
ARGMAP = [sys.executable, "-m", "argmap"]


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its parent to reap it does not)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.fixture
def fake_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A `dot` that records its pid and a child's, holds stdout open in that child
    and sleeps: a wrapper script that never finishes. Yields the pid file."""
    pids = tmp_path / "pids"
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\nsleep 1000 &\necho $$ $! > {pids}.tmp\n"
                    f"mv {pids}.tmp {pids}\nsleep 1000\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:{os.environ['PATH']}")
    yield pids
    if pids.exists():  # never leave the test's own sleepers behind
        for pid in map(int, pids.read_text().split()):
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def wait_for(path: Path) -> list[int]:
    deadline = time.monotonic() + 20
    while not path.exists():
        assert time.monotonic() < deadline, "the fake dot never started"
        time.sleep(0.05)
    return list(map(int, path.read_text().split()))


def gone(pids: list[int], within: float = 10) -> bool:
    """True once none of ``pids`` is alive: a killed process takes a moment to go on a
    loaded machine, so poll instead of sleeping a fixed time."""
    deadline = time.monotonic() + within
    while any(alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_timeout_kills_a_wrapper_and_its_children(fake_dot: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    result = subprocess.run([*ARGMAP, "render", FULL, "--timeout", "1", "-o",
                             str(tmp_path / "x.svg")], capture_output=True, timeout=60,
                            check=False)
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert result.stderr.decode() == (
        "argmap: the dot layout took longer than 1 s and was stopped; try --engine tidy, or "
        "draw less with --depth N or --focus ID (or allow more time with --timeout)\n")
    assert gone(wait_for(fake_dot))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT,
                                    signal.SIGQUIT])
def test_layout_dies_with_argmap(fake_dot: Path, tmp_path: Path, signum: int) -> None:
    with subprocess.Popen([*ARGMAP, "render", FULL, "-o", str(tmp_path / "x.svg")],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          preexec_fn=ctrl_c_as_in_a_terminal) as proc:
        pids = wait_for(fake_dot)
        proc.send_signal(signum)
        proc.wait(30)
    # Ctrl-C ends argmap as KeyboardInterrupt does (130); the others as the signal
    assert proc.returncode == (130 if signum == signal.SIGINT else -signum)
    assert gone(pids), [pid for pid in pids if alive(pid)]
    assert not (tmp_path / "x.svg").exists()


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="needs util-linux's setpriv")
def test_layout_dies_with_argmap_killed_outright(fake_dot: Path, tmp_path: Path) -> None:
    # SIGKILL leaves argmap no handler: the kernel's parent-death signal ends the layout
    with subprocess.Popen([*ARGMAP, "render", FULL, "-o", str(tmp_path / "x.svg")],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as proc:
        layout_pid = wait_for(fake_dot)[0]
        proc.kill()
        proc.wait(30)
    assert gone([layout_pid])
    assert not (tmp_path / "x.svg").exists()


def test_sfdp_timeout_does_not_suggest_sfdp(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "dot"
    fake.write_text("#!/bin/sh\nsleep 5\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    with pytest.raises(LayoutError) as caught:
        layout("digraph {}", "sfdp", "svg", 1)
    assert str(caught.value) == (
        "the sfdp layout took longer than 1 s and was stopped; draw less with --depth N or "
        "--focus ID (or allow more time with --timeout)")


@pytest.mark.parametrize("value", ["inf", "nan", "-inf", "0", "0.5", "86401", "1e300"])
def test_timeout_must_be_sensible(value: str) -> None:
    result = runner.invoke(cli.app, ["render", FULL, "-f", "dot", "-o", "-", "--timeout",
                                     value])
    assert result.exit_code == 2
    shown = f"{float(value):g}"
    assert (f"Invalid value for '--timeout': {shown} is not a number of seconds from 1 to "
            "86400 (a day)") in result.stderr


# -- broken output is an error, and nothing is replaced --------------------------

QUOTE_IN_URL = """argmap: 1
id: quote
question: Does a quote in a URL break the PDF?
claims:
  - text: It did once.
    cites: [s1]
sources:
  s1:
    title: A source
    url: "https://example.com/it's"
"""


def test_cairo_failure_is_an_error(tmp_path: Path) -> None:
    # cairo fails on a raw ' in a PDF link and Graphviz only warns: a 444-byte
    # PDF without a page, exit 0. argmap no longer writes such a URL (below),
    # so the DOT is written by hand here.
    dot = 'digraph { a [label="x", URL="https://example.org/it\'s"]; }'
    with pytest.raises(LayoutError, match=r"^Graphviz \(dot\) made a broken PDF: cairo: "):
        layout(dot, "dot", "pdf", 30)


def test_broken_layout_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    def broken(*args: object, **kwargs: object) -> bytes:
        raise LayoutError("Graphviz (dot) made a broken PDF: cairo: out of memory; nothing was "
                          "written")

    monkeypatch.setattr("argmap.exporters.layout.layout", broken)
    source = tmp_path / "quote.yaml"
    source.write_text(QUOTE_IN_URL)
    target = tmp_path / "quote.pdf"
    target.write_bytes(b"old")
    result = runner.invoke(cli.app, ["render", str(source), "-o", str(target)])
    assert (result.exit_code, result.stderr) == (
        1, "argmap: Graphviz (dot) made a broken PDF: cairo: out of memory; nothing was "
        "written\n")
    assert target.read_bytes() == b"old"


def test_quote_in_a_source_url_makes_a_whole_pdf(tmp_path: Path) -> None:
    source = tmp_path / "quote.yaml"
    source.write_text(QUOTE_IN_URL)
    target = tmp_path / "quote.pdf"
    result = runner.invoke(cli.app, ["render", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert broken_output(target.read_bytes(), "pdf", "") is None


def test_broken_output() -> None:
    png = b"\x89PNG\r\n\x1a\n...\x00\x00\x00\x00IEND\xaeB`\x82"
    assert broken_output(png, "png", "") is None
    assert broken_output(png[:-8], "png", "") == "the PNG is incomplete"
    pdf = b"%PDF-1.5\n<< /Type /Page\n>>\n%%EOF\n"
    assert broken_output(pdf, "pdf", "") is None
    assert broken_output(pdf.replace(b"/Page", b"/Pages"), "pdf", "") == (
        "the PDF is incomplete")
    assert broken_output(b"<svg>\n</svg>\n", "svg", "") is None
    assert broken_output(b"<svg>\n<g>", "svg", "") == "the SVG is incomplete"
    assert broken_output(b"<svg></svg>", "svg", "(dot:1): Pango-CRITICAL **: bad") == (
        "(dot:1): Pango-CRITICAL **: bad")
    assert broken_output(b"<svg></svg>", "svg", "Warning: no font\n") is None


# -- what the engine choice is told ----------------------------------------------

def many_refs(tmp_path: Path, refs: int) -> Path:
    path = tmp_path / "refs.yaml"
    path.write_text("argmap: 1\nid: refs\nquestion: Is one premise enough?\nclaims:\n"
                    "  - id: one\n    text: One premise.\n  - text: Many pointers.\n"
                    "    pro:\n" + "      - ref: one\n" * refs)
    return path


def test_refs_do_not_count_as_statements(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = many_refs(tmp_path, 2500)
    graph = view_graph(load_path(path).maps[0])
    assert (len(walk(graph)), len(graph.statements)) == (2502, 2)
    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\ncat > /dev/null\necho '<svg></svg>'\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:/usr/bin:/bin")
    result = runner.invoke(cli.app, ["render", str(path), "-o", str(tmp_path / "x.svg")])
    # one premise listed 2,500 times under one parent: duplicate links, which the map's
    # warnings say; nothing about the engine
    said = [line for line in result.stderr.splitlines()
            if not line.endswith("[duplicate-link]")]
    assert (result.exit_code, said) == (0, [f"argmap: wrote {tmp_path / 'x.svg'}"])


def test_a_layout_whose_input_is_still_being_written_when_it_turns_slow_finishes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: the retry after the first (1 s) wait passed no input, and Python then
    # wrote none of the rest: Graphviz waited for it until the time limit.
    import argmap.exporters.layout as module

    monkeypatch.setattr(module, "SLOW", 0.0001)
    lines = [f'  n{i} [pos="{i},0", label="{"x" * 200}"];' for i in range(5_000)]
    dot = "digraph {\n" + "\n".join(lines) + "\n}\n"  # 1 MB: more than a pipe holds
    assert module.layout(dot, "tidy", "svg", 30, None).endswith(b"</svg>\n")
