"""The records of argmap's JSON export, checked key by key, and where each one is.

:mod:`argmap.readers.json` builds the map; this module says whether a record
has the keys docs/json.md gives it, of the right types (a key the export
always writes but an older version lacked gets its default), and finds a
record's line and column: ``json`` keeps no positions, so :class:`Located`
walks the (valid) text with the decoder's ``raw_decode`` only when an error
needs a place.
"""

from __future__ import annotations

import json
import re
from typing import Any

from argmap.model import MAX_WEIGHT, MIN_WEIGHT, Span

_WS = re.compile(r"[ \t\n\r]*")
_decode = json.JSONDecoder().raw_decode
_REQUIRED = object()
_STRINGS = (list,)  # a list of strings
_TEXT = (str,)
_MAYBE = (str, type(None))
_WHERE = {"file": (_TEXT, _REQUIRED), "line": ((int,), _REQUIRED),
          "column": ((int,), _REQUIRED)}
_STATEMENT = {"key": (_TEXT, _REQUIRED), "id": (_MAYBE, None), "path": (_TEXT, _REQUIRED),
              "text": (_TEXT, _REQUIRED), "by": (_MAYBE, None), "tags": (_STRINGS, []),
              "note": (_MAYBE, None), "claim": ((bool,), _REQUIRED),
              "citations": ((list,), []), "link": (_MAYBE, None), "hidden": ((int,), 0),
              "outside": ((bool,), False), "side": (_MAYBE, None), "answers": (_STRINGS, []),
              "speech": (_MAYBE, None), **_WHERE}
_CITATION = {"source": (_TEXT, _REQUIRED), "quote": (_MAYBE, None), "locator": (_MAYBE, None)}
_LINK = {"key": (_TEXT, _REQUIRED), "id": (_MAYBE, None), "premises": (_STRINGS, _REQUIRED),
         "target": (_TEXT, _REQUIRED), "relation": (_TEXT, _REQUIRED),
         "weight": ((int, type(None)), None), "address": (_TEXT, _REQUIRED),
         "ref": ((bool,), False), "tags": (_STRINGS, []), "note": (_MAYBE, None),
         "scheme": (_MAYBE, None), "questions": ((list,), []), "speech": (_MAYBE, None),
         **_WHERE}
_SOURCE = {"id": (_TEXT, _REQUIRED), "title": (_TEXT, _REQUIRED), "author": (_STRINGS, []),
           **dict.fromkeys(("publisher", "date", "url", "accessed", "kind", "note", "quals",
                            "short"), (_MAYBE, None))}
_MAP = {"id": (_TEXT, _REQUIRED), "question": (_TEXT, _REQUIRED), "context": (_MAYBE, None),
        "tags": (_STRINGS, []), "file": (_TEXT, _REQUIRED), "focus": (_MAYBE, None),
        "sides": (_STRINGS, []), "semantics": (_MAYBE, None), "marked": ((bool,), False),
        "format": (_MAYBE, None), "speeches": ((list,), [])}
_SPEECH = {"name": (_TEXT, _REQUIRED), "side": (_MAYBE, None),
           "minutes": ((int, float, type(None)), None)}
_TYPE_NAMES = {str: "a string", int: "an integer", bool: "true or false", list: "a list",
               type(None): "null"}


class JsonError(Exception):
    """What makes a JSON text no argmap export, and which record (a key path) says so."""

    def __init__(self, message: str, where: tuple[str | int, ...]) -> None:
        super().__init__(message)
        self.message = message
        self.where = where


