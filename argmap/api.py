"""Load and check a set of paths: the step every command starts with."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from argmap.diagnostics import Diagnostic, count, error
from argmap.files import MAX_BYTES, expand_paths
from argmap.model import ArgumentMap
from argmap.readers.yaml.load import load_path
from argmap.rules.format import MapIndex, run_rules


@dataclass
class Report:
    """Every map read from the paths, every diagnostic, and totals for the summary."""

    maps: list[ArgumentMap] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    statements: int = 0
    sources: int = 0

    @property
    def errors(self) -> int:
        """How many diagnostics are errors."""
        return count(self.diagnostics)[0]

    @property
    def warnings(self) -> int:
        """How many diagnostics are warnings."""
        return count(self.diagnostics)[1]

    def summary(self) -> str:
        """One line: what was read and what was found."""
        def n(k: int, word: str) -> str:
            return f"{k} {word}{'' if k == 1 else 's'}"

        return (f"{n(len(self.maps), 'map')}, {n(self.statements, 'statement')}, "
                f"{n(self.sources, 'source')}: {n(self.errors, 'error')}, "
                f"{n(self.warnings, 'warning')}")


def check_paths(paths: Iterable[Path], max_bytes: int = MAX_BYTES,
                exclude: Sequence[str] = (), reader: str | None = None) -> Report:
    """Load every map under ``paths`` and run the map-level rules on each.

    ``-`` is standard input; ``max_bytes`` and ``exclude`` are ``--max-bytes`` and
    ``--exclude`` (see :mod:`argmap.files`); ``reader`` is ``--from``.
    """
    report = Report()
    first: dict[str, ArgumentMap] = {}  # map id -> the first map with it, in any file
    for path in expand_paths(paths, exclude):
        report.files += 1
        loaded = load_path(path, max_bytes, reader)
        report.diagnostics.extend(loaded.diagnostics)
        for argmap in loaded.maps:
            earlier = first.setdefault(argmap.id, argmap)
            # Within one file the loader reports it; across files only this can.
            if earlier.span.file != argmap.span.file:
                report.diagnostics.append(error(
                    "duplicate-map-id", f"map id '{argmap.id}' is already used by the map at "
                    f"{earlier.span.file}:{earlier.span.line}", argmap.span))
            index = MapIndex.of(argmap)
            report.maps.append(argmap)
            report.statements += sum(1 for s in index.statements
                                     if s.ref is None and not s.premises)
            report.sources += len(argmap.sources)
            report.diagnostics.extend(run_rules(index))
    report.diagnostics.sort(key=Diagnostic.sort_key)
    return report


def report_json(report: Report) -> str:
    """The JSON written by ``argmap check --format json``."""
    from argmap.escape import json_text

    return json_text({
        "diagnostics": [d.as_dict() for d in report.diagnostics],
        "summary": {"files": report.files, "maps": len(report.maps),
                    "statements": report.statements, "sources": report.sources,
                    "errors": report.errors, "warnings": report.warnings},
    }) + "\n"
