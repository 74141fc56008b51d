"""Shell completion for ``argmap``: which shell, its script, and installing it.

The scripts are typer's: each calls ``argmap`` back with ``_ARGMAP_COMPLETE``
set, and click answers with the commands and options that fit. Where argmap
offers nothing (a path argument), every shell falls back to completing file
names.
"""

from __future__ import annotations

import os
from pathlib import Path

from argmap.errors import UsageError

PROG = "argmap"
#: The variable the scripts set when they ask argmap for completions.
COMPLETE_VAR = "_ARGMAP_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


class CompletionError(UsageError):
    """No supported shell was named or found; the message says what to do."""


def pick_shell(named: str) -> str:
    """The shell to complete for: the one named, else ``$SHELL``'s, else the parent shell.

    ``$SHELL`` comes before detecting the running shell so that the answer is
    the user's login shell, and does not depend on what started argmap.

    Raises:
        CompletionError: if the shell named is not supported, or none is found.
    """
    if named:
        if named not in SHELLS:
            raise CompletionError(f"cannot complete for the shell {named!r}; argmap "
                                  f"supports {', '.join(SHELLS)}")
        return named
    login = Path(os.environ.get("SHELL", "")).name
    if login in SHELLS:
        return login
    from typer._completion_shared import _get_shell_name

    running = _get_shell_name()
    if running in SHELLS:
        return str(running)
    raise CompletionError("cannot tell which shell you use; name it, as in "
                          "--show-completion bash")


def script(shell: str) -> str:
    """The completion script for ``shell`` (one of :data:`SHELLS`)."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell)


def install(shell: str) -> Path:
    """Install the script where ``shell`` reads it (``~/.bashrc`` and friends); return where."""
    from typer._completion_shared import install as typer_install

    return typer_install(shell=shell, prog_name=PROG, complete_var=COMPLETE_VAR)[1]


def enable() -> None:
    """Register typer's answer formats; needed before answering a completion request."""
    from typer._completion_classes import completion_init

    completion_init()
