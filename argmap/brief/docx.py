"""A brief as a Word file in Verbatim's styles, so its cards paste into a Verbatim file.

The styles are those of Verbatim's template (``Debate.dotm`` in
ashtarcommunications/verbatim, version 6), names, aliases and definitions:

- paragraph styles ``heading 1``-``heading 4`` with the aliases Pocket, Hat,
  Block and Tag (Word's own headings, so the navigation pane and outline
  work; Verbatim's macros find them by the alias): bold Calibri 26, 22, 16 and
  13 pt; Pocket boxed and centred, Hat double-underlined, Block underlined,
  the first three starting a page;
- ``Normal`` (alias ``Normal/Card``), Calibri 11 pt, for card text, whose
  unread part (in a card that has marks) is 8 pt, the size Verbatim's Shrink takes it to first;
- character styles ``Style 13 pt Bold`` (alias ``Cite``) for the short cite,
  ``Style Underline`` (alias ``Underline``: 11 pt, underlined, not bold) and
  ``Emphasis`` (11 pt bold underlined, not italic) for the read parts, and
  yellow highlighting, which Verbatim applies as direct formatting, not a style.

The brief's own remarks (notes, statuses, reading times) are in the paragraph
style ``argmap Note`` and character style ``argmap Status``, which the
Verbatim import skips: they are argmap's, not the debater's words.
"""

from __future__ import annotations

import io
from typing import Any

from argmap.brief.cards import card_runs, cite_parts, reading
from argmap.brief.records import LEVELS, Block, Brief
from argmap.escape import CONTROLS
from argmap.markup import EMPHASIS, HIGHLIGHT, UNDERLINE

# Word's XML cannot hold C0 controls; tabs and line breaks become spaces.
_CLEAN = str.maketrans({**CONTROLS, "\t": " ", "\n": " ", "\r": " "})

#: Verbatim's heading definitions: (alias, size in pt, underline, boxed, new page)
HEADINGS = {1: ("Pocket", 26, None, True, True), 2: ("Hat", 22, "double", False, True),
            3: ("Block", 16, "single", False, True), 4: ("Tag", 13, None, False, False)}
CITE, UNDERLINE_STYLE, EMPHASIS_STYLE = "Style 13 pt Bold", "Style Underline", "Emphasis"
NOTE, STATUS = "argmap Note", "argmap Status"
#: the size of card text nobody reads aloud (Verbatim's Shrink: 11 pt to 8 pt first)
SHRUNK = 8


def render_docx(brief: Brief) -> bytes:
    """The brief as the bytes of a .docx file."""
    from docx import Document
    from docx.shared import Cm

    document = Document()
    _properties(document, _clean(brief.title))
    _styles(document)
    for block in brief.blocks:
        made = _block(document, block, brief.wpm)
        if block.depth:  # indented by its depth in an exchange
            for paragraph in made:
                paragraph.paragraph_format.left_indent = Cm(0.8 * block.depth)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable(buffer.getvalue())


def _block(document: Any, block: Block, wpm: int) -> list[Any]:
    """Write one block; return the paragraphs it made."""
    from docx.shared import Pt

    text = _clean(block.text)
    made: list[Any] = []
    if block.kind == "title":
        made.append(document.add_heading(f"Brief: {text}", level=0))
    elif block.kind in LEVELS:
        made.append(document.add_heading(text, level=LEVELS[block.kind]))
        if block.flag:  # its own paragraph: a tag copied into a file carries no label
            made.append(document.add_paragraph(style=NOTE))
            flag = made[-1].add_run(_clean(block.flag), style=STATUS)
            flag.bold, flag.italic = True, False
            flag.underline = "UNANSWERED" in block.flag
        if block.words:
            made.append(document.add_paragraph(style=NOTE))
            made[-1].add_run(f"Read aloud: {reading(block.words, wpm)}.").font.size = Pt(8)
    elif block.kind == "cite" and block.citation is not None:
        short, rest, locator = cite_parts(block.citation.source, block.source,
                                          block.citation.locator)
        made.append(document.add_paragraph())
        made[-1].add_run(_clean(short), style=CITE)
        tail = " ".join(_clean(p) for p in (rest, locator) if p)
        if tail:
            made[-1].add_run(" " + tail)
    elif block.kind == "cite":
        made.append(document.add_paragraph())
        made[-1].add_run(text, style=CITE)
    elif block.kind == "card":
        made.append(document.add_paragraph())
        runs = card_runs(block)
        cut = any(run.marks for run in runs)  # a card nobody has cut is read whole
        for run in runs:
            for n, piece in enumerate(run.text.split("\n")):
                if n:
                    made.append(document.add_paragraph())
                if piece:
                    _card_run(made[-1], piece, run.marks, cut)
    else:
        made.append(document.add_paragraph(style=NOTE))
        made[-1].add_run(text).font.size = Pt(9)
    return made


