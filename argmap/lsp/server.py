"""The language server: pygls over stdio, one :class:`Analysis` per open document version.

Diagnostics are published on open and save at once, and after a change once the
typing has paused for :data:`DEBOUNCE_S`. Requests analyse the text the editor
holds now, if that version has not been analysed yet. Completion falls back on
the last version that held a map, so a half-typed line keeps its suggestions.

Each document is checked as ``argmap check FILE`` checks it in its project
(:mod:`argmap.lsp.workspace`), the unsaved texts of the open documents read in
place of their files. When a document changes (typed, saved, closed) or a map
file changes on disk (``workspace/didChangeWatchedFiles``), every other open
document of the same project whose maps name another map (or are libraries) is
checked again with it: the others cannot be affected.

A request that fails inside argmap is logged (stderr, which editors keep as the
server's log) and answered with an error; the connection and the server stay up.
``ARGMAP_LSP_FAULT=<method>`` makes that method fail on purpose, for the test
that proves it.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any, TypeVar

from lsprotocol import types as t
from pygls.exceptions import JsonRpcException, JsonRpcInternalError
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

from argmap.lsp import actions, features, navigate
from argmap.lsp.analysis import Analysis
from argmap.lsp.text import Lines, apply_change
from argmap.lsp.workspace import Options, Workspace, selectors
from argmap.project.load import Memory

#: how long typing must pause before the diagnostics of a change are computed
DEBOUNCE_S = 0.15
#: the LSP error code for a request that failed for a reason the message gives
REQUEST_FAILED = -32803

log = logging.getLogger("argmap.lsp")
F = TypeVar("F", bound=Callable[..., Any])


class _Protocol(LanguageServerProtocol):
    """pygls' protocol, but the texts of open documents are argmap's to keep.

    pygls' documents split lines with ``str.splitlines``, which also breaks at
    U+2028, NEL and form feeds, where LSP breaks only at ``\\n``, ``\\r\\n`` and
    ``\\r``; and converting a change's range it rewrites the range in place. A map
    holding such a character would drift from the editor's text (the random edits
    of tests/test_lsp_fuzz.py found it), so changes go to :meth:`ArgmapServer.edit` only.
    """

    @lsp_method(t.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: t.DidChangeTextDocumentParams
                                      ) -> Iterator[tuple[Any, tuple[Any, ...], None]]:
        handler = self.fm.features.get(t.TEXT_DOCUMENT_DID_CHANGE)
        if handler is not None:
            yield handler, (params,), None


class ArgmapServer(LanguageServer):
    """pygls' server with argmap's state: the texts and analyses of the open documents."""

    def __init__(self) -> None:
        from argmap import __version__

        super().__init__("argmap", __version__, protocol_cls=_Protocol)
        self.texts: dict[str, tuple[str, int]] = {}  # uri -> (text, version), as the editor has
        self.split: dict[str, Lines] = {}  # uri -> the lines of its text, made once a version
        self.analyses: dict[str, Analysis] = {}
        self.good: dict[str, Analysis] = {}  # the last analysis that held a map, per uri
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.projects = Workspace()
        #: counts the changes of open documents and of files on disk: an analysis that
        #: reads other files is stale once it moved on
        self.generation = 0
        self._overlay: tuple[int, dict[str, bytes], dict[str, str]] = (-1, {}, {})
        #: the maps of the project files read, kept while the files stay as they were
        self.memory: Memory = {}

    def overlay(self) -> tuple[dict[str, bytes], dict[str, str]]:
        """The open documents' texts, and their URIs, by the real path of their files
        (made once a change)."""
        if self._overlay[0] != self.generation:
            texts, uris = {}, {}
            for uri, (text, _) in self.texts.items():
                path = _path(uri)
                if path is not None:
                    real = os.path.realpath(path)
                    texts[real] = text.encode("utf-8", "surrogatepass")
                    uris[real] = uri
            self._overlay = (self.generation, texts, uris)
        return self._overlay[1], self._overlay[2]

    def changed(self) -> None:
        """An open document or a file changed: analyses reading other files are stale."""
        self.generation += 1

    def analysis(self, uri: str) -> Analysis:
        """The analysis of the document's text as the editor holds it now (a document the
        editor has not opened is read from its file)."""
        if uri in self.texts:
            source = self.texts[uri][0]
        else:
            try:
                source = self.workspace.get_text_document(uri).source
            except (OSError, UnicodeDecodeError) as exc:
                raise JsonRpcException(f"argmap lsp: {uri} is not open and cannot be read: "
                                       f"{exc}", REQUEST_FAILED) from None
        path = _path(uri)
        setting = self.projects.setting(path)
        current = self.analyses.get(uri)
        if (current is not None and current.text == source and current.setting == setting
                and (current.generation == self.generation
                     or not current.depends_on_others)):
            return current
        texts, uris = self.overlay()
        current = Analysis(source, path or uri, setting, texts, self.encoding,
                           self.generation, {**uris, os.path.realpath(path or uri): uri},
                           self.memory)
        self.analyses[uri] = current
        if current.maps:
            self.good[uri] = current
        return current

    def lines(self, uri: str) -> Lines:
        """The lines of the text the editor holds, analysed or not (completion reads only
        the lines at the cursor: it must not wait for a whole check of a big map)."""
        if uri not in self.texts:
            return self.analysis(uri).lines
        current = self.analyses.get(uri)
        text = self.texts[uri][0]
        if current is not None and current.text == text:
            return current.lines
        if uri not in self.good:  # nothing analysed yet to take the names from
            return self.analysis(uri).lines
        split = self.split.get(uri)
        if split is None or split.text is not text:
            split = self.split[uri] = Lines(text, self.encoding)
        return split

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client: utf-16 unless it chose another."""
        return str(self.workspace.position_encoding or "utf-16")

    def edit(self, params: t.DidChangeTextDocumentParams) -> None:
        """Apply the editor's changes to the text kept for it."""
        uri = params.text_document.uri
        text = self.texts.get(uri, ("", 0))[0]
        for change in params.content_changes:
            if isinstance(change, t.TextDocumentContentChangePartial):
                r = change.range
                text = apply_change(text, (r.start.line, r.start.character),
                                    (r.end.line, r.end.character), change.text, self.encoding)
            else:
                text = change.text
        self.texts[uri] = (text, params.text_document.version)
        self.changed()

    def publish(self, uri: str) -> None:
        """Send the document's diagnostics (``check``'s) to the editor."""
        self.timers.pop(uri, None)
        if uri not in self.texts:
            return
        found = features.diagnostics(self.analysis(uri))
        self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(
            uri=uri, diagnostics=found, version=self.texts[uri][1]))

    def publish_with_dependents(self, uri: str) -> None:
        """Publish the document's diagnostics, then those of the open documents its
        change may affect (:meth:`dependents`)."""
        _guarded_publish(self, uri)
        path = _path(uri)
        if path is not None:
            for other in self.dependents(path, skip=uri):
                _guarded_publish(self, other)

    def dependents(self, path: str, skip: str | None = None, every: bool = False
                   ) -> list[str]:
        """The open documents a change of the file at ``path`` may affect: those of the same
        project (its root holds ``path``) whose maps name another map or are libraries
        (``every``: all of them, as when the project file changes)."""
        real = os.path.realpath(path)
        found = []
        for uri in list(self.texts):
            current = self.analyses.get(uri)
            root = None if current is None else current.setting.root
            if uri == skip or current is None or root is None:
                continue
            if not (every or current.depends_on_others):
                continue
            base = os.path.realpath(root)
            if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
                found.append(uri)
        return found

    def files_changed(self, params: t.DidChangeWatchedFilesParams) -> None:
        """Files changed on disk (the editor watches them for us): check again the open
        documents they may affect (all of a project whose project file changed)."""
        from argmap.project.config import PROJECT_FILE

        self.changed()
        again: dict[str, None] = {}
        for change in params.changes:
            path = _path(change.uri)
            if path is None:
                continue
            every = os.path.basename(path) in (PROJECT_FILE, "pyproject.toml")
            self.memory.pop(os.path.realpath(path), None)  # its time may not have moved
            if every:
                self.projects.forget()
            skip = change.uri if change.uri in self.texts and not every else None
            again.update(dict.fromkeys(self.dependents(path, skip, every)))
        for uri in again:
            _guarded_publish(self, uri)

    def later(self, uri: str) -> None:
        """Publish after :data:`DEBOUNCE_S` of quiet: each change restarts the wait."""
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(DEBOUNCE_S, self.publish_with_dependents, uri)

    def forget(self, uri: str) -> None:
        """Drop a closed document's state and clear its diagnostics."""
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.analyses.pop(uri, None)
        self.good.pop(uri, None)
        self.texts.pop(uri, None)
        self.split.pop(uri, None)
        self.changed()  # the file on disk stands for it again
        self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri,
                                                                          diagnostics=[]))
        path = _path(uri)
        if path is not None:
            for other in self.dependents(path):
                _guarded_publish(self, other)


