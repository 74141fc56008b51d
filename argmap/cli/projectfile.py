"""The project file on the command line: ``--config FILE``, ``--no-config``, and the
defaults it gives every command's options (argmap.project.config reads the file).

An option the command line does not set takes the project file's value: the
command's table first (``[render] format = "png"``), then the top level. The
table of every key (docs/project.md) is generated from the commands' options by
:func:`options_table`, and a test keeps the two in step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

if TYPE_CHECKING:
    from argmap.project.config import ProjectFile, ProjectFileError

#: ``ctx.meta`` key: the :class:`~argmap.project.config.ProjectFile` of this run
PROJECT_META = "argmap.project_file"
#: options that are not defaults a project file can set: what a run is about (the text
#: to add, the statement to focus, the output file) rather than how the project works
_NOT_SETTABLE = frozenset({
    "help", "config", "no-config", "output", "for", "map", "id", "to", "from", "focus",
    "question", "claim", "pro", "con", "undercut", "together", "argument-id", "source",
    "title", "author", "publisher", "date", "url", "kind", "quote", "cite", "by", "weight",
    "library", "json-export", "check", "diff", "once", "limit", "in"})
#: every command, set by the app before it registers only the one it runs
EVERY: list[Any] = []
#: the typer app (argmap.cli.app registers itself: this module cannot import it)
APP: list[Any] = []


def project_file() -> ProjectFile | None:
    """This run's project file, when one was found or named (``--config``)."""
    ctx = click.get_current_context(silent=True)
    found: ProjectFile | None = None if ctx is None else ctx.meta.get(PROJECT_META)
    return found if found is not None and found.path is not None else None


def config_options() -> list[click.Option]:
    """``--config FILE`` and ``--no-config``, added to every command."""
    return [
        click.Option(["--config"], type=click.Path(dir_okay=False), default=None,
                     metavar="FILE", help="Read defaults from this project file (argmap.toml "
                     "or pyproject.toml) instead of the one found walking up."),
        click.Option(["--no-config"], is_flag=True, default=False,
                     help="Ignore every project file (argmap.toml, [tool.argmap])."),
    ]


def apply_defaults(command: click.Command, ctx: click.Context) -> None:
    """Give the options the command line left unset the project file's values.

    Raises:
        ProjectFileError: for a bad project file, an unknown key or a bad value,
            at the line and column of the value.
    """
    from argmap.project.config import check_keys, project_for

    config = ctx.params.pop("config", None)
    no_config = bool(ctx.params.pop("no_config", False))
    if ctx.resilient_parsing:
        return
    found = project_for(_start(ctx), None if config is None else Path(config),
                        not no_config)
    ctx.meta[PROJECT_META] = found
    if found.path is None:
        return
    own = {k for p in command.params if (k := option_key(p)) is not None}
    if set(found.top) - own or set(found.commands) - {command.name}:
        check_keys(found, known_options())  # only then: it builds every command
    else:
        check_keys(found, {command.name or "": own})
    defaults = found.defaults(command.name or "")
    for param in command.params:
        key = option_key(param)
        if key is None or key not in defaults or param.name is None:
            continue
        if ctx.get_parameter_source(param.name) not in (ParameterSource.DEFAULT, None):
            continue
        ctx.params[param.name] = _value(ctx, param, defaults[key], found, command.name, key)


def report_bad_file(command: click.Command, ctx: click.Context, exc: ProjectFileError) -> None:
    """``check --format json|github`` with a bad project file: say so in that format (a CI
    job reads stdout), then exit 1; any other run raises the error as it is."""
    fmt = ctx.params.get("fmt")
    name = str(getattr(fmt, "value", fmt))
    if command.name != "check" or name not in ("json", "github"):
        return
    from argmap.api import Document, report_json
    from argmap.cli.messages import write_stdout
    from argmap.diagnostics.formats import format_github

    report = Document(diagnostics=[exc.diagnostic])
    if name == "json":
        write_stdout(report_json(report))
    else:
        write_stdout(format_github(report.diagnostics))
        click.echo(report.summary(), err=True)
    ctx.exit(1)


