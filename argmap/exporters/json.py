"""argmap JSON (``-f json``): the graph as versioned, documented JSON (docs/json.md).

One object with the keys ``argmap_json`` (the version, :data:`VERSION`), ``map``, ``claims``,
``statements``, ``links`` and ``sources``, in that order; every record has all
its keys, ``null`` when unset, so ``jq`` paths never need ``?`` (one exception: a
statement's ``origin``, the identifier an imported map's source format gave it, is
written only when there is one, so the export of a YAML map is as before). Statements
and links are arrays in file order, one record per line: readable, diffable,
and written by the C encoder one record at a time (an indented dump runs the
pure-Python encoder, several times slower on big maps).

The schema is :func:`json_export_schema` (``argmap schema --json-export``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from argmap.exporters import ExportOptions
from argmap.graph import ArgumentGraph, GStatement
from argmap.model import MAX_WEIGHT, MIN_WEIGHT, Relation

#: 2 since format 1.1: a link's ``premises`` may hold several statements that bear on
#: the target only together, which a reader of version 1 would take for one premise
VERSION = 2
_LINK, _STATEMENT = '"link"', '"statement"'
_SPEECH = '"speech": '

_dumps = json.JSONEncoder(ensure_ascii=False, check_circular=False,
                          separators=(", ", ": ")).encode
#: a str as a JSON string, keeping non-ASCII (the C function behind ensure_ascii=False)
_string: Callable[[str], str] = getattr(json.encoder, "c_encode_basestring", None) or _dumps


def export(graph: ArgumentGraph, options: ExportOptions) -> str:
    """The JSON text of one (possibly cut) map."""
    del options  # nothing to choose: the export is the whole graph
    numbers = graph.numbers()
    undercut = Relation.UNDERCUT
    head: dict[str, object] = {
        "id": graph.id, "question": graph.question, "context": graph.context,
        "tags": list(graph.tags), "file": graph.span.file, "focus": graph.focus}
    if graph.sides:  # format 1.2, only when set: older readers see the export unchanged
        head["sides"] = list(graph.sides)
    if graph.semantics is not None:
        head["semantics"] = graph.semantics
    if graph.format is not None:
        head["format"] = graph.format
    if graph.speeches:
        head["speeches"] = [{"name": s.name, "side": s.side, "minutes": s.minutes}
                            for s in graph.speeches]
    if graph.marked and any(c.quote and any(m in c.quote for m in ("==", "__", "**", "\\"))
                            for s in graph.statements.values() for c in s.cites):
        head["marked"] = True  # format 1.2: the quotes carry markup (``==read==``)
    q = _string
    join = ", ".join
    schemes = _questions(graph)
    # every link of a map is in the map's file: its name is encoded once
    file, quoted_file = graph.span.file, q(graph.span.file)
    hidden = graph.hidden
    records = _statements(graph.statements.values(), numbers, hidden, False, file)
    records += _statements(graph.outside.values(), numbers, {}, True, None)
    relations = {relation: f'{_LINK if relation is undercut else _STATEMENT}, '
                           f'"relation": "{relation.value}"' for relation in Relation}
    links = []
    for key, premises, target, relation, weight, address, span, ref, id_, note, tags, \
            speech, scheme in graph.links:
        links.append(
            f'{{"key": {q(key)}, "id": {"null" if id_ is None else q(id_)}, '
            f'"premises": [{q(premises[0]) if len(premises) == 1 else join(map(q, premises))}], '
            f'"target": {q(target)}, "target_kind": {relations[relation]}, '
            f'"weight": {"null" if weight is None else weight}, '
            f'"address": {q(address)}, "ref": {"true" if ref else "false"}, '
            f'"tags": {_dumps(list(tags)) if tags else "[]"}, '
            f'"note": {"null" if note is None else q(note)}, '
            f'{"" if scheme is None else _scheme(key, scheme, schemes)}'
            f'{"" if speech is None else f"{_SPEECH}{q(speech)}, "}'
            f'"file": {quoted_file if span.file == file else q(span.file)}, '
            f'"line": {span.line}, "column": {span.column}}}')
    sources = [_dumps({"id": source_id, "number": numbers.get(source_id),
                       "title": s.title, "author": list(s.author), "publisher": s.publisher,
                       "date": s.date, "url": s.url, "accessed": s.accessed, "kind": s.kind,
                       "note": s.note,
                       # format 1.2, only when set: older readers see the export unchanged
                       **{k: v for k, v in (("quals", s.quals), ("short", s.short)) if v}})
               for source_id, s in graph.sources.items()]
    return "".join([
        f'{{\n  "argmap_json": {VERSION},\n  "map": {_dumps(head)},\n',
        f'  "claims": {_dumps(list(graph.claims))},\n',
        *_array("statements", records), ",\n",
        *_array("links", links), ",\n",
        *_array("sources", sources), "\n}\n",
    ])


def _questions(graph: ArgumentGraph) -> dict[str, str]:
    """Link key -> its critical questions as JSON (format 1.2; none without a scheme)."""
    if not any(link.scheme for link in graph.links):
        return {}
    from argmap.analysis.questions import asked

    return {key: _dumps([{"id": item.question.id, "kind": item.question.kind,
                          "open": item.open, "answered_by": list(item.answers)}
                         for item in questions])
            for key, questions in asked(graph).items()}


def _scheme(key: str, scheme: str | None, questions: dict[str, str]) -> str:
    """A link's `"scheme"` and `"questions"` fields, only when it names a scheme."""
    if scheme is None:
        return ""
    return f'"scheme": {_string(scheme)}, "questions": {questions.get(key, "[]")}, '


