"""Time the HTML page of a big map: ``render -f html``, then first paint in headless Chromium.

The page is loaded from disk with the network cut off, in Debian's chromium
driven by Playwright; first paint and first contentful paint come from the
browser's own ``performance.getEntriesByType('paint')`` (milliseconds from
navigation start), and "ready" is the end of the load event (the page's
script has run). The median of several fresh pages is printed.

Usage: python benchmarks/html_paint.py [--sizes 10000] [--runs 5] [--wide]

``--wide`` draws one claim with N premises instead of the balanced tree: the
shape whose load once grew with the square of the siblings.
"""

from __future__ import annotations

import argparse
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
LIMIT_MS = 2000  # the budget for first paint at 10,000 statements


def wide(n: int) -> str:
    """One claim with ``n - 1`` premises."""
    lines = ["question: Wide benchmark question?", "claims:", "  - text: The claim", "    pro:"]
    lines += [f"      - text: Premise number {i}" for i in range(1, n)]
    return "\n".join(lines) + "\n"


def page_of(n: int, shape: str = "synthetic") -> tuple[Path, float]:
    """Write a synthetic map and its page; the seconds ``render -f html`` took."""
    OUT.mkdir(exist_ok=True)
    source = OUT / f"{shape}-{n}.yaml"
    if not source.exists():
        source.write_text(wide(n) if shape == "wide" else generate(n), encoding="utf-8")
    page = OUT / f"{shape}-{n}.html"
    started = time.perf_counter()
    subprocess.run([ARGMAP, "render", str(source), "-o", str(page)], check=True,
                   capture_output=True)
    return page, time.perf_counter() - started


def paint_times(page: Path, runs: int) -> dict[str, float]:
    """Median first paint, first contentful paint and load end, in ms."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[float]] = {"first-paint": [], "first-contentful-paint": [],
                                     "ready": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        for _ in range(runs):
            tab = browser.new_page(viewport={"width": 1280, "height": 800})
            tab.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith("file:") else route.abort())
            tab.goto(page.as_uri(), wait_until="load")
            tab.wait_for_timeout(100)  # paint entries are queued after the frame
            for entry in tab.evaluate("performance.getEntriesByType('paint')"
                                      ".map(e => [e.name, e.startTime])"):
                found[entry[0]].append(entry[1])
            found["ready"].append(tab.evaluate(
                "performance.getEntriesByType('navigation')[0].loadEventEnd"))
            tab.close()
        browser.close()
    return {name: statistics.median(values) for name, values in found.items() if values}


def main() -> None:
    """Print one table row per size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--wide", action="store_true", help="one claim with N premises")
    args = parser.parse_args()
    print("| statements | page size | render -f html | first paint | first contentful "
          "paint | load end |")
    print("|---|---|---|---|---|---|")
    slow = False
    for n in (int(s) for s in args.sizes.split(",")):
        page, seconds = page_of(n, "wide" if args.wide else "synthetic")
        times = paint_times(page, args.runs)
        slow |= n <= 10_000 and times["first-contentful-paint"] > LIMIT_MS
        print(f"| {n:,} | {page.stat().st_size / 1e6:.1f} MB | {seconds:.2f} s | "
              f"{times['first-paint']:.0f} ms | {times['first-contentful-paint']:.0f} ms | "
              f"{times['ready']:.0f} ms |")
    if slow:
        sys.exit(f"first contentful paint over {LIMIT_MS} ms")


if __name__ == "__main__":
    main()