def _path(uri: str) -> str | None:
    """The file a URI names, or None for a document that is not a file (untitled:)."""
    if not uri.startswith("file:"):
        return None
    return to_fs_path(uri)


def _guarded_publish(server: ArgmapServer, uri: str) -> None:
    try:
        server.publish(uri)
    except Exception:  # a bug must not end the server: log it, keep serving
        log.exception("argmap lsp: diagnostics of %s failed", uri)


def guarded(method: str) -> Callable[[F], F]:
    """Answer a request that fails inside argmap with an error, never by ending the server."""
    def wrap(handler: F) -> F:
        @wraps(handler)
        def run(*args: Any) -> Any:
            if os.environ.get("ARGMAP_LSP_FAULT") == method:
                raise JsonRpcInternalError(f"argmap lsp: {method} failed: injected fault")
            try:
                return handler(*args)
            except JsonRpcException:
                raise
            except navigate.RenameError as exc:
                raise JsonRpcException(str(exc), REQUEST_FAILED) from None
            except Exception as exc:
                log.exception("argmap lsp: %s failed", method)
                raise JsonRpcInternalError(f"argmap lsp: {method} failed: {exc!r}") from None
        return run  # type: ignore[return-value]
    return wrap


def make_server(options: Options | None = None) -> ArgmapServer:
    """The server with every feature registered; ``options`` tells each command's options,
    so a project file's unknown keys are reported as ``argmap`` reports them."""
    server = ArgmapServer()
    server.projects.options = options
    _register_sync(server)
    _register_features(server)
    return server


