"""``argmap schemes``: the catalogue of argument schemes and their critical questions."""

from __future__ import annotations

from typing import Annotated

import typer

from argmap.cli.debate import TextOrJson
from argmap.cli.messages import write_stdout


def schemes_command(
    scheme: Annotated[str | None, typer.Argument(show_default=False, help="A scheme id "
                      "(or one of its question ids): show its templates and questions.")
                      ] = None,
    fmt: Annotated[TextOrJson, typer.Option("--format", "-f", help="text for people, json "
                   "for scripts.")] = TextOrJson.text,
) -> None:
    """List the argument schemes `scheme:` names, or one scheme with its critical questions.

    Each question is an assumption (it counts against the step until answered) or an
    exception (it counts once raised); docs/schemes.md has the whole catalogue.

    Example: argmap schemes expert-opinion
    """
    from argmap.api import schemes as listing

    write_stdout(listing(scheme, fmt.value))