def _card_run(paragraph: Any, text: str, marks: frozenset[str], cut: bool) -> None:
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt

    style = EMPHASIS_STYLE if EMPHASIS in marks else UNDERLINE_STYLE if UNDERLINE in marks \
        else None
    run = paragraph.add_run(" ".join(text.translate(_CLEAN).split(" ")), style=style)
    if HIGHLIGHT in marks:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    if cut and not marks:
        run.font.size = Pt(SHRUNK)


def _styles(document: Any) -> None:
    """Verbatim's styles (see the module docstring) on python-docx's default template."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_UNDERLINE
    from docx.shared import Pt, RGBColor

    styles = document.styles
    black = RGBColor(0, 0, 0)
    normal = styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(11)
    _alias(normal, "Normal/Card")
    for level, (alias, size, underline, boxed, new_page) in HEADINGS.items():
        style = styles[f"Heading {level}"]
        _alias(style, alias)
        style.base_style = normal
        font = style.font
        font.name, font.size, font.bold, font.italic, font.color.rgb = \
            "Calibri", Pt(size), True, False, black
        font.underline = {"double": WD_UNDERLINE.DOUBLE, "single": WD_UNDERLINE.SINGLE,
                          None: False}[underline]
        paragraph = style.paragraph_format
        paragraph.keep_with_next = paragraph.keep_together = True
        paragraph.page_break_before = new_page
        paragraph.space_before, paragraph.space_after = Pt(12 if level == 1 else 2), Pt(0)
        if level < 4:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if boxed:
            _box(style)
    cite = styles.add_style(CITE, WD_STYLE_TYPE.CHARACTER)
    _alias(cite, "Cite")
    cite.font.bold, cite.font.size, cite.font.underline = True, Pt(13), False
    underline = styles.add_style(UNDERLINE_STYLE, WD_STYLE_TYPE.CHARACTER)
    _alias(underline, "Underline")
    underline.font.bold, underline.font.size, underline.font.underline = False, Pt(11), True
    emphasis = styles[EMPHASIS_STYLE] if EMPHASIS_STYLE in [s.name for s in styles] else \
        styles.add_style(EMPHASIS_STYLE, WD_STYLE_TYPE.CHARACTER)
    emphasis.font.name, emphasis.font.bold, emphasis.font.italic = "Calibri", True, False
    emphasis.font.size, emphasis.font.underline = Pt(11), True
    note = styles.add_style(NOTE, WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.italic, note.font.size, note.font.color.rgb = True, Pt(9), RGBColor(0x44, 0x44,
                                                                                  0x44)
    status = styles.add_style(STATUS, WD_STYLE_TYPE.CHARACTER)
    status.font.size, status.font.bold = Pt(9), False
    status.font.color.rgb = RGBColor(0x44, 0x44, 0x44)


def _alias(style: Any, alias: str) -> None:
    """Give a style Verbatim's alias (``w:aliases``, right after ``w:name``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:aliases")
    element.set(qn("w:val"), alias)
    style.element.find(qn("w:name")).addnext(element)


def _box(style: Any) -> None:
    """A 3 pt single border on every side, as Verbatim's Pocket has."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side, space in (("top", "1"), ("left", "4"), ("bottom", "1"), ("right", "4")):
        edge = OxmlElement(f"w:{side}")
        for name, value in (("val", "single"), ("sz", "24"), ("space", space),
                            ("color", "auto")):
            edge.set(qn(f"w:{name}"), value)
        borders.append(edge)
    # pBdr goes after keepNext/keepLines/pageBreakBefore in CT_PPr's sequence
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens",
                              "w:spacing", "w:ind", "w:jc", "w:outlineLvl")


def _properties(document: Any, question: str) -> None:
    """The file's core properties: the map's question as its title, made now (or at
    ``SOURCE_DATE_EPOCH``, for reproducible builds), by argmap; python-docx's template
    would otherwise say it was made in 2013 by python-docx."""
    import datetime as dt
    import os

    props = document.core_properties
    # Word's core properties hold at most 255 characters (python-docx refuses more)
    props.title = question if len(question) <= 255 else question[:254] + "…"
    props.subject = "Debate brief"
    props.author = props.last_modified_by = "argmap"
    props.comments = props.keywords = props.category = ""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else
            dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = when
    props.revision = 1


def _stable(data: bytes) -> bytes:
    """The same .docx with every zip entry dated 1980-01-01: same map, same bytes."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _clean(text: str) -> str:
    return " ".join(text.translate(_CLEAN).split())