def _register_sync(server: ArgmapServer) -> None:
    @server.feature(t.INITIALIZED)
    def initialized(ls: ArgmapServer, params: t.InitializedParams) -> None:
        del params
        capabilities = ls.client_capabilities.workspace
        watched = None if capabilities is None else capabilities.did_change_watched_files
        if watched is None or not watched.dynamic_registration:
            return
        patterns = ["**/*.yaml", "**/*.yml", "**/argmap.toml", "**/pyproject.toml"]
        ls.client_register_capability(t.RegistrationParams([t.Registration(
            "argmap-watched-files", t.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            t.DidChangeWatchedFilesRegistrationOptions(
                [t.FileSystemWatcher(p) for p in patterns]))]))

    @server.feature(t.INITIALIZE)
    def initialize(ls: ArgmapServer, params: t.InitializeParams) -> None:
        options = params.initialization_options
        options = options if isinstance(options, dict) else {}
        ls.projects.select = selectors(options.get("select"))
        ls.projects.ignore = selectors(options.get("ignore"))
        try:
            ls.projects.codes()
        except Exception as exc:  # a bad selector: say so, keep the default rules
            log.log(logging.WARNING, "argmap lsp: %s; using the default rules", exc)
            ls.projects.select = ls.projects.ignore = None

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: t.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        ls.texts[item.uri] = (item.text, item.version)
        ls.changed()  # its text stands for its file now (it may differ from the disk's)
        ls.publish_with_dependents(item.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ArgmapServer, params: t.DidChangeTextDocumentParams) -> None:
        ls.edit(params)
        ls.later(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArgmapServer, params: t.DidSaveTextDocumentParams) -> None:
        ls.publish_with_dependents(params.text_document.uri)

    @server.feature(t.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: ArgmapServer, params: t.DidChangeWatchedFilesParams) -> None:
        try:
            ls.files_changed(params)
        except Exception:  # a bug must not end the server: log it, keep serving
            log.exception("argmap lsp: watched files failed")

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: t.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)


