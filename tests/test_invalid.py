"""Every invalid fixture gives its diagnostic at the right line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.diagnostics import format_text
from argmap.workflow import check_paths
from tests.conftest import FIXTURES, INVALID, Golden

# fixture -> (code, line, column) of the diagnostic it exists for
EXPECTED: dict[str, tuple[str, int, int]] = {
    "alias": ("alias", 5, 5),
    "alias-bomb": ("alias", 5, 15),
    "bad-date": ("bad-date", 8, 11),
    "bad-date-format": ("bad-date", 8, 11),
    "bad-id": ("bad-id", 3, 9),
    "bad-url": ("bad-url", 8, 10),
    "bad-version": ("bad-version", 1, 9),
    "bad-weight": ("bad-weight", 6, 17),
    "binary": ("binary", 1, 1),
    "citation-missing-source": ("missing-key", 5, 9),
    "complex-key": ("wrong-type", 4, 5),
    "cites-not-list": ("wrong-type", 4, 12),
    "duplicate-id": ("duplicate-id", 5, 9),
    "duplicate-key": ("duplicate-key", 5, 5),
    "duplicate-map-id": ("duplicate-map-id", 6, 1),
    "duplicate-source": ("duplicate-key", 8, 3),
    "duplicate-text": ("duplicate-text", 6, 9),
    "empty": ("empty-file", 1, 1),
    "empty-claims": ("empty-claims", 2, 9),
    "empty-text": ("empty-text", 3, 11),
    "id-number": ("wrong-type", 3, 9),
    "many-problems": ("unknown-key", 4, 5),
    "merge-key": ("unknown-key", 3, 5),
    "missing-claims": ("missing-key", 1, 1),
    "missing-map-id": ("missing-map-id", 1, 1),
    "missing-question": ("missing-key", 1, 1),
    "missing-text": ("missing-key", 3, 5),
    "missing-title": ("missing-key", 7, 5),
    "not-utf8": ("encoding", 1, 14),
    "only-comments": ("empty-file", 1, 1),
    "ref-with-keys": ("ref-with-keys", 8, 9),
    "statement-not-mapping": ("wrong-type", 3, 5),
    "text-bool": ("wrong-type", 3, 11),
    "top-level-list": ("not-a-map", 1, 1),
    "top-level-scalar": ("not-a-map", 1, 1),
    "undercut-on-claim": ("undercut-on-claim", 5, 9),
    "unknown-key": ("unknown-key", 4, 5),
    "unknown-key-far": ("unknown-key", 4, 5),
    "unknown-ref": ("unknown-ref", 7, 14),
    "unknown-source": ("unknown-source", 4, 13),
    "unused-source": ("unused-source", 5, 3),
    "utf16": ("encoding", 1, 1),
    "weight-not-number": ("wrong-type", 6, 17),
    "wrong-type-pro": ("wrong-type", 4, 10),
    "yaml-bad-indent": ("yaml-syntax", 4, 4),
    "yaml-tab": ("yaml-syntax", 3, 1),
    "yaml-unclosed-quote": ("yaml-syntax", 1, 11),
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.stem for p in INVALID) == sorted(EXPECTED)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_diagnostic_code_and_position(path: Path) -> None:
    report = check_paths([path])
    found = [(d.code, d.span.line, d.span.column) for d in report.diagnostics]
    assert EXPECTED[path.stem] in found


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_whole_output(path: Path, golden: Golden) -> None:
    report = check_paths([path])
    relative = path.relative_to(FIXTURES.parent.parent)
    text = format_text(report.diagnostics).replace(str(path), str(relative))
    golden(f"check/{path.stem}.txt", text)


def test_many_problems_reports_all_of_them() -> None:
    codes = [d.code for d in check_paths([FIXTURES / "invalid/many-problems.yaml"]).diagnostics]
    assert codes == ["unknown-key", "empty-text", "unknown-ref", "ref-with-keys",
                     "unknown-source", "bad-id"]
