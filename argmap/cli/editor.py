"""``argmap lsp`` and ``argmap serve``: the commands (the servers: argmap.lsp, argmap.serve)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.messages import fail, say


def lsp_command(
    stdio: Annotated[bool, typer.Option("--stdio", help="Talk over standard input and output "
                                        "(the only transport; accepted because many editors "
                                        "pass it).")] = False,
) -> None:
    """Run the language server for editors, over standard input and output.

    Diagnostics as you type (check's), completion, hover, go to definition,
    references, the outline, rename, quick fixes and formatting (fmt's); in a
    project (argmap.toml), across its files, with the project file's rules. See
    docs/editors.md for each editor's settings.

    Example: argmap lsp --stdio
    """
    del stdio
    from argmap.cli.projectfile import known_options
    from argmap.lsp.server import serve_stdio

    serve_stdio(known_options)


def serve_command(
    path: Annotated[Path, typer.Argument(show_default=False,
                    help="A map file, or a folder of maps.")],
    port: Annotated[int, typer.Option("--port", min=0, max=65535,
                    help="The port to listen on (0: a free one).")] = 0,
    host: Annotated[str, typer.Option("--host", help="The address to listen on; anything "
                    "but loopback lets other machines read your maps.")] = "127.0.0.1",
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the "
                            "browser.")] = False,
) -> None:
    """Serve a live preview of maps: the HTML page, updated in place on every save.

    A save with errors shows the diagnostics over the last good map. Only the
    maps under PATH are served (no listing, no other file). Ctrl-C stops it.

    Example: argmap serve maps/nato-promise.yaml --open
    """
    from argmap.errors import ArgmapError
    from argmap.serve.server import LOOPBACK, Preview

    if not path.exists():
        fail(f"no such file or folder: {path}", 2)
    if host not in LOOPBACK:
        say(f"warning: serving on {host}: other machines can read these maps")
    try:
        preview = Preview(path, host, port)
    except ArgmapError as exc:
        fail(str(exc), exc.exit_code)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", 1)
    import signal

    signal.signal(signal.SIGTERM, _interrupt)  # a service manager's stop ends it as Ctrl-C does
    try:  # Ctrl-C may come at any moment from here on: it always ends cleanly
        say(f"serving {path} at {preview.url} (Ctrl-C to stop)")
        if open_browser:
            import webbrowser

            webbrowser.open(preview.url)
        preview.run()
    except KeyboardInterrupt:
        preview.close()
    say("stopped serving")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
