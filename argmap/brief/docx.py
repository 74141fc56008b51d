"""A brief as a Word file in the heading styles of Verbatim-style debate templates.

Pocket = Heading 1, Hat = Heading 2, Block = Heading 3, Tag = Heading 4; cite
lines are bold, card text is in the Normal style. A debater's own template
defines those styles, so blocks pasted from this file take its look.
"""

from __future__ import annotations

import io
from typing import Any

from argmap.brief.records import LEVELS, Brief
from argmap.escape import CONTROLS

# Word's XML cannot hold C0 controls; tabs and line breaks become spaces.
_CLEAN = str.maketrans({**CONTROLS, "\t": " ", "\n": " ", "\r": " "})


def render_docx(brief: Brief) -> bytes:
    """The brief as the bytes of a .docx file."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    document = Document()
    _properties(document, _clean(brief.title))
    grey, black = RGBColor(0x44, 0x44, 0x44), RGBColor(0, 0, 0)
    # Verbatim's look: black bold headings shrinking from Pocket to Tag, no italics.
    for level, size in ((1, 26), (2, 20), (3, 16), (4, 13)):
        font = document.styles[f"Heading {level}"].font
        font.size, font.bold, font.italic, font.color.rgb = Pt(size), True, False, black
    document.styles["Normal"].font.size = Pt(11)
    for block in brief.blocks:
        text = _clean(block.text)
        made = []  # the paragraphs this block wrote, indented by its depth in an exchange
        if block.kind == "title":
            made.append(document.add_heading(f"Brief: {text}", level=0))
        elif block.kind in LEVELS:
            made.append(document.add_heading(text, level=LEVELS[block.kind]))
            if block.flag:  # its own paragraph: a tag copied into a file carries no label
                made.append(document.add_paragraph())
                flag = made[-1].add_run(_clean(block.flag))
                flag.bold = True
                flag.font.size = Pt(9)
                flag.underline = "UNANSWERED" in block.flag
        elif block.kind == "cite":
            made.append(document.add_paragraph())
            cite = made[-1].add_run(text)
            cite.bold, cite.font.size = True, Pt(13)
        elif block.kind == "card":
            made.append(document.add_paragraph(text, style="Normal"))
        else:
            made.append(document.add_paragraph())
            run = made[-1].add_run(text)
            run.italic = True
            run.font.size = Pt(9)
            run.font.color.rgb = grey
        if block.depth:
            for paragraph in made:
                paragraph.paragraph_format.left_indent = Cm(0.8 * block.depth)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable(buffer.getvalue())


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
