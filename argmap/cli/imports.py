"""``argmap import``: an Argdown, Kialo, AIF or Verbatim (.docx) file as a commented argmap
YAML map.

The readers (:mod:`argmap.readers`) build the map; the canonical YAML
exporter writes it, under a header that says where it came from, where its
question came from and what the source had that format 1.1 cannot hold.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.edit import print_errors, write_map
from argmap.cli.messages import fail, say, to_stdout
from argmap.cli.options import MaxBytes, SourceFormat
from argmap.files import MAX_BYTES

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.readers import ReadResult


def import_command(
    file: Annotated[str, typer.Argument(show_default=False, metavar="FILE",
                    help="An Argdown, Kialo or AIF file, a Verbatim (Word .docx) file, an "
                    "argmap JSON export, or - for standard input.")],
    source_format: Annotated[SourceFormat | None, typer.Option(
        "--from", show_default=False,
        help="The input format; by default from the suffix and content.")] = None,
    output: Annotated[str, typer.Option("-o", "--output", metavar="MAP.yaml",
                      help="Where to write the map; - is standard output.")] = "-",
    max_bytes: MaxBytes = MAX_BYTES,
) -> None:
    """Convert an Argdown, Kialo, AIF or Verbatim (.docx) file into an argmap YAML map.

    The map keeps every statement and relation the source has, linked
    premises as linked arguments; what format 1.1 cannot hold (dialogue
    nodes, inference rules, data) is left out, statements with the same text
    are merged into one, and both are listed in one warning and in the
    map's header comment. A Verbatim file's Hats become claims and its
    Tags premises with their cards (cite, quote with the read parts marked).

    Example: argmap import debate.argdown -o debate.yaml
    """
    from argmap.cli.console import as_path, hint_stdin
    from argmap.cli.output import refuse_overwrite
    from argmap.files import read_input
    from argmap.readers import READERS, detect, dropped_warning, read_bytes

    path = as_path(file)
    name = str(path) if file != "-" else "<stdin>"
    if output != "-" and file != "-":
        refuse_overwrite([output], [path])  # the source must survive its import
    hint_stdin([file])
    data = read_input(path, max_bytes)
    if not isinstance(data, bytes):
        print_errors([data])
        raise typer.Exit(1)
    others = [r for r in READERS if r != "yaml"]
    reader = source_format.value if source_format is not None else detect(path, data)
    if reader == "yaml" or (reader is None and path.suffix.lower() in (".yaml", ".yml")):
        fail(f"{name} is an argmap map already: argmap fmt lays it out, argmap check "
                   "checks it (import reads " + ", ".join(others) + ")", 2)
    if reader is None:
        fail(f"cannot tell the format of {name}: use --from " + "|".join(others), 2)
    result = read_bytes(data, name, reader)
    dropped = dropped_warning(result, name, reader)
    problems = result.diagnostics + ([dropped] if dropped is not None else [])
    print_errors(problems)
    if any(d.severity.value == "error" for d in result.diagnostics) or not result.maps:
        raise typer.Exit(1)
    text = "\n".join(map_yaml(m, result, name, reader, i > 0)
                     for i, m in enumerate(result.maps))
    if output == "-":
        to_stdout(text.encode("utf-8"))  # the file's text, made visible on a terminal
    else:
        write_map(Path(output), text)
        say(f"wrote {output}")


def map_yaml(argmap: ArgumentMap, result: ReadResult, file: str, reader: str,
             separate: bool) -> str:
    """One map as canonical YAML under a comment header (``---`` before all but the first)."""
    from argmap.exporters import ExportOptions
    from argmap.exporters.yaml import export
    from argmap.graph import build_graph
    from argmap.readers import dropped_message

    header = [f"# Imported from {file} ({reader}) by argmap import."]
    header += [f"# {note}" for note in result.notes]
    summary = dropped_message(result.dropped)
    if summary:
        header.append(f"# Left out or changed (format 1.1 cannot hold them): {summary}.")
    body = export(build_graph(argmap), ExportOptions())
    # A comment is one line of printable text, whatever the file name holds.
    lines = "\n".join("".join(c if c.isprintable() else "?" for c in line) for line in header)
    return ("---\n" if separate else "") + lines + "\n" + body
