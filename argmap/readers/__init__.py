"""Input formats other than argmap YAML: one module per format, listed in one dict.

Like the exporters (:mod:`argmap.exporters`), adding a format is one module
under ``argmap/readers/`` with a function ``read(text: str, file: str) ->
ReadResult`` and one line in :data:`READERS`. Every command reads these files
through :func:`argmap.readers.yaml.load.load_path`, which asks :func:`detect` which
reader, if any, a file needs; ``argmap import`` writes the result as YAML.

The dict holds :class:`ReaderSpec` records that import their module only
when a file is read, so ``argmap --help`` imports no reader.

A reader returns argmap's own model (:class:`argmap.model.ArgumentMap`, with
spans in the source file), so every command works on it unchanged; linked
premises become linked arguments (format 1.1). What the source holds and
format 1.1 cannot, and statements merged because they share a text, are
counted in ``dropped`` (never dropped silently); :func:`dropped_warning`
turns the counts into one warning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import PurePath
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from argmap.diagnostics import Diagnostic
    from argmap.model import ArgumentMap

#: How much of a file the content sniffs look at.
SNIFF_BYTES = 4096


@dataclass
class ReadResult:
    """The maps read from one file, every problem found, and what was left out."""

    maps: list[ArgumentMap] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: what the format holds and format 1.1 cannot -> how many were left out (or changed)
    dropped: Counter[str] = field(default_factory=Counter)
    #: remarks for the header of ``argmap import``'s YAML (where the question came from)
    notes: list[str] = field(default_factory=list)


def _sniff_aif(head: bytes) -> bool:
    start = head.lstrip()
    return start.startswith(b"{") and (b'"AIF"' in head or (b'"nodes"' in head
                                                           and b'"nodeID"' in head))


def _sniff_json(head: bytes) -> bool:
    return head.lstrip().startswith(b"{") and b'"argmap_json"' in head


def _sniff_kialo(head: bytes) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0]
    return first.startswith((b"Discussion Title:", b"Discussion Name:"))


def _sniff_argdown(head: bytes) -> bool:
    del head  # Argdown has no mark of its own: only its suffix (or --from) says so
    return False


class ReaderSpec(NamedTuple):
    """A registry entry: how to recognise the format, and the module that reads it."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    module: str  # defines read(text, file) -> ReadResult
    sniff: Callable[[bytes], bool]  # does the start of a file look like this format?

    def read(self, text: str, file: str) -> ReadResult:
        """Import the format's module and read one file with it."""
        result: ReadResult = import_module(self.module).read(text, file)
        return result

    def looks_like(self, head: bytes) -> bool:
        """Does ``head`` (the file's first bytes) look like this format?"""
        return self.sniff(head)


READERS: dict[str, ReaderSpec] = {
    spec.name: spec for spec in (
        ReaderSpec("argdown", (".argdown", ".ad"), "Argdown text (argdown.org)",
                   "argmap.readers.argdown", _sniff_argdown),
        ReaderSpec("kialo", (".txt",), "Kialo discussion export, both text formats",
                   "argmap.readers.kialo", _sniff_kialo),
        ReaderSpec("aif", (".json",), "AIF JSON and xAIF (AIFdb, OVA, argument-mining corpora)",
                   "argmap.readers.aif", _sniff_aif),
        ReaderSpec("json", (".json",), "argmap's own JSON export (render -f json)",
                   "argmap.readers.json", _sniff_json),
    )
}


def detect(path: PurePath | str, data: bytes) -> str | None:
    """The reader a file needs, or None for argmap YAML (and anything unknown).

    The suffix decides where it is unambiguous (``.argdown``); otherwise the
    content: AIF JSON starts ``{`` and has ``nodes`` with ``nodeID`` or an
    ``AIF`` key; Kialo text's first line is ``Discussion Title:`` or
    ``Discussion Name:``; argmap's own JSON export starts ``{`` and has an
    ``argmap_json`` key. A ``.txt`` or ``.json`` file that looks like none of
    them is not claimed.
    """
    suffix = PurePath(path).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return None
    head = data[:SNIFF_BYTES]
    for spec in READERS.values():
        if suffix in spec.suffixes and spec.name == "argdown":
            return spec.name
    for spec in READERS.values():
        if spec.looks_like(head):
            return spec.name
    return None


def dropped_message(dropped: Counter[str]) -> str:
    """``left out: 12 dialogue nodes (L), 3 …`` in a stable order, or ``""``."""
    parts = [f"{what}: {n}" for what, n in sorted(dropped.items()) if n]
    return "; ".join(parts)


def read_bytes(data: bytes, file: str, name: str) -> ReadResult:
    """Decode a file's bytes as UTF-8 and read them with the reader ``name``.

    Binary and non-UTF-8 input is refused with the loader's own codes
    (``binary``, ``encoding``), never a traceback.
    """
    from argmap.diagnostics import error
    from argmap.model import Span
    from argmap.readers.lines import offset_position

    result = ReadResult()
    if b"\0" in data:
        result.diagnostics.append(error("binary", f"this is a binary file, not {name} text",
                                        Span(file, 1, 1)))
        return result
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        valid = data[:exc.start].decode("utf-8")
        line, column = offset_position(valid, len(valid))
        result.diagnostics.append(error(
            "encoding", f"file is not UTF-8 (byte 0x{data[exc.start]:02x} cannot be decoded); "
            "save it as UTF-8", Span(file, line, column)))
        return result
    return READERS[name].read(text, file)


def dropped_warning(result: ReadResult, file: str, name: str) -> Diagnostic | None:
    """The one warning that lists what a read left out, or None when nothing was."""
    from argmap.diagnostics import warning
    from argmap.model import Span

    summary = dropped_message(result.dropped)
    if not summary:
        return None
    return warning("import-dropped", f"{name} import left out or changed what format 1.1 cannot "
                   f"hold: {summary}", Span(file, 1, 1))
