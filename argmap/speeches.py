"""The speech orders of the common debate formats (format 1.2's `format:` presets).

Each preset lists its speeches in the order they are given, which of its two
sides gives each (0: the side that speaks first, 1: the other), and the time
its rules allow. Cross-examination, crossfire and points of information are
not speeches on the flow, so they are left out. docs/format.md ("Speeches")
cites the rules each order comes from.

A map's own `sides` rename a preset's sides by position: `format: pf` with
`sides: [con, pro]` is a round the con team opens.
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from argmap.model import V1_2, ArgumentMap, Speech, at_least


class Preset(NamedTuple):
    """One format: its name as written after `format:`, its title, sides and speeches."""

    name: str
    title: str
    sides: tuple[str, str]
    speeches: tuple[tuple[str, int, float], ...]  # (name, side index, minutes)
    source: str  # the published rules the order and times come from

    def resolve(self, sides: tuple[str, ...] = ()) -> tuple[Speech, ...]:
        """The speeches with their sides named: the map's ``sides`` when it declares
        two, else the preset's own."""
        names = sides if len(sides) == 2 else self.sides
        return tuple(Speech(name, names[side], minutes) for name, side, minutes in self.speeches)


def _alternate(names: str, *minutes: float) -> tuple[tuple[str, int, float], ...]:
    """Speeches that alternate between the sides, the first side first."""
    return tuple((name, i % 2, time) for i, (name, time) in
                 enumerate(zip(names.split(), minutes, strict=True)))


PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("policy", "Policy (CX), NSDA high-school times", ("aff", "neg"),
           (("1AC", 0, 8), ("1NC", 1, 8), ("2AC", 0, 8), ("2NC", 1, 8),
            ("1NR", 1, 5), ("1AR", 0, 5), ("2NR", 1, 5), ("2AR", 0, 5)),
           "NSDA Unified Manual, Policy Debate; Wikipedia, Structure of policy debate"),
    Preset("ld", "Lincoln-Douglas, NSDA", ("aff", "neg"),
           _alternate("AC NC 1AR NR 2AR", 6, 7, 4, 6, 3),
           "NSDA Unified Manual, Lincoln-Douglas Debate"),
    Preset("pf", "Public Forum, NSDA (the team that won the flip's order speaks first)",
           ("pro", "con"), _alternate("1C 2C 1R 2R 1S 2S 1FF 2FF", 4, 4, 4, 4, 3, 3, 2, 2),
           "NSDA Unified Manual, Public Forum Debate"),
    Preset("bp", "British Parliamentary (WUDC); opening and closing teams share a bench",
           ("gov", "opp"), _alternate("PM LO DPM DLO MG MO GW OW", *[7] * 8),
           "WUDC Debating and Judging Manual"),
    Preset("worlds", "World Schools (WSDC); the opposition replies first", ("prop", "opp"),
           (("P1", 0, 8), ("O1", 1, 8), ("P2", 0, 8), ("O2", 1, 8), ("P3", 0, 8),
            ("O3", 1, 8), ("OR", 1, 4), ("PR", 0, 4)),
           "WSDC Rules of Debate"),
    Preset("apda", "American Parliamentary (APDA)", ("gov", "opp"),
           (("PMC", 0, 7), ("LOC", 1, 8), ("MGC", 0, 8), ("MOC", 1, 8), ("LOR", 1, 4),
            ("PMR", 0, 5)),
           "APDA Constitution and speaker roles"),
    Preset("asian", "Asian Parliamentary (UADC); the opposition replies first",
           ("gov", "opp"),
           (("PM", 0, 7), ("LO", 1, 7), ("DPM", 0, 7), ("DLO", 1, 7), ("GW", 0, 7),
            ("OW", 1, 7), ("OR", 1, 4), ("GR", 0, 4)),
           "UADC Debating and Adjudication Manual"),
)}


def find(speeches: tuple[Speech, ...], name: str) -> Speech | None:
    """The speech called ``name``, compared case-insensitively."""
    folded = name.casefold()
    return next((s for s in speeches if s.name.casefold() == folded), None)


def index(speeches: tuple[Speech, ...]) -> dict[str, int]:
    """Speech name -> its place in the round (0 for the first)."""
    return {s.name: i for i, s in enumerate(speeches)}


class MapDefaults(NamedTuple):
    """What a project file (``argmap.toml``) sets for the maps of its project, where a
    map writes none itself: the debate ``format`` (a preset's name), the ``sides`` and
    the ``semantics``."""

    format: str | None = None
    sides: tuple[str, ...] = ()
    semantics: str | None = None

    def preset(self, version: str, written: bool) -> str | None:
        """The format a map inherits: the project's, for a map of format 1.2 that
        writes neither `format` nor `speeches` (``written``)."""
        if self.format is None or written or not at_least(version, V1_2):
            return None
        return self.format


def inherit(argmap: ArgumentMap, defaults: MapDefaults | None) -> ArgumentMap:
    """``argmap`` with its project's defaults where it sets none itself: a map's own
    `semantics`, `sides`, `format` and `speeches` win. A card library takes none: its
    cards are said in no round and argued by no side until a map uses them."""
    if defaults is None or argmap.library:
        return argmap
    changes: dict[str, object] = {}
    if argmap.semantics is None and defaults.semantics is not None:
        changes["semantics"] = defaults.semantics
    sides = argmap.sides or defaults.sides
    if sides != argmap.sides:
        changes["sides"] = sides
    preset = defaults.preset(argmap.version, argmap.format is not None or bool(argmap.speeches))
    if preset is not None:
        changes["format"] = preset
        changes["speeches"] = PRESETS[preset].resolve(sides)
    return dataclasses.replace(argmap, **changes) if changes else argmap  # type: ignore[arg-type]
