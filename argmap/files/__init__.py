"""Which files a command reads, and reading their bytes safely.

A directory argument means the map files below it, minus hidden entries,
virtual environments, dependency and cache folders, and ``--exclude``
patterns. ``-`` means standard input. Every input is read with a size limit,
and only regular files are opened: a FIFO or a device named as a path could
block a run for ever or feed it endless bytes (``/dev/zero``).

Light on purpose: the CLI imports this module for its defaults, and
``argmap --help`` must stay fast.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from argmap.diagnostics import Diagnostic

MAP_SUFFIXES = (".yaml", ".yml")
#: The path that means standard input, and how diagnostics and map ids name it.
STDIN, STDIN_NAME, STDIN_ID = Path("-"), "<stdin>", "stdin"
#: The default of ``--max-bytes``: far above any real map (the 100,000-statement
#: benchmark map is 12 MiB), far below what would exhaust memory.
MAX_BYTES = 64 * 1024 * 1024
#: Directories a directory argument never enters (besides hidden ones and
#: virtual environments): they hold other tools' YAML, never maps.
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})
_SIZE = re.compile(r"\s*(\d+(?:\.\d*)?)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a directory"))


def expand_paths(paths: Iterable[Path], exclude: Sequence[str] = ()) -> list[Path]:
    """Replace each directory by the map files below it, sorted; keep other paths.

    Below a directory, hidden files and directories (``.git``), virtual
    environments (any directory holding ``pyvenv.cfg``), ``node_modules``,
    ``__pycache__`` and whatever matches an ``exclude`` pattern (see
    :func:`excluded`) are skipped, and symbolic links to directories are not
    followed, so a link loop cannot hang the walk. Paths named directly are
    always kept, ``-`` (standard input) included. A file reached twice (named
    twice, or named and also below a directory argument, or through a link) is
    read once, at its first place: reading it again would only report its maps
    as duplicates of themselves.
    """
    found: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        for item in _walk(path, exclude) if path != STDIN and path.is_dir() else [path]:
            key = "-" if item == STDIN else os.path.realpath(item)
            if key not in seen:
                seen.add(key)
                found.append(item)
    return found


def _walk(root: Path, exclude: Sequence[str]) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        relative = here.relative_to(root)
        dirs[:] = [name for name in dirs if not name.startswith(".")
                   and name not in SKIPPED_DIRS
                   and not (here / name / "pyvenv.cfg").exists()
                   and not excluded(here / name, relative / name, exclude, directory=True)]
        for name in files:
            path = here / name
            if (name.startswith(".") or path.suffix not in MAP_SUFFIXES
                    or excluded(path, relative / name, exclude)):
                continue
            if path.is_file():  # follows a link; skips FIFOs and devices named *.yaml
                found.append(path)
    return sorted(found)


def excluded(path: Path, relative: Path, patterns: Sequence[str],
             directory: bool = False) -> bool:
    """Does any pattern match this entry of a directory walk?

    A pattern is a shell glob (``fnmatch``: ``*``, ``?``, ``[abc]``; ``*``
    also matches ``/``, so ``**`` works as in gitignore). It matches an entry
    when it matches the entry's name, its path relative to the directory
    argument, or its path as argmap prints it (``maps/drafts/x.yaml``). A
    pattern ending in ``/`` matches directories only; a leading ``**/`` may
    also match nothing.
    """
    if not patterns:
        return False
    names = (path.name, relative.as_posix(), path.as_posix())
    for pattern in patterns:
        if pattern.endswith("/"):
            if not directory:
                continue
            pattern = pattern.rstrip("/")
        alternatives = (pattern, pattern[3:]) if pattern.startswith("**/") else (pattern,)
        if any(fnmatchcase(name, p) for p in alternatives for name in names):
            return True
    return False


def read_input(path: Path, max_bytes: int = MAX_BYTES) -> bytes | Diagnostic:
    """The bytes of a map file (or of standard input for ``-``), or why they cannot be read.

    Reads at most ``max_bytes + 1`` bytes, so an oversized input costs no more
    memory than the limit. Anything but a regular file is refused before it
    is read: the path is checked with ``stat`` first (opening a FIFO for
    reading would wait for a writer), and opened without blocking in case it
    was replaced in between.
    """
    if path == STDIN:
        return _read_stdin(max_bytes)
    file = str(path)
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            return _not_regular(mode, file)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as stream:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return _not_regular(info.st_mode, file)
            if info.st_size > max_bytes:
                return _too_large(info.st_size, max_bytes, file)
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        return _error("unreadable", f"cannot read file: {exc.strerror}", file)
    if len(data) > max_bytes:  # the file grew since fstat, or reports no size (/proc)
        return _too_large(None, max_bytes, file)
    return data


def _read_stdin(max_bytes: int) -> bytes | Diagnostic:
    file = STDIN_NAME
    stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stream is None:  # Python sets sys.stdin to None when descriptor 0 is closed
        return _error("unreadable", "cannot read standard input: it is closed", file)
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return _error("unreadable", f"cannot read standard input: {exc.strerror}", file)
    if len(data) > max_bytes:
        return _too_large(None, max_bytes, file, "standard input")
    return data


def _error(code: str, message: str, file: str) -> Diagnostic:
    """An error at the start of ``file``; diagnostics load only when there is one."""
    from argmap.diagnostics import error
    from argmap.model import Span

    return error(code, message, Span(file, 1, 1))


def _not_regular(mode: int, file: str) -> Diagnostic:
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return _error("not-a-file", f"not a regular file but {kind}; argmap reads standard "
                  "input only through `-`", file)


def _too_large(size: int | None, limit: int, file: str, what: str = "file") -> Diagnostic:
    what += " is larger than" if size is None else f" is {format_size(size)}, over"
    return _error("too-large", f"{what} the {format_size(limit, exact=True)} limit "
                  "(--max-bytes)", file)


def format_size(size: int, exact: bool = False) -> str:
    """``70.0 MiB``, ``12.5 KiB``, ``900 bytes``; ``exact`` drops a ``.0`` (``64 MiB``)."""
    if size < 1024:
        return f"{size} byte{'' if size == 1 else 's'}"
    units = ("KiB", "MiB", "GiB", "TiB")
    value, index = size / 1024, 0
    while value >= 1024 and index < len(units) - 1:
        value, index = value / 1024, index + 1
    text = f"{value:.1f}"
    if exact and text.endswith(".0"):
        text = text[:-2]
    return f"{text} {units[index]}"


def parse_size(text: str) -> int:
    """Read a byte count: ``1000``, ``64M``, ``64MiB``, ``1.5G`` (K, M, G are powers of 1024).

    Raises:
        ValueError: if the text is not a positive size.
    """
    match = _SIZE.fullmatch(text)
    size = 0
    if match:
        number, scale = match[1], _UNITS[match[2].lower()]
        size = int(float(number) * scale) if "." in number else int(number) * scale
    if size < 1:
        raise ValueError(f"{text!r} is not a size: give bytes, or a number with K, M or G "
                         "(64M)")
    if size > MAX_SIZE:
        raise ValueError(f"{text!r} is more than any file argmap could read (at most "
                         f"{MAX_SIZE >> 40}T)")
    return size


#: the largest --max-bytes (a million TiB): far past it, reads fail on index-sized integers
MAX_SIZE = 1 << 60
