"""What every command shares below the CLI: colour, messages on stderr, loading maps.

``cli`` and the command modules (``argmap.cli.*``) import these from here,
so no command module imports ``cli`` (which imports them to register them).
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from argmap.cli.messages import fail, say
from argmap.cli.options import SourceFormat, printable
from argmap.files import MAX_BYTES, STDIN

__all__ = ["ColorMode", "fail", "load_or_fail", "print_diagnostics", "read_maps", "say",
           "use_color"]

if TYPE_CHECKING:
    from argmap.api import Document


class ColorMode(StrEnum):
    """When to colour output: ``--color``."""

    auto = "auto"
    always = "always"
    never = "never"


def use_color(stream: object, mode: ColorMode = ColorMode.auto) -> bool:
    """Whether to colour what goes to ``stream``.

    ``always`` and ``never`` say so. ``auto``: never when NO_COLOR is set
    (no-color.org), always when FORCE_COLOR is set (force-color.org; ``0``
    counts as unset, as in most tools), otherwise only on a terminal.
    """
    if mode is not ColorMode.auto:
        return mode is ColorMode.always
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") != "0":
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def as_path(arg: str) -> Path:
    """A path argument as a Path: ``-`` is standard input, ``./-`` a file named ``-``."""
    path = Path(arg)
    return path.absolute() if path == STDIN and arg != "-" else path


def read_maps(paths: list[str], max_bytes: int = MAX_BYTES,
              exclude: list[str] | None = None, reader: SourceFormat | None = None,
              rules: tuple[set[str], str | None, list[str] | None] | None = None,
              ) -> Document:
    """Load and check every map under ``paths``; a usage error when there are none.

    With ``rules`` (``check``: the warnings to report, the semantics and the side to
    judge from), the report keeps no maps, only the diagnostics and totals, and many
    files are read on every core (:func:`argmap.api.check_files`). The project file
    of this run (``--config``, or the one found) goes along (argmap.project).
    """
    import click

    from argmap.api import check_files, check_paths
    from argmap.cli.projectfile import PROJECT_META

    hint_stdin(paths)
    inputs = [as_path(p) for p in paths]
    name = None if reader is None else reader.value
    ctx = click.get_current_context(silent=True)
    found = None if ctx is None else ctx.find_root().meta.get(PROJECT_META)
    report = (check_paths(inputs, max_bytes, exclude or (), name, found) if rules is None
              else check_files(inputs, max_bytes, exclude or (), name, *rules,
                               project_file=found))
    if report.files == 0:
        fail("no *.yaml or *.yml files found under " + ", ".join(map(printable, paths)))
    return report


def hint_stdin(paths: list[str]) -> None:
    """Say on stderr that argmap waits for standard input, when ``-`` is read from a terminal.

    ``argmap check -`` typed without a pipe would wait for input in silence.
    """
    if "-" in paths and sys.stdin is not None and sys.stdin.isatty():
        say("reading a map from standard input (end with Ctrl-D)")


def load_or_fail(paths: list[str], max_bytes: int = MAX_BYTES, exclude: list[str] | None = None,
                 strict: bool = False, color: ColorMode = ColorMode.auto,
                 reader: SourceFormat | None = None) -> Document:
    """Load and check paths, print diagnostics; exit 1 when the maps cannot be used."""
    report = read_maps(paths, max_bytes, exclude, reader)
    print_diagnostics(report, summary=False, color=color)
    if report.errors or (strict and report.warnings):
        typer.echo(report.summary(), err=True)
        raise typer.Exit(1)
    return report


def print_diagnostics(report: Document, summary: bool,
                      color: ColorMode = ColorMode.auto) -> None:
    """Write each diagnostic (and optionally the summary) to stderr."""
    from argmap.diagnostics.formats import format_text

    text = format_text(report.diagnostics, color=use_color(sys.stderr, color))
    if text:
        sys.stderr.write(text)
    if summary:
        typer.echo(report.summary(), err=True)


