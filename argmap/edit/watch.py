"""``argmap watch``: re-render a map whenever it is saved.

Saves are seen with watchfiles, on the file's folder rather than the file,
because editors that save by writing a new file and renaming it over the old
one replace the inode a file watch would hold. Changes are grouped until the
folder has been quiet for 50 ms (an editor writing in several chunks, or
truncating then writing, makes one render), and an empty or missing file is
given up to 0.4 s to be written before it counts as a save.

A save with errors prints the diagnostics and leaves the last good output in
place. Every render runs in this one process, so after the first one only the
work is left: reading, checking, DOT and the layout (benchmarks/README.md).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.graph import ArgumentGraph
    from argmap.speeches import MapDefaults

#: Changes closer together than this are one save.
STEP_MS = 50
#: How often the file is compared with what was rendered, between events.
POLL_MS = 200
#: How long an empty or missing file may stay so before it counts as a save.
SETTLE_S = 0.4


@dataclass(frozen=True)
class WatchOptions:
    """What to render on each save; ``fmt`` None prints the tree in the terminal."""

    fmt: str | None = None
    output: Path | None = None
    direction: str = "TB"
    theme: str = "light"
    depth: int | None = None
    focus: str | None = None
    legend: bool = True
    reader: str | None = None  # --from: a reader of argmap.readers.READERS; None: YAML or sniffed
    evaluated: bool = False  # --eval: mark what stands
    semantics: str | None = None  # --semantics; None: the map's own, else grounded
    defaults: MapDefaults | None = None  # the project file's (a debate format, semantics)


def _say(message: str) -> None:
    from argmap.escape import terminal_visible

    sys.stderr.write(terminal_visible(message) + "\n")
    sys.stderr.flush()


def render(path: Path, data: bytes, options: WatchOptions) -> bool:
    """Render one version of the map; print diagnostics and return False if it has errors."""
    from argmap.diagnostics import Diagnostic, count
    from argmap.diagnostics.formats import format_text
    from argmap.graph import ViewError
    from argmap.readers import load_data
    from argmap.rules.format import MapIndex, run_rules
    from argmap.view import ViewOptions, cut_graphs

    started = time.monotonic()
    loaded = load_data(data, path, options.reader, options.defaults)
    diagnostics = list(loaded.diagnostics)
    for argmap in loaded.maps:
        diagnostics.extend(run_rules(MapIndex.of(argmap)))
    diagnostics.sort(key=Diagnostic.sort_key)
    sys.stderr.write(format_text(diagnostics))
    if count(diagnostics)[0]:
        _say(f"argmap: {path} has errors; {_kept(options)}")
        return False
    try:
        views = cut_graphs(loaded.maps, ViewOptions(options.focus, options.depth, None))
    except ViewError as exc:
        _say(f"argmap: {exc}; {_kept(options)}")
        return False
    statuses = None
    if options.evaluated:
        from argmap.analysis.evaluate import statuses as of

        statuses = {m.id: of(m, options.semantics, by="key") for m in loaded.maps}
    if options.fmt is None or options.output is None:
        _print_tree(views, statuses)
        return True
    if len(views) != 1:
        _say(f"argmap: {path} holds {len(views)} maps; watch draws one (use --focus); "
             f"{_kept(options)}")
        return False
    result = _draw(views[0], options, statuses)
    if result is None:
        return False
    from argmap.files.write import write_file

    try:
        write_file(options.output, result)
    except OSError as exc:
        _say(f"argmap: cannot write {options.output}: {exc.strerror}")
        return False
    _say(f"argmap: wrote {options.output} ({time.monotonic() - started:.2f} s)")
    return True


def _kept(options: WatchOptions) -> str:
    if options.output is None:
        return "waiting for the next save"
    return f"kept the last good {options.output}; waiting for the next save"


def _draw(graph: ArgumentGraph, options: WatchOptions,
          statuses: dict[str, dict[str, str]] | None = None) -> bytes | None:
    """The map in the chosen format, as ``render`` makes it (one registry, one export call)."""
    from argmap.errors import ArgmapError
    from argmap.exporters import EXPORTERS, ExportOptions

    assert options.fmt is not None
    spec = EXPORTERS[options.fmt]
    try:
        result = spec.export(graph, ExportOptions(
            False, options.theme, options.direction, options.legend,
            statuses=statuses if spec.marks else None,
            warn=lambda _, message: _say(f"argmap: {message}")))
    except ArgmapError as exc:  # a failed layout: keep the last good output
        _say(f"argmap: {exc}; {_kept(options)}")
        return None
    return result.encode("utf-8") if isinstance(result, str) else result


def _print_tree(views: Sequence[ArgumentGraph],
                statuses: dict[str, dict[str, str]] | None = None) -> None:
    import os

    from argmap.exporters.tree import TreeOptions, show_text

    tty = sys.stdout.isatty()
    width = os.get_terminal_size(sys.stdout.fileno()).columns if tty else None
    text = show_text(list(views), TreeOptions(width=width), tty, statuses)
    if tty:
        sys.stdout.write("\033[H\033[2J")  # clear the screen: the tree replaces the last one
    sys.stdout.write(text)
    sys.stdout.flush()


def _read(path: Path) -> bytes | None:
    """The map's bytes, read as every command reads a map (a regular file within the
    size limit), or None when it cannot be (gone, a FIFO, a device, too large)."""
    from argmap.files import read_input

    data = read_input(path)
    return data if isinstance(data, bytes) else None


def saves(path: Path, seen: bytes | None) -> Iterator[bytes | None]:
    """Yield the file's contents after each save (None if it is gone), until Ctrl-C.

    ``seen`` is what was rendered last. Between events the file is also
    compared with what was last seen, so a save made before the watcher
    started, or one a file system did not report, still counts.
    """
    import logging

    from watchfiles import watch as watch_folder

    # watchfiles logs its own line on Ctrl-C; argmap says "stopped watching".
    logging.getLogger("watchfiles").setLevel(logging.ERROR)
    target = path.absolute()
    pending_since: float | None = None
    for changes in watch_folder(target.parent, watch_filter=lambda _c, p: Path(p) == target,
                                step=STEP_MS, debounce=1600, rust_timeout=POLL_MS,
                                yield_on_timeout=True, recursive=False, raise_interrupt=False):
        data = _read(target)
        if changes or (pending_since is None and data != seen):
            pending_since = pending_since or time.monotonic()
        if pending_since is None:
            continue
        if not (data or b"").strip() and time.monotonic() - pending_since < SETTLE_S:
            continue  # truncated, or renamed away: the rest of the save is on its way
        pending_since = None
        if data != seen:
            seen = data
            yield data


def watch(path: Path, options: WatchOptions, once: bool = False) -> int:
    """Render now and after every save until Ctrl-C; return the exit code (0).

    ``once`` renders once and returns 0 or 1 (for tests and benchmarks).
    """
    from argmap.files import read_input

    first = read_input(path)
    if not isinstance(first, bytes):
        _say(f"argmap: cannot read {path}: {first.message}")
        return 1
    last: bytes | None = first
    good = render(path, first, options)
    if once:
        return 0 if good else 1
    _say(f"argmap: watching {path} (Ctrl-C to stop)")
    try:
        for data in saves(path, last):
            if data is None:
                _say(f"argmap: {path} is gone; {_kept(options)}")
            else:
                render(path, data, options)
    except KeyboardInterrupt:
        pass
    _say("argmap: stopped watching")
    return 0
