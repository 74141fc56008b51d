"""argmap: check, print and draw argument maps written in YAML.

The public API is three calls, one per stage of the pipeline::

    result = argmap.load(Path("maps/nato-promise.yaml"))   # maps + diagnostics
    problems = argmap.check(result.maps[0])                 # cross-reference rules
    text = argmap.render(result.maps[0], "dot")             # any registered format
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "check", "load", "render"]

if TYPE_CHECKING:
    from pathlib import Path

    from argmap.loader import LoadResult
    from argmap.model import ArgumentMap


def load(path: Path) -> LoadResult:
    """Read every map in a YAML file; see :func:`argmap.loader.load_path`."""
    from argmap.loader import load_path

    return load_path(path)


def check(argmap: ArgumentMap) -> list[Any]:
    """Run the map-level rules; see :func:`argmap.checks.check`."""
    from argmap.checks import check as run

    return run(argmap)


def render(argmap: ArgumentMap, fmt: str, **options: Any) -> str | bytes:
    """Render a map in a registered format; see :mod:`argmap.renderers`."""
    from argmap.renderers import render as run

    return run(argmap, fmt, **options)
