"""Flow rules: warnings about a round (format 1.2), on with ``check --select flow``.

Each reads the map's :class:`argmap.analysis.round.Round` (sides, speeches,
answers); a map without speeches has nothing to warn about. Their codes are
the ``flow`` group of :data:`argmap.diagnostics.codes.CODES`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from argmap.analysis.flow import FlowError, side_named
from argmap.analysis.report import preview  # control characters replaced: safe to print
from argmap.analysis.round import Round, build_round
from argmap.diagnostics import Diagnostic, warning
from argmap.model import ArgumentMap


def dropped(round_: Round, side: str | None) -> Iterator[Diagnostic]:
    """An argument the other side had a later speech to answer, and answered in none
    (with ``side``: only the other side's arguments that ``side`` dropped)."""
    for key, argument in round_.arguments.items():
        if argument.dropped is None or (side is not None and argument.side == side):
            continue
        statement = round_.graph.statements[key]
        by = round_.speeches[argument.dropped]
        said = round_.speeches[argument.speech].name
        yield warning("dropped", f"{by.side or 'the other side'} dropped {argument.side}'s "
                      f"{preview(statement.text)} ({said}): no answer from {by.name} on; "
                      f"answer it, or concede it knowingly", statement.span)


def not_extended(round_: Round, side: str | None) -> Iterator[Diagnostic]:
    """An argument its side did not say again in its last speech (with ``side``: only
    that side's)."""
    for key, argument in round_.arguments.items():
        if not argument.not_extended or (side is not None and argument.side != side):
            continue
        statement = round_.graph.statements[key]
        last = [s.name for s in round_.speeches if s.side == argument.side][-1]
        how = (f"write `- ref: {statement.id}` with `speech: {last}`" if statement.id
               is not None else f"give it an `id` and write a `ref` to it with `speech: {last}`")
        yield warning("not-extended", f"{argument.side} did not extend "
                      f"{preview(statement.text)} into {last}: if it did, {how}; "
                      "else it is given up", statement.span)


Rule = Callable[[Round, str | None], Iterator[Diagnostic]]

RULES: dict[str, Rule] = {"dropped": dropped, "not-extended": not_extended}


def run_flow_rules(argmap: ArgumentMap, codes: set[str],
                   for_: list[str] | None = None) -> list[Diagnostic]:
    """The diagnostics of the flow rules named in ``codes`` for one map; with ``for_`` (a
    side, or claim ids of one side), only what that side must act on: the other side's
    arguments it dropped, and its own arguments not extended.

    Raises:
        UsageError: if ``for_`` names neither a side nor a claim of the round.
    """
    chosen = [rule for code, rule in RULES.items() if code in codes]
    found = build_round(argmap) if chosen else None
    if found is None:
        return []
    sides = {side_named(found, name) for name in for_ or ()}
    if len(sides) > 1:
        raise FlowError(f"--for {','.join(for_ or ())}: names claims of several sides; the "
                        "flow rules judge for one side")
    side = sides.pop() if sides else None
    return [d for rule in chosen for d in rule(found, side)]
