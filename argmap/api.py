"""The public API: one call per stage of the pipeline, and what the CLI calls too.

    doc = argmap.load("maps/nato-promise.yaml")     # a Document: maps + diagnostics
    m = doc.maps[0]                                 # or argmap.load_map(path)
    labels = argmap.evaluate(m)                     # address -> Label(status, ...)
    svg = argmap.render(m, "svg", eval=True)        # every format of `render -f`

Loading never raises for a bad map: every problem is a diagnostic in
``doc.diagnostics`` and ``doc.ok`` says whether there were errors (what
``argmap check`` would exit with). :func:`load_map` is the strict form: it
raises :class:`MapError`, which carries the diagnostics. A usage mistake (an
unknown format, a ``focus`` no statement has) raises :class:`UsageError` or
:class:`ViewError`, with the message the CLI prints.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, NamedTuple, TypedDict, Unpack, overload

from argmap.diagnostics import Diagnostic, count, error
from argmap.errors import ArgmapError, UsageError
from argmap.exporters import EVAL_FORMATS, EXPORTERS, ExportOptions
from argmap.files import MAX_BYTES, expand_paths, retain
from argmap.graph import ArgumentGraph, build_graph
from argmap.model import ArgumentMap, Relation, Span
from argmap.readers import READERS, ReadResult, load_path
from argmap.rules.format import MapIndex, run_rules
from argmap.view import ViewOptions, cut_graphs, view_graph

if TYPE_CHECKING:
    import networkx

    # imported where used: `check` and the exports never load the evaluation
    from argmap.analysis.evaluate import Evaluation, Semantics, Status
    from argmap.project import Project
    from argmap.project.config import ProjectFile
    from argmap.project.load import Memory

#: What :func:`load` reads: a path (str or os.PathLike) or an open file (text or binary).
PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]

__all__ = ["Document", "Label", "Labels", "MapError", "PathOrFile", "check", "check_paths",
           "evaluate", "export", "frontlines", "graph", "load", "load_map", "loads", "render",
           "show", "sides",
           "to_networkx", "view"]


@dataclass
class Document:
    """Every map read from a source, every diagnostic, and totals for the summary."""

    maps: list[ArgumentMap] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    statements: int = 0
    sources: int = 0
    #: the project the maps belong to (format 1.2): every map their names reach, by id
    project: Project | None = None
    #: a map writes a name of another map's or is a library (format 1.2): the
    #: pooled readers leave such a project to the serial one, which resolves the names
    crossing: bool = False
    #: how many maps were read when ``maps`` does not hold them (:func:`check_files`)
    maps_read: int | None = None

    @property
    def map_count(self) -> int:
        """How many maps were read."""
        return len(self.maps) if self.maps_read is None else self.maps_read

    @property
    def errors(self) -> int:
        """How many diagnostics are errors."""
        return count(self.diagnostics)[0]

    @property
    def warnings(self) -> int:
        """How many diagnostics are warnings."""
        return count(self.diagnostics)[1]

    @property
    def ok(self) -> bool:
        """True when nothing is an error (warnings allowed), as ``argmap check`` exits 0."""
        return self.errors == 0

    def summary(self) -> str:
        """One line: what was read and what was found."""
        def n(k: int, word: str) -> str:
            return f"{k} {word}{'' if k == 1 else 's'}"

        return (f"{n(self.map_count, 'map')}, {n(self.statements, 'statement')}, "
                f"{n(self.sources, 'source')}: {n(self.errors, 'error')}, "
                f"{n(self.warnings, 'warning')}")

    def __repr__(self) -> str:
        return f"<Document {self.summary()}>"


class MapError(ArgmapError):
    """A map that cannot be used: :func:`load_map` found errors (``diagnostics`` has them)."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message, 1)
        self.diagnostics = list(diagnostics)


class Label(NamedTuple):
    """One statement's verdict (``argmap eval``): does it stand, and why."""

    status: Status  # Status.IN (stands), OUT (falls) or UNDECIDED; compares equal to "in" …
    supported: bool  # a standing pro premise, or citations of its own
    decided_by: str | None  # the address of the premise that decides it, if one does


class Labels(dict[str, Label]):
    """:func:`evaluate`'s verdicts, keyed by each statement's address (its id, else its
    derived path); a derived path (``c1.pro2``) finds a statement that has an id too."""

    def __init__(self, labels: dict[str, Label], positions: dict[str, str],
                 addresses: dict[str, str]) -> None:
        super().__init__(labels)
        self._positions, self._addresses = positions, addresses

    def __missing__(self, address: str) -> Label:
        key = self._positions.get(address)
        if key is None or self._addresses.get(key) not in self:
            raise KeyError(address)
        return self[self._addresses[key]]


def check_paths(paths: Iterable[Path], max_bytes: int = MAX_BYTES,
                exclude: Sequence[str] = (), reader: str | None = None,
                project_file: ProjectFile | None = None) -> Document:
    """Load every map under ``paths`` and run the map-level rules on each.

    ``-`` is standard input; ``max_bytes`` and ``exclude`` are ``--max-bytes`` and
    ``--exclude`` (see :mod:`argmap.files`); ``reader`` is ``--from``. Names of
    other maps (``MAP-ID/ID``, format 1.2) are looked up in the project of the first
    path (``project_file``, else the one found walking up), reading only the maps
    they name.

    Raises:
        ProjectFileError: if the project file found is bad (a located diagnostic).
    """
    doc = Document()
    paths = list(paths)
    first: dict[str, ArgumentMap] = {}  # map id -> the first map with it, in any file
    crossing = False
    for path in expand_paths(paths, exclude):
        doc.files += 1
        loaded = _load(path, max_bytes, reader, project_file)
        crossing = _add(doc, loaded.maps, loaded.diagnostics, first) or crossing
    if crossing:
        _cross_files(doc, paths, max_bytes, project_file)
    doc.diagnostics.sort(key=Diagnostic.sort_key)
    return doc


