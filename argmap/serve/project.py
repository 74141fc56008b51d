"""Which files ``argmap serve`` may read: the maps under the path it was given, and nothing else.

A request names a map by its path relative to the project's folder. It is
refused when it could reach anything else: a ``..`` or ``.`` segment, an
absolute path, a backslash or NUL, a hidden file or folder, a symbolic link
that leads out of the folder, anything but a regular ``.yaml``/``.yml`` file.
Serving one file, the project is that file alone.
"""

from __future__ import annotations

import os
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.files import expand_paths

MAP_SUFFIXES = (".yaml", ".yml")


class Refused(Exception):
    """A path that tries to leave the project (HTTP 403)."""


class Project:
    """The folder (or the one file) being served."""

    def __init__(self, path: Path) -> None:
        if path.is_dir():
            self.root = Path(os.path.realpath(path))
            self.only: Path | None = None
        elif path.is_file():
            if path.suffix.lower() not in MAP_SUFFIXES:
                raise ArgmapError(f"cannot serve {path}: not a map file (.yaml or .yml)", 2)
            self.only = Path(os.path.realpath(path))
            self.root = self.only.parent
        else:
            raise ArgmapError(f"cannot serve {path}: not a file or a folder", 2)

    def maps(self) -> list[str]:
        """The relative names of the maps served, sorted (one, for a file)."""
        if self.only is not None:
            return [self.only.name]
        found = []
        for item in expand_paths([self.root]):
            try:
                found.append(self.name(item))
            except ValueError:  # a link to a file outside the folder: not served
                continue
        return sorted(found)

    def name(self, path: Path) -> str:
        """The relative name of a file of the project."""
        return Path(os.path.realpath(path)).relative_to(self.root).as_posix()

    def resolve(self, relative: str) -> Path:
        """The file a request names.

        Raises:
            Refused: for a path that could leave the project.
            FileNotFoundError: for one inside it that is no map file.
        """
        if (not relative or "\x00" in relative or "\\" in relative
                or relative.startswith("/") or ":" in relative.split("/")[0]):
            raise Refused(relative)
        parts = relative.split("/")
        if any(p in ("", ".", "..") or p.startswith(".") for p in parts):
            raise Refused(relative)
        real = Path(os.path.realpath(self.root.joinpath(*parts)))
        if real != self.root and self.root not in real.parents:
            raise Refused(relative)  # a symbolic link out of the folder
        if self.only is not None and real != self.only:
            raise FileNotFoundError(relative)
        if real.suffix.lower() not in MAP_SUFFIXES or not real.is_file():
            raise FileNotFoundError(relative)
        return real
