"""``argmap rename OLD NEW``: an id, a source id or a map id, renamed with every name of it
in the project, every other byte of every file kept as it was, all files or none.

The loader knows where each name is written (the span of each `id`, `ref`, citation
and source key), so the rename replaces exactly those scalars: a plain scalar, or the
inside of a quoted one. A map's id is its `id:` value, or, when it has none, its
file's name: then the file is renamed too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from argmap.errors import UsageError
from argmap.files.write import write_files
from argmap.model import SLUG_RE, ArgumentMap, Span, split_name
from argmap.project.load import Project


@dataclass(frozen=True)
class Change:
    """One name replaced: in ``file``, on 1-based ``line``, from the 0-based code-point
    column ``start`` of the name itself (inside any quotes)."""

    file: str
    line: int
    start: int
    old: str
    new: str
    #: whether it is where the name is defined (an ``id`` or a key under ``sources``)
    definition: bool = False


@dataclass
class Renamed:
    """What a rename changes: each file's new bytes, each name replaced, and a file to
    move (a map id)."""

    files: dict[str, bytes] = field(default_factory=dict)
    places: int = 0
    move: tuple[str, str] | None = None
    changes: list[Change] = field(default_factory=list)


def rename(project: Project, old: str, new: str) -> Renamed:
    """Rename ``old`` (``MAP-ID/ID``, an ``ID`` one map has, or a ``MAP-ID``) to ``new``
    in every map of the project, and write the files (all or none).

    Raises:
        UsageError: if ``old`` names nothing or several things, ``new`` is not a slug or
            is taken, or a file changed in a way the rename cannot place.
    """
    done = plan(project, old, new)
    write_files([(Path(name), data) for name, data in done.files.items()])
    if done.move is not None:
        os.rename(*done.move)
    return done


def plan(project: Project, old: str, new: str) -> Renamed:
    """What :func:`rename` would write, written nowhere (the language server sends it to
    the editor as one edit). Files with unsaved texts (``project.texts``) are renamed in
    those texts.

    Raises:
        UsageError: as :func:`rename`.
    """
    if not SLUG_RE.match(new):
        raise UsageError(f"'{new}' is not a valid id (lower-case letters, digits, '-', '_', "
                         "'.'; starting with a letter or digit)")
    maps = project.read_all()  # the whole project: any map may name it
    map_id, local = split_name(old)
    if map_id is None and local in maps:
        edits, move = _rename_map(project, maps, local, new)
    else:
        home = _home(maps, map_id, local)
        edits, move = _rename_id(maps, home, local, new), None
    done = _apply(project, edits, move)
    _still_valid(project, done)
    return done


def uses(project: Project, map_id: str, name: str) -> list[Change]:
    """Every place that names statement or source ``name`` of map ``map_id`` in the
    project (its definition included), as a rename would find them; none if the map
    has no such statement or source. ``old`` and ``new`` of each are as written there.

    Raises:
        UsageError: if a file changed while it was read.
    """
    maps = project.read_all()
    home = maps.get(map_id)
    if home is None or (name not in _ids(home) and name not in home.sources):
        return []
    defining = {(s.id_span.file, s.id_span.line, s.id_span.column) for s in home.walk()
                if s.id == name and s.id_span is not None}
    if name in home.sources:
        span = home.sources[name].span
        defining.add((span.file, span.line, span.column))
    return _apply(project, _id_edits(maps, home, name, name), None, defining).changes


def _still_valid(project: Project, done: Renamed) -> None:
    """Refuse a rename that would give a file an error it did not have (``c1`` as an id)."""
    from argmap.rules.format import check_text

    for name, data in done.files.items():
        before = {(d.code, d.message)
                  for d in check_text(project.read(name).decode("utf-8"), name)}
        new = [d for d in check_text(data.decode("utf-8"), name)
               if d.severity.value == "error" and (d.code, d.message) not in before]
        if new:
            raise UsageError(f"nothing renamed: {name} would not be valid: {new[0]}")


def _home(maps: dict[str, ArgumentMap], map_id: str | None, local: str) -> ArgumentMap:
    if map_id is not None:
        if map_id not in maps:
            raise UsageError(f"no map '{map_id}' in the project")
        return maps[map_id]
    having = [m for m in maps.values() if local in _ids(m) or local in m.sources]
    if not having:
        raise UsageError(f"no map, statement or source '{local}' in the project")
    if len(having) > 1:
        names = ", ".join(f"{m.id}/{local}" for m in having)
        raise UsageError(f"'{local}' is an id in several maps; say which: {names}")
    return having[0]


def _ids(argmap: ArgumentMap) -> set[str]:
    return {s.id for s in argmap.walk() if s.id is not None}


#: one edit: (file, 1-based line, 1-based column, the text written there, its replacement)
Edit = tuple[str, int, int, str, str]


def _rename_id(maps: dict[str, ArgumentMap], home: ArgumentMap, old: str, new: str
               ) -> list[Edit]:
    source = old in home.sources
    statement = old in _ids(home)
    if not source and not statement:
        raise UsageError(f"map '{home.id}' has no statement or source '{old}'")
    if (statement and new in _ids(home)) or (source and new in home.sources):
        raise UsageError(f"map '{home.id}' already has '{new}'; choose another name")
    return _id_edits(maps, home, old, new)


def _id_edits(maps: dict[str, ArgumentMap], home: ArgumentMap, old: str, new: str
              ) -> list[Edit]:
    """Where ``old``, a statement's or source's id in ``home``, is written, to be ``new``."""
    source = old in home.sources
    statement = old in _ids(home)
    edits: list[Edit] = []
    if statement:
        edits += [_at(s.id_span, old, new) for s in home.walk()
                  if s.id == old and s.id_span is not None]
    if source:
        edits.append(_at(home.sources[old].span, old, new))
    for m in maps.values():
        for span, name, kind in _names(m):
            if (kind == "ref" and not statement) or (kind == "source" and not source):
                continue
            if m.id == home.id and name == old:
                edits.append(_at(span, old, new))
            elif name == f"{home.id}/{old}":
                edits.append(_at(span, name, f"{home.id}/{new}"))
    return edits


def _rename_map(project: Project, maps: dict[str, ArgumentMap], old: str, new: str
                ) -> tuple[list[Edit], tuple[str, str] | None]:
    if new in maps:
        raise UsageError(f"the project already has a map '{new}'; choose another name")
    home = maps[old]
    edits: list[Edit] = []
    move = None
    declared = _declared_id(project, home)
    if declared is not None:
        edits.append((home.span.file, declared.line, declared.column, old, new))
    else:
        path = Path(home.span.file)
        target = path.with_name(new + path.suffix)
        if target.exists():
            raise UsageError(f"map '{old}' takes its id from its file's name, and {target} "
                             "exists already")
        move = (str(path), str(target))
    for m in maps.values():
        for span, name, _ in _names(m):
            if split_name(name)[0] == old:
                edits.append(_at(span, name, f"{new}/{split_name(name)[1]}"))
    return edits, move


def _names(argmap: ArgumentMap) -> Iterator[tuple[Span, str, str]]:
    for s in argmap.walk():
        if s.ref is not None:
            yield s.span, s.ref, "ref"
        for c in s.cites:
            yield c.span, c.source, "source"


def _declared_id(project: Project, argmap: ArgumentMap) -> Span | None:
    """Where the map's own `id:` value is written, if it has one (found in its lines)."""
    import re

    lines = project.read(argmap.span.file).decode("utf-8").splitlines()
    pattern = re.compile(r"id:[ \t]*(['\"]?)" + re.escape(argmap.id) + r"\1[ \t]*(#.*)?$")
    for number in range(argmap.span.line - 1, len(lines)):
        line = lines[number]
        if line.startswith("---") and number > argmap.span.line - 1:
            break
        found = pattern.match(line)
        if found:
            return Span(argmap.span.file, number + 1, found.start(1) + 1)
    return None


