"""One version of an open document: ``check``'s diagnostics, its maps, and its index.

The diagnostics are made exactly as ``argmap check FILE`` makes them in the file's
project: the same reader on the same bytes, the project file's defaults, the names
of other maps (``MAP-ID/ID``) resolved with the editor's unsaved texts in place of
the files, the same map-level rules and choice of warning rules. The index and the
statuses are made only when a request needs them, once per version.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import cached_property
from pathlib import Path

from argmap.api import Labels, check_text, evaluate
from argmap.diagnostics import Diagnostic, error
from argmap.lsp.index import Index, build_index
from argmap.lsp.text import Lines
from argmap.lsp.workspace import Setting
from argmap.model import ArgumentMap, Span, Statement
from argmap.project import Project
from argmap.project.load import Memory


class Analysis:
    """What argmap makes of one text of one file, checked as its ``setting`` says; the
    unsaved ``texts`` of other files (by real path) stand in for those files."""

    def __init__(self, text: str, file: str, setting: Setting,
                 texts: Mapping[str, bytes] | None = None, encoding: str = "utf-16",
                 generation: int = 0, uris: Mapping[str, str] | None = None,
                 memory: Memory | None = None) -> None:
        self.text = text
        self.file = file
        self.setting = setting
        self.texts = texts or {}
        #: the open documents' URIs by the real path of their files
        self.uris = uris or {}
        #: which state of the other open documents and files this analysis saw
        self.generation = generation
        self.lines = Lines(text, encoding)
        # An editor may hold a lone surrogate (JSON can carry one); surrogatepass lets
        # the reader report it as the undecodable byte it would be in a file.
        document = check_text(text.encode("utf-8", "surrogatepass"), file,
                              set(setting.codes), project_file=setting.project_file,
                              texts=self.texts, semantics=setting.semantics,
                              memory=memory)
        self.memory = memory
        self.maps: list[ArgumentMap] = document.maps
        #: the project, when the maps name another map or are libraries (else None)
        self.checked_project: Project | None = document.project
        self.diagnostics: list[Diagnostic] = [
            d for d in document.diagnostics if d.span.file == file]
        if setting.problem is not None:
            where = setting.problem.span
            self.diagnostics.insert(0, error(
                "project-file", f"{where.file}:{where.line}:{where.column}: "
                f"{setting.problem.message} (this file is checked on its own until the "
                "project file is fixed)", Span(file, 1, 1)))

    def uri_of(self, file: str) -> str:
        """The URI of a file named in a diagnostic or a map's span: the editor's own for an
        open document."""
        real = os.path.realpath(file)
        return self.uris.get(real) or Path(file).absolute().as_uri()

    def lines_of(self, file: str) -> Lines | None:
        """The lines of another file of the project (its unsaved text if it is open), or
        None if it cannot be read."""
        if os.path.realpath(file) == os.path.realpath(self.file):
            return self.lines
        data = self.texts.get(os.path.realpath(file))
        if data is None:
            try:
                data = Path(file).read_bytes()
            except OSError:
                return None
        return Lines(data.decode("utf-8", "replace"), self.lines.encoding)

    @property
    def names_project(self) -> Project | None:
        """The project the maps' qualified names are resolved in, as ``check`` resolves
        them (with or without a project file), or the project of the project file."""
        return self.checked_project or self.project

    @property
    def depends_on_others(self) -> bool:
        """Whether other files' contents change this analysis (it names another map)."""
        return self.checked_project is not None

    @cached_property
    def project(self) -> Project | None:
        """The project, for the project-wide features: only with a project file, and
        with the unsaved texts read in place of the files (None outside a project)."""
        if not self.setting.in_project or self.setting.project_file is None:
            return None
        if self.checked_project is not None:
            return self.checked_project
        found = Project(self.setting.project_file)
        found.texts = self.texts
        found.memory = self.memory
        for m in self.maps:
            found.add(m)
        return found

    @cached_property
    def index(self) -> Index | None:
        """Where every name and key is, or None when the text is not YAML."""
        return build_index(self.text)

    def map_at(self, line: int) -> ArgumentMap | None:
        """The map whose document holds 0-based ``line``: the last one starting at or above it."""
        found = None
        for argmap in self.maps:
            if argmap.span.line - 1 <= line or found is None:
                found = argmap
        return found

    def map_of_document(self, document: int) -> ArgumentMap | None:
        """The map built from the ``document``-th YAML document, by where that one starts."""
        index = self.index
        if index is None or document >= len(index.parsed.documents):
            return None
        return self.map_at(int(index.parsed.documents[document].start_mark.line))

    def statements(self, argmap: ArgumentMap) -> dict[str, Statement]:
        """A map's statements with an id (linked arguments included), by id."""
        cache = self._statements.setdefault(argmap.id, {})
        if not cache:
            for s in argmap.walk():
                if s.id is not None and s.ref is None:
                    cache.setdefault(s.id, s)
        return cache

    def labels(self, argmap: ArgumentMap) -> Labels | None:
        """Which statements stand, under the map's own semantics; None if it cannot be said."""
        if argmap.id not in self._labels:
            try:
                self._labels[argmap.id] = evaluate(argmap, argmap.semantics or "grounded")
            except Exception:  # a broken map may not evaluate; hover then shows no status
                self._labels[argmap.id] = None
        return self._labels[argmap.id]

    def project_statuses(self, argmap: ArgumentMap) -> dict[str, str] | None:
        """The statuses of a map that names other maps, decided over the whole project as
        ``show --eval`` decides them (its own ids, and ``MAP-ID/ID`` for others'); None
        for a map that names none, or when they cannot be said."""
        project = self.checked_project
        if project is None:
            return None
        if argmap.id not in self._project_statuses:
            from argmap.project import project_statuses

            try:
                found: dict[str, str] | None = project_statuses(
                    project, [argmap], argmap.semantics or "grounded")[argmap.id]
            except Exception:  # a broken project may not evaluate: no status then
                found = None
            self._project_statuses[argmap.id] = found
        return self._project_statuses[argmap.id]

    @cached_property
    def _statements(self) -> dict[str, dict[str, Statement]]:
        return {}

    @cached_property
    def _labels(self) -> dict[str, Labels | None]:
        return {}

    @cached_property
    def _project_statuses(self) -> dict[str, dict[str, str] | None]:
        return {}


def ids(maps: Iterable[ArgumentMap]) -> dict[str, Statement]:
    """Every id of the maps' statements (the first of a repeated one), for completion."""
    found: dict[str, Statement] = {}
    for argmap in maps:
        for s in argmap.walk():
            if s.id is not None and s.ref is None:
                found.setdefault(s.id, s)
    return found
