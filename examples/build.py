"""Build the examples gallery from the bundled maps: `make examples`.

For every map in maps/: the diagram as DOT, SVG and PNG, and the terminal tree
as plain ASCII text; for nato-promise also the Markdown and Mermaid exports and the HTML page
(with a screenshot of it in Chromium). Every full map
is wider than one picture can show legibly on a page, so each claim also gets
a focused view
(`<map>--<claim>.svg/.png`). tests/test_examples.py regenerates the DOT and
text and fails when the committed gallery is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from argmap.exporters import ExportOptions  # noqa: E402
from argmap.exporters.dot import DotOptions, render_dot  # noqa: E402
from argmap.exporters.markdown import export  # noqa: E402
from argmap.exporters.mermaid import export as mermaid  # noqa: E402
from argmap.exporters.tree import TreeOptions, render_tree, to_text  # noqa: E402
from argmap.graph import build_graph  # noqa: E402
from argmap.readers import load_path  # noqa: E402
from argmap.view import ViewOptions, view_graph  # noqa: E402

TREE = TreeOptions(width=100, ascii=True, ids=True)


def text_artifacts() -> dict[str, str]:
    """Every text file of the gallery: name -> content (DOT sources and trees)."""
    files: dict[str, str] = {}
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        for argmap in load_path(path).maps:
            view = view_graph(argmap)
            files[f"{argmap.id}.txt"] = to_text(render_tree(view, TREE), color=False)
            files[f"{argmap.id}.dot"] = render_dot(view, DotOptions())
            for claim in argmap.claims:
                focused = view_graph(argmap, ViewOptions(focus=claim.address))
                files[f"{argmap.id}--{claim.address}.dot"] = render_dot(focused, DotOptions())
            if argmap.id == "nato-promise":  # one map as GitHub shows Markdown and Mermaid
                graph = build_graph(argmap)
                files[f"{argmap.id}.md"] = export(graph, ExportOptions())
                files[f"{argmap.id}.mmd"] = mermaid(graph, ExportOptions())
    return files


def main() -> None:
    """Write the text artifacts, then lay each DOT out as SVG and PNG."""
    from argmap.exporters.layout import layout
    from argmap.files.write import write_file

    for name, content in text_artifacts().items():
        write_file(HERE / name, content.encode("utf-8"))
        if name.endswith(".dot"):
            for fmt in ("svg", "png"):
                data = layout(content, "dot", fmt, timeout=120)
                write_file(HERE / name.replace(".dot", f".{fmt}"), data)
        print(f"examples/{name}")
    page = html_page("nato-promise")
    write_file(HERE / "nato-promise.html", page.encode("utf-8"))
    screenshot(HERE / "nato-promise.html", HERE / "nato-promise-html.png", "heard-broader")
    print("examples/nato-promise.html, examples/nato-promise-html.png")
    atlas_example(3000)
    print("examples/synthetic-3000-atlas.pdf, examples/synthetic-3000-atlas-page2.png")


def atlas_example(size: int) -> None:
    """The atlas of a synthetic map (render --pages), and its second page as a PNG."""
    import subprocess
    import tempfile

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    from argmap.atlas import AtlasOptions
    from argmap.atlas.build import atlas_pdf
    from argmap.files.write import write_file
    from argmap.readers.yaml.load import load_text

    graph = build_graph(load_text(generate(size), f"synthetic-{size}.yaml").maps[0])
    pdf = HERE / f"synthetic-{size}-atlas.pdf"
    write_file(pdf, atlas_pdf(graph, AtlasOptions(), timeout=120))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "2", "-l", "2", str(pdf),
                        f"{tmp}/page"], check=True)
        made = next(Path(tmp).glob("page*.png"))
        write_file(HERE / f"synthetic-{size}-atlas-page2.png", made.read_bytes())


def html_page(map_id: str) -> str:
    """The HTML page of one bundled map, as ``render -f html`` writes it."""
    from argmap.exporters.html import export as html

    argmap = load_path(ROOT / "maps" / f"{map_id}.yaml").maps[0]
    return html(build_graph(argmap), ExportOptions())


def screenshot(page: Path, shot: Path, address: str) -> None:
    """The page at desktop size in Debian's chromium, one statement selected."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        tab = browser.new_page(viewport={"width": 1280, "height": 800})
        tab.goto(page.as_uri())
        tab.click(f'li[data-address="{address}"] > .row')
        tab.screenshot(path=str(shot))
        browser.close()


if __name__ == "__main__":
    main()