def check_text(text: str | bytes, name: str, codes: set[str], *,
               project_file: ProjectFile | None = None,
               texts: Mapping[str, bytes] | None = None,
               semantics: str | None = None, memory: Memory | None = None) -> Document:
    """One file's text checked as ``argmap check NAME`` checks that file in its project
    (``project_file``, else none): the project's map defaults at build time, the names
    that cross files resolved (other files' unsaved ``texts``, by real path, read in place
    of the disk), then the warnings ``codes`` with ``semantics`` (``--semantics``).
    The language server checks an editor's text so, keeping the other files' maps in
    ``memory`` (:attr:`argmap.project.Project.memory`) from one check to the next.
    """
    from argmap.readers import load_data

    data = text.encode("utf-8") if isinstance(text, str) else text
    loaded = load_data(data, Path(name), None,
                       None if project_file is None else project_file.defaults_for(Path(name)))
    doc = Document(files=1)
    crossing = _add(doc, loaded.maps, loaded.diagnostics, {})
    doc.diagnostics.sort(key=Diagnostic.sort_key)
    if project_file is not None and crossing:
        _cross_files(doc, [Path(name)], MAX_BYTES, project_file, texts, memory)
    apply_rules(doc, codes, semantics)
    return doc


def _cross_files(doc: Document, paths: list[Path], max_bytes: int,
                 project_file: ProjectFile | None,
                 texts: Mapping[str, bytes] | None = None,
                 memory: Memory | None = None) -> None:
    """Resolve the names that cross files (argmap.project), for maps of which one writes
    a name of another map or is a library (:func:`_add` says so); ``texts`` and ``memory``
    as :func:`check_text` takes them."""
    from argmap.project import Project, open_project, resolve

    start = next((p for p in paths if str(p) != "-"), Path.cwd())
    project = (Project(project_file, max_bytes) if project_file is not None
               else open_project(start, max_bytes=max_bytes))
    if texts:
        project.texts = texts
    project.memory = memory
    for m in doc.maps:
        project.add(m)
    found = resolve(project, doc.maps)
    own = {m.span.file for m in doc.maps}
    doc.diagnostics.extend(found)
    doc.diagnostics.extend(d for d in project.diagnostics if d.span.file not in own)
    doc.project = project


def check_files(paths: Iterable[Path], max_bytes: int = MAX_BYTES, exclude: Sequence[str] = (),
                reader: str | None = None, codes: set[str] | None = None,
                semantics: str | None = None, for_: list[str] | None = None, *,
                project_file: ProjectFile | None = None) -> Document:
    """:func:`check_paths` then :func:`apply_rules` (with ``codes``, ``semantics`` and
    ``for_``), for a command that
    needs only the diagnostics and totals (``argmap check``): the returned Document holds
    no maps (``maps_read`` counts them).

    Many files are read in chunks on every core when that is faster
    (:func:`argmap.files.pool.in_chunks`); the diagnostics, their order and the totals
    are exactly a serial run's.
    """
    from argmap.files.pool import in_chunks
    from argmap.rules.select import DEFAULT_WARNINGS

    paths = list(paths)
    if codes is not None and codes - set(DEFAULT_WARNINGS):
        # debate rules skip a file with any error, also one found across files: serial
        doc = check_paths(paths, max_bytes, exclude, reader, project_file)
        apply_rules(doc, codes, semantics, for_)
        return doc
    files = expand_paths(paths, exclude)
    chunks = in_chunks(check_chunk, files, (max_bytes, reader, codes, project_file),
                       preload=_PRELOAD)
    doc = _merged(len(files), chunks)
    if doc.crossing:  # a project's names cross files: resolved in one process (serial)
        doc = check_paths(paths, max_bytes, exclude, reader, project_file)
        if codes is not None:
            apply_rules(doc, codes, semantics, for_)
        doc.maps_read, doc.maps = len(doc.maps), []
    return doc


#: what every chunk's worker needs, imported once before the workers start
_PRELOAD = ("argmap.readers.yaml.load", "argmap.rules.format", "argmap.graph", "argmap.view")


def check_chunk(files: list[Path],
                job: tuple[int, str | None, set[str] | None, ProjectFile | None],
                ) -> tuple[Document, list[tuple[str, Span]]]:
    """:func:`check_files`' work on one chunk of files (in a worker, or here): its
    diagnostics and totals without the maps, and each map's id and span in order."""
    max_bytes, reader, codes, project_file = job
    doc = _read_chunk(files, max_bytes, reader, project_file)
    if codes is not None:
        apply_rules(doc, codes)
    ids = [(m.id, m.span) for m in doc.maps]
    retain.keep("maps", doc.maps)  # a command that exits next need not free them
    doc.maps = []
    return doc, ids


class Exported(NamedTuple):
    """One map's export from :func:`export_files`, and the warnings its exporter gave."""

    map_id: str
    file: str  # the map's file
    result: bytes
    warnings: tuple[str, ...]


