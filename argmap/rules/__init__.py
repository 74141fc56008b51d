"""The rules ``check`` runs, in one registry keyed by the code each reports.

Three families, one module each (yamllint's shape: one module per family, the
codes in one registry, :data:`argmap.diagnostics.codes.CODES`):

- :mod:`argmap.rules.format`: what makes a map wrong or suspect as written
  (ids, refs, citations, duplicates); each rule reads the indexed model and
  runs on every ``check``;
- :mod:`argmap.rules.debate`: what a debater wants flagged (unanswered
  rebuttals, bare claims ...); each reads the graph and its evaluation and
  runs when ``--select`` names it;
- :mod:`argmap.rules.schemes`: the open critical questions of steps that name a scheme
  (``--select schemes``).
- :mod:`argmap.rules.flow`: what a round (format 1.2) left dropped or not
  extended; each reads the round's speeches and answers, on ``--select flow``.

:data:`RULES` maps every code a rule can report to the rule, so a code
(``check --select``, the docs' table) leads to the function that reports it;
a rule that reports several codes is listed under each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    RULES: dict[str, Rule]


class Rule(NamedTuple):
    """One rule: its family (``format``, ``debate`` or ``flow``) and the function that runs it."""

    family: str
    function: Callable[..., Any]


def _registry() -> dict[str, Rule]:
    """code -> the rule that reports it (built on first use: ``check`` runs only the
    format rules, and importing them should not import the evaluation)."""
    from argmap.rules import debate, flow, format, schemes

    return {
        **{code: Rule("format", function) for function, codes in format.REPORTS.items()
           for code in codes},
        **{code: Rule("debate", function) for code, function in debate.RULES.items()},
        **{code: Rule("debate", function) for code, function in debate.MAP_RULES.items()},
        **{code: Rule("schemes", schemes.open_questions) for code in schemes.SCHEME_RULES},
        **{code: Rule("flow", function) for code, function in flow.RULES.items()},
    }


def __getattr__(name: str) -> Any:
    if name == "RULES":
        registry = globals()["RULES"] = _registry()
        return registry
    raise AttributeError(f"module 'argmap.rules' has no attribute {name!r}")

__all__ = ["RULES", "Rule"]
