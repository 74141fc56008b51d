"""The project file: ``argmap.toml`` at a project's root, or ``[tool.argmap]`` in
``pyproject.toml``, found by walking up from a map as ruff and pytest find theirs.

It holds defaults. A top-level key is the default of the option of that name in
every command that takes it (``theme = "dark"`` is ``--theme dark`` wherever there
is a ``--theme``); a table named after a command holds defaults for that command
only and wins over the top level (``[render] format = "png"``); the command line
wins over both. Three keys are the project's, not a command's: ``semantics``,
``sides`` and ``format`` (the debate format, as a map's ``format:`` key) are the
defaults of the map keys of those names; ``cache-dir`` is where ``argmap search``
keeps its index.

Reading never raises for a bad file except as :class:`ProjectFileError`, whose
``diagnostic`` points at the line and column (tomllib's own position for bad TOML).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.diagnostics import Diagnostic, did_you_mean, error
from argmap.errors import ArgmapError
from argmap.model import SEMANTICS, SLUG_RE, Span
from argmap.speeches import PRESETS, MapDefaults

#: the project file's name
PROJECT_FILE = "argmap.toml"
#: where the search index and other derived files go, under the root (``cache-dir``)
CACHE_DIR = ".argmap-cache"
#: the project's own keys (the rest are command options), with their help for the docs
PROJECT_KEYS: dict[str, tuple[str, str]] = {
    "semantics": ('"grounded"', "the default of a map's `semantics` (grounded, weighed): a "
                  "map's own key wins over it, `--semantics` over both"),
    "sides": ("[]", "the default of a map's `sides`, e.g. [\"aff\", \"neg\"] (a map's own "
              "wins)"),
    "format": ("none", "the default of a map's debate `format` (policy, ld, ...); a "
               "command's output format goes in its table: `[render] format = \"png\"`"),
    "cache-dir": (f'"{CACHE_DIR}"', "where `argmap search` keeps its index, relative to "
                  "the root"),
}


#: the project's own keys: defaults of map keys (and the cache folder), no option's default
_MAP_ONLY = frozenset(PROJECT_KEYS)


class ProjectFileError(ArgmapError):
    """A project file that cannot be used; ``diagnostic`` says where and why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic), 1)
        self.diagnostic = diagnostic


@dataclass
class ProjectFile:
    """A project's root and the defaults its project file sets (none without a file)."""

    root: Path
    path: Path | None = None
    top: dict[str, Any] = field(default_factory=dict)
    commands: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: (command or None, key) -> where the key is written
    spans: dict[tuple[str | None, str], Span] = field(default_factory=dict)
    #: whose map keys a map named on the command line gets: "tree", the project file
    #: nearest to it; "all", this one (``--config FILE``); "none" (``--no-config``)
    scope: str = "tree"
    #: a map's folder -> the project file nearest to it (:meth:`defaults_for`'s cache)
    _nearest: dict[str, ProjectFile | None] = field(default_factory=dict, repr=False,
                                                     compare=False)

    def defaults(self, command: str) -> dict[str, Any]:
        """The defaults for one command: the top level, then its own table over them."""
        return {**{k: v for k, v in self.top.items() if k not in _MAP_ONLY},
                **self.commands.get(command, {})}

    def span(self, command: str | None, key: str) -> Span:
        """Where a key is written (the file's start if it cannot be told)."""
        found = self.spans.get((command, key)) or self.spans.get((None, key))
        return found or Span(str(self.path), 1, 1)

    @property
    def semantics(self) -> str:
        """The project's default semantics (``grounded`` unless the file says)."""
        return str(self.top.get("semantics", SEMANTICS[0]))

    @property
    def sides(self) -> tuple[str, ...]:
        """The project's default sides (none unless the file says)."""
        return tuple(self.top.get("sides", ()))

    @property
    def debate_format(self) -> str | None:
        """The project's default debate format (a map's ``format:``), if it sets one."""
        value = self.top.get("format")
        return None if value is None else str(value).lower()

    @property
    def map_defaults(self) -> MapDefaults | None:
        """What the project gives its maps where they set none (None: no project file)."""
        if self.path is None:
            return None
        semantics = self.top.get("semantics")
        return MapDefaults(self.debate_format, self.sides,
                           None if semantics is None else str(semantics))

    def defaults_for(self, path: Path) -> MapDefaults | None:
        """The map keys (:attr:`map_defaults`) a map file gets: this project's for a map
        under its root (and standard input, ``-``); for a map elsewhere, named beside
        this project's, those of the project file nearest to it, as if it were checked
        on its own (none under ``--no-config``; ``--config FILE``'s for every map).

        Raises:
            ProjectFileError: if that other project file is bad.
        """
        if self.scope == "all" or str(path) == "-":
            return self.map_defaults
        if self.scope == "none":
            return None
        where = os.path.abspath(path)  # (no system call: a folder of many maps pays little)
        if self.path is not None and (
                where.startswith(os.path.abspath(self.root).rstrip(os.sep) + os.sep)
                or os.path.realpath(where).startswith(
                    os.path.realpath(self.root).rstrip(os.sep) + os.sep)):
            return self.map_defaults
        folder = os.path.dirname(where)
        if folder not in self._nearest:
            found = find_project_file(Path(folder))
            same = found is not None and self.path is not None and (
                os.path.realpath(found) == os.path.realpath(self.path))
            self._nearest[folder] = (self if same else None if found is None
                                     else read_project_file(found))
        nearest = self._nearest[folder]
        return None if nearest is None else nearest.map_defaults

    @property
    def cache_dir(self) -> Path:
        """Where derived files (the search index) go."""
        return self.root / str(self.top.get("cache-dir", CACHE_DIR))


