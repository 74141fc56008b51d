"""The scheme catalogue as ``argmap schemes`` prints it (text, JSON) and as docs/schemes.md.

Not a map export: these render :mod:`argmap.readers.catalogue`, the data argmap ships.
docs/schemes.md is :func:`catalogue_markdown`'s output (tests/test_schemes.py compares
them; ``python -m argmap.exporters.catalogue > docs/schemes.md`` writes it).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence

from argmap.readers.catalogue import Catalogue, Scheme, catalogue

#: how each kind of question reads in the listings
KINDS = {"assumption": "assumption: counts against the step until answered",
         "exception": "exception: counts once someone raises it"}


def catalogue_text(schemes: Sequence[Scheme], whole: Catalogue | None = None) -> str:
    """The listing of ``argmap schemes``: one line per scheme, or for a single scheme its
    templates, questions and sources."""
    if len(schemes) != 1:
        width = max(len(s.id) for s in schemes)
        lines = [f"{s.id:<{width}}  {s.name} ({len(s.questions)} questions)" for s in schemes]
        lines.append("")
        lines.append("argmap schemes ID shows a scheme's critical questions.")
        return "\n".join(lines) + "\n"
    scheme = schemes[0]
    sources = (whole or catalogue()).sources
    lines = [f"{scheme.id}: {scheme.name} (AIF: {scheme.aifdb})", ""]
    lines += [_wrap(p, "  premise     ") for p in scheme.premises]
    lines += [_wrap(scheme.conclusion, "  conclusion  "), "", "Critical questions:"]
    for q in scheme.questions:
        lines.append(f"  {q.id}  [{q.kind}]")
        lines.append(_wrap(q.text, "    "))
    lines += ["", "Sources:"] + [_wrap(sources[s], "  ") for s in scheme.sources]
    return "\n".join(lines) + "\n"


def _wrap(text: str, lead: str, width: int = 79) -> str:
    """``text`` after ``lead``, wrapped to ``width`` with later lines under its start."""
    return textwrap.fill(text, width, initial_indent=lead,
                         subsequent_indent=" " * len(lead), break_on_hyphens=False)


def scheme_record(scheme: Scheme) -> dict[str, object]:
    """One scheme as JSON: what ``argmap schemes --format json`` lists."""
    return {"id": scheme.id, "name": scheme.name, "aifdb": scheme.aifdb,
            "premises": list(scheme.premises), "conclusion": scheme.conclusion,
            "questions": [{"id": q.id, "text": q.text, "kind": q.kind}
                          for q in scheme.questions],
            "sources": list(scheme.sources)}


def catalogue_json(schemes: Sequence[Scheme], whole: Catalogue | None = None) -> str:
    """``argmap schemes --format json``: the schemes and the works they cite."""
    cited = {s for scheme in schemes for s in scheme.sources}
    sources = {k: v for k, v in (whole or catalogue()).sources.items() if k in cited}
    return json.dumps({"schemes": [scheme_record(s) for s in schemes], "sources": sources},
                      ensure_ascii=False, indent=2) + "\n"


def catalogue_markdown(whole: Catalogue | None = None) -> str:
    """docs/schemes.md: every scheme with its templates, questions, kinds and sources."""
    found = whole or catalogue()
    out = ["# Argument schemes and critical questions", "",
           "<!-- Generated from argmap/readers/catalogue.yaml by "
           "`python -m argmap.exporters.catalogue > docs/schemes.md`; "
           "tests/test_schemes.py keeps them in step. -->", "",
           "The catalogue `scheme:` and `answers:` name (format 1.2, [format.md](format.md)); "
           "`argmap schemes` lists it, `argmap schemes ID` shows one scheme. Each critical "
           "question is an **assumption** (it counts against the step until it is answered; "
           "`eval --critical-questions assume` applies this) or an **exception** (it counts "
           "only once someone raises it), as Carneades distinguishes them [gpw2007]. The AIF "
           "name is the one AIFdb and OVA give the scheme, which `render -f aif` writes and "
           "`argmap import` reads back (AIFdb has no plain argument from precedent: "
           "`Precedent` is argmap's own name).", "",
           "| scheme | name | questions | AIF name |", "|---|---|---|---|"]
    out += [f"| [`{s.id}`](#{s.id}) | {s.name} | {len(s.questions)} | {s.aifdb} |"
            for s in found.schemes.values()]
    for s in found.schemes.values():
        out += ["", f"## {s.id}", "", f"**{s.name}** (AIF: {s.aifdb}; sources: "
                + ", ".join(f"[{k}]" for k in s.sources) + ")", ""]
        out += [f"- Premise: {_md(p)}" for p in s.premises]
        out += [f"- Conclusion: {_md(s.conclusion)}", "", "| question | kind | asks |",
                "|---|---|---|"]
        out += [f"| `{q.id}` | {q.kind} | {_md(q.text)} |" for q in s.questions]
    out += ["", "## Sources", ""]
    out += [f"- [{k}] {v}" for k, v in found.sources.items()]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """A template as Markdown table text: its `{X}` slots in code, pipes escaped."""
    return text.replace("|", "\\|").replace("{", "`{").replace("}", "}`")


if __name__ == "__main__":  # pragma: no cover - writes docs/schemes.md
    print(catalogue_markdown(), end="")
