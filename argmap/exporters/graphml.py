"""GraphML: the map as a typed, directed graph for networkx, yEd, Gephi and Cytoscape.

Every value is a ``<data>`` element under a ``<key>`` declared with its
``attr.name`` and ``attr.type``, so tools read the semantics, not colours:

- nodes: ``kind`` (question, claim, premise, junction), ``label`` and ``text``
  (the same text: Gephi and yEd show ``label``), ``by``, ``address`` (the
  derived path, ``c1.pro2``), ``statement`` (the key argmap addresses it by:
  its id or path), ``sources`` (the cited source ids, space-separated),
  ``tags``;
- edges, from premise to what it bears on: ``relation`` (claim, pro, con,
  undercut), ``weight`` (int, 1-5, absent when unrated), ``address`` (the
  position's path), ``link`` (argmap's link key: every edge of one link
  shares it) and ``ref`` (boolean: the premise is written elsewhere).

Node ids are statement keys (ids, paths, or ``@path`` for a clash); the
question is ``q:<map id>``, which no key can be, since keys hold no ``:``.

GraphML edges join nodes, so an undercut, which attacks a *link*, needs a node
to aim at: a link that is undercut (or has several premises) runs through a
``junction`` node with the id ``j:<link key>``. Its premises join it with edges of
the link's relation, the junction bears on the parent with the link's relation
and weight, and each undercut is an edge from the undercutting statement to
the junction. Summing ``relation`` over edges by ``link`` gives back the links.

A linked argument (format 1.1: premises that bear on the parent together) is
one link with one junction: the junction node carries the argument's
``address`` (``c1.pro1``), ``statement`` (its id, else that path) and
``tags``; each premise's edge to it has the premise's own ``address``
(``c1.pro1.1``) and ``ref``; the junction's edge to the parent carries the
argument's ``weight``; its joint undercuts point at the junction.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from argmap.model import Relation

if TYPE_CHECKING:
    from argmap.exporters import ExportOptions
    from argmap.graph import ArgumentGraph, GStatement, Link

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"""
#: (id, for, attr.name, attr.type): the typed columns tools read
KEYS = (
    ("kind", "node", "kind", "string"),
    ("label", "node", "label", "string"),
    ("text", "node", "text", "string"),
    ("by", "node", "by", "string"),
    ("address", "node", "address", "string"),
    ("statement", "node", "statement", "string"),
    ("sources", "node", "sources", "string"),
    ("tags", "node", "tags", "string"),
    ("relation", "edge", "relation", "string"),
    ("weight", "edge", "weight", "int"),
    ("edge_address", "edge", "address", "string"),
    ("link", "edge", "link", "string"),
    ("ref", "edge", "ref", "boolean"),
    ("question", "graph", "question", "string"),
    ("context", "graph", "context", "string"),
)

# XML 1.0 forbids these code points anywhere, even as character references.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TABLE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                        "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"})
# Most texts need nothing: one C-level scan finds out (translate is 10x slower).
_ANY = re.compile('[&<>"\r\n\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')


def xml_text(text: str) -> str:
    """Escape text for XML 1.0 content or a double-quoted attribute.

    Markup characters become entities; carriage returns, newlines and tabs
    become character references, which XML parsers keep exactly (raw, they
    would be normalised); characters XML 1.0 cannot carry at all (most C0
    controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
    """
    if _ANY.search(text) is None:
        return text
    if _FORBIDDEN.search(text):
        text = _FORBIDDEN.sub("\ufffd", text)
    return text.translate(_TABLE)


