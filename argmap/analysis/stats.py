"""``argmap stats``: counts that describe a map's size, shape and standing.

A linked argument (format 1.1) counts as one link and is counted again under
``linked_arguments``; its premises are statements, the argument itself is not;
each of its ``ref`` premises is a ref.
"""

from __future__ import annotations

from typing import Any

from argmap.analysis.evaluate import Evaluation
from argmap.analysis.sides import Sides
from argmap.graph import walk
from argmap.model import Relation


def map_stats(evaluation: Evaluation, sides: Sides | None = None,
              side: str | None = None) -> dict[str, Any]:
    """One map's statistics as plain data (the ``--format json`` record); with ``sides``
    (``--for``), also ``side``'s statements by status and the attacks on it by danger
    class."""
    graph = evaluation.graph
    links = {relation.value: 0 for relation in (Relation.PRO, Relation.CON, Relation.UNDERCUT)}
    refs = linked = 0
    for link in graph.links:
        # a linked argument is one link (one inference), however many premises it has
        links[link.relation.value] += 1
        linked += link.linked
        refs += sum(not graph.written_at(link, p) for p in link.premises)
    per_source: dict[str, int] = dict.fromkeys(graph.sources, 0)
    cited = uncited = 0
    for statement in graph.statements.values():
        if statement.cites:
            cited += 1
        elif not statement.is_claim:
            uncited += 1
        for citation in statement.cites:
            per_source[citation.source] = per_source.get(citation.source, 0) + 1
    depth = max((visit.level for visit in walk(graph)), default=0)
    supported = len(evaluation.supported_keys() & graph.statements.keys())
    claims = evaluation.counts_of(graph.claims)
    return {
        "id": graph.id,
        "file": graph.span.file,
        "statements": len(graph.statements),
        "claims": len(graph.claims),
        "depth": depth,
        "links": links,
        "linked_arguments": linked,
        "refs": refs,
        "citations": sum(per_source.values()),
        "cited_statements": cited,
        "uncited_premises": uncited,
        "sources": dict(sorted(per_source.items(), key=lambda kv: (-kv[1], kv[0]))),
        "status": evaluation.counts(),
        "claim_status": claims,
        "supported": supported,
        "bare": len(graph.statements) - supported,
        "semantics": evaluation.semantics.value,
        **({"side": side_stats(evaluation, sides, side)} if sides is not None and sides.names
           else {}),
    }


def side_stats(evaluation: Evaluation, sides: Sides, side: str | None = None) -> dict[str, Any]:
    """Our side's (``side``, else ``sides.names[0]``) statements by status and the attacks
    on it."""
    from argmap.analysis.exchanges import DANGER, attacks_on

    side = side or sides.names[0]
    mine = [key for key in evaluation.graph.statements if sides.ours(key, side)]
    attacks = {DANGER[n].lower(): 0 for n in DANGER}
    for found in attacks_on(evaluation, sides, side):
        attacks[DANGER[found.danger].lower()] += 1
    return {"name": side, "status": evaluation.counts_of(mine), "attacks": attacks}


def _n(count: int, word: str) -> str:
    """'1 ref', '3 refs'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def stats_text(record: dict[str, Any]) -> str:
    """The stats of one map as aligned lines for people."""
    links, status, claims = record["links"], record["status"], record["claim_status"]
    rows = [
        ("statements", f"{record['statements']} ({_n(record['claims'], 'claim')}, "
                       f"{_n(record['refs'], 'ref')})"),
        ("depth", str(record["depth"])),
        ("links", f"{links['pro']} pro, {links['con']} con, {links['undercut']} undercut"
                  + (f" ({record['linked_arguments']} of them linked "
                     f"argument{'' if record['linked_arguments'] == 1 else 's'})"
                     if record["linked_arguments"] else "")),
        ("standing", f"{status['in']} stand, {status['out']} fall, "
                     f"{status['undecided']} undecided"),
        ("claims", f"{claims['in']} stand, {claims['out']} fall, "
                   f"{claims['undecided']} undecided"),
        ("support", f"{record['supported']} supported, {record['bare']} bare"),
        *([(f"for {record['side']['name']}",
            f"{record['side']['status']['in']} stand, {record['side']['status']['out']} fall, "
            f"{record['side']['status']['undecided']} undecided; attacks on it: "
            + ", ".join(f"{n} {k}" for k, n in record["side"]["attacks"].items()))]
          if "side" in record else []),
        ("citations", f"{record['citations']} in {record['cited_statements']} statements; "
                      f"{record['uncited_premises']} premises cite nothing"),
    ]
    out = [f"{record['id']} ({record['file']}; {record['semantics']} semantics)"]
    out += [f"  {name:<11}{value}" for name, value in rows]
    if record["sources"]:
        out.append("  per source")
        width = max(len(name) for name in record["sources"])
        out += [f"    {name:<{width}}  {n}" for name, n in record["sources"].items()]
    return "\n".join(out) + "\n"
