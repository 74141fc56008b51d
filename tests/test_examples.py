"""The committed gallery in examples/ matches what the code makes now."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.conftest import TESTS

EXAMPLES = TESTS.parent / "examples"


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("examples_build", EXAMPLES / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_examples_are_current() -> None:
    expected: dict[str, str] = load_builder().text_artifacts()
    stale = [name for name, content in expected.items()
             if not (EXAMPLES / name).exists() or (EXAMPLES / name).read_text() != content]
    assert stale == [], "examples/ is stale: run make examples"
    for name in expected:
        if name.endswith(".dot"):
            for fmt in ("svg", "png"):
                assert (EXAMPLES / name.replace(".dot", f".{fmt}")).exists(), name


def test_no_leftover_examples() -> None:
    expected = set(load_builder().text_artifacts())  # names only
    made = {p.name for p in EXAMPLES.iterdir() if p.suffix in (".dot", ".txt")}
    assert made <= expected, "remove examples that no map makes any more"
