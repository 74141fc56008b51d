"""What a command writes: its result on stdout (:func:`to_stdout`, :func:`write_stdout`),
a line on stderr
(:func:`say`), or a stop (:func:`fail`)."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from argmap.errors import ArgmapError
from argmap.escape import terminal_visible


def say(message: str) -> None:
    """Print ``argmap: message`` on stderr; user text in it (file names, ids) is made visible.

    Every line argmap itself writes on stderr starts so (``argmap: wrote x.svg``),
    apart from diagnostics, which start with the place they point at.
    """
    typer.echo(terminal_visible(f"argmap: {message}"), err=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Stop the command: ``argmap: message`` on stderr, exit ``code`` (2: a usage error).

    It raises :class:`~argmap.errors.ArgmapError`, which the one handler
    (:class:`~argmap.cli.options.ArgmapGroup`) prints and turns into the exit code.

    Messages quote file names and command-line values: they are made visible
    (escape.terminal_visible), so a control character or a newline in them
    cannot reach the terminal raw or start a line of its own.
    """
    raise ArgmapError(message, code)


def to_stdout(data: bytes) -> None:
    """Write a text result to stdout: exact bytes into a pipe or file, but on a
    terminal with every control and bidi character from user text made visible
    (:func:`argmap.escape.terminal_visible`), as ``show`` prints it.

    Binary formats never get here on a terminal (:func:`argmap.cli.output.output_paths` refuses).
    """
    if sys.stdout.isatty():
        text = data.decode("utf-8", "replace")
        data = terminal_visible(text, multiline=True).encode("utf-8", "replace")
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader went away (`| head`): main() ends quietly
    except OSError as exc:
        raise ArgmapError(f"cannot write to standard output: {exc.strerror or exc}", 1) from None


def write_stdout(text: str) -> None:
    """Write text argmap made terminal-safe itself (``show``'s tree, with its colours),
    or that holds no user text; a full disk or a closed stdout is one line and exit 1."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise ArgmapError(f"cannot write to standard output: {exc.strerror or exc}", 1) from None