def export_files(paths: Iterable[Path], format: str, options: ExportOptions, *,
                 max_bytes: int = MAX_BYTES, exclude: Sequence[str] = (),
                 reader: str | None = None, depth: int | None = None,
                 side: str | None = None, project_file: ProjectFile | None = None,
                 ) -> tuple[Document, list[Exported]]:
    """Load, check and export every map under ``paths`` (``argmap render`` of many files in
    a text format, without ``--focus`` or ``--eval``): the report (no maps, as
    :func:`check_paths` finds it) and each map's export in order, none when anything has an
    error. Chunks of files are read and exported on every core when that is faster; only
    the exports' bytes come back. ``options.warn`` and ``on_slow`` are not called: each
    export's warnings come back with it. ``project_file`` gives the maps their
    project's defaults, as :func:`check_paths` does.
    """
    from argmap.files.pool import in_chunks

    files = expand_paths(paths, exclude)
    job = (format, options._replace(warn=None, on_slow=None), max_bytes, reader, depth, side,
           project_file)
    chunks = in_chunks(export_chunk, files, job, preload=(*_PRELOAD, EXPORTERS[format].module))
    doc = _merged(len(files), [(report, ids) for report, ids, _ in chunks])
    if doc.crossing:  # the caller exports a project's maps with their names resolved
        return doc, []
    return doc, [] if doc.errors else [e for _, _, exported in chunks for e in exported]


def export_chunk(files: list[Path], job: tuple[str, ExportOptions, int, str | None, int | None,
                                                 str | None, ProjectFile | None],
                 ) -> tuple[Document, list[tuple[str, Span]], list[Exported]]:
    """:func:`export_files`' work on one chunk of files: the report without maps, each map's
    id and span, and (when the chunk has no error) each map's export."""
    format, options, max_bytes, reader, depth, side, project_file = job
    doc = _read_chunk(files, max_bytes, reader, project_file)
    ids = [(m.id, m.span) for m in doc.maps]
    exported = []
    graphs = []
    if not doc.errors:
        for argmap, cut in zip(doc.maps, views(doc.maps, None, depth, side), strict=True):
            notes: list[str] = []
            result = EXPORTERS[format].export(cut, options._replace(warn=_noting(notes)))
            exported.append(Exported(cut.id, argmap.span.file, result.encode("utf-8")
                                     if isinstance(result, str) else result, tuple(notes)))
            graphs.append(cut)
    retain.keep("maps", (doc.maps, graphs))  # a command that exits next need not free them
    doc.maps = []
    return doc, ids, exported


def _noting(notes: list[str]) -> Callable[[str, str], None]:
    """An exporter's ``warn`` that keeps each message in ``notes``."""
    def warn(map_id: str, message: str) -> None:
        del map_id  # the export's own
        notes.append(message)

    return warn


def _load(path: Path, max_bytes: int, reader: str | None,
          project_file: ProjectFile | None) -> ReadResult:
    """One file's maps, as its project reads them when there is one: with the project
    file's defaults (its debate format is needed at build time, since a `speech` is
    checked against the round)."""
    return load_path(path, max_bytes, reader,
                     None if project_file is None else project_file.defaults_for(path))


def _read_chunk(files: list[Path], max_bytes: int, reader: str | None,
                project_file: ProjectFile | None = None) -> Document:
    """Load and check each file as :func:`check_paths` does, except that maps in different
    files with one id are left to :func:`_merged`, which sees every chunk."""
    doc = Document()
    for path in files:
        doc.files += 1
        loaded = _load(path, max_bytes, reader, project_file)
        doc.crossing = _add(doc, loaded.maps, loaded.diagnostics, {}) or doc.crossing
    return doc


def _merged(files: int, chunks: Iterable[tuple[Document, list[tuple[str, Span]]]],
            ) -> Document:
    """One report from the chunks' reports, as :func:`check_paths` would make it in one pass
    (duplicate map ids across files said as :func:`_add` says them)."""
    doc = Document(files=files, maps_read=0)
    first: dict[str, Span] = {}  # map id -> where the first map with it is, in any file
    count = 0
    for chunk, ids in chunks:
        doc.crossing = doc.crossing or chunk.crossing
        doc.diagnostics.extend(chunk.diagnostics)
        doc.statements += chunk.statements
        doc.sources += chunk.sources
        for map_id, span in ids:
            count += 1
            earlier = first.setdefault(map_id, span)
            if earlier.file != span.file:
                doc.diagnostics.append(error(
                    "duplicate-map-id", f"map id '{map_id}' is already used by the map at "
                    f"{earlier.file}:{earlier.line}", span))
    doc.maps_read = count
    doc.diagnostics.sort(key=Diagnostic.sort_key)
    return doc


def _add(doc: Document, maps: list[ArgumentMap], found: list[Diagnostic],
         first: dict[str, ArgumentMap]) -> bool:
    """Add one file's maps to ``doc`` with their load diagnostics and the rules' findings;
    True when one of them is a library or names another map's statement or source
    (``MAP-ID/ID``: :func:`_cross_files` resolves them)."""
    doc.diagnostics.extend(found)
    crossing = False
    for argmap in maps:
        earlier = first.setdefault(argmap.id, argmap)
        # Within one file the loader reports it; across files only this can.
        if earlier.span.file != argmap.span.file:
            doc.diagnostics.append(error(
                "duplicate-map-id", f"map id '{argmap.id}' is already used by the map at "
                f"{earlier.span.file}:{earlier.span.line}", argmap.span))
        index = MapIndex.of(argmap)
        doc.maps.append(argmap)
        doc.statements += sum(1 for s in index.statements if s.ref is None and not s.premises)
        doc.sources += len(argmap.sources)
        doc.diagnostics.extend(run_rules(index))
        crossing = crossing or argmap.library or index.crossing
    return crossing


