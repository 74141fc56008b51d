"""The command line: typer only. Parse options, call the core, print, pick the exit code.

Exit codes: 0 clean, 1 problems in the input, 2 usage errors, 3 a bug in argmap.
Diagnostics go to stderr; stdout carries only what was asked for.
Heavy modules (ruamel, rich, graphviz) are imported inside the commands that
need them, so ``argmap --help`` stays fast.
"""

from __future__ import annotations

import gc
import inspect
import os
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

# Re-exported (as X): command modules of other branches may still import them from here.
from argmap.cli.console import ColorMode as ColorMode
from argmap.cli.console import fail as fail
from argmap.cli.console import load_or_fail as load_or_fail
from argmap.cli.console import print_diagnostics as print_diagnostics
from argmap.cli.console import read_maps as read_maps
from argmap.cli.console import say as say
from argmap.cli.console import use_color as use_color
from argmap.cli.messages import to_stdout, write_stdout
from argmap.cli.options import (
    DEFAULT_THEME,
    ArgmapCommand,
    ArgmapGroup,
    Direction,
    Exclude,
    ForOpt,
    From,
    MaxBytes,
    Paths,
    RenderFormat,
    SemanticsOpt,
    Theme,
    for_names,
    semantics_value,
)
from argmap.escape import terminal_visible
from argmap.files import MAX_BYTES

if TYPE_CHECKING:
    from collections.abc import Callable

    from typer.models import CommandInfo

    from argmap.exporters import ExporterSpec
    from argmap.model import ArgumentMap
    from argmap.project import Project


app = typer.Typer(
    name="argmap",
    cls=ArgmapGroup,
    help="Check, print and draw argument maps written in YAML.\n\n"
    "Example: argmap check maps/",
    add_completion=False,
    no_args_is_help=True,
    # click suggests close commands itself (ArgmapGroup prints them); typer would add them again
    suggest_commands=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class CheckFormat(StrEnum):
    """Output formats of ``argmap check``."""

    text = "text"
    json = "json"
    github = "github"


class Side(StrEnum):
    """Which premises to keep directly under each claim."""

    pro = "pro"
    con = "con"


class Paper(StrEnum):
    """Paper sizes for render --pages."""

    a4 = "a4"
    letter = "letter"
    a3 = "a3"


class Orientation(StrEnum):
    """Paper orientation for render --pages."""

    portrait = "portrait"
    landscape = "landscape"


class ColorBy(StrEnum):
    """What a diagram's box colours show."""

    relation = "relation"
    side = "side"


class Engine(StrEnum):
    """Graphviz layout engines argmap supports."""

    dot = "dot"
    tidy = "tidy"
    sfdp = "sfdp"


Depth = Annotated[int | None, typer.Option("--depth", min=1, show_default=False,
                  help="Stop N levels below the question (or the --focus statement).")]
Focus = Annotated[str | None, typer.Option("--focus", show_default=False,
                  help="Show one statement's subtree, by id or derived id (c1.pro2).")]
ColorOpt = Annotated[ColorMode, typer.Option(
    "--color", help="auto: on a terminal, unless NO_COLOR is set (FORCE_COLOR forces it); "
    "always: also when piped (for less -R); never.")]
SideOpt = Annotated[Side | None, typer.Option("--side", show_default=False,
                    help="Keep only the pro or con premises directly under each claim.")]


@app.command()
def check(
    paths: Paths,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f",
                   help="text: diagnostics on stderr; json: diagnostics as JSON on stdout; "
                   "github: GitHub Actions annotations on stdout.")] = CheckFormat.text,
    select: Annotated[list[str] | None, typer.Option("--select", show_default=False,
                      help="Warnings to report instead of the default ones: codes or groups "
                      "(default, debate, schemes, all), comma-separated.")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", show_default=False,
                      help="Warnings not to report: codes or groups.")] = None,
    color: ColorOpt = ColorMode.auto,
    semantics: SemanticsOpt = None,
    ours: ForOpt = None,
    exclude: Exclude = None,
    max_bytes: MaxBytes = MAX_BYTES,
    source_format: From = None,
) -> None:
    """Check map files and report every problem as FILE:LINE:COL.

    Exits 0 when the maps are clean, 1 on errors (or on warnings with
    --strict), 2 on usage errors. The debate rules judge by --semantics and,
    with --for SIDE, from that side's seat: only attacks on SIDE are
    unanswered-attack warnings, only SIDE's claims bare-claim ones; with
    --select schemes, open critical questions on SIDE's steps are holes to
    close and on the other side's questions to ask.

    Example: argmap check --strict maps/ --select default,debate
    """
    from argmap.cli.debate import choose_rules

    codes = choose_rules(select, ignore)
    report = read_maps(paths, max_bytes, exclude, source_format,
                       (codes, semantics_value(semantics), for_names(ours)))
    if fmt is CheckFormat.github:
        from argmap.diagnostics.formats import format_github as github

        to_stdout(github(report.diagnostics).encode("utf-8"))
        typer.echo(report.summary(), err=True)
    elif fmt is CheckFormat.json:
        from argmap.api import report_json

        write_stdout(report_json(report))
    else:
        print_diagnostics(report, summary=True, color=color)
    if report.errors or (strict and report.warnings):
        raise typer.Exit(1)


