"""argmap: check, print and draw argument maps written in YAML.

The public API is one call per stage of the pipeline::

    result = argmap.load(Path("maps/nato-promise.yaml"))   # maps + diagnostics
    problems = argmap.check(result.maps[0])                 # cross-reference rules
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["__version__", "check", "load"]

if TYPE_CHECKING:
    from pathlib import Path

    from argmap.diagnostics import Diagnostic
    from argmap.model import ArgumentMap
    from argmap.readers.yaml.load import LoadResult


def load(path: Path) -> LoadResult:
    """Read every map in a YAML file; see :func:`argmap.readers.yaml.load.load_path`."""
    from argmap.readers.yaml.load import load_path

    return load_path(path)


def check(argmap: ArgumentMap) -> list[Diagnostic]:
    """Run the map-level rules; see :func:`argmap.rules.format.check`."""
    from argmap.rules.format import check as run

    return run(argmap)
