"""``render --pages``: write each map's atlas where ``-o`` says, all files or none."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from argmap.atlas import AtlasOptions
from argmap.atlas.build import AtlasError, Progress, atlas_pdf, atlas_svg
from argmap.cli.output import Plan, place_files
from argmap.errors import OutputError
from argmap.graph import ArgumentGraph

__all__ = ["AtlasError", "write_atlases"]


def write_atlases(graphs: list[ArgumentGraph], plan: Plan, fmt: str, options: AtlasOptions,
                  timeout: float, say: Callable[[str], None]) -> None:
    """Make each map's atlas (pdf: one file; svg: an index and a file per page) and write.

    Raises:
        AtlasError: if a page cannot be laid out legibly.
        OutputError: for stdout with svg (several files).
        WriteError: if a file cannot be written (every file is left as it was).
    """
    files: list[tuple[Path, bytes]] = []
    out: list[bytes] = []
    for graph, target in zip(graphs, plan.targets, strict=True):
        progress = reporter(graph.id, say)
        if fmt == "pdf":
            out.append(atlas_pdf(graph, options, timeout, progress))
            if target is not None:
                files.append((target, out[-1]))
            continue
        if target is None:
            raise OutputError("-f svg --pages writes a file per page: use -o DIRECTORY or "
                              "-o INDEX.svg, not stdout")
        for name, data in atlas_svg(graph, options, timeout, target.stem, progress):
            files.append((target.parent / name, data))
    place_files(plan, files)
    for data in out if None in plan.targets else []:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    for path, _ in files:
        say(f"wrote {path}")


def reporter(map_id: str, say: Callable[[str], None]) -> Progress:
    """Report "page i of n" on stderr once laying out has taken over a second."""
    started = time.monotonic()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - started < 1.0 or (now - last[0] < 1.0 and done < total):
            return
        last[0] = now
        say(f"{map_id}: laid out page {done} of {total}")

    return progress
