"""Flowing a round from the command line: 20 ``argmap add`` in a row on a 200-statement round.

A debater flows a speech as it is given, one ``add`` per argument, so each
``add`` must be quick (the issue's aim: at most 0.15 s). Each ``add`` runs as
a fresh process, as from a shell, start-up included. The 20 adds mix what a
speech does: new answers with ``--speech`` (``--con`` under the last speech's
arguments) and extensions (``--ref ID --speech``). Prints a Markdown table:
wall time (what the debater waits), CPU time (user + system: the work, less
shaken by a busy machine) and the load average the run saw.

Usage: python benchmarks/flow_adds.py [--runs N] [--statements 200]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARGMAP = str(Path(sys.executable).parent / "argmap")
SPEECHES = ("1AC", "1NC", "2AC", "2NC", "1NR", "1AR", "2NR", "2AR")


def round_map(statements: int) -> str:
    """A policy round of about ``statements`` statements: positions with chains of answers,
    each answer in the next speech of the other side."""
    lines = ["argmap: 1.2", "question: A generated round?", "format: policy", "claims:"]
    count = position = 0
    while count < statements:
        position += 1
        side = "aff" if position % 4 == 1 else "neg"
        first = 0 if side == "aff" else 1
        lines += [f"  - id: p{position}", f"    side: {side}", f"    speech: {SPEECHES[first]}",
                  f"    text: Position {position} of the round.", "    con:"]
        count += 1
        for branch in range(4):
            depth, indent, speech = 0, "      ", first + 1
            while speech < len(SPEECHES) and depth < 4 and count < statements:
                lines += [f"{indent}- id: a{position}-{branch}-{depth}",
                          f"{indent}  text: Answer {depth} on branch {branch} of {position}.",
                          f"{indent}  speech: {SPEECHES[speech]}", f"{indent}  con:"]
                count, depth, indent, speech = count + 1, depth + 1, indent + "    ", speech + 1
    return "\n".join(lines) + "\n"


def adds() -> list[list[str]]:
    """The 20 commands of one speech (the 2AR), after the file."""
    out = []
    for i in range(20):
        if i % 4 == 3:
            out.append(["--ref", f"a{i % 10 + 1}-0-1", "--speech", "2AR"])
        else:
            out.append(["--to", f"a{i % 10 + 1}-1-0", "--con", f"2AR answer number {i}.",
                        "--speech", "2AR"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--statements", type=int, default=200)
    args = parser.parse_args()
    text = round_map(args.statements)  # a last `con:` with nothing under it reads as empty
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "round.yaml"
            path.write_text(text, encoding="utf-8")
            for command in adds():
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                subprocess.run([ARGMAP, "add", str(path), *command], check=True,
                               capture_output=True)
                times.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    statements = text.count("text:")
    print("| round | adds | median per add | CPU per add | slowest add | 20 adds in a row "
          "| load |")
    print("|---|---|---|---|---|---|---|")
    per_run = [sum(times[i:i + 20]) for i in range(0, len(times), 20)]
    print(f"| {statements} statements, policy | {len(times)} ({args.runs} runs of 20) | "
          f"{statistics.median(times):.3f} s | {statistics.median(cpu):.3f} s | "
          f"{max(times):.3f} s | {statistics.median(per_run):.2f} s | "
          f"{os.getloadavg()[0]:.1f} |")


if __name__ == "__main__":
    main()