@app.command()
def show(
    paths: Paths,
    depth: Depth = None,
    focus: Focus = None,
    side: SideOpt = None,
    quotes: Annotated[bool, typer.Option("--quotes",
                      help="Show each citation's quote and locator under its statement.")
                      ] = False,
    no_sources: Annotated[bool, typer.Option("--no-sources",
                          help="Leave out the numbered source list.")] = False,
    ids: Annotated[bool, typer.Option("--ids", help="Show each statement's id or derived "
                                      "id, for --focus.")] = False,
    ascii_only: Annotated[bool, typer.Option("--ascii", help="Pure ASCII guides and "
                                             "markers.")] = False,
    width: Annotated[int | None, typer.Option("--width", min=20, show_default=False,
                     help="Wrap at N columns (default: the terminal's width; no wrapping "
                     "when piped).")] = None,
    color: ColorOpt = ColorMode.auto,
    evaluated: Annotated[bool, typer.Option("--eval", help="Mark each statement ✓ stands, "
                         "✗ falls (dimmed) or ? undecided, as argmap eval decides.")] = False,
    semantics: SemanticsOpt = None,
    ours: ForOpt = None,
    against: Annotated[bool, typer.Option("--against", help="With --for: every attack by "
                       "the other side on a statement or step of ours, anywhere in the map, "
                       "with its answers, most dangerous first (the frontlines).")] = False,
    exclude: Exclude = None,
    max_bytes: MaxBytes = MAX_BYTES,
    source_format: From = None,
) -> None:
    """Print maps as trees: claims, then pro (+), con (−) and undercut (⊘) premises.

    Citations show as [n] with the numbered sources below the tree. Several
    maps print one after another, each under a header line with its id and
    file; so does a map shown with --focus. Colour on a terminal unless
    NO_COLOR is set; --color always keeps it through a pipe (argmap show ...
    --color always | less -R). Control characters and bidi overrides in the
    map are shown as escapes.

    --for SIDE keeps that side's claims (a side of the map, or claim ids);
    --for SIDE --against prints its frontlines instead: every attack on it, in
    order of danger (their attack stands although answered; unanswered;
    undecided; beaten), each with its whole exchange.

    Example: argmap show maps/nato-promise.yaml --depth 2 --ids
    """
    from argmap.api import show as tree

    report = load_or_fail(paths, max_bytes, exclude, color=color, reader=source_format)
    if width is None and sys.stdout.isatty():
        width = os.get_terminal_size(sys.stdout.fileno()).columns
    if against and ours is None:
        fail("--against needs --for SIDE: whose frontlines?")
    write_stdout(tree(report.maps, focus=focus, depth=depth, side=side and side.value,
                          width=width, ascii=ascii_only, ids=ids, quotes=quotes,
                          sources=not no_sources, eval=evaluated,
                          semantics=semantics_value(semantics),
                          color=use_color(sys.stdout, color), for_=for_names(ours),
                          against=against, project=report.project,
                          # NO_COLOR forbids colour, not attributes: marks stay visible
                          marks=sys.stdout.isatty() and color is not ColorMode.never))


