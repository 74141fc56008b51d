"""Docs stay in step with the tool: every command and diagnostic code is documented."""

from __future__ import annotations

import re

from argmap.cli import app as cli
from tests.conftest import INVALID, TESTS
from tests.test_invalid import EXPECTED

ROOT = TESTS.parent
README = (ROOT / "README.md").read_text()
FORMAT = (ROOT / "docs/format.md").read_text()


def test_every_command_is_in_the_readme() -> None:
    for name in cli.command_names():
        assert f"argmap {name}" in README, name


def test_readme_gives_the_two_setup_commands() -> None:
    assert "make demo" in README and "make test" in README
    assert "yaml-language-server: $schema=" in README


def test_every_diagnostic_code_is_documented() -> None:
    codes = {code for code, _, _ in EXPECTED.values()} | {"unreadable", "too-deep"}
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", FORMAT, re.MULTILINE))
    assert codes <= documented, codes - documented
    assert len(INVALID) > 40


def test_readme_links_point_at_files() -> None:
    links = re.findall(r"\]\(((?!https?:)[^)#]+)\)", README)
    missing = [link for link in links if not (ROOT / link).exists()]
    assert links and missing == []
