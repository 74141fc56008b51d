"""A Word (.docx) file as paragraphs of marked runs, read safely.

Only the standard library: :mod:`zipfile` for the package and
:mod:`xml.etree.ElementTree` (expat) for its parts, behind guards that refuse
what a hostile file could use against the reader before any XML is parsed:

- a part with a DTD (``<!DOCTYPE``) or an entity declaration: expat would
  expand internal entities (the "billion laughs"), so no DTD is ever parsed;
- a part that inflates past :data:`MAX_PART` or more than :data:`MAX_RATIO`
  to 1 (a zip bomb): parts are read with a bounded ``read``, whatever the zip
  directory claims;
- an encrypted package (an OLE2 file holding ``EncryptedPackage``), an old
  ``.doc`` (OLE2 without it), a zip with encrypted entries, a zip without
  ``word/document.xml``.

Each refusal is a :class:`DocxError` whose message says what the file is and
what to do; :mod:`argmap.readers.verbatim` turns it into a located diagnostic.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import NamedTuple
from xml.etree import ElementTree

from argmap.markup import EMPHASIS, HIGHLIGHT, UNDERLINE, Run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: the most one part may inflate to, and the most it may inflate by
MAX_PART = 256 * 1024 * 1024
MAX_RATIO = 200
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
#: Verbatim's names (and aliases) for its heading levels, and Word's
LEVEL_NAMES = {"pocket": 1, "hat": 2, "block": 3, "tag": 4, "heading 1": 1, "heading 2": 2,
               "heading 3": 3, "heading 4": 4}
_ON = {None, "1", "true", "on"}
#: the styles argmap's brief marks its own remarks with (argmap.brief.docx)
BRIEF_NOTE, BRIEF_STATUS = "argmap note", "argmap status"


class DocxError(ValueError):
    """Why a file cannot be read as a .docx; ``line`` and ``column`` place it where known."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class Paragraph(NamedTuple):
    """One paragraph: its heading level (0: body text), its runs, and whether a run is
    in a cite style (Verbatim's Cite, or bold at body size)."""

    level: int
    runs: list[Run]
    cite_runs: list[str]
    title: bool = False
    #: the paragraph opens with a run in Verbatim's Cite style: a cite line, wherever it is
    opens_cite: bool = False

    @property
    def text(self) -> str:
        """The paragraph's text, runs joined."""
        return "".join(run.text for run in self.runs)


