"""``argmap search``: evidence search over a project with SQLite FTS5 (standard library).

Every statement's text and ``by``, every citation's quote, every source's title,
authors and publisher, and every tag and note is a row: what it says, its kind,
the address of what it belongs to (``MAP-ID/ID``) and where it is written. The
index lives in the project's cache directory (``cache-dir``, ``.argmap-cache``)
and is brought up to date before each query, re-reading only the files whose
size or modification time changed. The ``unicode61`` tokenizer with
``remove_diacritics 2`` makes matching case- and accent-insensitive; results are
ranked by BM25. Updates run in one ``BEGIN IMMEDIATE`` transaction: two runs at
once take turns (SQLite's lock), and a run that is killed leaves the last index.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from argmap.errors import ArgmapError, UsageError
from argmap.model import ArgumentMap
from argmap.project.load import Project
from argmap.readers import load_path

#: what ``--in`` takes -> the kinds of rows it searches
SCOPES: dict[str, tuple[str, ...]] = {
    "text": ("text", "by", "note"),
    "quotes": ("quote",),
    "sources": ("source",),
    "tags": ("tag",),
}
#: bump when the rows change, so an old index is rebuilt
SCHEMA = 1
_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS files (id INTEGER PRIMARY KEY, path TEXT UNIQUE, stamp TEXT);
CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, file INTEGER, kind TEXT,
    address TEXT, line INTEGER, body TEXT);
CREATE INDEX IF NOT EXISTS rows_file ON rows(file);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(body, content='rows', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS rows_in AFTER INSERT ON rows BEGIN
    INSERT INTO fts(rowid, body) VALUES (new.id, new.body); END;
CREATE TRIGGER IF NOT EXISTS rows_out AFTER DELETE ON rows BEGIN
    INSERT INTO fts(fts, rowid, body) VALUES ('delete', old.id, old.body); END;
"""


class Hit(NamedTuple):
    """One search result."""

    address: str  # MAP-ID/ID of the statement or source
    kind: str  # text, by, note, quote, source, tag
    file: str
    line: int
    text: str
    rank: float  # BM25: lower is better


def search(project: Project, query: str, scopes: Sequence[str] = (), limit: int = 20,
           under: Sequence[Path] = ()) -> list[Hit]:
    """The best ``limit`` hits for ``query`` in the project, the index updated first.

    ``query``: words (all must occur) and "quoted phrases"; ``scopes`` are ``--in``'s
    (none: everything); ``under`` keeps hits in files below those paths.

    Raises:
        UsageError: for an empty query or an unknown scope.
        ArgmapError: if the index cannot be written (its folder is read-only).
    """
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown:
        raise UsageError(f"unknown --in '{unknown[0]}'; use one of {', '.join(SCOPES)}")
    match = fts_query(query)
    with _open(project) as db:
        update(project, db)
        kinds = [k for s in scopes for k in SCOPES[s]]
        sql = ("SELECT rows.address, rows.kind, files.path, rows.line, rows.body, fts.rank "
               "FROM fts JOIN rows ON rows.id = fts.rowid JOIN files ON files.id = rows.file "
               "WHERE fts MATCH ?")
        args: list[object] = [match]
        if kinds:
            sql += f" AND rows.kind IN ({','.join('?' * len(kinds))})"
            args += kinds
        root = project.root
        prefixes = [os.path.relpath(p.absolute(), root) for p in under]
        if prefixes and "." not in prefixes:
            sql += " AND (" + " OR ".join("files.path = ? OR files.path LIKE ?"
                                          for _ in prefixes) + ")"
            for p in prefixes:
                args += [p, p.rstrip("/") + "/%"]
        sql += " ORDER BY fts.rank, rows.id LIMIT ?"
        args.append(limit)
        return [Hit(a, k, _shown(root / f), line, body, rank)
                for a, k, f, line, body, rank in db.execute(sql, args)]


