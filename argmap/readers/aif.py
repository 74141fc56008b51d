"""AIF JSON (AIFdb, argmap's ``-f aif``) and xAIF (OVA: ``{"AIF": {…}, "OVA": …}``).

How the Argument Interchange Format becomes a map:

- Each **I-node** is a statement (its ``text``).
- An **RA-node** (inference) makes the I-node that points into it a ``pro``
  of the I-node it points at; an RA-node with several premises is one linked
  argument (format 1.1: an item with ``premises``) for it.
- A **CA-node** (conflict) makes its attacker a ``con`` of the I-node it points
  at (several attackers: a linked ``con``); a CA-node aimed at an RA- or
  CA-node is an **undercut** of that step, of a linked argument as a whole.
  Format 1.1 has no linked undercut: a CA-node with several premises aimed at
  a step gives one undercut per premise, counted in the summary.
- An **MA-node** (rephrase) is read as a ``pro`` of the statement it rephrases
  (a rephrase stands or falls with the original), and counted in the summary.
- Dialogue nodes (L locutions, YA illocutions, TA transitions), other
  kinds (PA preferences …), named argument schemes argmap's catalogue does not have, a
  repeated ``nodeID`` and xAIF's analysed ``text`` are left out and counted
  (docs/imports.md lists every count), as are edges straight
  from one I-node to another (AIF has none: a relation is an S-node, and a
  bare edge says neither pro nor con); a speaker that a
  locution names, through ``L -> YA -> I``, becomes the statement's ``by``.
- The claims are the I-nodes that support or attack nothing (several
  roots, several claims); ids may be strings or numbers; repeated
  locutions are read once; an ``AIF`` key that holds no ``nodes`` (metadata
  in some AIFdb-like files) leaves the graph at the top level.

Spans point at each node's ``"nodeID"`` in the file, found with one regular
expression pass (``json`` keeps no positions).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from typing import Any

from argmap.diagnostics import error
from argmap.model import Relation, Span
from argmap.readers import ReadResult
from argmap.readers.assemble import assemble_into
from argmap.readers.catalogue import catalogue
from argmap.readers.draft import DEdge, DNode, Draft, file_stem
from argmap.readers.yaml.build import slugify

CODE = "aif-syntax"
LINKED_UNDERCUT = "CA-nodes with several premises aimed at a step, imported as separate undercuts"
REPHRASE = "rephrases (MA-nodes) imported as pro"
I_TO_I = "edges straight from one I-node to another (no RA-, CA- or MA-node)"
REPEATED = "nodes whose nodeID an earlier node has"
MALFORMED = "nodes that are not objects with a nodeID and a type"
SCHEME = "scheme names of RA-, CA- and MA-nodes (other than 'Default …')"
ANALYSED = "the analysed text (xAIF's `text`)"
_NODE_ID = re.compile(r'"nodeID"\s*:\s*"?([^",}\s]*)')
_DIALOGUE = {"L": "locutions (L-nodes)", "YA": "illocutions (YA-nodes)",
             "TA": "transitions (TA-nodes)"}


class _Positions:
    """Offsets in the text -> 1-based line and column."""

    def __init__(self, text: str, file: str) -> None:
        self.file = file
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.nodes: dict[str, int] = {}
        for found in _NODE_ID.finditer(text):
            self.nodes.setdefault(found.group(1), found.start())

    def at(self, offset: int) -> Span:
        line = bisect_right(self.starts, offset)
        return Span(self.file, line, offset - self.starts[line - 1] + 1)

    def node(self, node_id: str) -> Span:
        offset = self.nodes.get(node_id)
        return Span(self.file, 1, 1) if offset is None else self.at(offset)


def _number(digits: str) -> int | str:
    """A JSON integer: an int, or its digits where Python will not make an int of them."""
    return int(digits) if len(digits) <= 4000 else digits


def read(text: str, file: str) -> ReadResult:
    """Read one AIF or xAIF document (see the module docstring)."""
    result = ReadResult()
    positions = _Positions(text, file)
    try:
        # an id may be a number with thousands of digits: int() refuses past 4,300
        document = json.loads(text, parse_int=_number)
    except json.JSONDecodeError as exc:
        result.diagnostics.append(error(CODE, f"not valid JSON: {exc.msg}",
                                        Span(file, exc.lineno, exc.colno)))
        return result
    except RecursionError:
        result.diagnostics.append(error(CODE, "JSON nested too deeply to read",
                                        Span(file, 1, 1)))
        return result
    if isinstance(document, dict) and isinstance(document.get("AIF"), dict) and (
            isinstance(document["AIF"].get("nodes"), list)
            or not isinstance(document.get("nodes"), list)):
        # xAIF wraps the graph in "AIF"; some AIFdb-like files use "AIF" for
        # metadata (version, analyst) and keep the nodes beside it.
        analysed = document.get("text")
        if analysed.get("txt") if isinstance(analysed, dict) else analysed:
            result.dropped[ANALYSED] += 1
        document = document["AIF"]
    if not isinstance(document, dict) or not isinstance(document.get("nodes"), list):
        result.diagnostics.append(error(CODE, "not AIF: expected an object with a `nodes` "
                                        "list (and `edges`), or xAIF's {\"AIF\": {…}}",
                                        Span(file, 1, 1)))
        return result
    stem = file_stem(file)
    question = stem
    result.notes.append(f"AIF has no question: it is the file name, {stem!r}; edit it")
    draft = Draft(file, slugify(stem), question, Span(file, 1, 1))
    _read_graph(document, draft, positions)
    if not draft.nodes:
        result.diagnostics.append(error(CODE, "the AIF graph has no I-nodes (statements)",
                                        Span(file, 1, 1)))
        return result
    assemble_into(draft, result)
    result.dropped.update(draft.dropped)
    return result


def _key(value: Any) -> str | None:
    """A node id as a string: AIF writes them as strings or integers."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value)


