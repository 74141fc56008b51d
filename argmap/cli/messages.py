"""The two ways a command speaks on stderr: a line (:func:`say`), or a stop (:func:`fail`)."""

from __future__ import annotations

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
