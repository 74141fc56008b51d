"""Argdown around the arguments: frontmatter, headings and prose paragraphs.

Used by :mod:`argmap.readers.argdown`. The frontmatter's ``title`` (else the
first heading) is the map's question. Every other heading opens a section,
which Argdown's map draws as a group around the statements defined in it;
argmap has no groups, so the innermost section that is a group (not
``{isGroup: false}``) becomes a tag of each statement and argument first
defined under it. A heading may be hard-wrapped: its lines run up to the
next blank line, as in Argdown. Untitled paragraphs that nothing relates to
(prose, which Argdown's map hides) become the map's ``context``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from argmap.readers.argdown_text import parts

HEADING = re.compile(r"(#+)\s+(.*)\Z")
HEADING_LINKS = "links in headings (a heading is a tag, which holds no address)"


class _Section(NamedTuple):
    level: int
    title: str
    group: bool


class Sections:
    """The headings above the current line, innermost last."""

    def __init__(self) -> None:
        self.open: list[_Section] = []
        #: the heading being read: its level and its lines so far (it may be hard-wrapped)
        self.reading: tuple[int, list[str]] | None = None
        self.question: str | None = None

    def start(self, line: str) -> bool:
        """Open a heading if ``line`` is one (``#`` at the start, then a space)."""
        found = HEADING.match(line)
        if found is None:
            return False
        self.reading = (len(found.group(1)), [found.group(2)])
        return True

    def more(self, line: str) -> None:
        """A hard-wrapped heading's next line."""
        assert self.reading is not None
        self.reading[1].append(line)

    def close(self, dropped: Counter[str]) -> str | None:
        """End the heading being read; its title (None if none is being read)."""
        if self.reading is None:
            return None
        level, lines = self.reading
        self.reading = None
        text = " ".join(lines)
        dropped[HEADING_LINKS] += text.count("](")
        title, _, data = parts(text, dropped)
        while self.open and self.open[-1].level >= level:
            self.open.pop()
        self.open.append(_Section(level, title, data.group))
        return title

    def tags(self) -> tuple[str, ...]:
        """The tag of an element defined here: the innermost group's title."""
        for section in reversed(self.open):
            if section.group:
                return () if section.title == self.question else (section.title,)
        return ()


def frontmatter(lines: list[str]) -> tuple[str | None, int]:
    """The ``title:`` of a frontmatter block (its indented next lines joined to it), and
    the index of the first line after the block (0 without one)."""
    if not lines or lines[0].strip() != "===":
        return None, 0
    title: list[str] | None = None
    reading = False  # in the title's indented continuation lines
    for index in range(1, len(lines)):
        line = lines[index]
        if line.strip() == "===":
            found = " ".join(" ".join(title or ()).split()).strip("'\"")
            return found or None, index + 1
        if reading and line[:1] in (" ", "\t") and line.strip():
            assert title is not None
            title.append(line.strip())
            continue
        reading = line.startswith("title:")
        if reading:
            title = [line[6:].strip()]
    return None, 0