def _data(key: str, value: str) -> str:
    return f'<data key="{key}">{xml_text(value)}</data>'


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The whole GraphML document for one map."""
    del options  # GraphML carries data, not looks
    out = [HEADER]
    out.extend(f'  <key id="{k}" for="{f}" attr.name="{n}" attr.type="{t}"/>\n'
               for k, f, n, t in KEYS)
    out.append(f'  <graph id="{xml_text(graph.id)}" edgedefault="directed">\n')
    out.append(f"    {_data('question', graph.question)}\n")
    if graph.context:
        out.append(f"    {_data('context', graph.context)}\n")
    question = "q:" + graph.id
    if graph.claims:
        out.append(f'    <node id="{xml_text(question)}">{_data("kind", "question")}'
                   f'{_data("label", graph.question)}{_data("text", graph.question)}</node>\n')
    for statement in graph.statements.values():
        out.append(_node(statement, "claim" if statement.is_claim else "premise"))
    for statement in graph.outside.values():
        out.append(_node(statement, "outside"))
    for n, key in enumerate(graph.claims, 1):
        out.append(f'    <edge id="c{n}" source="{xml_text(key)}" target="{xml_text(question)}">'
                   f'{_data("relation", Relation.CLAIM)}</edge>\n')
    _links(graph, out)
    out.append("  </graph>\n</graphml>\n")
    return "".join(out)


def _node(statement: GStatement, kind: str) -> str:
    """One statement as a node with its data (paths are made of slugs: no escaping)."""
    text = xml_text(statement.text)
    parts = [f'    <node id="{xml_text(statement.key)}"><data key="kind">{kind}</data>'
             f'<data key="label">{text}</data><data key="text">{text}</data>']
    if statement.by is not None:
        parts.append(_data("by", statement.by))
    parts.append(f'<data key="address">{statement.path}</data>'
                 f'<data key="statement">{xml_text(statement.id or statement.path)}</data>')
    if statement.cites:
        parts.append(_data("sources", " ".join(dict.fromkeys(c.source for c in statement.cites))))
    if statement.tags:
        parts.append(_data("tags", " ".join(statement.tags)))
    parts.append("</node>\n")
    return "".join(parts)


def _links(graph: ArgumentGraph, out: list[str]) -> None:
    """Every link as edges: straight to its target, or through its junction."""
    junctions = {link.key for link in graph.links
                 if len(link.premises) > 1 or graph.undercuts_of(link.key)}
    known = set(graph.statements) | set(graph.outside)
    for link in graph.links:
        if link.key in junctions:
            out.append(_junction(link))
    for link in graph.links:
        target = link.target
        if link.relation is Relation.UNDERCUT:
            if target not in junctions:
                continue  # the attacked link was cut away
            target = "j:" + target
        elif target not in known:
            continue
        if len(link.premises) > 1:  # a linked argument: each premise at its own position
            for n, (premise, path) in enumerate(link.places(), 1):
                if premise in known:
                    out.append(_edge(f"{link.key}.{n}", premise, "j:" + link.key, link,
                                     weight=False, address=path,
                                     ref=not graph.written_at(link, premise)))
            out.append(_edge(link.key, "j:" + link.key, target, link, weight=True))
            continue
        premises = [p for p in link.premises if p in known]
        if link.key in junctions:
            for n, premise in enumerate(premises, 1):
                out.append(_edge(f"{link.key}.{n}", premise, "j:" + link.key, link, weight=False))
            out.append(_edge(link.key, "j:" + link.key, target, link, weight=True))
        else:
            for n, premise in enumerate(premises, 1):
                name = link.key if len(premises) == 1 else f"{link.key}.{n}"
                out.append(_edge(name, premise, target, link, weight=True))


def _junction(link: Link) -> str:
    """The junction node of a link; a linked argument's carries its path, id and tags."""
    if len(link.premises) == 1:
        return f'    <node id="j:{link.key}">{_data("kind", "junction")}</node>\n'
    data = (f'<data key="address">{link.address}</data>'
            f'<data key="statement">{xml_text(link.id or link.address)}</data>')
    if link.tags:
        data += _data("tags", " ".join(link.tags))
    return f'    <node id="j:{link.key}">{_data("kind", "junction")}{data}</node>\n'


def _edge(edge_id: str, source: str, target: str, link: Link, weight: bool,
          address: str | None = None, ref: bool | None = None) -> str:
    """One edge of a link; ``weight`` on the edge that bears on the target. A linked
    argument's premise edges give the premise's own ``address`` and ``ref``.

    Link keys, paths and relations are made by argmap: only statement keys (ids
    an author wrote) are escaped.
    """
    rated = f'<data key="weight">{link.weight}</data>' if weight and link.weight else ""
    shared = link.ref if ref is None else ref
    return (f'    <edge id="{edge_id}" source="{xml_text(source)}" target="{xml_text(target)}">'
            f'<data key="relation">{link.relation}</data>{rated}'
            f'<data key="edge_address">{address or link.address}</data>'
            f'<data key="link">{link.key}</data>'
            f'<data key="ref">{"true" if shared else "false"}</data></edge>\n')
