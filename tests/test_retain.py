"""argmap.files.retain: what a one-shot command read is kept to the exit, one per kind."""

from __future__ import annotations

import subprocess
import sys
import weakref
from collections.abc import Iterator

import pytest

from argmap.files import retain


class Thing:
    """Something weakly referenceable."""


@pytest.fixture()
def kept() -> Iterator[None]:
    saved = retain._kept
    yield
    retain._kept = saved


@pytest.mark.usefixtures("kept")
def test_nothing_is_kept_unless_the_command_line_asks() -> None:
    retain._kept = None
    thing = Thing()
    ref = weakref.ref(thing)
    retain.keep("maps", thing)
    del thing
    assert ref() is None


@pytest.mark.usefixtures("kept")
def test_one_thing_of_each_kind_is_kept() -> None:
    retain._kept = None
    retain.keep_until_exit()
    first, second, lines = Thing(), Thing(), Thing()
    refs = [weakref.ref(t) for t in (first, second, lines)]
    retain.keep("maps", first)
    retain.keep("lines", lines)
    retain.keep("maps", second)  # the first map is freed: memory stays flat over many files
    del first, second, lines
    assert [r() is not None for r in refs] == [False, True, True]


def test_only_check_and_render_keep_what_they_read() -> None:
    """The command line turns it on for the commands that exit when done, not for
    ``watch``, ``lsp`` or ``serve``, which read again and again."""
    code = ("import sys, argmap.__main__ as m, argmap.files.retain as r\n"
            "sys.argv = ['argmap', *sys.argv[1:]]\n"
            "import argmap.cli.app as app\n"
            "app.main = lambda: print(r._kept is not None)\n"
            "m.main()\n")
    said = {command: subprocess.run([sys.executable, "-c", code, command, "--help"],
                                    capture_output=True, text=True, check=False).stdout.strip()
            for command in ("check", "render", "watch", "lsp")}
    assert said == {"check": "True", "render": "True", "watch": "False", "lsp": "False"}
