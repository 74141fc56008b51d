"""The words of a Kialo statement: escapes, footnote marks, Markdown links, ``Sources:``.

What :mod:`argmap.readers.kialo` keeps of a statement's text and what it turns into
sources and citations:

- ``[n]`` footnote marks (the newer export) cite the ``n``-th entry of the
  ``Sources:`` block: ``[n] URL`` (a source titled with the URL's site, such
  as ``tfl.gov.uk``) or a plain title, then, on the lines below,
  the passage quoted from it in double quotes (paragraphs and all), which
  becomes the citation's ``quote``. Pages before the mark, ``(p. 5 [13])`` or
  ``(pp. 14-15 [36])``, become its ``locator``.
- A Markdown link ``[text](url)`` keeps its text in the statement; its URL is
  a source (titled with that text) the statement cites. Trailing links after
  a finished sentence (argmap's own export writes its citations so) are
  sources only: their text leaves the statement.
- One URL is one source, however many footnotes or links name it.
- Backslash escapes (``\\(``) are removed.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import urlsplit

from argmap.model import Citation, Span
from argmap.readers.draft import Draft, add_source, slug
from argmap.readers.urls import web_url

#: a footnote mark "[13]", or one with the pages it cites: "(p. 5 [13])", "(pp. 14-15 [36])"
_FOOTNOTE = re.compile(r"[ \t]*\((pp?\.[ \t]*[^()\[\]]*?)[ \t]*\[([0-9]+)\]\)"
                       r"|[ \t]*\[([0-9]+)\](?!\()")
_SOURCE_LINE = re.compile(r"[ \t]*\[([0-9]+)\]:?[ \t]*(.*)")
# A link starts at an unescaped "[" and its words hold no unescaped bracket: in
# "\[Note\] Cars. [Report](url)" the link is [Report], not the escaped [Note...
_LINK = r"(?<!\\)\[((?:\\.|[^\[\]\\])*)\]\(((?:\\.|[^)\\])*)\)"
_TRAILING = re.compile(r"[ \t]*" + _LINK + r"[ \t]*\Z")
_INLINE = re.compile(_LINK)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_URL = re.compile(r"https?://\S+\Z", re.IGNORECASE)
# A link that finishes a sentence the text leaves open ("… within their [contractual rights.](…)")
# is part of the text, not a source cited after it.
_OPEN = re.compile(r"[\w,]\Z")
_CLOSING = re.compile(r"[.!?…][\"'”’)]*\Z")
NOT_WEB = "links to no web address, kept as their text"
NO_SOURCE = "footnotes in 'Sources:' with nothing after the number"
BEFORE_SOURCES = "lines of 'Sources:' before its first [n] entry"


class Footnote(NamedTuple):
    """What a ``[n]`` mark cites: a source, and the passage the ``Sources:`` entry quotes."""

    source: str
    quote: str | None


def unescape(text: str) -> str:
    """Kialo Markdown's backslash escapes removed: ``\\(`` reads ``(``."""
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def read_sources(lines: list[tuple[int, str]], draft: Draft, file: str) -> dict[str, Footnote]:
    """Footnote number -> what it cites, adding each source of the ``Sources:`` block.

    ``lines`` are (line number, line) after ``Sources:``. An entry runs until the
    next ``[n]`` line outside a quoted passage (a passage may hold ``[3]`` too).
    """
    entries: list[tuple[str, int, str, list[str]]] = []
    quoting = False
    for number, line in lines:
        found = None if quoting else _SOURCE_LINE.match(line)
        if found is not None:
            entries.append((found.group(1), number, found.group(2).strip(), []))
            continue
        if not entries:
            if line.strip():
                draft.dropped[BEFORE_SOURCES] += 1
            continue
        entries[-1][3].append(line)
        stripped = line.strip()
        if not quoting and stripped.startswith('"'):
            quoting = len(stripped) == 1 or not stripped.endswith('"')
        elif quoting and stripped.endswith('"'):
            quoting = False
    footnotes: dict[str, Footnote] = {}
    for mark, number, body, rest in entries:
        if not body:
            draft.dropped[NO_SOURCE] += 1
            continue
        body = unescape(body)
        url = web_url(body) if _URL.match(body) else None
        # Kialo gives a URL and nothing else: its site names it in every list of sources
        title = body if url is None else _site(url)
        source = _source(draft, f"source-{mark}", title, url, Span(file, number, 1))
        footnotes[mark] = Footnote(source, _quote(rest))
    return footnotes


def _site(url: str) -> str:
    """``tfl.gov.uk`` for ``https://www.tfl.gov.uk/modes/…``: the host without ``www.``."""
    try:
        host = urlsplit(url).hostname or url
    except ValueError:  # "http://[oops": not a host urlsplit can read
        host = url
    return host.removeprefix("www.")


def _quote(lines: list[str]) -> str | None:
    """The passage below a ``Sources:`` entry, without its enclosing double quotes."""
    text = "\n".join(line.strip() for line in lines).strip()
    if len(text) > 1 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].strip()
    return text or None


def statement_text(body: str, span: Span, draft: Draft,
                   footnotes: dict[str, Footnote]) -> tuple[str, tuple[Citation, ...]]:
    """The statement's words, and what its footnote marks and links cite."""
    cites: list[Citation] = []
    if footnotes and "[" in body:
        def mark(found: re.Match[str]) -> str:
            pages, paged, plain = found.groups()
            footnote = footnotes.get(paged or plain)
            if footnote is None:
                return found.group(0)
            cites.append(Citation(footnote.source, span, footnote.quote, pages))
            return ""
        body = _FOOTNOTE.sub(mark, body).strip()
    if "](" not in body:
        return unescape(body), tuple(dict.fromkeys(cites))
    rest, trailing = _trailing_links(body)
    inline: list[Citation] = []

    def link(found: re.Match[str]) -> str:
        title, url = _link(found)
        if url is None:
            draft.dropped[NOT_WEB] += 1
            return found.group(1)
        if title:
            inline.append(Citation(_source(draft, None, title, url, span), span))
        return found.group(1) or url

    text = _INLINE.sub(link, rest)
    cites += inline
    cites += (Citation(_source(draft, None, title, url, span), span)
              for title, url in reversed(trailing))
    return unescape(text).strip(), tuple(dict.fromkeys(cites))


def _trailing_links(body: str) -> tuple[str, list[tuple[str, str]]]:
    """The text before its trailing links, and those links (title, URL), last first.

    A text that is nothing but links keeps them: they are what it says.
    """
    found: list[tuple[str, str]] = []
    rest = body
    while (link := _TRAILING.search(rest)) is not None:
        title, url = _link(link)
        if not title or url is None:
            break
        if _CLOSING.search(title) and _OPEN.search(rest[:link.start()].rstrip()):
            break
        found.append((title, url))
        rest = rest[:link.start()].rstrip()
    return (rest, found) if rest else (body, [])


def _link(found: re.Match[str]) -> tuple[str, str | None]:
    """A link's title (unescaped) and URL (decoded where argmap's export encodes it),
    None if it is no web address."""
    # argmap's export encodes parentheses; a %20 stays: a space is no part of a URL
    url = web_url(found.group(2).strip().replace("%28", "(").replace("%29", ")"))
    return unescape(found.group(1)).strip(), url


def _source(draft: Draft, wanted: str | None, title: str, url: str | None,
            span: Span) -> str:
    """The id of the source with this URL (else, without one, this title), added if new."""
    for source in draft.sources.values():
        if (source.url == url if url is not None else source.title == title):
            return source.id
    return add_source(draft, wanted or slug(title) or "source", title, url, span)

