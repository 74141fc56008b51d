"""``argmap eval`` output: a summary per claim for people, every statement as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable

from argmap.analysis.evaluate import SYMBOLS, WORDS, Evaluation, Status
from argmap.analysis.sides import Sides
from argmap.escape import terminal_visible
from argmap.graph import ArgumentGraph, Link
from argmap.model import Relation


def address(graph: ArgumentGraph, key: str) -> str:
    """How a user names a statement: its id, else its derived path."""
    statement = graph.statements[key]
    return statement.id if statement.id is not None else statement.path


def eval_json(evaluations: list[Evaluation], sides: list[Sides | None] | None = None,
              questions: str = "raise") -> str:
    """The documented JSON of ``argmap eval --format json`` (docs/eval.md).

    One statement record per line, each written with the C string encoder:
    an indented dump of the whole would run the pure-Python encoder, ten
    times slower on big maps.
    """
    used = {e.semantics.value for e in evaluations} or {"grounded"}
    semantics = used.pop() if len(used) == 1 else "mixed"  # each map names its own too
    mode = f'\n  "critical_questions": "{questions}",' if questions != "raise" else ""
    parts = [f'{{\n  "semantics": "{semantics}",{mode}\n  "maps": [']
    for n, evaluation in enumerate(evaluations):
        graph = evaluation.graph
        record: dict[str, object] = {"id": graph.id, "file": graph.span.file,
                                     "semantics": evaluation.semantics.value,
                                     "counts": evaluation.counts(),
                                     "claims": evaluation.counts_of(graph.claims)}
        found = sides[n] if sides is not None else None
        if found is not None and len(found.names) == 2:
            record["summary"] = summary_json(evaluation, found)
        head = _dumps(record)
        parts.append(("," if n else "") + "\n    " + head[:-1] + ', "statements": [')
        parts.append(",".join(_rows(evaluation, found)))
        arguments = _arguments(evaluation)
        parts.append("\n    ], \"arguments\": [")
        parts.append(",".join(arguments))
        steps = _steps(evaluation)
        if steps:  # format 1.2: the steps that name a scheme, with their critical questions
            parts.append("\n    ]" if arguments else "]")
            parts.append(', "steps": [' + ",".join(steps) + "\n    ]}")
        else:
            parts.append("\n    ]}" if arguments else "]}")
    parts.append("\n  ]\n}\n")
    return "".join(parts)


_dumps = json.JSONEncoder(ensure_ascii=False, check_circular=False,
                          separators=(", ", ": ")).encode
#: a str as a JSON string, keeping non-ASCII (the C function behind ensure_ascii=False)
_string: Callable[[str], str] = getattr(json.encoder, "c_encode_basestring", None) or _dumps


def _rows(evaluation: Evaluation, sides: Sides | None = None) -> list[str]:
    """One JSON object per statement, in file order, each on its own line; with ``sides``
    (a map that names them, or --for), each statement's side."""
    graph, q = evaluation.graph, _string
    supported, deciders, labels = (evaluation.supported_keys(), evaluation.deciders(),
                                   evaluation.statements)
    statements = graph.statements
    rows = []
    for key, s in statements.items():
        decider = deciders.get(key)
        by = premises = "null"
        if decider is not None and all(p in statements for p in decider.premises):
            names = [q(_address(graph, p)) for p in decider.premises]
            by = q(decider.id or decider.address) if decider.linked else names[0]
            premises = "[" + ", ".join(names) + "]"
        rows.append(f'\n      {{"address": {q(s.path)}, '
                    f'"id": {"null" if s.id is None else q(s.id)}, '
                    f'"claim": {"true" if s.is_claim else "false"}, '
                    f'"status": "{labels[key].value}", '
                    f'"supported": {"true" if key in supported else "false"}, '
                    f'"decided_by": {by}, "decided_by_premises": {premises}'
                    + ("}" if sides is None else
                       f', "side": {"null" if (x := sides.of(key)) is None else q(x)}}}'))
    return rows


def _arguments(evaluation: Evaluation) -> list[str]:
    """One JSON object per linked argument: does it count (``in``), or not?"""
    graph, rows = evaluation.graph, []
    for link in graph.links:
        if link.linked:
            rows.append("\n      " + _dumps({
                "address": link.address, "id": link.id, "relation": link.relation.value,
                "bears_on": _address(graph, link.target),
                "premises": [_address(graph, p) for p in link.premises],
                "status": evaluation.links[link.key].value}))
    return rows


def _steps(evaluation: Evaluation) -> list[str]:
    """One JSON object per step that names a scheme: whether it counts, and each critical
    question with whether it is open and what answers it."""
    from argmap.analysis.questions import asked

    graph, rows = evaluation.graph, []
    for key, questions in asked(graph).items():
        link = questions[0].link
        rows.append("\n      " + _dumps({
            "address": link.address, "scheme": link.scheme, "relation": link.relation.value,
            "bears_on": _address(graph, link.target),
            "premises": [_address(graph, p) for p in link.premises],
            "status": evaluation.links[key].value,
            "questions": [{"id": q.question.id, "kind": q.question.kind, "open": q.open,
                           "answered_by": [_address(graph, a) for a in q.answers]}
                          for q in questions]}))
    return rows


def _address(graph: ArgumentGraph, key: str) -> str:
    """A premise's address, or its key when the graph does not have it (an unknown ref)."""
    return address(graph, key) if key in graph.statements else key


