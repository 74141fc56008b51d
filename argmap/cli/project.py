"""The project commands: ``rename`` (an id across files) and ``search`` (evidence).

Registered in :mod:`argmap.cli.app` with one line each; each is one call to the API.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.console import say
from argmap.cli.messages import to_stdout

if TYPE_CHECKING:
    from argmap.project.config import ProjectFile


class SearchFormat(StrEnum):
    """Output formats of ``search``."""

    text = "text"
    json = "json"


class Scope(StrEnum):
    """What ``search --in`` searches."""

    text = "text"
    quotes = "quotes"
    sources = "sources"
    tags = "tags"


def _project_file() -> ProjectFile | None:
    """The project file --config named (the project of PATH is found from PATH)."""
    from argmap.cli.projectfile import project_file

    return project_file()


def rename_command(
    old: Annotated[str, typer.Argument(show_default=False, help="What to rename: MAP-ID/ID "
                   "(a statement's or source's id), an ID only one map has, or a MAP-ID.")],
    new: Annotated[str, typer.Argument(show_default=False, help="The new id (just the id, "
                   "without MAP-ID/).")],
    path: Annotated[Path | None, typer.Argument(show_default=False, help="A map or folder "
                    "of the project (default: the project of the current folder).")] = None,
) -> None:
    """Rename an id, a source id or a map id, and every reference to it in the project.

    Every other byte of every file stays as it was; the files are written all
    or none. A map whose id is its file's name is renamed by renaming the file.

    Example: argmap rename cards/cbo-2013 cbo-carbon-tax-2013
    """
    from argmap import api

    places, files = api.rename(old, new, path, _project_file())
    for name in files:
        say(f"wrote {name}")
    say(f"renamed '{old}' to '{new}' in {places} place{'s' * (places != 1)}")


def search_command(
    query: Annotated[str, typer.Argument(show_default=False, help='Words that must all '
                     'occur, and "quoted phrases"; case and accents do not matter.')],
    paths: Annotated[list[Path] | None, typer.Argument(show_default=False, help="Only hits "
                     "in these maps or folders (default: the whole project of the first, or "
                     "of the current folder).")] = None,
    fmt: Annotated[SearchFormat, typer.Option("--format", "-f", help="text: one hit a line; "
                   "json: a list of hits.")] = SearchFormat.text,
    scopes: Annotated[list[Scope] | None, typer.Option("--in", show_default=False,
                      help="Search only statements' text (with by and notes), quotes, "
                      "sources (titles, authors, publishers) or tags; repeat for more.")
                      ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many hits.")
                     ] = 20,
) -> None:
    """Find statements, card quotes, authors, source titles, tags and notes across the
    project, best first, each with its address (MAP-ID/ID) and place.

    The index is kept in the project's cache folder (.argmap-cache, or cache-dir in
    argmap.toml) and updated for the files that changed since the last search.

    Example: argmap search '"low-income households" dividend' --in quotes
    """
    from argmap import api
    from argmap.escape import json_text

    found = api.search(query, paths or [], [s.value for s in scopes or []], limit,
                       _project_file())
    if fmt is SearchFormat.json:
        records = [{"address": h.address, "kind": h.kind, "file": h.file, "line": h.line,
                    "text": h.text} for h in found]
        to_stdout((json_text(records) + "\n").encode("utf-8"))
        return
    lines = [f"{h.file}:{h.line}: {h.address} [{h.kind}] {_short(h.text)}" for h in found]
    to_stdout(("\n".join(lines) + "\n" if lines else "").encode("utf-8"))
    if not found:
        say("no hits")
        raise typer.Exit(1)


def _short(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
