"""The ``argmap`` command and ``python -m argmap``.

The cyclic garbage collector is switched off here, before the CLI's imports:
a run is short, and importing typer and click alone triggers full
collections that rescan every object loaded so far (about 0.02 s a run).
Only the command does this; importing :mod:`argmap.cli` leaves it alone.
"""

import gc

gc.disable()

from argmap.cli import main  # noqa: E402

if __name__ == "__main__":
    main()
