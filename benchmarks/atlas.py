"""Time ``render -f pdf --pages`` (the atlas) on synthetic maps, as a user runs it.

Usage: python benchmarks/atlas.py [--sizes 3000,10000]

The issue's budgets: 3,000 statements in 10 s, 10,000 in 30 s (2 cores).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

HERE = Path(__file__).parent
OUT = HERE / "out"
ARGMAP = str(Path(sys.executable).parent / "argmap")


def main() -> None:
    """Print one Markdown table row per size: wall time, pages, bytes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3000,10000")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    print("| statements | render -f pdf --pages | pages | PDF size |")
    print("|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        source = OUT / f"synthetic-{n}.yaml"
        if not source.exists():
            source.write_text(generate(n), encoding="utf-8")
        pdf = OUT / f"synthetic-{n}-atlas.pdf"
        started = time.perf_counter()
        subprocess.run([ARGMAP, "render", str(source), "--pages", "-o", str(pdf)], check=True,
                       capture_output=True)
        seconds = time.perf_counter() - started
        info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                              text=True).stdout
        pages = re.search(r"Pages:\s+(\d+)", info)
        print(f"| {n:,} | {seconds:.1f} s | {pages.group(1) if pages else '?'} | "
              f"{pdf.stat().st_size / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()
