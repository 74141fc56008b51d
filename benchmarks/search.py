"""Time ``argmap search`` on a generated project, as a user runs it (a fresh process).

Usage: python benchmarks/search.py [--maps 10000] [--statements 20] [--runs 5]

The project has N maps of S statements each (10,000 × 20 = 200,000 by default), a
card library, and hits planted in known maps: a phrase in one statement in every
hundredth map, an accented author in one source of every five hundredth, a tag in
every thousandth. The table gives the first run (which builds the index), the runs
after it (the index is only checked for changed files), a run after one file
changed, and whether every planted hit was returned. The target: ≤ 0.5 s after the
first run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "out"
ARGMAP = str(Path(sys.executable).parent / "argmap")
PHRASE = "carbon dividend rebate"
AUTHOR = "Peña Nieto"
TAG = "planted-tag"


def make_project(folder: Path, maps: int, statements: int) -> dict[str, set[str]]:
    """Write the project; return each planted query's expected addresses."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "argmap.toml").write_text("", encoding="utf-8")
    expected: dict[str, set[str]] = {"phrase": set(), "author": set(), "tag": set()}
    for i in range(maps):
        name = f"m{i:05d}"
        lines = ["argmap: 1.2", f"question: Generated question {i}?", "claims:"]
        for j in range(statements):
            words = f"Statement {j} of map {i} weighs an ordinary consideration"
            if i % 100 == 0 and j == statements // 2:
                words += f" about the {PHRASE} scheme"
                expected["phrase"].add(f"{name}/s{j}")
            lines += [f"  - id: s{j}", f"    text: {words}."]
            if i % 1000 == 0 and j == 1:
                lines.append(f"    tags: [{TAG}]")
                expected["tag"].add(f"{name}/s{j}")
            if j == 0:
                lines += ["    cites:", "      - source: src",
                          f"        quote: a quoted sentence from source {i}"]
        author = AUTHOR if i % 500 == 0 else f"Author {i}"
        if i % 500 == 0:
            expected["author"].add(f"{name}/src")
        lines += ["sources:", "  src:", f"    title: Report number {i}",
                  f"    author: {author}"]
        sub = folder / f"d{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{name}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return expected


QUERIES = {  # planted query -> (what is typed, --in)
    "phrase": (f'"{PHRASE}"', []),
    "author": ("pena nieto", ["--in", "sources"]),  # no accent, lower case
    "tag": (TAG, ["--in", "tags"]),
}


def timed(folder: Path, query: str, scope: list[str]) -> tuple[float, set[str]]:
    started = time.perf_counter()
    done = subprocess.run([ARGMAP, "search", query, *scope, "-f", "json", "--limit", "1000"],
                          cwd=folder, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    return seconds, {hit["address"] for hit in json.loads(done.stdout)}


def main() -> None:
    """Print a Markdown table: the first run, the runs after it, all hits found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=10000)
    parser.add_argument("--statements", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = OUT / f"search-{args.maps}x{args.statements}"
    shutil.rmtree(folder, ignore_errors=True)
    expected = make_project(folder, args.maps, args.statements)
    print(f"{args.maps:,} maps, {args.maps * args.statements:,} statements")
    print()
    print("| query | first run (indexes) | later runs: median | fastest | after 1 file "
          "changed | planted hits found |")
    print("|---|---:|---:|---:|---:|---|")
    for n, (name, (query, scope)) in enumerate(QUERIES.items()):
        first, found = timed(folder, query, scope)
        later = [timed(folder, query, scope)[0] for _ in range(args.runs)]
        touched = folder / "d00" / "m00001.yaml"
        os.utime(touched, ns=(time.time_ns(), time.time_ns() + n + 1))
        changed, _ = timed(folder, query, scope)
        ok = "all" if found == expected[name] else (
            f"{len(found & expected[name])} of {len(expected[name])}, {len(found)} returned")
        print(f"| {name}: `{query}` | {first:.2f} s | {statistics.median(later):.2f} s | "
              f"{min(later):.2f} s | {changed:.2f} s | {ok} |")


if __name__ == "__main__":
    main()
