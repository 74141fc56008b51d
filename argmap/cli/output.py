"""Where results go: files named after maps, a chosen file or folder, or stdout.

The files themselves are written by :mod:`argmap.files.write` (one file, or
several all or nothing), so every command treats symlinks, devices,
permissions and interruptions the same way.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from argmap.cli.messages import say, to_stdout
from argmap.errors import OutputError, WriteError
from argmap.exporters import EXPORTERS, ExporterSpec
from argmap.files.write import write_file, write_files

if TYPE_CHECKING:
    from argmap.cli.options import SourceFormat
    from argmap.exporters import ExportOptions
    from argmap.graph import ArgumentGraph
    from argmap.model import ArgumentMap
    from argmap.project import Project

__all__ = ["choose_format", "output_paths", "to_stdout", "write_file", "write_files"]

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
    refuse_overwrite(plan.targets, inputs)


def refuse_overwrite(targets: Iterable[str | os.PathLike[str] | None],
                     inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse to write over a file being read, also through a symlink (every command that
    writes: render, brief, import, watch).

    Raises:
        OutputError: naming the first such target (exit 2).
    """
    read = {os.path.realpath(path) for path in inputs}
    for target in targets:
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




def stems(graphs: list[ArgumentGraph], depth: int | None, side: str | None) -> list[str]:
    """Each (cut) graph's file name without extension (:func:`default_stem`)."""
    return [default_stem(g.id, g.focus and g.address(g.focus), depth, side) for g in graphs]


def write_views(maps: list[ArgumentMap], spec: ExporterSpec, output: str | None,
                cut: tuple[str | None, int | None, str | None], options: ExportOptions,
                for_: list[str] | None = None, project: Project | None = None) -> None:
    """``render``: each map cut alike, exported, written where ``-o`` says (or named after it).

    The places are checked before anything is drawn: an output that would
    overwrite an input, or a file for several maps, stops the command first.
    Maps of one ``project`` rendered together link to each other's pages (html).
    """
    from argmap.api import views

    graphs = views(maps, *cut, for_=for_, project=project)
    plan = output_paths(stems(graphs, cut[1], cut[2]), spec, output)
    refuse_inputs(plan, {m.span.file for m in maps})
    if project is not None and len(graphs) > 1 and None not in plan.targets:
        options = options._replace(pages={g.id: os.path.basename(str(path)) for g, path
                                          in zip(graphs, plan.targets, strict=True)})
    write_outputs(plan, [as_bytes(spec.export(g, options)) for g in graphs],
                  lambda path: say(f"wrote {path}"))


def as_bytes(result: str | bytes) -> bytes:
    """An export's result as the bytes to write (text is UTF-8)."""
    return result.encode("utf-8") if isinstance(result, str) else result


def write_exports(paths: list[str], spec: ExporterSpec, output: str | None,
                  cut: tuple[int | None, str | None], options: ExportOptions,
                  reading: tuple[int, list[str] | None, SourceFormat | None]) -> bool:
    """``render`` in a text format without ``--focus`` or ``--eval``: what
    :func:`write_views` does after :func:`argmap.cli.console.load_or_fail`, with the maps
    read and exported in chunks on every core when there are many
    (:func:`argmap.api.export_files`). The messages, their order and the exit code
    are the same. False, with nothing said or written, for maps whose names cross files
    (a project, format 1.2): the caller renders those with the project's names resolved.
    """
    import typer

    from argmap.api import export_files
    from argmap.cli.console import as_path, fail, hint_stdin, print_diagnostics
    from argmap.cli.options import printable
    from argmap.cli.projectfile import project_file

    max_bytes, exclude, reader = reading
    hint_stdin(paths)
    report, exported = export_files([as_path(p) for p in paths], spec.name, options,
                                    max_bytes=max_bytes, exclude=exclude or (),
                                    reader=None if reader is None else reader.value,
                                    depth=cut[0], side=cut[1], project_file=project_file())
    if report.files == 0:
        fail("no *.yaml or *.yml files found under " + ", ".join(map(printable, paths)))
    if report.crossing:
        return False
    print_diagnostics(report, summary=False)
    if report.errors:
        typer.echo(report.summary(), err=True)
        raise typer.Exit(1)
    plan = output_paths([default_stem(e.map_id, None, *cut) for e in exported], spec, output)
    refuse_inputs(plan, {e.file for e in exported})
    if options.warn is not None:  # as each export said it, in the maps' order
        for e in exported:
            for note in e.warnings:
                options.warn(e.map_id, note)
    write_outputs(plan, [e.result for e in exported], lambda path: say(f"wrote {path}"))
    return True
