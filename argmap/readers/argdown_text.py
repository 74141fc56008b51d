"""Argdown text below the line structure: comments, data, markup, tags and escapes.

Used by :mod:`argmap.readers.argdown`; what Argdown shows of a text is what
its CLI's ``json`` export holds (tests/test_import_argdown.py).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import NamedTuple

from argmap.model import MAX_WEIGHT, MIN_WEIGHT

_BLOCK_COMMENT = re.compile(r"/\*.*?\*/|<!--.*?-->", re.DOTALL)
_LINE_COMMENT = re.compile(r"(?:^|(?<=\s))//.*$", re.MULTILINE)
_TAG = re.compile(r"(?:^|(?<=\s))#(?:\(([^)]*)\)|([\w-]+))")
#: a data block at the end of an element's line
DATA = re.compile(r"[ \t]*(?<!\\)(\{.*(?<!\\)\})[ \t]*\Z")  # an escaped brace is text
_ESCAPE = re.compile(r"\\(.)")
_BRACE = re.compile(r"\\.|[{}]", re.DOTALL)
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_MARKUP = [re.compile(p) for p in (r"__(\S(?:.*?\S)?)__", r"\*\*(\S(?:.*?\S)?)\*\*",
                                   r"(?<!\w)_(\S(?:.*?\S)?)_(?!\w)", r"\*(\S(?:.*?\S)?)\*")]


def uncomment(text: str) -> str:
    """``/* */``, ``<!-- -->`` and ``//`` comments removed, keeping the line count."""
    text = _BLOCK_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return _LINE_COMMENT.sub("", text)


def unescape(text: str) -> str:
    """Argdown's backslash escapes removed."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def plain(text: str) -> str:
    """The text as Argdown shows it: markup (``__bold__``, ``*italic*``) and link
    addresses left out, escaped characters kept as typed."""
    hidden: dict[str, str] = {}
    if "\\" in text:  # hide escaped markup characters behind code points the text lacks
        spare = (chr(c) for c in range(0xE000, 0x110000) if chr(c) not in text)
        hidden = {char: next(spare) for char in "_*[]()"}
        text = _ESCAPE.sub(lambda m: hidden.get(m.group(1), m.group(1)), text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "_" in text or "*" in text:
        for pattern in _MARKUP:
            text = pattern.sub(r"\1", text)
    for char, stand_in in hidden.items():
        if stand_in in text:
            text = text.replace(stand_in, char)
    return text


def links(text: str) -> list[tuple[str, str]]:
    """The ``[text](address)`` links of a text, as (text as shown, address)."""
    if "](" not in text:
        return []
    return [(plain(found.group(1)).strip(), found.group(2).strip())
            for found in _LINK.finditer(text)]


def with_addresses(text: str) -> str:
    """Each link written as its text and its address: ``here (https://…)``, for the
    map's context and notes, which cite nothing."""
    if "](" not in text:
        return text
    return _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2).strip()})", text)


def spelt_out(text: str) -> str:
    """Prose as Argdown shows it, but with each link's address after its text."""
    return " ".join(plain(with_addresses(text)).split())


class Data(NamedTuple):
    """What argmap reads from an element's data block: the rest is counted."""

    by: str | None = None
    weight: int | None = None  # kept by the reader only for a linked argument
    canonical: bool = False  # ``isCanonical: true``: this definition's text is the title's
    group: bool = True  # a heading's ``isGroup: false``: no group in Argdown's map


_FLAG = re.compile(r"\b(isCanonical|isGroup)[\"']?[ \t]*:[ \t]*(true|false)\b")


def parts(text: str, dropped: Counter[str] | None = None,
          ) -> tuple[str, tuple[str, ...], Data]:
    """Text, its #tags and what argmap reads from a data block: its own ``by`` and
    ``weight``, Argdown's ``isCanonical`` and ``isGroup`` (other data is counted)."""
    kept = Data()
    data = DATA.search(text)
    if data is not None:  # Argdown data: argmap's own is JSON; other YAML is left out
        try:
            value = json.loads(data.group(1))
        except (ValueError, RecursionError):
            value = None
        text = text[:data.start()]
        flags = dict(_FLAG.findall(data.group(1))) if value is None else {}
        if flags:  # Argdown's own YAML flags, which argmap reads
            value = {name: word == "true" for name, word in flags.items()}
            if data.group(1).count(":") > len(flags) and dropped is not None:  # other YAML
                dropped["data blocks"] += 1
        if isinstance(value, dict):
            by, weight = value.get("by"), value.get("weight")
            kept = Data(by if isinstance(by, str) else None,
                        weight if type(weight) is int and MIN_WEIGHT <= weight <= MAX_WEIGHT
                        else None, value.get("isCanonical") is True,
                        value.get("isGroup") is not False)
            for name in value:
                if (name not in ("by", "isCanonical", "isGroup")
                        and (name != "weight" or kept.weight is None)
                        and dropped is not None):
                    dropped[f"data '{name}'"] += 1
        elif dropped is not None:
            dropped["data blocks"] += 1
    tags = tuple(t[0] or t[1] for t in _TAG.findall(text))
    if tags:
        text = _TAG.sub("", text)
    return " ".join(plain(text).split()), tags, kept


def data_blocks(text: str, dropped: Counter[str]) -> str:
    """Blank out data blocks that span lines (``{`` … ``}``), keeping the line count.

    Argdown reads them as YAML data, which format 1.1 has no place for.
    """
    spans: list[tuple[int, int]] = []
    depth = start = 0
    for found in _BRACE.finditer(text):  # an escaped brace (\{) is text
        char, index = found.group(0), found.start()
        if char == "{":
            start = index if depth == 0 else start
            depth += 1
        elif char == "}" and depth:
            depth -= 1
            if depth == 0 and "\n" in text[start:index]:
                spans.append((start, index + 1))
    pieces: list[str] = []
    last = 0
    for begin, end in spans:
        pieces += [text[last:begin], "\n" * text.count("\n", begin, end)]
        last = end
    dropped["data blocks"] += len(spans)
    return "".join(pieces) + text[last:] if spans else text
