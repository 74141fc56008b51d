"""AIF JSON, as AIFdb and OVA write it: ``nodes``, ``edges`` and ``locutions``.

The Argument Interchange Format separates what is said from how it relates:

- an **I-node** (information) per statement, with its text;
- an **RA-node** ("Default Inference") per pro link: edges from each premise
  into the RA-node, and one from the RA-node to the statement it supports;
- a **CA-node** ("Default Conflict") per con link, wired the same way;
- an undercut is a CA-node whose edge points at the RA- or CA-node of the
  link it attacks (AIF lets conflicts target scheme applications);
- a linked argument (format 1.1) is one RA- or CA-node with an edge from
  each of its premises, as AIF writes a multi-premise inference, and its
  undercuts are CA-nodes aimed at that node.

The JSON is written by hand, one node or edge per line (``json.dumps`` of the
texts only): ``indent`` would switch ``json`` to its pure-Python encoder, eight
times slower on a 10k-statement map. Ids are strings of decimal numbers
(``"1"``, ``"2"``...), as AIFdb writes them: I-nodes first in statement
order, then one S-node per link in file order, edges numbered separately.
Edges carry ``formEdgeID: null`` like AIFdb's. AIF has no place for the
question, ``by``, weights, sources or a linked argument's id, note and
tags, so they are left out (``-f json`` carries them); ``locutions`` is
empty because a map records no dialogue.
A ``ref`` is one more edge from the same I-node.
A step that names a scheme (format 1.2) gets the scheme's AIFdb name
(``Expert Opinion``) as its S-node's ``text`` and ``scheme``, as OVA writes a
classified inference; ``argmap import`` reads those names back to the catalogue's ids.
(A ``con`` step's scheme goes on its CA-node, where AIF would put it on an RA-node into
a negation: argmap has no negations to write.)
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from argmap.model import Relation

if TYPE_CHECKING:
    from argmap.exporters import ExportOptions
    from argmap.graph import ArgumentGraph

SCHEMES = {Relation.PRO: ("RA", "Default Inference"), Relation.CON: ("CA", "Default Conflict"),
           Relation.UNDERCUT: ("CA", "Default Conflict")}


def _aifdb(scheme: str) -> str:
    """A scheme's AIFdb name (its id when the catalogue has no such scheme)."""
    from argmap.readers.catalogue import catalogue

    found = catalogue().schemes.get(scheme)
    return found.aifdb if found is not None else scheme


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The AIF JSON document for one map: one node or edge per line."""
    del options  # AIF carries structure only
    dumps = json.dumps
    node_ids: dict[str, str] = {}
    nodes: list[str] = []
    for statement in (*graph.statements.values(), *graph.outside.values()):
        node_id = str(len(nodes) + 1)
        node_ids[statement.key] = node_id
        nodes.append(f'{{"nodeID": "{node_id}", "text": {dumps(statement.text, ensure_ascii=False)}'
                     ', "type": "I"}')
    kept = {link.key for link in graph.links}
    # A link whose target a cut left out (no such case today) would dangle: skip it.
    links = [link for link in graph.links if link.target in
             (kept if link.relation is Relation.UNDERCUT else node_ids)]
    link_ids: dict[str, str] = {}
    for link in links:
        node_id = str(len(nodes) + 1)
        link_ids[link.key] = node_id
        kind, text = SCHEMES[link.relation]
        if link.scheme is not None and link.relation is not Relation.UNDERCUT:
            # format 1.2: the scheme's AIFdb name, as OVA writes a classified S-node
            name = dumps(_aifdb(link.scheme), ensure_ascii=False)
            nodes.append(f'{{"nodeID": "{node_id}", "text": {name}, "type": "{kind}", '
                         f'"scheme": {name}}}')
            continue
        nodes.append(f'{{"nodeID": "{node_id}", "text": "{text}", "type": "{kind}"}}')
    edges: list[str] = []
    for link in links:
        scheme = link_ids[link.key]
        ends = [(node_ids[p], scheme) for p in link.premises if p in node_ids]
        # The target: a statement, or for an undercut the S-node of the attacked link.
        ids = link_ids if link.relation is Relation.UNDERCUT else node_ids
        ends.append((scheme, ids[link.target]))
        for a, b in ends:
            edges.append(f'{{"edgeID": "{len(edges) + 1}", "fromID": "{a}", "toID": "{b}", '
                         '"formEdgeID": null}')
    return ('{\n "nodes": [\n  ' + ",\n  ".join(nodes) + '\n ],\n "edges": [\n  '
            + ",\n  ".join(edges) + '\n ],\n "locutions": []\n}\n')
