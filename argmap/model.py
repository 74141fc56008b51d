"""The argument-map model: immutable records and the format's key tables.

Nothing here knows about YAML, terminals or Graphviz. The key tables
(:data:`MAP_KEYS`, :data:`STATEMENT_KEYS`, :data:`LINKED_KEYS`,
:data:`CITATION_KEYS`, :data:`SOURCE_KEYS`) are the single description of the
format: the loader takes its list of known keys from them and
:mod:`argmap.readers.yaml.schema` builds the JSON Schema from them, so the two cannot drift
apart.

The records made once per statement (:class:`Span`, :class:`Citation`,
:class:`Statement`, and :class:`Source` with them) are ``NamedTuple`` classes:
as immutable as frozen dataclasses, and five times cheaper to build (0.8 µs
against 4 µs for a statement; benchmarks/README.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple, Protocol

#: the newest format version, which a map without `argmap:` is read as
FORMAT_VERSION = "1.2"
#: every version argmap reads, as written after `argmap:`
VERSIONS = ("1", "1.1", "1.2")
#: the first version with linked premises (`premises` items)
LINKED_VERSION = "1.1"
#: the first version with sides, speeches, steps on refs, cards, schemes and projects
V1_2 = "1.2"


def at_least(version: str, needed: str) -> bool:
    """Whether a map declaring ``version`` may use what format ``needed`` brought."""
    return tuple(map(int, version.split("."))) >= tuple(map(int, needed.split(".")))


#: how statuses are computed (argmap.analysis.evaluate); the first is the default
SEMANTICS = ("grounded", "weighed")
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9_.\-]*\Z")
#: format 1.2: a statement or source of another map of the project, ``MAP-ID/ID``
QUALIFIED_RE = re.compile(r"[a-z0-9][a-z0-9_.\-]*/[a-z0-9][a-z0-9_.\-]*\Z")


def split_name(name: str) -> tuple[str | None, str]:
    """``(map id, id)`` of a name: ``carbon-tax/regressive`` -> ``("carbon-tax",
    "regressive")``; an unqualified (local) name has no map id."""
    head, slash, tail = name.partition("/")
    return (head, tail) if slash else (None, name)


MIN_WEIGHT, MAX_WEIGHT = 1, 5


class Relation(StrEnum):
    """How a statement relates to its parent."""

    CLAIM = "claim"
    PRO = "pro"
    CON = "con"
    UNDERCUT = "undercut"


class Span(NamedTuple):
    """A 1-based position in a source file."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Citation(NamedTuple):
    """Evidence for a statement: a source id, optionally with a quote and locator."""

    source: str
    span: Span
    quote: str | None = None
    locator: str | None = None


class Source(NamedTuple):
    """A work cited in a map."""

    id: str
    title: str
    span: Span
    author: tuple[str, ...] = ()
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    accessed: str | None = None
    kind: str | None = None
    note: str | None = None
    quals: str | None = None  # format 1.2: the author's qualifications, as debaters read them
    short: str | None = None  # format 1.2: the spoken cite; None: see :func:`short_cite`


def short_cite(source: Source) -> str:
    """The spoken cite of a source (format 1.2): its ``short``, else the authors' last
    names and the year's last two digits (``Murray & Rivers 15``); with no author, the
    publisher's name or the title's first four words stand for them."""
    if source.short:
        return source.short
    names = [_last_name(a) for a in source.author]
    who = (names[0] if len(names) == 1 else " & ".join(names) if len(names) == 2
           else f"{names[0]} et al." if names else source.publisher
           or " ".join(source.title.split()[:4]))
    year = source.date[2:4] if source.date and len(source.date) >= 4 else ""
    return f"{who} {year}".strip()


def _last_name(author: str) -> str:
    """``Murray`` of ``Jane Murray``, ``Murray, Jane`` and ``Murray``; an organisation
    (three words or more) whole."""
    if "," in author:
        return author.split(",", 1)[0].strip()
    words = author.split()
    if _BODIES.intersection(w.casefold() for w in words):
        return author
    return words[-1] if 1 < len(words) <= 3 else author


#: words that make an author an organisation, named whole in a short cite
_BODIES = frozenset((
    "office", "institute", "institution", "council", "center", "centre", "university",
    "committee", "department", "agency", "bureau", "foundation", "association", "commission",
    "organization", "organisation", "service", "board", "group", "network", "project", "fund",
    "bank",
))


class Speech(NamedTuple):
    """One speech of a round (format 1.2): its name, the side that gives it, its time."""

    name: str
    side: str | None
    minutes: float | None = None