def _register_features(server: ArgmapServer) -> None:
    @server.feature(t.TEXT_DOCUMENT_COMPLETION,
                    t.CompletionOptions(trigger_characters=[" ", "[", ",", "-", "/"]))
    @guarded("completion")
    def completion(ls: ArgmapServer, params: t.CompletionParams) -> t.CompletionList:
        uri, at = params.text_document.uri, params.position
        return features.completion(ls.lines(uri), ls.good.get(uri), at.line, at.character)

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    @guarded("hover")
    def hover(ls: ArgmapServer, params: t.HoverParams) -> t.Hover | None:
        at = params.position
        return features.hover(ls.analysis(params.text_document.uri), at.line, at.character)

    @server.feature(t.TEXT_DOCUMENT_DEFINITION)
    @guarded("definition")
    def definition(ls: ArgmapServer, params: t.DefinitionParams) -> list[t.Location]:
        uri, at = params.text_document.uri, params.position
        return navigate.definition(ls.analysis(uri), uri, at.line, at.character)

    @server.feature(t.TEXT_DOCUMENT_REFERENCES)
    @guarded("references")
    def references(ls: ArgmapServer, params: t.ReferenceParams) -> list[t.Location]:
        uri, at = params.text_document.uri, params.position
        return navigate.references(ls.analysis(uri), uri, at.line, at.character,
                                   params.context.include_declaration)

    @server.feature(t.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded("documentSymbol")
    def symbols(ls: ArgmapServer, params: t.DocumentSymbolParams) -> list[t.DocumentSymbol]:
        return navigate.symbols(ls.analysis(params.text_document.uri))

    @server.feature(t.TEXT_DOCUMENT_PREPARE_RENAME)
    @guarded("prepareRename")
    def prepare_rename(ls: ArgmapServer, params: t.PrepareRenameParams) -> t.Range | None:
        at = params.position
        return navigate.prepare_rename(ls.analysis(params.text_document.uri), at.line,
                                       at.character)

    @server.feature(t.TEXT_DOCUMENT_RENAME)
    @guarded("rename")
    def rename(ls: ArgmapServer, params: t.RenameParams) -> t.WorkspaceEdit:
        uri, at = params.text_document.uri, params.position
        return navigate.rename(ls.analysis(uri), uri, at.line, at.character, params.new_name)

    @server.feature(t.TEXT_DOCUMENT_CODE_ACTION, t.CodeActionOptions(
        code_action_kinds=[t.CodeActionKind.QuickFix, t.CodeActionKind.Refactor]))
    @guarded("codeAction")
    def code_action(ls: ArgmapServer, params: t.CodeActionParams) -> list[t.CodeAction]:
        uri = params.text_document.uri
        return actions.code_actions(ls.analysis(uri), uri, params.range)

    @server.feature(t.TEXT_DOCUMENT_FORMATTING)
    @guarded("formatting")
    def formatting(ls: ArgmapServer, params: t.DocumentFormattingParams) -> list[t.TextEdit]:
        from argmap.edit.fmt import FormatError

        analysis = ls.analysis(params.text_document.uri)
        try:
            return actions.formatting(analysis)
        except FormatError as exc:
            first = f" (first: {exc.errors[0]})" if exc.errors else ""
            raise JsonRpcException(f"argmap fmt: {exc}{first}", REQUEST_FAILED) from None


def serve_stdio(options: Options | None = None) -> None:
    """Run the server on standard input and output until the editor says exit
    (``options``: as :func:`make_server`)."""
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    # pygls logs a traceback for every error answer, refused renames included; argmap logs
    # its own failures (guarded), so the editor's log holds only what is worth reading.
    logging.getLogger("pygls.protocol.json_rpc").setLevel(logging.CRITICAL)
    make_server(options).start_io()
