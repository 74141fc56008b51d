"""The presentation vocabulary, once: markers, words, the weight gauge, ref previews, hints.

Every text export reads these (and ``show`` and DOT will, when they move onto
the graph), so a map looks the same in every format: ``+`` supports, ``−``
rebuts, ``⊘`` undercuts, ``◆`` a claim; colour is never the only cue.
"""

from __future__ import annotations

from argmap.analysis.evaluate import ASCII_SYMBOLS, SYMBOLS
from argmap.model import Relation, Source

MARKERS: dict[Relation, str] = {Relation.CLAIM: "◆", Relation.PRO: "+", Relation.CON: "−",
                                Relation.UNDERCUT: "⊘"}
ASCII_MARKERS: dict[Relation, str] = {Relation.CLAIM: "*", Relation.PRO: "+",
                                      Relation.CON: "-", Relation.UNDERCUT: "x"}
WORDS: dict[Relation, str] = {Relation.CLAIM: "claim", Relation.PRO: "supports",
                              Relation.CON: "rebuts", Relation.UNDERCUT: "undercuts"}
#: the kind of premise, as a label (Kialo's "Pro:", legends)
LABELS: dict[Relation, str] = {Relation.CLAIM: "Claim", Relation.PRO: "Pro",
                               Relation.CON: "Con", Relation.UNDERCUT: "Undercut"}
REF = "↪"
MORE = "…"
BY = "—"
GAUGE = ("▰", "▱")
QUOTES = ("“", "”")
PREVIEW_WORDS = 8


def gauge(weight: int, glyphs: tuple[str, str] = GAUGE) -> str:
    """The weight as five cells, filled up to ``weight``: ``▰▰▰▱▱`` for 3."""
    full, empty = glyphs
    return full * weight + empty * (5 - weight)


def preview(text: str, words: int = PREVIEW_WORDS, more: str = MORE) -> str:
    """The first ``words`` words of a text, with ``more`` (``…``) when there are more."""
    split = text.split()
    head = " ".join(split[:words])
    return head + f" {more}" if len(split) > words else head


def ref_preview(name: str, text: str | None) -> str:
    """A pointer to a statement shown elsewhere: ``↪ id “first eight words …”``."""
    if text is None:
        return f"{REF} {name}"
    return f"{REF} {name} {QUOTES[0]}{preview(text)}{QUOTES[1]}"


def more_in_diagram(count: int, level: int) -> str:
    """The short hint a diagram puts under a box whose premises --depth cut."""
    return f"{count} more below (--depth {level + 1})"


def more_below(count: int, level: int, address: str, more: str = MORE) -> str:
    """The hint under a statement whose premises --depth cut: how many, and how to see them."""
    word = "statement" if count == 1 else "statements"
    return f"{more} {count} more {word} (--depth {level + 1}, or --focus {address})"


def source_line(source_id: str, source: Source | None) -> str:
    """One line for a source list: author, title, publisher, date, URL."""
    if source is None:
        return source_id
    parts = []
    if source.author:
        parts.append(_sentence(", ".join(source.author)))
    parts.append(_sentence(source.title))
    where = ", ".join(p for p in (source.publisher, source.date) if p)
    if where:
        parts.append(_sentence(where))
    if source.url:
        parts.append(source.url)
    return " ".join(parts)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


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
