"""How each open document is checked: as ``argmap check FILE`` would check it in its project.

A file's project file (``argmap.toml``, or ``[tool.argmap]`` in ``pyproject.toml``)
is found walking up from it, as the CLI finds it, and read again only when its
size or time changes. It gives the map keys' defaults (``semantics``, ``sides``)
and ``check``'s: ``select``, ``ignore`` and ``semantics`` from ``[check]`` or the
top level. Where the project file sets ``select`` or ``ignore``, it wins over the
editor's settings (``initializationOptions``), so the editor and ``argmap check``
in CI agree; where it sets neither, the editor's choice holds.

A project file that cannot be used never stops the server: its ``project-file``
diagnostic is shown on the open document, which is then checked on its own, as
outside any project.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from argmap.diagnostics import Diagnostic, error
from argmap.model import SEMANTICS, Span
from argmap.project.config import (
    ProjectFile,
    ProjectFileError,
    check_keys,
    find_project_file,
    read_project_file,
)

log = logging.getLogger("argmap.lsp")

#: each command's name -> the keys a project file may set for it (the CLI passes its own)
Options = Callable[[], Mapping[str, Iterable[str]]]


@dataclass(frozen=True)
class Setting:
    """How one file is checked: its project file (None for a document that is not a file,
    or when the project file is bad), the warnings, and ``--semantics``."""

    project_file: ProjectFile | None
    codes: frozenset[str]
    semantics: str | None = None
    #: why the project file cannot be used, located in it
    problem: Diagnostic | None = None
    #: which version of which project file this is (None: there is none)
    key: tuple[str, int, int] | None = None
    #: the folder of a project file that cannot be used (``problem``): the project's root
    home: Path | None = None

    @property
    def in_project(self) -> bool:
        """Whether a project file was found and used: the project-wide features need one."""
        return self.project_file is not None and self.project_file.path is not None

    @property
    def root(self) -> Path | None:
        """The project's root (a file's own folder when it has no project file; the bad
        project file's folder when it has a ``problem``)."""
        return self.home if self.project_file is None else self.project_file.root


@dataclass
class Workspace:
    """The editor's choice of rules, and the project files read so far."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    options: Options | None = None
    _read: dict[str, tuple[tuple[int, int], Setting]] = field(default_factory=dict)
    _known: Mapping[str, Iterable[str]] | None = None

    def codes(self, select: list[str] | None = None, ignore: list[str] | None = None
              ) -> frozenset[str]:
        """The warnings the editor's settings choose (``select``/``ignore`` over them).

        Raises:
            SelectError: for a selector that names no rule or group.
        """
        from argmap.rules.select import selected

        return frozenset(selected(self.select if select is None else select,
                                  self.ignore if ignore is None else ignore))

    def setting(self, file: str | None) -> Setting:
        """How ``file`` (None: a document that is not a file) is checked now."""
        alone = Setting(None, self._default_codes())
        if file is None:
            return alone
        found = find_project_file(Path(file))
        if found is None:
            here = Path(file).absolute()
            return Setting(ProjectFile(here.parent), alone.codes)
        try:
            info = found.stat()
        except OSError:
            return Setting(ProjectFile(Path(file).absolute().parent), alone.codes)
        stamp = (info.st_mtime_ns, info.st_size)
        cached = self._read.get(str(found))
        if cached is not None and cached[0] == stamp:
            return cached[1]
        setting = self._read_setting(found, (str(found), *stamp), alone)
        self._read[str(found)] = (stamp, setting)
        return setting

    def forget(self) -> None:
        """Read every project file again (one changed on disk)."""
        self._read.clear()

    def _default_codes(self) -> frozenset[str]:
        try:
            return self.codes()
        except Exception as exc:  # a bad selector in the editor's settings
            log.log(logging.WARNING, "argmap lsp: %s; using the default rules", exc)
            from argmap.rules.select import selected

            return frozenset(selected(None, None))

    def _read_setting(self, found: Path, key: tuple[str, int, int], alone: Setting
                      ) -> Setting:
        # a bad project file: the file is checked on its own, but keeps its project's root,
        # so that mending the project file checks it again (Server.dependents)
        home = found.absolute().parent
        try:
            project_file = read_project_file(found)
            if self.options is not None:
                if self._known is None:
                    self._known = self.options()
                check_keys(project_file, self._known)
        except ProjectFileError as exc:
            return Setting(None, alone.codes, home=home, problem=exc.diagnostic, key=key)
        except Exception as exc:  # never let a project file end the server
            log.exception("argmap lsp: reading %s failed", found)
            return Setting(None, alone.codes, home=home, key=key, problem=error(
                "project-file", f"cannot read the project file: {exc}", _start(found)))
        defaults = project_file.defaults("check")
        select, ignore = (selectors(defaults.get(k)) for k in ("select", "ignore"))
        try:
            codes = self.codes(select, ignore)
        except Exception as exc:  # a selector naming no rule
            which = "select" if select is not None else "ignore"
            return Setting(None, alone.codes, home=home, key=key,
                           problem=_bad(project_file, which, str(exc)))
        semantics = defaults.get("semantics")
        if semantics is not None and semantics not in SEMANTICS:
            return Setting(None, alone.codes, home=home, key=key, problem=_bad(
                project_file, "semantics", f"'semantics': {semantics!r} is not one of "
                f"{', '.join(SEMANTICS)}"))
        return Setting(project_file, codes, None if semantics is None else str(semantics),
                       key=key)


def _start(path: Path) -> Span:
    return Span(_shown(path), 1, 1)


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _bad(project_file: ProjectFile, key: str, message: str) -> Diagnostic:
    command = "check" if key in project_file.commands.get("check", {}) else None
    return error("project-file", message, project_file.span(command, key))


def selectors(value: object) -> list[str] | None:
    """``select``/``ignore`` as settings give them: a list, or one comma-separated string
    as ``--select`` takes it (None: not set)."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [str(part) for part in value]
    return None if value is None else [str(value)]
