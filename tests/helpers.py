"""Test helpers: a model-to-YAML writer and a span-free projection of the model."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from argmap.model import ArgumentMap, Citation, Source, Statement


def plain(obj: Any) -> Any:
    """The model as plain data without positions (and the declared version, which says how
    a file is written, not what it says), for comparing two loads."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(obj) if f.compare)
        return {name: plain(getattr(obj, name)) for name in names
                if name not in ("span", "id_span")}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # the model's NamedTuples
        return {name: plain(getattr(obj, name)) for name in obj._fields
                if name not in ("span", "id_span")}
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    if isinstance(obj, (tuple, list)):
        return [plain(v) for v in obj]
    return obj.value if hasattr(obj, "value") and not isinstance(obj, str) else obj


def statement_doc(s: Statement) -> dict[str, Any]:
    """A statement (or linked argument) as the mapping a person would write."""
    doc: dict[str, Any]
    if s.ref is not None:
        return {"ref": s.ref}
    if s.premises:  # a linked argument (format 1.1)
        doc = {"premises": [statement_doc(p) for p in s.premises]}
        for key in ("id", "weight", "note"):
            if getattr(s, key) is not None:
                doc[key] = getattr(s, key)
        if s.tags:
            doc["tags"] = list(s.tags)
        if s.undercut:
            doc["undercut"] = [statement_doc(c) for c in s.undercut]
        return doc
    doc = {"text": s.text}
    if s.id is not None:
        doc["id"] = s.id
    for key in ("by", "note", "weight"):
        if getattr(s, key) is not None:
            doc[key] = getattr(s, key)
    if s.tags:
        doc["tags"] = list(s.tags)
    if s.cites:
        doc["cites"] = [citation_doc(c) for c in s.cites]
    for key in ("pro", "con", "undercut"):
        if getattr(s, key):
            doc[key] = [statement_doc(c) for c in getattr(s, key)]
    return doc


def citation_doc(c: Citation) -> Any:
    if c.quote is None and c.locator is None:
        return c.source
    doc: dict[str, Any] = {"source": c.source}
    if c.quote is not None:
        doc["quote"] = c.quote
    if c.locator is not None:
        doc["locator"] = c.locator
    return doc


def source_doc(s: Source) -> dict[str, Any]:
    doc: dict[str, Any] = {"title": s.title}
    if s.author:
        doc["author"] = list(s.author)
    for key in ("publisher", "date", "url", "accessed", "kind", "note"):
        if getattr(s, key) is not None:
            doc[key] = getattr(s, key)
    return doc


def map_doc(m: ArgumentMap) -> dict[str, Any]:
    """A map as the document a person would write."""
    linked = any(s.premises for s in m.walk())
    doc: dict[str, Any] = {"argmap": 1.1 if linked else 1, "id": m.id, "question": m.question}
    if m.context is not None:
        doc["context"] = m.context
    if m.tags:
        doc["tags"] = list(m.tags)
    doc["claims"] = [statement_doc(c) for c in m.claims]
    if m.sources:
        doc["sources"] = {k: source_doc(v) for k, v in m.sources.items()}
    return doc


def to_yaml(value: Any, indent: int = 0) -> str:
    """Block-style YAML with every string double-quoted (JSON quoting is valid YAML)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:\n{to_yaml(item, indent + 2)}")
            else:
                lines.append(f"{pad}{key}: {json.dumps(item, ensure_ascii=False)}\n")
    else:
        for item in value:
            if isinstance(item, dict):
                body = to_yaml(item, indent + 2)
                lines.append(f"{pad}- {body[indent + 2:]}")
            else:
                lines.append(f"{pad}- {json.dumps(item, ensure_ascii=False)}\n")
    return "".join(lines)


def ctrl_c_as_in_a_terminal() -> None:
    """``preexec_fn`` for a child that a test stops with SIGINT (Ctrl-C).

    A shell starts background jobs (CI runners among them) with SIGINT and
    SIGQUIT ignored (POSIX, for a shell without job control), children inherit
    that, and Python then sets up no KeyboardInterrupt at all: the test's
    Ctrl-C (or Ctrl-\\) would do nothing. A terminal's foreground job has the
    defaults, which this restores.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)