def check_record(value: Any, where: tuple[str | int, ...],
                 spec: dict[str, Any]) -> dict[str, Any]:
    """``value`` as a dict with every key of ``spec`` (key -> (types, default)), or raise."""
    name = ".".join(map(str, where))
    if not isinstance(value, dict):
        raise JsonError(f"`{name}` must be an object", where)
    out = dict(value)
    for key, (types, default) in spec.items():
        if key not in value:
            if default is _REQUIRED:
                raise JsonError(f"`{name}` has no `{key}` key", where)
            out[key] = default
            continue
        found = value[key]
        if not isinstance(found, types) or (isinstance(found, bool) and bool not in types):
            wanted = " or ".join(_TYPE_NAMES[t] for t in types)
            raise JsonError(f"`{name}.{key}` must be {wanted}, not {json.dumps(found)[:40]}",
                            where)
        if types is _STRINGS and not all(isinstance(item, str) for item in found):
            raise JsonError(f"`{name}.{key}` must be a list of strings", where)
    return out


def map_fields(value: Any) -> dict[str, Any]:
    """The ``map`` record: id, question, context, tags, file and focus (and format 1.2's
    sides, semantics, format and speeches, each checked)."""
    record = check_record(value, ("map",), _MAP)
    record["speeches"] = [check_record(s, ("map", "speeches", i), _SPEECH)
                          for i, s in enumerate(record["speeches"])]
    return record


def statement_fields(value: Any, where: tuple[str | int, ...]) -> dict[str, Any]:
    """A statement record, with its citations checked and its ``span``."""
    record = check_record(value, where, _STATEMENT)
    record["citations"] = [check_record(c, where, _CITATION) for c in record["citations"]]
    record["span"] = _span(record, where)
    return record


def link_fields(value: Any, where: tuple[str | int, ...]) -> dict[str, Any]:
    """A link record, with its relation, weight and premises checked, and its ``span``."""
    record = check_record(value, where, _LINK)
    name = ".".join(map(str, where))
    if record["relation"] not in ("pro", "con", "undercut"):
        raise JsonError(f"`{name}.relation` must be pro, con or undercut", where)
    if not record["premises"]:
        raise JsonError(f"`{name}.premises` names no statement", where)
    weight = record["weight"]
    if weight is not None and not MIN_WEIGHT <= weight <= MAX_WEIGHT:
        raise JsonError(f"`{name}.weight` must be {MIN_WEIGHT}-{MAX_WEIGHT} or null", where)
    record["span"] = _span(record, where)
    return record


def source_fields(value: Any, where: tuple[str | int, ...]) -> dict[str, Any]:
    """A source record."""
    return check_record(value, where, _SOURCE)


def _span(record: dict[str, Any], where: tuple[str | int, ...]) -> Span:
    if record["line"] < 1 or record["column"] < 1:
        raise JsonError(f"`{'.'.join(map(str, where))}`: line and column start at 1", where)
    return Span(record["file"], record["line"], record["column"])


class Located:
    """Where a record (a key path such as ``("links", 3)``) starts in a valid JSON text."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file

    def span(self, where: tuple[str | int, ...]) -> Span:
        """The 1-based line and column of the record, or of the document if not found."""
        try:
            offset = self._offset(where)
        except (ValueError, IndexError):  # a shape the walk does not know: the start
            offset = _WS.match(self.text).end()  # type: ignore[union-attr]
        line = self.text.count("\n", 0, offset) + 1
        return Span(self.file, line, offset - self.text.rfind("\n", 0, offset))

    def _offset(self, where: tuple[str | int, ...]) -> int:
        text = self.text
        i = _skip(text, 0)
        if not where or not text.startswith("{", i):
            return i
        i += 1
        while not text.startswith("}", i := _skip(text, i)):
            key, i = _decode(text, i)
            i = _skip(text, _skip(text, i) + 1)  # past the colon
            if key == where[0]:
                return i if len(where) == 1 else self._item(i, int(where[1]))
            i = _skip(text, _decode(text, i)[1])
            i += text.startswith(",", i)
        raise ValueError("no such key")

    def _item(self, i: int, index: int) -> int:
        text = self.text
        i = _skip(text, i + 1)  # past the bracket
        for _ in range(index):
            i = _skip(text, _skip(text, _decode(text, i)[1]) + 1)  # past the comma
        return i


def _skip(text: str, i: int) -> int:
    return _WS.match(text, i).end()  # type: ignore[union-attr]
