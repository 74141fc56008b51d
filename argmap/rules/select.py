"""``check --select/--ignore``: which warning rules run, as ruff chooses its rules.

A selector is a code (``bare-claim``) or a group: ``default`` (the warnings
``check`` reports without options), ``debate`` (the debate rules) or ``all``;
codes and groups come from :data:`argmap.diagnostics.codes.CODES`. ``--select``
replaces the default set; ``--ignore`` removes from the selected set.
Errors are not rules to choose: they mean the file cannot be read as a map,
so they are always reported.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.diagnostics import Diagnostic, Severity, did_you_mean
from argmap.diagnostics.codes import group
from argmap.errors import UsageError

#: Warnings ``check`` reports without options (the format's own codes).
DEFAULT_WARNINGS = group("default")
#: old names that still select a rule: unanswered-rebuttal grew undercuts (issue 20)
ALIASES = {"unanswered-rebuttal": "unanswered-attack"}


class SelectError(UsageError, ValueError):
    """A selector that names no rule."""


def groups() -> dict[str, tuple[str, ...]]:
    """Group name -> the codes it stands for."""
    debate = group("debate")
    return {"default": DEFAULT_WARNINGS, "debate": debate, "all": DEFAULT_WARNINGS + debate}


def _expand(option: str, selectors: Iterable[str]) -> set[str]:
    """Codes named by comma-separated selectors; SelectError for an unknown one."""
    if not selectors:  # the usual run: no need to load the debate rules to know them
        return set()
    table = groups()
    codes: set[str] = set()
    for item in selectors:
        for word in item.split(","):
            word = word.strip().lower()
            word = ALIASES.get(word, word)
            if not word:
                continue
            if word in table:
                codes.update(table[word])
            elif word in table["all"]:
                codes.add(word)
            else:
                raise SelectError(f"{option} {word}: no such rule"
                                  f"{did_you_mean(word, [*table, *table['all']])} (rules: "
                                  f"{', '.join(table['all'])}; groups: default, debate, all)")
    return codes


def selected(select: Iterable[str] | None, ignore: Iterable[str] | None) -> set[str]:
    """The warning codes to report.

    Raises:
        SelectError: a selector names no rule or group.
    """
    codes = set(DEFAULT_WARNINGS) if select is None else _expand("--select", select)
    return codes - _expand("--ignore", ignore or ())


def keep(diagnostics: Iterable[Diagnostic], codes: set[str]) -> list[Diagnostic]:
    """Every error, and the warnings whose code is selected."""
    return [d for d in diagnostics if d.severity is Severity.ERROR or d.code in codes]
