"""argmap's own JSON export (``render -f json``, docs/json.md) read back as a map.

The export lists statements once (where written) and every position as a link
with its ``address``; the tree is rebuilt from the addresses: a link at
``c1.pro2.con1`` is the first ``con`` below the position ``c1.pro2``, and a
linked argument's premises sit at ``<address>.1``, ``<address>.2`` … A
position is written where a statement record has that path, else it is a
``ref`` (for a single premise: the link's ``ref``).

Spans are the ones the export recorded (where each statement was written), so
JSON → map → JSON is the identity; a problem in the JSON itself (bad syntax, a
missing key, an address below no statement) is located in the JSON file.
A cut (``--focus``, or statements cut away but still named) is refused: it is
not a map; positions ``--depth`` hid are counted as left out.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.diagnostics import error
from argmap.model import (
    LINKED_VERSION,
    V1_2,
    ArgumentMap,
    Citation,
    Relation,
    Source,
    Span,
    Speech,
    Statement,
)
from argmap.readers import ReadResult
from argmap.readers.json_records import (
    JsonError,
    Located,
    link_fields,
    map_fields,
    source_fields,
    statement_fields,
)
from argmap.speeches import PRESETS

CODE = "json-syntax"
#: the versions of docs/json.md this reader knows (version 1 links lack id, note, tags)
VERSIONS = (1, 2)
HIDDEN = "positions --depth cut away (an export of a cut map)"
_STEP = re.compile(r"(.*)\.(pro|con|undercut)([0-9]+)\Z")
_RELATIONS = {"pro": Relation.PRO, "con": Relation.CON, "undercut": Relation.UNDERCUT}


def read(text: str, file: str) -> ReadResult:
    """Read one argmap JSON export (see the module docstring)."""
    result = ReadResult()
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        result.diagnostics.append(error(CODE, f"not valid JSON: {exc.msg}",
                                        Span(file, exc.lineno, exc.colno)))
        return result
    located = Located(text, file)
    try:
        result.maps.append(_build(document, result))
    except JsonError as exc:
        result.diagnostics.append(error(CODE, exc.message, located.span(exc.where)))
    return result


def _build(document: Any, result: ReadResult) -> ArgumentMap:
    """The map of one export; raises :class:`JsonError` for what is not one."""
    if not isinstance(document, dict) or "argmap_json" not in document:
        raise JsonError("not an argmap JSON export: no `argmap_json` key (render -f json "
                        "writes one)", ())
    if document["argmap_json"] not in VERSIONS:
        raise JsonError(f"argmap JSON version {document['argmap_json']!r} is not one this "
                        f"argmap reads ({', '.join(map(str, VERSIONS))}); update argmap",
                        ("argmap_json",))
    head = map_fields(document.get("map"))
    if head.get("focus") is not None:
        raise JsonError(f"this export is a cut (--focus {head['focus']}), not a whole map; "
                        "export the map without --focus to read it back", ("map",))
    records = [statement_fields(r, ("statements", i))
               for i, r in enumerate(_array(document, "statements"))]
    links = [link_fields(r, ("links", i)) for i, r in enumerate(_array(document, "links"))]
    sources = [source_fields(r, ("sources", i)) for i, r in enumerate(_array(document, "sources"))]
    for i, r in enumerate(records):
        if r["outside"]:
            raise JsonError(f"statement {r['key']} is outside the export (a --focus or "
                            "--depth cut): export the whole map to read it back",
                            ("statements", i))
    hidden = sum(r["hidden"] for r in records)
    if hidden:
        result.dropped[HIDDEN] += hidden
    file = head["file"]
    start = Span(file, 1, 1)
    claims = _Tree(records, links, start).claims()
    speeches = _round(head, records, links)
    return ArgumentMap(
        head["id"], head["question"], start, claims, head["context"], tuple(head["tags"]),
        {s["id"]: Source(s["id"], s["title"], start, tuple(s["author"]), s["publisher"],
                         s["date"], s["url"], s["accessed"], s["kind"], s["note"], s["quals"],
                         s["short"])
         for s in sources},
        # format 1.2's cards: a quote read as markup needs the map to say 1.2
        V1_2 if head["marked"] or speeches or any(s["quals"] or s["short"] for s in sources)
        else
        LINKED_VERSION if any(len(link["premises"]) > 1 for link in links) else "1",
        tuple(head["sides"]),
        head["semantics"] if head["semantics"] in ("grounded", "weighed") else None,
        head["format"], speeches)


def _round(head: dict[str, Any], records: list[dict[str, Any]],
           links: list[dict[str, Any]]) -> tuple[Speech, ...]:
    """The round's speeches (format 1.2), with every `speech` of the export one of them."""
    if head["format"] is not None and head["format"] not in PRESETS:
        raise JsonError(f"unknown debate format {head['format']!r} (argmap knows "
                        f"{', '.join(PRESETS)})", ("map",))
    speeches = tuple(Speech(s["name"], s["side"], s["minutes"]) for s in head["speeches"])
    names = {s.name for s in speeches}
    for kind, found in (("statements", records), ("links", links)):
        for i, r in enumerate(found):
            if r["speech"] is not None and r["speech"] not in names:
                raise JsonError(f"speech {r['speech']!r} is not one of the map's speeches "
                                f"({', '.join(names) or 'it lists none'})", (kind, i))
    return speeches


