"""Build the debater's examples from the bundled maps: `make briefs`.

For every map in maps/ and examples/debate/, "our" side is the map's first side
(`sides`, format 1.2), else its FIRST claim (the others are the opponent's); the
script writes into examples/briefs/:

- `<map>.md` and `<map>.docx`: the brief (`argmap brief MAP --for FIRST-CLAIM`);
- `<map>.eval.txt`: `argmap eval MAP`;
- `carbon-tax.html`: the HTML brief of the debate case;
- for carbon-tax, the docx converted to PDF by LibreOffice (headless) and its
  first pages as PNG (`carbon-tax-page-NN.png`), when `soffice` and `pdftoppm` exist.

The docx files are dated ``SOURCE_DATE_EPOCH`` (set below), so they rebuild
byte for byte.

tests/test_brief_examples.py regenerates the Markdown and eval text and fails
when they are stale.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "briefs"
sys.path.insert(0, str(ROOT))

from argmap.analysis.evaluate import evaluate, semantics_of  # noqa: E402
from argmap.analysis.report import eval_text  # noqa: E402
from argmap.brief import Brief, build_brief  # noqa: E402
from argmap.brief.html import render_html  # noqa: E402
from argmap.brief.md import render_md  # noqa: E402
from argmap.graph import build_graph  # noqa: E402
from argmap.model import ArgumentMap  # noqa: E402
from argmap.readers.yaml.load import load_bytes  # noqa: E402

PAGES_OF = "carbon-tax"
#: how many of its pages are kept as PNG
PAGES = 12
#: the date the docx files say they were made: fixed, so they rebuild byte for byte
EPOCH = "1796083200"  # 2026-12-01


def bundled() -> list[ArgumentMap]:
    """Every bundled map and the debate case, named as a user types them."""
    maps: list[ArgumentMap] = []
    for folder in ("maps", "examples/debate"):
        for path in sorted((ROOT / folder).glob("*.yaml")):
            maps += load_bytes(path.read_bytes(), f"{folder}/{path.name}").maps
    return maps


def ours(argmap: ArgumentMap) -> str:
    """Our side: the map's first side, else its first claim."""
    return argmap.sides[0] if argmap.sides else argmap.claims[0].address


def brief_of(argmap: ArgumentMap) -> Brief:
    """The brief for our side, by the map's own semantics."""
    evaluation = evaluate(build_graph(argmap), semantics_of(argmap.semantics))
    return build_brief(evaluation, [ours(argmap)])


def docx_of(argmap: ArgumentMap) -> bytes:
    """The docx brief, dated EPOCH."""
    from argmap.brief.docx import render_docx

    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    return render_docx(brief_of(argmap))


def text_artifacts() -> dict[str, str]:
    """Every text file of examples/briefs: name -> content."""
    from argmap.analysis.sides import derive_sides

    files: dict[str, str] = {}
    for argmap in bundled():
        evaluation = evaluate(build_graph(argmap), semantics_of(argmap.semantics))
        files[f"{argmap.id}.md"] = render_md(brief_of(argmap))
        files[f"{argmap.id}.eval.txt"] = eval_text([evaluation],
                                                   [derive_sides(evaluation.graph)])
        if argmap.id == PAGES_OF:
            files[f"{argmap.id}.html"] = render_html(brief_of(argmap))
    return files


def main() -> None:
    """Write the briefs (md, docx), eval text, and the PDF pages of one brief as PNG."""
    OUT.mkdir(exist_ok=True)
    for name, content in text_artifacts().items():
        (OUT / name).write_text(content, encoding="utf-8")
    for argmap in bundled():
        (OUT / f"{argmap.id}.docx").write_bytes(docx_of(argmap))
    if shutil.which("soffice") and shutil.which("pdftoppm"):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp,
                            str(OUT / f"{PAGES_OF}.docx")], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for old in OUT.glob("*-page-*.png"):
                old.unlink()
            # the first pages show every level (Pocket to card); the docx holds the rest
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-l", str(PAGES),
                            f"{tmp}/{PAGES_OF}.pdf", str(OUT / f"{PAGES_OF}-page")], check=True)
    else:
        print("soffice or pdftoppm missing: PDF pages not made", file=sys.stderr)


if __name__ == "__main__":
    main()
