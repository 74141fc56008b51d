"""Run a Graphviz layout on DOT text, under a time limit, with clear errors."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable

#: Past this many statements a `dot` layout takes many seconds (it grows about
#: as N^1.9: 1,000 in 0.2 s, 5,000 in 4.5 s, 10,000 in 17 s).
LARGE = 2000
DPI = {"png": 150}


def choose_engine(size: int, requested: str | None) -> tuple[str, str | None]:
    """The layout engine for a diagram of ``size`` statements, and what to tell the user.

    An engine the user asked for is kept (with a warning when `dot` meets a
    big map); otherwise `dot` up to LARGE statements and `sfdp` above.
    """
    if requested is None:
        if size <= LARGE:
            return "dot", None
        return "sfdp", (f"{size:,} statements, so using --engine sfdp (a dot layout this big "
                        "takes minutes); --depth or --focus draw less")
    if requested == "dot" and size > LARGE:
        return "dot", (f"{size:,} statements: a dot layout this big may take minutes; "
                       "--engine sfdp is much faster")
    return requested, None


class LayoutError(RuntimeError):
    """Graphviz is missing, failed, or ran out of time; the message says what to do."""


def command(engine: str, fmt: str) -> list[str]:
    """The Graphviz command line, from the graphviz package (it knows engines and formats)."""
    from graphviz.backend.dot_command import command as dot_command

    args = [f"-Gdpi={DPI[fmt]}"] if fmt in DPI else []
    return [*map(str, dot_command(engine, fmt)), *args]


def layout(dot: str, engine: str, fmt: str, timeout: float,
           on_slow: Callable[[], Callable[[], None]] | None = None,
           on_warning: Callable[[str], None] | None = None) -> bytes:
    """Lay out DOT text with ``engine`` into ``fmt`` bytes.

    ``on_slow`` is called once if the layout takes over a second (to start a
    spinner); the function it returns is called when the layout ends.
    ``on_warning`` receives each warning Graphviz printed, in plain words.

    Raises:
        LayoutError: with a message for the user.
    """
    if shutil.which("dot") is None:
        raise LayoutError(f"Graphviz is not installed, so argmap cannot make {fmt.upper()} "
                          "files. Install it (Debian/Ubuntu: sudo apt-get install graphviz; "
                          "macOS: brew install graphviz), or use -f dot for the DOT source.")
    proc = subprocess.Popen(command(engine, fmt), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stop: Callable[[], None] | None = None
    started = time.monotonic()
    data = dot.encode("utf-8")
    try:
        try:
            out, err = proc.communicate(data, timeout=min(1.0, timeout))
        except subprocess.TimeoutExpired:
            stop = on_slow() if on_slow is not None else None
            out, err = proc.communicate(timeout=max(0.0, timeout - (time.monotonic()
                                                                    - started)))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise LayoutError(f"the {engine} layout took longer than {timeout:g} s and was "
                          "stopped; try --engine sfdp, or draw less with --depth N or "
                          "--focus ID (or allow more time with --timeout)") from None
    finally:
        if stop is not None:
            stop()
    if proc.returncode != 0:
        message = " ".join(err.decode("utf-8", "replace").split()) or f"exit {proc.returncode}"
        raise LayoutError(f"Graphviz ({engine}) failed: {message}")
    if on_warning is not None:
        for warning in warnings(err.decode("utf-8", "replace"), fmt):
            on_warning(warning)
    return out


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
