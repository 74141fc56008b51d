"""The bundled maps stay clean and keep showing every feature of the format."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.api import check_paths
from argmap.model import Relation, Statement
from argmap.readers import load_path
from tests.conftest import TESTS

MAPS = sorted((TESTS.parent / "maps").glob("*.yaml"))


def test_there_are_five_maps() -> None:
    assert len(MAPS) == 5


def test_check_strict_is_clean() -> None:
    report = check_paths([TESTS.parent / "maps"])
    assert [str(d) for d in report.diagnostics] == []
    assert len(report.maps) == 5


def depth(statement: Statement) -> int:
    return 1 + max((depth(c) for c in statement.children()), default=0)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_map_uses_every_feature(path: Path) -> None:
    (m,) = load_path(path).maps
    statements = list(m.walk())
    written = [s for s in statements if s.ref is None]
    assert m.id == path.stem
    assert len(m.claims) >= 2
    assert len(written) >= 20
    assert max(depth(c) for c in m.claims) - 1 >= 3  # three levels below a claim
    assert any(s.by for s in written)
    assert any(s.ref for s in statements)
    assert any(s.relation is Relation.UNDERCUT for s in statements)
    assert any(s.weight for s in written)
    assert any(c.quote and c.locator for s in written for c in s.cites)
    assert len(m.sources) >= 1
    assert all(s.url is None for s in m.sources.values())  # the seeds give no URLs
