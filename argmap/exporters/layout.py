"""Run a Graphviz layout on DOT text, under a time limit, with clear errors."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import IO, Any

from argmap.errors import ArgmapError

#: Past this many statements a `dot` layout costs more than six times reading
#: the map (it grows about as N^1.9: 1,000 in 0.2 s, 2,000 in 0.5 s, 10,000 in
#: 17 s), so argmap lays the tree out itself ("tidy": linear, Graphviz only
#: draws). Up to here `dot` stays: its pictures are the ones users know, and it
#: routes cross-links around boxes, which the tidy layout does not.
LARGE = 2000
#: Past this many statements one picture cannot be read at print size (8 pt text
#: on A4 holds a few dozen boxes a page): argmap says so and suggests --pages.
LEGIBLE = 300
#: after this many seconds a layout is slow: on_slow starts a spinner
SLOW = 1.0
PAGES = "-f pdf --pages prints it as an atlas of legible pages"
DPI = {"png": 150}


def choose_engine(size: int, requested: str | None) -> tuple[str, str | None]:
    """The layout engine for a diagram of ``size`` statements, and what to tell the user.

    An engine the user asked for is kept (with a warning when `dot` meets a
    big map); otherwise `dot` up to LARGE statements and `tidy` above. Past
    LEGIBLE statements the note says the picture cannot be read at print size
    and suggests ``--pages``.
    """
    if requested is None:
        if size <= LEGIBLE:
            return "dot", None
        if size <= LARGE:
            return "dot", f"{size:,} statements are too many to read in one picture; {PAGES}"
        return "tidy", (f"{size:,} statements, so using --engine tidy (a dot layout this big "
                        "takes minutes); zoom in to read it, or "
                        f"{PAGES}; --depth or --focus draw less")
    if requested == "dot" and size > LARGE:
        return "dot", (f"{size:,} statements: a dot layout this big may take minutes; "
                       "--engine tidy is much faster")
    return requested, None


class LayoutError(ArgmapError):
    """Graphviz is missing, failed, or ran out of time; the message says what to do."""


def command(engine: str, fmt: str) -> list[str]:
    """The Graphviz command line (``dot -K<engine> -T<fmt>``, as the graphviz package
    writes it; building it ourselves spares a picture that package's 40-80 ms import).
    """
    args = [f"-Gdpi={DPI[fmt]}"] if fmt in DPI else []
    if engine == "tidy":  # argmap placed everything: neato only draws (see exporters.tidy)
        return ["dot", "-Kneato", f"-T{fmt}", "-n2", *args]
    return ["dot", f"-K{engine}", f"-T{fmt}", *args]


def layout(dot: str, engine: str, fmt: str, timeout: float,
           on_slow: Callable[[], Callable[[], None]] | None = None,
           on_warning: Callable[[str], None] | None = None) -> bytes:
    """Lay out DOT text with ``engine`` into ``fmt`` bytes, checked to be whole.

    Graphviz runs in a process group of its own, killed whole when the time
    is up or argmap is interrupted, so no ``dot`` (or a wrapper's children)
    outlives argmap. ``on_slow`` is called once if the layout takes over a
    second (to start a spinner); the function it returns is called when the
    layout ends. ``on_warning`` receives each warning Graphviz printed, in
    plain words.

    Raises:
        LayoutError: with a message for the user.
    """
    if shutil.which("dot") is None:
        raise LayoutError(f"Graphviz is not installed, so argmap cannot make {fmt.upper()} "
                          "files. Install it (Debian/Ubuntu: sudo apt-get install graphviz; "
                          "macOS: brew install graphviz), or use -f dot for the DOT source.")
    proc = subprocess.Popen([*_dies_with_parent(), *command(engine, fmt)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    with _group_dies_with_us(proc):
        out, err = _communicate(proc, dot.encode("utf-8"), engine, timeout, on_slow)
    stderr = err.decode("utf-8", "replace")
    if proc.returncode != 0:
        message = " ".join(stderr.split()) or f"exit {proc.returncode}"
        raise LayoutError(f"Graphviz ({engine}) failed: {message}")
    problem = broken_output(out, fmt, stderr)
    if problem:
        raise LayoutError(f"Graphviz ({engine}) made a broken {fmt.upper()}: {problem}; "
                          "nothing was written")
    if on_warning is not None:
        for warning in warnings(stderr, fmt):
            on_warning(warning)
    return out


def _communicate(proc: subprocess.Popen[bytes], data: bytes, engine: str, timeout: float,
                 on_slow: Callable[[], Callable[[], None]] | None) -> tuple[bytes, bytes]:
    stop: Callable[[], None] | None = None
    started = time.monotonic()
    # The input goes in from a thread of its own: retried after a timeout, Python's
    # communicate() (3.11) writes none of the input it has not yet written, so
    # Graphviz waited for the rest until the time limit whenever writing took over
    # SLOW seconds (a big map, a batch of atlas pages, a busy machine).
    pipe, proc.stdin = proc.stdin, None
    threading.Thread(target=_feed, args=(pipe, data), daemon=True).start()
    try:
        try:
            return proc.communicate(timeout=min(SLOW, timeout))
        except subprocess.TimeoutExpired:
            stop = on_slow() if on_slow is not None else None
            return proc.communicate(timeout=max(0.0, timeout - (time.monotonic() - started)))
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        advice = "try --engine tidy, or draw less" if engine == "dot" else "draw less"
        raise LayoutError(f"the {engine} layout took longer than {timeout:g} s and was "
                          f"stopped; {advice} with --depth N or --focus ID (or allow more "
                          "time with --timeout)") from None
    finally:
        if stop is not None:
            stop()


def _feed(pipe: IO[bytes] | None, data: bytes) -> None:
    """Write all of ``data`` to Graphviz's input and close it (it reads to the end)."""
    if pipe is None:
        return
    with contextlib.suppress(OSError, ValueError):  # Graphviz gone: killed, or failed
        pipe.write(data)
    with contextlib.suppress(OSError, ValueError):
        pipe.close()


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill Graphviz and everything it started; wait without reading its pipes.

    A child that escaped the group may still hold them open: reading to the
    end would wait for it.
    """
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()
    proc.wait()


class _Signalled(BaseException):
    """argmap got SIGINT, SIGTERM or SIGHUP while a layout ran."""


@contextlib.contextmanager
def _group_dies_with_us(proc: subprocess.Popen[bytes]) -> Iterator[None]:
    """Kill ``proc``'s process group when argmap is interrupted or the block fails.

    Graphviz has a session of its own (so a timeout can kill it whole), which
    also keeps a terminal's Ctrl-C from reaching it: on SIGINT, SIGTERM or
    SIGHUP argmap kills it, then takes the signal as it would have without
    a layout running (dying of it, or KeyboardInterrupt for SIGINT).
    """
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in _SIGNALS:
            handler = signal.getsignal(signum)
            if handler is not signal.SIG_IGN:  # nohup's SIGHUP stays ignored
                previous[signum] = signal.signal(signum, _raise_signalled)
    try:
        yield
    except _Signalled as exc:
        _kill_group(proc)
        signum = exc.args[0]
        signal.signal(signum, previous.pop(signum))
        _restore(previous)
        signal.raise_signal(signum)
        raise SystemExit(128 + signum) from None  # a handler that did not end us
    except BaseException:
        _kill_group(proc)
        raise
    finally:
        _restore(previous)
    _kill_group(proc)  # what a finished dot left running in its group dies too


_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")
                 if hasattr(signal, name))


@functools.cache
def _dies_with_parent() -> tuple[str, ...]:
    """What makes Graphviz die with argmap even when argmap cannot clean up (SIGKILL, a
    crash): on Linux, util-linux's ``setpriv`` sets the kernel's parent-death signal and
    execs dot in its place. Elsewhere the signal handlers above are all there is.

    (Not ``preexec_fn``: the atlas lays out pages from two threads, where Python code
    between fork and exec may deadlock.)
    """
    found = shutil.which("setpriv") if sys.platform.startswith("linux") else None
    return (found, "--pdeathsig", "KILL", "--") if found else ()


def _raise_signalled(signum: int, frame: object) -> None:
    raise _Signalled(signum)


def _restore(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)
    previous.clear()


def broken_output(data: bytes, fmt: str, stderr: str) -> str | None:
    """Why Graphviz's ``fmt`` output is unusable, or None when it looks whole.

    Graphviz exits 0 even when cairo fails and only prints the error (a
    ``'`` in a link URL gives a 444-byte PDF without a page), so the bytes
    are checked as well as its stderr.
    """
    for line in stderr.splitlines():
        if _RENDER_ERROR.search(line):
            return line.strip()
    whole = {
        "pdf": data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        and re.search(rb"/Type\s*/Page\b", data) is not None,
        "png": data.startswith(b"\x89PNG\r\n\x1a\n") and data[-8:-4] == b"IEND",
        "svg": data.rstrip().endswith(b"</svg>"),
    }.get(fmt, True)
    return None if whole else f"the {fmt.upper()} is incomplete"


#: cairo's and pango's own errors: Graphviz passes them on as plain lines
_RENDER_ERROR = re.compile(r"^\s*cairo: |\b(?:Pango|Cairo)-(?:CRITICAL|ERROR)\b")




def warnings(stderr: str, fmt: str) -> list[str]:
    """Graphviz's warnings, with advice where argmap has some."""
    found = []
    for line in stderr.splitlines():
        line = line.strip()
        if not line:
            continue
        if "Scaling by" in line:
            found.append(f"the diagram is too large for a {fmt.upper()} bitmap, so Graphviz "
                         "shrank it and small text may be unreadable; use -f svg or -f pdf, "
                         "or draw less with --depth N or --focus ID")
        else:
            found.append(f"Graphviz: {line}")
    return found
