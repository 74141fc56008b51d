"""Argdown export without machine titles, and links that stay links (issue 19, item 9).

A statement is titled only where it had an id or is named again; the Argdown
CLI must read the same texts, relations and premise-conclusion structures as
from the export that titles every statement by its key (what
tests/test_export_argdown.py compares title by title).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import argmap.exporters.argdown as argdown_exporter
from argmap.exporters import ExportOptions
from argmap.exporters.argdown import argdown_text
from argmap.exporters.argdown import export as export_graph
from argmap.graph import build_graph
from argmap.readers import READERS
from argmap.readers.yaml.load import load_text
from tests.conftest import TESTS
from tests.reference_tools import argdown_json, every_graph

#: a premise's definition with a path as title: ``+ [c1.pro1]: text``, ``(1) [c2.con1.1]: …``
#: (a claim nothing bears on keeps its title: untitled, it would be prose)
MACHINE = re.compile(r"^\s*(?:[+\-_] |\(\d+\) )\[c\d+(?:\.[a-z0-9]+)*\]:", re.MULTILINE)


def labels(document: dict[str, Any]) -> dict[str, str]:
    """Title -> what names it independently of titles: the statement's text (the last
    member with one), else its title (a conclusion without text, an argument)."""
    found = {}
    for title, entry in document["statements"].items():
        said = [t for m in entry["members"] if (t := (m.get("text") or "").rstrip(" "))]
        found[title] = said[-1] if said else title
    return found


def reading(document: dict[str, Any]) -> tuple[list[str], set[tuple[str, str, str]],
                                                dict[str, list[tuple[str, str]]]]:
    """Statements, relations and pcs as the CLI read them, by label."""
    name = labels(document)

    def label(title: str) -> str:
        return name.get(title, "<" + title)

    relations = {(label(r["from"]), label(r["to"]), r["relationType"])
                 for kind in ("statements", "arguments")
                 for entry in document[kind].values() for r in entry["relations"]}
    pcs = {title: [(label(m["title"]), m["role"]) for m in entry["pcs"]]
           for title, entry in document["arguments"].items() if entry.get("pcs")}
    return sorted(name.values()), relations, pcs


def test_the_cli_reads_the_same_without_machine_titles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graphs = dict(every_graph())
    bare, titled = tmp_path / "bare", tmp_path / "titled"
    bare.mkdir()
    titled.mkdir()
    for name, graph in graphs.items():
        text = export_graph(graph, ExportOptions())
        (bare / f"{name}.argdown").write_text(text, encoding="utf-8")
        assert MACHINE.search(text) is None or _needed(graph, text), name
    with monkeypatch.context() as patch:
        patch.setattr(argdown_exporter, "titled", lambda g, *_: set(g.statements) | set(g.roots))
        for name, graph in graphs.items():
            (titled / f"{name}.argdown").write_text(export_graph(graph, ExportOptions()),
                                                     encoding="utf-8")
    ours = argdown_json(sorted(bare.glob("*.argdown")), tmp_path / "bare-json")
    theirs = argdown_json(sorted(titled.glob("*.argdown")), tmp_path / "titled-json")
    for name in graphs:
        assert reading(ours[name]) == reading(theirs[name]), name


def _needed(graph: Any, text: str) -> bool:
    """Every path title in ``text`` names a statement that needs one (named again)."""
    used = re.findall(r"\[(c\d+(?:\.[a-z0-9]+)*)\]:", text)
    return all(text.count(f"[{key}]") > 1 or f"<{key}>" in text for key in used)


def test_a_golden_export_has_no_machine_titles() -> None:
    text = (TESTS / "golden" / "argdown" / "full.argdown").read_text(encoding="utf-8")
    assert MACHINE.search(text) is None
    assert "  + Diesel exhaust is a known carcinogen." in text


def test_an_unrelated_claim_keeps_its_title() -> None:
    # untitled and unrelated, Argdown (and the import) would read it as prose
    m = load_text("question: Q?\nclaims:\n  - text: A.\n    pro:\n      - text: B.\n"
                  "  - text: C.\n", "q.yaml").maps[0]
    text = export_graph(build_graph(m), ExportOptions())
    assert text == "# Q?\n\nA.\n  + B.\n\n[c2]: C.\n"
    (back,) = READERS["argdown"].read(text, "q.argdown").maps
    assert [c.text for c in back.claims] == ["A.", "C."] and back.context is None


@pytest.mark.parametrize(("text", "line"), [
    ("- 5 degrees is the limit.", "[c1.pro1]: - 5 degrees is the limit."),
    ("1. First, the cost.", "[c1.pro1]: 1. First, the cost."),
    ("(2) is wrong.", "[c1.pro1]: (2) is wrong."),
])
def test_a_text_argdown_would_read_as_syntax_keeps_its_title(text: str, line: str) -> None:
    m = load_text(f"question: Q?\nclaims:\n  - text: A.\n    pro:\n      - text: '{text}'\n",
                  "q.yaml").maps[0]
    assert f"  + {line}\n" in export_graph(build_graph(m), ExportOptions())


def test_a_markdown_link_is_exported_as_an_argdown_link(tmp_path: Path) -> None:
    # as Kialo writes a link inside a statement: kept as a link, not escaped text
    assert argdown_text("Fares fell [by a third](https://example.org/fares?a=1).") == (
        "Fares fell [by a third](https://example.org/fares?a=1).")
    assert argdown_text("see [notes](local.md) [x]") == r"see \[notes\](local\.md) \[x\]"
    file = tmp_path / "link.argdown"
    file.write_text("[f]: " + argdown_text("Fares fell [by a third](https://example.org/f).")
                    + "\n", encoding="utf-8")
    document = argdown_json([file], tmp_path / "json")["link"]
    (member,) = document["statements"]["f"]["members"]
    assert member["text"] == "Fares fell by a third."
    assert [r["url"] for r in member["ranges"] if r["type"] == "link"] == [
        "https://example.org/f"]
