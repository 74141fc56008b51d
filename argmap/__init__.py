"""argmap: check, print, draw and evaluate argument maps written in YAML.

The public API is :mod:`argmap.api`, re-exported here (docs/api.md)::

    import argmap

    doc = argmap.load("maps/nato-promise.yaml")   # maps + diagnostics; never raises
    m = doc.maps[0]
    labels = argmap.evaluate(m)                  # address -> Label(status, supported, ...)
    svg = argmap.render(m, "svg", eval=True)

Importing ``argmap`` is cheap: the API's modules load on first use.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from argmap import model as _model

__version__ = "0.1.0"
__all__ = [
    "ArgmapError",
    "ArgumentGraph",
    "ArgumentMap",
    "Diagnostic",
    "Document",
    "GStatement",
    "Label",
    "Labels",
    "Link",
    "MapError",
    "PathOrFile",
    "Relation",
    "Statement",
    "Status",
    "UsageError",
    "ViewError",
    "__version__",
    "check",
    "evaluate",
    "export",
    "frontlines",
    "graph",
    "load",
    "load_map",
    "loads",
    "render",
    "show",
    "sides",
    "to_networkx",
    "view",
]

if TYPE_CHECKING:
    from argmap.analysis.evaluate import Status
    from argmap.api import (
        Document,
        Label,
        Labels,
        MapError,
        PathOrFile,
        check,
        evaluate,
        export,
        frontlines,
        load,
        load_map,
        loads,
        render,
        show,
        sides,
        to_networkx,
    )
    from argmap.diagnostics import Diagnostic
    from argmap.errors import ArgmapError, UsageError, ViewError
    from argmap.graph import ArgumentGraph, GStatement, Link
    from argmap.model import ArgumentMap, Relation, Statement

#: where each public name lives (imported on first use, so ``import argmap`` stays cheap)
_HOMES = {"ArgumentGraph": "argmap.graph", "GStatement": "argmap.graph", "Link": "argmap.graph",
          "ArgumentMap": "argmap.model", "Statement": "argmap.model", "Relation": "argmap.model",
          "Status": "argmap.analysis.evaluate", "Diagnostic": "argmap.diagnostics",
          "ArgmapError": "argmap.errors", "UsageError": "argmap.errors",
          "ViewError": "argmap.errors"}

if not TYPE_CHECKING:  # type checkers see the imports above: a misspelt name is an error

    def __getattr__(name: str) -> Any:
        if name in __all__ and name != "__version__":
            from importlib import import_module

            value = getattr(import_module(_HOMES.get(name, "argmap.api")), name)
            globals()[name] = value
            return value
        raise AttributeError(f"module 'argmap' has no attribute {name!r}")


def graph(argmap: ArgumentMap) -> ArgumentGraph:
    """The map as statements and links, refs resolved (:func:`argmap.api.graph`)."""
    from argmap.api import graph as build

    return build(argmap)


def view(argmap: ArgumentMap, focus: str | None = None, depth: int | None = None,
         side: str | None = None) -> ArgumentGraph:
    """The map's graph cut by focus, depth and side (:func:`argmap.api.view`)."""
    from argmap.api import view as cut

    return cut(argmap, focus, depth, side)


class _Package(types.ModuleType):
    """``argmap`` itself. ``graph`` and ``view`` are modules of the package and functions of
    its API: importing the module ``argmap.graph`` would rebind ``argmap.graph`` to it
    (Python sets a package's attribute to each submodule it imports), so the functions
    keep their names; the modules stay in ``sys.modules`` for ``from argmap.graph import``.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("graph", "view") and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def _display() -> _model.Display:
    """The model's display (``str(m)``, Jupyter): the API's, imported on first use."""
    from argmap.api import Display

    return Display()


_model.DISPLAY = _display