def attack(graph: ArgumentGraph, link: Link, previews: bool = False) -> str:
    """How a report names a pro/con link: its premise (``address “first words”`` with
    ``previews``), or for a linked argument ``the linked argument c1.con1 (c1.con1.1 +
    c1.con1.2)``, by its id when it has one."""
    if link.linked:
        premises = " + ".join(_address(graph, p) for p in link.premises)
        return f"the linked argument {link.id or link.address} ({premises})"
    who = link.premises[0]
    if previews and who in graph.statements:
        return f"{address(graph, who)} {preview(graph.statements[who].text)}"
    return _address(graph, who)


def preview(text: str, words: int = 8) -> str:
    """The first words of a statement, quoted, safe for a terminal."""
    split = terminal_visible(text, multiline=True).split()
    return "“" + " ".join(split[:words]) + ("…" if len(split) > words else "") + "”"


def reason(evaluation: Evaluation, key: str) -> str:
    """Why a statement has its status, naming the attack that decides it."""
    graph = evaluation.graph
    status = evaluation.statements[key]
    decider = evaluation.deciding(key)
    if decider is not None:
        name = attack(graph, decider, previews=True)
        if status is Status.OUT:
            return f"falls to {name}, which stands"
        return f"hangs on {name}, itself undecided (a cycle of attacks)"
    cons = [link for link in graph.links_into(key)
            if link.relation is Relation.CON and link.key not in evaluation.repeats]
    if status is Status.UNDECIDED:
        return "undecided"
    if not cons:
        return "unattacked"
    answered = [_answer(evaluation, link) for link in cons]
    return f"every attack answered: {'; '.join(answered)}"


def _answer(evaluation: Evaluation, link: Link) -> str:
    """How a con link that does not count was answered."""
    graph = evaluation.graph
    name = attack(graph, link)
    if evaluation.links[link.key] is Status.IN:  # only under weighed: it stands but weighs less
        return f"{name} outweighed"
    if evaluation.links[link.key] is Status.UNDECIDED:  # weighed: a cycle leaves it open
        return f"{name} undecided"
    cut = [u for u in graph.undercuts_of(link.key) if evaluation.links[u.key] is Status.IN]
    if cut:
        return f"{name} undercut by {_address(graph, cut[0].premises[0])}"
    fallen = [p for p in link.premises if evaluation.statements.get(p) is Status.OUT]
    if fallen and link.linked:  # one fallen premise is enough: the others cannot carry it
        return f"{name} fails: {', '.join(_address(graph, p) for p in fallen)} " \
               f"{'falls' if len(fallen) == 1 else 'fall'}"
    if fallen:
        return f"{name} falls"
    return f"{name} does not count"


def eval_text(evaluations: list[Evaluation], sides: list[Sides | None] | None = None) -> str:
    """Per map: each claim with its status and the attack that decides it, then counts;
    with two sides (``sides``, one per evaluation), each side's standing claims and weight."""
    out: list[str] = []
    for n, evaluation in enumerate(evaluations):
        graph = evaluation.graph
        out.append(f"{graph.id} ({graph.span.file}): {preview(graph.question, 30)[1:-1]}")
        for key in graph.claims:
            status = evaluation.statements[key]
            support = "supported" if evaluation.supported(key) else "bare"
            out.append(f"  {SYMBOLS[status]} {WORDS[status]:<9}  {address(graph, key)}: "
                       f"{preview(graph.statements[key].text, 12)}")
            out.append(f"{'':15}{reason(evaluation, key)}; {support}")
        counts, claims = evaluation.counts(), evaluation.counts_of(graph.claims)
        out.append(f"  claims: {_counts(claims)}; statements: {_counts(counts)} "
                   f"({evaluation.semantics.value})")
        found = sides[n] if sides is not None else None
        if found is not None and len(found.names) == 2:
            out += _summary_lines(evaluation, found)
        out.append("")
    return "\n".join(out)


def _summary_lines(evaluation: Evaluation, sides: Sides) -> list[str]:
    """The side summary: a model of the judge's weighing (docs/eval.md), not a judge."""
    from argmap.analysis.exchanges import side_summary

    standing, ahead = side_summary(evaluation, sides)
    graph = evaluation.graph
    lines = [f"  sides ({evaluation.semantics.value}; weight of the standing claims' "
             "counting support):"]
    for s in standing:
        names = ", ".join(address(graph, k) for k in s.claims) or "none"
        lines.append(f"    {s.side}: {len(s.claims)} standing claim"
                     f"{'' if len(s.claims) == 1 else 's'} ({names}), weight {s.weight}")
    lines.append(f"  {ahead} is ahead" if ahead else "  the sides are even")
    return lines


def summary_json(evaluation: Evaluation, sides: Sides) -> dict[str, object]:
    """The side summary as eval's JSON carries it."""
    from argmap.analysis.exchanges import side_summary

    standing, ahead = side_summary(evaluation, sides)
    graph = evaluation.graph
    return {"sides": [{"side": s.side, "standing": [address(graph, k) for k in s.claims],
                       "weight": s.weight} for s in standing], "ahead": ahead}


def _counts(counts: dict[str, int]) -> str:
    return f"{counts['in']} stand, {counts['out']} fall, {counts['undecided']} undecided"
