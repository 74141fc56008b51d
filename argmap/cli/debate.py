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
from argmap.cli.options import ForOpt, From, Paths, SemanticsOpt, for_names, semantics_value
from argmap.escape import json_text

if TYPE_CHECKING:
    from argmap.analysis.evaluate import Evaluation
    from argmap.analysis.sides import Sides
    from argmap.api import Document
    from argmap.model import ArgumentMap


class TextOrJson(StrEnum):
    """Output formats of ``eval`` and ``stats``."""

    text = "text"
    json = "json"


class BriefFormat(StrEnum):
    """Output formats of ``brief``."""

    md = "md"
    docx = "docx"
    html = "html"


class QuestionsChoice(StrEnum):
    """``eval --critical-questions``: how an unanswered critical question counts."""

    raise_ = "raise"
    assume = "assume"


QuestionsOpt = Annotated[QuestionsChoice, typer.Option(
    "--critical-questions", help="raise: a scheme's critical questions count only once a "
    "statement raises them (default); assume: an unanswered question of the assumption "
    "kind makes its step not count (docs/eval.md).")]


def evaluate_maps(maps: list[ArgumentMap], semantics: str | None = None,
                  questions: str = "raise") -> list[Evaluation]:
    """Build each map's graph and label it (``semantics`` None: each map's own, else
    grounded; ``questions``: ``--critical-questions``)."""
    from argmap.analysis.evaluate import semantics_of
    from argmap.analysis.questions import evaluate_questions
    from argmap.graph import build_graph

    return [evaluate_questions(build_graph(m), semantics_of(m.semantics, semantics), questions)
            for m in maps]


def sides_of(evaluations: list[Evaluation], ours: list[str] | None) -> list[Sides | None]:
    """Each map's sides: from --for (a side, or claim ids: ours and theirs), else declared."""
    from argmap.analysis.sides import derive_sides, sides_for

    if ours:
        return [sides_for(e.graph, ours)[1] for e in evaluations]
    # only maps that name sides have any: the others skip the pass over their links
    return [derive_sides(e.graph) if e.graph.sides or any(
        e.graph.statements[k].side for k in e.graph.claims) else None for e in evaluations]


def eval_command(
    paths: Paths,
    fmt: Annotated[TextOrJson, typer.Option("--format", "-f", help="text: a summary per "
                   "claim; json: every statement's status (docs/eval.md).")] = TextOrJson.text,
    semantics: SemanticsOpt = None,
    ours: ForOpt = None,
    questions: QuestionsOpt = QuestionsChoice.raise_,
    source_format: From = None,
    after: Annotated[str | None, typer.Option("--after", show_default=False, help="A round "
                     "(format 1.2) as it stood after this speech: only what was said by "
                     "then counts.")] = None,
    by_speech: Annotated[bool, typer.Option("--by-speech", help="Each claim's status after "
                         "each speech of the round.")] = False,
) -> None:
    """Say which claims stand after the rebuttals: in (✓), out (✗) or undecided (?).

    Grounded semantics: a statement stands when every rebuttal of it falls or
    is undercut, falls when one stands, and is undecided in cycles of attack.
    Each statement is also supported (a standing pro premise, or citations)
    or bare. With two sides (the map's `sides`, or --for), eval ends with each
    side's standing claims and their weight, and which side is ahead: a model
    of the judge's weighing, not a judge (docs/eval.md).

    Example: argmap eval maps/nato-promise.yaml --format json
    """
    from argmap.analysis.report import eval_json, eval_text
    from argmap.api import evaluations as judge
    from argmap.cli.flow import by_speech_report, speech_maps

    report = load_or_fail(paths, reader=source_format)
    if by_speech:
        by_speech_report(report.maps, fmt.value, semantics_value(semantics))
        return
    if report.project is not None and after is None:  # a project: one debate across files
        evaluations = judge(report, semantics_value(semantics))
    else:
        evaluations = evaluate_maps(speech_maps(report.maps, after),
                                    semantics_value(semantics), questions.value)
    found = sides_of(evaluations, for_names(ours))
    if fmt is TextOrJson.json:
        to_stdout(eval_json(evaluations, found, questions.value).encode("utf-8"))
    else:
        to_stdout(eval_text(evaluations, found).encode("utf-8"))


