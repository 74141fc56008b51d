"""Renderers: whole outputs against golden files, and Graphviz accepts every DOT."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.loader import load_path
from argmap.renderers.dot import DotOptions, render_dot
from argmap.renderers.tree import TreeOptions, render_tree, to_text
from argmap.view import build_view
from tests.conftest import FIXTURES, VALID, Golden

ROOT = FIXTURES.parent.parent
MAPS = sorted((ROOT / "maps").glob("*.yaml"))
SVG = "{http://www.w3.org/2000/svg}"


def views(path: Path) -> list[tuple[str, object]]:
    maps = load_path(path).maps
    return [(m.id if len(maps) > 1 else path.stem, build_view(m)) for m in maps]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_show_golden(path: Path, golden: Golden) -> None:
    for name, view in views(path):
        lines = render_tree(view, TreeOptions(width=80, quotes=True))  # type: ignore[arg-type]
        golden(f"show/{name}.txt", to_text(lines, color=False))
        lines = render_tree(view, TreeOptions(width=80, ascii=True, ids=True))  # type: ignore[arg-type]
        text = to_text(lines, color=False)
        assert text.isascii() or name == "hostile"  # hostile's own text is not ASCII
        golden(f"show/{name}.ascii.txt", text)


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_dot_golden(path: Path, golden: Golden) -> None:
    for name, view in views(path):
        golden(f"dot/{name}.dot", render_dot(view))  # type: ignore[arg-type]


def dot_to_svg(dot: str) -> ET.Element:
    assert shutil.which("dot"), "Graphviz is required for the tests: make test installs it"
    done = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert b"Warning" not in done.stderr, done.stderr.decode()
    return ET.fromstring(done.stdout)


@pytest.mark.parametrize("path", VALID + MAPS, ids=lambda p: p.stem)
@pytest.mark.parametrize("theme", ["light", "dark", "print"])
def test_graphviz_accepts_every_dot(path: Path, theme: str) -> None:
    for _, view in views(path):
        dot_to_svg(render_dot(view, DotOptions(theme=theme)))  # type: ignore[arg-type]


def test_hostile_text_survives_into_svg() -> None:
    (_, view), = views(FIXTURES / "valid/hostile.yaml")
    svg = dot_to_svg(render_dot(view))  # type: ignore[arg-type]
    texts = " ".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    for fragment in ['She said "no" and left; the file was', "C:\\temp\\new.txt",
                     "Edge \\N and \\G and \\L are DOT escapes;", '\\" too',
                     "<b>not bold</b> &amp; not an entity", "<script>alert(\"x\")</script>",
                     "{record|label}", "日本語", "Several lines of text"]:
        assert fragment in texts, fragment
    links = [a.get("{http://www.w3.org/1999/xlink}href") for a in svg.iter(f"{SVG}a")]
    assert "https://example.org/search?q=a&b=%3Cc%3E" in links


def test_graphviz_warnings_get_advice() -> None:
    from argmap.renderers.layout import warnings

    stderr = ("Warning: graph is too large for cairo-renderer bitmaps. Scaling by 0.4 to fit\n"
              "\nWarning: node n1, port x unrecognized\n")
    assert warnings(stderr, "png") == [
        "the diagram is too large for a PNG bitmap, so Graphviz shrank it and small text may "
        "be unreadable; use -f svg or -f pdf, or draw less with --depth N or --focus ID",
        "Graphviz: Warning: node n1, port x unrecognized"]


def test_engine_choice() -> None:
    from argmap.renderers.layout import choose_engine

    assert choose_engine(2000, None) == ("dot", None)
    assert choose_engine(2001, None) == ("sfdp", "2,001 statements, so using --engine sfdp (a "
                                         "dot layout this big takes minutes); --depth or "
                                         "--focus draw less")
    assert choose_engine(5000, "dot") == ("dot", "5,000 statements: a dot layout this big may "
                                          "take minutes; --engine sfdp is much faster")
    assert choose_engine(10, "sfdp") == ("sfdp", None)
