"""Read map files: the only module that reads maps with ruamel.yaml.

(:mod:`argmap.readers.yaml.source` composes a map with the same parser and nodes
(:func:`lean_parser`, :func:`lean_nodes`), keeping character offsets and comments, to
edit it in place; nothing else imports ruamel.)

Reading uses libyaml through ruamel.yaml.clib to compose nodes (which keep
their line and column) and builds the model from them; it never constructs
Python objects with ruamel and never uses the slow round-trip loader. Bad
input never raises: every problem comes back as a :class:`Diagnostic`.
"""

from __future__ import annotations

import codecs
import functools
import gc
import operator
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from argmap.diagnostics import Diagnostic, error
from argmap.model import ArgumentMap, Span
from argmap.readers import ReadResult
from argmap.readers.lines import EditorLines, decode_utf8, editor_lines, offset_position
from argmap.readers.yaml.build import Builder, Node, kind, slugify
from argmap.readers.yaml.depth import MAX_YAML_DEPTH, may_be_deep, too_deep_mark
from argmap.readers.yaml.fast import CanonicalLines, read_canonical
from argmap.readers.yaml.messages import hash_comments, syntax_diagnostic
from argmap.readers.yaml.tags import Table, explicit_tags, may_have_tags
from argmap.speeches import MapDefaults, inherit


def read(text: str, file: str) -> ReadResult:
    """The reader protocol of :data:`argmap.readers.READERS`: :func:`load_text`."""
    return load_text(text, file)


def read_bytes(data: bytes, file: str, default_id: str | None = None,
               defaults: MapDefaults | None = None) -> ReadResult:
    """The reader protocol's bytes entry, which keeps the loader's own decoding messages."""
    return load_bytes(data, file, default_id, defaults)


def load_bytes(data: bytes, file: str, default_id: str | None = None,
               defaults: MapDefaults | None = None) -> ReadResult:
    """Decode UTF-8 bytes (refusing binary and other encodings) and load them."""
    start = Span(file, 1, 1)
    # UTF-32 first: the UTF-32-LE mark starts with the UTF-16-LE one.
    for name, boms in (("UTF-32", (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)),
                       ("UTF-16", (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))):
        if data.startswith(boms):
            return _fail("encoding", f"file is {name}; argmap reads UTF-8: save it as UTF-8",
                         start)
    if b"\0" in data:
        return _fail("binary", "this is a binary file, not a YAML map", start)
    text = decode_utf8(data)
    if not isinstance(text, str):
        line, column, byte = text
        return _fail("encoding", f"file is not UTF-8 (byte 0x{byte:02x} cannot be decoded); "
                     "save it as UTF-8", Span(file, line, column))
    return load_text(text, file, default_id, defaults)


def load_text(text: str, file: str = "<string>", default_id: str | None = None,
              defaults: MapDefaults | None = None, record: CanonicalLines | None = None,
              like: CanonicalLines | None = None) -> ReadResult:
    """Load every map in a YAML text (one or several documents).

    A map without ``id`` gets ``default_id``, or else one made from the file name;
    ``defaults`` are the project file's, given where a map sets none (:func:`inherit`).
    A file in the canonical layout is read line by line (:mod:`.fast`), filling
    ``record`` when given (where an edit splices) and matching again only the lines
    it does not share with ``like`` (the record of the text before an edit); anything
    else, and anything with a problem to report, is composed by libyaml and built.
    """
    default = default_id or slugify(Path(file).stem)
    with _gc_paused():
        canonical = read_canonical(text, file, default, plain_tag, record, like)
    if canonical is not None:
        return ReadResult(maps=[inherit(canonical, defaults)])
    lines = editor_lines(text)
    try:
        too_deep = _too_deep(text, file)
    except UnicodeEncodeError as exc:
        return ReadResult(diagnostics=[_surrogate(text, exc, file)])
    if too_deep is not None:
        return ReadResult(diagnostics=_at_editor_lines([too_deep], lines))
    result = ReadResult()
    with _gc_paused():
        nodes, syntax = _compose(text, file)
        found = [] if syntax is None else [syntax]  # at libyaml's lines, mapped below
        if may_have_tags(text):
            found.extend(explicit_tags(nodes, file, _implicit_tags()))
        documents = [n for n in nodes if not _is_null(n)]
        if not documents and syntax is None:
            return _fail("empty-file", "file holds no map: it needs at least `question` and "
                         "`claims`", Span(file, 1, 1))
        builder = Builder(file, track_aliases="*" in text,
                          comments=hash_comments(text) if "#" in text else None, lines=lines,
                          defaults=defaults)
        builder.text_source = text
        several = len(documents) > 1
        for index, node in enumerate(documents, 1):
            built = builder.document(node, f"{default}-{index}" if several else default, several)
            if built is not None:
                result.maps.append(built)
        if builder.alias_seen:
            found.extend(_alias_diagnostics(text, file))
        result.diagnostics.extend(_at_editor_lines(found, lines))
        result.diagnostics.extend(builder.diagnostics)
    result.diagnostics.extend(_duplicate_map_ids(result.maps))
    result.diagnostics.sort(key=Diagnostic.sort_key)
    if defaults is not None:
        result.maps = [inherit(m, defaults) for m in result.maps]
    return result


