"""``argmap watch``: the command; the loop is :mod:`argmap.edit.watch`.

The format, theme and direction choices are render's (argmap.cli.options).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.messages import fail
from argmap.cli.options import (
    DEFAULT_THEME,
    Direction,
    From,
    RenderFormat,
    SemanticsOpt,
    Theme,
    semantics_value,
)


def watch_command(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, show_default=False,
                    help="The map file to watch.")],
    fmt: Annotated[RenderFormat | None, typer.Option("--format", "-f", show_default=False,
                   help="Render to this format (needs -o); without -f and -o, print the "
                   "tree in the terminal.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", show_default=False,
                      help="The file to re-render on every save.")] = None,
    direction: Annotated[Direction, typer.Option("--direction", help="Where the question "
                         "sits: TB top, LR left, BT bottom, RL right.")] = Direction.TB,
    theme: Annotated[Theme, typer.Option("--theme", help="Colours.")] = DEFAULT_THEME,
    depth: Annotated[int | None, typer.Option("--depth", min=1, show_default=False,
                     help="Stop N levels below the question (or the --focus statement).")
                     ] = None,
    focus: Annotated[str | None, typer.Option("--focus", show_default=False,
                     help="Show one statement's subtree, by id or derived id.")] = None,
    no_legend: Annotated[bool, typer.Option("--no-legend", help="Leave out the legend.")
                         ] = False,
    evaluated: Annotated[bool, typer.Option("--eval", help="Mark each statement ✓ stands, "
                         "✗ falls or ? undecided, as argmap eval decides.")] = False,
    semantics: SemanticsOpt = None,
    source_format: From = None,
    once: Annotated[bool, typer.Option("--once", hidden=True)] = False,
) -> None:
    """Re-render a map every time it is saved, until Ctrl-C.

    A save with errors prints the diagnostics and keeps the last good output;
    the next good save renders again. Saves by rename, truncate-then-write or
    several writes are waited out. Ctrl-C ends it with exit code 0.

    Example: argmap watch maps/nato-promise.yaml -f svg -o nato.svg
    """
    from argmap.cli.output import choose_format, refuse_overwrite
    from argmap.cli.projectfile import project_file
    from argmap.edit.watch import WatchOptions, watch

    if fmt is not None and output is None:
        fail("give -o FILE to render to, or neither -f nor -o to print the tree", 2)
    if output is not None:
        refuse_overwrite([output], [path])  # watch -f yaml -o m.yaml would rewrite the map
    # As for render: without -f, -o's extension names the format (it must agree with -f)
    name = None if output is None else choose_format(fmt and fmt.value, str(output)).name
    found = project_file()  # its debate format, semantics and sides
    options = WatchOptions(name, output, direction.value, theme.value, depth, focus,
                           not no_legend, source_format and source_format.value, evaluated,
                           semantics_value(semantics),
                           None if found is None else found.defaults_for(path))
    raise typer.Exit(watch(path, options, once=once))
