"""The command line: typer only. Parse options, call the core, print, pick the exit code.

Exit codes: 0 clean, 1 problems in the input, 2 usage errors, 3 a bug in argmap.
Diagnostics go to stderr; stdout carries only what was asked for.
Heavy modules (ruamel, rich, graphviz) are imported inside the commands that
need them, so ``argmap --help`` stays fast.
"""

from __future__ import annotations

import gc
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    from argmap.workflow import Report

app = typer.Typer(
    name="argmap",
    help="Check, print and draw argument maps written in YAML.\n\n"
    "Example: argmap check maps/",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Paths = Annotated[
    list[Path],
    typer.Argument(exists=True, dir_okay=True, readable=True, show_default=False,
                   help="Map files, or directories to search for *.yaml and *.yml files."),
]


class CheckFormat(StrEnum):
    """Output formats of ``argmap check``."""

    text = "text"
    json = "json"


def use_color(stream: object) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


def fail(message: str, code: int = 2) -> NoReturn:
    """Print ``argmap: message`` on stderr and exit."""
    typer.echo(f"argmap: {message}", err=True)
    raise typer.Exit(code)


def load_or_fail(paths: list[Path], strict: bool = False) -> Report:
    """Load and check paths, print diagnostics; exit 1 when the maps cannot be used."""
    from argmap.workflow import check_paths

    report = check_paths(paths)
    if report.files == 0:
        fail("no *.yaml or *.yml files found under " + ", ".join(map(str, paths)))
    print_diagnostics(report, summary=False)
    if report.errors or (strict and report.warnings):
        typer.echo(report.summary(), err=True)
        raise typer.Exit(1)
    return report


def print_diagnostics(report: Report, summary: bool) -> None:
    """Write each diagnostic (and optionally the summary) to stderr."""
    from argmap.diagnostics import format_text

    text = format_text(report.diagnostics, color=use_color(sys.stderr))
    if text:
        sys.stderr.write(text)
    if summary:
        typer.echo(report.summary(), err=True)


@app.command()
def check(
    paths: Paths,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f",
                   help="text: diagnostics on stderr; json: diagnostics as JSON on stdout.")
                   ] = CheckFormat.text,
) -> None:
    """Check map files and report every problem as FILE:LINE:COL.

    Exits 0 when the maps are clean, 1 on errors (or on warnings with
    --strict), 2 on usage errors.

    Example: argmap check --strict maps/
    """
    from argmap.workflow import check_paths

    report = check_paths(paths)
    if report.files == 0:
        fail("no *.yaml or *.yml files found under " + ", ".join(map(str, paths)))
    if fmt is CheckFormat.json:
        from argmap.workflow import report_json

        sys.stdout.write(report_json(report))
    else:
        print_diagnostics(report, summary=True)
    if report.errors or (strict and report.warnings):
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the map format, for editors.

    The schema is also shipped as schema/argmap-1.schema.json. Start a map
    with this line and editors using the YAML language server validate and
    complete it:

    \b
      # yaml-language-server: $schema=../schema/argmap-1.schema.json

    Example: argmap schema > argmap.schema.json
    """
    from argmap.schema import schema_text

    sys.stdout.write(schema_text())


def command_names() -> list[str]:
    """The names of every registered command, in registration order."""
    return [c.name or (c.callback.__name__ if c.callback else "")
            for c in app.registered_commands]


def main() -> None:
    """Entry point: run the app; turn a crash into one line and exit code 3."""
    # A run is short and builds large acyclic trees: the cyclic collector
    # would only rescan them (2-7x slower loads of big maps).
    gc.disable()
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`argmap show ... | head`): not an error.
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:  # any other exception is a bug in argmap
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        print(f"argmap: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in argmap. Please report it with the command and the input "
              "that caused it (ARGMAP_DEBUG=1 shows the traceback).", file=sys.stderr)
        sys.exit(3)
