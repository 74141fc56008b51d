"""Build the debater's examples from the bundled maps: `make briefs`.

For every map in maps/, "our" side is the map's FIRST claim (the others are
the opponent's); the script writes into examples/briefs/:

- `<map>.md` and `<map>.docx`: the brief (`argmap brief MAP --for FIRST-CLAIM`);
- `<map>.eval.txt`: `argmap eval MAP`;
- for nato-promise, the docx converted to PDF by LibreOffice (headless) and its
  pages as PNG (`nato-promise-page-N.png`), when `soffice` and `pdftoppm` exist.

tests/test_brief_examples.py regenerates the Markdown and eval text and fails
when they are stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "briefs"
sys.path.insert(0, str(ROOT))

from argmap.analysis.evaluate import evaluate  # noqa: E402
from argmap.analysis.report import eval_text  # noqa: E402
from argmap.brief import build_brief  # noqa: E402
from argmap.brief.md import render_md  # noqa: E402
from argmap.graph import build_graph  # noqa: E402
from argmap.model import ArgumentMap  # noqa: E402
from argmap.readers.yaml.load import load_bytes  # noqa: E402

PAGES_OF = "nato-promise"


def bundled() -> list[ArgumentMap]:
    """Every bundled map, named maps/<file> as a user types it, wherever this runs from."""
    maps: list[ArgumentMap] = []
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        maps += load_bytes(path.read_bytes(), f"maps/{path.name}").maps
    return maps


def text_artifacts() -> dict[str, str]:
    """Every text file of examples/briefs: name -> content."""
    files: dict[str, str] = {}
    for argmap in bundled():
        evaluation = evaluate(build_graph(argmap))
        ours = argmap.claims[0].address
        files[f"{argmap.id}.md"] = render_md(build_brief(evaluation, [ours]))
        files[f"{argmap.id}.eval.txt"] = eval_text([evaluation])
    return files


def main() -> None:
    """Write the briefs (md, docx), eval text, and the PDF pages of one brief as PNG."""
    from argmap.brief.docx import render_docx

    OUT.mkdir(exist_ok=True)
    for name, content in text_artifacts().items():
        (OUT / name).write_text(content, encoding="utf-8")
    for argmap in bundled():
        brief = build_brief(evaluate(build_graph(argmap)), [argmap.claims[0].address])
        (OUT / f"{argmap.id}.docx").write_bytes(render_docx(brief))
    if shutil.which("soffice") and shutil.which("pdftoppm"):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp,
                            str(OUT / f"{PAGES_OF}.docx")], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for old in OUT.glob(f"{PAGES_OF}-page-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-png", "-r", "60", f"{tmp}/{PAGES_OF}.pdf",
                            str(OUT / f"{PAGES_OF}-page")], check=True)
    else:
        print("soffice or pdftoppm missing: PDF pages not made", file=sys.stderr)


if __name__ == "__main__":
    main()