def _array(document: dict[str, Any], name: str) -> list[Any]:
    found = document.get(name, [])
    if not isinstance(found, list):
        raise JsonError(f"`{name}` must be a list", (name,))
    return found


class _Tree:
    """The statements and links of an export, as argmap's tree of statements."""

    def __init__(self, records: list[dict[str, Any]], links: list[dict[str, Any]],
                 start: Span) -> None:
        self.records = records
        self.by_path = {r["path"]: r for r in records}
        self.links = links
        self.start = start
        self.index = {link["address"]: i for i, link in enumerate(links)}

    def claims(self) -> tuple[Statement, ...]:
        """Every position built below its parent, last first, so children come first."""
        below: dict[str, list[Statement]] = {}
        for i in range(len(self.links) - 1, -1, -1):
            link = self.links[i]
            parent, relation = self._parent(link, i)
            below.setdefault(parent, []).append(self._position(link, relation, below))
        claims = tuple(self._written(r, Relation.CLAIM, r["path"], None, below)
                       for r in self.records if r["claim"])
        for i, r in enumerate(self.records):
            if r["path"] in below or (not r["claim"] and r["link"] is None):
                raise JsonError(f"statement {r['key']} at {r['path']} is below no claim or "
                                "link of the export", ("statements", i))
        for kids in below.values():
            index = self.index[kids[-1].path]
            raise JsonError(f"link {self.links[index]['key']} is at {kids[-1].path}, below no "
                            "statement of the export", ("links", index))
        return claims

    def _parent(self, link: dict[str, Any], index: int) -> tuple[str, Relation]:
        found = _STEP.match(link["address"])
        if found is None or found[2] != link["relation"]:
            raise JsonError(f"link {link['key']}'s address {link['address']!r} is not a "
                            f"{link['relation']} position (like c1.{link['relation']}1)",
                            ("links", index))
        return found[1], _RELATIONS[found[2]]

    def _position(self, link: dict[str, Any], relation: Relation,
                  below: dict[str, list[Statement]]) -> Statement:
        address, span = link["address"], link["span"]
        premises = link["premises"]
        if len(premises) > 1:
            written = tuple(
                self._written(self.by_path[f"{address}.{n}"], relation, f"{address}.{n}", None,
                              below) if f"{address}.{n}" in self.by_path else
                Statement(f"{address}.{n}", relation, span, ref=key)
                for n, key in enumerate(premises, 1))
            cuts = self._ordered(below.pop(address, []), address)
            return Statement(address, relation, span, "", link["id"], None, None, (), (),
                             cuts[2], (), None, tuple(link["tags"]), link["note"], link["weight"],
                             written, speech=link["speech"], scheme=link["scheme"])
        if link["ref"] or address not in self.by_path:
            # format 1.2: a ref's own step keeps its weight, note, undercuts and scheme
            step_cuts = self._ordered(below.pop(address, []), address)[2]
            return Statement(address, relation, span, ref=premises[0], weight=link["weight"],
                             note=link["note"], undercut=step_cuts, speech=link["speech"],
                             scheme=link["scheme"])
        return self._written(self.by_path[address], relation, address, link["weight"], below,
                             link["scheme"])

    def _written(self, r: dict[str, Any], relation: Relation, path: str, weight: int | None,
                 below: dict[str, list[Statement]], scheme: str | None = None) -> Statement:
        pro, con, cuts = self._ordered(below.pop(path, []), path)
        span = r["span"]
        cites = tuple(Citation(c["source"], span, c["quote"], c["locator"])
                      for c in r["citations"])
        statement = Statement(path, relation, span, r["text"], r["id"], None, None, pro, con,
                              cuts, cites, r["by"], tuple(r["tags"]), r["note"], weight,
                              side=r["side"] if relation is Relation.CLAIM else None,
                              speech=r["speech"], scheme=scheme, answers=tuple(r["answers"]))
        if r.get("origin") is not None and "origin" in Statement._fields:
            # an imported statement's own id in its source (issue 19), once the model has it
            origin: dict[str, Any] = {"origin": r["origin"]}  # a keyword mypy cannot see yet
            statement = statement._replace(**origin)
        return statement

    def _ordered(self, reversed_kids: list[Statement], path: str) -> tuple[
            tuple[Statement, ...], tuple[Statement, ...], tuple[Statement, ...]]:
        """A position's children (built last first) as its pro, con and undercut lists."""
        lists: dict[Relation, list[Statement]] = {r: [] for r in _RELATIONS.values()}
        for kid in reversed(reversed_kids):
            lists[kid.relation].append(kid)
        for relation, kids in lists.items():
            for n, kid in enumerate(kids, 1):
                if kid.path != f"{path}.{relation.value}{n}":
                    raise JsonError(f"link {self.links[self.index[kid.path]]['key']} is at "
                                    f"{kid.path}, but it is {relation.value} {n} of {path} in "
                                    "file order", ("links", self.index[kid.path]))
        return (tuple(lists[Relation.PRO]), tuple(lists[Relation.CON]),
                tuple(lists[Relation.UNDERCUT]))
