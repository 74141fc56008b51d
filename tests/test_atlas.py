"""The atlas (render --pages): page sizes, every statement once, marks paired, text >= 8 pt.

Read back with poppler's pdftotext (``-raw`` keeps each box's lines together,
``-bbox`` gives each word's height) and pdfinfo; make test installs poppler-utils.
"""

from __future__ import annotations

import re
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.atlas.partition import Item, partition
from argmap.cli.app import app
from argmap.graph import build_graph
from argmap.model import Relation, single_spaced
from argmap.readers import load_path
from tests.conftest import TESTS

ROOT = TESTS.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

#: a word's box in pdftotext -bbox is this many times its font size (DejaVu Sans)
WORD_HEIGHT = 1.092
REF = re.compile(r"↪ [^“↪]*“[^”]*”")


def render(source: Path, out: Path | str, *args: str) -> str:
    """Run render --pages; its stderr."""
    result = CliRunner().invoke(app, ["render", str(source), "--pages", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return result.stderr


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, whitespace made single (a box's wrapped lines join up)."""
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return [single_spaced(page) for page in raw.split("\f")[:-1]]


def pages_of_runs(runs: str) -> list[int]:
    """``2, 5–9`` -> [2, 5, 6, 7, 8, 9]."""
    out: list[int] = []
    for run in runs.split(","):
        first, _, last = run.strip().partition("–")
        out += range(int(first), int(last or first) + 1)
    return out


def check_atlas(pdf: Path, source: Path, size: tuple[int, int], legible: bool = True
                ) -> list[str]:
    """Every statement on exactly one page, marks paired both ways, paper size, 8 pt."""
    info = subprocess.run(["pdfinfo", "-l", "9999", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    sizes = set(re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info))
    assert sizes == {(str(size[0]), str(size[1]))}, sizes
    texts = page_texts(pdf)
    graph = build_graph(load_path(source).maps[0])
    # the content pages (the overview lists the claims); ref previews quote other statements
    bare = [REF.sub("", text) for text in texts[1:]]
    for key, s in graph.statements.items():
        text = single_spaced(s.text)
        found = [n for n, page in enumerate(bare, start=2)  # `in` first: 10,000 x 500 pages
                 if text in page and re.search(re.escape(text) + r"(?![\w])", page)]
        assert len(found) == 1, (key, found)
    assert texts[0].startswith(single_spaced(graph.question))  # the overview comes first
    continued = {(m, n) for m, text in enumerate(texts, start=1)
                 for group in re.findall(r"continued on pages? (\d+(?:–\d+)?(?:, \d+(?:–\d+)?)*)",
                                         text)
                 for n in pages_of_runs(group)}
    came = {(int(m), n) for n, text in enumerate(texts, start=1)
            for m in re.findall(r"from page (\d+)", text)}
    assert continued == came
    for n, text in enumerate(texts, start=1):
        assert f"page {n} of {len(texts)}" in text
    heights = [float(b) - float(a) for a, b in re.findall(
        r'<word xMin="[^"]*" yMin="([^"]*)" xMax="[^"]*" yMax="([^"]*)"',
        subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                       text=True).stdout)]
    assert min(heights) / WORD_HEIGHT >= 8 - 0.01 or not legible
    return texts


@pytest.mark.parametrize("source", [*sorted((ROOT / "maps").glob("*.yaml")),
                                    *(TESTS / "fixtures/valid" / f"{name}.yaml"
                                      for name in ("cycle", "full", "linked", "minimal"))],
                         ids=lambda p: p.stem)
def test_bundled_maps_as_atlases(source: Path, tmp_path: Path) -> None:
    render(source, tmp_path / "a.pdf")
    check_atlas(tmp_path / "a.pdf", source, (595, 842))


@pytest.mark.parametrize(("size", "paper", "orientation", "expected"), [
    (300, "letter", "landscape", (792, 612)),
    (3000, "a4", "portrait", (595, 842)),
    (10_000, "a3", "landscape", (1191, 842)),
])
def test_synthetic_maps_as_atlases(size: int, paper: str, orientation: str,
                                   expected: tuple[int, int], tmp_path: Path) -> None:
    source = tmp_path / "big.yaml"
    source.write_text(generate(size))
    stderr = render(source, tmp_path / "a.pdf", "--page", paper, "--orientation", orientation)
    texts = check_atlas(tmp_path / "a.pdf", source, expected)
    if size >= 10_000:  # long enough to report progress (3,000 now lays out in about a second)
        assert f"laid out page {len(texts)} of {len(texts)}\n" in stderr


def linked_map(claims: int, depth: int) -> str:
    """A format 1.1 map whose statements each have a linked argument of three long premises
    (undercut) and one ordinary con, ``depth`` levels deep; every text is unique."""
    words = "long enough to wrap over three or four lines of its box on the page"
    count = iter(range(1_000_000))

    def below(level: int, indent: str) -> list[str]:
        if level == depth:
            return []
        out = [f"{indent}pro:", f"{indent}  - premises:"]
        for _ in range(3):
            out.append(f"{indent}      - text: Premise {next(count)}, {words}.")
            out += below(level + 1, indent + "        ")
        out += [f"{indent}    undercut:",
                f"{indent}      - text: Undercut {next(count)}, {words}.",
                f"{indent}con:", f"{indent}  - text: Con {next(count)}, {words}."]
        return out

    lines = ["argmap: 1.1", "id: deep", "question: Does it hold?", "claims:"]
    for c in range(claims):
        lines += [f"  - text: Claim {c}.", *below(0, "    ")]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("width", "height"), [(300, 200), (500, 300), (500, 700)])
def test_a_linked_arguments_premises_stay_on_one_page(width: float, height: float,
                                                       tmp_path: Path) -> None:
    source = tmp_path / "deep.yaml"
    source.write_text(linked_map(2, 4))
    graph = build_graph(load_path(source).maps[0])
    pages = partition(graph, width, height)
    seen: dict[str, int] = {}  # linked link key -> the page its premises are on
    for number, page in enumerate(pages):
        items = list(page.roots) + [kid for below in page.below.values() for kid in below]
        for item in items:
            link = item.link
            if link is not None and link.relation is Relation.UNDERCUT:
                link = graph.link(link.target)  # a joint undercut goes with its argument
            if link is not None and link.linked:
                assert seen.setdefault(link.key, number) == number, (item, pages)
    arguments = {link.key for link in graph.links if link.linked}
    assert seen.keys() == arguments
    assert len(pages) > 3  # the map was cut, and cut between premises' subtrees


def test_an_atlas_of_linked_arguments(tmp_path: Path) -> None:
    source = tmp_path / "deep.yaml"
    source.write_text(linked_map(3, 4))
    render(source, tmp_path / "a.pdf")
    texts = check_atlas(tmp_path / "a.pdf", source, (595, 842))
    assert "● together: premises that meet at a dot" in texts[0]


def test_svg_pages_and_index_have_no_overlapping_boxes(tmp_path: Path) -> None:
    source = ROOT / "maps/nato-invasion-decision.yaml"
    render(source, f"{tmp_path}/out/", "-f", "svg")
    index = tmp_path / "out/nato-invasion-decision.svg"
    pages = sorted((tmp_path / "out").glob("nato-invasion-decision-page-*.svg"))
    assert index.exists() and pages
    links = set(re.findall(r'xlink:href="([^"]+)"', index.read_text()))
    assert links <= {p.name for p in pages} and links
    for page in pages:
        boxes = []
        for d in re.findall(r'<g id="node\d+" class="node">.*?<path[^>]* d="([^"]+)"',
                            page.read_text(), re.S):
            xs = [float(x) for x in re.findall(r"(-?[\d.]+),", d)]
            ys = [float(y) for y in re.findall(r",(-?[\d.]+)", d)]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
        for a, b in combinations(boxes, 2):
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (page, a, b)


@pytest.mark.parametrize("name", ["valid/hostile.yaml", "terminal/controls.yaml"])
def test_hostile_text_shows_as_typed(name: str, tmp_path: Path) -> None:
    render(TESTS / "fixtures" / name, tmp_path / "a.pdf")
    text = " ".join(page_texts(tmp_path / "a.pdf"))
    if name.startswith("valid"):
        assert '<script>alert("x")</script>' in text
        assert "<b>not bold</b> &amp; not an entity &lt;" in text
        assert r"Edge \N and \G and \L are DOT escapes" in text
    else:
        assert "\x1b" not in text and "Red \ufffd[31mtext" in text


def test_pages_only_for_pdf_and_svg() -> None:
    result = CliRunner().invoke(app, ["render", str(ROOT / "maps/nato-promise.yaml"), "-f",
                                      "png", "--pages"])
    assert result.exit_code == 2
    assert result.stderr == "argmap: --pages: png has no pages; use -f pdf or -f svg\n"


def test_svg_pages_refuse_stdout() -> None:
    result = CliRunner().invoke(app, ["render", str(ROOT / "maps/nato-promise.yaml"), "-f",
                                      "svg", "--pages", "-o", "-"])
    assert result.exit_code == 2  # a usage error, as without --pages
    assert result.stderr == ("argmap: -f svg --pages writes a file per page: use -o DIRECTORY "
                             "or -o INDEX.svg, not stdout\n")


def test_an_atlas_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "minimal.pdf").mkdir()  # where the file would go
    result = CliRunner().invoke(app, ["render", str(TESTS / "fixtures/valid/minimal.yaml"),
                                      "-f", "pdf", "--pages", "-o", f"{tmp_path}/"])
    assert result.exit_code == 1
    assert result.stderr == f"argmap: cannot write {tmp_path / 'minimal.pdf'}: Is a directory\n"
    assert [p.name for p in tmp_path.iterdir()] == ["minimal.pdf"]


def test_a_linked_arguments_weight_and_id_are_on_its_page(tmp_path: Path) -> None:
    # Before: the atlas drew the junction's line to the parent bare; the
    # argument's weight and id were on no page.
    from argmap.atlas.pages import Pager

    source = TESTS / "fixtures/valid/linked.yaml"
    graph = build_graph(load_path(source).maps[0])
    page = Pager(graph, partition(graph, 5000, 5000)).dot(0)
    [edge] = [line for line in page.splitlines() if "no-gridlock" in line]
    assert '<TR><TD>+ ▰▰▰▰▱<BR ALIGN="LEFT"/>no-gridlock</TD></TR>' in edge
    # the claim (b1) to the junction, a label: dot keeps room for it
    assert re.match(r"  b1 -> \w+_j \[dir=back, .*, label=<<TABLE", edge)
    assert "− ▰▰▰▱▱</TD>" in page  # c1.con1, weight 3, no id
    # one column a page: the premises continue from their parent's page, and the
    # chip stands in the parent's place, joined to their junction
    pager = Pager(graph, partition(graph, 100, 5000))
    continued = [pager.dot(i) for i in range(len(pager.pages))]
    [page] = [p for p in continued if "no-gridlock" in p]
    [chip] = [line for line in page.splitlines() if "no-gridlock" in line]
    assert re.match(r'  (\w+_j)_c \[shape=plain, style="", label=<<TABLE', chip)
    assert "+ ▰▰▰▰▱" in chip
    render(source, tmp_path / "a.pdf")
    texts = check_atlas(tmp_path / "a.pdf", source, (595, 842))
    assert "+ ▰▰▰▰▱ no-gridlock" in " ".join(texts[1:])


@pytest.mark.parametrize("source", ["deep", "linked"])
def test_pages_with_linked_arguments_fit_on_the_first_try(source: str, tmp_path: Path) -> None:
    # Before: the estimate left out the column a linked argument's junction
    # takes, so its pages came out too wide and the whole atlas was cut again
    # with a smaller budget (deep: 122 pages instead of 63).
    from argmap.atlas import AtlasOptions
    from argmap.atlas.build import _scale
    from argmap.atlas.pages import Pager
    from argmap.atlas.partition import FONT_PT, MIN_PT
    from argmap.exporters.layout import layout
    from argmap.exporters.tidy import tidy_dot

    path = TESTS / "fixtures/valid/linked.yaml"
    if source == "deep":
        path = tmp_path / "deep.yaml"
        path.write_text(linked_map(2, 4))
    graph = build_graph(load_path(path).maps[0])
    width, height = AtlasOptions().area()
    pager = Pager(graph, partition(graph, width, height))
    for i in range(len(pager.pages)):
        scale = _scale(layout(tidy_dot(pager.dot(i), graph, "LR"), "tidy", "svg", 60), "svg",
                       width, height)
        assert scale * FONT_PT >= MIN_PT, (i + 2, scale)
    if source == "linked":  # a linked argument stays beside its parent
        page = pager.dot(0)
        assert "no-gridlock" in page and "Close the centre" in page


def ref_dense(n: int, refs: int = 3) -> str:
    """A balanced tree of n statements (three premises each); every statement also
    rebuts ``refs`` others by ``ref``."""
    children: dict[int, list[int]] = {i: [] for i in range(n)}
    for i in range(1, n):
        children[(i - 1) // 3].append(i)
    lines = ["argmap: 1", f"id: refs-{n}", "question: A map dense with refs?", "claims:"]
    stack: list[tuple[int, int] | list[str]] = [(0, 1)]
    while stack:
        top = stack.pop()
        if isinstance(top, list):
            lines += top
            continue
        k, depth = top
        pad = "  " * (2 * depth - 1)
        lines += [f"{pad}- id: s{k}", f"{pad}  text: Statement {k} at depth {depth} says so."]
        others = sorted({(k * 7 + 1 + t * 13) % n for t in range(refs)} - {k})
        stack.append([f"{pad}  con:", *(f"{pad}    - ref: s{j}" for j in others)])
        if children[k]:
            lines.append(f"{pad}  pro:")
            stack += [(kid, depth + 1) for kid in reversed(children[k])]
    return "\n".join(lines) + "\n"


def wide_map(premises: int) -> str:
    """One claim with ``premises`` premises, and the claim's id long and hyphenated."""
    lines = ["argmap: 1", "id: wide", "question: Is it wide?", "claims:",
             "  - id: since-they-own-their-platforms-they-decide", "    text: One claim.",
             "    pro:"]
    lines += [f"      - text: Premise number {i} of the one claim." for i in range(premises)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", ["synthetic", "refs", "wide", "kialo-like"])
def test_pages_are_filled(name: str, tmp_path: Path) -> None:
    # Before: a real 834-statement Kialo map had 37 of 143 pages without an edge; a
    # ref-dense 3,000-statement map planned 5,168 pages; one claim with 10,000
    # premises planned 1,431 pages of a few boxes.
    from argmap.atlas import AtlasOptions
    from argmap.atlas.pages import Pager

    text = {"synthetic": lambda: generate(1500), "refs": lambda: ref_dense(1500),
            "wide": lambda: wide_map(1500),
            "kialo-like": lambda: linked_map(3, 3)}[name]()
    source = tmp_path / "m.yaml"
    source.write_text(text)
    graph = build_graph(load_path(source).maps[0])
    width, height = AtlasOptions().area()
    measure = Pager(graph, []).measure
    pages = partition(graph, width, height, measure)
    for number, page in enumerate(pages[:-1], start=2):
        items = [*page.roots, *(kid for below in page.below.values() for kid in below)]
        # what fits: a column of boxes as tall as this page's, the page's height down
        fits = height / (sum(measure(item)[1] for item in items) / len(items))
        last_of_subtree = not page.cut
        assert len(items) >= fits / 3 or last_of_subtree, (number, len(items), fits)
    assert len(pages) <= len(graph.statements) / 8  # pages grow with statements, not refs


def test_premises_run_top_to_bottom_in_file_order(tmp_path: Path) -> None:
    # Before: dot's crossing reduction ran a claim's premises bottom to top on a page.
    from argmap.atlas.pages import Pager
    from argmap.exporters.layout import layout
    from argmap.exporters.tidy import tidy_dot

    source = tmp_path / "m.yaml"
    source.write_text(generate(200))
    graph = build_graph(load_path(source).maps[0])
    pager = Pager(graph, partition(graph, 523, 754, Pager(graph, []).measure))
    for index, page in enumerate(pager.pages):
        svg = layout(tidy_dot(pager.dot(index), graph, "LR"), "tidy", "svg", 60).decode()
        tops = {title: min(float(y) for y in re.findall(r",(-?[\d.]+)", d)) for title, d in
                re.findall(r'<title>(\w+)</title>\s*<path[^>]* d="([^"]+)"', svg)}
        names: dict[Item, str] = {}
        stack = list(reversed(page.roots))
        while stack:  # the boxes are named b1, b2 ... depth-first, as Pager.dot names them
            item = stack.pop()
            names[item] = f"b{len(names) + 1}"
            stack.extend(reversed(page.below.get(item, [])))
        for below in page.below.values():
            ys = [tops[names[kid]] for kid in below]
            assert ys == sorted(ys), (index, [kid.key for kid in below])


def test_ids_are_never_broken_inside_a_word(tmp_path: Path) -> None:
    # Before: `since-they-own-their-platfor ms` on a real Kialo map's ref box.
    from argmap.atlas.pages import wrap

    assert wrap("↪ since-they-own-their-platforms (page 3)", 28) == [
        "↪ since-they-own-their-", "platforms (page 3)"]
    assert wrap("a supercalifragilisticexpialidocious word", 28) == [
        "a", "supercalifragilisticexpialidocious", "word"]
    source = tmp_path / "m.yaml"
    source.write_text("\n".join([
        "argmap: 1", "id: ids", "question: Are ids kept whole?", "claims:",
        "  - id: since-they-own-their-platforms-they-decide", "    text: One claim.",
        "  - text: Another claim.", "    con:",
        "      - ref: since-they-own-their-platforms-they-decide", ""]))
    render(source, tmp_path / "a.pdf")
    words = " ".join(page_texts(tmp_path / "a.pdf")).split()
    for word in words:  # each piece of an id ends at a hyphen or is a whole word
        if "since" in word or "platforms" in word:
            assert word in ("since-they-own-their-", "platforms-they-decide",
                            "↪", "since-they-own-their-platforms-they-decide"), word


def test_a_wide_statement_splits_its_premises_across_pages(tmp_path: Path) -> None:
    # Before: one claim with 10,000 premises laid out 1,431 pages, then failed; with
    # 100,000 its "continued on pages 2, 3, …" label was more than Graphviz can read.
    from argmap.atlas.pages import page_runs

    assert page_runs([2, 3, 4, 7, 9, 10]) == "2–4, 7, 9–10"
    source = tmp_path / "wide.yaml"
    source.write_text(wide_map(600))
    render(source, tmp_path / "a.pdf")
    texts = check_atlas(tmp_path / "a.pdf", source, (595, 842))
    assert "One claim. ▸ continued on pages 3–" in texts[1]
    assert "Premise number 0 of the one claim." in texts[1]  # beside it on its page
    assert texts[2].count("◂ from page 2") >= 10


def test_fit_puts_each_claims_subtree_on_one_page(tmp_path: Path) -> None:
    source = ROOT / "maps/nato-invasion-decision.yaml"
    render(source, tmp_path / "a.pdf", "--fit")
    graph = build_graph(load_path(source).maps[0])
    texts = check_atlas(tmp_path / "a.pdf", source, (595, 842), legible=False)
    assert len(texts) == 1 + len(graph.roots)
    assert not any("continued on" in text for text in texts[1:])


def test_fit_needs_pages() -> None:
    result = CliRunner().invoke(app, ["render", str(ROOT / "maps/nato-promise.yaml"), "-f",
                                      "pdf", "--fit"])
    assert result.exit_code == 2
    assert result.stderr == ("argmap: --fit: only with --pages (a picture without pages is "
                             "one page already)\n")
