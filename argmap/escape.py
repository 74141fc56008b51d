"""Quoting user text for each output language: one tested helper per language.

Every piece of user text that reaches DOT or SVG passes through one of these,
and every piece that reaches a terminal (``show``, diagnostics, messages)
through :func:`terminal_visible`; no renderer escapes by hand.
"""

from __future__ import annotations

import re
from functools import cache
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
    # cairo's PDF writer breaks on a raw ' in a link (Graphviz then writes a
    # PDF without a page and only warns), so outside SVG it is %27: the same URL.
    safe = quote(text, safe=_URL_SAFE if xml else _URL_SAFE.replace("'", ""))
    quoted = '"' + (safe.replace("&", "&amp;") if xml else safe) + '"'
    return quoted if len(quoted) <= DOT_STRING_LIMIT else None  # %-encoded: ASCII


#: Characters a terminal must never receive from user text: C0 controls but the
#: newline (ESC starts CSI and OSC sequences, BEL ends OSC, CR and backspace
#: overwrite text), DEL and C1 (0x9b is a one-byte CSI on some terminals), and
#: every Unicode format character (Cf) but ZWNJ and ZWJ: bidi embeddings,
#: overrides, isolates and marks reorder or disguise text, and the invisible
#: ones (zero-width space, tags, BOM) hide it. ZWNJ and ZWJ stay: Persian,
#: Indic scripts and emoji sequences need them and they cannot reorder
#: anything. Also the line and paragraph separators (U+2028, U+2029), which
#: some terminals treat as line breaks, and lone surrogates, which cannot even
#: be encoded. The Cf list is Unicode 15.1's; tests pin it to unicodedata.
_UNSAFE_PAST_C0 = (
    "\x7f-\x9f"
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\u2028\u2029\ud800-\udfff"
)
_TERMINAL_UNSAFE = "\x00-\x09\x0b-\x1f" + _UNSAFE_PAST_C0


@cache
def _unsafe(characters: str) -> re.Pattern[str]:
    """A character class compiled on first use: these long classes cost every
    start-up a few milliseconds, and most runs never search one."""
    return re.compile(f"[{characters}]")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def terminal_visible(text: str, multiline: bool = False) -> str:
    """Make user text safe to print on a terminal, showing what it hides.

    Control characters are written as escapes (``\\x1b``, ``\\x07``,
    ``\\r``, ``\\t``, ``\\n``; DEL and C1 as ``\\x7f`` … ``\\x9f``); format
    characters that reorder or hide text (bidi overrides, isolates and marks,
    zero-width space, tags …), U+2028, U+2029 and lone surrogates as
    ``⟨U+202E⟩``. The text can then neither send a terminal sequence nor
    change the order or look of what is around it. Backslashes are left
    alone: the result is for reading, not for decoding.

    With ``multiline`` (the text of ``argmap show``), a newline stays a line
    break, since it is the author's, and a tab becomes a space, since its
    width would depend on the column. Otherwise (diagnostics, messages) the
    result is always one line: a newline shows as ``\\n``, so a value cannot
    forge a line of its own.

    Most text has nothing to escape and costs one ``str.isprintable()``.
    """
    # Everything escaped here is non-printable (Cc, Cf, Cs, Zl, Zp), so
    # printable text is returned at C speed, 8x faster than searching the
    # long character class; the rest (line breaks, no-break spaces ...) is searched.
    if text.isprintable():
        return text
    pattern = _unsafe(_TERMINAL_UNSAFE if multiline else "\n" + _TERMINAL_UNSAFE)
    if pattern.search(text) is None:
        return text
    return pattern.sub(_visible_multiline if multiline else _visible, text)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code < 0x20 or 0x7f <= code <= 0x9f:
        return f"\\x{code:02x}"
    return f"⟨U+{code:04X}⟩"


def _visible_multiline(match: re.Match[str]) -> str:
    return " " if match.group() == "\t" else _visible(match)




def json_text(value: object, indent: int | None = 2) -> str:
    """``json.dumps`` that keeps readable text as UTF-8 but escapes what a terminal obeys.

    Letters of every script stay as they are (``ensure_ascii=False``). What
    JSON must not carry raw to stay safe on a terminal becomes ``\\uXXXX``
    escapes: json.dumps already escapes C0 controls; this adds DEL, C1, format
    characters, the line and paragraph separators (which also break
    JavaScript before ES2019) and lone surrogates (which cannot even be
    encoded as UTF-8). The JSON holds the exact values and can still be
    printed to a terminal or encoded as UTF-8.
    """
    import json

    text = json.dumps(value, indent=indent, ensure_ascii=False)
    if text.isascii() and "\x7f" not in text:  # json.dumps leaves DEL raw
        return text
    return _unsafe(_UNSAFE_PAST_C0).sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON spells characters past the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"