class _Style(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    based_on: str | None
    level: int
    bold: bool | None
    underline: bool | None


def read_docx(data: bytes) -> list[Paragraph]:
    """The paragraphs of a .docx file's main document, in order.

    Raises:
        DocxError: the file is no readable .docx (see the module docstring).
    """
    if data.startswith(_OLE2):
        if _ENCRYPTED in data:
            raise DocxError("this Word file is encrypted (password-protected); save an "
                            "unprotected copy (File > Info > Protect Document) and import that")
        raise DocxError("this is an old Word 97-2003 .doc file, not a .docx; open it in Word "
                        "or LibreOffice and save it as .docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocxError("this is not a .docx file (a .docx is a zip archive; this is not "
                        "one)") from None
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            raise DocxError("this zip holds no word/document.xml, so it is no Word document; "
                            "export the file from Word as .docx")
        styles = _styles(_part(archive, "word/styles.xml")) if "word/styles.xml" in names \
            else {}
        return _paragraphs(_part(archive, "word/document.xml"), styles)


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    info = archive.getinfo(name)
    if info.flag_bits & 0x1:
        raise DocxError(f"{name} is encrypted in the zip; save an unprotected copy")
    if info.file_size > MAX_PART or (
            info.compress_size and info.file_size > 1024 * 1024
            and info.file_size / info.compress_size > MAX_RATIO):
        raise DocxError(f"{name} would inflate to {info.file_size} bytes from "
                        f"{info.compress_size}: a zip bomb, not a document")
    try:
        with archive.open(info) as stream:
            raw = stream.read(MAX_PART + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError,
            ValueError) as exc:
        raise DocxError(f"{name} cannot be unpacked ({exc}); the file is damaged") from None
    if len(raw) > MAX_PART or (info.compress_size and len(raw) > 1024 * 1024
                               and len(raw) / max(info.compress_size, 1) > MAX_RATIO):
        raise DocxError(f"{name} inflates far beyond its size in the zip: a zip bomb, "
                        "not a document")
    return parse_xml(raw, name)


def parse_xml(raw: bytes, name: str) -> ElementTree.Element:
    """Parse one XML part, refusing a DTD or entity declaration before expat sees it."""
    head = raw.decode("utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw
    probe = head.encode("utf-8") if isinstance(head, str) else head
    if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
        raise DocxError(f"{name} declares a DTD or entities, which no Word document does and "
                        "argmap never expands (they can read local files or exhaust memory)")
    try:
        return ElementTree.fromstring(raw)
    except ElementTree.ParseError as exc:
        line, column = exc.position
        raise DocxError(f"{name} is not well-formed XML ({exc})", line, column + 1) from None


def _styles(root: ElementTree.Element) -> dict[str, _Style]:
    found: dict[str, _Style] = {}
    for style in root.iter(W + "style"):
        style_id = style.get(W + "styleId") or ""
        name = _val(style.find(W + "name")) or style_id
        aliases = tuple(a.strip() for a in (_val(style.find(W + "aliases")) or "").split(","))
        based = _val(style.find(W + "basedOn"))
        level = 0
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and (_val(outline) or "").isdigit() and \
                int(_val(outline) or 9) < 4:
            level = int(_val(outline) or 0) + 1
        for word in (name.lower(), *(a.lower() for a in aliases[:1] if a)):
            level = level or LEVEL_NAMES.get(word, 0)
        found[style_id] = _Style(name, aliases, based, level, *_bold_underline(style.find(
            W + "rPr")))
    return found


def _val(element: ElementTree.Element | None) -> str | None:
    return None if element is None else element.get(W + "val")


def _bold_underline(rpr: ElementTree.Element | None) -> tuple[bool | None, bool | None]:
    if rpr is None:
        return None, None
    b, u = rpr.find(W + "b"), rpr.find(W + "u")
    bold = None if b is None else _val(b) in _ON
    underline = None if u is None else (_val(u) or "single") != "none"
    return bold, underline


def _inherited(styles: dict[str, _Style], style_id: str | None, attr: str) -> bool | int | None:
    seen = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        value = getattr(styles[style_id], attr)
        if value:
            return value  # type: ignore[no-any-return]
        if value is False:
            return False
        style_id = styles[style_id].based_on
    return None


def _is(styles: dict[str, _Style], style_id: str | None, word: str) -> bool:
    style = styles.get(style_id or "")
    return style is not None and (style.name.lower() == word or style_id == word.title()
                                  or word in (a.lower() for a in style.aliases))


def _paragraphs(root: ElementTree.Element, styles: dict[str, _Style]) -> list[Paragraph]:
    body = root.find(W + "body")
    out: list[Paragraph] = []
    cache: dict[str | None, _RunStyle] = {}
    for p in (body.iter(W + "p") if body is not None else ()):
        style_id = _val(p.find(f"{W}pPr/{W}pStyle"))
        level = int(_inherited(styles, style_id, "level") or 0)
        outline = _val(p.find(f"{W}pPr/{W}outlineLvl"))
        if outline is not None and outline.isdigit() and int(outline) < 4:
            level = int(outline) + 1
        if _is(styles, style_id, BRIEF_NOTE):
            continue  # argmap's own remark in a brief, not the debater's words
        title = _is(styles, style_id, "title")
        runs: list[Run] = []
        cites: list[str] = []
        opens = False
        for r in _runs(p):
            text = _run_text(r)
            if not text:
                continue
            found = _marks(r, styles, cache)
            if found is None:
                continue
            marks, cite, styled = found
            if not runs and styled:
                opens = True
            runs.append(Run(text, marks))
            if cite:
                cites.append(text)
        out.append(Paragraph(level, runs, cites, title, opens))
    return out


def _runs(p: ElementTree.Element) -> list[ElementTree.Element]:
    """The paragraph's runs in order, deleted ones (tracked changes) left out."""
    found: list[ElementTree.Element] = []
    stack = list(reversed(list(p)))
    while stack:
        element = stack.pop()
        if element.tag == W + "r":
            found.append(element)
        elif element.tag not in (W + "del", W + "pPr", W + "moveFrom"):
            stack.extend(reversed(list(element)))
    return found


def _run_text(r: ElementTree.Element) -> str:
    parts = []
    for child in r:
        if child.tag == W + "t" and child.text:
            parts.append(child.text)
        elif child.tag in (W + "tab", W + "br", W + "cr"):
            parts.append(" ")
        elif child.tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


_WS = re.compile(r"\s+")


class _RunStyle(NamedTuple):
    status: bool
    emphasis: bool
    cite: bool
    bold: bool
    underline: bool


def _run_style(styles: dict[str, _Style], style_id: str | None,
               cache: dict[str | None, _RunStyle]) -> _RunStyle:
    found = cache.get(style_id)
    if found is None:
        found = cache[style_id] = _RunStyle(
            _is(styles, style_id, BRIEF_STATUS), _is(styles, style_id, "emphasis"),
            _is(styles, style_id, "cite"), bool(_inherited(styles, style_id, "bold")),
            bool(_inherited(styles, style_id, "underline")))
    return found


def _marks(r: ElementTree.Element, styles: dict[str, _Style],
           cache: dict[str | None, _RunStyle]) -> tuple[frozenset[str], bool, bool] | None:
    """The marks of a run (highlight, emphasis, underline), whether it may be a cite's
    (Verbatim's Cite style, or bold and not underlined) and whether it is in the Cite style
    itself; None for argmap's own status runs in a brief."""
    rpr = r.find(W + "rPr")
    style_id = _val(rpr.find(W + "rStyle")) if rpr is not None else None
    style = _run_style(styles, style_id, cache)
    if style.status:
        return None
    bold, underline = _bold_underline(rpr)
    if bold is None:
        bold = style.bold
    if underline is None:
        underline = style.underline
    marks = set()
    highlight = _val(rpr.find(W + "highlight")) if rpr is not None else None
    if highlight and highlight != "none":
        marks.add(HIGHLIGHT)
    if style.emphasis or (bold and underline):
        marks.add(EMPHASIS)
    elif underline:
        marks.add(UNDERLINE)
    cite = style.cite or (bool(bold) and not underline)
    return frozenset(marks), cite, style.cite
