"""Options every part of the command line shares: the app's own and the path arguments.

The app's options (``--version``, ``--show-completion``, ``--install-completion``)
and the path arguments of the commands that read maps (``PATH...``,
``--exclude``, ``--max-bytes``) live here so that :mod:`argmap.cli.app` holds the
commands. Nothing heavy is imported: ``argmap --help`` loads this module.
"""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated, Any, NoReturn

import click
import typer
from typer.core import TyperCommand, TyperGroup

from argmap.exporters import EXPORTERS
from argmap.exporters.themes import THEMES
from argmap.files import parse_size
from argmap.readers import READERS


def usage_error(message: str) -> NoReturn:
    """Print ``argmap: message`` on stderr and exit 2 (a usage error)."""
    typer.echo(f"argmap: {message}", err=True)
    raise typer.Exit(2)


def print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--version``: print ``argmap VERSION`` and exit."""
    if value and not ctx.resilient_parsing:
        from argmap import __version__

        typer.echo(f"argmap {__version__}")
        ctx.exit()


def completion(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """``--show-completion`` / ``--install-completion`` [SHELL]: print or install the script."""
    if value is None or ctx.resilient_parsing:
        return
    from argmap.cli import completion as shells

    try:
        shell = shells.pick_shell(value)
    except shells.CompletionError as exc:
        usage_error(str(exc))
    if param.name == "show_completion":
        typer.echo(shells.script(shell))
    else:
        typer.echo(f"argmap: {shell} completion installed in {shells.install(shell)}; it works "
                   "in shells started from now on", err=True)
    ctx.exit()


class ArgmapGroup(TyperGroup):
    """The app with its own options: ``--version`` and completion taking an optional SHELL.

    typer's completion options detect the shell and ignore a shell named on
    the command line, so argmap declares them as click options directly.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        eager = {"is_eager": True, "expose_value": False}
        self.params += [
            click.Option(["--version"], is_flag=True, callback=print_version,
                         help="Print argmap's version and exit.", **eager),
            click.Option(["--show-completion"], is_flag=False, flag_value="",
                         metavar="[SHELL]", callback=completion, help="Print the completion "
                         "script for SHELL (bash, zsh, fish, powershell, pwsh; default: "
                         "$SHELL's).", **eager),
            click.Option(["--install-completion"], is_flag=False, flag_value="",
                         metavar="[SHELL]", callback=completion, help="Install completion "
                         "for SHELL (default: $SHELL's).", **eager),
        ]

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse the app's own options; click's errors in them are one line (:func:`one_line`)."""
        try:
            return super().parse_args(ctx, args)
        except click.ClickException as exc:
            one_line(ctx, exc)

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        """Find the command; its name is kept for :func:`one_line` (see there)."""
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:
            ctx.meta[RUNNING] = command.name
        return name, command, rest

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; an :class:`~argmap.errors.ArgmapError` is caught here, once.

        It is printed as ``argmap: message`` (made visible: it quotes user
        text) and the run exits with the error's code (2 usage, 1 failure).
        click's errors (an unknown command, a bad option of the command) are
        printed as one line too (:func:`one_line`).
        """
        from argmap.errors import ArgmapError

        try:
            return super().invoke(ctx)
        except ArgmapError as exc:
            from argmap.cli.messages import say

            located = getattr(exc, "diagnostic", None)  # a bad project file: FILE:LINE:COL
            if located is not None:
                typer.echo(str(located), err=True)
            else:
                say(f"{exc}")
            raise typer.Exit(exc.exit_code) from None
        except click.ClickException as exc:
            one_line(ctx, exc)


#: ``ctx.meta`` key: the name of the command the app runs.
RUNNING = "argmap.command"


def one_line(ctx: click.Context, exc: click.ClickException) -> NoReturn:
    """Print click's error as argmap prints its own, on one line, and exit with its code.

    click would print a usage line, a hint and an ``Error:`` line; argmap's
    own usage errors are ``argmap: message``. A command-line error keeps
    click's message and points at the command's help:
    ``argmap: No such option '--frob'; did you mean '--format'? (see 'argmap
    check --help')``. User text in it (an option, a value) is made visible.
    A bare ``argmap`` still prints the help, and shell completion (resilient
    parsing) gets click's exceptions as click raises them.
    """
    if ctx.resilient_parsing or isinstance(exc, click.exceptions.NoArgsIsHelpError):
        raise exc
    from argmap.cli.messages import say

    if isinstance(exc, (click.NoSuchOption, click.exceptions.NoSuchCommand)):
        # click adds the suggestions in a parenthesis of its own; one clause reads better
        # next to the pointer to --help
        message = exc.message.rstrip(".")
        if exc.possibilities:
            names = [repr(name) for name in sorted(exc.possibilities)]
            either = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
            message += f"; did you mean {either}?"
    else:
        message = exc.format_message().rstrip(".")
    if isinstance(exc, click.UsageError):
        # click leaves out the context of some errors (an option missing its value,
        # BadParameter raised in a command): the command that ran is named then
        where = (exc.ctx.command_path if exc.ctx is not None
                 else " ".join(filter(None, (ctx.command_path, ctx.meta.get(RUNNING)))))
        message += f" (see '{where} --help')"
    say(f"{message}")
    raise typer.Exit(exc.exit_code) from None