class Statement(NamedTuple):
    """A claim or premise, a ``ref`` pointer to one, or a linked argument.

    ``path`` is the derived positional address (``c1.pro2.con1``) every
    statement has; ``id`` is the author's explicit id, if any. A ``ref`` item
    has ``ref`` set, empty ``text`` and no children.

    A linked argument (format 1.1, an item with ``premises``) is a position
    in a ``pro`` or ``con`` list whose ``premises`` (two or more statements,
    paths ``<path>.1``, ``<path>.2`` ...) bear on the parent together; it has
    no ``text``, and its ``id``, ``weight``, ``undercut``, ``note`` and
    ``tags`` belong to the argument as a whole.

    ``origin`` is the identifier the source format gave this statement (an
    AIF node id, a Kialo number such as ``1.4.2``, an Argdown ``[Title]`` or
    ``<Title>``): set by the imports, never by the YAML format.
    """

    path: str
    relation: Relation
    span: Span
    text: str = ""
    id: str | None = None
    id_span: Span | None = None
    ref: str | None = None
    pro: tuple[Statement, ...] = ()
    con: tuple[Statement, ...] = ()
    undercut: tuple[Statement, ...] = ()
    cites: tuple[Citation, ...] = ()
    by: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None
    weight: int | None = None
    premises: tuple[Statement, ...] = ()
    origin: str | None = None  # the identifier the source format gave this statement
    side: str | None = None  # format 1.2: the side a claim is advanced by (claims only)
    speech: str | None = None  # format 1.2: the speech it was first said in (a ref: extended)
    scheme: str | None = None  # format 1.2: the argument scheme of the step to the parent
    answers: tuple[str, ...] = ()  # format 1.2: the critical questions it raises or settles

    @property
    def linked(self) -> bool:
        """True for a linked argument (an item with ``premises``)."""
        return bool(self.premises)

    def __repr__(self) -> str:
        """One line, as a REPL or notebook shows it: the address, the text's start, the rest
        counted (the whole record nests every premise below it)."""
        if self.ref is not None:
            return f"<Statement {self.path}: ref {self.ref!r}>"
        words = self.text if len(self.text) <= 50 else self.text[:49] + "…"
        what = f"{len(self.premises)} premises together" if self.premises else repr(words)
        below = [f"{name} {len(items)}" for name, items in (
            ("pro", self.pro), ("con", self.con), ("undercut", self.undercut)) if items]
        return (f"<Statement {self.address}: {what}"
                + (f" ({', '.join(below)})" if below else "") + ">")

    @property
    def address(self) -> str:
        """The id to address this statement by: its own id, else its path."""
        return self.id if self.id is not None else self.path

    def children(self) -> Iterator[Statement]:
        """Yield what is written below: a linked argument's premises, pro, con, undercut."""
        yield from self.premises
        yield from self.pro
        yield from self.con
        yield from self.undercut


def depth_first(roots: tuple[Statement, ...]) -> Iterator[Statement]:
    """Yield ``roots`` and everything below them, depth-first in document order.

    Refs are yielded, never followed. Iterative, so maps nested hundreds of
    levels deep cannot overflow the stack.
    """
    stack = list(reversed(roots))
    while stack:
        statement = stack.pop()
        yield statement
        if statement.pro or statement.con or statement.undercut or statement.premises:
            stack.extend(reversed(statement.premises + statement.pro + statement.con
                                  + statement.undercut))


def visible(text: str) -> bool:
    """Whether a text has a character that shows: not only format and control characters
    (U+200D, U+FEFF, U+202E ...), which no renderer can lay out as a label."""
    return any(unicodedata.category(c) not in _INVISIBLE for c in text)


#: Unicode categories that show nothing: controls, format characters, separators
#: (an unassigned or private-use code point still draws, as a box)
_INVISIBLE = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp"))


def single_spaced(text: str) -> str:
    """The text with each run of whitespace as one space and none at the ends.

    The same as ``" ".join(text.split())``, but most texts are single-spaced
    already and come back as they are after a few C-level scans: every
    character ``str.split`` breaks on, except the plain space, is a Unicode
    separator or control, which ``str.isprintable`` rejects.
    """
    if "  " in text or not text.isprintable() or text.startswith(" ") or text.endswith(" "):
        return " ".join(text.split())
    return text


def text_key(text: str) -> str:
    """What two statements that say the same thing share: the text single-spaced and
    case-folded (``duplicate-text`` warns on it; imports merge on it)."""
    return single_spaced(text).casefold()