def _too_deep(text: str, file: str) -> Diagnostic | None:
    """Refuse nesting that would overflow libyaml's recursive composer (see .depth)."""
    if not may_be_deep(text):
        return None
    from ruamel.yaml.error import YAMLError

    mark = too_deep_mark(_parser(text), YAMLError)
    if mark is None:
        return None
    return error("too-deep", f"YAML nested more than {MAX_YAML_DEPTH} levels deep; argmap "
                 "reads no deeper", Span(file, mark.line + 1, mark.column + 1))


def _at_editor_lines(found: list[Diagnostic], lines: EditorLines | None) -> list[Diagnostic]:
    """Move diagnostics made at libyaml's lines to an editor's (see argmap.readers.lines)."""
    if lines is None:
        return found
    moved = []
    for d in found:
        line, column = lines.position(d.span.line - 1, d.span.column - 1)
        moved.append(d._replace(span=d.span._replace(line=line + 1, column=column + 1)))
    return moved


def _surrogate(text: str, exc: UnicodeEncodeError, file: str) -> Diagnostic:
    """libyaml reads UTF-8: only a str from a caller can hold a lone surrogate."""
    offset = exc.start
    span = Span(file, *offset_position(text, offset))
    return error("encoding", f"text holds a lone surrogate (U+{ord(text[offset]):04X}), which "
                 "UTF-8 cannot encode", span)


def _fail(code: str, message: str, span: Span) -> ReadResult:
    return ReadResult(diagnostics=[error(code, message, span)])


def _is_null(node: Node) -> bool:
    return node.id == "scalar" and kind(node) == "null"


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC: composing allocates millions of objects and no cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Scalar:
    """A composed scalar: only what the builder reads (see :func:`_lean_nodes`)."""

    __slots__ = ("end_mark", "start_mark", "style", "tag", "value")
    id = "scalar"

    def __init__(self, tag: str, value: str, start_mark: Any, end_mark: Any,
                 style: str | None = None) -> None:
        self.tag, self.value, self.start_mark, self.end_mark, self.style = (
            tag, value, start_mark, end_mark, style)


class _Collection:
    __slots__ = ("end_mark", "flow_style", "start_mark", "tag", "value")
    style = None

    def __init__(self, tag: str, value: list[Any], start_mark: Any, end_mark: Any,
                 flow_style: bool | None = None) -> None:
        self.tag, self.value, self.start_mark, self.end_mark, self.flow_style = (
            tag, value, start_mark, end_mark, flow_style)


class _Sequence(_Collection):
    """A composed sequence; ``value`` is the list of item nodes."""

    __slots__ = ()
    id = "sequence"


class _Mapping(_Collection):
    """A composed mapping; ``value`` is the list of (key node, value node) pairs."""

    __slots__ = ()
    id = "mapping"


@contextmanager
def _lean_nodes() -> Iterator[None]:
    """Have libyaml's composer build argmap's slim node classes while composing.

    ruamel.yaml.clib's composer (Cython) creates nodes through the names
    ``ScalarNode``, ``SequenceNode`` and ``MappingNode`` of its module. ruamel's
    own classes run two Python ``__init__`` frames per node and wrap every
    tag in an object; the slim ones run one and keep the tag as a string,
    which takes a quarter off composing a big map (benchmarks/README.md). The
    names are put back afterwards, so other users of ruamel see no change;
    ``test_loader`` pins that the composer still builds through them.
    """
    import _ruamel_yaml

    names = ("ScalarNode", "SequenceNode", "MappingNode")
    saved = [getattr(_ruamel_yaml, name) for name in names]
    for name, lean in zip(names, (_Scalar, _Sequence, _Mapping), strict=True):
        setattr(_ruamel_yaml, name, lean)
    try:
        yield
    finally:
        for name, original in zip(names, saved, strict=True):
            setattr(_ruamel_yaml, name, original)


