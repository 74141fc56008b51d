"""The preview server: each map's HTML page, re-rendered on save, pushed with server-sent events.

Routes (nothing else is served; there is no listing of any folder):

- ``/``: the map, when serving a file; the list of maps, when serving a folder;
- ``/map/NAME[?map=ID]``: the page of the map file NAME (relative to the folder),
  its map ID when the file holds several;
- ``/events/NAME``: a server-sent event stream, one ``state`` event (the page's
  version and the file's diagnostics) now and after every save.

A save is noticed by polling the files' size and modification time every
:data:`POLL_S`: the page changes within half a second of it, rendering included
for a map of a few hundred statements. A save with errors keeps the last good
pages and sends its diagnostics, which the page shows over the map.
The standard library's threading HTTP server is enough for one person's
browser tabs; it binds to loopback unless told otherwise.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from argmap.serve.project import Project, Refused

LOOPBACK = ("127.0.0.1", "localhost", "::1")
#: how often the served files are checked for a save
POLL_S = 0.1
#: a comment line on idle event streams, so proxies and browsers keep them open
KEEPALIVE_S = 15.0


@dataclass
class Page:
    """One served file: its last good pages (one per map) and its current diagnostics."""

    path: Path
    name: str
    stamp: tuple[int, int, int] | None = None
    version: int = 0
    pages: dict[str, str] = field(default_factory=dict)  # map id -> HTML, in file order
    errors: list[str] = field(default_factory=list)


def render(page: Page) -> None:
    """Read the file and make its pages; with errors, keep the last good pages."""
    from argmap.api import export, loads
    from argmap.errors import ArgmapError
    from argmap.files import read_input

    data = read_input(page.path)
    if not isinstance(data, bytes):
        page.errors = [str(data._replace(span=data.span._replace(file=page.name)))]
        return
    doc = loads(data, name=page.name)
    if not doc.ok:
        page.errors = [str(d) for d in doc.diagnostics]
        return
    try:
        page.pages = {m.id: export(m, "html") for m in doc.maps}
        page.errors = []
    except ArgmapError as exc:
        page.errors = [f"{page.name}: {exc}"]


def stamp(path: Path) -> tuple[int, int, int] | None:
    """What changes when a file is saved: size, modification time, inode."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino


class Preview:
    """The served project, its pages, the watcher and the HTTP server."""

    def __init__(self, path: Path, host: str = "127.0.0.1", port: int = 0) -> None:
        self.project = Project(path)
        self.pages: dict[str, Page] = {}
        self.changed = threading.Condition()
        self.stopping = False
        for name in self.project.maps():
            self.page(name)
        self.httpd = ThreadingHTTPServer((host, port), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.preview = self  # type: ignore[attr-defined]
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{self.httpd.server_address[1]}/"

    def page(self, name: str) -> Page:
        """The page of a served file (made on first request)."""
        with self.changed:
            found = self.pages.get(name)
            if found is None:
                found = Page(self.project.resolve(name), name)
                found.stamp = stamp(found.path)
                render(found)
                found.version = 1
                self.pages[name] = found
            return found

    def poll(self) -> None:
        """Re-render every page whose file changed since it was last read."""
        for page in list(self.pages.values()):
            now = stamp(page.path)
            if now != page.stamp:
                page.stamp = now
                render(page)
                with self.changed:
                    page.version += 1
                    self.changed.notify_all()

    def _watch(self) -> None:
        while not self.stopping:
            self.poll()
            time.sleep(POLL_S)

    def run(self) -> None:
        """Serve until Ctrl-C (KeyboardInterrupt, which the caller handles)."""
        watcher = threading.Thread(target=self._watch, daemon=True)
        watcher.start()
        try:
            self.httpd.serve_forever(poll_interval=0.2)
        finally:
            self.close()

    def close(self) -> None:
        """End the event streams and the watcher, and stop listening."""
        with self.changed:
            self.stopping = True
            self.changed.notify_all()
        self.httpd.server_close()


class _Handler(BaseHTTPRequestHandler):
    server_version = "argmap"
    sys_version = ""

    @property
    def preview(self) -> Preview:
        return self.server.preview  # type: ignore[attr-defined, no-any-return]

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows argmap's own lines, not one per request."""

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        try:
            if url.path == "/":
                self._home()
            elif url.path.startswith("/map/"):
                self._map(unquote(url.path[5:]), query.get("map", [None])[0])
            elif url.path.startswith("/events/"):
                self._events(unquote(url.path[8:]))
            else:
                self._send(404, "text/plain", b"not found\n")
        except Refused:
            self._send(403, "text/plain", b"forbidden: only the maps being served\n")
        except FileNotFoundError:
            self._send(404, "text/plain", b"not found\n")

    def _home(self) -> None:
        from argmap.serve.pages import index_page

        names = self.preview.project.maps()
        if self.preview.project.only is not None:
            self._map(names[0], None)
            return
        self._send(200, "text/html; charset=utf-8", index_page(names).encode("utf-8"))

    def _map(self, name: str, chosen: str | None) -> None:
        from argmap.serve.pages import error_page, live_page

        page = self.preview.page(name)
        with self.preview.changed:
            version, pages, errors = page.version, page.pages, page.errors
        config = {"events": "/events/" + quote(name), "version": version, "errors": errors,
                  "maps": [[m, f"/map/{quote(name)}?map={quote(m)}"] for m in pages]}
        if not pages:
            html = error_page(name, config)
        else:
            key = chosen if chosen in pages else next(iter(pages))
            html = live_page(pages[key], {**config, "map": key,
                                          "page": f"/map/{quote(name)}?map={quote(key)}"})
        self._send(200, "text/html; charset=utf-8", html.encode("utf-8"))

    def _events(self, name: str) -> None:
        preview, page = self.preview, self.preview.page(name)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = -1
        try:
            while True:
                with preview.changed:
                    if page.version == seen and not preview.stopping:
                        preview.changed.wait(KEEPALIVE_S)
                    if preview.stopping:
                        return
                    version, errors = page.version, list(page.errors)
                if version == seen:
                    self.wfile.write(b": keep-alive\n\n")
                else:
                    seen = version
                    state = json.dumps({"version": version, "errors": errors})
                    self.wfile.write(f"retry: 500\nevent: state\ndata: {state}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)
