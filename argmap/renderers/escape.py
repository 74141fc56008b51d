"""Quoting user text for each output language: one tested helper per language.

Every piece of user text that reaches DOT or SVG passes through one of these;
no renderer escapes by hand.
"""

from __future__ import annotations

import re
from urllib.parse import quote

#: C0 and C1 control characters other than newline and tab: never valid in XML
#: labels, and an escape sequence in a terminal. Shown as U+FFFD.
CONTROLS = {c: "\ufffd" for c in (*range(0x20), *range(0x7f, 0xa0)) if c not in (0x09, 0x0a)}
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")
#: any character html_text changes; most text has none and is returned as it is
_HTML_SPECIAL_RE = re.compile(r"""[&<>"'\\\]\x00-\x1f\x7f-\x9f]""")
_LABEL_CONTROLS = {**CONTROLS, 0x09: " ", 0x0a: " ", 0x0d: " "}
_TOOLTIP_CONTROLS = {**CONTROLS, 0x09: " ", 0x0d: "\n"}
#: Everything RFC 3986 allows unencoded; the rest (<, >, ", space, braces ...) is %-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=-._~%"


def html_safe(text: str) -> bool:
    """True when :func:`html_text` would return ``text`` unchanged."""
    return _HTML_SPECIAL_RE.search(text) is None


def html_text(text: str) -> str:
    """Escape text for a Graphviz HTML-like label (and so for SVG).

    Line breaks must be placed by the caller with ``<BR/>``; any left in the
    text become spaces so a stray newline cannot break the label. A backslash
    is doubled: Graphviz expands ``\\N`` and ``\\G`` even in HTML labels (and
    decodes ``&#92;`` before doing so), but reads ``\\\\`` as one backslash.
    ``]`` becomes ``&#93;``: Graphviz 2.43 rejects a label that ends in ``]``.
    """
    if html_safe(text):  # one search instead of seven replaces
        return text
    return _html_escape(text)


def _html_escape(text: str) -> str:
    if _CONTROL_RE.search(text):  # rare: translate() is slow, so only when needed
        text = text.translate(_LABEL_CONTROLS)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;").replace("\\", "\\\\")
            .replace("]", "&#93;"))


#: Graphviz's scanner reads a quoted string, and each run of text between the
#: tags of an HTML label, into a 16,384-byte buffer: one byte more is a syntax
#: error (2.43; "longer than 16384?"). A quoted string is kept to this size in
#: bytes, quotes included; labels are wrapped into short lines, so their runs
#: are short.
DOT_STRING_LIMIT = 16_000


def dot_string(text: str) -> str:
    """Quote text as a DOT double-quoted string: ``"..."``.

    A backslash becomes four: the DOT lexer halves them, then Graphviz's
    escString expansion (``\\N``, ``\\G``, ``\\L`` …, in labels, tooltips and
    URLs) halves them again. ``&`` becomes ``&amp;``: Graphviz decodes
    entities in plain labels and tooltips, so ``&lt;`` typed by a user would
    otherwise show as ``<``. Quotes are escaped, line breaks written as
    ``\\n``, control characters replaced by U+FFFD.
    """
    if _CONTROL_RE.search(text):
        text = text.replace("\r\n", "\n").translate(_TOOLTIP_CONTROLS)
    quoted = _dot_quote(text)
    # 4 bytes per character at most: the UTF-8 length is measured only when it could matter
    if len(quoted) * 4 > DOT_STRING_LIMIT and len(quoted.encode()) > DOT_STRING_LIMIT:
        return _cut(text)
    return quoted


def _dot_quote(text: str) -> str:
    return '"' + (text.replace("\\", "\\" * 4).replace('"', '\\"').replace("&", "&amp;")
                  .replace("\n", "\\n")) + '"'


def _cut(text: str) -> str:
    """The longest start of ``text`` that fits a DOT string, saying that it was cut."""
    tail = f"… (text cut from {len(text):,} characters)"
    keep = min(len(text), DOT_STRING_LIMIT)
    while True:
        quoted = _dot_quote(text[:keep].rstrip() + tail)
        over = len(quoted.encode()) - DOT_STRING_LIMIT
        if over <= 0:
            return quoted
        # A character takes 1 to 5 bytes quoted (``&`` is ``&amp;``): dropping
        # over // 5 of them never drops more than needed.
        keep -= max(1, over // 5)


def url(text: str, xml: bool) -> str | None:
    """Quote a URL for a DOT ``URL`` attribute; None when it is too long for one.

    A URL cut short would lead somewhere else, so one that does not fit
    Graphviz's quoted strings (see :data:`DOT_STRING_LIMIT`) is not linked.

    Characters a URL may not contain are %-encoded. For SVG (``xml``), ``&``
    is written as ``&amp;``: Graphviz copies URLs into SVG without escaping
    them, but leaves an entity alone, so the link works with any version.
    """
    safe = quote(text, safe=_URL_SAFE)  # leaves no quote, backslash or control character
    quoted = '"' + (safe.replace("&", "&amp;") if xml else safe) + '"'
    return quoted if len(quoted) <= DOT_STRING_LIMIT else None  # %-encoded: ASCII