def lean_parser(text: str) -> Any:
    """libyaml's parser as the loader drives it (see :func:`_parser`), for the edit layer."""
    return _parser(text)


def lean_nodes() -> Any:
    """The context in which that parser composes argmap's slim nodes (:func:`_lean_nodes`)."""
    return _lean_nodes()


def _parser(text: str) -> Any:
    """libyaml's parser with a lean resolver, so nodes carry tags and marks.

    ruamel's own Resolver makes three Python calls per node (resolve,
    descend, ascend) and wraps every tag in an object; this one answers from
    the same table of implicit resolvers with one call and plain strings
    (benchmarks/README.md). Path resolvers, which maps never use, are dropped.
    """
    from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]

    table = _implicit_tags()
    str_tag, seq_tag, map_tag = ("tag:yaml.org,2002:" + k for k in ("str", "seq", "map"))

    class _Loader(CParser):  # type: ignore[misc]
        # libyaml's composer calls these path-resolver hooks around every node.
        # Maps use no path resolvers, and a C built-in that ignores what it is
        # given costs less than a Python no-op (twice per node; 5-10% of
        # composing, benchmarks/README.md).
        descend_resolver = staticmethod(operator.is_)  # (parent, index) -> ignored
        ascend_resolver = staticmethod(tuple)  # () -> ignored

        def resolve(self, kind: Any, value: str, implicit: tuple[bool, bool]) -> str:
            if kind is _Scalar:
                if implicit[0]:
                    for tag, match in table.get(value[:1], ()):
                        if match(value):
                            return tag
                return str_tag
            return seq_tag if kind is _Sequence else map_tag

    return _Loader(text)


def plain_tag(value: str) -> str:
    """The tag the loader's resolver gives a plain scalar (see :func:`_parser`)."""
    for tag, match in _implicit_tags().get(value[:1], ()):
        if match(value):
            return tag
    return "tag:yaml.org,2002:str"


@functools.cache
def _implicit_tags() -> Table:
    """First character -> (tag, match) for each implicit resolver (YAML 1.2's table)."""
    from ruamel.yaml.resolver import Resolver

    # ruamel wraps each pattern in a lazy proxy that costs two Python calls
    # per use; keep the compiled pattern's own match method instead.
    return {first: [(str(tag), regexp.match) for tag, regexp in resolvers]
            for first, resolvers in Resolver.yaml_implicit_resolvers.items()}


def _compose(text: str, file: str) -> tuple[list[Node], Diagnostic | None]:
    """Compose all documents; stop at the first syntax error and report it."""
    from ruamel.yaml.error import YAMLError

    nodes: list[Node] = []
    try:
        parser = _parser(text)
    except UnicodeEncodeError as exc:
        return nodes, _surrogate(text, exc, file)
    try:
        with _lean_nodes():
            while parser.check_node():
                nodes.append(parser.get_node())
    except YAMLError as exc:
        return nodes, syntax_diagnostic(exc, text, file)
    except RecursionError:
        return nodes, error("too-deep", "YAML nested too deeply to read", Span(file, 1, 1))
    return nodes, None


def _alias_diagnostics(text: str, file: str) -> list[Diagnostic]:
    """Point at every YAML alias: maps must not share nodes (see docs/format.md)."""
    parser = _parser(text)
    found = []
    while True:
        token = parser.get_token()
        name = type(token).__name__
        if name == "AliasToken":
            mark = token.start_mark
            found.append(error("alias", "YAML aliases (*name) are not allowed in maps: write the "
                               "value out, or give the statement an `id` and use `ref`",
                               Span(file, mark.line + 1, mark.column + 1)))
        if name == "StreamEndToken":
            return found


def _duplicate_map_ids(maps: list[ArgumentMap]) -> Iterator[Diagnostic]:
    seen: dict[str, ArgumentMap] = {}
    for m in maps:
        if m.id in seen:
            yield error("duplicate-map-id", f"map id '{m.id}' is already used by the map on "
                        f"line {seen[m.id].span.line}", m.span)
        seen.setdefault(m.id, m)
