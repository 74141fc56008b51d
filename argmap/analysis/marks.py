"""``show --eval`` and ``render --eval``: each statement's status as a symbol and a style.

Colour is never the only cue: every status has its symbol (✓ stands, ✗ falls,
? undecided), and a fallen statement is also dimmed (terminal, DOT) or struck
through (Markdown). The renderers consult these helpers in one place each.
"""

from __future__ import annotations

from argmap.exporters import EXPORTERS
from argmap.model import ArgumentMap

SYMBOLS = {"in": "✓", "out": "✗", "undecided": "?"}
ASCII_SYMBOLS = {"in": "[ok]", "out": "[x]", "undecided": "[?]"}
#: The legend line shown with the marks.
LEGEND = "✓ stands · ✗ falls (dimmed) · ? undecided"
#: How :func:`statuses` names a linked argument's own status (whether it counts): its
#: link key after this prefix (no statement key holds a space).
ARGUMENT = "argument "
#: Formats of ``render`` that can show the marks (``marks=True`` in the registry).
EVAL_FORMATS = tuple(name for name, spec in EXPORTERS.items() if spec.marks)


def statuses(argmap: ArgumentMap, semantics: str = "grounded",
             by: str = "path") -> dict[str, str]:
    """Each written statement's status, keyed by its derived path (``by="path"``,
    as views address statements) or its graph key (``by="key"``)."""
    from argmap.analysis.evaluate import Semantics, evaluate
    from argmap.graph import build_graph

    graph = build_graph(argmap)
    evaluation = evaluate(graph, Semantics(semantics))
    if by == "key":
        found = {key: status.value for key, status in evaluation.statements.items()}
        # diagrams dim a linked argument's one edge to its parent when it does not count
        found.update({ARGUMENT + link.key: evaluation.links[link.key].value
                      for link in graph.links if link.linked})
        return found
    return {graph.statements[key].path: status.value
            for key, status in evaluation.statements.items()}


def mark_tree(body: list[tuple[str, str]], status: str | None,
              ascii_only: bool) -> list[tuple[str, str]]:
    """A terminal tree line's segments with the status symbol first; fallen text dimmed."""
    if status is None:
        return body
    symbol = (ASCII_SYMBOLS if ascii_only else SYMBOLS)[status]
    if status == "out":
        body = [(text, "fallen" if style in ("text", "claim") else style)
                for text, style in body]
    return [(symbol + " ", f"status-{status}"), *body]


def mark_dot(label: str, status: str | None, faint: str) -> tuple[str, str]:
    """A DOT HTML label with the symbol in front, and attributes that dim a fallen node."""
    if status is None:
        return label, ""
    marked = f"<{SYMBOLS[status]} {label[1:]}" if label.startswith("<") else label
    extra = f', fontcolor="{faint}", penwidth=0.6' if status == "out" else ""
    return marked, extra


def mark_markdown(body: str, status: str | None) -> str:
    """A Markdown outline item's text with the symbol in front; fallen text struck through."""
    if status is None:
        return body
    return f"{SYMBOLS[status]} ~~{body}~~" if status == "out" else f"{SYMBOLS[status]} {body}"
