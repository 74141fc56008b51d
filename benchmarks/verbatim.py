"""Time ``argmap import`` of a Verbatim evidence file of ~3,000 cards (about 300 pages).

The file is built by tests/docx_files.py (Pocket, Hat, Block and Tag headings, a cite line
and ~150 words of underlined, emphasised and highlighted card text per card) and written
once under benchmarks/out/. Each run is a fresh process, start-up included; the table
gives the median and fastest wall time and the median CPU time (user + system), which
holds when other work shares the machine. Target: at most 5 s.

Usage: python benchmarks/verbatim.py [--cards 3000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
from tests.docx_files import evidence_docx  # noqa: E402

OUT = HERE / "out"
ARGMAP = str(Path(sys.executable).parent / "argmap")


def main() -> None:
    """Build the file, import it ``--runs`` times, print one Markdown table row per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", default="300,3000", help="comma-separated card counts")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    print("| cards | file | wall time | fastest | CPU | exit | target |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for cards in (int(n) for n in args.cards.split(",")):
        path = OUT / f"evidence-{cards}.docx"
        if not path.exists():
            path.write_bytes(evidence_docx(cards))
        walls, cpus, code = [], [], 0
        for _ in range(args.runs):
            start = time.perf_counter()
            process = subprocess.Popen([ARGMAP, "import", str(path), "-o", os.devnull],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
            walls.append(time.perf_counter() - start)
            cpus.append(usage.ru_utime + usage.ru_stime)
            code = os.waitstatus_to_exitcode(status)
        size = path.stat().st_size / 1e6
        print(f"| {cards} | {size:.1f} MB | {statistics.median(walls):.2f} s | "
              f"{min(walls):.2f} s | {statistics.median(cpus):.2f} s | {code} | ≤ 5 s |")


if __name__ == "__main__":
    main()