def valid_timeout(value: float) -> float:
    """--timeout: a finite number of seconds from 1 to a day."""
    if not 1 <= value <= MAX_TIMEOUT:  # also false for nan
        raise typer.BadParameter(f"{value:g} is not a number of seconds from 1 to "
                                 f"{MAX_TIMEOUT} (a day)")
    return value


MAX_TIMEOUT = 86400


@app.command()
def render(
    paths: Paths,
    fmt: Annotated[RenderFormat | None, typer.Option("--format", "-f", show_default=False,
                   help="Output format (default: from -o's extension, else svg).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", show_default=False,
                      help="File to write, a directory (DIR/ is created), or - for stdout "
                      "(default: <map-id>.<format> here).")] = None,
    direction: Annotated[Direction, typer.Option("--direction", help="Where the question "
                         "sits: TB top, LR left, BT bottom, RL right.")] = Direction.TB,
    depth: Depth = None,
    focus: Focus = None,
    side: SideOpt = None,
    engine: Annotated[Engine | None, typer.Option("--engine", show_default=False,
                      help="Layout: dot (Graphviz's; default up to 2,000 statements), "
                      "tidy (argmap places the boxes as a tree and draws the SVG; fast, "
                      "default above) or sfdp (force-directed).")] = None,
    theme: Annotated[Theme, typer.Option("--theme", help="Colours.")] = DEFAULT_THEME,
    no_legend: Annotated[bool, typer.Option("--no-legend", help="Leave out the legend of "
                         "markers and sources.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", callback=valid_timeout,
                       help="Stop a layout after this many seconds (1 to 86400).")] = 120,
    quotes: Annotated[bool, typer.Option("--quotes", help="Text outlines: each citation's "
                      "quote and locator under its statement.")] = False,
    evaluated: Annotated[bool, typer.Option("--eval", help="Mark each statement ✓ stands, "
                         "✗ falls (dimmed) or ? undecided, as argmap eval decides (svg, png, "
                         "pdf, dot, markdown, html; tables: a labels table).")] = False,
    semantics: SemanticsOpt = None,
    ours: ForOpt = None,
    color_by: Annotated[ColorBy, typer.Option("--color-by", help="Colour boxes by relation "
                        "(pro, con, undercut) or by side (format 1.2 `sides`, or --for); "
                        "markers and line styles always keep the relation.")
                        ] = ColorBy.relation,
    pages: Annotated[bool, typer.Option("--pages", help="pdf, svg: an atlas of pages that "
                     "print legibly: an overview, then the map cut into subtrees that fit "
                     "a page, with continuation marks.")] = False,
    paper: Annotated[Paper, typer.Option("--page", help="Paper for --pages.")] = Paper.a4,
    orientation: Annotated[Orientation, typer.Option("--orientation", help="Paper "
                           "orientation for --pages.")] = Orientation.portrait,
    fit: Annotated[bool, typer.Option("--fit", help="With --pages: each claim's whole "
                   "subtree on one page, shrunk to fit (text may be smaller than 8 pt).")]
    = False,
    exclude: Exclude = None,
    max_bytes: MaxBytes = MAX_BYTES,
    source_format: From = None,
) -> None:
    """Draw maps with Graphviz (SVG, PNG, PDF, DOT) or export them (JSON, YAML, Markdown, ...).

    Each map is written to <map-id>.<suffix> in the current directory unless
    -o says otherwise; --focus, --depth and --side add to the name
    (<map-id>--<focus>--depth<N>--<side>.svg). Needs Graphviz's dot program
    for svg, png and pdf.

    Example: argmap render maps/nato-promise.yaml -o nato.png
    """
    from argmap import api
    from argmap.cli.output import choose_format, write_views

    spec = choose_format(fmt and fmt.value, output)
    if pages and spec.name not in ("pdf", "svg"):
        fail(f"--pages: {spec.name} has no pages; use -f pdf or -f svg")
    if fit and not pages:
        fail("--fit: only with --pages (a picture without pages is one page already)")
    options = api.export_options(spec.name, statuses={} if evaluated else None, theme=theme.value,
                                 direction=direction.value, legend=not no_legend, quotes=quotes,
                                 engine=engine and engine.value, timeout=timeout,
                                 on_slow=spinner, warn=warn, color_by=color_by.value)
    cut = (focus, depth, side and side.value)
    chosen = semantics_value(semantics)
    if spec.folder:  # one folder for the whole corpus, read on every core
        from argmap.cli.tables import Job, write_tables

        job = Job(max_bytes, source_format and source_format.value, api.view_options(*cut),
                  evaluated, chosen)
        write_tables(paths, output, exclude or [], job)
        return
    if not (pages or focus or evaluated or spec.needs_graphviz or ours
            or color_by is not ColorBy.relation):  # many files: every core
        from argmap.cli.output import write_exports

        if write_exports(paths, spec, output, (depth, side and side.value), options,
                         (max_bytes, exclude, source_format)):
            return
    report = load_or_fail(paths, max_bytes, exclude, reader=source_format)
    maps = report.maps
    if pages:
        atlas(maps, spec, output, cut, (paper, orientation, theme, fit), timeout,
              report.project, api.statuses(maps, chosen, report.project) if evaluated else None)
    else:
        colours = (api.side_colours(maps, for_names(ours)) if color_by is ColorBy.side
                   else (None, None))
        write_views(maps, spec, output, cut, options._replace(
            statuses=api.statuses(maps, chosen, report.project) if evaluated else None,
            sides=colours[0], side_names=colours[1],
            flows=api.flows(maps) if spec.name == "html" else None), for_=for_names(ours),
            project=report.project)


