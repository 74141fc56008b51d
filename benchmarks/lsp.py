"""Time ``argmap lsp`` on a big map: diagnostics after a change, completion, hover, outline.

A synthetic map (benchmarks/generate.py) gets an ``id`` on every statement, so
completing a ``ref:`` offers all of them. The server runs as an editor runs it,
a process spoken to over stdio (tests/lsp_client.py, the tests' client).

- diagnostics: from sending a change (one word of one statement) to receiving
  the diagnostics of that version: the debounce (0.15 s) and a whole ``check``;
- completion: a ``ref:`` target being typed, on the analysed text (the usual case:
  the editor asks as you type, after the diagnostics of the line before) and right
  after a change (the request analyses the new text first);
- hover on a ref, and the document outline, for scale;
- in a project (argmap.toml) whose small map ``aff`` names statements of the big
  one as ``neg/ID``: the small map's diagnostics after a change of it (the big
  one's maps are kept between checks), and after a change of the big one (the
  small one is checked again with the big one's unsaved text).

Usage: python benchmarks/lsp.py [--sizes 1000 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from generate import generate  # noqa: E402
from lsprotocol import types as t  # noqa: E402

from tests.lsp_client import Client  # noqa: E402

TARGETS = {"diagnostics after a change": 1.0, "completion": 0.1,
           "completion right after a change": 0.1,
           "project: a map naming the big one, after its change": 1.0,
           "project: a map naming the big one, after the big one's change": 1.0}


def with_ids(n: int) -> str:
    """A synthetic map whose statements have ids ``s0`` ... and whose first claim has a
    ``ref`` being typed as its last con."""
    text = re.sub(r"^( *)- text: Statement number (\d+)(.*)$",
                  lambda m: f"{m.group(1)}- text: Statement number {m.group(2)}{m.group(3)}\n"
                  f"{m.group(1)}  id: s{m.group(2)}", generate(n), flags=re.MULTILINE)
    return text.replace("claims:\n", "claims:\n  - text: The claim being typed\n"
                        "    con:\n      - ref: s1\n", 1)


def median(runs: int, once: Callable[[], float]) -> float:
    return statistics.median(once() for _ in range(runs))


def measure(n: int, runs: int) -> dict[str, float]:
    text = with_ids(n)
    client = Client(HERE.parent)
    uri = client.open(HERE / "out" / f"lsp-{n}.yaml", text)
    client.wait_diagnostics(uri, timeout=120)
    line = text.splitlines().index("      - ref: s1")
    doc = t.TextDocumentIdentifier(uri)
    found: dict[str, float] = {}
    edits = iter(range(10_000))

    typed = text.splitlines().index("  - text: The claim being typed")
    whole = t.Range(t.Position(typed, 0), t.Position(typed, 100))

    def change() -> None:  # as an editor sends a keystroke: the changed line only
        client.change(uri, f"  - text: The claim being typed {next(edits)}", whole)

    def diagnostics() -> float:
        started = time.perf_counter()
        change()
        client.wait_diagnostics(uri, timeout=60)
        return time.perf_counter() - started

    def completion() -> float:
        started = time.perf_counter()
        result = client.request("textDocument/completion", t.CompletionParams(
            doc, t.Position(line, 16)), t.CompletionList)
        assert result.items, "no completion"
        return time.perf_counter() - started

    def completion_after_change() -> float:
        change()
        return completion()

    def timed(method: str, params: object, result: object) -> Callable[[], float]:
        def once() -> float:
            started = time.perf_counter()
            client.request(method, params, result)
            return time.perf_counter() - started
        return once

    found["diagnostics after a change"] = median(runs, diagnostics)
    found["completion"] = median(runs, completion)
    found["completion right after a change"] = median(runs, completion_after_change)
    found["hover on a ref"] = median(runs, timed("textDocument/hover", t.HoverParams(
        doc, t.Position(line, 15)), t.Hover | None))
    found["outline (documentSymbol)"] = median(runs, timed(
        "textDocument/documentSymbol", t.DocumentSymbolParams(doc), list[t.DocumentSymbol]))
    client.close()
    found.update(measure_project(n, runs))
    return found


def measure_project(n: int, runs: int) -> dict[str, float]:
    """The two project timings: see the module's docstring."""
    folder = HERE / "out" / f"lsp-project-{n}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "argmap.toml").write_text('sides = ["aff", "neg"]\n')
    big = re.sub(r"^argmap: .*\n(id: .*\n)?", "", with_ids(n))
    (folder / "neg.yaml").write_text("argmap: 1.2\n" + big)
    small = ("argmap: 1.2\nquestion: Q?\nclaims:\n  - id: plan\n    text: A plan.\n"
             "    con:\n      - ref: neg/s5\n      - ref: neg/s77\n")
    (folder / "aff.yaml").write_text(small)
    client = Client(folder)
    aff = client.open(folder / "aff.yaml", small)
    assert client.wait_diagnostics(aff, timeout=120) == [], "the project does not check"
    neg = client.open(folder / "neg.yaml", "argmap: 1.2\n" + big)
    client.wait_diagnostics(neg, timeout=120)
    edits = iter(range(10_000))
    line = ("argmap: 1.2\n" + big).splitlines().index("  - text: The claim being typed")
    whole = t.Range(t.Position(line, 0), t.Position(line, 100))

    def own() -> float:
        started = time.perf_counter()
        client.change(aff, small.replace("A plan.", f"A plan {next(edits)}."))
        client.wait_diagnostics(aff, timeout=60)
        return time.perf_counter() - started

    def other() -> float:
        client.alive()  # every publication sent before is read
        seen = len(client.diagnostics[aff])
        started = time.perf_counter()
        client.change(neg, f"  - text: The claim being typed {next(edits)}", whole)
        while len(client.diagnostics[aff]) == seen:
            time.sleep(0.002)
        return time.perf_counter() - started

    found = {"project: a map naming the big one, after its change": median(runs, own),
             "project: a map naming the big one, after the big one's change":
             median(runs, other)}
    client.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    (HERE / "out").mkdir(exist_ok=True)
    results = {n: measure(n, args.runs) for n in args.sizes}
    print(f"median of {args.runs} runs; the last column is the 10,000-statement time as a "
          "share of its target")
    print("| what | " + " | ".join(f"{n:,} statements" for n in args.sizes)
          + " | target | share |")
    print("|---|" + "---:|" * (len(args.sizes) + 2))
    for what in results[args.sizes[0]]:
        cells = " | ".join(f"{results[n][what] * 1000:.0f} ms" for n in args.sizes)
        target = TARGETS.get(what)
        big = results[args.sizes[-1]][what]
        share = f"{big / target:.2f}×" if target else ""
        shown = f"≤ {target * 1000:.0f} ms" if target else ""
        print(f"| {what} | {cells} | {shown} | {share} |")


if __name__ == "__main__":
    main()
