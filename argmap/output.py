"""Where results go: files named after maps, a chosen file or folder, or stdout.

Files are written whole or not at all, and only once every result exists.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path


class OutputError(Exception):
    """The results cannot go where they were asked to; the message says why."""


def output_paths(ids: list[str], fmt: str, output: str | None,
                 binary: bool) -> list[Path | None]:
    """Where each map's result goes: a path, or None for stdout.

    ``output`` is ``-o``: None (``<map-id>.<format>`` here), ``-`` (stdout),
    a directory, or a file (one map only).

    Raises:
        OutputError: if the results cannot go there (several maps to one
            file, a binary format to a terminal).
    """
    if output == "-":
        if len(ids) > 1 and fmt != "dot":
            raise OutputError(f"{len(ids)} maps cannot share stdout as {fmt}; use -o DIRECTORY")
        if binary and sys.stdout.isatty():
            raise OutputError(f"not writing {fmt.upper()} to a terminal; use -o FILE or a pipe")
        return [None] * len(ids)
    if output is not None and not Path(output).is_dir():
        if len(ids) > 1:
            raise OutputError(f"{len(ids)} maps need a directory for -o, not a file")
        return [Path(output)]
    folder = Path(output) if output is not None else Path(".")
    return [folder / f"{map_id}.{fmt}" for map_id in ids]


def write_outputs(targets: list[Path | None], results: list[bytes],
                  wrote: Callable[[Path], None]) -> None:
    """Write each result to its target (stdout for None); call ``wrote`` after each file.

    Raises:
        OutputError: if a file cannot be written (it is left as it was).
    """
    for target, data in zip(targets, results, strict=True):
        if target is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            continue
        try:
            write_atomic(target, data)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror}") from exc
        wrote(target)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    A crash or a full disk leaves the old file (or none) in place, never half
    of a new one.
    """
    import tempfile  # only when writing files: it costs 3 ms of start-up

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
