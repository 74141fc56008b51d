"""Quoting user text for each output language: one tested helper per language.

Every piece of user text that reaches DOT or SVG passes through one of these;
no renderer escapes by hand.
"""

from __future__ import annotations

from urllib.parse import quote

#: C0 and C1 control characters other than newline and tab: never valid in XML
#: labels, and an escape sequence in a terminal. Shown as U+FFFD.
CONTROLS = {c: "\ufffd" for c in (*range(0x20), *range(0x7f, 0xa0)) if c not in (0x09, 0x0a)}
_HTML = str.maketrans({**CONTROLS, "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                       "'": "&#39;", "\\": "\\\\", "\t": " ", "\r": " "})
_DOT = str.maketrans({**CONTROLS, "\\": "\\" * 4, '"': '\\"', "\n": "\\n", "\r": "\\n",
                      "\t": " "})
#: Everything RFC 3986 allows unencoded; the rest (<, >, ", space, braces ...) is %-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=-._~%"


def html_text(text: str) -> str:
    """Escape text for a Graphviz HTML-like label (and so for SVG).

    Line breaks must be placed by the caller with ``<BR/>``; any left in the
    text become spaces so a stray newline cannot break the label. A backslash
    is doubled: Graphviz expands ``\\N`` and ``\\G`` even in HTML labels (and
    decodes ``&#92;`` before doing so), but reads ``\\\\`` as one backslash.
    """
    return text.translate(_HTML).replace("\n", " ")


def dot_string(text: str) -> str:
    """Quote text as a DOT double-quoted string: ``"..."``.

    A backslash becomes four: the DOT lexer halves them, then Graphviz's
    escString expansion (``\\N``, ``\\G``, ``\\L`` …, in labels, tooltips and
    URLs) halves them again. Quotes are escaped, line breaks written as
    ``\\n``, control characters replaced by U+FFFD.
    """
    return '"' + text.replace("\r\n", "\n").translate(_DOT) + '"'


def url(text: str, xml: bool) -> str:
    """Quote a URL for a DOT ``URL`` attribute.

    Characters a URL may not contain are %-encoded. For SVG (``xml``), ``&``
    is written as ``&amp;``: Graphviz copies URLs into SVG without escaping
    them, but leaves an entity alone, so the link works with any version.
    """
    safe = quote(text, safe=_URL_SAFE)
    return dot_string(safe.replace("&", "&amp;") if xml else safe)