def _statements(statements: Iterable[GStatement], numbers: dict[str, int],
                hidden: dict[str, int], outside: bool, file: str | None) -> list[str]:
    """The statement records, written field by field: the hot loop of this export.

    Each string goes through the C string encoder on its own, which is twice as
    fast as building a dict per statement and encoding that; so do citations. Each
    record is unpacked at once (GStatement's field order), and the name of ``file``,
    where most statements are written, is encoded once.
    """
    q = _string
    quoted_file = q(file) if file is not None else ""
    records = []
    for key, id_, path, text, by, tags, note, cites, span, is_claim, link, _, origin, side, \
            speech, answers in statements:
        cited = "[]" if outside or not cites else "[" + ", ".join(
            f'{{"number": {_number(numbers.get(c.source))}, "source": {q(c.source)}, '
            f'"quote": {"null" if c.quote is None else q(c.quote)}, '
            f'"locator": {"null" if c.locator is None else q(c.locator)}}}'
            for c in cites) + "]"
        extra = "" if origin is None else f'"origin": {q(origin)}, '
        if side is not None:  # format 1.2: a claim's side, only when set
            extra += f'"side": {q(side)}, '
        if answers:  # format 1.2: the critical questions it raises or settles
            extra += f'"answers": {_dumps(list(answers))}, '
        if speech is not None:  # format 1.2: the speech it was first said in
            extra += f'{_SPEECH}{q(speech)}, '
        records.append(
            f'{{"key": {q(key)}, "id": {"null" if id_ is None else q(id_)}, {extra}'
            f'"path": {q(path)}, "text": {q(text)}, '
            f'"by": {"null" if by is None else q(by)}, '
            f'"tags": {_dumps(list(tags)) if tags else "[]"}, '
            f'"note": {"null" if note is None else q(note)}, '
            f'"claim": {"true" if is_claim else "false"}, "citations": {cited}, '
            f'"link": {"null" if link is None else q(link)}, '
            f'"hidden": {hidden.get(key, 0) if hidden else 0}, '
            f'"outside": {"true" if outside else "false"}, '
            f'"file": {quoted_file if span.file == file else q(span.file)}, '
            f'"line": {span.line}, "column": {span.column}}}')
    return records


def _number(value: int | None) -> str:
    return "null" if value is None else str(value)


def _array(name: str, records: list[str]) -> list[str]:
    """The pieces of one array, one record a line (joined once, with the rest)."""
    if not records:
        return [f'  "{name}": []']
    return [f'  "{name}": [\n    ', ",\n    ".join(records), "\n  ]"]