def load(source: PathOrFile, *, format: str | None = None, max_bytes: int = MAX_BYTES,
         exclude: Sequence[str] = ()) -> Document:
    """Read every map in a file, a folder of maps, or an open file; never raises for bad input.

    The reader is chosen as the CLI chooses it: ``format`` (``--from``: yaml,
    argdown, kialo, aif), else the file's suffix and content.

    Example::

        doc = argmap.load("maps/")
        if not doc.ok:
            print(*doc.diagnostics, sep="\\n")
    """
    _known_reader(format)
    if isinstance(source, str) and "\n" in source:
        raise UsageError("argmap.load takes a path or an open file; to read a map from a "
                         "string, use argmap.loads(text)")
    if isinstance(source, (str, os.PathLike)):
        return check_paths([Path(source)], max_bytes, exclude, format)
    data = source.read()
    name = str(getattr(source, "name", "<stream>"))
    return loads(data, format=format, name=name)


def loads(text: str | bytes, *, format: str | None = None, name: str = "<string>") -> Document:
    """Read maps from a string (or bytes): argmap YAML unless ``format`` names another
    reader, or ``name``'s suffix (``x.argdown``) or the text says so, as for a file.

    ``name`` is the file name diagnostics point at, and the default map id (``map``
    for the default name).
    """
    from argmap.readers import detect, dropped_warning

    _known_reader(format)
    data = text.encode("utf-8") if isinstance(text, str) else text
    reader = format or detect(name, data) or "yaml"
    result = READERS[reader].read_bytes(data, name, "map" if name == "<string>" else None)
    found = list(result.diagnostics)
    dropped = dropped_warning(result, name, reader) if reader != "yaml" else None
    if dropped is not None:
        found.append(dropped)
    doc = Document(files=1)
    _add(doc, result.maps, found, {})
    doc.diagnostics.sort(key=Diagnostic.sort_key)
    return doc


def load_map(source: PathOrFile, *, format: str | None = None, id: str | None = None
             ) -> ArgumentMap:
    """The one map in ``source`` (or the one named ``id``), raising when it cannot be used.

    Raises:
        MapError: if the source has errors (``.diagnostics`` lists every problem),
            holds no map, or several and ``id`` does not pick one.
    """
    doc = load(source, format=format)
    if not doc.ok:
        errors = [d for d in doc.diagnostics if d.severity == "error"]
        more = f" (and {len(errors) - 1} more errors)" if len(errors) > 1 else ""
        raise MapError(f"{errors[0]}{more}", doc.diagnostics)
    maps = [m for m in doc.maps if id is None or m.id == id]
    if len(maps) != 1:
        names = ", ".join(m.id for m in doc.maps) or "no map"
        wanted = f"no map '{id}'" if id is not None else "several maps"
        raise MapError(f"{wanted} in {_name(source)}: it holds {names}"
                       + ("; say which with id=" if id is None else ""), doc.diagnostics)
    return maps[0]


def check(argmap: ArgumentMap, select: str | Sequence[str] | None = None,
          ignore: str | Sequence[str] | None = None) -> list[Diagnostic]:
    """The map-level rules on one map (a map built or changed in Python), as ``argmap check``.

    ``select`` and ``ignore`` take codes or groups (``default``, ``debate``,
    ``all``), as ``--select`` and ``--ignore`` do: ``select="default,debate"``
    adds the debate warnings. Errors are always reported.

    Raises:
        UsageError: for an unknown code or group.
    """
    from argmap.rules.select import selected

    def listed(value: str | Sequence[str] | None) -> list[str] | None:
        return [value] if isinstance(value, str) else None if value is None else list(value)

    doc = Document(maps=[argmap], diagnostics=run_rules(MapIndex.of(argmap)))
    apply_rules(doc, selected(listed(select), listed(ignore)))
    return doc.diagnostics


def apply_rules(doc: Document, codes: set[str], semantics: str | None = None,
                for_: list[str] | None = None) -> None:
    """Add the chosen debate rules' warnings to ``doc`` and keep only the chosen warnings.

    The debate rules judge only maps without errors: judging a broken map would mislead.
    ``semantics`` (None: each map's own) and ``for_`` (a side or claim ids: judge from
    that side's seat) are passed to :func:`argmap.rules.debate.run_debate_rules`; ``for_``
    also splits the open critical questions (:mod:`argmap.rules.schemes`) into holes to
    close (ours) and questions to ask (theirs).
    """
    from argmap.diagnostics import Severity
    from argmap.rules.select import DEFAULT_WARNINGS, keep

    # Only debate codes lie outside the default set: without one, the debate
    # rules (and the evaluation they import) are not loaded at all.
    if codes - set(DEFAULT_WARNINGS):
        from argmap.rules.debate import MAP_RULES, run_debate_rules
        from argmap.rules.flow import run_flow_rules
        from argmap.rules.schemes import run_scheme_rules

        broken = {d.span.file for d in doc.diagnostics if d.severity is Severity.ERROR}
        if doc.project is not None and not broken:
            # a project is judged as one debate: an attack written in one file may be
            # answered in another (the merged map keeps every statement's own place)
            from argmap.project import debate

            own = {m.span.file for m in doc.maps}
            doc.diagnostics.extend(d for d in run_debate_rules(
                debate(doc.project, doc.maps), codes, semantics, for_) if d.span.file in own)
        elif doc.project is None:
            for m in doc.maps:
                if m.span.file not in broken:
                    doc.diagnostics.extend(run_debate_rules(m, codes, semantics, for_))
        for m in doc.maps:
            if m.span.file not in broken:
                for code, rule in MAP_RULES.items():  # per map: libraries hold no sides
                    if code in codes:
                        doc.diagnostics.extend(rule(m))
                doc.diagnostics.extend(run_scheme_rules(m, codes, for_))
                doc.diagnostics.extend(run_flow_rules(m, codes, for_))
    doc.diagnostics = keep(doc.diagnostics, codes)
    doc.diagnostics.sort(key=Diagnostic.sort_key)


