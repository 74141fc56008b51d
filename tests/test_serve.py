"""``argmap serve`` in Debian's chromium through Playwright: saves show up in place, bad saves show
their diagnostics over the last good map, and no request reaches a file outside the project.

Each test runs the real command (``argmap serve``) as a process and stops it with Ctrl-C.
"""

from __future__ import annotations

import http.client
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import TESTS
from tests.helpers import ctrl_c_as_in_a_terminal

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = TESTS.parent
CHROMIUM = "/usr/bin/chromium"
SECRET = "the secret outside the project"
MAP = """question: Should the city buy electric buses?
claims:
  - id: buy
    text: Buy them.
    pro:
      - id: cleaner
        text: They are cleaner.
      - id: cheaper
        text: They are cheaper to run.
    con:
      - text: They cost more up front.
  - id: wait
    text: Wait five years.
"""


class Server:
    """``argmap serve`` running in a process of its own."""

    def __init__(self, path: Path, *options: str) -> None:
        argmap = Path(sys.executable).with_name("argmap")
        self.process = subprocess.Popen(
            [str(argmap), "serve", str(path), *options], stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_as_in_a_terminal)
        assert self.process.stderr is not None
        self.said = [self.process.stderr.readline()]
        while " at http://" not in self.said[-1]:
            line = self.process.stderr.readline()
            assert line, f"argmap serve stopped: {self.said}"
            self.said.append(line)
        self.url = self.said[-1].split(" at ")[1].split()[0]

    def get(self, path: str) -> tuple[int, str]:
        """A raw GET, the path sent exactly as given (no client tidies up ``..``)."""
        host, port = self.url.removeprefix("http://").rstrip("/").rsplit(":", 1)
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.putrequest("GET", path, skip_host=False, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        found = response.status, response.read().decode("utf-8", "replace")
        connection.close()
        return found

    def stop(self) -> tuple[int, str]:
        """Ctrl-C; the exit code and the rest of what it said."""
        self.process.send_signal(signal.SIGINT)
        try:
            _, rest = self.process.communicate(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        return self.process.returncode, "".join(self.said) + rest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (folder / "sub").mkdir(parents=True)
    (folder / "buses.yaml").write_text(MAP)
    (folder / "sub" / "other.yml").write_text(MAP.replace("buses", "trams"))
    (folder / "notes.txt").write_text("not a map\n")
    (folder / ".hidden.yaml").write_text(MAP)
    (tmp_path / "secret.yaml").write_text(f"question: {SECRET}?\nclaims:\n  - text: x\n")
    (folder / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    return folder


@pytest.fixture
def server(project: Path) -> Iterator[Server]:
    running = Server(project)
    yield running
    code, said = running.stop()
    assert code == 0, said
    assert said.endswith("argmap: stopped serving\n"), said


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if shutil.which("chromium") is None:
        pytest.fail("chromium is missing: run make test (it installs it) or apt-get install "
                    "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        found = p.chromium.launch(executable_path=CHROMIUM)
        yield found
        found.close()


def open_live(browser: Browser, url: str) -> tuple[Page, list[str]]:
    """Open a served page; collect errors and any request that leaves the server."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"error: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}"))
    origin = url.split("/map/")[0].rstrip("/") + "/"
    page.on("request", lambda r: None if r.url.startswith(origin) else problems.append(r.url))
    page.goto(url)
    page.wait_for_selector("html[data-live-version]")
    return page, problems


def test_a_save_updates_the_page_in_place_keeping_zoom_selection_and_search(
        browser: Browser, server: Server, project: Path) -> None:
    page, problems = open_live(browser, server.url + "map/buses.yaml")
    page.click('[data-address="cheaper"] > .row')
    page.click('[data-zoom="in"]')
    page.fill("#search", "cheap")
    view = page.get_attribute("#viewport svg", "viewBox")
    assert page.is_hidden('[data-address="wait"]')
    page.evaluate("window.marker = 'same page'")
    (project / "buses.yaml").write_text(MAP.replace("They are cleaner.",
                                                    "They are much cleaner."))
    page.wait_for_selector('html[data-live-version="2"]', timeout=10_000)
    assert page.text_content('[data-address="cleaner"] .tx') == "They are much cleaner."
    assert page.get_attribute('[data-address="cheaper"]', "aria-selected") == "true"
    assert page.get_attribute("#viewport svg", "viewBox") == view
    assert page.input_value("#search") == "cheap"
    assert page.is_hidden('[data-address="wait"]')
    assert page.evaluate("window.marker") == "same page"  # updated in place, not reloaded
    assert "They are cheaper to run." in (page.text_content("#panel") or "")
    assert page.is_hidden("#argmap-live-errors")
    assert problems == []


def test_a_bad_save_shows_its_diagnostics_over_the_last_good_map(
        browser: Browser, server: Server, project: Path) -> None:
    page, problems = open_live(browser, server.url + "map/buses.yaml")
    (project / "buses.yaml").write_text(MAP.replace("    pro:", "    Pro:"))
    page.wait_for_selector("#argmap-live-errors:not([hidden])", timeout=10_000)
    assert page.text_content("#argmap-live-errors") == (
        "buses.yaml:5:5: error: unknown key 'Pro' in a statement; did you mean 'pro'? "
        "[unknown-key]")
    assert page.text_content('[data-address="cheaper"] .tx') == "They are cheaper to run."
    page.screenshot(path=str(_shots() / "serve-bad-save.png"))
    (project / "buses.yaml").write_text(MAP.replace("Wait five years.", "Wait ten years."))
    page.wait_for_selector("#argmap-live-errors[hidden]", state="attached", timeout=10_000)
    assert page.text_content('[data-address="wait"] .tx') == "Wait ten years."
    page.screenshot(path=str(_shots() / "serve-after-fix.png"))
    assert problems == []


def test_a_file_broken_from_the_start_shows_the_map_once_fixed(
        browser: Browser, project: Path) -> None:
    (project / "buses.yaml").write_text("question: Q?\nclaims:\n  - txt: A\n")
    running = Server(project / "buses.yaml")
    try:
        page, problems = open_live(browser, running.url)
        assert page.text_content("#argmap-live-errors") == (
            "buses.yaml:3:5: error: unknown key 'txt' in a statement; did you mean 'text'? "
            "[unknown-key]")
        page.screenshot(path=str(_shots() / "serve-broken.png"))
        (project / "buses.yaml").write_text(MAP)
        page.wait_for_selector('[data-address="cheaper"]', timeout=10_000)
        assert problems == []
    finally:
        assert running.stop()[0] == 0


@pytest.mark.parametrize(("path", "status"), [
    ("/map/../secret.yaml", 403),
    ("/map/%2e%2e/secret.yaml", 403),
    ("/map/sub/../../secret.yaml", 403),
    ("/map/..%2fsecret.yaml", 403),
    ("/map//etc/passwd", 403),
    ("/map/%2fetc%2fpasswd", 403),
    ("/map/link.yaml", 403),  # a symbolic link out of the project
    ("/map/.hidden.yaml", 403),
    ("/map/notes.txt", 404),
    ("/map/sub", 404),  # a folder: no listing
    ("/map/", 403),
    ("/events/../secret.yaml", 403),
    ("/secret.yaml", 404),
    ("/buses.yaml", 404),  # the map's page only, never the raw file
])
def test_nothing_outside_the_project_is_served(server: Server, path: str,
                                               status: int) -> None:
    code, body = server.get(path)
    assert (code, SECRET in body, "question:" in body) == (status, False, False)


def test_the_index_lists_the_maps_only(server: Server) -> None:
    code, body = server.get("/")
    assert code == 200
    assert body.count("<li>") == 2
    assert 'href="/map/buses.yaml"' in body and 'href="/map/sub/other.yml"' in body
    assert server.get("/map/sub/other.yml")[0] == 200


def test_serving_one_file_serves_nothing_else(project: Path) -> None:
    running = Server(project / "buses.yaml")
    try:
        assert running.get("/map/sub/other.yml")[0] == 404
        assert running.get("/")[0] == 200
    finally:
        assert running.stop()[0] == 0


def test_another_host_than_loopback_is_warned_about(project: Path) -> None:
    running = Server(project / "buses.yaml", "--host", "0.0.0.0")
    code, said = running.stop()
    assert code == 0
    assert said.startswith("argmap: warning: serving on 0.0.0.0: other machines can read "
                           "these maps\n")


def _shots() -> Path:
    folder = ROOT / ".cache/serve-screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_a_file_that_is_no_map_is_refused_in_one_line(project: Path) -> None:
    argmap = Path(sys.executable).with_name("argmap")
    done = subprocess.run([str(argmap), "serve", str(project / "notes.txt")],
                          capture_output=True, text=True, timeout=30, check=False)
    assert (done.returncode, done.stderr) == (
        2, f"argmap: cannot serve {project / 'notes.txt'}: not a map file (.yaml or .yml)\n")
