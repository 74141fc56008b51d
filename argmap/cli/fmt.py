"""``argmap fmt``: the command; the formatter is :mod:`argmap.edit.fmt`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.edit import READ_ONLY, print_errors, read_map, read_only, write_map
from argmap.cli.messages import fail, say, to_stdout
from argmap.cli.options import From


def fmt_command(
    paths: Annotated[list[Path], typer.Argument(exists=True, show_default=False,
                     help="Map files, or directories to search for *.yaml and *.yml files.")],
    check: Annotated[bool, typer.Option("--check", help="Change nothing; exit 1 and list the "
                     "files that would change (for CI).")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Change nothing; print what would "
                    "change as a unified diff.")] = False,
    source_format: From = None,
) -> None:
    """Rewrite maps in the canonical layout, keeping every comment.

    Keys in the order of the format docs, two-space indentation, quotes only
    where YAML needs them; running it twice changes nothing. Files with
    errors are reported (as by argmap check) and left alone.

    Example: argmap fmt --check maps/
    """
    if source_format is not None:
        # --from is every reading command's option, so fmt takes it to say why it cannot
        fail(f"fmt rewrites argmap YAML in place and cannot rewrite a "
                   f"{source_format.value} file; convert it first with argmap import FILE "
                   f"--from {source_format.value} -o MAP.yaml, then fmt the map", 2)
    from argmap.edit.fmt import FormatError, format_map
    from argmap.files import expand_paths

    changed = failed = 0
    for path in expand_paths(paths):
        text, bom = read_map(path)
        try:
            result = format_map(text, str(path))
        except FormatError as exc:
            failed += 1
            print_errors(exc.errors)
            say(f"{path}{' ' if exc.errors else ': '}{exc}")
            continue
        if result == text:
            continue
        changed += 1
        if diff:
            to_stdout(_unified(text, result, str(path)).encode("utf-8"))
        if check:
            say(f"would reformat {path}")
        elif not diff and read_only(path):
            failed += 1
            say(f"{path} left unchanged: {READ_ONLY}")
        elif not diff:
            write_map(path, ("\ufeff" if bom else "") + result)
            say(f"formatted {path}")
    if failed or (check and changed):
        raise typer.Exit(1)


def _unified(before: str, after: str, name: str) -> str:
    import difflib

    lines = difflib.unified_diff(before.splitlines(keepends=True),
                                 after.splitlines(keepends=True), f"a/{name}", f"b/{name}")
    return "".join(lines)
