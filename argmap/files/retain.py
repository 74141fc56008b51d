"""Keep what a one-shot command read until the process exits, instead of freeing it.

``argmap check`` and ``argmap render`` read maps, report or write, and exit, and
the command leaves with :func:`os._exit` (:mod:`argmap.__main__`), so nothing is
torn down at the end. Objects that go out of scope on the way are still freed one
by one: for a 100,000-statement map, its statements and its graph (about half a
million objects) cost 0.05-0.06 s of CPU to free, work nobody sees. :func:`keep`
holds them instead, once :mod:`argmap.__main__` has called :func:`keep_until_exit`
for such a command.

Each kind of thing has one slot, and keeping a new one frees the one before: a
folder of maps read one file (or chunk) after another stays as flat in memory as
before, and the last file's objects, the ones the exit would have freed, are the
ones kept. Only what is alive at the end anyway is worth keeping: the fast
reader's line records (0.02 s to free) would raise ``render``'s peak memory by a
fifth, so they are freed as before. A library caller, the tests and long-running
commands (``watch``, ``lsp``, ``serve``) never call :func:`keep_until_exit`, and
:func:`keep` does nothing.
"""

from __future__ import annotations

_kept: dict[str, object] | None = None


def keep_until_exit() -> None:
    """From now on, let :func:`keep` hold what it is given (the command line only)."""
    global _kept
    if _kept is None:
        _kept = {}


def keep(kind: str, thing: object) -> None:
    """Hold ``thing`` until the process exits, in place of the last thing of its ``kind``
    (which is freed now); nothing unless :func:`keep_until_exit` was called."""
    if _kept is not None:
        _kept[kind] = thing
