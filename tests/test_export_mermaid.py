"""Mermaid export: golden files, Mermaid's own parser, and labels that survive any text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.exporters import ExportOptions
from argmap.exporters.mermaid import export as export_graph
from argmap.exporters.mermaid import mermaid_label
from argmap.model import single_spaced
from argmap.view import ViewOptions, cut
from tests.conftest import Golden
from tests.exporting import EXPORT_MAPS, export, golden_name, load_all
from tests.reference_tools import ROOT, every_graph, mermaid_parse


@pytest.mark.parametrize("path", EXPORT_MAPS, ids=lambda p: p.name)
def test_mermaid_golden(path: Path, golden: Golden, monkeypatch: pytest.MonkeyPatch) -> None:
    for m in load_all(path, monkeypatch):
        golden(golden_name("mermaid", path, m, ".mmd"), export("mermaid", m))


def test_mermaids_parser_accepts_every_export(tmp_path: Path) -> None:
    files = []
    for name, graph in every_graph():
        some = next((k for k in graph.statements if k not in graph.claims), None)
        variants = {"TB": (graph, "TB"), "LR": (graph, "LR"),
                    "depth": (cut(graph, ViewOptions(depth=2)), "TB")}
        if some is not None:
            variants["focus"] = (cut(graph, ViewOptions(focus=some)), "TB")
        for label, (part, direction) in variants.items():
            file = tmp_path / f"{name}.{label}.mmd"
            text = export_graph(part, ExportOptions(direction=direction))
            file.write_text(text, encoding="utf-8")
            files.append(file)
    errors = {f: e for f, e in mermaid_parse(files).items() if e is not None}
    assert errors == {}
    assert len(files) > 40


def test_direction_turns_the_layout_around() -> None:
    _, graph = every_graph()[0]
    firsts = {d: export_graph(graph, ExportOptions(direction=d)).split("\n", 1)[0]
              for d in ("TB", "BT", "LR", "RL")}
    # Arrows run premise -> parent, so the question is where Mermaid ends.
    assert firsts == {"TB": "flowchart BT", "BT": "flowchart TB",
                      "LR": "flowchart RL", "RL": "flowchart LR"}


@pytest.mark.parametrize(("text", "quoted"), [
    ('say "no"', '"say #quot;no#quot;"'),
    ("#quot; and #9829; stay literal", '"#35;quot; and #35;9829; stay literal"'),
    ("a (b) [c] {d} a---b end", '"a (b) [c] {d} a---b end"'),
    ("<b>x</b> & y", '"#lt;b#gt;x#lt;/b#gt; #amp; y"'),
    ("`md`", '"#96;md#96;"'),
    ("two\nlines\t tab", '"two lines tab"'),
    ("bell\x07", '"bell\ufffd"'),
    (" \n", '" "'),
    ("%%{init: {}}%% 50%", '"#37;#37;{init: {}}#37;#37; 50#37;"'),
    # Mermaid drops the last ";" of a line like style…:…#…; (its own entity quirk)
    ("lifestyle:&more", '"lifestyl#101;:#amp;more"'),
    ("classDef x:#f00;", '"classDe#102; x:#35;f00;"'),
    ("plain style, no entity", '"plain style, no entity"'),
])
def test_mermaid_label(text: str, quoted: str) -> None:
    assert mermaid_label(text) == quoted


def test_any_text_survives_as_a_label(tmp_path: Path) -> None:
    """Generated labels all parse, and Mermaid shows each exactly (one node run for all)."""
    labels: list[str] = []

    @settings(max_examples=300, suppress_health_check=list(HealthCheck), database=None)
    @given(st.text(min_size=1, max_size=40))
    def collect(text: str) -> None:
        labels.append(text)

    collect()
    labels += ["end", "graph", "a---b", "x-->y", "%%{init: {}}%%", "click", "style", "A[B]",
               "style:#ff0;", "lifestyle:&more", "classDef c:#f00;", "a style: x#y; z"]
    files = []
    for i in range(0, len(labels), 25):
        file = tmp_path / f"labels{i}.mmd"
        chunk = labels[i:i + 25]
        body = "".join(f"  n{j}[{mermaid_label(t)}]\n" for j, t in enumerate(chunk))
        file.write_text("flowchart TB\n" + body, encoding="utf-8")
        files.append((file, chunk))
    shown = mermaid_parse([f for f, _ in files], texts=True)
    for file, chunk in files:
        result = shown[str(file)]
        assert isinstance(result, dict), f"{result}: {chunk}"
        texts = result["texts"]
        for j, text in enumerate(chunk):
            expected = single_spaced(text)
            expected = "".join(c if c.isprintable() else "\ufffd" for c in expected)
            assert texts.get(f"n{j}") == expected, repr(text)


def test_the_readme_shows_the_example_export() -> None:
    example = (ROOT / "examples" / "nato-promise.mmd").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"```mermaid\n{example}```\n" in readme, "paste examples/nato-promise.mmd into README"


def test_a_map_too_big_for_mermaid_says_how_to_export_part_of_it(tmp_path: Path) -> None:
    """The hint appears exactly where Mermaid's own edge limit starts refusing."""
    from argmap.graph import build_graph
    from argmap.readers.yaml.load import load_text

    def export_pros(n: int) -> str:
        pros = "".join(f"      - text: Reason {i}.\n" for i in range(n))
        [m] = load_text(f"question: Q?\nclaims:\n  - text: C.\n    pro:\n{pros}").maps
        return export_graph(build_graph(m), ExportOptions())

    fits, too_big = export_pros(499), export_pros(500)  # 500 and 501 edges with the claim's
    assert fits.startswith("flowchart BT\n")
    assert too_big.split("\n", 1)[0] == (
        "%% Too big for Mermaid, which draws at most 50,000 characters and 500 edges "
        "(25,643 and 501 here): export part of the map with --focus ID or --depth N.")
    (tmp_path / "fits.mmd").write_text(fits, encoding="utf-8")
    (tmp_path / "too-big.mmd").write_text(too_big, encoding="utf-8")
    said = mermaid_parse([tmp_path / "fits.mmd", tmp_path / "too-big.mmd"])
    assert said[str(tmp_path / "fits.mmd")] is None
    assert str(said[str(tmp_path / "too-big.mmd")]).startswith("Edge limit exceeded.")


