"""The Argdown reader against the reference: ``@argdown/cli``'s ``json`` export.

Over the corpus (tests/corpus/argdown: examples from the Argdown repository and
our own edge cases) the statement texts and the relations argmap imports must
be the ones the Argdown CLI reads, in argmap's terms: support is pro, attack
con, contradiction con both ways, an undercut of an argument an undercut of
its steps (of a statement: con; of a reconstructed argument's inference: an
undercut of that inference), and a premise-conclusion structure makes its
premises pros of the conclusion after each inference line. An inference with
several premises is one linked argument with exactly those premises, and the
last one of a titled argument has the title (slugged) as its id and the
argument's description as its note: a reconstructed argument is its
premise-conclusion structure, so its description is no statement of its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from argmap.graph import build_graph
from argmap.model import Relation, single_spaced
from argmap.readers import load_path
from argmap.readers.draft import slug
from tests.conftest import TESTS
from tests.reference_tools import argdown_json

CORPUS = TESTS / "corpus" / "argdown"
FILES = sorted(CORPUS.glob("*.argdown"))
_TAGS = re.compile(r"(?:^|(?<=\s))#(?:\([^)]*\)|[\w-]+)")

Triple = tuple[str, str, str]
#: a linked argument: its id, its premises' texts, the text it supports, its note
#: (the argument's description)
Linked = tuple[str | None, frozenset[str], str, str | None]


def clean(text: str) -> str:
    return single_spaced(_TAGS.sub("", text))


def canonical(members: list[dict[str, Any]]) -> str | None:
    """The text of Argdown's canonical member (argdown-core ``model.ts``,
    ``getCanonicalMember``): the last definition that says ``isCanonical``, else the
    last definition (a member that is no reference)."""
    defined = [m for m in members if not m.get("isReference") and clean(m.get("text") or "")]
    chosen = [m for m in defined if (m.get("data") or {}).get("isCanonical")] or defined
    return clean(chosen[-1]["text"]) if chosen else None


def prose(doc: dict[str, Any]) -> set[str]:
    """The untitled statements nothing relates to and no argument holds: prose, which
    Argdown's map hides and the import makes the map's context (unless it is all the
    file holds)."""
    related = {r[end] for r in doc["relations"] for end in ("from", "to")}
    held = {s["title"] for a in doc["arguments"].values() for s in a.get("pcs") or []}
    found = {t for t in doc["statements"] if t.startswith("Untitled ")} - related - held
    return set() if len(found) == len(doc["statements"]) else found


def reference(doc: dict[str, Any]) -> tuple[set[str], set[Triple], set[Linked]]:
    """Texts, relations and linked arguments as the Argdown CLI read them."""
    texts: dict[str, str] = {}
    for title, ec in doc["statements"].items():
        texts["[" + title] = canonical(ec["members"]) or title
    relations: set[Triple] = set()
    linked: set[Linked] = set()
    inference: dict[str, frozenset[str]] = {}  # argument -> the premises of its last inference
    for title, argument in doc["arguments"].items():
        description = canonical(argument["members"])
        described = [description] if description else []
        pcs = argument.get("pcs") or []
        conclusion = [s for s in pcs if s.get("role") == "main-conclusion"]
        if conclusion:  # a reconstructed argument is its pcs: its description is no text
            texts["<" + title] = texts["[" + conclusion[0]["title"]]
        elif described:
            texts["<" + title] = described[0]
        else:
            texts["<" + title] = title
        premises: list[str] = []
        for statement in pcs:
            if "inference" in statement and premises:
                conclusion_text = texts["[" + statement["title"]]
                for premise in premises:
                    relations.add((texts["[" + premise], "pro", conclusion_text))
                together = frozenset(texts["[" + p] for p in premises)
                if len(together) > 1:
                    # the CLI names an argument with no <Title> "Untitled n": no members
                    named = statement["role"] == "main-conclusion" and argument["members"]
                    note = described[0] if named and described else None
                    linked.add((slug(title) if named else None, together, conclusion_text,
                                note))
                inference[title] = together
                premises = []
            premises.append(statement["title"])
    kinds = {"equivalence-class": "[", "argument": "<"}
    for r in doc["relations"]:
        a = texts[kinds[r["fromType"]] + r["from"]]
        if r["toType"] == "inference":  # an undercut of a reconstructed argument
            relations |= {(a, "undercut", premise) for premise in inference[r["to"]]}
            continue
        b = texts[kinds[r["toType"]] + r["to"]]
        kind = r["relationType"]
        if kind == "contradictory":
            relations |= {(a, "con", b), (b, "con", a)}
        elif kind == "undercut" and r["toType"] == "argument" and any(
                o["from"] == r["to"] and o["relationType"] != "undercut"
                for o in doc["relations"]):
            relations.add((a, "undercut", b))
        # An undercut of a statement, or of an argument with no step to attack,
        # is read as a con (and counted in the import's summary).
        else:
            # in strict mode, relations between statements are "entails" and "contrary"
            relations.add((a, "pro" if kind in ("support", "entails") else "con", b))
    # a statement relating to itself (an argument to its own conclusion) is no link
    relations = {r for r in relations if r[0] != r[2]}
    hidden = prose(doc)
    shown = {text for key, text in texts.items() if key[0] == "<" or key[1:] not in hidden}
    return shown, relations, linked


def imported(path: Path) -> tuple[set[str], set[Triple], set[Linked]]:
    """Texts, relations and linked arguments of argmap's import, described the same way;
    no link between two statements is there twice."""
    loaded = load_path(path)
    assert [d for d in loaded.diagnostics if d.severity.value == "error"] == []
    (m,) = loaded.maps
    g = build_graph(m)
    links = {link.key: link for link in g.links}
    text = {key: s.text for key, s in g.statements.items()}
    relations: set[Triple] = set()
    for link in g.links:
        for premise in link.premises:
            if link.relation is Relation.UNDERCUT:
                for attacked in links[link.target].premises:
                    relations.add((text[premise], "undercut", text[attacked]))
            else:
                relations.add((text[premise], link.relation.value, text[link.target]))
    linked = {(link.id, frozenset(text[p] for p in link.premises), text[link.target],
               link.note) for link in g.links if link.linked}
    single = [(link.premises, link.relation, link.target) for link in g.links
              if not link.linked]
    assert len(single) == len(set(single)), "a link written twice"
    return set(text.values()), relations, linked


@pytest.fixture(scope="module")
def reference_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return argdown_json(FILES, tmp_path_factory.mktemp("argdown-json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_import_reads_what_argdown_reads(path: Path, reference_json: dict[str, Any]) -> None:
    texts, relations, linked = reference(reference_json[path.stem])
    our_texts, our_relations, our_linked = imported(path)
    assert our_texts == texts
    assert our_relations == relations
    assert our_linked == linked


def groups(doc: dict[str, Any]) -> dict[str, str]:
    """Statement text -> the title of the group Argdown's map draws it in: the section of
    its first definition (else of its first mention), or the nearest section above
    that one which is a group (not ``isGroup: false``)."""
    sections: dict[str, tuple[str, bool, str | None]] = {}  # id -> (title, group, parent)

    def walk(found: list[dict[str, Any]], parent: str | None) -> None:
        for section in found:
            group = (section.get("data") or {}).get("isGroup") is not False
            sections[section["id"]] = (section["title"], group, parent)
            walk(section.get("children") or [], section["id"])

    walk(doc["sections"], None)
    hidden = prose(doc)
    found: dict[str, str] = {}
    for title, ec in doc["statements"].items():
        members = ec["members"]
        first = next((m for m in members if not m.get("isReference")), members[0])
        section = first.get("section")
        while section is not None and not sections[section][1]:
            section = sections[section][2]
        text = canonical(members)
        if section is not None and text and title not in hidden:
            found[text] = sections[section][0]
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_import_tags_each_statement_with_its_argdown_group(
        path: Path, reference_json: dict[str, Any]) -> None:
    (m,) = load_path(path).maps
    tags: dict[str, set[str]] = {}
    for statement in build_graph(m).statements.values():
        tags.setdefault(single_spaced(statement.text), set()).update(statement.tags)
    wanted = {text: group for text, group in groups(reference_json[path.stem]).items()
              if clean(group) != m.question}  # the question's heading tags nothing
    assert {t: g for t, g in wanted.items() if clean(g) not in tags.get(t, set())} == {}
