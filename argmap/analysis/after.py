"""``eval --after SPEECH`` and ``eval --by-speech``: the round as it stood after a speech.

:func:`after` cuts the map down to what was said by the end of a speech (every
position whose speech, as :class:`argmap.analysis.round.Round` places it, is
that one or earlier) and the evaluator runs on the smaller map unchanged. A
linked argument goes when any of its premises does (it counts only with all of
them), and a ``ref`` goes with the statement it names.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.analysis.evaluate import SYMBOLS, Status, evaluate, semantics_of
from argmap.analysis.report import preview
from argmap.analysis.round import Round, build_round
from argmap.errors import UsageError
from argmap.escape import json_text
from argmap.graph import build_graph
from argmap.model import ArgumentMap, Statement


class SpeechError(UsageError, ValueError):
    """``--after`` names no speech of the round, or the map has none."""


def speech_index(argmap: ArgumentMap, name: str) -> int:
    """The place of the speech ``name`` (case-insensitive) in the map's round.

    Raises:
        SpeechError: if the map has no speeches or none is called ``name``.
    """
    return locate_speech(argmap, name, "--after")[1]


def locate_speech(argmap: ArgumentMap, name: str, option: str) -> tuple[Round, int]:
    """The map's round and the place in it of the speech ``name`` (case-insensitive),
    which the command line's ``option`` named.

    Raises:
        SpeechError: if the map has no speeches or none is called ``name`` (with the
            speech's name as the round writes it when only the case differs).
    """
    round_ = build_round(argmap)
    if round_ is None:
        raise SpeechError(f"{option} {name}: map '{argmap.id}' has no speeches (add `format` "
                          "or `speeches`)")
    found = round_.index(name)
    if found is None:
        from argmap.diagnostics import did_you_mean_any_case

        names = [s.name for s in round_.speeches]
        hint = did_you_mean_any_case(name, names)
        raise SpeechError(f"{option} {name}: not a speech of map '{argmap.id}'{hint} "
                          f"(speeches: {', '.join(names)})")
    return round_, found


def after(argmap: ArgumentMap, speech: int) -> ArgumentMap:
    """The map as it stood after speech number ``speech`` (0 for the first): only the
    positions said in it or before it. A map without speeches comes back as it is."""
    round_ = build_round(argmap)
    if round_ is None:
        return argmap
    said = _positions(round_)

    def kept(path: str) -> bool:
        return said.get(path, 0) <= speech

    written = {s.id for s in argmap.walk() if s.id is not None and s.ref is None
               and _alive(argmap, s.path, kept)}

    def cut(items: tuple[Statement, ...]) -> tuple[Statement, ...]:
        out = []
        for item in items:
            if not kept(item.path) or (item.ref is not None and item.ref not in written):
                continue
            if item.premises:
                premises = cut(item.premises)
                if len(premises) != len(item.premises):
                    continue
                item = item._replace(premises=premises, undercut=cut(item.undercut))
            elif item.pro or item.con or item.undercut:
                item = item._replace(pro=cut(item.pro), con=cut(item.con),
                                     undercut=cut(item.undercut))
            out.append(item)
        return tuple(out)

    return argmap.__class__(**{**{f: getattr(argmap, f) for f in argmap.__dataclass_fields__},
                               "claims": cut(argmap.claims)})


def _positions(round_: Round) -> dict[str, int]:
    """Every position's path -> the speech it was said in."""
    graph = round_.graph
    said = {graph.statements[key].path: round_.said(key) for key in graph.claims}
    for link in graph.links:
        said[link.address] = round_.link_said(link)
        if link.linked:
            for premise, path in link.places():
                if graph.written_at(link, premise):
                    said[path] = max(said[link.address], round_.said(premise))
                else:
                    said[path] = said[link.address]
    return said


def _alive(argmap: ArgumentMap, path: str, kept: Callable[[str], bool]) -> bool:
    """Whether the position at ``path`` and every position above it are kept."""
    parts = path.split(".")
    return all(kept(".".join(parts[:i])) for i in range(1, len(parts) + 1))


def by_speech(argmap: ArgumentMap, semantics: str | None = None,
              ) -> tuple[list[str], dict[str, list[Status | None]]]:
    """Each claim's status after each speech (None before it is said), under ``semantics``
    (None: the map's own, else grounded).

    Returns:
        The speech names, and claim address -> one status (or None) per speech.
    """
    names = [s.name for s in argmap.speeches]
    graph = build_graph(argmap)
    claims = {key: graph.address(key) for key in graph.claims}
    rows: dict[str, list[Status | None]] = {address: [] for address in claims.values()}
    for index in range(len(names)):
        evaluation = evaluate(build_graph(after(argmap, index)),
                              semantics_of(argmap.semantics, semantics))
        for key, address in claims.items():
            rows[address].append(evaluation.statements.get(key))
    return names, rows


def by_speech_text(argmap: ArgumentMap, semantics: str | None = None) -> str:
    """``eval --by-speech``: a table of each claim's status speech by speech."""
    names, rows = by_speech(argmap, semantics)
    graph = build_graph(argmap)
    width = max([len(a) for a in rows] + [5])
    cells = [max(len(n), 3) for n in names]
    out = [f"{argmap.id} ({argmap.span.file}): {preview(argmap.question, 30)[1:-1]}",
           "  " + "claim".ljust(width) + "  " + "  ".join(n.ljust(c) for n, c in
                                                      zip(names, cells, strict=True))]
    for key in graph.claims:
        address = graph.address(key)
        marks = ["·" if s is None else SYMBOLS[s] for s in rows[address]]
        out.append("  " + address.ljust(width) + "  " + "  ".join(
            m.ljust(c) for m, c in zip(marks, cells, strict=True)).rstrip())
    out.append(f"  {SYMBOLS['in']} stands  {SYMBOLS['out']} falls  {SYMBOLS['undecided']} "
               f"undecided  · not said yet ({semantics_of(argmap.semantics, semantics).value})")
    return "\n".join(out) + "\n"


def by_speech_json(maps: list[ArgumentMap], semantics: str | None = None) -> str:
    """``eval --by-speech --format json``: per map, the speeches and each claim's statuses."""
    records = []
    for argmap in maps:
        names, rows = by_speech(argmap, semantics)
        records.append({"id": argmap.id, "speeches": names,
                        "semantics": semantics_of(argmap.semantics, semantics).value,
                        "claims": {address: [None if s is None else s.value for s in statuses]
                                   for address, statuses in rows.items()}})
    return json_text({"maps": records}) + "\n"
