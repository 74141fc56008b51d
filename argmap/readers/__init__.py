"""Input formats, argmap's own YAML among them: one module per format, listed in one dict.

Like the exporters (:mod:`argmap.exporters`), adding a format is one module
under ``argmap/readers/`` with a function ``read(text: str, file: str) ->
ReadResult`` and one line in :data:`READERS`. Every command (and
:func:`argmap.load`) reads files through :func:`load_path`, which asks
:func:`detect` which reader a file needs; ``argmap import`` writes the result
of the other readers as YAML.

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

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, NamedTuple

from argmap.files import MAP_SUFFIXES, MAX_BYTES, STDIN, STDIN_ID, STDIN_NAME, read_input

if TYPE_CHECKING:  # imported where used: `argmap --help` lists the readers, reads nothing
    from argmap.diagnostics import Diagnostic
    from argmap.model import ArgumentMap, Span
    from argmap.speeches import MapDefaults

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
    start = head.lstrip(b"\xef\xbb\xbf").lstrip()
    return start.startswith(b"{") and (b'"AIF"' in head or (b'"nodes"' in head
                                                           and b'"nodeID"' in head))


def _sniff_json(head: bytes) -> bool:
    return (head.lstrip(b"\xef\xbb\xbf").lstrip().startswith(b"{")
            and b'"argmap_json"' in head)


def _sniff_kialo(head: bytes) -> bool:
    first = head.lstrip(b"\xef\xbb\xbf").lstrip().split(b"\n", 1)[0]
    return first.startswith((b"Discussion Title:", b"Discussion Name:"))


def _sniff_docx(head: bytes) -> bool:
    # a zip (a .docx), or an OLE2 file: an encrypted .docx or a Word 97-2003 .doc, which the
    # Verbatim reader names as such
    return head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))


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

    def read_bytes(self, data: bytes, file: str, default_id: str | None = None,
                   defaults: MapDefaults | None = None) -> ReadResult:
        """Read one file's bytes: the module's own ``read_bytes`` where it has one (YAML
        keeps its decoding messages and a default map id), else UTF-8 and :meth:`read`.
        ``defaults`` (a project's debate format) reach the YAML reader only."""
        module = import_module(self.module)
        if hasattr(module, "read_bytes"):
            result: ReadResult = (module.read_bytes(data, file, default_id) if defaults is None
                                  else module.read_bytes(data, file, default_id, defaults))
            return result
        return read_bytes(data, file, self.name)

    def looks_like(self, head: bytes) -> bool:
        """Does ``head`` (the file's first bytes) look like this format?"""
        return self.sniff(head)


def _never(head: bytes) -> bool:
    del head  # argmap YAML is what a file is when no other reader claims it
    return False


READERS: dict[str, ReaderSpec] = {
    spec.name: spec for spec in (
        ReaderSpec("yaml", (".yaml", ".yml"), "argmap YAML maps (the default)",
                   "argmap.readers.yaml.load", _never),
        ReaderSpec("argdown", (".argdown", ".ad"), "Argdown text (argdown.org)",
                   "argmap.readers.argdown", _sniff_argdown),
        ReaderSpec("kialo", (".txt",), "Kialo discussion export, both text formats",
                   "argmap.readers.kialo", _sniff_kialo),
        ReaderSpec("aif", (".json",), "AIF JSON and xAIF (AIFdb, OVA, argument-mining corpora)",
                   "argmap.readers.aif", _sniff_aif),
        ReaderSpec("json", (".json",), "argmap's own JSON export (render -f json)",
                   "argmap.readers.json", _sniff_json),
        ReaderSpec("verbatim", (".docx",), "Verbatim debate files and other Word .docx files "
                   "with Heading 1-4 (Pocket, Hat, Block, Tag)",
                   "argmap.readers.verbatim", _sniff_docx),
    )
}


def detect(path: PurePath | str, data: bytes) -> str | None:
    """The reader a file needs, or None for argmap YAML (and anything unknown).

    The suffix decides where it is unambiguous (``.argdown``, ``.docx``); otherwise the
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
        if suffix in spec.suffixes and spec.name in ("argdown", "verbatim"):
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
    from argmap.readers.lines import decode_utf8

    result = ReadResult()
    module = import_module(READERS[name].module)
    if name != "yaml" and hasattr(module, "read_bytes"):  # a binary format (.docx)
        binary: ReadResult = module.read_bytes(data, file)
        binary.diagnostics.extend(_texts_no_output_can_hold(binary.maps))
        return binary
    if b"\0" in data:
        result.diagnostics.append(error("binary", f"this is a binary file, not {name} text",
                                        Span(file, 1, 1)))
        return result
    text = decode_utf8(data)
    if not isinstance(text, str):
        line, column, byte = text
        result.diagnostics.append(error(
            "encoding", f"file is not UTF-8 (byte 0x{byte:02x} cannot be decoded); "
            "save it as UTF-8", Span(file, line, column)))
        return result
    result = READERS[name].read(text, file)
    result.diagnostics.extend(_texts_no_output_can_hold(result.maps))
    return result


_SURROGATE = "[\ud800-\udfff]"


def _texts_no_output_can_hold(maps: list[ArgumentMap]) -> list[Diagnostic]:
    """An error for each statement or source whose text holds half of a UTF-16 pair (a JSON
    escape such as ``\\ud800`` in AIF or an Argdown data block): no character, which no
    output can encode; and for a text with no visible character, which nothing can draw.
    YAML refuses both as it reads; the other readers are checked here, so an import is
    never a map argmap refuses to read back."""
    from argmap.diagnostics import error
    from argmap.model import visible

    surrogate = re.compile(_SURROGATE)
    found = []
    for argmap in maps:
        places: list[tuple[list[object], Span]] = [
            ([argmap.question, argmap.context, *argmap.tags], argmap.span)]
        places += [([s.text, s.by, s.note, *s.tags, *(c.quote for c in s.cites),
                     *(c.locator for c in s.cites)], s.span) for s in argmap.walk()]
        places += [(list(source._asdict().values()), source.span)
                   for source in argmap.sources.values()]
        for values, span in places:
            texts = [v for v in values if isinstance(v, str)]
            texts += [a for v in values if isinstance(v, tuple) for a in v if isinstance(a, str)]
            bad = next((m for t in texts if (m := surrogate.search(t))), None)
            if bad is not None:
                found.append(error("encoding", f"the text holds U+{ord(bad.group()):04X}, half "
                                   "of a UTF-16 pair (a lone surrogate escape), which is no "
                                   "character; write the character itself", span))
            blank = next((t for t in texts if t.strip() and not visible(t)), None)
            if blank is not None:  # as the YAML reader says of such a text
                names = ", ".join(sorted({f"U+{ord(c):04X}" for c in blank if not c.isspace()}))
                found.append(error("empty-text", f"a text has no visible character (only "
                                   f"{names}); write the text", span))
    return found



def dropped_warning(result: ReadResult, file: str, name: str) -> Diagnostic | None:
    """The one warning that lists what a read left out, or None when nothing was."""
    from argmap.diagnostics import warning
    from argmap.model import Span

    summary = dropped_message(result.dropped)
    if not summary:
        return None
    return warning("import-dropped", f"{name} import left out or changed what format 1.1 cannot "
                   f"hold: {summary}", Span(file, 1, 1))


def load_path(path: Path, max_bytes: int = MAX_BYTES, reader: str | None = None,
              defaults: MapDefaults | None = None) -> ReadResult:
    """Read and build every map in one file, or in standard input when ``path`` is ``-``.

    An input over ``max_bytes``, or anything but a regular file, is refused with
    a diagnostic before it is read (see :func:`argmap.files.read_input`).
    ``reader`` names a format of :data:`READERS` (``--from``); without it a
    YAML suffix means argmap YAML and anything else is sniffed (:func:`detect`).
    What another format's reader left out is counted in one warning. ``defaults``
    are a project file's for its maps (:class:`argmap.speeches.MapDefaults`).
    """
    data = read_input(path, max_bytes)
    if not isinstance(data, bytes):  # why it cannot be read: a diagnostic
        return ReadResult(diagnostics=[data])
    return load_data(data, path, reader, defaults)


def load_data(data: bytes, path: Path, reader: str | None = None,
              defaults: MapDefaults | None = None) -> ReadResult:
    """Build every map in the bytes read from ``path`` (``-``: stdin), as :func:`load_path`
    does (``watch`` reads the file itself, to compare it with the last version)."""
    if reader is None and path.suffix not in MAP_SUFFIXES:  # maps never pay for the sniff
        reader = detect(path, data)
    file = STDIN_NAME if path == STDIN else str(path)
    spec = READERS[reader or "yaml"]
    if spec.name == "yaml":
        return spec.read_bytes(data, file, STDIN_ID if path == STDIN else None, defaults)
    result = spec.read_bytes(data, file)
    if defaults is not None:  # an imported map of a project: its semantics and sides
        from argmap.speeches import inherit

        result.maps = [inherit(m, defaults) for m in result.maps]
    dropped = dropped_warning(result, file, spec.name)
    if dropped is not None:
        result.diagnostics.append(dropped)
    from argmap.diagnostics import Diagnostic

    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result