def find_project_file(start: Path) -> Path | None:
    """The nearest ``argmap.toml``, or ``pyproject.toml`` with ``[tool.argmap]``, in
    ``start`` (a file's directory) or a directory above it."""
    here = start.absolute()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / PROJECT_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*argmap\s*[\].]", text, re.MULTILINE) is not None


def project_for(start: Path, config: Path | None = None, use_file: bool = True
                ) -> ProjectFile:
    """The project ``start`` (a map file or a directory) belongs to.

    ``config`` (``--config FILE``) names the project file; ``use_file=False``
    (``--no-config``) ignores any. Without a file the root is ``start``'s directory.

    Raises:
        ProjectFileError: if the project file is not valid TOML or has a bad value.
    """
    found = config if config is not None else find_project_file(start) if use_file else None
    if found is None:
        here = start.absolute()
        return ProjectFile(here if here.is_dir() else here.parent,
                           scope="tree" if use_file else "none")
    project = read_project_file(found)
    if config is not None:
        project.scope = "all"
    return project


def read_project_file(path: Path) -> ProjectFile:
    """Read one project file (argmap.toml, or pyproject.toml's ``[tool.argmap]``).

    Raises:
        ProjectFileError: for bad TOML (tomllib's line and column) or a bad shape.
    """
    relative = os.path.relpath(path)
    name = str(path) if relative.startswith("..") else relative
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectFileError(error("project-file", f"cannot read the project file: "
                                     f"{getattr(exc, 'strerror', None) or exc}",
                                     Span(name, 1, 1))) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line, column = (int(where[1]), int(where[2])) if where else (1, 1)
        problem = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        raise ProjectFileError(error("project-file", f"not valid TOML: {problem}",
                                     Span(name, line, column))) from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("argmap", {})
        prefix = ("tool", "argmap")
    spans = _key_spans(text, name, prefix)
    found = ProjectFile(path.absolute().parent, path, spans=spans)
    for key, value in data.items():
        if isinstance(value, dict):
            found.commands[key] = value
        else:
            found.top[key] = value
    _check_project_keys(found)
    return found


def _check_project_keys(found: ProjectFile) -> None:
    """The project's own keys have the values the map keys of those names take."""
    top = found.top
    if "semantics" in top and top["semantics"] not in SEMANTICS:
        _bad(found, "semantics", f"semantics must be one of {', '.join(SEMANTICS)}, not "
             f"{top['semantics']!r}")
    sides = top.get("sides", [])
    if not isinstance(sides, list) or not all(
            isinstance(s, str) and SLUG_RE.match(s) for s in sides):
        _bad(found, "sides", "sides must be a list of side names (slugs), such as "
             '["aff", "neg"]')
    twice = [side for n, side in enumerate(sides) if side in sides[:n]]
    if twice:
        _bad(found, "sides", f"side '{twice[0]}' is listed twice; each side is named once")
    for key in ("format", "cache-dir"):
        if key in top and not isinstance(top[key], str):
            _bad(found, key, f"{key} must be a string")
    name = top.get("format")
    if name is not None and name.lower() not in PRESETS:
        _bad(found, "format", f"unknown debate format {name!r} (argmap knows "
             f"{', '.join(PRESETS)}; for another, list `speeches` in each map)"
             + did_you_mean(name.lower(), PRESETS))


def check_keys(found: ProjectFile, options: Mapping[str, Iterable[str]]) -> None:
    """Refuse keys no command has: ``options`` maps each command to its option names.

    Raises:
        ProjectFileError: at the first unknown key or table, with a suggestion.
    """
    every = {name for names in options.values() for name in names} | set(PROJECT_KEYS)
    for key in found.top:
        if key not in every:
            _bad(found, key, f"no command has an option '--{key}'{did_you_mean(key, every)}")
    for command, values in found.commands.items():
        if command not in options:
            _bad(found, command, f"no command '{command}'{did_you_mean(command, options)}; "
                 "a table holds the defaults of one command")
        for key in values:
            if key not in options[command]:
                _bad(found, key, f"'argmap {command}' has no option '--{key}'"
                     f"{did_you_mean(key, options[command])}", command)


def _bad(found: ProjectFile, key: str, message: str, command: str | None = None) -> None:
    raise ProjectFileError(error("project-file", message, found.span(command, key)))


_HEADER = re.compile(r"\s*\[\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""\s*("?)([A-Za-z0-9_\-]+)\1\s*=\s*""")


def _key_spans(text: str, name: str, prefix: tuple[str, ...]
               ) -> dict[tuple[str | None, str], Span]:
    """Where each key is written: (its command table or None, key) -> the value's position.

    tomllib gives no positions for values, so the lines are scanned for table
    headers and ``key =`` (enough for the flat files a project file is). A table
    header's own position is recorded under (None, table name).
    """
    spans: dict[tuple[str | None, str], Span] = {}
    table: tuple[str, ...] | None = () if not prefix else None
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            parts = tuple(p.strip().strip('"') for p in header[1].split("."))
            table = parts[len(prefix):] if parts[:len(prefix)] == prefix else None
            if table is not None and len(table) == 1:
                spans.setdefault((None, table[0]), Span(name, number, line.index("[") + 1))
            continue
        key = _KEY.match(line)
        if key is None or table is None or len(table) > 1:
            continue
        where = Span(name, number, key.end() + 1)
        spans.setdefault((table[0] if table else None, key[2]), where)
    return spans
