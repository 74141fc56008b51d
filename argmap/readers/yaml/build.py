"""Turn composed YAML nodes into the model, reporting every shape and value problem.

The builder never stops at the first problem: a bad value is reported and
left out, and the walk goes on, so one run shows everything wrong in a file.
Cross-references (ids, refs, citations) are checked later by :mod:`argmap.rules.format`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Protocol

from argmap.diagnostics import Diagnostic, did_you_mean, did_you_mean_any_case, error, warning
from argmap.model import (
    ARGUMENT_ONLY_KEYS,
    CITATION_KEYS,
    FORMAT_VERSION,
    LINKED_KEYS,
    LINKED_VERSION,
    MAP_KEYS,
    MAX_WEIGHT,
    MIN_WEIGHT,
    PREMISE_ONLY_KEYS,
    QUALIFIED_RE,
    REF_STEP_KEYS,
    SEMANTICS,
    SLUG_RE,
    SOURCE_KEYS,
    SPEECH_KEYS,
    STATEMENT_KEYS,
    V1_2,
    VERSIONS,
    ArgumentMap,
    Citation,
    KeySpec,
    Relation,
    Source,
    Span,
    Speech,
    Statement,
    at_least,
    visible,
)
from argmap.readers.catalogue import catalogue
from argmap.readers.lines import EditorLines
from argmap.readers.urls import url_problem
from argmap.speeches import PRESETS, MapDefaults, find


class Node(Protocol):
    """What the builder reads of a composed ruamel.yaml node."""

    id: str  # "scalar", "sequence" or "mapping"
    value: Any  # str, list of nodes, or list of (key, value) node pairs
    start_mark: Any  # .line and .column, 0-based
    end_mark: Any  # .index: the offset in the text just past the node
    style: str | None  # None or "" for plain scalars
    tag: str  # the full tag: "tag:yaml.org,2002:str" ...

#: Statements nested deeper than this are refused; it keeps every recursive
#: walk (here and in the renderers) far inside Python's recursion limit.
MAX_DEPTH = 200

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n"}
# [0-9], not \d: \d also matches other scripts' digits ('２０２４'), which int() reads.
_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
#: YAML 1.2 reads 017 as 17, YAML 1.1 as 15 (octal); maps mean the same everywhere
_LEADING_ZERO_RE = re.compile(r"[-+]?0[0-9_]+\Z")

Entries = dict[str, tuple["Node", "Node"]]
#: keys whose value holds more to check, or whose absence is an error of its
#: own: a misspelling of one is read as it (see Builder.odd_key)
_READ_AS_MEANT = frozenset({"claims", "pro", "con", "undercut", "cites", "sources",
                            "question", "text", "title", "source", "premises"})

#: the lists a linked argument may be an item of
_LINKABLE = (Relation.PRO, Relation.CON)
#: the keys of a list item: a statement's, or a linked argument's `premises` (format 1.1)
_ITEM_KEYS = {**STATEMENT_KEYS, "premises": LINKED_KEYS["premises"]}
#: a library's keys (format 1.2): a map's, but neither `question` nor `claims` is required
_LIBRARY_KEYS = {key: spec._replace(required=False) for key, spec in MAP_KEYS.items()}

#: per list: its key in messages, and the step it adds to a derived path (c1.pro2)
_LISTS = {Relation.CLAIM: ("claims", "c"), Relation.PRO: ("pro", ".pro"),
          Relation.CON: ("con", ".con"), Relation.UNDERCUT: ("undercut", ".undercut")}


def kind(node: Node) -> str:
    """The node's tag without the YAML prefix: 'str', 'int', 'null', 'map' ..."""
    tag = node.tag
    return tag[len(_TAG):] if tag.startswith(_TAG) else tag


def describe(node: Node) -> str:
    """Say what a node is, for messages: 'a list', 'the number 2024' ..."""
    if node.id == "mapping":
        return "a mapping"
    if node.id == "sequence":
        return "a list"
    names = {"int": "the number", "float": "the number", "bool": "the boolean",
             "timestamp": "the date"}
    tag = kind(node)
    if tag == "null":
        return "nothing (null)"
    if tag in names:
        return f"{names[tag]} {shortened(str(node.value))}"
    return f"the text {quoted(node.value)}"


def shortened(value: str, limit: int = 60) -> str:
    """A value as a message shows it: whole when short, else its start and its length."""
    if len(value) <= limit:
        return value
    return f"{value[:limit]}… ({len(value):,} characters)"


