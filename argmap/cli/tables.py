"""``render -f tables``: one folder of CSV tables for a whole corpus (docs/tables.md).

Unlike the other formats, which give each map its own result, the tables hold
every map's rows, so this path reads the corpus itself: the files are split
into chunks, and each chunk is loaded, checked and turned into CSV rows in a
worker process when there are enough files for that to pay (reading a map
costs about a millisecond, starting the workers a fraction of a second; see
benchmarks/tables.py). Workers send back CSV text and diagnostics, never maps,
so little crosses between processes. The tables are written all or none, only
when no map has errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import typer

from argmap.cli.console import as_path, fail, hint_stdin, print_diagnostics, say
from argmap.cli.messages import to_stdout
from argmap.cli.options import printable
from argmap.cli.output import Plan, place_files
from argmap.files import expand_paths

if TYPE_CHECKING:
    from argmap.api import Document
    from argmap.diagnostics import Diagnostic
    from argmap.model import Span
    from argmap.view import ViewOptions

#: where the tables go without -o
DEFAULT_FOLDER = "tables"


class Job(NamedTuple):
    """What to read and how to cut it: render's options that bear on tables."""

    max_bytes: int
    reader: str | None
    view: ViewOptions
    evaluated: bool
    semantics: str | None = None  # --semantics; None: each map's own, else grounded


class Chunk(NamedTuple):
    """What one chunk of files gave: diagnostics and totals, map ids, CSV rows by file."""

    report: Document  # without its maps: only diagnostics and totals cross back
    ids: list[tuple[str, Span]]
    tables: dict[str, str]
    kept: int  # maps the cut kept (--focus: those that have the statement)


def write_tables(paths: list[str], output: str | None, exclude: list[str], job: Job) -> None:
    """Read every map under ``paths`` and write its tables to ``output`` (a folder, or -)."""
    from argmap.api import Document
    from argmap.diagnostics import Diagnostic
    from argmap.exporters.tables import csv_files

    hint_stdin(paths)
    files = expand_paths([as_path(p) for p in paths], exclude)
    if not files:
        fail("no *.yaml or *.yml files found under " + ", ".join(map(printable, paths)))
    chunks = _read(files, job)
    report = Document(diagnostics=[d for c in chunks for d in c.report.diagnostics],
                    files=len(files))
    report.statements = sum(c.report.statements for c in chunks)
    report.sources = sum(c.report.sources for c in chunks)
    report.diagnostics += _duplicate_ids([c.ids for c in chunks])
    report.diagnostics.sort(key=Diagnostic.sort_key)
    print_diagnostics(report, summary=False)
    if report.errors:  # the summary counts the maps, which stayed in the chunks
        maps = sum(len(c.ids) for c in chunks)
        rest = report.summary().split(", ", 1)[1]
        typer.echo(f"{maps} map{'' if maps == 1 else 's'}, {rest}", err=True)
        raise typer.Exit(1)
    if job.view.focus is not None and not any(c.kept for c in chunks):
        fail(f"no map has a statement '{job.view.focus}'", 1)
    header = csv_files([], labels=job.evaluated)
    texts = {name: head + "".join(c.tables.get(name, "") for c in chunks)
             for name, head in header.items()}
    _place(texts, output)


def _read(files: list[Path], job: Job) -> list[Chunk]:
    """Each chunk of files read, in order: in worker processes when that pays
    (:func:`argmap.files.pool.in_chunks`).

    Chunks keep memory flat in one process too: only one chunk's maps are held
    at a time, and the rest of the corpus is CSV text.
    """
    from argmap.files.pool import in_chunks

    return in_chunks(read_chunk, files, job, preload=(
        "argmap.analysis.evaluate", "argmap.api", "argmap.exporters.tables",
        "argmap.readers.yaml.load"))


def read_chunk(files: list[Path], job: Job) -> Chunk:
    """Load and check ``files``, and make the CSV rows (no header) of each map in them."""
    from argmap.analysis.evaluate import statuses
    from argmap.api import check_paths
    from argmap.errors import ViewError
    from argmap.exporters.tables import csv_files, map_rows
    from argmap.graph import build_graph
    from argmap.view import cut

    report = check_paths(files, job.max_bytes, (), job.reader)
    ids = [(m.id, m.span) for m in report.maps]
    rows = []
    if not report.errors:
        for m in report.maps:
            try:
                graph = cut(build_graph(m), job.view)
            except ViewError:  # --focus: this map has no such statement
                continue
            labels = statuses(m, job.semantics, by="key") if job.evaluated else None
            rows.append(map_rows(graph, labels))
    report.maps = []
    return Chunk(report, ids, csv_files(rows, job.evaluated, header=False), len(rows))


def _duplicate_ids(chunks: list[list[tuple[str, Span]]]) -> list[Diagnostic]:
    """``duplicate-map-id`` for maps in different chunks (each chunk reports its own)."""
    from argmap.diagnostics import error

    first: dict[str, tuple[int, Span]] = {}
    found = []
    for n, ids in enumerate(chunks):
        for map_id, span in ids:
            chunk, earlier = first.setdefault(map_id, (n, span))
            if chunk == n:
                continue
            found.append(error("duplicate-map-id", f"map id '{map_id}' is already used by "
                               f"the map at {earlier.file}:{earlier.line}", span))
    return found


def _place(texts: dict[str, str], output: str | None) -> None:
    """Write the tables into the folder ``output`` (created if missing), or to stdout."""
    if output == "-":
        to_stdout("\n".join(f"==> {name} <==\n{text}" for name, text in texts.items())
                  .encode("utf-8"))
        return
    folder = Path(output or DEFAULT_FOLDER)
    if (folder.exists() and not folder.is_dir()) or (
            not folder.exists() and folder.suffix.lower() == ".csv"):
        fail(f"-f tables writes a folder of CSV files; -o {output} names a file: name a "
             "directory (DIR/)")
    files = [(folder / name, text.encode("utf-8")) for name, text in texts.items()]
    place_files(Plan([], None if folder.exists() else folder), files)  # all or none
    for path, _ in files:
        say(f"wrote {path}")