def test_render_says_on_stderr_when_a_map_is_too_big_for_mermaid(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from argmap.cli.app import app

    def render(n: int) -> tuple[str, str]:
        pros = "".join(f"      - text: Reason {i}.\n" for i in range(n))
        (tmp_path / "big.yaml").write_text(f"question: Q?\nclaims:\n  - text: C.\n    pro:\n"
                                           f"{pros}", encoding="utf-8")
        result = CliRunner().invoke(app, ["render", str(tmp_path / "big.yaml"), "-f", "mermaid",
                                          "-o", "-"])
        assert result.exit_code == 0, result.output
        return result.stdout, result.stderr

    assert render(499)[1] == ""
    out, err = render(500)
    assert err == ("argmap: big: too big for Mermaid, which draws at most 50,000 characters and "
                   "500 edges (25,643 and 501 here): export part of the map with --focus ID or "
                   "--depth N\n")
    assert out.startswith("%% Too big for Mermaid")


def test_a_linked_argument_is_one_junction_with_its_undercut_aimed_at_it() -> None:
    graph = dict(every_graph())["linked"]
    lines = export_graph(graph, ExportOptions()).splitlines()
    # c1.pro1: two premises (one a ref) meet at j1; one arrow to the claim with the
    # marker, weight and id; the joint undercut points at j1, once
    assert [x.strip() for x in lines if "j1" in x] == [
        'j1(("·")):::junction', "n2 --- j1", "n6 --- j1",
        'j1 -->|"+ ▰▰▰▰▱ no-gridlock"| n1', 'n4 ==>|"⊘"| j1']
    assert sum("(((" in x or '(("·"))' in x for x in lines) == 4  # one per linked argument
