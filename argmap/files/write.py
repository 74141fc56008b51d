"""Writing files safely: one file, or several all or nothing.

Every command that writes files goes through :func:`write_file` (one file) or
:func:`write_files` (several, all or nothing), so they all treat symlinks,
devices, permissions and interruptions the same way.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

#: how many results are always held as open anonymous files before committing; more
#: as far as the limit on open files can be raised (:func:`_anonymous_budget`), and
#: past that, results wait in named temporary files
MAX_ANONYMOUS = 64
TMP_MARK = ".argmap-tmp-"


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
    for folder in {path.parent for path, _ in files}:
        _sweep(folder)
    anonymous = _anonymous_budget(len(files))
    try:
        with _signals_unwind():
            for i, (path, data) in enumerate(files):
                with _named(path):
                    _stage(path, data, anonymous=i < anonymous, into=staged)
            for (path, _), item in zip(files, staged, strict=True):
                with _named(path):
                    item.commit()
    except _Signalled as exc:
        for item in staged:  # the temporary files go first, then argmap, as the signal says
            item.discard()
        signal.raise_signal(exc.args[0])
        raise SystemExit(128 + exc.args[0]) from None
    finally:
        for item in staged:
            item.discard()


#: open files kept free for everything else while results wait in anonymous files
FD_RESERVE = 256


def _anonymous_budget(count: int) -> int:
    """How many of ``count`` results may wait in open anonymous files.

    An anonymous file becomes a new file in one ``link()``: no temporary name, no
    rename (which cost 5 s for 10,000 new outputs, benchmarks/README.md). Each waits as
    an open file, so the soft limit on open files is raised, within the hard limit, to
    hold them all; past what it allows, the rest wait in named temporary files.
    """
    if count <= MAX_ANONYMOUS:
        return count
    try:
        import resource
    except ImportError:  # not on POSIX
        return MAX_ANONYMOUS
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = count + FD_RESERVE
    if soft != resource.RLIM_INFINITY and soft < wanted:
        raised = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        with suppress(OSError, ValueError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
            soft = raised
    room = count if soft == resource.RLIM_INFINITY else soft - FD_RESERVE
    return max(MAX_ANONYMOUS, min(count, room))


class _Signalled(BaseException):
    """SIGTERM or SIGHUP arrived while files were being written."""


@contextmanager
def _signals_unwind() -> Iterator[None]:
    """While files are written, SIGTERM and SIGHUP (where they would end argmap) unwind
    the write as :class:`_Signalled`, so its temporary files can go; SIGINT is
    KeyboardInterrupt already. Outside the main thread Python cannot catch signals."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    taken = [n for n in _SIGNALS if signal.getsignal(n) == signal.SIG_DFL]

    def unwind(signum: int, frame: object) -> None:
        raise _Signalled(signum)

    for signum in taken:
        signal.signal(signum, unwind)
    try:
        yield
    finally:
        for signum in taken:
            signal.signal(signum, signal.SIG_DFL)


_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                 if hasattr(signal, name))


def _sweep(folder: Path) -> None:
    """Remove temporary files a killed argmap left in ``folder`` (SIGKILL leaves no time to
    clean up): ``.NAME.argmap-tmp-PID-XXXX`` whose process is gone."""
    try:
        names = os.listdir(folder if str(folder) else ".")
    except OSError:
        return
    for name in names:
        if not name.startswith(".") or TMP_MARK not in name:
            continue
        pid = name.rpartition(TMP_MARK)[2].partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            with suppress(OSError):
                os.unlink(folder / name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


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


def _stage(path: Path, data: bytes, anonymous: bool, into: list[_Staged]) -> None:
    """Write ``data`` where it can wait until every result is ready, and add it to ``into``
    before any file exists, so a signal at any moment leaves nothing behind."""
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if st is not None and not stat.S_ISREG(st.st_mode):
        into.append(_Staged(path, data))  # a device or FIFO is written to, never replaced
        return
    target = _through_links(path, st)
    if target is None:  # e.g. /proc/self/fd/1 to a deleted file: write in place
        into.append(_Staged(path, data, flags=os.O_WRONLY | os.O_TRUNC))
        return
    if anonymous and _links_anonymous(target.parent):
        staged = _Staged(target, data)
        into.append(staged)
        fd = staged.fd = os.open(target.parent, os.O_TMPFILE | os.O_WRONLY, 0o666)
    else:
        staged = _Staged(target, data, tmp=_temp_name(target))
        into.append(staged)  # discard() removes the name if it comes to exist
        assert staged.tmp is not None
        fd = os.open(staged.tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        _fill(fd, data, st)
    finally:
        if staged.fd is None:  # a named file is complete once written; discard() closes fd
            os.close(fd)


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
    """A fresh, clearly argmap's name beside ``path``: ``.NAME.argmap-tmp-PID-XXXXXXXX``
    (the process id lets a later run tell a killed run's leftovers from a live one's)."""
    return path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}-{os.urandom(4).hex()}")
