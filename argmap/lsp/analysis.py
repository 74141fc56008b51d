"""One version of an open document: ``check``'s diagnostics, its maps, and its index.

The diagnostics are made exactly as ``argmap check FILE`` makes them: the same
reader on the same bytes, the same map-level rules, the same choice of warning
rules (``select`` and ``ignore``). The index and the statuses are made only when
a request needs them, once per version.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from argmap.api import Labels, apply_rules, evaluate, loads
from argmap.lsp.index import Index, build_index
from argmap.lsp.text import Lines
from argmap.model import ArgumentMap, Statement

if TYPE_CHECKING:
    from argmap.diagnostics import Diagnostic


class Analysis:
    """What argmap makes of one text of one file."""

    def __init__(self, text: str, file: str, codes: set[str], encoding: str = "utf-16"
                 ) -> None:
        self.text = text
        self.file = file
        self.lines = Lines(text, encoding)
        # An editor may hold a lone surrogate (JSON can carry one); surrogatepass lets
        # the reader report it as the undecodable byte it would be in a file.
        document = loads(text.encode("utf-8", "surrogatepass"), name=file)
        apply_rules(document, codes)
        self.maps: list[ArgumentMap] = document.maps
        self.diagnostics: list[Diagnostic] = [
            d for d in document.diagnostics if d.span.file == file]

    @cached_property
    def index(self) -> Index | None:
        """Where every name and key is, or None when the text is not YAML."""
        return build_index(self.text)

    def map_at(self, line: int) -> ArgumentMap | None:
        """The map whose document holds 0-based ``line``: the last one starting at or above it."""
        found = None
        for argmap in self.maps:
            if argmap.span.line - 1 <= line or found is None:
                found = argmap
        return found

    def map_of_document(self, document: int) -> ArgumentMap | None:
        """The map built from the ``document``-th YAML document, by where that one starts."""
        index = self.index
        if index is None or document >= len(index.parsed.documents):
            return None
        return self.map_at(int(index.parsed.documents[document].start_mark.line))

    def statements(self, argmap: ArgumentMap) -> dict[str, Statement]:
        """A map's statements with an id (linked arguments included), by id."""
        cache = self._statements.setdefault(argmap.id, {})
        if not cache:
            for s in argmap.walk():
                if s.id is not None and s.ref is None:
                    cache.setdefault(s.id, s)
        return cache

    def labels(self, argmap: ArgumentMap) -> Labels | None:
        """Which statements stand, under the map's own semantics; None if it cannot be said."""
        if argmap.id not in self._labels:
            try:
                self._labels[argmap.id] = evaluate(argmap, argmap.semantics or "grounded")
            except Exception:  # a broken map may not evaluate; hover then shows no status
                self._labels[argmap.id] = None
        return self._labels[argmap.id]

    @cached_property
    def _statements(self) -> dict[str, dict[str, Statement]]:
        return {}

    @cached_property
    def _labels(self) -> dict[str, Labels | None]:
        return {}


def ids(maps: Iterable[ArgumentMap]) -> dict[str, Statement]:
    """Every id of the maps' statements (the first of a repeated one), for completion."""
    found: dict[str, Statement] = {}
    for argmap in maps:
        for s in argmap.walk():
            if s.id is not None and s.ref is None:
                found.setdefault(s.id, s)
    return found