def fts_query(query: str) -> str:
    """The FTS5 expression for what a user types: every word and "quoted phrase" must
    occur (each quoted for FTS5, so ``-`` or ``*`` in a word is just text).

    Raises:
        UsageError: if the query has no word.
    """
    # control characters are no text anyone searches for, and SQLite ends a string at NUL
    query = re.sub(r"[\x00-\x1f\x7f]", " ", query)
    parts = re.findall(r'"([^"]*)"|(\S+)', query)
    terms = [(phrase or word).replace('"', "") for phrase, word in parts]
    terms = [t for t in terms if re.search(r"\w", t)]
    if not terms:
        raise UsageError("the query has no word to search for")
    return " AND ".join(f'"{t}"' for t in terms)


class _open:
    """The project's index, made if missing (a context manager that closes it)."""

    def __init__(self, project: Project) -> None:
        folder = project.file.cache_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():  # derived files: never committed (as ruff's cache)
                ignore.write_text("# made by argmap search\n*\n", encoding="utf-8")
            self.db = sqlite3.connect(folder / "search.sqlite3", timeout=60,
                                      isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            if self.db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
                self.db.executescript("BEGIN IMMEDIATE; DROP TABLE IF EXISTS fts; "
                                      "DROP TABLE IF EXISTS rows; DROP TABLE IF EXISTS files; "
                                      f"{_SCHEMA_SQL} PRAGMA user_version={SCHEMA}; COMMIT;")
        except (OSError, sqlite3.Error) as exc:
            raise ArgmapError(f"cannot keep the search index in {folder}: {exc}; set "
                              "cache-dir in argmap.toml to a folder argmap may write") from None

    def __enter__(self) -> sqlite3.Connection:
        return self.db

    def __exit__(self, *exc: object) -> None:
        self.db.close()


def update(project: Project, db: sqlite3.Connection) -> int:
    """Bring the index up to date with the project's files; return how many were read."""
    relative = project.relative
    where = {relative[path]: path for paths in project.files().values() for path in paths}
    now = {name: _stamp(path) for name, path in where.items()}
    known = dict(db.execute("SELECT path, stamp FROM files"))
    stale = [p for p, stamp in now.items() if known.get(p) != stamp]
    gone = [p for p in known if p not in now]
    if not stale and not gone:
        return 0
    db.execute("BEGIN IMMEDIATE")  # waits for another run's update, then re-reads
    try:
        known = dict(db.execute("SELECT path, stamp FROM files"))
        for path in gone:
            _drop(db, path)
        read = 0
        for path in stale:
            if known.get(path) == now[path]:
                continue  # another run indexed it meanwhile
            _drop(db, path)
            file_id = db.execute("INSERT INTO files(path, stamp) VALUES (?, ?)",
                                 (path, now[path])).lastrowid
            db.executemany("INSERT INTO rows(file, kind, address, line, body) "
                           "VALUES (?, ?, ?, ?, ?)",
                           ((file_id, *row) for row in _rows(project, where[path])))
            read += 1
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return read


def _drop(db: sqlite3.Connection, path: str) -> None:
    found = db.execute("SELECT id FROM files WHERE path = ?", (path,)).fetchone()
    if found is not None:
        db.execute("DELETE FROM rows WHERE file = ?", found)
        db.execute("DELETE FROM files WHERE id = ?", found)


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "gone"
    return f"{st.st_size}:{st.st_mtime_ns}"


def _rows(project: Project, path: str) -> Iterator[tuple[str, str, int, str]]:
    """The index rows of one file: (kind, address, line, text)."""
    real = os.path.realpath(path)
    if not project.inside(real):
        return
    for argmap in load_path(Path(path), project.max_bytes).maps:
        yield from map_rows(argmap)


def map_rows(argmap: ArgumentMap) -> Iterator[tuple[str, str, int, str]]:
    """What one map contributes to the index."""
    m = argmap.id
    for s in argmap.walk():
        if s.ref is not None or s.premises:
            continue
        address = f"{m}/{s.address}"
        line = s.span.line
        if s.text:
            yield "text", address, line, s.text
        if s.by:
            yield "by", address, line, s.by
        if s.note:
            yield "note", address, line, s.note
        for tag in s.tags:
            yield "tag", address, line, tag
        for c in s.cites:
            if c.quote:
                yield "quote", address, c.span.line, c.quote
    for source in argmap.sources.values():
        words = " ".join([source.title, *source.author, source.publisher or ""]).strip()
        yield "source", f"{m}/{source.id}", source.span.line, words
    for tag in argmap.tags:
        yield "tag", m, argmap.span.line, tag