def atlas(maps: list[ArgumentMap], spec: ExporterSpec, output: str | None,
          cut: tuple[str | None, int | None, str | None],
          looks: tuple[Paper, Orientation, Theme, bool], timeout: float,
          project: Project | None = None,
          statuses: dict[str, dict[str, str]] | None = None) -> None:
    """render --pages: each map as an atlas of legible pages (argmap.atlas)."""
    from argmap.api import views
    from argmap.atlas import AtlasOptions
    from argmap.cli.atlas import write_atlases
    from argmap.cli.output import output_paths, stems

    graphs = views(maps, *cut, project=project)
    plan = output_paths(stems(graphs, cut[1], cut[2]), spec, output)
    options = AtlasOptions(looks[0].value, looks[1].value, looks[2].value, looks[3], statuses)
    write_atlases(graphs, plan, spec.name, options, timeout, say)


def warn(map_id: str, message: str) -> None:
    """Print a warning about one map's export (a layout's) on stderr."""
    say(f"{map_id}: {message}")


def spinner() -> Callable[[], None]:
    """Show a spinner on stderr (only on a terminal) until the returned function is called."""
    if not use_color(sys.stderr) or not sys.stderr.isatty():  # FORCE_COLOR: no spinner in logs
        return lambda: None
    from rich.console import Console

    status = Console(stderr=True).status("laying out the diagram…")
    status.start()
    return status.stop


@app.command()
def schema(
    json_export: Annotated[bool, typer.Option("--json-export", help="Print the schema of "
                           "`render -f json` instead (schema/argmap-export.schema.json).")
                           ] = False,
) -> None:
    """Print the JSON Schema of the map format, for editors.

    The schema is also shipped as schema/argmap-1.schema.json. Start a map
    with this line and editors using the YAML language server validate and
    complete it:

    \b
      # yaml-language-server: $schema=../schema/argmap-1.schema.json

    Example: argmap schema > argmap.schema.json
    """
    if json_export:
        from argmap.exporters.json import json_export_schema_text

        write_stdout(json_export_schema_text())
        return
    from argmap.readers.yaml.schema import schema_text

    write_stdout(schema_text())


from argmap.cli.debate import brief_command, eval_command, stats_command  # noqa: E402
from argmap.cli.flow import flow_command  # noqa: E402
from argmap.cli.schemes import schemes_command  # noqa: E402

