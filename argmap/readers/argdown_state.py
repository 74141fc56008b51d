"""The state of the Argdown reader as it goes through the lines, and its elements.

Used by :mod:`argmap.readers.argdown` and :mod:`argmap.readers.argdown_finish`.
"""

from __future__ import annotations

from argmap.model import Citation, Relation, Span, text_key
from argmap.readers import ReadResult
from argmap.readers.argdown_sections import Sections
from argmap.readers.argdown_text import links, parts, unescape
from argmap.readers.draft import DEdge, DNode, Draft, file_stem, link_source
from argmap.readers.urls import web_url
from argmap.readers.yaml.build import slugify

TWICE = "further texts of a title defined twice (the last is kept, as in Argdown)"
NO_URL = "links whose address is no http(s) URL"


class Reader:
    """What the reader knows so far; ``node`` and ``edge`` add to its draft."""

    def __init__(self, file: str, result: ReadResult) -> None:
        self.file, self.result = file, result
        stem = file_stem(file)
        self.draft = Draft(file, slugify(stem), stem, Span(file, 1, 1))
        self.texts: dict[str, str] = {}
        self.anonymous = 0
        #: (indent, node key) of the elements a relation may hang from
        self.stack: list[tuple[int, str]] = []
        #: parallel to ``stack``: the edge each line made to the line above (None: none)
        self.steps: list[int | None] = []
        self.last: str | None = None  # the element a hard-wrapped line continues
        #: (undercutter, undercut argument or statement, the step of the line it was written
        #: under, if any)
        self.undercuts: list[tuple[str, str, int | None]] = []
        self.pcs: list[str] = []  # premises since the last inference line
        self.pending: list[str] | None = None  # premises waiting for their conclusion
        self.ignoring = False
        self.counted = False  # this ignored definition is counted in the summary
        #: element -> the section tags where it was first mentioned, until it is defined
        self.unplaced: dict[str, tuple[str, ...]] = {}
        #: title -> the texts later definitions replaced (counted in the end if they differ)
        self.replaced: dict[str, list[str]] = {}
        self.in_rule = False  # between the two "--" lines around an inference rule
        self.question_set = False
        #: a bare ``<Title>`` line, which a premise-conclusion structure may follow
        self.argument: str | None = None
        self.aliases: dict[str, str] = {}  # reconstructed argument -> its conclusion
        #: reconstructed argument -> the edges of its last inference (to its conclusion)
        self.inference: dict[str, list[int]] = {}
        self.weights: dict[str, int] = {}  # element -> the weight in its data
        #: the indentation levels open above this line, as Argdown's lexer keeps them
        self.levels: list[int] = [0]
        self.sections = Sections()
        self.canonical: set[str] = set()  # titles whose text says ``isCanonical: true``
        self.loose: list[str] = []  # untitled paragraphs at the top: prose, if unrelated
        #: a definition's lines as written (links and all): prose, argument descriptions
        self.raw: dict[str, list[str]] = {}

    def node(self, bracket: str, title: str | None, text: str, span: Span,
             defines: bool = True) -> str:
        """The key of the element; a definition's text replaces an earlier one (Argdown's
        canonical member is the last), unless that one says ``isCanonical: true``."""
        if title is None:
            self.anonymous += 1
            key = f"#{self.anonymous}"
        else:
            key = bracket + unescape(title).strip()
        body, tags, data = parts(text, self.draft.dropped)
        if data.weight is not None:  # a linked argument's; else counted in finish
            self.weights[key] = data.weight
        old = self.draft.nodes.get(key)
        #: the text of this definition is not kept: neither are its hard-wrapped lines
        self.ignoring = defines and key in self.canonical
        self.counted = bool(self.ignoring and body)
        self.draft.dropped[TWICE] += self.counted
        if defines and not self.ignoring and old is not None and old.text:
            self.replaced.setdefault(key, []).append(old.text)
        if data.canonical and defines:
            self.canonical.add(key)
        if old is None:
            old = DNode(key, "", span, title=None if title is None else key[1:], by=data.by,
                        origin=None if title is None else key + ("]" if bracket == "[" else ">"))
            self.unplaced[key] = self.sections.tags()
        if defines and key in self.unplaced:  # Argdown: the section of its first definition
            tags = union(self.unplaced.pop(key), tags)
        if defines and not self.ignoring:
            self.draft.nodes[key] = old._replace(text=body, span=span, by=data.by or old.by,
                                                 tags=union(old.tags, tags))
        else:
            self.draft.nodes[key] = old._replace(tags=union(old.tags, tags))
        if defines and not self.ignoring:  # kept as written for a note or the context
            self.raw[key] = [text]
        if not self.ignoring:
            self.cite(key, text, span)
        return key

    def cite(self, key: str, text: str, span: Span) -> None:
        """The element's links become sources it cites (an address that is no URL is
        counted: a source's ``url`` must be one)."""
        found = links(text)
        if not found:
            return
        node = self.draft.nodes[key]
        cites = list(node.cites)
        for shown, written in found:
            address = web_url(written)
            if address is None:
                self.draft.dropped[NO_URL] += 1
                continue
            source = link_source(self.draft, shown or written, address, span)
            if all(c.source != source for c in cites):
                cites.append(Citation(source, span))
        self.draft.nodes[key] = node._replace(cites=tuple(cites))

    def edge(self, premise: str, target: str, relation: Relation,
             step: int | None = None) -> None:
        if relation is Relation.UNDERCUT:
            self.undercuts.append((premise, target, step))
        else:
            self.draft.edges.append(DEdge(premise, target, relation))


def settle(reader: Reader) -> None:
    """After the last line: count the replaced texts of titles defined twice that differ
    from the kept one; an element never defined takes the section of its first mention."""
    for key, texts in reader.replaced.items():
        kept = text_key(reader.draft.nodes[key].text)
        reader.draft.dropped[TWICE] += sum(text_key(t) != kept for t in texts)
    for key, section in reader.unplaced.items():
        node = reader.draft.nodes[key]
        reader.draft.nodes[key] = node._replace(tags=union(section, node.tags))


def union(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    """``old`` and the tags of ``new`` it lacks, in order."""
    return old + tuple(t for t in new if t not in old)


