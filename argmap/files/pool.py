"""Many files on every core: chunks of files, each handled in a worker process when that pays.

One small function, :func:`in_chunks`, for every command that reads a folder of maps
(``check``, ``render`` to a folder, ``render -f tables``): it splits the files into
chunks, runs one function over each chunk, and gives the results back in the files'
order, so what a command prints and its exit code are exactly a serial run's.
Small inputs stay in this process: starting workers and sending results back costs
about 0.3 s, about what a second core saves on 2-3 MB of maps (benchmarks/README.md,
"Corpus tables" and "Many files"). Chunks of at most :data:`CHUNK_FILES` files keep
one process's memory flat too.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

#: below this much input, one process does it all
PARALLEL_BYTES = 3 << 20
#: chunks per worker, so that one chunk of big maps does not leave a core idle
CHUNKS_PER_WORKER = 4
#: the most files in one chunk: the maps of one chunk are in memory at a time
CHUNK_FILES = 500

Arg = TypeVar("Arg")
Result = TypeVar("Result")


def in_chunks(work: Callable[[list[Path], Arg], Result], files: Sequence[Path], arg: Arg,
              preload: Sequence[str] = (), min_bytes: int | None = None) -> list[Result]:
    """``work(chunk, arg)`` for each chunk of ``files``, results in the files' order.

    The chunks run in worker processes when this process may use two cores or
    more and the files hold at least ``min_bytes`` (:data:`PARALLEL_BYTES` unless
    given; standard input, ``-``, is
    never sent to a worker); otherwise here, one after another. ``work`` must be
    a module-level function and ``arg`` picklable; ``preload`` names modules to
    import before the workers start, so each worker does not import them again.
    """
    files = list(files)
    workers = cores()
    parallel = (workers > 1 and len(files) > 1 and Path("-") not in files
                and total_size(files) >= (PARALLEL_BYTES if min_bytes is None else min_bytes))
    size = min(CHUNK_FILES, -(-len(files) // (workers * CHUNKS_PER_WORKER))) if parallel else (
        CHUNK_FILES)
    parts = [files[i:i + size] for i in range(0, len(files), size)]
    if not parallel:
        return [work(part, arg) for part in parts]
    from concurrent.futures import ProcessPoolExecutor
    from importlib import import_module

    for name in preload:  # forked workers inherit what is imported
        import_module(name)
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(work, parts, [arg] * len(parts)))


def total_size(files: Sequence[Path]) -> int:
    """The bytes of the files, as far as they can be seen (reading reports the rest)."""
    total = 0
    for file in files:
        with contextlib.suppress(OSError):
            total += file.stat().st_size
    return total


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
