"""The catalogue of argument schemes and their critical questions (format 1.2).

The catalogue is data, ``catalogue.yaml`` beside this module (its JSON Schema is
``catalogue.schema.json``): each scheme's id, name, premises and conclusion as
templates, its AIF name, and its critical questions, each with an id
(``expert-opinion.expertise``) and a kind. It is read on first use only, so a map
without ``scheme:`` never reads it.

The kinds are Carneades' (Gordon, Prakken & Walton 2007): an **assumption** counts
against the argument until it is answered; an **exception** counts only once raised.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any, NamedTuple

#: the kinds of critical question, as the catalogue writes them
ASSUMPTION, EXCEPTION = "assumption", "exception"


class Question(NamedTuple):
    """One critical question of a scheme."""

    id: str  # `<scheme>.<word>`: expert-opinion.expertise
    text: str
    kind: str  # ASSUMPTION or EXCEPTION

    @property
    def scheme(self) -> str:
        """The id of the scheme the question belongs to."""
        return self.id.partition(".")[0]


class Scheme(NamedTuple):
    """One argument scheme: the pattern a step follows, and what to ask of it."""

    id: str
    name: str
    aifdb: str  # the scheme's name in AIFdb and OVA
    premises: tuple[str, ...]
    conclusion: str
    questions: tuple[Question, ...]
    sources: tuple[str, ...]  # keys of Catalogue.sources


class Catalogue(NamedTuple):
    """Every scheme by id, every question by id, and the works they come from."""

    schemes: dict[str, Scheme]
    questions: dict[str, Question]
    sources: dict[str, str]

    def by_aifdb(self, name: str) -> Scheme | None:
        """The scheme AIF names ``name`` (any case; "Argument From …" and "Argument
        from …" prefixes as OVA writes them are ignored)."""
        wanted = name.strip().casefold().removeprefix("argument from ").strip()
        for scheme in self.schemes.values():
            if wanted in (scheme.aifdb.casefold(), scheme.id, scheme.name.casefold()):
                return scheme
        return None


def text() -> str:
    """The catalogue file as shipped (for the docs generator and the schema test)."""
    return resources.files(__package__).joinpath("catalogue.yaml").read_text(encoding="utf-8")


def schema_text() -> str:
    """The catalogue's JSON Schema as shipped."""
    return resources.files(__package__).joinpath("catalogue.schema.json").read_text(
        encoding="utf-8")


@functools.cache
def catalogue() -> Catalogue:
    """The shipped catalogue, read once, on first use."""
    from argmap.readers.yaml.data import plain_data

    return build(plain_data(text()))


def build(data: dict[str, Any]) -> Catalogue:
    """The catalogue records from the file's plain data (validated by the schema test)."""
    schemes: dict[str, Scheme] = {}
    questions: dict[str, Question] = {}
    for item in data["schemes"]:
        asked = tuple(Question(q["id"], q["text"], q["kind"]) for q in item["questions"])
        questions.update((q.id, q) for q in asked)
        schemes[item["id"]] = Scheme(item["id"], item["name"], item["aifdb"],
                                     tuple(item["premises"]), item["conclusion"], asked,
                                     tuple(item["sources"]))
    return Catalogue(schemes, questions, dict(data["sources"]))