class ArgmapCommand(TyperCommand):
    """A command whose ``--help`` says what each argument is (``PATH...  Map files, ...``).

    click 8.5 gave arguments a ``help`` of their own: its ``Argument.__init__``
    sets it to None after typer 0.24's TyperArgument has stored the help, so
    the Arguments section lost every description. The help is read again from
    the command's signature when help is shown (only then: a run does not pay
    for it), and click's new "Positional arguments" section is left out, since
    typer already lists the arguments.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from argmap.cli.projectfile import config_options

        super().__init__(*args, **kwargs)
        self.params += config_options()

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse the command line, then give what it left unset the project file's defaults
        (argmap.toml or [tool.argmap]; --config FILE, --no-config)."""
        from argmap.cli.projectfile import apply_defaults, report_bad_file
        from argmap.project.config import ProjectFileError

        rest = super().parse_args(ctx, args)
        try:
            apply_defaults(self, ctx)
        except ProjectFileError as exc:
            report_bad_file(self, ctx, exc)  # check --format json|github: in that format
            raise
        return rest

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Put the arguments' help back, then write the help as typer does."""
        function = getattr(self.callback, "__wrapped__", None)  # typer wraps the callback
        if function is not None:
            from typer.utils import get_params_from_function

            written = get_params_from_function(function)
            for param in self.params:
                info = written.get(param.name or "")
                if isinstance(param, click.Argument) and param.help is None and info:
                    param.help = getattr(info.default, "help", None)
        super().format_help(ctx, formatter)

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Nothing: typer's Options formatting lists the arguments under "Arguments"."""


def existing(ctx: click.Context, paths: list[str]) -> list[str]:
    """Paths must exist; ``-`` (standard input) may be given once."""
    if ctx.resilient_parsing:  # completing a command line: nothing to check yet
        return paths
    for path in paths:
        if path != "-" and not os.path.lexists(path):
            # repr() shows a control character as an escape, as say() would
            raise typer.BadParameter(f"Path {path!r} does not exist.")
    if paths.count("-") > 1:
        raise typer.BadParameter("'-' (standard input) can be given only once.")
    return paths


def printable(text: str) -> str:
    """User text for a message or a header, shown visibly (escape.terminal_visible)."""
    from argmap.escape import terminal_visible

    return terminal_visible(text)


# Paths stay strings until read: pathlib turns `./-` into `-`, which means stdin,
# and a str argument leaves file-name completion to the shell.
Paths = Annotated[
    list[str],
    typer.Argument(metavar="PATH...", show_default=False, callback=existing,
                   help="Map files, directories to search for *.yaml and *.yml files, or - "
                   "for standard input."),
]
MaxBytes = Annotated[int, typer.Option(
    "--max-bytes", parser=lambda v: v if isinstance(v, int) else size(v), metavar="SIZE",
    show_default=False, help="Refuse a map file (or stdin) larger than SIZE: bytes, or with "
    "K, M or G (default: 64M).")]
Exclude = Annotated[list[str] | None, typer.Option(
    "--exclude", metavar="GLOB", show_default=False, help="Skip files and directories below a "
    "directory argument whose name or path matches GLOB; repeatable.")]



#: The formats ``--from`` names: the readers of :data:`argmap.readers.READERS`
#: (that module only lists them; no reader is imported until one reads).
SourceFormat = StrEnum("SourceFormat", {name: name for name in READERS})  # type: ignore[misc]


From = Annotated[SourceFormat | None, typer.Option(
    "--from", show_default=False, help="Read the inputs as argmap YAML, Argdown, Kialo, AIF or "
    "argmap JSON (render -f json) files; by default a file's suffix and content say "
    "(directories hold only YAML maps).")]


def size(text: str) -> int:
    """Parse ``--max-bytes``; a usage error when it is not a size."""
    try:
        return parse_size(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


# Choices shared by render and watch; they come from the registries, so the
# CLI cannot drift from what exists.
RenderFormat = StrEnum("RenderFormat", {name: name for name in EXPORTERS})  # type: ignore[misc]
Theme = StrEnum("Theme", {name: name for name in THEMES})  # type: ignore[misc]
DEFAULT_THEME = Theme("light")


class Direction(StrEnum):
    """Graphviz rank directions."""

    TB = "TB"
    LR = "LR"
    BT = "BT"
    RL = "RL"


class SemanticsChoice(StrEnum):
    """How statuses are decided (docs/eval.md)."""

    grounded = "grounded"
    weighed = "weighed"


#: --semantics on every command that shows a status; None: the map's `semantics`, else grounded
SemanticsOpt = Annotated[SemanticsChoice | None, typer.Option(
    "--semantics", show_default=False, help="grounded: a statement falls when any attack on "
    "it stands; weighed: when standing con weight outweighs standing pro weight (docs/"
    "eval.md). Default: the map's `semantics` key, else grounded.")]
#: --for: our side, by a side name of the map or by claim ids
ForOpt = Annotated[str | None, typer.Option(
    "--for", show_default=False, help="Our side: a side of the map (`sides`, e.g. aff) or "
    "claim ids, comma-separated (the other claims are theirs).")]


def semantics_value(chosen: SemanticsChoice | None) -> str | None:
    """--semantics as the API takes it (None: each map's own)."""
    return chosen.value if chosen is not None else None


def for_names(value: str | None) -> list[str] | None:
    """--for split at commas (None when not given)."""
    return None if value is None else [name for name in value.split(",") if name.strip()]
