"""Generate synthetic argument maps of a given size for benchmarks.

The tree is balanced: every statement has about three children, pro and con
alternate, and every third statement cites one of the map's sources.

Usage: python benchmarks/generate.py N > map.yaml
"""

from __future__ import annotations

import sys
from collections import deque
from pathlib import Path

CHILDREN = 3
SOURCES = 10
#: where the benchmarks keep the maps they generate and what they write
OUT = Path(__file__).parent / "out"


def map_file(n: int) -> Path:
    """A synthetic map of n statements, written once under :data:`OUT` (the benchmarks
    share it)."""
    path = OUT / f"synthetic-{n}.yaml"
    if not path.exists():
        OUT.mkdir(exist_ok=True)
        path.write_text(generate(n), encoding="utf-8")
    return path


def generate(n: int) -> str:
    """Return the YAML text of a map with ``n`` statements (claims and premises)."""
    claims = max(1, min(CHILDREN, n))
    lines = [
        "argmap: 1",
        f"id: synthetic-{n}",
        f"question: Synthetic benchmark question with {n} statements?",
        "claims:",
    ]
    # Breadth-first numbering gives a balanced tree; YAML needs depth-first order,
    # so compute each node's children first, then emit with an explicit stack.
    children: dict[int, list[int]] = {i: [] for i in range(n)}
    queue = deque(range(claims))
    nxt = claims
    while queue and nxt < n:
        parent = queue.popleft()
        for _ in range(CHILDREN):
            if nxt >= n:
                break
            children[parent].append(nxt)
            queue.append(nxt)
            nxt += 1
    stack: list[tuple[int, int, str]] = [(i, 1, "") for i in reversed(range(claims))]
    while stack:
        node, depth, relation = stack.pop()
        pad = "  " * (2 * depth - 1)
        if relation:
            lines.append(f"{pad[:-2]}{relation}:")
        lines.append(f"{pad}- text: Statement number {node} argues a point at depth {depth}.")
        if node % 3 == 0:
            lines.append(f"{pad}  cites: [src{node % SOURCES}]")
        kids = children[node]
        pros = [k for j, k in enumerate(kids) if j % 2 == 0]
        cons = [k for j, k in enumerate(kids) if j % 2 == 1]
        # Push in reverse so pro items come out first; mark the first of each group.
        for group, name in ((cons, "con"), (pros, "pro")):
            for j, kid in reversed(list(enumerate(group))):
                stack.append((kid, depth + 1, name if j == 0 else ""))
    lines.append("sources:")
    for s in range(SOURCES):
        lines.append(f"  src{s}:")
        lines.append(f"    title: Synthetic source {s}")
        lines.append("    date: 2024-01-15")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1])))