def _read_graph(document: dict[str, Any], draft: Draft, positions: _Positions) -> None:
    schemes: dict[str, str] = {}
    kinds = _nodes(document["nodes"], draft, positions, schemes)
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    edges = document.get("edges")
    for edge in edges if isinstance(edges, list) else ():
        a, b = (_key(edge.get("fromID")), _key(edge.get("toID"))) if isinstance(
            edge, dict) else (None, None)
        if a is None or b is None or a not in kinds or b not in kinds:
            draft.dropped["edges to or from no node"] += 1
            continue
        if kinds[a] == kinds[b] == "I":
            draft.dropped[I_TO_I] += 1
            continue
        out_of.setdefault(a, []).append(b)
        into.setdefault(b, []).append(a)
    _speakers(document, draft, kinds, into, out_of)
    _schemes(draft, kinds, into, out_of, schemes)


def _nodes(nodes: list[Any], draft: Draft, positions: _Positions,
           schemes: dict[str, str]) -> dict[str, str]:
    """Node id -> kind for every node; a statement for each I-node with text; the S-nodes
    whose scheme argmap's catalogue knows go into ``schemes`` (node id -> scheme id)."""
    kinds: dict[str, str] = {}
    for node in nodes:
        key, kind = (_key(node.get("nodeID")), node.get("type")) if isinstance(
            node, dict) else (None, None)
        if key is None or not isinstance(kind, str):
            draft.dropped[MALFORMED] += 1
            continue
        if key in kinds:
            draft.dropped[REPEATED] += 1
            continue
        kinds[key] = kind
        text = node.get("text")
        if kind == "I":
            if not isinstance(text, str) or not text.strip():
                draft.dropped["I-nodes without text"] += 1
                continue
            draft.nodes[key] = DNode(key, text.strip(), positions.node(key), origin=key)
        elif kind in ("RA", "CA", "MA"):
            name = node.get("scheme") or text
            if isinstance(name, str) and name.strip() and not name.startswith("Default"):
                found = catalogue().by_aifdb(name) if kind != "MA" else None
                if found is None:
                    draft.dropped[SCHEME] += 1
                else:  # format 1.2: a scheme of argmap's catalogue (its AIFdb name)
                    schemes[key] = found.id
        elif kind in _DIALOGUE:
            draft.dropped[_DIALOGUE[kind]] += 1
        else:
            draft.dropped[f"{kind}-nodes"] += 1
    return kinds


