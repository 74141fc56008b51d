"""The text of argmap's SVG: the DOT text's defaults, its values unquoted, labels as lines.

A statement's label (left-aligned lines, bold and coloured runs) becomes SVG
text by replacing its tags; any other label is read tag by tag. Runs in
another weight, colour or size become ``<tspan>``s, so the viewer places them.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from argmap.exporters.tidy import BOLD, text_width

ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|[^,]*)(?:, |$)')
_TAGS = re.compile(r"<([^>]*)>|([^<]+)")
_FONT = re.compile(r'(COLOR|POINT-SIZE)="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")
_ALIGN = {'<BR ALIGN="LEFT"/>': "l", "<BR/>": "c", '<BR ALIGN="RIGHT"/>': "r",
          '<BR ALIGN="CENTER"/>': "c"}
_LEFT = '<BR ALIGN="LEFT"/>'

Line = tuple[str, str, float]  # alignment (l, c, r), SVG text, height (pt)


class Defaults(NamedTuple):
    """What the DOT text's ``graph``, ``node`` and ``edge`` lines set for all."""

    title: str = "G"
    background: str = "white"
    pad: float = 4.0
    font: str = "Times,serif"
    size: float = 14.0
    ink: str = "black"
    style: str = ""
    penwidth: float = 1.0
    margin: float = 0.11 * 72
    edge_penwidth: float = 1.0


def label_lines(body: str, font: float) -> list[Line] | None:
    """An HTML-like label's lines: each one's alignment (l, c, r), its SVG text (runs in
    another weight, colour or size as ``<tspan>``s) and its height (pt); None for a tag
    argmap does not draw.

    A statement's label (left-aligned lines, bold and coloured runs that end on the
    line they start on, one size) is translated by replacing its tags, in C; any
    other by :func:`runs`, tag by tag.
    """
    lines = body.split(_LEFT)
    bold, fonts = body.count("<B>"), body.count("<FONT ")
    if "POINT-SIZE" in body or body.count("<") != 2 * (bold + fonts) + len(lines) - 1 or \
            body.count('<FONT COLOR="') != fonts or \
            any(line.count("<") != 2 * line.count("</") for line in lines):
        return runs(body, font)  # another tag, or a run across a line break
    if bold:
        body = body.replace("<B>", '<tspan font-weight="bold">').replace("</B>", "</tspan>")
    if fonts:
        body = body.replace('<FONT COLOR="', '<tspan fill="').replace("</FONT>", "</tspan>")
    if "\\" in body:  # Graphviz reads a doubled backslash as one
        body = body.replace("\\\\", "\\")
    lines = body.split(_LEFT)
    last = lines.pop()
    found = [("l", line, font) for line in lines]
    if _TAG.sub("", last).strip():  # text after the last line break: centred
        found.append(("c", last, font))
    return found


def runs(body: str, font: float) -> list[Line] | None:
    """:func:`label_lines`, tag by tag."""
    lines: list[Line] = []
    parts: list[str] = []
    tall = 0.0
    bold = 0
    colour: str | None = None
    size: float | None = None
    fonts: list[tuple[str | None, float | None]] = []
    for tag, text in _TAGS.findall(body):
        if text:
            if "\\" in text:  # Graphviz reads a doubled backslash as one
                text = text.replace("\\\\", "\\")
            if bold or colour or size:
                parts.append("<tspan" + (' font-weight="bold"' if bold else "")
                              + (f' fill="{colour}"' if colour else "")
                              + (f' font-size="{size:.2f}"' if size else "")
                              + f">{text}</tspan>")
            else:
                parts.append(text)
            if (size or font) > tall and not text.isspace():
                tall = size or font
        elif tag == "B":
            bold += 1
        elif tag == "/B":
            bold -= 1
        elif tag[:2] == "BR":
            align = _ALIGN.get(f"<{tag}>")
            if align is None:
                return None
            lines.append((align, "".join(parts), tall or font))
            parts = []
            tall = 0.0
        elif tag[:5] == "FONT ":
            found = dict(_FONT.findall(tag))
            if len(found) != tag.count("="):  # FACE, or another attribute
                return None
            fonts.append((colour, size))
            colour = found.get("COLOR", colour)
            size = float(found["POINT-SIZE"]) if "POINT-SIZE" in found else size
        elif tag == "/FONT" and fonts:
            colour, size = fonts.pop()
        else:
            return None
    if tall:  # text after the last line break
        lines.append(("c", "".join(parts), tall))
    return lines


def line_width(line: str, font: float) -> float:
    """A line's estimated width (pt), as the layout estimated it."""
    bold = BOLD if "bold" in line else 1.0
    text = _TAG.sub("", line)
    return text_width(html.unescape(text) if "&" in text else text) * font * bold


def read_defaults(lines: list[str]) -> Defaults:
    """The defaults the DOT text's first lines set."""
    found: dict[str, dict[str, str]] = {"graph": {}, "node": {}, "edge": {}}
    for line in lines[:8]:
        for kind, values in found.items():
            if line.startswith(f"  {kind} ["):
                values.update(ATTR.findall(line[len(kind) + 4:-2]))
    title = lines[0][len("digraph "):-2] if lines and lines[0].startswith("digraph ") else "G"
    graph, node, edge = found["graph"], found["node"], found["edge"]
    return Defaults(
        plain(title), plain(graph.get("bgcolor", "white")),
        float(plain(graph.get("pad", "0.0555"))) * 72, plain(node.get("fontname", "Times,serif")),
        float(node.get("fontsize", 14)), plain(node.get("fontcolor", "black")),
        plain(node.get("style", "")), float(node.get("penwidth", 1)),
        float(plain(node.get("margin", "0.11")).split(",")[0]) * 72,
        float(edge.get("penwidth", 1)))


def plain(value: str) -> str:
    """A DOT value's text: quotes and escapes removed (Graphviz halves backslashes twice:
    reading the string, then expanding ``\\n`` and the like)."""
    if not value.startswith('"'):
        return value
    value = value[1:-1]
    if "\\" not in value:
        return value
    value = re.sub(r'\\([\\"])', r"\1", value)
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nlr" else m.group(1), value)


def xml(text: str) -> str:
    """Text for an SVG attribute as Graphviz writes it: its entities decoded first, line
    breaks kept, and a space after a space unbreakable (a tooltip's indent stays)."""
    if "&" in text:
        text = html.unescape(text)
    text = html.escape(text).replace("\n", "&#10;")
    return re.sub(r"(?<= ) ", "&#160;", text) if "  " in text else text