def quoted(value: str, limit: int = 60) -> str:
    """A value quoted for a message (``'x'``), shortened as :func:`shortened` does."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[:limit]!r}… ({len(value):,} characters)"


def _is_null(node: Node) -> bool:
    return node.id == "scalar" and kind(node) == "null"


#: what a derived path looks like (c1, c2.pro1, c1.pro1.2, c3.con2.undercut1)
PATH_LIKE = re.compile(r"c[1-9][0-9]*(?:\.(?:pro|con|undercut)[1-9][0-9]*|\.[1-9][0-9]*)*\Z")


def slugify(stem: str) -> str:
    """Make a map id from a file stem: lower-case, other characters become '-'."""
    slug = re.sub(r"[^a-z0-9_.\-]+", "-", stem.lower()).lstrip("-_.")
    return slug or "map"


class Builder:
    """Builds maps from the nodes of one file, collecting diagnostics."""

    def __init__(self, file: str, track_aliases: bool = True,
                 comments: dict[int, str] | None = None, lines: EditorLines | None = None,
                 defaults: MapDefaults | None = None) -> None:
        self.file = file
        #: what the project file sets where a map writes nothing (its debate format)
        self.defaults = defaults or MapDefaults()
        #: set when libyaml counts lines differently from editors (argmap.readers.lines)
        self.lines = lines
        #: where a comment like `#2 …` starts after white space: its offset -> the
        #: rest of the line (see syntax.hash_comments); usually empty
        self.comments = comments or {}
        #: without a '*' in the text there is no alias, and no need to track nodes
        self.track_aliases = track_aliases
        self.diagnostics: list[Diagnostic] = []
        #: the version the document being built declares (the newest if it declares none)
        self.version = FORMAT_VERSION
        #: a document's first linked argument under `argmap: 1` is reported; the rest are not
        self.version_reported = False
        #: the format-1.2 keys already reported under an older declared version
        self.newer_reported: set[str] = set()
        #: the `sides` of the map being built, which a claim's `side` must be one of
        self.declared_sides: tuple[str, ...] = ()
        #: the speeches of the map being built (format 1.2), which a `speech` must name
        self.round: tuple[Speech, ...] = ()
        self.seen: set[int] = set()
        #: the file's text, to place a quote's broken marker exactly (set by the loader)
        self.text_source: str | None = None
        #: set when a node is reached twice, i.e. through a YAML alias
        self.alias_seen = False

    # -- helpers ---------------------------------------------------------

    def span(self, node: Node) -> Span:
        """The 1-based position of a node."""
        mark = node.start_mark
        if self.lines is not None:
            line, column = self.lines.position(mark.line, mark.column)
            return Span(self.file, line + 1, column + 1)
        return Span(self.file, mark.line + 1, mark.column + 1)

    def error(self, code: str, message: str, node: Node) -> None:
        """Record an error at a node."""
        self.diagnostics.append(error(code, message, self.span(node)))

    def require(self, needed: str, key: str, node: Node) -> None:
        """Report a key of format ``needed`` in a map declaring an older version: once per
        key and document, at its first use (FORMAT.md: "which key needs 1.2")."""
        if at_least(self.version, needed) or key in self.newer_reported:
            return
        self.newer_reported.add(key)
        self.error("needs-version", f"`{key}` is format {needed}, but this map declares "
                   f"`argmap: {self.version}`; declare `argmap: {needed}`", node)

    def first_visit(self, node: Node) -> bool:
        """False when the node was reached before, which only an alias can do."""
        if not self.track_aliases:
            return True
        key = id(node)
        if key in self.seen:
            self.alias_seen = True
            return False
        self.seen.add(key)
        return True

    def mapping(self, node: Node, keys: dict[str, KeySpec] | None, what: str) -> Entries | None:
        """Check a mapping's keys; return key -> (key node, value node).

        ``keys`` lists the known keys; None accepts any name (a mapping keyed by
        ids, like `sources`), still refusing repeated and non-scalar keys.

        This runs once per statement, so the common case (a known, new, plain
        key) takes one test and everything unusual goes to :meth:`odd_key`.
        """
        if node.id != "mapping":
            self.error("wrong-type", f"{what} must be a mapping, not {describe(node)}", node)
            return None
        entries: Entries = {}
        track = self.track_aliases
        for key_node, value_node in node.value:
            key = key_node.value
            # The scalar test comes first: a complex key's value is unhashable.
            if key_node.id == "scalar" and (keys is None or key in keys) and (
                    key not in entries) and (
                    not track or self.first_visit(value_node)):
                entries[key] = (key_node, value_node)
            else:
                self.odd_key(key_node, value_node, entries, keys, what, node.value)
        if keys is not None and keys is not _ITEM_KEYS:  # statement() checks `text`
            for key, spec in keys.items():
                if spec.required and key not in entries:
                    self.error("missing-key", f"{what} needs `{key}`", node)
        return entries

    def odd_key(self, key_node: Node, value_node: Node, entries: Entries,
                keys: dict[str, KeySpec] | None, what: str, pairs: list[tuple[Node, Node]],
                ) -> None:
        """Report a key that is not a name, repeated, unknown, or an alias's value.

        A misspelt list key (`Pro:`, `claim:`) would hide every problem beneath
        it until the next run, and a misspelt required key (`Question:`) adds a
        second error for the missing one; so such a key is read as the key it is
        close to, unless that key is there too. The map still has an error, so
        it is never drawn.
        """
        if key_node.id != "scalar":
            self.error("wrong-type", f"a key must be a name, not {describe(key_node)}", key_node)
        elif key_node.value in entries:
            line = self.span(entries[key_node.value][0]).line
            self.error("duplicate-key", f"duplicate key '{key_node.value}' (first given on line "
                       f"{line})", key_node)
        elif keys is not None and key_node.value not in keys:
            meant = self.unknown_key(key_node.value, key_node, keys, what)
            if meant in _READ_AS_MEANT and meant not in entries and not any(
                    k.id == "scalar" and k.value == meant for k, _ in pairs):
                entries[meant] = (key_node, value_node)
        # else: the value was reached before, through an alias; reported by the loader

    def unknown_key(self, key: str, node: Node, keys: dict[str, KeySpec], what: str,
                    ) -> str | None:
        """Report an unknown key; return the known key it is close to, if any."""
        meant = None
        if key == "<<":
            message = "YAML merge keys (<<) are not supported in maps; write the keys out"
        else:
            hint = did_you_mean(key, keys)
            meant = hint.split("'")[1] if hint else None  # "; did you mean 'pro'?"
            listed = STATEMENT_KEYS if keys is _ITEM_KEYS else keys  # `premises`: see docs
            message = f"unknown key '{shortened(key)}' in {what}" + (
                hint or "; expected one of " + ", ".join(listed))
        self.error("unknown-key", message, node)
        return meant

    def sequence(self, node: Node, what: str) -> list[Node]:
        """The items of a list, or [] after reporting a non-list (null is an empty list)."""
        if node.id == "sequence":
            if not self.track_aliases:
                return node.value  # type: ignore[no-any-return]
            return [item for item in node.value if self.first_visit(item)]
        if node.id == "scalar" and kind(node) == "null":
            return []
        hint = f"; write it as a list: `{what}: [...]`" if node.id == "scalar" else ""
        self.error("wrong-type", f"`{what}` must be a list, not {describe(node)}{hint}", node)
        return []

    def text(self, node: Node, what: str, required: bool = False) -> str | None:
        """A text value; numbers, booleans and dates are refused with a quoting hint."""
        if node.id == "scalar" and node.tag == _STR and (
                node.style or node.value.lower() not in _YAML11_BOOLS):
            stripped: str = node.value.strip()
            if stripped and (stripped.isascii() or stripped.isprintable() or visible(stripped)):
                if self.comments and not node.style:
                    self.comment_after(node, what, stripped)
                return stripped
        if node.id != "scalar":
            self.error("wrong-type", f"`{what}` must be text, not {describe(node)}", node)
            return None
        tag = kind(node)
        value: str = node.value
        if tag == "str" and value.strip() and not visible(value):
            names = ", ".join(sorted({f"U+{ord(c):04X}" for c in value if not c.isspace()}))
            self.error("empty-text", f"`{what}` has no visible character (only {names}); "
                       "write the text, or leave the key out", node)
            return None
        if tag == "null" or (tag == "str" and not value.strip()):
            if required:
                self.error("empty-text", f"`{what}` is empty", node)
            return None
        plain = not node.style
        if tag != "str" or (plain and value.lower() in _YAML11_BOOLS):
            reads = describe(node) if tag != "str" else f"the boolean {value} (in YAML 1.1)"
            self.error("wrong-type", f"`{what}` must be text, but {value} reads as {reads};"
                       f' quote it: {what}: "{value}"', node)
            return None
        return value.strip()

    def comment_after(self, node: Node, what: str, value: str) -> None:
        """Warn when a comment right after plain text looks like part of it (`Option #2`).

        Only a `#` followed by a non-space: `# note` reads as a deliberate comment.
        """
        rest = self.comments.get(node.end_mark.index)
        if rest is None:
            return
        whole = value + rest
        quoted = f"'{whole.replace(chr(39), chr(39) * 2)}'" if '"' in whole or "\\" in whole \
            else f'"{whole}"'
        fix = quoted if what in ("tags", "author") else f"{what}: {quoted}"
        self.diagnostics.append(warning(
            "comment-in-text", f"`{what}` ends at ' #': YAML reads the rest of the line as a "
            f"comment; quote the text: {fix}", self.span(node)))

    def slug(self, node: Node, what: str, statement: bool = False) -> str | None:
        """An id: lower-case letters, digits, '-', '_' and '.'; a ``statement``'s id must
        not look like a derived path (``c2.pro1``), which addresses a position."""
        if node.id != "scalar" or kind(node) not in ("str", "int"):
            self.error("wrong-type", f"`{what}` must be an id, not {describe(node)}", node)
            return None
        value: str = node.value
        if kind(node) == "int" and not node.style:
            self.error("wrong-type", f"`{what}` must be an id, but {value} reads as a number;"
                       f' quote it: {what}: "{value}"', node)
            return None
        if not SLUG_RE.match(value):
            suggestion = slugify(value)
            self.error("bad-id", f"'{shortened(value)}' is not a valid id (lower-case letters, "
                       "digits, '-', '_', '.'; starting with a letter or digit); try "
                       f"'{shortened(suggestion)}'", node)
            return None
        if what == "id" and statement and PATH_LIKE.match(value):
            other = value.replace(".", "-") if "." in value else f"claim-{value[1:]}"
            self.error("path-like-id", f"id '{value}' looks like a derived path (c1 is the "
                       "first claim, c1.pro2 its second pro), so it and a position would be "
                       f"addressed alike; choose another id, such as '{other}'", node)
            return None
        return value

    def name(self, node: Node, what: str) -> str | None:
        """What a `ref` or a citation names: an id, or (format 1.2) ``MAP-ID/ID``, a
        statement or source of another map of the project (argmap.project resolves it)."""
        value = node.value if node.id == "scalar" and kind(node) == "str" else None
        if not isinstance(value, str) or "/" not in value:
            return self.slug(node, what)
        if QUALIFIED_RE.match(value):
            self.require(V1_2, "a qualified name (MAP-ID/ID)", node)
            return value
        if ".." in value.split("/") or value.startswith(("/", "~")):
            self.error("outside-project", f"'{shortened(value)}' is a path; a qualified name "
                       "is MAP-ID/ID (a map's id, not its file), and argmap reads nothing "
                       "outside the project root", node)
            return None
        self.error("bad-id", f"'{shortened(value)}' is not a valid name: an id, or MAP-ID/ID "
                   "for another map's (each a slug: lower-case letters, digits, '-', '_', "
                   "'.')", node)
        return None

    def strings(self, node: Node, what: str, single_ok: bool = False) -> tuple[str, ...]:
        """A list of texts (tags, authors); ``single_ok`` also accepts one text."""
        if single_ok and node.id == "scalar":
            value = self.text(node, what)
            return (value,) if value else ()
        items = (self.text(item, what) for item in self.sequence(node, what))
        return tuple(item for item in items if item)

    def date(self, node: Node, what: str) -> str | None:
        """A date as YYYY, YYYY-MM or YYYY-MM-DD, checked against the calendar."""
        value = str(node.value) if node.id == "scalar" else ""
        match = _DATE_RE.match(value)
        if not match:
            self.error("bad-date", f"`{what}` must be a date (YYYY, YYYY-MM or YYYY-MM-DD), "
                       f"not {describe(node)}", node)
            return None
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            dt.date(year, month, day)
        except ValueError as exc:
            self.error("bad-date", f"'{shortened(value)}' is not a date: {exc}", node)
            return None
        return value

    def url(self, node: Node, what: str) -> str | None:
        """An absolute http(s) URL without spaces."""
        value = self.text(node, what)
        if value is None:
            return None
        problem = url_problem(value)
        if problem is not None:
            self.error("bad-url", f"'{shortened(value)}' is not an http(s) URL"
                       + (f": {problem}" if problem else ""), node)
            return None
        return value

    def weight(self, node: Node) -> int | None:
        """An integer from 1 to 5."""
        if node.id != "scalar" or kind(node) != "int":
            self.error("wrong-type", f"`weight` must be a whole number from {MIN_WEIGHT} to "
                       f"{MAX_WEIGHT}, not {describe(node)}", node)
            return None
        text: str = node.value
        if _LEADING_ZERO_RE.match(text):
            self.error("bad-weight", f"weight {text} starts with 0, which YAML 1.1 reads as "
                       "octal and YAML 1.2 as decimal; write it without the leading zero", node)
            return None
        try:
            # Python reads YAML's forms (+3, 0x3, 0o3); a number too long for
            # int() is far out of range anyway.
            value = int(text, 0) if len(text) < 20 else MAX_WEIGHT + 1
        except ValueError:  # 5_, or a tagged `!!int x`
            self.error("bad-weight", f"weight {text} is not a whole number; write one from "
                       f"{MIN_WEIGHT} to {MAX_WEIGHT}", node)
            return None
        if not MIN_WEIGHT <= value <= MAX_WEIGHT:
            shown = text if len(text) < 20 else f"{text[:12]}… ({len(text)} characters)"
            self.error("bad-weight", f"weight {shown} is outside {MIN_WEIGHT}-{MAX_WEIGHT}", node)
            return None
        return value

    # -- format 1 --------------------------------------------------------

    def document(self, node: Node, default_id: str, need_id: bool) -> ArgumentMap | None:
        """Build one map from a document node."""
        if node.id == "scalar" and kind(node) == "null":
            return None
        if node.id != "mapping":
            self.error("not-a-map", "a map file holds a mapping with `question` and `claims`, "
                       f"not {describe(node)}", node)
            return None
        written = {k.value for k, _ in node.value if k.id == "scalar"}
        # a misspelt `question` (`Question:`) is a map's mistake, not a library
        library = "sources" in written and not any(
            k == "question" or did_you_mean(str(k), ("question",)) for k in written)
        entries = self.mapping(node, _LIBRARY_KEYS if library else MAP_KEYS,
                               "a library" if library else "a map")
        assert entries is not None

        def value(key: str) -> Node | None:
            return entries[key][1] if key in entries else None

        self.version, self.version_reported = FORMAT_VERSION, False
        self.newer_reported = set()
        if (version := value("argmap")) is not None:
            if version.id == "scalar" and version.value in VERSIONS:
                self.version = version.value
            else:
                self.error("bad-version", f"unsupported format version: {describe(version)}; "
                           "this argmap reads versions 1, 1.1 and 1.2 (`argmap: 1.2`)",
                           version)
        if library:  # the version is known only now
            self.require(V1_2, "a library (a document with `sources` and no `question`)",
                         node)
        sides = self.declared_sides = self.sides(value("sides"), entries)
        semantics = self.semantics(entries["semantics"]) if "semantics" in entries else None
        preset = (self.preset(entries["format"]) if "format" in entries else
                  self.defaults.preset(self.version, "speeches" in entries or library))
        self.round = speeches = self.speeches(entries.get("speeches"), preset,
                                              sides or self.defaults.sides,
                                              entries.get("format"))
        if not sides and speeches:  # a claim's `side` must then be one of the speeches' sides
            self.declared_sides = tuple(dict.fromkeys(s.side for s in speeches if s.side))
        map_id = self.slug(id_node, "id") if (id_node := value("id")) is not None else None
        if id_node is None and need_id:
            self.error("missing-map-id", "this file holds several maps, so each needs its own "
                       "`id`", node)
        claims_node = value("claims")
        if claims_node is not None and (not claims_node.value or _is_null(claims_node)):
            self.error("empty-claims", "`claims` needs at least one claim", claims_node)
        question, context, tags, sources = value("question"), value("context"), value("tags"), \
            value("sources")
        claims = self.statements(claims_node, Relation.CLAIM, "", 1) if claims_node else ()
        return ArgumentMap(
            id=map_id or default_id,
            question=(self.text(question, "question", True) if question else None) or "",
            span=self.span(node),
            claims=claims,
            context=self.text(context, "context") if context else None,
            tags=self.strings(tags, "tags") if tags else (),
            sources=self.sources(sources) if sources else {},
            version=self.version,
            sides=sides,
            semantics=semantics,
            format=preset,
            speeches=speeches,
            library=library,
        )

    def sides(self, node: Node | None, entries: Entries) -> tuple[str, ...]:
        """The map's `sides` (format 1.2): a list of distinct slugs."""
        if node is None:
            return ()
        self.require(V1_2, "sides", entries["sides"][0])
        names: list[str] = []
        for item in self.sequence(node, "sides"):
            name = self.slug(item, "sides")
            if name is not None and name in names:
                self.error("duplicate-side", f"side '{name}' is listed twice", item)
            elif name is not None:
                names.append(name)
        return tuple(names)

    def side(self, key_node: Node, node: Node, relation: Relation) -> str | None:
        """A claim's `side` (format 1.2): a slug, one of the map's `sides` when it has them."""
        self.require(V1_2, "side", key_node)
        if relation is not Relation.CLAIM:
            self.error("side-position", "`side` goes on claims only; every other statement "
                       "takes its side from its position (a pro is on its parent's side, a "
                       "con or undercut against it)", key_node)
            return None
        name = self.slug(node, "side")
        if name is not None and self.declared_sides and name not in self.declared_sides:
            self.error("unknown-side", f"side '{name}' is not one of the map's `sides` "
                       f"({', '.join(self.declared_sides)})"
                       + did_you_mean(name, self.declared_sides), node)
            return None
        return name

    def scheme(self, key_node: Node, node: Node, relation: Relation) -> str | None:
        """A step's `scheme` (format 1.2): a slug; the catalogue check is
        :mod:`argmap.rules.schemes`'s. A claim has no step, and an undercut attacks one."""
        self.require(V1_2, "scheme", key_node)
        if relation not in _LINKABLE:
            where = "a claim has no step to its parent" if relation is Relation.CLAIM else \
                "an undercut attacks a step rather than making one"
            self.error("scheme-position", f"`scheme` goes on a `pro` or `con` item, a linked "
                       f"argument or a `ref` step; {where}", key_node)
            return None
        name = self.slug(node, "scheme")
        if name is None:
            return None
        known = catalogue().schemes
        if name not in known:
            self.error("unknown-scheme", f"no scheme '{name}' in the catalogue"
                       + (did_you_mean(name, known) or "; `argmap schemes` lists them"), node)
            return None
        return name

    def answers(self, key_node: Node, node: Node, relation: Relation) -> tuple[str, ...]:
        """A statement's `answers` (format 1.2): one critical-question id or a list."""
        self.require(V1_2, "answers", key_node)
        if relation is Relation.CLAIM:
            self.error("scheme-position", "`answers` goes on a `pro`, `con` or `undercut` "
                       "statement: a claim has no step above it whose questions it could "
                       "answer", key_node)
            return ()
        items = self.sequence(node, "answers") if node.id == "sequence" else [node]
        found = []
        for item in items:
            name = self.slug(item, "answers")
            if name is None:
                continue
            questions = catalogue().questions
            if name not in questions:
                known = catalogue().schemes.get(name.partition(".")[0])
                ids = [q.id for q in known.questions] if known else list(questions)
                # within a known scheme, the shared `<scheme>.` would make any id look close
                hint = (did_you_mean(name.partition(".")[2], [i.partition(".")[2] for i in ids])
                        .replace("'", f"'{known.id}.", 1) if known else
                        did_you_mean(name, ids)) or (
                    f"; {known.id}'s questions are {', '.join(ids)}" if known else
                    "; a question id is `<scheme>.<question>` (`argmap schemes ID` lists them)")
                self.error("unknown-question", f"no critical question '{name}' in the "
                           f"catalogue{hint}", item)
                continue
            found.append(name)
        return tuple(dict.fromkeys(found))
    def preset(self, entry: tuple[Node, Node]) -> str | None:
        """The map's `format` (format 1.2): the name of a known speech order."""
        key_node, node = entry
        self.require(V1_2, "format", key_node)
        name = self.text(node, "format")
        if name is None:
            return None
        if name.lower() in PRESETS:
            return name.lower()
        self.error("unknown-format", f"unknown debate format {quoted(name)} (argmap knows "
                   + ", ".join(PRESETS) + "; for another, list its `speeches`)"
                   + did_you_mean(name.lower(), PRESETS), node)
        return None

    def speeches(self, entry: tuple[Node, Node] | None, preset: str | None,
                 sides: tuple[str, ...], format_entry: tuple[Node, Node] | None,
                 ) -> tuple[Speech, ...]:
        """The round's speeches (format 1.2): `speeches` if given, else the preset's.

        Plain names alternate between the map's `sides`, the first speech the
        first side's; a mapping names its own `side` and `minutes`."""
        if entry is None:
            if preset is None:
                return ()
            if sides and len(sides) != 2 and format_entry is not None:
                self.error("bad-speech", f"format {preset} has two sides, but this map "
                           f"declares {len(sides)} ({', '.join(sides)})", format_entry[1])
                return PRESETS[preset].resolve()
            return PRESETS[preset].resolve(sides)
        key_node, node = entry
        self.require(V1_2, "speeches", key_node)
        built: list[Speech] = []
        for item in self.sequence(node, "speeches"):
            speech = self.speech_item(item, len(built), sides)
            if speech is None:
                continue
            if find(tuple(built), speech.name) is not None:
                self.error("bad-speech", f"speech {quoted(speech.name)} is listed twice "
                           "(names are compared ignoring case)", item)
                continue
            built.append(speech)
        return tuple(built)

    def speech_item(self, node: Node, place: int, sides: tuple[str, ...]) -> Speech | None:
        """One item of `speeches`: a name, or a mapping with `name`, `side`, `minutes`."""
        side: str | None = None
        minutes: float | None = None
        if node.id == "scalar":
            name = self.text(node, "speeches")
            if name is None:
                return None
            if not sides:
                self.error("bad-speech", f"speech {quoted(name)} names no side, and the map "
                           "declares no `sides` for plain names to alternate between; declare "
                           "`sides: [aff, neg]` or write `{name: ..., side: ...}`", node)
                return None
            return Speech(name, sides[place % len(sides)])
        entries = self.mapping(node, SPEECH_KEYS, "a speech")
        if entries is None or "name" not in entries:
            return None
        name = self.text(entries["name"][1], "name", required=True)
        if "side" in entries:
            side = self.slug(entries["side"][1], "side")
            if side is not None and sides and side not in sides:
                self.error("unknown-side", f"side '{side}' is not one of the map's `sides` "
                           f"({', '.join(sides)})" + did_you_mean(side, sides),
                           entries["side"][1])
                side = None
        elif sides:
            side = sides[place % len(sides)]
        if "minutes" in entries:
            minutes = self.minutes(entries["minutes"][1])
        return Speech(name, side, minutes) if name else None

    def minutes(self, node: Node) -> float | None:
        """A speech's time in minutes: a positive number."""
        if node.id == "scalar" and kind(node) in ("int", "float"):
            try:
                value = float(node.value)
            except ValueError:
                value = -1.0
            if 0 < value <= 600:
                return value
        self.error("bad-speech", f"`minutes` must be a positive number of minutes, not "
                   f"{describe(node)}", node)
        return None

    def said_in(self, key_node: Node, node: Node) -> str | None:
        """A `speech` (format 1.2): one of the round's speeches, by name, ignoring case."""
        self.require(V1_2, "speech", key_node)
        name = self.text(node, "speech")
        if name is None:
            return None
        found = find(self.round, name)
        if found is not None:
            return found.name
        if not self.round:
            self.error("unknown-speech", f"speech {quoted(name)} cannot be placed: the map "
                       "declares no `format` or `speeches`", node)
            return None
        names = [s.name for s in self.round]
        hint = did_you_mean_any_case(name, names)  # as the round writes it: '2AC'
        self.error("unknown-speech", f"speech {quoted(name)} is not one of the round's "
                   f"speeches ({', '.join(names)})" + hint, node)
        return None

    def semantics(self, entry: tuple[Node, Node]) -> str | None:
        """The map's `semantics` (format 1.2): grounded or weighed."""
        key_node, node = entry
        self.require(V1_2, "semantics", key_node)
        if node.id == "scalar" and node.value in SEMANTICS:
            return str(node.value)
        self.error("bad-semantics", f"`semantics` must be grounded or weighed, not "
                   f"{describe(node)}", node)
        return None

    def statements(self, node: Node, relation: Relation, parent: str,
                   depth: int) -> tuple[Statement, ...]:
        """Build the statements of a `claims`, `pro`, `con` or `undercut` list."""
        name, step = _LISTS[relation]
        prefix = f"{parent}{step}"
        built = []
        for index, item in enumerate(self.sequence(node, name), 1):
            statement = self.statement(item, relation, f"{prefix}{index}", depth)
            if statement is not None:
                built.append(statement)
        return tuple(built)

    def statement(self, node: Node, relation: Relation, path: str,
                  depth: int, in_argument: bool = False) -> Statement | None:
        """Build one statement and, recursively, its premises.

        ``in_argument`` says it is one of a linked argument's premises. This
        runs once per statement, so the fields are plain locals and the
        record is built positionally (a keyword dict costs a third more).
        """
        if depth > MAX_DEPTH:
            self.error("too-deep", f"statements are nested more than {MAX_DEPTH} levels deep; "
                       "argmap reads no deeper", node)
            return None
        entries = self.mapping(node, _ITEM_KEYS, "a statement")
        if entries is None:
            return None
        if "premises" in entries:
            if relation in _LINKABLE and not in_argument:
                return self.linked(node, entries, relation, path, depth)
            self.misplaced(entries["premises"], relation, path, depth)
            if "text" not in entries and "ref" not in entries:
                return None
        if in_argument and "ref" not in entries:
            for key in ARGUMENT_ONLY_KEYS & entries.keys():
                self.error("linked-key", f"`{key}` belongs on the linked argument (the item "
                           "with `premises`), not on one of its premises", entries[key][0])
        if "ref" in entries:
            return self.ref(entries, relation, path, depth, in_argument)
        text = statement_id = id_span = by = note = weight = side = scheme = speech = None
        answers: tuple[str, ...] = ()
        pro: tuple[Statement, ...] = ()
        con: tuple[Statement, ...] = ()
        undercut: tuple[Statement, ...] = ()
        cites: tuple[Citation, ...] = ()
        tags: tuple[str, ...] = ()
        for key, (_, v) in entries.items():
            if key == "text":
                text = self.text(v, key, required=True)
            elif key == "pro":
                pro = self.statements(v, Relation.PRO, path, depth + 1)
            elif key == "con":
                con = self.statements(v, Relation.CON, path, depth + 1)
            elif key == "cites":
                cites = tuple(c for c in map(self.citation, self.sequence(v, "cites"))
                              if c is not None)
            elif key == "undercut" and not in_argument:
                undercut = self.statements(v, Relation.UNDERCUT, path, depth + 1)
            elif key == "id":
                statement_id = self.slug(v, "id", statement=True)
                id_span = self.span(v)
            elif key == "by":
                by = self.text(v, key)
            elif key == "note":
                note = self.text(v, key)
            elif key == "tags":
                tags = self.strings(v, "tags")
            elif key == "weight" and not in_argument:
                weight = self.weight(v)
            elif key == "side":
                side = self.side(entries[key][0], v, relation)
            elif key == "scheme" and not in_argument:
                scheme = self.scheme(entries[key][0], v, relation)
            elif key == "answers":
                answers = self.answers(entries[key][0], v, relation)
            elif key == "speech":
                speech = self.said_in(entries[key][0], v)
        if "text" not in entries:
            self.error("missing-key", "a statement needs `text` (or `ref` to another statement)",
                       node)
        mark = node.start_mark
        span = Span(self.file, mark.line + 1, mark.column + 1) if self.lines is None else \
            self.span(node)
        return Statement(path, relation, span,
                         text or "", statement_id, id_span, None, pro, con, undercut, cites, by,
                         tags, note, weight, (), None, side, speech, scheme, answers)

    def linked(self, node: Node, entries: Entries, relation: Relation, path: str,
               depth: int) -> Statement | None:
        """Build a linked argument (format 1.1): an item whose `premises` hold up its parent
        together; its premises are ``<path>.1``, ``<path>.2`` ... Every rule of
        FORMAT.md's "Version 1.1" is checked here, except refs, which rules/format.py resolves."""
        key_node, list_node = entries["premises"]
        if not at_least(self.version, LINKED_VERSION) and not self.version_reported:
            self.version_reported = True
            self.error("needs-version", "`premises` (a linked argument) is format 1.1, but this "
                       "map declares `argmap: 1`; declare `argmap: 1.1`", key_node)
        for key in PREMISE_ONLY_KEYS & entries.keys():
            self.error("linked-key", f"`{key}` belongs on the premises of a linked argument, "
                       "not on the item that holds them", entries[key][0])
        items = self.sequence(list_node, "premises")
        premises = tuple(p for i, item in enumerate(items, 1)
                         if (p := self.statement(item, relation, f"{path}.{i}", depth + 1,
                                                 True)) is not None)
        if (len(items) < 2 and list_node.id == "sequence") or _is_null(list_node):
            self.error("too-few-premises", "a linked argument needs at least two premises; "
                       "write a single premise as an ordinary item", list_node)
        if not premises:
            return None
        argument_id = id_span = weight = note = scheme = None
        argument_id = id_span = weight = note = speech = None
        undercut: tuple[Statement, ...] = ()
        tags: tuple[str, ...] = ()
        for key, (key_node, v) in entries.items():
            if key == "scheme":
                scheme = self.scheme(key_node, v, relation)
            elif key == "id":
                argument_id, id_span = self.slug(v, "id", statement=True), self.span(v)
            elif key == "weight":
                weight = self.weight(v)
            elif key == "undercut":
                undercut = self.statements(v, Relation.UNDERCUT, path, depth + 1)
            elif key == "note":
                note = self.text(v, key)
            elif key == "tags":
                tags = self.strings(v, "tags")
            elif key == "speech":
                speech = self.said_in(entries[key][0], v)
        return Statement(path, relation, self.span(node), "", argument_id, id_span, None, (), (),
                         undercut, (), None, tags, note, weight, premises, speech=speech,
                         scheme=scheme)

    def misplaced(self, entry: tuple[Node, Node], relation: Relation, path: str,
                  depth: int) -> None:
        """Report `premises` where no linked argument may be, and check what it holds."""
        where = ("a claim" if relation is Relation.CLAIM else
                 "an undercut" if relation is Relation.UNDERCUT else
                 "a premise of a linked argument")
        self.error("linked-position", f"{where} cannot be a linked argument: `premises` goes "
                   "on an item of a `pro` or `con` list", entry[0])
        for i, item in enumerate(self.sequence(entry[1], "premises"), 1):
            self.statement(item, Relation.PRO, f"{path}.{i}", depth + 1, True)

    def ref(self, entries: Entries, relation: Relation, path: str, depth: int,
            in_argument: bool = False) -> Statement | None:
        """Build a `ref` item: the statement's id and, in format 1.2, the keys of the step
        from it to this parent (`weight`, `undercut`, `note`, `speech`); no key of the
        statement. A `ref` with a `speech` is an extension: said again in that speech."""
        value_node = entries["ref"][1]
        target = self.name(value_node, "ref")
        on = f"the statement with id '{target}'" if target else "the statement it names"
        weight = note = scheme = None
        weight = note = speech = None
        undercut: tuple[Statement, ...] = ()
        for key, (key_node, v) in entries.items():
            if key == "ref":
                continue
            if key not in REF_STEP_KEYS:
                self.error("ref-with-keys", f"a `ref` item carries only the keys of its step "
                           f"({', '.join(REF_STEP_KEYS)}); put `{key}` on {on}", key_node)
                continue
            self.require(V1_2, f"{key}` on a `ref", key_node)
            if in_argument and key in ARGUMENT_ONLY_KEYS:
                self.error("linked-key", f"`{key}` belongs on the linked argument (the item "
                           "with `premises`), not on one of its premises", key_node)
            elif relation is Relation.CLAIM:
                self.error("ref-with-keys", f"a claim has no parent, so a `ref` among the "
                           f"claims has no step to put `{key}` on", key_node)
            elif key == "weight":
                weight = self.weight(v)
            elif key == "undercut":
                undercut = self.statements(v, Relation.UNDERCUT, path, depth + 1)
            elif key == "scheme":
                scheme = self.scheme(key_node, v, relation)
            elif key == "speech":
                speech = self.said_in(key_node, v)
            else:
                note = self.text(v, key)
        if target is None:
            return None
        return Statement(path=path, relation=relation, span=self.span(value_node), ref=target,
                         undercut=undercut, note=note, weight=weight, speech=speech,
                         scheme=scheme)

    def citation(self, node: Node) -> Citation | None:
        """A citation: a source id, or a mapping with `source`, `quote`, `locator`."""
        if node.id == "scalar":
            source = self.name(node, "cites")
            return Citation(source, self.span(node)) if source else None
        entries = self.mapping(node, CITATION_KEYS, "a citation")
        if not entries or "source" not in entries:
            return None
        source_node = entries["source"][1]
        source = self.name(source_node, "source")
        if source is None:
            return None
        quote = self.text(entries["quote"][1], "quote") if "quote" in entries else None
        if quote is not None and at_least(self.version, V1_2):
            self.markup(quote, entries["quote"][1])
        locator = self.text(entries["locator"][1], "locator") if "locator" in entries else None
        return Citation(source, self.span(source_node), quote, locator)

    def markup(self, quote: str, node: Node) -> None:
        """Report broken quote markup (format 1.2) at the column of the offending marker."""
        from argmap.markup import MarkupError, parse

        try:
            parse(quote)
        except MarkupError as broken:
            span = self.span(node)
            if self.text_source is not None:
                span = marker_span(self.text_source, self.file, node, quote, broken)
            self.diagnostics.append(error("quote-markup", broken.message, span))

    def sources(self, node: Node) -> dict[str, Source]:
        """The `sources` mapping: id -> source."""
        if node.id != "mapping":
            self.error("wrong-type", f"`sources` must be a mapping of id to source, not "
                       f"{describe(node)}", node)
            return {}
        found: dict[str, Source] = {}
        for name, (key_node, value_node) in (self.mapping(node, None, "`sources`") or {}).items():
            source_id = self.slug(key_node, "source id")
            entries = self.mapping(value_node, SOURCE_KEYS, f"source '{name}'")
            if source_id is None or entries is None:
                continue
            found[source_id] = self.source(source_id, key_node, entries)
        return found

    def source(self, source_id: str, key_node: Node, entries: Entries) -> Source:
        """One source from its checked entries."""
        fields: dict[str, Any] = {}
        for key, (_, v) in entries.items():
            if key == "author":
                fields[key] = self.strings(v, key, single_ok=True)
            elif key in ("date", "accessed"):
                fields[key] = self.date(v, key)
            elif key == "url":
                fields[key] = self.url(v, key)
            else:
                if key in ("quals", "short"):
                    self.require(V1_2, key, entries[key][0])
                fields[key] = self.text(v, key, required=key == "title")
        fields["title"] = fields.get("title") or ""
        return Source(id=source_id, span=self.span(key_node), **fields)


def marker_span(text: str, file: str, node: Node, quote: str, broken: Any) -> Span:
    """Where a quote's broken marker is in the file: the same occurrence of the marker in
    the scalar as written (a folded or escaped scalar's value is not its text)."""
    from argmap.readers.lines import offset_position

    nth = quote[:broken.offset].count(broken.marker)
    start, end = node.start_mark.index, node.end_mark.index
    at = start - 1
    for _ in range(nth + 1):
        at = text.find(broken.marker, at + 1, end)
        if at < 0:
            at = start
            break
    line, column = offset_position(text, at)
    return Span(file, line, column)
