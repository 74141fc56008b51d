"""Where results go: files named after maps, a chosen file or folder, or stdout.

Every command that writes files goes through :func:`write_file` (one file) or
:func:`write_files` (several, all or nothing), so they all treat symlinks,
devices, permissions and interruptions the same way.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NamedTuple, Protocol

from argmap.errors import OutputError, WriteError
from argmap.exporters import EXPORTERS, ExporterSpec

#: how many results are held as open anonymous files before committing; past
#: this, results wait in named temporary files (an fd each would hit ulimit -n)
MAX_ANONYMOUS = 64
TMP_MARK = ".argmap-tmp-"


class OutputFormat(Protocol):
    """What placing results needs to know of a format (an exporter, a brief format)."""

    @property
    def name(self) -> str: ...
    @property
    def suffixes(self) -> tuple[str, ...]: ...  # the first names new files
    @property
    def binary(self) -> bool: ...  # never written to a terminal
    @property
    def streams(self) -> bool: ...  # several results may share stdout


def choose_format(name: str | None, output: str | None) -> ExporterSpec:
    """The format to write: ``-f`` if given, else the one ``-o``'s extension names, else SVG.

    Raises:
        OutputError: if ``-f`` and ``-o``'s extension disagree, or ``-o`` has an
            extension that names no format, or several (``.txt``), and ``-f`` is
            missing.
    """
    from argmap.exporters import formats_with_suffix, known_suffixes, suffix_table

    suffix = "" if output in (None, "-") or is_folder(output) else Path(output).suffix.lower()
    writers = formats_with_suffix(suffix) if suffix else []
    if name is not None:
        if writers and name not in writers:
            raise OutputError(f"-f {name} does not match -o {output}, which names a "
                              f"{' or '.join(writers)} file; drop -f or change the extension")
        return EXPORTERS[name]
    if not suffix:
        return EXPORTERS["svg"]
    by_suffix = suffix_table().get(suffix)
    if by_suffix is not None:
        return EXPORTERS[by_suffix]
    if writers:
        raise OutputError(f"-o {output}: say which format with -f ({', '.join(writers)})")
    raise OutputError(f"cannot tell the format of -o {output} from its extension; use -f "
                      f"FORMAT or one of {', '.join(known_suffixes())}")


def is_folder(output: str) -> bool:
    """Whether ``-o`` names a directory: one that exists, or any path ending in a slash."""
    return output.endswith(("/", os.sep)) or Path(output).is_dir()


def default_stem(map_id: str, focus: str | None = None, depth: int | None = None,
                 side: str | None = None) -> str:
    """A result's file name without extension: ``<map>``, then ``--<focus>``,
    ``--depth<N>`` and ``--<side>`` for each option that cut the map down.

    So a partial drawing never takes the whole map's file
    (``nato--c1--depth2--pro.svg``).
    """
    parts = [map_id, *([focus] if focus else []), *([f"depth{depth}"] if depth else []),
             *([side] if side else [])]
    return "--".join(parts)


class Plan(NamedTuple):
    """Where each result goes (None: stdout), and a folder to create first, if any."""

    targets: list[Path | None]
    create: Path | None = None


def output_paths(stems: list[str], fmt: OutputFormat, output: str | None) -> Plan:
    """Where each map's result goes, given its default name ``stems[i]``.

    ``output`` is ``-o``: None (default names here), ``-`` (stdout), a
    directory (default names there; ``DIR/`` is created if missing), or a
    file (one map only).

    Raises:
        OutputError: if the results cannot go there (several maps to one file
            or a missing directory, a binary format to a terminal, two maps
            with one name).
    """
    if output == "-":
        if len(stems) > 1 and not fmt.streams:
            raise OutputError(f"{len(stems)} maps cannot share stdout as {fmt.name}; "
                              "use -o DIRECTORY")
        if fmt.binary and sys.stdout.isatty():
            raise OutputError(f"not writing {fmt.name.upper()} to a terminal; use -o FILE "
                              "or a pipe")
        return Plan([None] * len(stems))
    if output is not None and not is_folder(output):
        if len(stems) > 1:
            if Path(output).exists():
                raise OutputError(f"{len(stems)} maps need a directory for -o, not a file")
            raise OutputError(f"no such directory: {output} ({len(stems)} maps need a "
                              "directory for -o; end it with / to create it)")
        return Plan([Path(output)])
    folder = Path(output) if output is not None else Path(".")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"-o {output} is not a directory")
    paths = [folder / f"{stem}{fmt.suffixes[0]}" for stem in stems]
    seen: set[Path] = set()
    for target in paths:
        if target in seen:
            raise OutputError(f"two maps would both be written to {target}; give them "
                              "different ids")
        seen.add(target)
    targets: list[Path | None] = list(paths)
    return Plan(targets, None if folder.exists() else folder)


def refuse_inputs(plan: Plan, inputs: Iterable[str]) -> None:
    """Refuse a plan that would write over a file being read (``render map.yaml -f yaml``).

    Raises:
        OutputError: naming the first such target.
    """
    read = {os.path.realpath(path) for path in inputs}
    for target in plan.targets:
        if target is not None and os.path.realpath(target) in read:
            raise OutputError(f"not writing {target}: it is a map being read; choose another "
                              "name with -o")


def place_files(plan: Plan, files: list[tuple[Path, bytes]]) -> None:
    """Create the plan's folder if it asks for one, then write ``files``, all or none.

    Raises:
        WriteError: if a file cannot be written (every file is left as it was).
    """
    try:
        if plan.create is not None:
            plan.create.mkdir(parents=True, exist_ok=True)
        write_files(files)
    except OSError as exc:
        raise WriteError(f"cannot write {exc.filename}: {exc.strerror}") from exc


def write_outputs(plan: Plan, results: list[bytes], wrote: Callable[[Path], None]) -> None:
    """Write each result where ``plan`` says (stdout for None), all files or none.

    Raises:
        WriteError: if a file cannot be written (every file is left as it was).
    """
    place_files(plan, [(t, data) for t, data in zip(plan.targets, results, strict=True)
                       if t is not None])
    for target, data in zip(plan.targets, results, strict=True):
        if target is None:
            to_stdout(data)
        else:
            wrote(target)


def to_stdout(data: bytes) -> None:
    """Write a text result to stdout: exact bytes into a pipe or file, but on a
    terminal with every control and bidi character from user text made visible
    (:func:`argmap.escape.terminal_visible`), as ``show`` prints it.

    Binary formats never get here on a terminal (:func:`output_paths` refuses).
    """
    if sys.stdout.isatty():
        from argmap.escape import terminal_visible

        text = data.decode("utf-8", "replace")
        data = terminal_visible(text, multiline=True).encode("utf-8", "replace")
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def write_file(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` safely: the one way argmap writes a file.

    - A regular file (or a new one) is replaced whole or not at all: the bytes
      go to an anonymous file (Linux ``O_TMPFILE``) that is linked into place
      only when complete, so an interrupted write leaves no trace; elsewhere a
      temporary ``.NAME.argmap-tmp-XXXX`` beside it is renamed over it.
    - An existing file keeps its permission bits (and owner, where allowed);
      a new file gets 0666 less the umask, like any program's output.
    - A symlink is written through: its target gets the new content and the
      link stays a link.
    - Anything else that exists, such as ``/dev/null``, ``/dev/stdout``, a FIFO
      or a terminal, is opened and written to, never replaced.

    Data is not fsync'ed: a power cut may lose it, but no crash of argmap
    leaves half a file.

    Raises:
        OSError: with ``filename`` set, if the file cannot be written.
    """
    write_files([(path, data)])


