"""Every reader under attack (issue 26's general fix): random bytes, mutated real files,
decoding faults, huge numbers, deep nesting. Property: a result or located diagnostics,
never an exception, and whatever is read is a map the YAML export writes and reads back.

``ARGMAP_FUZZ_EXAMPLES`` raises the number of cases (default 60 per reader and property).

Memory bound: each case reads within ``BOUND_MB`` (256 MB) of address space beyond what
the test process already holds (a soft RLIMIT_AS around the read, so a reader that
blows up fails with MemoryError instead of taking the machine).
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
from collections.abc import Iterator
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


BOUND_MB = 256


@contextlib.contextmanager
def memory_bound(megabytes: int = BOUND_MB) -> Iterator[None]:
    """At most ``megabytes`` more address space for the block (Linux: from /proc)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    pages = int(Path("/proc/self/statm").read_text().split()[0])
    limit = pages * resource.getpagesize() + megabytes * 2**20
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def read(data: bytes, path: Path, name: str) -> ReadResult:
    with memory_bound():
        return load_data(data, path, name)


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
        assert_sound(read(data, Path("fuzz" + SUFFIX[name]), name), name)

    run()


@pytest.mark.parametrize("name", [n for n in READERS if n != "yaml"])
def test_random_bytes_never_break_a_reader(name: str) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
    def run(data: bytes) -> None:
        assert_sound(read(data, Path("fuzz.in"), name), name)

    run()


def test_a_big_tangle_of_aif_cycles_is_read_within_the_bound() -> None:
    # Issue 26 item 12: a 3.3 MB AIF cycle used 4.8 GB and wrote a 1.6 GB file. A
    # 2.5 MB tangle (4,000 I-nodes, each supporting or attacking three others at random)
    # is refused at once as too deep, within the memory bound.
    import json

    rng = random.Random(1)
    nodes = [{"nodeID": f"i{i}", "text": f"Statement {i} in a tangle.", "type": "I"}
             for i in range(4000)]
    edges = []
    for i in range(4000):
        for j, target in enumerate(rng.sample(range(4000), 3)):
            node = f"s{i}-{j}"
            nodes.append({"nodeID": node, "text": "Default", "type": rng.choice(["RA", "CA"])})
            edges += [{"edgeID": f"{node}a", "fromID": f"i{i}", "toID": node},
                      {"edgeID": f"{node}b", "fromID": node, "toID": f"i{target}"}]
    data = json.dumps({"nodes": nodes, "edges": edges, "locutions": []}).encode()
    assert len(data) > 2_000_000
    result = read(data, Path("tangle.json"), "aif")
    assert [d.code for d in result.diagnostics if d.severity == "error"] == ["too-deep"]
