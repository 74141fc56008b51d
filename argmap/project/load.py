"""A project's maps, loaded lazily, and the checks of the names that cross files.

A map names a statement or source of another map of the project as ``MAP-ID/ID``
(format 1.2). :class:`Project` finds the map of an id without reading the whole
project: a map's id is its file's stem unless it says otherwise, so the file named
after the id is read first, and the whole project is read only when no file has
that name. Nothing outside the project root is read: a file that is a symbolic
link leading out of the root is refused where it is named.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from argmap.diagnostics import Diagnostic, Severity, did_you_mean, error
from argmap.files import MAP_SUFFIXES, MAX_BYTES, SKIPPED_DIRS, excluded
from argmap.model import ArgumentMap, Span, split_name
from argmap.project.config import ProjectFile
from argmap.readers import load_data, load_path
from argmap.rules.format import MapIndex, run_rules

#: files' maps kept between projects (see :attr:`Project.memory`)
Memory = dict[str, tuple[object, list[ArgumentMap], list[Diagnostic]]]


@dataclass
class Project:
    """The maps of one project read so far, by id, and what reading them found."""

    file: ProjectFile
    max_bytes: int = MAX_BYTES
    maps: dict[str, ArgumentMap] = field(default_factory=dict)
    #: diagnostics of the maps read only because another map names them (errors only)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: map id -> why it cannot be read (outside the root), as a message
    refused: dict[str, str] = field(default_factory=dict)
    _files: dict[str, list[str]] | None = None  # stem -> files, listed once
    #: each listed file (as :meth:`files` shows it) -> its path relative to the root
    relative: dict[str, str] = field(default_factory=dict)
    _read: set[str] = field(default_factory=set)  # real paths already read
    _scanned: bool = False
    #: unsaved texts (an editor's), by real path: read in place of those files
    texts: Mapping[str, bytes] = field(default_factory=dict)
    #: what files were read into, kept by a long-lived process (the language server) for
    #: the next project: real path -> (the file's text, or its time, size and inode; its
    #: maps; their errors). A command reads each file once and keeps none.
    memory: Memory | None = None

    @property
    def root(self) -> Path:
        """The project's root directory."""
        return self.file.root

    def add(self, argmap: ArgumentMap) -> None:
        """Register a map read by the command itself (the first of an id wins)."""
        self.maps.setdefault(argmap.id, argmap)
        self._read.add(os.path.realpath(argmap.span.file))

    def find(self, map_id: str) -> ArgumentMap | None:
        """The map with this id, reading its file (and only it) if it is not read yet."""
        found = self.maps.get(map_id)
        if found is not None or map_id in self.refused:
            return found
        for path in self.files().get(map_id, []):
            self._read_file(path, map_id)
        if map_id not in self.maps and map_id not in self.refused and not self._scanned:
            self._scanned = True  # an id that is not a file's stem: read the whole project
            for paths in self.files().values():
                for path in paths:
                    self._read_file(path, None)
        return self.maps.get(map_id)

    def read_all(self) -> dict[str, ArgumentMap]:
        """Every map of the project by id, reading the files not read yet (a rename or a
        search for every use of a name needs them all)."""
        for paths in self.files().values():
            for path in paths:
                self._read_file(path, None)
        return dict(self.maps)

    def read(self, path: str) -> bytes:
        """A file's bytes: its unsaved text (:attr:`texts`) if it has one, else the disk's.

        Raises:
            OSError: if the file cannot be read.
        """
        data = self.texts.get(os.path.realpath(path))
        if data is not None:
            return data
        with open(path, "rb") as f:
            return f.read()

    def map_ids(self) -> list[str]:
        """Every map id the project may have, for suggestions: the ids read and the stems."""
        return sorted(set(self.maps) | set(self.files()))

    def files(self) -> dict[str, list[str]]:
        """The project's map files by stem (listed, not read), hidden folders skipped; each
        path as diagnostics show it (relative to the working directory when under it)."""
        if self._files is None:
            self._files = {}
            root = str(self.root)
            base = _shown(root)
            cache = str(self.file.cache_dir)
            cut = len(root.rstrip(os.sep)) + 1
            skip = [str(p) for p in self.file.top.get("exclude", [])]  # argmap.toml's
            for folder, dirs, names in os.walk(root):
                inner = folder[cut:]
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and d not in SKIPPED_DIRS
                                 and os.path.join(folder, d) != cache
                                 and not (skip and excluded(
                                     Path(folder, d), Path(inner, d), skip, directory=True)))
                for name in sorted(names):
                    stem, suffix = os.path.splitext(name)
                    if suffix not in MAP_SUFFIXES or name.startswith("."):
                        continue
                    relative = f"{inner}{os.sep}{name}" if inner else name
                    if skip and excluded(Path(folder, name), Path(relative), skip):
                        continue
                    shown = relative if base == "." else f"{base}{os.sep}{relative}"
                    self._files.setdefault(stem, []).append(shown)
                    self.relative[shown] = relative
        return self._files

    def _read_file(self, path: str, wanted: str | None) -> None:
        real = os.path.realpath(path)
        if real in self._read:
            return
        if not self.inside(real):
            if wanted is not None:
                self.refused[wanted] = (f"{path} is a symbolic link to a file outside the "
                                        "project root, and argmap reads nothing outside it")
            return
        self._read.add(real)
        maps, errors = self._load(path, real)
        self.diagnostics.extend(errors)
        for argmap in maps:
            self.maps.setdefault(argmap.id, argmap)

    def _load(self, path: str, real: str) -> tuple[list[ArgumentMap], list[Diagnostic]]:
        """A file's maps and errors: from :attr:`memory` if the file (or its unsaved text)
        is as it was when they were read, else read now."""
        data = self.texts.get(real)
        key: object = None
        if self.memory is not None:
            try:
                info = os.stat(real)
                key = (path, data) if data is not None else (
                    path, info.st_mtime_ns, info.st_size, info.st_ino)
            except OSError:
                key = None if data is None else (path, data)
            known = self.memory.get(real)
            if known is not None and key is not None and known[0] == key:
                return known[1], known[2]
        defaults = self.file.map_defaults
        loaded = (load_path(Path(path), self.max_bytes, defaults=defaults) if data is None
                  else load_data(data, Path(path), None, defaults))
        errors = [d for d in loaded.diagnostics if d.severity is Severity.ERROR]
        for argmap in loaded.maps:
            errors.extend(d for d in run_rules(MapIndex.of(argmap))
                          if d.severity is Severity.ERROR)
        if self.memory is not None and key is not None:
            self.memory[real] = (key, loaded.maps, errors)
        return loaded.maps, errors

    def inside(self, real: str) -> bool:
        """Whether a real (symlink-free) path lies under the project root."""
        root = os.path.realpath(self.root)
        return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _shown(path: str) -> str:
    """A path as diagnostics show it: relative to the working directory when under it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


class Name:
    """One qualified name written in a map: what it names and where."""

    __slots__ = ("kind", "map_id", "name", "span", "text")

    def __init__(self, kind: str, text: str, span: Span) -> None:
        self.kind, self.text, self.span = kind, text, span  # kind: "ref" or "source"
        map_id, self.name = split_name(text)
        self.map_id = map_id or ""


def qualified_names(argmap: ArgumentMap) -> Iterator[Name]:
    """Every ``MAP-ID/ID`` a map writes, in refs and in citations, in file order."""
    for statement in argmap.walk():
        if statement.ref is not None and "/" in statement.ref:
            yield Name("ref", statement.ref, statement.span)
        for citation in statement.cites:
            if "/" in citation.source:
                yield Name("source", citation.source, citation.span)


def resolve(project: Project, maps: Iterable[ArgumentMap]) -> list[Diagnostic]:
    """Check every qualified name of ``maps`` and of the maps they name, transitively.

    Reports a map or id that does not exist (with a suggestion), a map outside the
    root, and a library that names a map which names it back (a library holds cards
    that maps use; it cannot depend on them).
    """
    found: list[Diagnostic] = []
    queue = list(maps)
    done: set[str] = set()
    edges: dict[str, dict[str, Span]] = {}  # map id -> map ids it names -> first place
    while queue:
        argmap = queue.pop(0)
        if argmap.id in done:
            continue
        done.add(argmap.id)
        for name in qualified_names(argmap):
            other = argmap if name.map_id == argmap.id else project.find(name.map_id)
            if other is None:
                found.append(_missing_map(project, name))
                continue
            edges.setdefault(argmap.id, {}).setdefault(other.id, name.span)
            problem = _missing_id(other, name)
            if problem is not None:
                found.append(problem)
            if other.id not in done:
                queue.append(other)
    found.extend(_library_cycles(project, edges))
    return found


def _missing_map(project: Project, name: Name) -> Diagnostic:
    if name.map_id in project.refused:
        return error("outside-project", f"'{name.text}' names map '{name.map_id}', but "
                     f"{project.refused[name.map_id]}", name.span)
    hint = did_you_mean(name.map_id, project.map_ids()) or (
        "; a map's id is its file's name unless it sets `id`")
    return error("unknown-map", f"'{name.text}' names map '{name.map_id}', which no file of "
                 f"the project has{hint}", name.span)


def _missing_id(other: ArgumentMap, name: Name) -> Diagnostic | None:
    where = f"map '{other.id}' ({other.span.file})"
    if name.kind == "source":
        if name.name in other.sources:
            return None
        hint = did_you_mean(name.name, other.sources)
        return error("unknown-source", f"source '{name.text}': {where} lists no source "
                     f"'{name.name}'{hint}", name.span)
    ids = MapIndex.of(other).ids
    target = ids.get(name.name)
    if target is not None and not target.premises:
        return None
    if target is not None:
        return error("ref-to-argument", f"ref '{name.text}' names a linked argument in "
                     f"{where}, not a statement; ref one of its premises", name.span)
    hint = did_you_mean(name.name, ids) or "; give the statement you mean an `id`"
    return error("unknown-ref", f"ref '{name.text}' names no statement in {where}{hint}",
                 name.span)


def _library_cycles(project: Project, edges: dict[str, dict[str, Span]]) -> list[Diagnostic]:
    found = []
    for library, targets in edges.items():
        if not project.maps[library].library:
            continue
        for target, span in targets.items():
            if project.maps[target].library or target == library:
                continue
            back = _path(edges, target, library)
            if back is not None:
                chain = " → ".join(back)
                found.append(error(
                    "library-cycle", f"library '{library}' names map '{target}', which names "
                    f"the library back ({chain}); a library holds cards that maps use, so "
                    "move this card into the map or drop the reference", span))
    return found


def _path(edges: dict[str, dict[str, Span]], start: str, goal: str) -> list[str] | None:
    """The map ids from ``start`` to ``goal`` along ``edges`` (breadth-first), if any."""
    before: dict[str, str | None] = {start: None}
    queue = [start]
    while queue:
        here = queue.pop(0)
        if here == goal:
            chain = [here]
            while (previous := before[chain[-1]]) is not None:
                chain.append(previous)
            return chain[::-1]
        for there in edges.get(here, {}):
            if there not in before:
                before[there] = here
                queue.append(there)
    return None


def broken_by_edit(project: Project, file: str, before: list[ArgumentMap],
                   after: list[ArgumentMap]) -> list[Diagnostic]:
    """The names in other files of the project that an edit of ``file`` would break: each
    ``MAP-ID/ID`` whose statement or source the edit removes, at the place it is written.

    Only files that mention one of the edited maps' ids are parsed.
    """
    def names(maps: list[ArgumentMap]) -> set[str]:
        return {f"{m.id}/{s.id}" for m in maps for s in m.walk() if s.id is not None} | {
            f"{m.id}/{source}" for m in maps for source in m.sources}

    removed = names(before) - names(after)
    if not removed:
        return []
    own = os.path.realpath(file)
    heads = {name.partition("/")[0] + "/" for name in removed}
    found = []
    for paths in project.files().values():
        for path in paths:
            real = os.path.realpath(path)
            if real == own or not project.inside(real):
                continue
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError:
                continue
            if not any(head.encode() in data for head in heads):
                continue
            for argmap in load_path(Path(path), project.max_bytes).maps:
                found += [error(
                    "unknown-ref" if name.kind == "ref" else "unknown-source",
                    f"{name.kind} '{name.text}' would name nothing: the edit of {file} "
                    f"removes it; remove or change this {name.kind} first", name.span)
                    for name in qualified_names(argmap) if name.text in removed]
    return found