def _schemes(draft: Draft, kinds: dict[str, str], into: dict[str, list[str]],
             out_of: dict[str, list[str]], schemes: dict[str, str]) -> None:
    """Edges for every RA-, CA- and MA-node, undercuts last (they need the edges they attack);
    an edge of an S-node in ``schemes`` keeps its scheme (format 1.2)."""
    made: dict[str, list[int]] = {}  # S-node -> the draft edges it became
    pending: list[tuple[str, list[str], str]] = []
    for node, kind in kinds.items():
        if kind not in ("RA", "CA", "MA"):
            continue
        premises = [p for p in into.get(node, ()) if p in draft.nodes]
        targets = list(dict.fromkeys(out_of.get(node, ())))
        if not premises or len(targets) != 1:
            draft.dropped[f"{kind}-nodes without premise or single conclusion"] += 1
            continue
        target = targets[0]
        if target in draft.nodes:
            relation = Relation.CON if kind == "CA" else Relation.PRO
            if kind == "MA":
                draft.dropped[REPHRASE] += 1
            made[node] = []
            linked = len(draft.edges) if len(set(premises)) > 1 else None
            for premise in dict.fromkeys(premises):
                made[node].append(len(draft.edges))
                draft.edges.append(DEdge(premise, target, relation, linked,
                                         schemes.get(node)))
        elif kind == "CA" and kinds.get(target) in ("RA", "CA", "MA"):
            pending.append((node, premises, target))
        else:
            draft.dropped[f"{kind}-nodes aimed at a {kinds.get(target, '?')}-node"] += 1
    for _ in range(len(pending) + 1):  # an undercut of an undercut waits for its target
        waiting = []
        for node, premises, target in pending:
            if target not in made:
                waiting.append((node, premises, target))
                continue
            made[node] = []
            draft.dropped[LINKED_UNDERCUT] += len(set(premises)) > 1
            for attacked in made[target]:
                for premise in dict.fromkeys(premises):
                    made[node].append(len(draft.edges))
                    draft.edges.append(DEdge(premise, attacked, Relation.UNDERCUT))
        if len(waiting) == len(pending):
            break
        pending = waiting
    if pending:
        draft.dropped["CA-nodes aimed at a step that was left out"] += len(pending)


def _speakers(document: dict[str, Any], draft: Draft, kinds: dict[str, str],
              into: dict[str, list[str]], out_of: dict[str, list[str]]) -> None:
    """``by`` for each I-node a locution's speaker asserts (L -> YA -> I)."""
    locutions = document.get("locutions")
    if not isinstance(locutions, list) or not locutions:
        return
    names: dict[str, str] = {}
    participants = document.get("participants")
    for person in participants if isinstance(participants, list) else ():
        if isinstance(person, dict) and (pid := _key(person.get("participantID"))) is not None:
            name = " ".join(str(person.get(k) or "") for k in ("firstname", "surname")).strip()
            if name:
                names[pid] = name
    speaker: dict[str, str] = {}
    for locution in locutions:
        if isinstance(locution, dict):
            node, person = _key(locution.get("nodeID")), _key(locution.get("personID"))
            if node is not None and person is not None and node not in speaker:
                speaker[node] = names.get(person, person)
    for ya, kind in kinds.items():
        if kind != "YA":
            continue
        who = [speaker[n] for n in into.get(ya, ()) if kinds.get(n) == "L" and n in speaker]
        for statement in out_of.get(ya, ()):
            if statement in draft.nodes and who and draft.nodes[statement].by is None:
                draft.nodes[statement] = draft.nodes[statement]._replace(by=who[0])