def schemes(id: str | None = None, format: str = "text") -> str:
    """The scheme catalogue as ``argmap schemes`` prints it: every scheme, or the one named
    ``id`` with its critical questions; ``format`` is ``text`` or ``json``.

    Raises:
        UsageError: ``id`` names no scheme (the message suggests one).
    """
    from argmap.diagnostics import did_you_mean
    from argmap.exporters.catalogue import catalogue_json, catalogue_text
    from argmap.readers.catalogue import catalogue

    found = catalogue()
    chosen = list(found.schemes.values())
    if id is not None:
        name = found.questions[id].scheme if id in found.questions else id
        if name not in found.schemes:
            raise UsageError(f"no scheme '{id}' in the catalogue"
                             + (did_you_mean(id, found.schemes) or
                                "; `argmap schemes` lists them"))
        chosen = [found.schemes[name]]
    return (catalogue_json if format == "json" else catalogue_text)(chosen, found)


def graph(argmap: ArgumentMap) -> ArgumentGraph:
    """The map as statements and links, refs resolved: iterate it, or look up by id or path."""
    return build_graph(argmap)


def view(argmap: ArgumentMap, focus: str | None = None, depth: int | None = None,
         side: str | None = None) -> ArgumentGraph:
    """The map's graph cut as ``--focus``, ``--depth`` and ``--side`` (pro or con) cut it.

    Raises:
        ViewError: if ``focus`` names no statement (the message suggests one).
    """
    return view_graph(argmap, view_options(focus, depth, side))


def evaluate(argmap: ArgumentMap, semantics: str | None = None) -> Labels:
    """Which statements stand: each statement's :class:`Label`, keyed by its address.

    ``semantics`` is ``grounded`` (the sceptical default) or ``weighed``
    (docs/eval.md); None takes the map's own ``semantics`` key, else grounded. The
    address is the statement's id, else its derived path.
    """
    from argmap.analysis.evaluate import evaluate as run

    g = build_graph(argmap)
    evaluation = run(g, _semantics(semantics, argmap))
    supported = evaluation.supported_keys()
    deciders = evaluation.deciders()
    labels = {}
    for key, status in evaluation.statements.items():
        decider = deciders.get(key)
        labels[g.address(key)] = Label(status, key in supported,
                                       None if decider is None else g.address(decider.premises[0]))
    return Labels(labels, g.positions, {key: g.address(key) for key in g.statements})


#: the formats whose result is bytes (pictures); every other format gives str
BinaryFormat = Literal["png", "pdf"]
#: the formats whose result is text (str)
TextFormat = Literal["svg", "dot", "json", "yaml", "markdown", "kialo", "mermaid", "graphml",
                     "argdown", "html", "aif", "tables"]


class RenderOptions(TypedDict, total=False):
    """The keyword options of :func:`export` and :func:`render` (``argmap render``'s)."""

    focus: str | None
    depth: int | None
    side: str | None
    theme: str
    direction: str
    legend: bool
    quotes: bool
    eval: bool
    semantics: str | None
    engine: str | None
    timeout: float
    color_by: str
    for_: list[str] | None
    warn: Callable[[str, str], None] | None


@overload
def export(argmap: ArgumentMap, format: BinaryFormat,
           **options: Unpack[RenderOptions]) -> bytes: ...
@overload
def export(argmap: ArgumentMap, format: TextFormat,
           **options: Unpack[RenderOptions]) -> str: ...
@overload
def export(argmap: ArgumentMap, format: str, **options: Unpack[RenderOptions]) -> str | bytes: ...
def export(argmap: ArgumentMap, format: str, **options: Unpack[RenderOptions]) -> str | bytes:
    """The map in one format of ``argmap render -f``: str for text formats, bytes for PNG and
    PDF (a type checker knows which from a literal format name).

    The options are render's: ``theme``, ``direction`` (TB, LR, BT, RL),
    ``legend``, ``quotes``, ``eval`` (mark what stands, in the formats that
    can, judged by ``semantics``), ``engine`` and ``timeout`` for Graphviz, and
    the cut (``focus``, ``depth``, ``side``).

    Raises:
        UsageError: for an unknown format or option value, or ``eval`` where the format
            cannot show it.
        ViewError: if ``focus`` names no statement.
    """
    g = views([argmap], options.get("focus"), options.get("depth"), options.get("side"),
              options.get("for_"))[0]
    evaluated = options.get("eval", False)
    by_side = options.get("color_by", "relation") == "side"
    colours = side_colours([argmap], options.get("for_")) if by_side else None
    made = export_options(
        format, theme=options.get("theme", "light"), direction=options.get("direction", "TB"),
        legend=options.get("legend", True), quotes=options.get("quotes", False),
        engine=options.get("engine"), timeout=options.get("timeout", 120),
        warn=options.get("warn"), color_by=options.get("color_by", "relation"),
        sides=colours[0] if colours else None, side_names=colours[1] if colours else None,
        flows=flows([argmap]) if format == "html" else None,
        statuses=statuses([argmap], options.get("semantics")) if evaluated else None)
    result = EXPORTERS[format].export(g, made)
    if isinstance(result, bytes) and not EXPORTERS[format].binary:
        return result.decode("utf-8")  # SVG is text: str, like every text format
    return result


