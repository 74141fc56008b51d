"""Diagnostics: problems found in an input file, as values rather than exceptions."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import NamedTuple

from argmap.escape import terminal_visible
from argmap.model import Span


class Severity(StrEnum):
    """How bad a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"


class Diagnostic(NamedTuple):
    """One problem at one place in a file.

    ``code`` is a short stable name (``unknown-key``) that tests, editors and
    ``--format json`` consumers can rely on; ``message`` is for people.
    ``message`` and ``span.file`` hold user text as it is (JSON escapes it);
    ``str()`` makes it visible for a terminal.
    """

    severity: Severity
    code: str
    message: str
    span: Span

    def __repr__(self) -> str:
        return f"<Diagnostic {self}>"

    def __str__(self) -> str:
        """The one-line text form, safe for a terminal (see :meth:`parts`)."""
        where, message = self.parts()
        return f"{where}: {self.severity.value}: {message} [{self.code}]"

    def parts(self) -> tuple[str, str]:
        """``file:line:col`` and the message, with user text made terminal-visible.

        File names and messages quote user values: a control character shows
        as an escape (``\\x1b``) and a newline as ``\\n``, so a diagnostic is
        always one line and a value cannot forge another diagnostic.
        """
        span = self.span
        return (f"{terminal_visible(span.file)}:{span.line}:{span.column}",
                terminal_visible(self.message))

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, then position, then code."""
        return (self.span.file, self.span.line, self.span.column, self.code)

    def as_dict(self) -> dict[str, str | int]:
        """The JSON form used by ``argmap check --format json``."""
        return {
            "file": self.span.file,
            "line": self.span.line,
            "column": self.span.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


def error(code: str, message: str, span: Span) -> Diagnostic:
    """Build an error diagnostic."""
    return Diagnostic(Severity.ERROR, code, message, span)


def warning(code: str, message: str, span: Span) -> Diagnostic:
    """Build a warning diagnostic."""
    return Diagnostic(Severity.WARNING, code, message, span)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """Return ``"; did you mean 'x'?"`` for the closest candidate, or ``""``."""
    import difflib  # only when something is misspelt: a clean run never needs it

    pool = list(candidates)
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not close:
        # Prefix matches catch abbreviations ("weigh" -> "weight") that
        # difflib's ratio misses for short words.
        close = [c for c in pool if c.startswith(word) or word.startswith(c)][:1]
    return f"; did you mean '{close[0]}'?" if close else ""


def did_you_mean_any_case(word: str, candidates: Iterable[str]) -> str:
    """:func:`did_you_mean` ignoring case, naming the candidate as it is written
    (``'2AC'`` for ``2ac``), or ``""``."""
    folded = {c.casefold(): c for c in candidates}
    hint = did_you_mean(word.casefold(), folded)
    return f"; did you mean '{folded[hint.split(chr(39))[1]]}'?" if hint else ""


def count(diagnostics: Iterable[Diagnostic]) -> tuple[int, int]:
    """Return (errors, warnings)."""
    errors = warnings = 0
    for d in diagnostics:
        if d.severity is Severity.ERROR:
            errors += 1
        else:
            warnings += 1
    return errors, warnings