def write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """:func:`write_file` for several files: every one is prepared before any is put in place.

    Raises:
        OSError: if a file cannot be prepared (then none is written) or put in place.
    """
    staged: list[_Staged] = []
    try:
        for i, (path, data) in enumerate(files):
            with _named(path):
                staged.append(_stage(path, data, anonymous=i < MAX_ANONYMOUS))
        for (path, _), item in zip(files, staged, strict=True):
            with _named(path):
                item.commit()
    finally:
        for item in staged:
            item.discard()


class _Staged:
    """One result ready to be put at ``path``: in an open anonymous file, a named
    temporary file, or (for a device, FIFO or the like) only in memory."""

    def __init__(self, path: Path, data: bytes, fd: int | None = None,
                 tmp: Path | None = None, flags: int = os.O_WRONLY) -> None:
        self.path, self.data, self.fd, self.tmp, self.flags = path, data, fd, tmp, flags

    def commit(self) -> None:
        """Put the result in place."""
        if self.fd is not None:
            self._link()
        elif self.tmp is not None:
            os.replace(self.tmp, self.path)
            self.tmp = None
        else:
            _write_into(self.path, self.data, self.flags)

    def _link(self) -> None:
        assert self.fd is not None
        source = f"/proc/self/fd/{self.fd}"
        try:  # a new file appears whole, under its own name, in one step
            os.link(source, self.path, follow_symlinks=True)
            return
        except FileExistsError:
            pass
        # link() cannot replace a file: give it a name for the instant before the rename
        self.tmp = _temp_name(self.path)
        os.link(source, self.tmp, follow_symlinks=True)
        os.replace(self.tmp, self.path)
        self.tmp = None

    def discard(self) -> None:
        """Free what is left: the anonymous file, or a named one not yet renamed."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)
            self.tmp = None


def _stage(path: Path, data: bytes, anonymous: bool) -> _Staged:
    """Write ``data`` where it can wait until every result is ready."""
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if st is not None and not stat.S_ISREG(st.st_mode):
        return _Staged(path, data)  # a device or FIFO is written to, never replaced
    target = _through_links(path, st)
    if target is None:  # e.g. /proc/self/fd/1 to a deleted file: write in place
        return _Staged(path, data, flags=os.O_WRONLY | os.O_TRUNC)
    if anonymous and _links_anonymous(target.parent):
        fd = os.open(target.parent, os.O_TMPFILE | os.O_WRONLY, 0o666)
        staged = _Staged(target, data, fd=fd)
    else:
        tmp = _temp_name(target)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        staged = _Staged(target, data, tmp=tmp)
    try:
        _fill(fd, data, st)
    except BaseException:
        staged.discard()
        raise
    finally:
        if staged.fd is None:  # a named file is complete once written; discard() closes fd
            os.close(fd)
    return staged


_ANONYMOUS_OK: dict[int, bool] = {}  # st_dev -> whether anonymous files can be linked there


def _links_anonymous(folder: Path) -> bool:
    """Whether an ``O_TMPFILE`` file in ``folder`` can be linked into place.

    Needs Linux, a file system that supports it and a /proc whose fd links
    ``link()`` follows (some sandboxes refuse with EXDEV): tried once per
    file system with a throw-away file.
    """
    if not hasattr(os, "O_TMPFILE"):
        return False
    device = os.stat(folder).st_dev
    if device not in _ANONYMOUS_OK:
        try:
            fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o600)
        except OSError as exc:
            # EISDIR: a kernel without O_TMPFILE; EOPNOTSUPP: a file system without it
            if exc.errno not in (errno.EISDIR, errno.EOPNOTSUPP, errno.EINVAL):
                raise
            _ANONYMOUS_OK[device] = False
            return False
        probe = _temp_name(folder / "probe")
        try:
            os.link(f"/proc/self/fd/{fd}", probe, follow_symlinks=True)
            probe.unlink()
            _ANONYMOUS_OK[device] = True
        except OSError:
            _ANONYMOUS_OK[device] = False
        finally:
            os.close(fd)
    return _ANONYMOUS_OK[device]


def _through_links(path: Path, st: os.stat_result | None) -> Path | None:
    """The file a symlink at ``path`` leads to (``path`` itself if it is none).

    None when the link leads somewhere no name reaches (a deleted file behind
    ``/proc/self/fd``): then the file can only be written in place.
    """
    if not path.is_symlink():
        return path
    resolved = Path(os.path.realpath(path))
    if st is None:
        return resolved  # a dangling link: create its target
    try:
        return resolved if os.path.samestat(os.stat(resolved), st) else None
    except OSError:
        return None


def _fill(fd: int, data: bytes, old: os.stat_result | None) -> None:
    """Write all of ``data`` to ``fd`` and give it the old file's mode and owner."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    if old is not None:
        os.fchmod(fd, stat.S_IMODE(old.st_mode) & 0o777)
        if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
            # only root may give a file away; otherwise it is ours now
            with suppress(PermissionError):
                os.fchown(fd, old.st_uid, old.st_gid)


@contextmanager
def _named(path: Path) -> Iterator[None]:
    """Report an OSError under the name the user gave, not a temporary or a folder's."""
    try:
        yield
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def _write_into(path: Path, data: bytes, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _temp_name(path: Path) -> Path:
    """A fresh, clearly argmap's name beside ``path``: ``.NAME.argmap-tmp-XXXXXXXX``."""
    return path.with_name(f".{path.name}{TMP_MARK}{os.urandom(4).hex()}")