def show(maps: ArgumentMap | Sequence[ArgumentMap], *, focus: str | None = None,
         depth: int | None = None, side: str | None = None, width: int | None = None,
         ascii: bool = False, ids: bool = False, quotes: bool = False, sources: bool = True,
         eval: bool = False, semantics: str | None = None, color: bool = False,
         for_: list[str] | None = None, against: bool = False, marks: bool = False,
         project: Project | None = None) -> str:
    """The text tree ``argmap show`` prints, for one map or several (each under a header).

    ``width`` wraps lines (None: never); ``color`` adds ANSI colours (``marks``: without
    them, a quote's read parts still in reverse, underline, bold); ``eval``
    marks each statement ✓ stands, ✗ falls or ? undecided (by ``semantics``: None takes
    each map's own, else grounded). ``for_`` (a side or claim ids) keeps that side's
    claims; with ``against``, the text is that side's frontlines (:func:`frontlines`).
    With the ``project`` (``Document.project``), a ref into another map shows that map's
    statement and statuses are decided over the whole project.

    Raises:
        ViewError: if no map has the ``focus`` statement.
    """
    from collections import Counter

    from argmap.exporters.tree import TreeOptions, show_text

    maps = [maps] if isinstance(maps, ArgumentMap) else list(maps)
    if against:
        if not for_:
            raise UsageError("--against needs --for: whose frontlines?")
        if project is not None:  # the whole debate: attacks and answers in other maps too
            from argmap.project import debate

            maps = [debate(project, maps)]
        return "\n".join(frontlines(m, for_, semantics=semantics, depth=depth, width=width,
                                    ascii=ascii) for m in maps)
    graphs = views(maps, focus, depth, side, for_, project)
    per_file = Counter(m.span.file for m in maps)
    options = TreeOptions(width=width, ascii=ascii, ids=ids, quotes=quotes, sources=sources,
                          marks=marks)
    return show_text(graphs, options, color,
                     statuses(maps, semantics, project) if eval else None,
                     headed=len(graphs) > 1 or focus is not None,
                     shared=frozenset(f for f, n in per_file.items() if n > 1),
                     schemes=_scheme_marks(maps))


def _scheme_marks(maps: list[ArgumentMap]) -> dict[str, dict[str, tuple[str, int]]] | None:
    """Per map with a scheme: link key -> scheme and open questions, on the whole map."""
    named = [m for m in maps if any(s.scheme for s in m.walk())]
    if not named:
        return None
    from argmap.analysis.questions import scheme_marks

    return {m.id: scheme_marks(build_graph(m)) for m in named}


@overload
def render(argmap: ArgumentMap, format: BinaryFormat,
           **options: Unpack[RenderOptions]) -> bytes: ...
@overload
def render(argmap: ArgumentMap, format: TextFormat = ...,
           **options: Unpack[RenderOptions]) -> str: ...
@overload
def render(argmap: ArgumentMap, format: str, **options: Unpack[RenderOptions]) -> str | bytes: ...
def render(argmap: ArgumentMap, format: str = "svg",
           **options: Unpack[RenderOptions]) -> str | bytes:
    """Draw the map: :func:`export` with SVG as the default format (``argmap render``)."""
    return export(argmap, format, **options)


def export_options(format: str, *, statuses: dict[str, dict[str, str]] | None = None,
                   **options: Any) -> ExportOptions:
    """Check a format name (and that it can show ``statuses``) and make its options.

    Raises:
        UsageError: for an unknown format, or statuses where the format cannot show them.
    """
    from argmap.exporters.themes import THEMES

    if format not in EXPORTERS:
        raise UsageError(f"unknown format '{format}'; use one of {', '.join(EXPORTERS)}")
    for name, allowed in (("theme", tuple(THEMES)), ("direction", DIRECTIONS),
                          ("engine", (None, "dot", "tidy", "sfdp")),
                          ("color_by", ("relation", "side"))):
        if name in options and options[name] not in allowed:
            shown = ", ".join(str(a) for a in allowed if a is not None)
            raise UsageError(f"unknown {name} {options[name]!r}; use one of {shown}")
    if statuses is not None and format not in EVAL_FORMATS:
        raise UsageError(f"--eval: {format} cannot show statuses; use "
                         f"{', '.join(EVAL_FORMATS)}, or argmap eval --format json")
    options.pop("color_by", None)  # checked here; `sides` carries the choice to the exporters
    return ExportOptions(statuses=statuses, **options)


#: where the question sits in a diagram: top, left, bottom, right
DIRECTIONS = ("TB", "LR", "BT", "RL")


def views(maps: list[ArgumentMap], focus: str | None = None, depth: int | None = None,
          side: str | None = None, for_: list[str] | None = None,
          project: Project | None = None) -> list[ArgumentGraph]:
    """Each map's graph cut alike; with ``focus``, only the maps that have that statement;
    with ``for_`` (a side, or claim ids), only that side's claims. With the ``project``,
    refs into other maps show those maps' statements; ``focus`` may be ``MAP-ID/ID``.

    Raises:
        ViewError: if no map has the focused statement.
        UsageError: if ``for_`` names neither a side nor a claim of a map.
    """
    if focus is not None and "/" in focus:  # MAP-ID/ID: that map only
        maps, focus = _focused_map(maps, focus, project)
    options = view_options(focus, depth, side)
    attach = None
    if project is not None:
        from argmap.project import attach as attach_to

        def attach(graph: ArgumentGraph) -> None:
            attach_to(project, graph)
    if not for_:
        return cut_graphs(maps, options, attach)
    from argmap.analysis.sides import sides_for
    from argmap.view import cut

    done = []
    for m in maps:
        if m.library and project is not None:
            continue  # a card library has no sides: its cards are whoever reads them
        graph = build_graph(m)
        if attach is not None:
            attach(graph)
        ours, sides = sides_for(graph, for_)
        claims = tuple(k for k in graph.claims if sides.ours(k, ours))
        done.append(cut(graph, options._replace(claims=claims or ("",))))
    return done


