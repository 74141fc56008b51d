"""The Python API (argmap/api.py, re-exported by argmap/__init__.py), as a notebook uses it."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.analysis.evaluate import Status

ROOT = Path(__file__).parent.parent
PROMISE = ROOT / "maps" / "nato-promise.yaml"
SMALL = "question: Q?\nclaims:\n  - id: a\n    text: A\n    con:\n      - id: b\n        text: B\n"


def test_load_takes_a_str_a_path_a_folder_and_open_files() -> None:
    by_str = argmap.load(str(PROMISE))
    assert by_str.ok and [m.id for m in by_str.maps] == ["nato-promise"]
    assert argmap.load(PROMISE).maps == by_str.maps
    with PROMISE.open(encoding="utf-8") as text, PROMISE.open("rb") as data:
        assert argmap.load(text).maps == argmap.load(data).maps == by_str.maps
    folder = argmap.load(ROOT / "maps")
    assert folder.files == len(list((ROOT / "maps").glob("*.yaml"))) and folder.ok


def test_load_says_to_use_loads_for_text() -> None:
    with pytest.raises(argmap.UsageError, match=r"to read a map from a string, use "
                       r"argmap.loads\(text\)"):
        argmap.load("question: Q?\nclaims:\n  - text: A\n")
    missing = argmap.load("no-such-map.yaml")
    assert [str(d) for d in missing.diagnostics] == [
        "no-such-map.yaml:1:1: error: cannot read file: No such file or directory [unreadable]"]


def test_a_bad_map_is_diagnostics_not_an_exception() -> None:
    doc = argmap.loads("question: Q?\nclaims:\n  - text: A\n    pro: [{ref: zz}]\n",
                       name="x.yaml")
    assert not doc.ok and [str(d) for d in doc.diagnostics] == [
        "x.yaml:4:17: error: ref 'zz' names no statement in this map; give the statement "
        "you mean an `id` [unknown-ref]"]
    assert repr(doc) == "<Document 1 map, 1 statement, 0 sources: 1 error, 0 warnings>"
    with pytest.raises(argmap.MapError) as raised:
        argmap.load_map(io.StringIO("question: Q?\nclaims: []\n"))
    assert raised.value.exit_code == 1 and raised.value.diagnostics
    assert str(raised.value).startswith("<stream>:2:9: error:")


def test_load_map_picks_one_map() -> None:
    two = ("id: one\nquestion: Q?\nclaims: [{text: A}]\n---\n"
           "id: other\nquestion: R?\nclaims: [{text: B}]\n")
    with pytest.raises(argmap.MapError, match="several maps in <stream>: it holds one, other; "
                       "say which with id="):
        argmap.load_map(io.StringIO(two))
    assert argmap.load_map(io.StringIO(two), id="other").question == "R?"


def test_readers_are_chosen_as_the_cli_chooses_them() -> None:
    corpus = ROOT / "tests" / "corpus"
    assert argmap.load(corpus / "argdown" / "doc-pcs.argdown").maps
    kialo = (corpus / "kialo" / "congestion-outline.txt").read_text(encoding="utf-8")
    assert argmap.loads(kialo, format=None, name="c.txt").maps[0].claims
    assert argmap.loads(kialo, format="kialo", name="c").maps[0].claims
    with pytest.raises(argmap.UsageError, match="unknown input format 'word'; use one of yaml"):
        argmap.load(PROMISE, format="word")


def test_evaluate_labels_each_statement_by_address() -> None:
    m = argmap.loads(SMALL).maps[0]
    assert argmap.evaluate(m) == {
        "a": argmap.Label(Status.OUT, False, "b"),
        "b": argmap.Label(Status.IN, False, None),
    }
    assert argmap.evaluate(m)["a"].status == "out"
    with pytest.raises(argmap.UsageError, match="unknown semantics 'fuzzy'"):
        argmap.evaluate(m, semantics="fuzzy")


def test_export_gives_str_for_text_and_bytes_for_pictures() -> None:
    m = argmap.load_map(PROMISE)
    for name in ("json", "yaml", "markdown", "mermaid", "argdown", "kialo", "graphml", "aif",
                 "dot", "svg", "html"):
        assert isinstance(argmap.export(m, name), str), name
    assert isinstance(argmap.export(m, "pdf"), bytes)
    with pytest.raises(argmap.UsageError, match="--eval: kialo cannot show statuses"):
        argmap.export(m, "kialo", eval=True)


def test_the_api_and_the_cli_write_the_same_bytes(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from argmap.cli import app as cli

    out = tmp_path / "m.md"
    result = CliRunner().invoke(cli.app, ["render", str(PROMISE), "-o", str(out), "--eval",
                                          "--focus", "c2", "--depth", "2"])
    assert result.exit_code == 0
    m = argmap.load_map(PROMISE)
    assert out.read_text(encoding="utf-8") == argmap.export(m, "markdown", eval=True,
                                                             focus="c2", depth=2)


def test_view_and_graph() -> None:
    m = argmap.load_map(PROMISE)
    g = argmap.graph(m)
    assert g.lookup("no-binding-promise") is not None
    v = argmap.view(m, focus="c2", depth=1)
    assert v.focus is not None and len(v.statements) < len(g.statements)
    with pytest.raises(argmap.ViewError, match="no statement 'c9' in map 'nato-promise'"):
        argmap.view(m, focus="c9")


def test_a_map_shows_itself() -> None:
    m = argmap.loads(SMALL, name="s.yaml").maps[0]
    assert repr(m) == "<ArgumentMap 's': 1 claim, 2 statements, 0 sources (s.yaml:1)>"
    assert str(m) == argmap.show(m) == "Q?\n└── ◆ A\n    └── − B\n"


def test_jupyter_draws_the_map() -> None:
    m = argmap.load_map(PROMISE)
    svg = m._repr_svg_()
    assert svg is not None
    assert svg.startswith("<?xml") and "<svg" in svg and svg.rstrip().endswith("</svg>")
    html = m._repr_html_()
    assert html is not None
    assert html.startswith('<div class="argmap"') and "<svg" in html and "<?xml" not in html
    bundle = m._repr_mimebundle_()  # what a notebook asks for: one layout for both
    assert bundle == {"text/plain": str(m), "image/svg+xml": svg, "text/html": html}


def test_jupyter_without_graphviz_shows_the_tree(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot here
    m = argmap.load_map(PROMISE)
    assert m._repr_svg_() is None and m._repr_html_() is None
    assert m._repr_mimebundle_() == {"text/plain": str(m)}


def test_to_networkx() -> None:
    nx_graph = argmap.to_networkx(argmap.load_map(PROMISE))
    texts = {data.get("text") for _, data in nx_graph.nodes(data=True)}
    assert ("No written, legally binding promise ever ruled out NATO enlargement into "
            "Eastern Europe.") in texts


def test_importing_argmap_stays_cheap() -> None:
    heavy = ("graphviz", "docx", "pypdf", "networkx", "ruamel", "typer", "rich", "argmap.api")
    code = ("import sys, argmap; print(','.join(sorted(m for m in sys.modules if m.split('.')[0]"
            f" in {[h.split('.')[0] for h in heavy]!r} or m in {list(heavy)!r})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip() == "argmap,argmap.model"


def test_the_ascii_tree_has_an_ascii_legend() -> None:
    m = argmap.load_map(PROMISE)
    assert argmap.show(m, ascii=True, eval=True).splitlines()[-1] == (
        "[ok] stands, [x] falls, [?] undecided, grounded semantics")
    assert argmap.show(m, eval=True).splitlines()[-1] == (
        "✓ stands · ✗ falls (dimmed) · ? undecided · grounded semantics")


def test_check_takes_the_cli_selectors() -> None:
    m = argmap.load_map(ROOT / "maps" / "nato-invasion-decision.yaml")
    assert argmap.check(m) == []
    assert {d.code for d in argmap.check(m, select="default,debate")} == {"unanswered-attack"}
    with pytest.raises(argmap.UsageError):
        argmap.check(m, select="nonsense")


def test_render_options_are_checked_as_the_cli_checks_them() -> None:
    m = argmap.load_map(PROMISE)
    with pytest.raises(argmap.UsageError, match="unknown theme 'nope'; use one of light"):
        argmap.render(m, theme="nope")
    with pytest.raises(argmap.UsageError, match="unknown direction 'lr'; use one of TB, LR"):
        argmap.render(m, "dot", direction="lr")


def test_a_graph_is_looked_up_by_id_or_path_and_iterated() -> None:
    m = argmap.load_map(PROMISE)
    g = argmap.graph(m)
    assert g["c1"] is g["no-binding-promise"] and "c1.pro1" in g and "nope" not in g
    assert [s.key for s in g] == list(g.statements) and len(g) == 21
    with pytest.raises(KeyError):
        g["c9"]
    assert repr(g) == "<ArgumentGraph 'nato-promise': 21 statements, 21 links>"
    labels = argmap.evaluate(m)
    assert labels["c1"] == labels["no-binding-promise"]


def test_the_typed_format_names_are_the_registry_s() -> None:
    from typing import get_args

    from argmap.api import BinaryFormat, TextFormat
    from argmap.exporters import EXPORTERS

    binary = {name for name, spec in EXPORTERS.items() if spec.binary}
    assert set(get_args(BinaryFormat)) == binary
    assert set(get_args(TextFormat)) == set(EXPORTERS) - binary
