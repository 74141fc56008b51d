"""Time big pictures against ``check`` on the same map: the issue's goal is a
10,000-statement SVG in at most 6 times the CPU time of ``check``.

Usage: python benchmarks/pictures.py [--sizes 2000,10000] [--runs 5] [--against DIR]
       [--formats svg,pdf] [--parts]

Each run is a fresh ``python -m argmap`` process (start-up included), timed by
its CPU time and its children's (Graphviz), as ``bench.py --against`` does.
With ``--against DIR`` (another checkout, e.g. a ``git worktree`` of an older
commit) every case runs in both trees in turn, A B A B ..., and the table gives
both trees' medians side by side, so the ratios come from one run of the
machine, whatever else it is doing.

``--parts`` splits an SVG's CPU time instead, in one process per run: reading
the map, the view, the DOT text, the tidy layout, drawing (argmap's part, with
running Graphviz; and the Graphviz child's CPU), and all of it (start-up not
included). Graphviz runs as the picture has it run: for the whole drawing before
argmap drew the SVG itself, for the legend and the like after.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import map_file

HERE = Path(__file__).parent
OUT = HERE / "out"


def cpu(args: list[str], tree: Path) -> float:
    """CPU seconds (user + system, Graphviz included) of ``argmap ARGS`` run from ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.Popen([sys.executable, "-m", "argmap", *args], env=env, cwd=tree,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return float("nan")  # failed (say, sfdp's time limit): shown as nan
    return usage.ru_utime + usage.ru_stime


#: run in each tree: CPU seconds of each part of an SVG picture, as JSON
PARTS = """
import gc, json, resource, sys, time
gc.disable()
from pathlib import Path
clock = time.process_time
def child():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
t0 = clock()
from argmap import api
from argmap.exporters import graphviz
t1 = clock()
m = api.load_map(Path(sys.argv[1]))
t2 = clock()
g = api.view(m)
t3 = clock()
options = api.export_options("svg")
spent = {"dot": 0.0, "tidy": 0.0}
def timed(module, name, part):
    inner = getattr(module, name, None)
    if inner is None:
        return
    def wrapper(*args, **kwargs):
        start = clock()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[part] += clock() - start
    setattr(module, name, wrapper)
from argmap.exporters import tidy
timed(graphviz, "dot_text", "dot")
timed(tidy, "tidy_dot", "tidy")
timed(tidy, "tidy_layout", "tidy")
c0 = child()
svg = graphviz.picture(g, options, "svg")
t4 = clock()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "view": t3 - t2, **spent,
                  "draw": t4 - t3 - spent["dot"] - spent["tidy"],
                  "graphviz": child() - c0, "all": t4 - t0 + child() - c0}))
"""


def parts(path: Path, tree: Path) -> dict[str, float]:
    """CPU seconds of each part of ``render -f svg`` of ``path``, from ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", PARTS, str(path)], env=env, cwd=tree,
                         capture_output=True, text=True, check=True).stdout
    found: dict[str, float] = json.loads(out)
    return found


def main() -> None:
    """Print one Markdown row per size and format."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--formats", default="svg")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", type=Path, help="compare with the checkout in this folder")
    parser.add_argument("--parts", action="store_true",
                        help="split the SVG's CPU time into its parts, in process")
    args = parser.parse_args()
    trees = [HERE.parent.resolve()]
    if args.against is not None:
        trees.insert(0, args.against.resolve())
    for tree in trees:
        compileall.compile_dir(str(tree / "argmap"), quiet=1)
    names = [t.name for t in trees]
    if args.parts:
        print_parts(trees, [int(s) for s in args.sizes.split(",")], args.runs)
        return
    head = " | ".join(f"{n}: check | {n}: render | {n}: ratio" for n in names)
    print(f"| statements | format | {head} |")
    print("|---:|---|" + "---:|" * 3 * len(trees))
    for n in (int(s) for s in args.sizes.split(",")):
        path = str(map_file(n))
        for fmt in args.formats.split(","):
            out = OUT / f"picture-{n}.{fmt}"
            jobs = {"check": ["check", path],
                    "render": ["render", path, "-f", fmt, "-o", str(out)]}
            times: dict[tuple[int, str], list[float]] = {}
            for _ in range(args.runs):  # interleaved: tree by tree, job by job
                for t, tree in enumerate(trees):
                    for job, argv in jobs.items():
                        times.setdefault((t, job), []).append(cpu(argv, tree))
            cells = []
            for t in range(len(trees)):
                check = statistics.median(times[(t, "check")])
                render = statistics.median(times[(t, "render")])
                cells.append(f"{check:.2f} s | {render:.2f} s | {render / check:.1f}×")
            print(f"| {n:,} | {fmt} | {' | '.join(cells)} |", flush=True)


def print_parts(trees: list[Path], sizes: list[int], runs: int) -> None:
    """One Markdown row per tree and size: the medians of each part, interleaved runs."""
    keys = ("import", "load", "view", "dot", "tidy", "draw", "graphviz", "all")
    print("| statements | tree | " + " | ".join(keys) + " |")
    print("|---:|---|" + "---:|" * len(keys))
    for n in sizes:
        found: dict[int, list[dict[str, float]]] = {}
        for _ in range(runs):
            for t, tree in enumerate(trees):
                found.setdefault(t, []).append(parts(map_file(n), tree))
        for t, tree in enumerate(trees):
            cells = [f"{statistics.median(r[k] for r in found[t]):.3f} s" for k in keys]
            print(f"| {n:,} | {tree.name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