def _focused_map(maps: list[ArgumentMap], focus: str, project: Project | None
                 ) -> tuple[list[ArgumentMap], str]:
    """The map a qualified ``--focus MAP-ID/ID`` names (read from the project if it is not
    among ``maps``), and the id within it.

    Raises:
        ViewError: if no map has that id.
    """
    from argmap.errors import ViewError

    map_id, _, local = focus.partition("/")
    chosen = [m for m in maps if m.id == map_id]
    if not chosen and project is not None and (found := project.find(map_id)) is not None:
        chosen = [found]
    if not chosen:
        from argmap.diagnostics import did_you_mean

        known = [m.id for m in maps] + (project.map_ids() if project is not None else [])
        raise ViewError(f"no map '{map_id}' for --focus {focus}{did_you_mean(map_id, known)}")
    return chosen, local


def side_colours(maps: list[ArgumentMap], for_: list[str] | None = None,
                 ) -> tuple[dict[str, dict[str, int]], dict[str, tuple[str, ...]]]:
    """``ExportOptions.sides`` and ``side_names`` for ``--color-by side``: map id ->
    statement key -> 0 for the first side (``--for``'s, else the map's first), 1 for the
    second, 2 for any other; and map id -> the first two sides' names.

    Raises:
        UsageError: if ``for_`` names neither a side nor a claim of a map, or a map has no
            sides and no ``for_`` says which claims are ours.
    """
    from argmap.analysis.sides import derive_sides, sides_for

    found: dict[str, dict[str, int]] = {}
    names: dict[str, tuple[str, ...]] = {}
    for m in maps:
        if m.library:  # a card library (format 1.2) has no sides: its boxes keep relations
            continue
        g = build_graph(m)
        if for_:
            first, all_sides = sides_for(g, for_)
        else:
            all_sides = derive_sides(g)
            if not all_sides.names:
                raise UsageError(f"--color-by side: map '{m.id}' names no sides; give its "
                                 "claims a `side` (format 1.2) or say --for CLAIM-IDS")
            first = all_sides.names[0]
        order = [first, *(n for n in all_sides.names if n != first)]
        found[m.id] = {key: (order.index(side) if side in order[:2] else 2)
                       for key, side in all_sides.statements.items() if side is not None}
        names[m.id] = tuple(order[:2])
    return found, names


def sides(argmap: ArgumentMap) -> dict[str, str | None]:
    """Each statement's side (format 1.2, "Sides"), keyed by its address: a claim's own
    ``side``, else the side its position gives it (None when nothing gives one)."""
    from argmap.analysis.sides import derive_sides

    g = build_graph(argmap)
    found = derive_sides(g)
    return {g.address(key): side for key, side in found.statements.items()}


def frontlines(argmap: ArgumentMap, side: str | list[str], *, semantics: str | None = None,
               depth: int | None = None, width: int | None = None,
               ascii: bool = False) -> str:
    """``show --for SIDE --against``: every attack by another side on a statement or step
    of ``side`` (a side name, or claim ids), with its whole exchange, in danger order.

    Raises:
        UsageError: if ``side`` names neither a side nor a claim of the map.
    """
    from argmap.analysis.evaluate import evaluate as run
    from argmap.analysis.sides import sides_for
    from argmap.exporters.frontlines import frontlines_text

    g = build_graph(argmap)
    ours, found = sides_for(g, [side] if isinstance(side, str) else side)
    return frontlines_text(run(g, _semantics(semantics, argmap)), found, ours, depth=depth,
                           width=width, ascii=ascii)


def statuses(maps: list[ArgumentMap], semantics: str | None = None,
             project: Project | None = None) -> dict[str, dict[str, str]]:
    """``ExportOptions.statuses`` for ``render --eval``: map id -> statement key -> status.

    ``semantics`` None labels each map by its own ``semantics`` key, else grounded. With
    the ``project``, statuses are decided once over the whole project (one per statement).
    """
    from argmap.analysis.evaluate import statuses as of

    if project is not None:
        from argmap.project import project_statuses

        return project_statuses(project, maps,
                                _semantics(semantics, maps[0] if maps else None).value)

    return {m.id: of(m, _semantics(semantics, m).value, by="key") for m in maps}


def evaluations(doc: Document, semantics: str | None = None) -> list[Evaluation]:
    """What eval, brief and stats judge: each map's evaluation or, when the maps name
    other maps of their project, the whole debate's as one (argmap.project.merge),
    whose claims are the maps' claims (a library's cards are not claims)."""
    from argmap.analysis.evaluate import evaluate as run

    if doc.project is None:
        return [run(build_graph(m), _semantics(semantics, m)) for m in doc.maps]
    from argmap.project import debate, named_maps

    everything = named_maps(doc.project, doc.maps)
    merged = debate(doc.project, doc.maps)
    libraries = tuple(f"{m.id}/" for m in everything if m.library)
    graph = build_graph(merged)
    if libraries:
        graph.claims = graph.roots = tuple(
            k for k in graph.claims if not graph.statements[k].path.startswith(libraries))
    return [run(graph, _semantics(semantics, merged))]


def cross_file_breaks(file: Path, before: list[ArgumentMap], after: list[ArgumentMap]
                      ) -> list[Diagnostic]:
    """The references from other maps of ``file``'s project that an edit (``before`` ->
    ``after``, the file's maps as the checks read them) would break, located where they
    are written; ``mv`` and ``rm`` refuse such an edit."""
    from argmap.project import open_project
    from argmap.project.load import broken_by_edit

    return broken_by_edit(open_project(file), str(file), before, after)