app.command("eval")(eval_command)
app.command("brief")(brief_command)
app.command("stats")(stats_command)
app.command("schemes")(schemes_command)
app.command("flow")(flow_command)

# Commands that write maps live in their own modules (imported here, after the
# helpers above that it uses).
from argmap.cli import edit as _edit  # noqa: E402
from argmap.cli.editor import lsp_command, serve_command  # noqa: E402
from argmap.cli.fmt import fmt_command  # noqa: E402
from argmap.cli.imports import import_command  # noqa: E402
from argmap.cli.watch import watch_command  # noqa: E402

app.command("new")(_edit.new_command)
app.command("add")(_edit.add_command)
app.command("rm")(_edit.rm_command)
app.command("mv")(_edit.mv_command)
app.command("fmt")(fmt_command)
app.command("watch")(watch_command)
app.command("import")(import_command)
app.command("lsp")(lsp_command)
app.command("serve")(serve_command)

from argmap.cli.project import rename_command, search_command  # noqa: E402

app.command("rename")(rename_command)
app.command("search")(search_command)


def examples_last() -> None:
    """Move each command's ``Example:`` paragraph after its options, so --help ends with it.

    The docstring stays the one source of a command's help; typer would print
    all of it above the arguments and options.
    """
    for info in app.registered_commands:
        doc = inspect.getdoc(info.callback) if info.callback is not None else None
        if info.help is None and doc and "\nExample: " in doc:
            body, example = doc.rsplit("\nExample: ", 1)
            # \b keeps click from re-wrapping the example's line
            info.help, info.epilog = body.rstrip(), "\b\nExample: " + example.strip()


examples_last()

from argmap.cli import projectfile as _projectfile  # noqa: E402

_projectfile.APP[:] = [app]  # a project file's keys are checked against every command


def argument_help() -> None:
    """Make each command an :class:`~argmap.cli.options.ArgmapCommand`: help describes arguments."""
    for info in app.registered_commands:
        if info.cls is None or issubclass(ArgmapCommand, info.cls):  # typer's default class
            info.cls = ArgmapCommand


argument_help()


def command_names() -> list[str]:
    """The names of every registered command, in registration order."""
    return [c.name or (c.callback.__name__ if c.callback else "")
            for c in app.registered_commands]


def build_only(first: list[str]) -> None:
    """When the command line names a command, register only that one.

    typer turns every registered command into a click command on each run,
    about 2 ms each; a run of ``argmap check`` needs only ``check``. The whole
    set stays for ``argmap --help``, a mistyped command (its suggestions) and
    shell completion.
    """
    def name(info: CommandInfo) -> str:
        return info.name or (info.callback.__name__ if info.callback else "")

    chosen = [c for c in app.registered_commands if first and name(c) == first[0]]
    if chosen:
        # and one more: typer runs an app of a single command as that command
        # (`argmap check x` would read "check" as a path)
        other = next(c for c in app.registered_commands if name(c) != first[0])
        app.registered_commands[:] = [*chosen, other]


def main() -> None:
    """Entry point: run the app; turn a crash into one line and exit code 3."""
    # A run is short and builds large acyclic trees: the cyclic collector
    # would only rescan them (2-7x slower loads of big maps).
    gc.disable()
    every = list(app.registered_commands)
    _projectfile.EVERY[:] = every
    if os.environ.get("_ARGMAP_COMPLETE"):  # a shell asking for completions
        from argmap.cli.completion import enable

        enable()
    else:
        build_only(sys.argv[1:2])
    try:
        # The name, not sys.argv[0]: `python -m argmap` is argmap too, in help
        # and to the completion scripts (which call back with _ARGMAP_COMPLETE).
        app(prog_name="argmap")
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`argmap show ... | head`): not an error.
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:  # any other exception is a bug in argmap
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        print(f"argmap: internal error: {type(exc).__name__}: {terminal_visible(str(exc))}\n"
              "This is a bug in argmap. Please report it with the command and the input "
              "that caused it (ARGMAP_DEBUG=1 shows the traceback).", file=sys.stderr)
        sys.exit(3)
    finally:
        app.registered_commands[:] = every  # main() called in a process that goes on
