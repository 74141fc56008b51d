"""The ``argmap`` command and ``python -m argmap``.

Two things here make a run of the command cheaper, and only the command does
them; importing :mod:`argmap.cli.app` (as the tests do) leaves the interpreter alone:

- The cyclic garbage collector is switched off before the CLI's imports: a
  run is short, and importing typer and click alone triggers full
  collections that rescan every object loaded so far (about 0.02 s a run).
- When the command is done, the process leaves with :func:`os._exit` once
  stdout and stderr are flushed. A normal exit would first run one more full
  collection over every object and free them one by one, which for a
  10,000-statement map takes 0.03-0.05 s and changes nothing anyone sees:
  files argmap writes are closed and renamed by then, and argmap registers
  no exit handlers.

- For ``check`` and ``render``, which read, write and exit, what the command
  reads is kept to the end instead of freed on the way (:mod:`argmap.files.retain`).

The CLI module is imported only when a command runs: ``argmap --version`` is
answered without it, as typer and click are most of a short run's start-up.
"""

import gc

gc.disable()

import errno  # noqa: E402
import io  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from contextlib import suppress  # noqa: E402
from typing import Any, NoReturn  # noqa: E402


def exit_status(code: object) -> int:
    """The status ``sys.exit(code)`` would give: None is 0; other non-ints print and give 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


class _Closed(io.RawIOBase):
    """Standard output when the shell closed it (``>&-``): writing says so, as a full disk would."""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _version() -> int:
    """``argmap --version``, as the CLI prints it (and fails on a stdout it cannot write)."""
    from argmap import __version__

    try:
        sys.stdout.write(f"argmap {__version__}\n")
        sys.stdout.flush()
    except OSError as exc:
        print(f"argmap: cannot write to standard output: {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    return 0


def main() -> NoReturn:
    """Run the command, flush its output, and leave without tearing the interpreter down."""
    if sys.stdout is None:  # started with stdout closed: the command finds out if it writes
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_Closed()), encoding="utf-8")
    try:
        if sys.argv[1:] == ["--version"]:
            status = _version()
        else:
            if sys.argv[1:2] in (["check"], ["render"]):
                from argmap.files.retain import keep_until_exit

                keep_until_exit()
            from argmap.cli.app import main as run

            run()
            status = 0
    except SystemExit as exc:
        status = exit_status(exc.code)
    for stream in (sys.stdout, sys.stderr):
        # The reader may have gone away (`argmap show ... | head`) or the
        # stream be closed already: then what is left has nowhere to go.
        with suppress(OSError, ValueError):
            if stream is not None:
                stream.flush()
    os._exit(status)


if __name__ == "__main__":
    main()
