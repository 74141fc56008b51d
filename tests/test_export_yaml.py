"""Canonical YAML: loads back to the same model; the quoting rule is pinned."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.edit.fmt import format_text
from argmap.exporters.yaml import scalar
from argmap.model import ArgumentMap, Relation
from argmap.readers.yaml.load import load_text
from argmap.readers.yaml.style import plain_ok, quoted
from argmap.rules.format import check
from argmap.view import ViewOptions
from tests.conftest import Golden
from tests.exporting import EXPORT_MAPS, export, golden_name, load_all
from tests.helpers import plain
from tests.test_properties import TEXT, maps


def reload(text: str, name: str) -> ArgumentMap:
    result = load_text(text, name)
    assert [d for d in result.diagnostics if d.severity == "error"] == [], text
    (m,) = result.maps
    return m


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_round_trip_and_golden(path: Path, golden: Golden,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        text = export("yaml", m)
        golden(golden_name("yaml", path, m, ".yaml"), text)
        again = reload(text, m.span.file)
        assert plain(again) == plain(m)
        assert export("yaml", again) == text  # canonical: a fixed point
        assert format_text(text) == text  # and in fmt's layout: `fmt --check` passes


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_cut_maps_stay_valid(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        views = [ViewOptions(depth=1), ViewOptions(depth=2), ViewOptions(side=Relation.PRO)]
        views += [ViewOptions(focus=s.address) for s in m.walk()
                  if s.ref is None and not s.linked]
        for view in views:
            text = export("yaml", m, view)
            result = load_text(text, "cut.yaml")
            assert [d for d in result.diagnostics if d.severity == "error"] == [], (view, text)
            diagnostics = check(result.maps[0])
            assert [d for d in diagnostics if d.severity == "error"] == [], (view, text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(maps(linked=True))
def test_generated_maps_round_trip(m: ArgumentMap) -> None:
    text = export("yaml", m)
    result = load_text(text, "gen.yaml")
    assert [d for d in result.diagnostics if d.severity == "error"] == [], text
    assert plain(result.maps[0]) == plain(m)
    assert format_text(text) == text  # one canonical layout: fmt leaves the export alone


@settings(max_examples=300)
@given(TEXT | st.text(max_size=20).map(str.strip).filter(bool))
def test_any_text_reads_back(text: str) -> None:
    doc = f"question: {scalar(text, 2)}\nclaims:\n  - text: {scalar(text, 6)}\n"
    result = load_text(doc, "q.yaml")
    # texts with control characters, or with no visible character, are refused however
    # they are quoted
    if result.maps and not any(d.severity == "error" for d in result.diagnostics):
        assert result.maps[0].question == text
        assert result.maps[0].claims[0].text == text


@pytest.mark.parametrize(("text", "ok"), [
    ("Plain words, even with 'quotes' and \"doubles\"", True),
    ("C:\\temp", True), ("a#b", True), ("a:b", True), ("Ünïcödé 日本語", True),
    ("key: value", False), ("a #comment", False), ("ends with:", False),
    ("- dash", False), ("# hash", False), ("[x]", False), ("{x}", False), ("*alias", False),
    ("&anchor", False), ("!tag", False), ("|", False), (">", False), ("%", False),
    ("@x", False), ("`x", False), ("'q'", False), ('"q"', False), ("? x", False),
    ("yes", False), ("No", False), ("ON", False), ("null", False), ("~", False),
    ("true", False), ("2024", False), ("1.5", False), (".inf", False), ("+1", False),
    ("2024-01-02", False), ("<<", False), ("=", False), ("tab\there", False),
    ("line\nbreak", False), ("sep\u2028", False), ("bom\ufeff", False), ("", False),
])
def test_plain_rule(text: str, ok: bool) -> None:
    assert plain_ok(text) is ok


def test_flow_rule() -> None:
    assert plain_ok("a, b") and not plain_ok("a, b", flow=True)
    assert not plain_ok("x]", flow=True)


def test_scalars() -> None:
    assert scalar("two\nlines", 4) == "|-\n    two\n    lines"
    assert scalar("edge \nspace", 4) == '"edge \\nspace"'
    assert scalar("blank\n\nline", 4) == "|-\n    blank\n\n    line"
    assert quoted("a\u2028b\x85") == '"a\\Lb\\N"'
    assert scalar("key: value", 2) == "'key: value'"


def test_a_focused_premise_becomes_a_plain_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    (m,) = load_all(Path("tests/fixtures/valid/full.yaml"), monkeypatch)
    text = export("yaml", m, ViewOptions(focus="health"))
    assert "claims:\n  - id: health\n    text: Electric buses cut street-level air pollution.\n" \
        "    cites:\n" in text
    assert "undercut" not in text


def test_a_statement_twice_in_one_linked_argument_stays_written_once() -> None:
    # a duplicate-premise map (check refuses it) still exports as it reads: the ref
    # stays a ref, told apart from the written premise by its path
    text = ("argmap: 1.1\nid: twice\nquestion: Q\nclaims:\n  - text: A\n    con:\n"
            "      - premises:\n          - ref: b\n          - id: b\n            text: B\n")
    m = reload(text, "twice.yaml")
    assert export("yaml", m) == text
