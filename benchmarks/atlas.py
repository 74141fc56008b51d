"""Time ``render -f pdf --pages`` (the atlas) on synthetic maps, as a user runs it.

Usage: python benchmarks/atlas.py [--sizes 3000,10000] [--runs 3] [--against DIR]

Each run is a fresh ``python -m argmap`` process; the table gives the median wall
time and the median CPU time (argmap and Graphviz together), the pages and the
PDF's size. With ``--against DIR`` (another checkout, e.g. a ``git worktree`` of
an older commit) the two trees run in turn, A B A B ..., and both are shown side
by side.

The issue's budgets: 3,000 statements in 10 s, 10,000 in 10 s (2 cores).
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import map_file

HERE = Path(__file__).parent
OUT = HERE / "out"


def run(tree: Path, source: Path, pdf: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one atlas made by ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "render", str(source), "--pages",
                             "-o", str(pdf)], env=env, cwd=tree,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        return float("nan"), float("nan")
    return wall, usage.ru_utime + usage.ru_stime


def pages(pdf: Path) -> str:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    found = re.search(r"Pages:\s+(\d+)", info)
    return found.group(1) if found else "?"


def main() -> None:
    """Print one Markdown table row per size and tree."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="compare with the checkout in this folder")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    trees = [HERE.parent.resolve()]
    if args.against is not None:
        trees.insert(0, args.against.resolve())
    for tree in trees:
        compileall.compile_dir(str(tree / "argmap"), quiet=1)
    print("| statements | tree | render -f pdf --pages (wall, median) | CPU (median) | pages "
          "| PDF size |")
    print("|---|---|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        source = map_file(n)
        times: dict[int, list[tuple[float, float]]] = {}
        for _ in range(args.runs):
            for t, tree in enumerate(trees):
                times.setdefault(t, []).append(run(tree, source, OUT / f"atlas-{n}-{t}.pdf"))
        for t, tree in enumerate(trees):
            pdf = OUT / f"atlas-{n}-{t}.pdf"
            wall = statistics.median(w for w, _ in times[t])
            cpu = statistics.median(c for _, c in times[t])
            print(f"| {n:,} | {tree.name} | {wall:.1f} s | {cpu:.1f} s | {pages(pdf)} | "
                  f"{pdf.stat().st_size / 1e6:.1f} MB |", flush=True)


if __name__ == "__main__":
    main()
