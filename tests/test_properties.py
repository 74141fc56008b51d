"""Property-based tests: generated maps round-trip; no input raises."""

from __future__ import annotations

import string
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.model import (
    LINKED_VERSION,
    ArgumentMap,
    Citation,
    Relation,
    Source,
    Span,
    Statement,
    visible,
)
from argmap.readers.yaml.build import PATH_LIKE
from argmap.readers.yaml.load import load_bytes, load_text
from argmap.rules.format import check
from tests.conftest import INVALID, VALID
from tests.helpers import map_doc, plain, to_yaml

SPAN = Span("gen.yaml", 1, 1)
# Printable text as people write it: no control characters, no YAML line
# separators (U+2028/2029 fold inside quotes), no BOM; trimmed, as the loader trims.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                             blacklist_characters="\ufeff"), min_size=1, max_size=40
               ).map(str.strip).filter(visible)  # a text of only U+200D & co. is empty
SLUG = st.from_regex(r"[a-z0-9][a-z0-9_.\-]{0,12}", fullmatch=True).filter(
    lambda s: PATH_LIKE.match(s) is None)  # an id must not look like a derived path
SOURCE_IDS = ("s1", "s2", "s3")


@st.composite
def citations(draw: st.DrawFn) -> Citation:
    return Citation(draw(st.sampled_from(SOURCE_IDS)), SPAN,
                    draw(st.none() | TEXT), draw(st.none() | TEXT))


@st.composite
def statements(draw: st.DrawFn, relation: Relation, path: str, depth: int,
               linked: bool = False, premise: bool = False) -> Statement:
    """A statement; with ``linked``, an item of a pro or con list is sometimes a linked
    argument (format 1.1); a ``premise`` of one has no weight and no undercut."""
    if relation is not Relation.CLAIM and draw(st.integers(0, 9)) == 0:
        return Statement(path=path, relation=relation, span=SPAN, ref=draw(SLUG))
    if linked and not premise and relation in (Relation.PRO, Relation.CON) and (
            draw(st.integers(0, 5)) == 0):
        count = draw(st.integers(2, 3))
        premises = tuple(draw(statements(relation, f"{path}.{i}", depth + 1, linked, True))
                         for i in range(1, count + 1))
        cuts = draw(st.integers(0, 1 if depth < 3 else 0))
        return Statement(
            path=path, relation=relation, span=SPAN, id=draw(st.none() | SLUG),
            undercut=tuple(draw(statements(Relation.UNDERCUT, f"{path}.undercut{i}", depth + 1,
                                           linked)) for i in range(1, cuts + 1)),
            tags=tuple(draw(st.lists(TEXT, max_size=2))), note=draw(st.none() | TEXT),
            weight=draw(st.none() | st.integers(1, 5)), premises=premises)
    kids: dict[str, Any] = {}
    for rel in (Relation.PRO, Relation.CON, Relation.UNDERCUT):
        if rel is Relation.UNDERCUT and (relation is Relation.CLAIM or premise):
            continue
        count = draw(st.integers(0, 2 if depth < 3 else 0))
        kids[rel.value] = tuple(draw(statements(rel, f"{path}.{rel.value}{i}", depth + 1,
                                                linked)) for i in range(1, count + 1))
    return Statement(
        path=path, relation=relation, span=SPAN, text=draw(TEXT), id=draw(st.none() | SLUG),
        cites=tuple(draw(st.lists(citations(), max_size=2))), by=draw(st.none() | TEXT),
        tags=tuple(draw(st.lists(TEXT, max_size=2))), note=draw(st.none() | TEXT),
        weight=None if premise else draw(st.none() | st.integers(1, 5)), **kids)


@st.composite
def maps(draw: st.DrawFn, linked: bool = False) -> ArgumentMap:
    """A map; with ``linked``, it may hold linked arguments (format 1.1)."""
    n = draw(st.integers(1, 3))
    claims = tuple(draw(statements(Relation.CLAIM, f"c{i}", 1, linked))
                   for i in range(1, n + 1))
    date = (st.none() | st.dates().map(lambda d: d.isoformat())
            | st.sampled_from(["2024", "1990-02"]))
    sources = {sid: Source(sid, draw(TEXT), SPAN, author=tuple(draw(st.lists(TEXT, max_size=2))),
                           publisher=draw(st.none() | TEXT), date=draw(date),
                           url=draw(st.none() | st.sampled_from(["https://example.org/a",
                                                                 "http://x.test/"])),
                           accessed=draw(date), kind=draw(st.none() | TEXT),
                           note=draw(st.none() | TEXT))
               for sid in draw(st.lists(st.sampled_from(SOURCE_IDS), unique=True))}
    # read as format 1.1: its quotes are any text, which 1.2 would read as markup
    return ArgumentMap(draw(SLUG), draw(TEXT), SPAN, claims, context=draw(st.none() | TEXT),
                       tags=tuple(draw(st.lists(TEXT, max_size=2))), sources=sources,
                       version=LINKED_VERSION)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(maps(linked=True))
def test_written_maps_load_back_equal(m: ArgumentMap) -> None:
    text = to_yaml(map_doc(m))
    result = load_text(text, "gen.yaml")
    assert result.diagnostics == [], text
    assert plain(result.maps[0]) == plain(m)


SEEDS = [p.read_bytes() for p in VALID + INVALID]


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data: bytes) -> None:
    result = load_bytes(data, "random.yaml")
    for m in result.maps:
        check(m)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.integers(0, 2))
        at = draw(st.integers(0, len(data)))
        if op == 0:
            data[at:at] = draw(st.sampled_from([b"-", b":", b"[", b"{", b"&a ", b"*a", b"\t",
                                                b"'", b'"', b"\n  ", b"---\n", b"ref: x",
                                                b"\xff", b"!!binary ", b"? "]))
        elif op == 1:
            del data[at:at + draw(st.integers(1, 8))]
        elif data:
            data[min(at, len(data) - 1)] = draw(st.sampled_from(string.printable.encode()))
    return bytes(data)


@settings(max_examples=400)
@given(mutated())
def test_mutated_maps_never_raise(data: bytes) -> None:
    result = load_bytes(data, "mutated.yaml")
    for m in result.maps:
        for d in check(m):
            assert d.span.line >= 1 and d.span.column >= 1


@given(st.text("[]{}", max_size=60).map(str.encode))
def test_flow_depth_shortcut_only_skips_flat_brackets(brackets: bytes) -> None:
    # depth._flow_bound skips the depth count when no two openers follow
    # each other; that must mean nothing nests deeper than one level.
    from argmap.readers.yaml.depth import _FLAT
    from argmap.readers.yaml.depth import max_depth as _max_depth

    if b"[[" not in brackets.translate(_FLAT):
        assert _max_depth(brackets) <= 1
    else:
        assert _max_depth(brackets) >= 2
