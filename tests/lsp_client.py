"""A small, real LSP client for the tests: ``argmap lsp`` as a subprocess, JSON-RPC over its pipes.

Messages are framed with ``Content-Length`` as the protocol says, and every
answer is read back into lsprotocol's types (its converter raises on a reply
that does not fit the protocol's schema), so the tests check what an editor
would get. A reader thread collects the server's notifications
(``publishDiagnostics``) and answers its requests to the client.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from lsprotocol import types as t
from lsprotocol.converters import get_converter

CONVERTER = get_converter()


class ResponseError(Exception):
    """The server answered a request with an error."""

    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(error.get("message", ""))
        self.code = int(error.get("code", 0))
        self.message = str(error.get("message", ""))


class Client:
    """One server process and the conversation with it."""

    def __init__(self, cwd: Path, env: dict[str, str] | None = None,
                 initialization_options: Any = None, encodings: list[str] | None = None
                 ) -> None:
        argmap = Path(sys.executable).with_name("argmap")
        self.process = subprocess.Popen(
            [str(argmap), "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, cwd=cwd, env={**os.environ, **(env or {})})
        self.ids = itertools.count(1)
        self.replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self.lock = threading.Lock()
        self.diagnostics: dict[str, list[t.PublishDiagnosticsParams]] = {}
        self.notes: queue.Queue[dict[str, Any]] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        # The server's log is read as it comes: a full stderr pipe would stop the server.
        self.logged: list[bytes] = []
        self.drain = threading.Thread(target=self._drain, daemon=True)
        self.drain.start()
        self.versions: dict[str, int] = {}
        general = None if encodings is None else t.GeneralClientCapabilities(
            position_encodings=encodings)
        self.initialized: t.InitializeResult = self.request("initialize", t.InitializeParams(
            capabilities=t.ClientCapabilities(general=general),
            process_id=os.getpid(), root_uri=cwd.as_uri(),
            initialization_options=initialization_options), t.InitializeResult)
        self.notify("initialized", t.InitializedParams())

    # -- the wire ------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        with self.lock:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.logged.append(line)

    def _read(self) -> None:
        try:
            self._read_messages()
        except Exception as exc:  # the test that waits next says why
            self.broken = exc

    #: why the reader stopped, if the server sent something that is not the protocol
    broken: Exception | None = None

    def _read_messages(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            message = json.loads(stream.read(length))
            if "id" in message and "method" not in message:
                self.replies.setdefault(message["id"], queue.Queue()).put(message)
            elif "id" in message:  # a request to the client: answer it, as editors do
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif message.get("method") == "textDocument/publishDiagnostics":
                params = CONVERTER.structure(message["params"], t.PublishDiagnosticsParams)
                self.diagnostics.setdefault(params.uri, []).append(params)
                self.notes.put(message)
            else:
                self.notes.put(message)

    def request(self, method: str, params: Any, result: Any, timeout: float = 30) -> Any:
        """Send a request and wait for its answer, read back as the type ``result``."""
        number = next(self.ids)
        self.replies.setdefault(number, queue.Queue())
        self._send({"jsonrpc": "2.0", "id": number, "method": method,
                    "params": CONVERTER.unstructure(params)})
        try:
            reply = self.replies[number].get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"no answer to {method} in {timeout} s (server exit code "
                               f"{self.process.poll()}, reader: {self.broken!r})") from None
        del self.replies[number]
        if "error" in reply:
            raise ResponseError(reply["error"])
        return CONVERTER.structure(reply.get("result"), result)

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self._send({"jsonrpc": "2.0", "method": method,
                    "params": CONVERTER.unstructure(params)})

    # -- documents -----------------------------------------------------------------------

    def open(self, path: Path, text: str | None = None) -> str:
        """Open a file (its text on disk unless given); return its URI."""
        uri = path.absolute().as_uri()
        self.versions[uri] = 1
        self.notify("textDocument/didOpen", t.DidOpenTextDocumentParams(t.TextDocumentItem(
            uri, "yaml", 1, path.read_text(encoding="utf-8") if text is None else text)))
        return uri

    def change(self, uri: str, text: str, at: t.Range | None = None) -> None:
        """Replace the whole text, or the text in ``at``."""
        self.versions[uri] += 1
        change: Any = (t.TextDocumentContentChangeWholeDocument(text) if at is None
                       else t.TextDocumentContentChangePartial(at, text))
        self.notify("textDocument/didChange", t.DidChangeTextDocumentParams(
            t.VersionedTextDocumentIdentifier(version=self.versions[uri], uri=uri), [change]))

    def wait_diagnostics(self, uri: str, version: int | None = None, timeout: float = 20
                         ) -> list[t.Diagnostic]:
        """The diagnostics published for ``version`` (default: the latest) of a document."""
        want = self.versions[uri] if version is None else version
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for params in reversed(self.diagnostics.get(uri, [])):
                if params.version == want:
                    return list(params.diagnostics)
            time.sleep(0.01)
        raise TimeoutError(f"no diagnostics for version {want} of {uri}")

    def alive(self) -> bool:
        """Whether the server still answers (a request that needs a round trip)."""
        try:
            self.request("textDocument/hover", t.HoverParams(
                t.TextDocumentIdentifier("file:///nowhere.yaml"), t.Position(0, 0)),
                t.Hover | None, timeout=10)
        except ResponseError:
            return self.process.poll() is None
        return self.process.poll() is None

    def close(self) -> int:
        """Shut the server down as an editor does; return its exit code."""
        try:
            self.request("shutdown", None, None, timeout=10)
            self.notify("exit", None)
            return self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self.drain.join(timeout=10)
            self.log = b"".join(self.logged).decode("utf-8", "replace")
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                if stream is not None:
                    stream.close()

    #: what the server logged on stderr, once it is closed
    log = ""
