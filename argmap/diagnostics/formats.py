"""How diagnostics are written: text for people, JSON for scripts, GitHub Actions annotations.

``argmap check --format text|json|github`` picks one; every other command
writes the text form on stderr.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from argmap.diagnostics import Diagnostic, Severity
from argmap.escape import json_text, terminal_visible

_COLORS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m"}


def format_text(diagnostics: Iterable[Diagnostic], color: bool = False) -> str:
    """One ``file:line:col: severity: message [code]`` line per diagnostic.

    User text in file names and messages is made visible (see
    :meth:`Diagnostic.parts`): the only escape sequences are argmap's colours.
    """
    if not color:
        return "".join(f"{d}\n" for d in diagnostics)
    lines = []
    for d in diagnostics:
        where, message = d.parts()
        lines.append(f"\033[1m{where}:\033[0m {_COLORS[d.severity]}{d.severity.value}:\033[0m "
                     f"{message} \033[2m[{d.code}]\033[0m\n")
    return "".join(lines)


def format_json(diagnostics: Iterable[Diagnostic], summary: dict[str, Any]) -> str:
    """The JSON of ``argmap check --format json``: every diagnostic and the totals."""
    return json_text({"diagnostics": [d.as_dict() for d in diagnostics],
                      "summary": summary}) + "\n"


def format_github(diagnostics: Iterable[Diagnostic]) -> str:
    """GitHub Actions workflow commands: one ``::warning file=…::message`` line each.

    Escaped as GitHub's toolkit does: ``%``, CR and LF in the message;
    also ``:`` and ``,`` in the properties.
    """
    lines = []
    for d in diagnostics:
        props = ",".join([f"file={_prop(d.span.file)}", f"line={d.span.line}",
                          f"col={d.span.column}", f"title={_prop(d.code)}"])
        lines.append(f"::{d.severity.value} {props}::{_data(d.message)}\n")
    return "".join(lines)


def _data(text: str) -> str:
    # GitHub's own escapes first (its runner decodes them), then whatever a
    # terminal or log viewer would obey shown visibly, as in every other output.
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal_visible(escaped)


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