def _at(span: Span, old: str, new: str) -> Edit:
    return (span.file, span.line, span.column, old, new)


def _apply(project: Project, edits: list[Edit], move: tuple[str, str] | None,
           defining: set[tuple[str, int, int]] | None = None) -> Renamed:
    """Each file with its edits made, right to left so earlier columns stay valid;
    ``defining`` says which places (file, line, column) are definitions."""
    done = Renamed(move=move)
    by_file: dict[str, list[Edit]] = {}
    for edit in edits:
        by_file.setdefault(edit[0], []).append(edit)
    for name, found in sorted(by_file.items()):
        lines = project.read(name).decode("utf-8").split("\n")
        changes = []
        for _, line, column, old, new in sorted(set(found), key=lambda e: (e[1], e[2]),
                                                 reverse=True):
            text = lines[line - 1]
            start = column - 1
            if text[start:start + 1] in ("'", '"'):
                start += 1
            if text[start:start + len(old)] != old:
                raise UsageError(f"{name}:{line}:{column}: expected '{old}' there; the file "
                                 "changed while it was read: nothing was written")
            lines[line - 1] = text[:start] + new + text[start + len(old):]
            changes.append(Change(name, line, start, old, new,
                                  (name, line, column) in (defining or ())))
            done.places += 1
        done.changes.extend(reversed(changes))
        done.files[name] = "\n".join(lines).encode("utf-8")
    return done
