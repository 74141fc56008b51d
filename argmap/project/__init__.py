"""Projects: several files as one debate (format 1.2, "Projects").

    project = open_project(Path("debate/"))             # finds argmap.toml walking up
    project.add(m) for each map read; resolve(project, maps) -> diagnostics
    one = debate(project, maps)                          # one map, every name qualified
    attach(project, graph)                               # other maps' statements as pointers

:mod:`.config` reads the project file, :mod:`.load` finds maps by id (lazily,
never outside the root) and checks the names that cross files, :mod:`.merge`
makes the one debate, :mod:`.rename` renames an id across files and
:mod:`.search` keeps the evidence index.
"""

from __future__ import annotations

from pathlib import Path

from argmap.files import MAX_BYTES
from argmap.graph import ArgumentGraph, number_citations
from argmap.model import ArgumentMap, split_name
from argmap.project.config import ProjectFile, ProjectFileError, project_for
from argmap.project.load import Project, resolve
from argmap.project.merge import foreign, merge

__all__ = ["Project", "ProjectFile", "ProjectFileError", "attach", "debate", "named_maps",
           "open_project", "project_statuses", "resolve"]


def open_project(start: Path, config: Path | None = None, use_file: bool = True,
                 max_bytes: int = MAX_BYTES) -> Project:
    """The project ``start`` (a map file or a directory) belongs to, nothing read yet.

    Raises:
        ProjectFileError: if its project file is bad (a located diagnostic).
    """
    return Project(project_for(start, config, use_file), max_bytes)


def named_maps(project: Project, maps: list[ArgumentMap]) -> list[ArgumentMap]:
    """``maps`` and every map they name, transitively (read lazily), in that order."""
    out = list(maps)
    seen = {m.id for m in out}
    i = 0
    while i < len(out):
        for name in _names(out[i]):
            map_id = split_name(name)[0]
            if map_id is None or map_id in seen:
                continue
            found = project.find(map_id)
            if found is not None:
                seen.add(map_id)
                out.append(found)
        i += 1
    return out


def _names(argmap: ArgumentMap) -> list[str]:
    return [n for s in argmap.walk()
            for n in ([s.ref] if s.ref is not None else []) + [c.source for c in s.cites]]


def debate(project: Project, maps: list[ArgumentMap]) -> ArgumentMap:
    """The maps (and every map and library they name) as one map: see :mod:`.merge`."""
    return merge(named_maps(project, maps), project.root.name)


def attach(project: Project, graph: ArgumentGraph) -> None:
    """Give a map's graph the statements and sources of other maps that it names.

    Statements go in ``outside`` (shown as pointer boxes naming their map), sources
    in ``sources``, and the citations are numbered again with them. A library's
    graph is headed "Card library: ID" (it has no question).
    """
    graphs: dict[str, ArgumentGraph] = {}
    if not graph.question:  # a library: what its diagram and page are headed with
        graph.question = f"Card library: {graph.id}"
    graph.outside.update(foreign(graph, project.maps, graphs))
    extra = {}
    for statement in graph.statements.values():
        for citation in statement.cites:
            map_id, local = split_name(citation.source)
            other = project.maps.get(map_id) if map_id is not None else None
            if other is not None and local in other.sources:
                extra[citation.source] = other.sources[local]._replace(id=citation.source)
    if extra:
        graph.sources = {**graph.sources, **extra}
        graph.citations = number_citations(graph.statements.values(), graph.sources)


def project_statuses(project: Project, maps: list[ArgumentMap],
                     semantics: str = "grounded") -> dict[str, dict[str, str]]:
    """Map id -> statement key -> status, decided once over the whole project, for
    ``render --eval`` and ``show --eval``: a statement has one status in every map."""
    from argmap.analysis.evaluate import statuses

    everything = named_maps(project, maps)
    merged = statuses(merge(everything, project.root.name), semantics, by="key")
    out: dict[str, dict[str, str]] = {}
    for m in maps:
        own: dict[str, str] = {}
        prefix = f"{m.id}/"
        for key, status in merged.items():
            if key.startswith(prefix):
                own[key[len(prefix):]] = status
            elif key.startswith("@" + prefix):
                own["@" + key[len(prefix) + 1:]] = status
            elif "/" in key:
                own[key] = status  # another map's statement, as this map's refs name it
        out[m.id] = own
    return out
