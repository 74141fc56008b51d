"""Shared test helpers: fixture paths and golden-file comparison.

Run ``pytest --update-golden`` to rewrite the golden files from the current
output, then review the diff like code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# Timing is for benchmarks/, not tests: a per-example deadline only fails on a busy machine
# (CI shares its cores), never because of a bug.
settings.register_profile("argmap", deadline=None)
settings.load_profile("argmap")

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"
VALID = sorted((FIXTURES / "valid").glob("*.yaml"))
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output")


Golden = Callable[[str, str], None]


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """Compare text with tests/golden/<name>, or rewrite it with --update-golden."""
    update = bool(request.config.getoption("--update-golden"))

    def compare(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden"
        assert actual == path.read_text(encoding="utf-8")

    return compare


@pytest.fixture(autouse=True)
def no_forced_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """FORCE_COLOR in the environment (CI often sets it) would colour every CLI test."""
    monkeypatch.delenv("FORCE_COLOR", raising=False)
