"""Time ``render DIR -f tables -o OUT/`` on a corpus of many small maps, on one core and all.

The corpus is N synthetic maps (benchmarks/generate.py) of 10 to 59 statements,
written once under benchmarks/out/corpus-N/. Each case runs as a fresh process;
"one core" pins it with ``taskset -c 0``, so argmap sees one core and reads in
one process, as on a one-core machine. CPU is user + system time of the
process and its workers; memory is the largest resident set of any of them.
The load average is printed first: on a machine other work keeps busy, two
cores cannot halve the wall time.

Usage: python benchmarks/tables.py [--maps 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

HERE = Path(__file__).parent
OUT = HERE / "out"
ARGMAP = str(Path(sys.executable).parent / "argmap")


def corpus(n: int) -> Path:
    """N maps of 10-59 statements each, written once (ids m00000, m00001 ...)."""
    folder = OUT / f"corpus-{n}"
    if not (folder / f"m{n - 1:05}.yaml").exists():
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(n):
            size = 10 + (i * 7) % 50
            text = generate(size).replace(f"id: synthetic-{size}", f"id: m{i:05}", 1)
            (folder / f"m{i:05}.yaml").write_text(text, encoding="utf-8")
    return folder


def run_once(argv: list[str]) -> tuple[float, float, int]:
    """Run a command; return (wall seconds, CPU seconds with its workers, peak RSS in KiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> None:
    """Print one Markdown table row per case."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = corpus(args.maps)
    target = OUT / "tables"
    cores = len(os.sched_getaffinity(0))
    pin: list[str] | None = ["taskset", "-c", "0"] if shutil.which("taskset") and cores > 1 \
        else None
    print(f"python {sys.version.split()[0]}, {cores} cores, {args.maps:,} maps, "
          f"load average {os.getloadavg()[0]:.1f}; median of {args.runs} runs\n")
    print("| command | cores | wall time | fastest | CPU | peak memory (largest process) |")
    print("|---|---:|---:|---:|---:|---:|")
    for extra in ([], ["--eval"]):
        argv = [ARGMAP, "render", str(folder), "-f", "tables", *extra, "-o", f"{target}/"]
        cases = [("1", pin), (str(cores), [])] if pin is not None else [(str(cores), [])]
        # interleaved, so that a drift in the machine's load touches every case alike
        runs: dict[str, list[tuple[float, float, int]]] = {label: [] for label, _ in cases}
        for _ in range(args.runs):
            for label, prefix in cases:
                runs[label].append(run_once(prefix + argv))
        for label, done in runs.items():
            walls = [r[0] for r in done]
            print(f"| `render -f tables {' '.join(extra)}` | {label} | "
                  f"{statistics.median(walls):.2f} s | {min(walls):.2f} s | "
                  f"{statistics.median(r[1] for r in done):.2f} s | "
                  f"{max(r[2] for r in done) / 1024:.0f} MB |", flush=True)
    sizes = {p.name: p.stat().st_size for p in target.iterdir()}
    print("\n" + ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in sorted(sizes.items())))


if __name__ == "__main__":
    main()