def stats_command(
    paths: Paths,
    fmt: Annotated[TextOrJson, typer.Option("--format", "-f", help="text for people, json "
                   "for scripts.")] = TextOrJson.text,
    semantics: SemanticsOpt = None,
    ours: ForOpt = None,
    source_format: From = None,
) -> None:
    """Count statements, depth, claims, pro/con/undercut links, citations per source,
    and how many statements stand, fall or are undecided.

    With --for SIDE, also that side's statements by status and the attacks on
    it by danger (standing although answered, unanswered, undecided, beaten).

    Example: argmap stats maps/ --format json
    """

    from argmap.analysis.stats import map_stats, stats_text
    from argmap.api import evaluations

    report = load_or_fail(paths, reader=source_format)
    judged = evaluations(report, semantics_value(semantics))
    names = for_names(ours)
    found = sides_of(judged, names) if names else [None] * len(judged)
    side = names[0] if names and len(names) == 1 else None
    records = [map_stats(e, s, side if s is not None and side in s.names else None)
               for e, s in zip(judged, found, strict=True)]
    if fmt is TextOrJson.json:
        to_stdout((json_text({"maps": records}) + "\n").encode("utf-8"))
    else:
        to_stdout("\n".join(stats_text(r) for r in records).encode("utf-8"))


def brief_command(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=True, readable=True,
                    show_default=False, help="One map file, or a project's directory (or a "
                    "map that names others: the whole debate, names qualified MAP-ID/ID).")],
    ours: Annotated[str | None, typer.Option("--for", show_default=False, help="Our side: a "
                    "side of the map (`sides`, e.g. aff) or claim ids (MAP-ID/ID in a "
                    "project), comma-separated; the map's other claims are the opponent's.")
                    ] = None,
    fmt: Annotated[BriefFormat | None, typer.Option("--format", "-f", show_default=False,
                   help="md, docx or html (default: from -o's extension, else md).")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", show_default=False,
                      help="File to write, or - for stdout (default: stdout for md and "
                      "html, <map-id>.docx for docx).")] = None,
    map_id: Annotated[str | None, typer.Option("--map", show_default=False, help="Which map "
                      "of a file that holds several.")] = None,
    semantics: SemanticsOpt = None,
    depth: Annotated[int | None, typer.Option("--depth", min=1, show_default=False,
                     help="Cut each exchange after N answers (default: to its end).")
                     ] = None,
    no_status: Annotated[bool, typer.Option("--no-status", help="Leave the statuses out "
                         "(for a file to read from, not to judge by).")] = False,
    source_format: From = None,
    wpm: Annotated[int, typer.Option("--wpm", min=1, max=1000, help="Reading speed in "
                   "words per minute, which times each card, Hat and Block (Verbatim's "
                   "default; --speech times a speech at 160 unless this is given).")] = 250,
    speech: Annotated[str | None, typer.Option("--speech", show_default=False, help="A round "
                      "(format 1.2): what that speech's side says in it, timed against the "
                      "speech's time, instead of the brief.")] = None,
) -> None:
    """Write the brief a debater reads from: our case with its cards; the frontlines,
    every attack on us anywhere in the map, most dangerous first, each with its whole
    exchange; and their case with our attacks and why any of them fails.

    docx uses Verbatim's styles (Pocket, Hat, Block and Tag on Heading 1-4,
    Cite, Underline, Emphasis, highlighting), so a brief pastes into a
    debater's own file; each Hat, Block and Tag says how long its cards take
    to read aloud at --wpm.

    A project's directory (or a map that refs other maps) is briefed as one
    debate: --for names claims as MAP-ID/ID, and the cards come from every map
    and library the claims ref.

    Example: argmap brief examples/debate/carbon-tax.yaml --for aff -o brief.docx
    """
    from argmap.api import evaluations
    from argmap.brief import FORMATS, build_brief, render_brief
    from argmap.cli.output import output_paths, refuse_overwrite, write_outputs

    report = load_or_fail([str(path)], reader=source_format)
    judged = [e for e in evaluations(report, semantics_value(semantics))
              if map_id is None or e.graph.id == map_id]
    if len(judged) != 1:
        names = ", ".join(m.id for m in report.maps)
        fail(f"{path} holds the maps {names}: say which with --map" if not judged or
             map_id is None else f"no map '{map_id}' in {path}")
    if output != "-":
        refuse_overwrite([output], [path])
    fmt = _brief_format(fmt, output)
    if speech is not None:
        import click
        from click.core import ParameterSource

        from argmap.brief.speech import speech_brief

        chosen = [m for m in report.maps if map_id is None or m.id == map_id]
        given = click.get_current_context().get_parameter_source("wpm")
        # a speech is timed at a clear speaking pace unless --wpm (or argmap.toml) says
        brief = (speech_brief(chosen[0], speech) if given is ParameterSource.DEFAULT
                 else speech_brief(chosen[0], speech, wpm))
    elif ours is None:
        fail("brief needs --for (our side or claims), or --speech for one speech of a round")
    else:
        brief = build_brief(judged[0], [c for c in ours.split(",") if c], depth=depth,
                            status=not no_status, wpm=wpm)
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


def apply_rules(report: Document, codes: set[str], semantics: str | None = None,
                ours: list[str] | None = None) -> None:
    """Run the chosen debate rules and keep the chosen warnings (:func:`argmap.api.apply_rules`)."""
    from argmap.api import apply_rules as run

    run(report, codes, semantics, ours)