def rename(old: str, new: str, where: Path | None = None,
           project_file: ProjectFile | None = None) -> tuple[int, list[str]]:
    """``argmap rename``: rename an id, a source id (``MAP-ID/ID`` or an ``ID`` one map has)
    or a map id in the project of ``where`` (default: here), with every reference to it,
    all files or none. Returns (how many places, the files written).

    Raises:
        UsageError: if ``old`` names nothing or several things, or ``new`` is taken.
    """
    from argmap.project import Project, open_project
    from argmap.project.rename import rename as run

    start = where or Path.cwd()
    project = Project(project_file) if project_file is not None else open_project(start)
    done = run(project, old, new)
    written = list(done.files)
    if done.move is not None:
        written.append(done.move[1])
    return done.places + (done.move is not None), written


def search(query: str, paths: Sequence[Path] = (), scopes: Sequence[str] = (),
           limit: int = 20, project_file: ProjectFile | None = None) -> list[Any]:
    """``argmap search``: the best hits for ``query`` in the project of the first path (or
    of here), ranked; ``scopes`` are ``--in``'s (text, quotes, sources, tags)."""
    from argmap.project import Project, open_project
    from argmap.project.search import search as run

    start = paths[0] if paths else Path.cwd()
    project = Project(project_file) if project_file is not None else open_project(start)
    return run(project, query, scopes, limit, paths)


def to_networkx(argmap: ArgumentMap) -> networkx.MultiDiGraph:
    """The map as a networkx graph, read from its GraphML export (needs ``networkx``).

    Nodes are statements (and the question, and linked arguments' junctions),
    edges their relations, with the attributes docs/exports.md lists.
    """
    try:
        import networkx
    except ImportError as exc:  # an optional dependency
        raise UsageError("to_networkx needs networkx: pip install networkx") from exc
    found: networkx.MultiDiGraph = networkx.read_graphml(
        io.BytesIO(export(argmap, "graphml").encode("utf-8")), force_multigraph=True)
    return found


def flow(argmap: ArgumentMap, format: str = "text", side: str | None = None,
         width: int = 100) -> bytes:
    """The round's flow sheets (``argmap flow``) as the bytes of ``format``: text (fitted
    to ``width``), md, csv, html or xlsx; ``side`` marks what that side must act on.

    Raises:
        UsageError: for an unknown format, a map without speeches, or an unknown side.
    """
    from argmap.analysis.flow import build_flow
    from argmap.exporters.flow import FLOW_FORMATS, render_flow

    if format not in FLOW_FORMATS:
        raise UsageError(f"unknown flow format '{format}'; use one of {', '.join(FLOW_FORMATS)}")
    return render_flow(build_flow(argmap, side), format, width)


def flows(maps: list[ArgumentMap]) -> dict[str, tuple[str, str, str]]:
    """``ExportOptions.flows`` for the html page's Flow tab: map id -> the tab's pieces, for
    each map that is a round (has speeches)."""
    from argmap.analysis.flow import build_flow
    from argmap.exporters.flow.html import tab

    return {m.id: tab(build_flow(m)) for m in maps if m.speeches}


def after(argmap: ArgumentMap, speech: str) -> ArgumentMap:
    """The map as the round stood after ``speech`` (``eval --after``): only what was said
    by then.

    Raises:
        UsageError: if the map has no speeches or none is called ``speech``.
    """
    from argmap.analysis.after import after as cut
    from argmap.analysis.after import speech_index

    return cut(argmap, speech_index(argmap, speech))


def report_json(report: Document) -> str:
    """The JSON written by ``argmap check --format json``."""
    from argmap.diagnostics.formats import format_json

    return format_json(report.diagnostics, {
        "files": report.files, "maps": report.map_count, "statements": report.statements,
        "sources": report.sources, "errors": report.errors, "warnings": report.warnings})


def view_options(focus: str | None, depth: int | None, side: str | None) -> ViewOptions:
    if side not in (None, "pro", "con"):
        raise UsageError(f"side must be 'pro' or 'con', not {side!r}")
    if depth is not None and depth < 1:
        raise UsageError(f"depth must be 1 or more, not {depth}")
    return ViewOptions(focus, depth, None if side is None else Relation(side))


def _semantics(name: str | None, argmap: ArgumentMap | None = None) -> Semantics:
    """The semantics chosen, else the map's own, else grounded; a usage error for a bad name."""
    from argmap.analysis.evaluate import Semantics, semantics_of

    try:
        return semantics_of(argmap.semantics if argmap is not None else None, name)
    except ValueError:
        choices = ", ".join(s.value for s in Semantics)
        raise UsageError(f"unknown semantics '{name}'; use one of {choices}") from None


def _known_reader(name: str | None) -> None:
    if name is not None and name not in READERS:
        raise UsageError(f"unknown input format '{name}'; use one of {', '.join(READERS)}")


def _name(source: PathOrFile) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


class Display:
    """How a map shows itself: ``str(m)`` is its text tree, Jupyter draws it (SVG)."""

    def text(self, argmap: ArgumentMap) -> str:
        """The tree ``argmap show`` prints, without colour."""
        return show(argmap)

    def svg(self, argmap: ArgumentMap) -> str | None:
        """The diagram, as ``argmap render -f svg`` draws it; None when it cannot be drawn
        (Graphviz missing or failing), so a notebook shows the text tree instead."""
        from argmap.exporters.layout import LayoutError

        try:
            return export(argmap, "svg")
        except LayoutError:
            return None

    def html(self, argmap: ArgumentMap, svg: str | None = None) -> str | None:
        """The diagram in a scrolling box, for notebooks that prefer HTML."""
        svg = svg if svg is not None else self.svg(argmap)
        if svg is None:
            return None
        start = svg.find("<svg")  # inline SVG: no XML declaration or DOCTYPE
        return f'<div class="argmap" style="overflow:auto">{svg[max(start, 0):]}</div>'
