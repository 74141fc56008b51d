"""How new lines are written: in the file's own indentation, by fmt's rules.

``add`` and ``new`` write statements and citations through these functions;
the indentation comes from the file (:func:`detect_layout`), the quoting and
the key order from :mod:`argmap.readers.yaml.style` and :mod:`argmap.edit.fmt`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from argmap.edit.fmt import STATEMENT_ORDER
from argmap.readers.yaml import style
from argmap.readers.yaml.source import Parsed, is_mapping, is_sequence


@dataclass
class NewStatement:
    """What ``add`` writes for one statement."""

    text: str
    id: str | None = None
    by: str | None = None
    weight: int | None = None
    #: (source id, locator or None)
    cites: list[tuple[str, str | None]] = field(default_factory=list)
    quote: str | None = None
    scheme: str | None = None  # format 1.2: the scheme of its step to the parent
    answers: list[str] = field(default_factory=list)  # format 1.2: critical questions
    #: format 1.2: the speech it is said in; with ``ref``, the speech it is said again in
    speech: str | None = None
    #: format 1.2: a `ref` item to this id (``text`` is then empty): a step, or an extension
    ref: str | None = None


@dataclass
class Layout:
    """How a file indents: list items under their key, text after the dash, mappings."""

    offset: int = 2  # columns from a key to the `-` of its list items
    gap: int = 2  # columns from the `-` to the item's first key
    indent: int = 2  # columns from a key to the keys of its mapping value



def dash_column(parsed: Parsed, item: Any) -> int:
    """The column of the ``-`` before a block sequence item."""
    start = item.start_mark.index
    line = parsed.text[parsed.line_start(start):start]
    return line.rfind("-") if "-" in line else int(item.start_mark.column) - 2


def detect_layout(parsed: Parsed) -> Layout:
    """The file's indentation, from its first block list of mappings and nested mapping."""
    layout = Layout()
    found_list = found_map = False
    stack = [d for d in parsed.documents if is_mapping(d)]
    while stack and not (found_list and found_map):
        node = stack.pop(0)
        if is_mapping(node):
            for key, value in node.value:
                if (not found_list and is_sequence(value) and not value.flow_style
                        and value.value and is_mapping(value.value[0])):
                    item = value.value[0]
                    dash = dash_column(parsed, item)
                    layout.offset = max(0, dash - key.start_mark.column)
                    layout.gap = max(2, item.start_mark.column - dash)
                    found_list = True
                if (not found_map and is_mapping(value) and not value.flow_style
                        and value.value):
                    step = value.value[0][0].start_mark.column - key.start_mark.column
                    layout.indent = step if step > 0 else 2
                    found_map = True
                stack.append(value)
        elif is_sequence(node):
            stack.extend(node.value)
    return layout


def statement_lines(new: NewStatement, dash: int, layout: Layout) -> list[str]:
    """The lines of one new list item, its ``-`` at column ``dash``."""
    column = dash + layout.gap
    pad = " " * column
    fields: list[tuple[str, str | list[str]]] = []
    if new.id is not None:
        fields.append(("id", style.scalar(new.id)))
    if new.ref is not None:
        fields.append(("ref", style.scalar(new.ref)))
    else:
        fields.append(("text", style.scalar(new.text.strip())))
    if new.speech is not None:
        fields.append(("speech", style.scalar(new.speech.strip())))
    if new.by is not None:
        fields.append(("by", style.scalar(new.by.strip())))
    if new.weight is not None:
        fields.append(("weight", str(new.weight)))
    if new.scheme is not None:
        fields.append(("scheme", style.scalar(new.scheme)))
    if new.answers:
        fields.append(("answers", style.scalar(new.answers[0]) if len(new.answers) == 1 else
                       "[" + ", ".join(style.scalar(a, flow=True) for a in new.answers) + "]"))
    if new.cites:
        if new.quote is None and all(locator is None for _, locator in new.cites):
            fields.append(("cites", "[" + ", ".join(style.scalar(s, flow=True)
                                                     for s, _ in new.cites) + "]"))
        else:
            fields.append(("cites", _citation_lines(new, column, layout)))
    fields.sort(key=lambda pair: STATEMENT_ORDER.index(pair[0]))
    lines = []
    for number, (key, value) in enumerate(fields):
        prefix = " " * dash + "-" + " " * (layout.gap - 1) if number == 0 else pad
        if isinstance(value, list):
            lines.append(f"{prefix}{key}:")
            lines.extend(value)
        else:
            lines.append(f"{prefix}{key}: {value}")
    return lines


def _citation_lines(new: NewStatement, column: int, layout: Layout) -> list[str]:
    dash = column + layout.offset
    pad = " " * (dash + layout.gap)
    lines = []
    for number, (source, locator) in enumerate(new.cites):
        lines.append(" " * dash + "-" + " " * (layout.gap - 1) + "source: "
                     + style.scalar(source))
        if new.quote is not None and number == len(new.cites) - 1:
            lines.append(f"{pad}quote: {style.scalar(new.quote.strip())}")
        if locator is not None:
            lines.append(f"{pad}locator: {style.scalar(locator.strip())}")
    return lines


_WORD = re.compile(r"[a-z0-9]+")
#: Words a derived id does not end on ("close-the-centre", not "close-the-centre-to").
_TRAILING = frozenset(("a", "an", "and", "as", "at", "by", "for", "in", "into", "of", "on",
                       "or", "the", "to", "with"))


def derive_id(text: str, taken: set[str]) -> str:
    """A slug from the first words of ``text``, unique among ``taken``."""
    words = _WORD.findall(text.lower())
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > 24:
            break
        slug = f"{slug}-{word}" if slug else word
    while "-" in slug and slug.rsplit("-", 1)[1] in _TRAILING:
        slug = slug.rsplit("-", 1)[0]
    slug = slug or "claim"
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add(candidate)
    return candidate


def new_map(question: str, claims: list[str], schema: str | None) -> str:
    """The text of a new map: the schema line, the question and the claims with ids."""
    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines += ["argmap: 1", f"question: {style.scalar(question.strip())}", "claims:"]
    taken: set[str] = set()
    for claim in claims:
        lines.extend(statement_lines(NewStatement(claim, derive_id(claim, taken)), 2, Layout()))
    return "\n".join(lines) + "\n"


def new_library(schema: str | None) -> str:
    """The text of a new card library (format 1.2): sources and cards, no question."""
    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines += ["# A card library: the project's maps cite its sources as LIBRARY/SOURCE and",
              "# ref its cards (claims with citations) as LIBRARY/ID.",
              "argmap: 1.2", "sources: {}"]
    return "\n".join(lines) + "\n"