@dataclass(frozen=True, slots=True)
class ArgumentMap:
    """One question with its claims, premises and sources."""

    id: str
    question: str
    span: Span
    claims: tuple[Statement, ...]
    context: str | None = None
    tags: tuple[str, ...] = ()
    sources: dict[str, Source] = field(default_factory=dict)
    #: as declared by `argmap:`, else the newest; how the file is written, not what it says,
    #: so maps that differ only in it are equal
    version: str = field(default=FORMAT_VERSION, compare=False)
    #: format 1.2: the sides of the debate, in order (empty: not declared)
    sides: tuple[str, ...] = ()
    #: format 1.2: the semantics statuses are computed under (None: the default, grounded)
    semantics: str | None = None
    #: format 1.2: the speech-order preset `format:` names (policy, ld, pf, ...), if any
    format: str | None = None
    #: format 1.2: the round's speeches in order, from `speeches` or `format` (empty: none)
    speeches: tuple[Speech, ...] = ()
    #: format 1.2: a card library (a document with `sources` and no `question`): its
    #: claims are cards that maps of the project cite and ref (argmap.project)
    library: bool = False

    def walk(self) -> Iterator[Statement]:
        """Yield every statement depth-first in document order, refs included."""
        return depth_first(self.claims)

    def __repr__(self) -> str:
        written = sum(1 for s in self.walk() if s.ref is None and not s.premises)
        return (f"<ArgumentMap {self.id!r}: {_count(len(self.claims), 'claim')}, "
                f"{_count(written, 'statement')}, {_count(len(self.sources), 'source')} "
                f"({self.span.file}:{self.span.line})>")

    def __str__(self) -> str:
        """The map as ``argmap show`` prints it (plain text, no colour)."""
        return DISPLAY().text(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # IPython's text display
        printer.text(repr(self) if cycle else str(self))

    def _repr_svg_(self) -> str | None:  # Jupyter: the diagram (None without Graphviz)
        return DISPLAY().svg(self)

    def _repr_html_(self) -> str | None:  # notebooks that prefer HTML: the diagram
        return DISPLAY().html(self)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """What Jupyter shows, drawn once: the diagram as SVG and HTML, and the text tree
        (alone when Graphviz is not installed)."""
        bundle = {"text/plain": str(self)}
        display = DISPLAY()
        svg = display.svg(self)
        if svg is not None:
            bundle["image/svg+xml"] = svg
            bundle["text/html"] = display.html(self, svg) or ""
        return bundle


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class Display(Protocol):
    """How a map shows itself (``str``, Jupyter); :mod:`argmap` registers the real one.

    The model cannot import the exporters (they are a layer above), so the
    package installs its display here when it is imported, which it always
    is before any of its modules.
    """

    def text(self, argmap: ArgumentMap) -> str:
        """The text tree."""
        ...

    def svg(self, argmap: ArgumentMap) -> str | None:
        """The diagram as SVG, or None when it cannot be drawn (no Graphviz)."""
        ...

    def html(self, argmap: ArgumentMap, svg: str | None = None) -> str | None:
        """The diagram as an HTML fragment (around ``svg`` when it is drawn already)."""
        ...


class _NoDisplay:
    def text(self, argmap: ArgumentMap) -> str:
        return repr(argmap)

    def svg(self, argmap: ArgumentMap) -> str | None:
        return None

    def html(self, argmap: ArgumentMap, svg: str | None = None) -> str | None:
        return None


#: Makes what ``str(map)`` and Jupyter use; argmap (the package) installs the API's on import.
DISPLAY: Callable[[], Display] = _NoDisplay


class KeySpec(NamedTuple):
    """One key of the format: its JSON-Schema-ish type and what it means."""

    type: str
    description: str
    required: bool = False


MAP_KEYS: dict[str, KeySpec] = {
    "argmap": KeySpec("version", "format version: 1, 1.1 or 1.2; the newest (1.2) if absent"),
    "id": KeySpec("slug", "unique name of the map; default: the file stem"),
    "question": KeySpec("text", "the question the map argues", required=True),
    "context": KeySpec("text", "background prose shown under the question"),
    "tags": KeySpec("tags", "free-form labels"),
    "sides": KeySpec("slugs", "format 1.2: the sides of the debate, in order (e.g. [aff, neg])"),
    "semantics": KeySpec("semantics", "format 1.2: how statuses are computed: grounded "
                         "(the default) or weighed"),
    "format": KeySpec("debate-format", "format 1.2: a known speech order: policy, ld, pf, bp, "
                      "worlds, apda or asian"),
    "speeches": KeySpec("speeches", "format 1.2: the speeches in order: names, or {name, side, "
                        "minutes}; overrides `format`"),
    "claims": KeySpec("statements", "the positions that answer the question", required=True),
    "sources": KeySpec("sources", "the works cited in this map, by id"),
}

STATEMENT_KEYS: dict[str, KeySpec] = {
    "text": KeySpec("text", "the statement itself; required unless `ref` is given"),
    "id": KeySpec("slug", "unique within the map; needed to `ref` it or address it"),
    "ref": KeySpec("name", "this position holds the statement with that id (format 1.2: or "
                   "MAP-ID/ID, another map's); besides it, only the keys of its step"),
    "pro": KeySpec("statements", "premises that support this statement"),
    "con": KeySpec("statements", "premises that rebut this statement"),
    "undercut": KeySpec(
        "statements", "premises that attack the step from this statement to its parent"
    ),
    "cites": KeySpec("citations", "evidence for this statement"),
    "by": KeySpec("text", "who advances it"),
    "tags": KeySpec("tags", "free-form labels"),
    "note": KeySpec("text", "a remark for the author, not part of the argument"),
    "weight": KeySpec("weight", "how much this premise bears on its parent, 1-5"),
    "side": KeySpec("slug", "format 1.2, claims only: the side that advances the claim"),
    "speech": KeySpec("speech", "format 1.2: the speech it was first said in (one of `speeches`)"),
    "scheme": KeySpec("slug", "format 1.2: the argument scheme of the step to the parent "
                      "(`argmap schemes` lists them)"),
    "answers": KeySpec("answers", "format 1.2: the critical question(s) of the step above "
                       "that this statement raises or settles"),
}

#: format 1.2: the keys a `ref` item may carry besides `ref`: they belong to the step from
#: the statement to THIS parent, not to the statement (FORMAT.md, "Steps on a `ref`")
REF_STEP_KEYS: dict[str, KeySpec] = {
    "weight": KeySpec("weight", "how much the statement bears on this parent, 1-5"),
    "undercut": KeySpec("statements", "premises that attack this step only"),
    "note": KeySpec("text", "a remark about this step"),
    "speech": KeySpec("speech", "the later speech it was said again in: an extension"),
    "scheme": KeySpec("slug", "the argument scheme of this step"),
}

#: the keys of a linked argument (format 1.1): an item of `pro` or `con` with `premises`
LINKED_KEYS: dict[str, KeySpec] = {
    "premises": KeySpec("premises", "two or more statements that bear on the parent together",
                        required=True),
    "id": KeySpec("slug", "names the argument; unique among the map's ids"),
    "weight": KeySpec("weight", "how much the argument as a whole bears on its parent, 1-5"),
    "undercut": KeySpec("statements", "premises that attack the joint inference"),
    "note": KeySpec("text", "a remark for the author, not part of the argument"),
    "tags": KeySpec("tags", "free-form labels"),
    "speech": KeySpec("speech", "format 1.2: the speech the argument was first said in"),
    "scheme": KeySpec("slug", "format 1.2: the argument scheme of the joint step"),
}

#: keys that belong on the premises of a linked argument, not on the item holding them
PREMISE_ONLY_KEYS = frozenset({"text", "ref", "pro", "con", "cites", "by"})
#: keys that belong on the linked argument, not on one of its premises
ARGUMENT_ONLY_KEYS = frozenset({"weight", "undercut", "scheme"})

#: format 1.2: the keys of an item of `speeches` written as a mapping
SPEECH_KEYS: dict[str, KeySpec] = {
    "name": KeySpec("text", "what debaters call the speech (2AC, PM, ...)", required=True),
    "side": KeySpec("slug", "the side that gives it, one of `sides`"),
    "minutes": KeySpec("minutes", "how long it may last"),
}

CITATION_KEYS: dict[str, KeySpec] = {
    "source": KeySpec("name", "id of a source in `sources` (format 1.2: or MAP-ID/ID, "
                      "another map's or a library's)", required=True),
    "quote": KeySpec("text", "the words quoted from the source"),
    "locator": KeySpec("text", "page, section or timestamp"),
}

SOURCE_KEYS: dict[str, KeySpec] = {
    "title": KeySpec("text", "title of the work", required=True),
    "author": KeySpec("authors", "a name or a list of names"),
    "quals": KeySpec("text", "format 1.2: the author's qualifications, as debaters read them"),
    "short": KeySpec("text", "format 1.2: the spoken cite (Murray & Rivers 15); default: the "
                     "authors' last names and the year's last two digits"),
    "publisher": KeySpec("text", "outlet, institution or archive"),
    "date": KeySpec("date", "publication date: YYYY, YYYY-MM or YYYY-MM-DD"),
    "url": KeySpec("url", "http(s) address"),
    "accessed": KeySpec("date", "when the URL was read"),
    "kind": KeySpec("text", "article, report, book, memo, speech, fact-check, ..."),
    "note": KeySpec("text", "a remark about the source"),
}
