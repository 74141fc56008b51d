"""The errors argmap raises for problems a user can fix, each with its exit code.

Bad input is reported as diagnostics, not raised; these are for the rest: a
usage error (exit 2) such as an unknown ``--focus`` or nowhere to write, and
a failure outside the map (exit 1) such as Graphviz failing. The CLI prints
``argmap: message`` and exits with ``exit_code``; anything else is a bug.
"""

from __future__ import annotations


class ArgmapError(Exception):
    """A problem the user can fix; the message says what to do."""

    exit_code = 1

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(ArgmapError):
    """The command line asks for something that cannot be done (exit 2)."""

    exit_code = 2


class ViewError(UsageError, ValueError):
    """An option names something the map does not have (an unknown --focus)."""


class OutputError(UsageError):
    """The results cannot go where they were asked to; the message says why."""


class WriteError(OutputError):
    """Writing the results failed (disk full, no permission): nothing was changed."""

    exit_code = 1