def _value(ctx: click.Context, param: click.Parameter, raw: Any, found: Any,
           command: str | None, key: str) -> Any:
    from argmap.diagnostics import error
    from argmap.project.config import ProjectFileError

    if param.multiple and not isinstance(raw, list):
        raw = [raw]
    if isinstance(raw, (list, dict)) and not param.multiple:
        message = f"'{key}' takes one value, not a {type(raw).__name__}"
    else:
        try:
            value = param.process_value(ctx, raw)
            if key in ("select", "ignore"):  # rule names: checked here, where they are written
                from argmap.rules.select import SelectError, selected

                try:
                    selected(value, None) if key == "select" else selected(None, value)
                except SelectError as exc:
                    raise click.BadParameter(str(exc).replace(f"--{key} ", "", 1)) from None
            return value
        except click.BadParameter as exc:
            message = f"'{key}': {exc.message}"
    where = found.span(command if key in found.commands.get(command or "", {}) else None, key)
    raise ProjectFileError(error("project-file", message, where))


def _start(ctx: click.Context) -> Path:
    """Where to look for the project file: the first path argument, else here."""
    for name in ("paths", "path", "file", "target"):
        value = ctx.params.get(name)
        first = value[0] if isinstance(value, (list, tuple)) and value else value
        if first and str(first) != "-":
            return Path(str(first))
    return Path.cwd()


def option_key(param: click.Parameter) -> str | None:
    """The project-file key of an option: its long name without ``--`` (None: not one)."""
    if not isinstance(param, click.Option):
        return None
    longs = [o[2:] for o in param.opts if o.startswith("--")]
    if not longs or longs[0] in _NOT_SETTABLE:
        return None
    return longs[0]


def commands() -> dict[str, click.Command]:
    """Every command of the app, by name, as click builds them."""
    import typer

    app = APP[0]
    saved = app.registered_commands[:]
    app.registered_commands[:] = EVERY or saved
    try:
        group = typer.main.get_command(app)
    finally:
        app.registered_commands[:] = saved
    return dict(getattr(group, "commands", {}))


def known_options() -> dict[str, set[str]]:
    """Each command's name -> the keys a project file may set for it."""
    return {name: {k for p in command.params if (k := option_key(p)) is not None}
            for name, command in commands().items()}


def options_table() -> str:
    """The Markdown table of every key a project file may set, from the options themselves."""
    from argmap.project.config import PROJECT_KEYS

    rows: dict[str, tuple[str, dict[str, list[str]]]] = {}  # key -> default, help -> commands
    for name, command in sorted(commands().items()):
        for param in command.params:
            key = option_key(param)
            if key is None or not isinstance(param, click.Option):
                continue
            found = rows.setdefault(key, (_default(param), {}))
            found[1].setdefault(" ".join((param.help or "").split()), []).append(name)
    lines = ["| key | default | commands | meaning |", "|---|---|---|---|"]
    for key, (default, meaning) in PROJECT_KEYS.items():
        lines.append(f"| `{key}` | `{default}` | (the project) | {meaning} |")
    for key, (default, helps) in sorted(rows.items()):
        names = sorted({n for found in helps.values() for n in found})
        # one meaning, or each command's where they differ (--depth, --format)
        meaning = next(iter(helps)) if len(helps) == 1 else "; ".join(
            f"{', '.join(found)}: {text.rstrip('.')}" for text, found in helps.items())
        meaning = meaning.replace("|", "\\|")
        if key in PROJECT_KEYS:  # the top-level key is the project's: the option's in a table
            key, default = f"[COMMAND] {key}", "per command"
            meaning = f"the command's own --{key.split()[-1]}; only in the command's table"
        lines.append(f"| `{key}` | `{default}` | {', '.join(names)} | {meaning} |")
    return "\n".join(lines) + "\n"


def _default(param: click.Option) -> str:
    value = param.default
    if callable(value) or value is None:
        return "none"
    if param.is_flag:
        return "false" if not value else "true"
    if isinstance(value, (list, tuple)):
        return "[]" if not value else repr(list(value))
    return str(getattr(value, "value", value))
