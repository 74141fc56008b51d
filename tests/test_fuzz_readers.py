"""Every reader under attack (issue 26's general fix): random bytes, mutated real files,
decoding faults, huge numbers, deep nesting. Property: a result or located diagnostics,
never an exception, and whatever is read is a map the YAML export writes and reads back.

``ARGMAP_FUZZ_EXAMPLES`` raises the number of cases (default 60 per reader and property).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.readers import READERS, ReadResult, load_data
from tests.conftest import TESTS

EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "60"))
CORPUS = TESTS / "corpus"
SEEDS: dict[str, list[bytes]] = {
    "argdown": [p.read_bytes() for p in sorted((CORPUS / "argdown").glob("*.argdown"))[:12]],
    "kialo": [p.read_bytes() for p in sorted((CORPUS / "kialo").glob("*.txt"))],
    "aif": [p.read_bytes() for p in sorted((CORPUS / "aif").glob("*.json"))],
}
SUFFIX = {"argdown": ".argdown", "kialo": ".txt", "aif": ".json"}
NASTY = [b"\xef\xbb\xbf", b"\xff", b"\x00", b"\\ud800", b"9" * 5000, b"\r",
         "\u2028".encode(), b"[", b"](", b"->", b"{", b"}", b"\n" + b"  " * 300 + b"+ x"]


def mutate(seed: bytes, cuts: list[tuple[int, int, bytes]]) -> bytes:
    """The seed with slices replaced: deletions, insertions of nasty bytes, repetitions."""
    data = bytearray(seed)
    for start, length, insert in cuts:
        at = start % (len(data) + 1)
        data[at:at + length % 64] = insert
    return bytes(data)


def assert_sound(result: ReadResult, name: str) -> None:
    for d in result.diagnostics:
        assert d.span.line >= 1 and d.span.column >= 1, (name, d)
        assert d.code, d
    if any(d.severity == "error" for d in result.diagnostics):
        return
    from argmap.exporters import ExportOptions
    from argmap.exporters.yaml import export
    from argmap.graph import build_graph
    from argmap.readers.yaml.load import load_text

    for m in result.maps:  # never an import argmap cannot read back
        text = export(build_graph(m), ExportOptions())
        back = load_text(text, "back.yaml")
        assert [d for d in back.diagnostics if d.severity == "error"] == [], text


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_mutated_real_files_never_break_a_reader(name: str) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(SEEDS[name]),
           st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 200),
                              st.sampled_from(NASTY) | st.binary(max_size=12)), max_size=4))
    def run(seed: bytes, cuts: list[tuple[int, int, bytes]]) -> None:
        data = mutate(seed, cuts)
        assert_sound(load_data(data, Path("fuzz" + SUFFIX[name]), name), name)

    run()


@pytest.mark.parametrize("name", [n for n in READERS if n != "yaml"])
def test_random_bytes_never_break_a_reader(name: str) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
    def run(data: bytes) -> None:
        assert_sound(load_data(data, Path("fuzz.in"), name), name)

    run()
