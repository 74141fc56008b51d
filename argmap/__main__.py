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
"""

import gc

gc.disable()

import os  # noqa: E402
import sys  # noqa: E402
from contextlib import suppress  # noqa: E402
from typing import NoReturn  # noqa: E402

from argmap.cli.app import main as run  # noqa: E402


def exit_status(code: object) -> int:
    """The status ``sys.exit(code)`` would give: None is 0; other non-ints print and give 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def main() -> NoReturn:
    """Run the command, flush its output, and leave without tearing the interpreter down."""
    try:
        run()
        status = 0
    except SystemExit as exc:
        status = exit_status(exc.code)
    for stream in (sys.stdout, sys.stderr):
        # The reader may have gone away (`argmap show ... | head`) or the
        # stream be closed already: then what is left has nowhere to go.
        with suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    main()
