"""The debater's commands: ``eval``, ``brief`` and ``stats``, and ``check``'s rule choice.

Registered in :mod:`argmap.cli.app` with one line each. Heavy modules are imported
inside the functions, so ``argmap --help`` stays fast.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.console import fail, load_or_fail, say
from argmap.cli.messages import to_stdout
from argmap.cli.options import From, Paths
from argmap.escape import json_text

if TYPE_CHECKING:
    from argmap.analysis.evaluate import Evaluation
    from argmap.api import Document
    from argmap.model import ArgumentMap


class TextOrJson(StrEnum):
    """Output formats of ``eval`` and ``stats``."""

    text = "text"
    json = "json"


class SemanticsChoice(StrEnum):
    """How ``eval`` decides which statements stand."""

    grounded = "grounded"
    weighed = "weighed"


class BriefFormat(StrEnum):
    """Output formats of ``brief``."""

    md = "md"
    docx = "docx"
    html = "html"


SemanticsOpt = Annotated[SemanticsChoice, typer.Option(
    "--semantics", help="grounded: a statement falls when any attack on it stands "
    "(default); weighed: when standing con weight outweighs standing pro weight "
    "(docs/eval.md).")]


def evaluate_maps(maps: list[ArgumentMap], semantics: str = "grounded") -> list[Evaluation]:
    """Build each map's graph and label it."""
    from argmap.analysis.evaluate import Semantics, evaluate
    from argmap.graph import build_graph

    return [evaluate(build_graph(m), Semantics(semantics)) for m in maps]


def eval_command(
    paths: Paths,
    fmt: Annotated[TextOrJson, typer.Option("--format", "-f", help="text: a summary per "
                   "claim; json: every statement's status (docs/eval.md).")] = TextOrJson.text,
    semantics: SemanticsOpt = SemanticsChoice.grounded,
    source_format: From = None,
) -> None:
    """Say which claims stand after the rebuttals: in (✓), out (✗) or undecided (?).

    Grounded semantics: a statement stands when every rebuttal of it falls or
    is undercut, falls when one stands, and is undecided in cycles of attack.
    Each statement is also supported (a standing pro premise, or citations)
    or bare.

    Example: argmap eval maps/nato-promise.yaml --format json
    """
    from argmap.analysis.report import eval_json, eval_text
    from argmap.api import evaluations as judge

    report = load_or_fail(paths, reader=source_format)
    evaluations = judge(report, semantics.value)
    if fmt is TextOrJson.json:
        to_stdout(eval_json(evaluations).encode("utf-8"))
    else:
        to_stdout(eval_text(evaluations).encode("utf-8"))


def stats_command(
    paths: Paths,
    fmt: Annotated[TextOrJson, typer.Option("--format", "-f", help="text for people, json "
                   "for scripts.")] = TextOrJson.text,
    source_format: From = None,
) -> None:
    """Count statements, depth, claims, pro/con/undercut links, citations per source,
    and how many statements stand, fall or are undecided.

    Example: argmap stats maps/ --format json
    """

    from argmap.analysis.stats import map_stats, stats_text
    from argmap.api import evaluations

    report = load_or_fail(paths, reader=source_format)
    records = [map_stats(e) for e in evaluations(report)]
    if fmt is TextOrJson.json:
        to_stdout((json_text({"maps": records}) + "\n").encode("utf-8"))
    else:
        to_stdout("\n".join(stats_text(r) for r in records).encode("utf-8"))


def brief_command(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=True, readable=True,
                    show_default=False, help="One map file, or a project's directory (or a "
                    "map that names others: the whole debate, names qualified MAP-ID/ID).")],
    ours: Annotated[str, typer.Option("--for", show_default=False, help="Our claims: ids "
                    "or paths, comma-separated; the map's other claims are the "
                    "opponent's.")],
    fmt: Annotated[BriefFormat | None, typer.Option("--format", "-f", show_default=False,
                   help="md, docx or html (default: from -o's extension, else md).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", show_default=False,
                      help="File to write, or - for stdout (default: stdout for md and "
                      "html, <map-id>.docx for docx).")] = None,
    map_id: Annotated[str | None, typer.Option("--map", show_default=False, help="Which map "
                      "of a file that holds several.")] = None,
    source_format: From = None,
) -> None:
    """Write the brief a debater reads from: our case with its cards, frontlines
    against each rebuttal (unanswered ones first) and their case with our attacks.

    docx uses the headings of Verbatim-style templates (Pocket, Hat, Block,
    Tag), so a brief pastes into a debater's own file.

    A project's directory (or a map that refs other maps) is briefed as one
    debate: --for names claims as MAP-ID/ID, and the cards come from every map
    and library the claims ref.

    Example: argmap brief maps/nato-promise.yaml --for no-binding-promise -o brief.docx
    """
    from argmap.api import evaluations
    from argmap.brief import FORMATS, build_brief, render_brief
    from argmap.cli.output import output_paths, refuse_overwrite, write_outputs

    report = load_or_fail([str(path)], reader=source_format)
    judged = [e for e in evaluations(report) if map_id is None or e.graph.id == map_id]
    if len(judged) != 1:
        names = ", ".join(m.id for m in report.maps)
        fail(f"{path} holds the maps {names}: say which with --map" if not judged or
             map_id is None else f"no map '{map_id}' in {path}")
    if output != "-":
        refuse_overwrite([output], [path])
    fmt = _brief_format(fmt, output)
    brief = build_brief(judged[0], [c for c in ours.split(",") if c])
    if output is None and fmt is not BriefFormat.docx:
        output = "-"  # md and html go to stdout unless -o, docx to <map-id>.docx
    plan = output_paths([brief.map_id], FORMATS[fmt.value], output)
    write_outputs(plan, [render_brief(brief, fmt.value)], lambda path: say(f"wrote {path}"))


def _brief_format(chosen: BriefFormat | None, output: str | None) -> BriefFormat:
    """-f, else the format -o's extension names, else md; a usage error when they disagree."""
    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    by_suffix = {".docx": BriefFormat.docx, ".html": BriefFormat.html,
                 ".htm": BriefFormat.html, ".md": BriefFormat.md}.get(suffix)
    if suffix and by_suffix is None:
        fail(f"cannot tell the format of -o {output} from its extension; use .md, .html or "
             ".docx, or -f")
    if chosen is not None and by_suffix is not None and chosen is not by_suffix:
        fail(f"-f {chosen.value} does not match -o {output}, which names a {by_suffix.value} "
             "file; drop -f or change the extension")
    return chosen or by_suffix or BriefFormat.md


def choose_rules(select: list[str] | None, ignore: list[str] | None) -> set[str]:
    """The warning codes ``check`` reports; a usage error for an unknown selector."""
    from argmap.rules.select import selected

    return selected(select, ignore)


def apply_rules(report: Document, codes: set[str]) -> None:
    """Run the chosen debate rules and keep the chosen warnings (:func:`argmap.api.apply_rules`)."""
    from argmap.api import apply_rules as run

    run(report, codes)