def json_export_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of ``argmap render -f json``."""
    text = {"type": "string"}
    maybe_text = {"type": ["string", "null"]}
    key = {"type": "string", "minLength": 1}
    count = {"type": "integer", "minimum": 0}
    where = {"file": text, "line": {"type": "integer", "minimum": 1},
             "column": {"type": "integer", "minimum": 1}}

    def record(description: str, properties: dict[str, Any],
               optional: tuple[str, ...] = ()) -> dict[str, Any]:
        return {"type": "object", "description": description, "properties": properties,
                "required": [k for k in properties if k not in optional],
                "additionalProperties": False}

    citation = record("One citation of a source by a statement.", {
        "number": {"type": ["integer", "null"], "minimum": 1,
                   "description": "the source's number in this export"},
        "source": key, "quote": maybe_text, "locator": maybe_text})
    statement = record("A claim or premise, once however often it is ref-ed.", {
        "key": {**key, "description": "unique key: the id, else the path"},
        "id": {"type": ["string", "null"], "description": "the author's explicit id"},
        "origin": {**text, "description": "the identifier the source format gave this "
                                          "statement (AIF node id, Kialo number, Argdown "
                                          "title); only in imported maps, absent otherwise"},
        "path": {**text, "description": "derived path of the position it is written at"},
        "text": text, "by": maybe_text, "tags": {"type": "array", "items": text},
        "note": maybe_text, "claim": {"type": "boolean"},
        "citations": {"type": "array", "items": citation},
        "link": {"type": ["string", "null"],
                 "description": "key of the link at its written position; null for a claim"},
        "hidden": {**count, "description": "positions --depth left out below it"},
        "outside": {"type": "boolean",
                    "description": "cut away by --focus/--depth; here because a link names it"},
        "side": {**text, "description": "format 1.2: a claim's side; absent when none"},
        "answers": {"type": "array", "items": text, "minItems": 1,
                    "description": "format 1.2: the critical questions of the step above "
                                   "that it raises or settles; absent when none"},
        "speech": {**text, "description": "format 1.2: the speech it was first said in; "
                                          "absent when none"},
        **where}, optional=("origin", "side", "answers", "speech"))
    link = record("Premises bearing on a statement (pro, con) or on a link (undercut); "
                  "several premises are a linked argument: they bear only together.", {
        "key": {**key, "description": "l1, l2, ... in file order"},
        "id": {"type": ["string", "null"],
               "description": "a linked argument's own id (the author's); null otherwise"},
        "premises": {"type": "array", "items": key, "minItems": 1,
                     "description": "statement keys; two or more: a linked argument"},
        "target": {**key, "description": "a statement key, or for an undercut a link key"},
        "target_kind": {"enum": ["statement", "link"]},
        "relation": {"enum": ["pro", "con", "undercut"]},
        "weight": {"type": ["integer", "null"], "minimum": MIN_WEIGHT, "maximum": MAX_WEIGHT},
        "address": {**text, "description": "derived path of this position"},
        "ref": {"type": "boolean",
                "description": "the premise is written elsewhere (for a linked argument: "
                               "every premise is)"},
        "tags": {"type": "array", "items": text,
                 "description": "a linked argument's tags; [] otherwise"},
        "note": {**maybe_text, "description": "a linked argument's note; null otherwise"},
        "scheme": {**text, "description": "format 1.2: the argument scheme of the step "
                                          "(argmap schemes); absent when none"},
        "questions": {"type": "array", "description": "format 1.2, with scheme: its "
                      "critical questions, each open or answered by statement keys",
                      "items": record("One critical question of the step's scheme.", {
                          "id": text, "kind": {"enum": ["assumption", "exception"]},
                          "open": {"type": "boolean"},
                          "answered_by": {"type": "array", "items": key}})},
        "speech": {**text, "description": "format 1.2: the speech the step was made in (for "
                                          "a ref: said again, an extension); absent when none"},
        **where}, optional=("scheme", "questions", "speech"))
    source = record("A work listed in the map's sources.", {
        "id": key, "number": {"type": ["integer", "null"], "minimum": 1,
                              "description": "its citation number; null if not cited"},
        "title": text, "author": {"type": "array", "items": text}, "publisher": maybe_text,
        "date": maybe_text, "url": maybe_text, "accessed": maybe_text, "kind": maybe_text,
        "note": maybe_text,
        "quals": {**text, "description": "format 1.2: the author's qualifications; absent "
                  "when the source has none"},
        "short": {**text, "description": "format 1.2: the spoken cite as written; absent when "
                  "the source has none (the default applies)"}}, ("quals", "short"))
    document = record("One argument map, exported by argmap render -f json.", {
        "argmap_json": {"const": VERSION, "description": "version of this JSON format"},
        "map": record("The map itself.", {
            "id": key, "question": text, "context": maybe_text,
            "tags": {"type": "array", "items": text}, "file": text,
            "focus": {"type": ["string", "null"],
                      "description": "key of the --focus statement, if any"},
            "marked": {"const": True, "description": "format 1.2: the quotes carry markup "
                       "(==highlighted==, __underlined__, **emphasised**); absent otherwise"},
            "sides": {"type": "array", "items": text,
                      "description": "format 1.2: the map's sides; absent when none"},
            "semantics": {"enum": ["grounded", "weighed"],
                          "description": "format 1.2: the map's semantics; absent when unset"},
            "format": {**text, "description": "format 1.2: the debate format (a speech-order "
                                              "preset: policy, ld, pf, ...); absent when none"},
            "speeches": {"type": "array", "description": "format 1.2: the round's speeches "
                         "in order (the preset's, or the map's own); absent when none",
                         "items": record("One speech of the round.", {
                             "name": text, "side": maybe_text,
                             "minutes": {"type": ["number", "null"], "exclusiveMinimum": 0}})}},
            optional=("marked", "sides", "semantics", "format", "speeches")),
        "claims": {"type": "array", "items": key},
        "statements": {"type": "array", "items": {"$ref": "#/definitions/statement"}},
        "links": {"type": "array", "items": {"$ref": "#/definitions/link"}},
        "sources": {"type": "array", "items": {"$ref": "#/definitions/source"}},
    })
    return {"$schema": "http://json-schema.org/draft-07/schema#",
            "title": f"argmap JSON export, version {VERSION}", **document,
            "definitions": {"statement": statement, "link": link, "source": source}}


def json_export_schema_text() -> str:
    """The schema as shipped in ``schema/argmap-export.schema.json``."""
    return json.dumps(json_export_schema(), indent=2, ensure_ascii=False) + "\n"
