"""``argmap flow``: a round's flow sheets, one column per speech."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.console import fail, load_or_fail, say
from argmap.cli.options import From

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


class FlowFormatChoice(StrEnum):
    """Output formats of ``flow`` (argmap.exporters.flow.FLOW_FORMATS)."""

    text = "text"
    md = "md"
    csv = "csv"
    html = "html"
    xlsx = "xlsx"


def flow_command(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True,
                    show_default=False, help="One map file with `format` or `speeches`.")],
    side: Annotated[str | None, typer.Option("--for", show_default=False, help="Mark only "
                    "what this side (or the side of this claim) must act on: the other "
                    "side's arguments it dropped, its own arguments not extended.")] = None,
    fmt: Annotated[FlowFormatChoice | None, typer.Option("--format", "-f", show_default=False,
                   help="text (the terminal), md, csv, html (one landscape page per sheet) "
                   "or xlsx (default: from -o's extension, else text).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", show_default=False,
                      help="File to write, or - for stdout (default: stdout, "
                      "<map-id>.xlsx for xlsx).")] = None,
    width: Annotated[int | None, typer.Option("--width", min=40, show_default=False,
                     help="Fit text to N columns (default: the terminal's width, else "
                     "100).")] = None,
    map_id: Annotated[str | None, typer.Option("--map", show_default=False, help="Which map "
                      "of a file that holds several.")] = None,
    source_format: From = None,
) -> None:
    """Print a round's flow: one sheet per claim or off-case position, one column per
    speech, each argument in the column of the speech that made it and its answers to the
    right; drops, extensions and arguments not extended are marked.

    Example: argmap flow examples/rounds/policy-carbon-tax.yaml --for aff -f xlsx -o round.xlsx
    """
    from argmap.api import flow
    from argmap.cli.output import output_paths, refuse_overwrite, write_outputs
    from argmap.exporters.flow import FLOW_FORMATS

    report = load_or_fail([str(path)], reader=source_format)
    maps = [m for m in report.maps if map_id is None or m.id == map_id]
    if len(maps) != 1:
        names = ", ".join(m.id for m in report.maps)
        fail(f"{path} holds the maps {names}: say which with --map" if not maps or
             map_id is None else f"no map '{map_id}' in {path}")
    chosen = _format(fmt, output)
    if output != "-":
        refuse_overwrite([output], [path])
    if width is None:
        width = os.get_terminal_size(sys.stdout.fileno()).columns if sys.stdout.isatty() \
            else 100
    result = flow(maps[0], chosen.value, side, max(width, 40))
    if output is None and chosen is not FlowFormatChoice.xlsx:
        output = "-"
    plan = output_paths([maps[0].id], FLOW_FORMATS[chosen.value], output)
    write_outputs(plan, [result], lambda target: say(f"wrote {target}"))


def _format(chosen: FlowFormatChoice | None, output: str | None) -> FlowFormatChoice:
    """-f, else the format -o's extension names, else text; a usage error when they disagree."""
    from argmap.exporters.flow import FLOW_FORMATS

    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    by_suffix = next((FlowFormatChoice(f.name) for f in FLOW_FORMATS.values()
                      if suffix in f.suffixes), None) if suffix else None
    if suffix and by_suffix is None and chosen is None:
        fail(f"cannot tell the format of -o {output} from its extension; use .txt, .md, "
             ".csv, .html or .xlsx, or -f")
    if chosen is not None and by_suffix is not None and chosen is not by_suffix:
        fail(f"-f {chosen.value} does not match -o {output}, which names a {by_suffix.value} "
             "file; drop -f or change the extension")
    return chosen or by_suffix or FlowFormatChoice.text


def speech_maps(maps: list[ArgumentMap], after: str | None) -> list[ArgumentMap]:
    """``eval --after SPEECH``: each map as its round stood after that speech."""
    if after is None:
        return maps
    from argmap.api import after as cut

    return [cut(m, after) for m in maps]


def by_speech_report(maps: list[ArgumentMap], fmt: str, semantics: str | None) -> None:
    """``eval --by-speech``: each round's claims, speech by speech (text or json)."""
    from argmap.analysis.after import by_speech_json, by_speech_text
    from argmap.cli.messages import to_stdout

    rounds = [m for m in maps if m.speeches]
    if not rounds:
        fail("--by-speech: no map here has speeches (add `format` or `speeches`)")
    if fmt == "json":
        to_stdout(by_speech_json(rounds, semantics).encode("utf-8"))
    else:
        to_stdout("\n".join(by_speech_text(m, semantics) for m in rounds).encode("utf-8"))
