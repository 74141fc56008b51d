"""Word files built byte by byte: Verbatim-shaped evidence files of any size, and broken ones.

:func:`evidence_docx` writes the XML itself (python-docx would take a minute for 3,000
cards), with the style ids and names of Verbatim's template (Debate.dotm): ``Heading1``-
``Heading4`` named ``heading 1``-``heading 4`` with the aliases Pocket, Hat, Block, Tag;
``Style13ptBold`` (alias Cite), ``StyleUnderline`` (alias Underline), ``Emphasis``, and
yellow ``w:highlight`` on read runs, as Verbatim's macros leave them.
"""

from __future__ import annotations

import io
import random
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"'
    '/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/></Relationships>')


def _style(kind: str, style_id: str, name: str, alias: str, ppr: str = "", rpr: str = "") -> str:
    aliases = f'<w:aliases w:val="{alias}"/>' if alias else ""
    return (f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'{aliases}{ppr}<w:rPr>{rpr}</w:rPr></w:style>')


STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}">'
    + _style("paragraph", "Normal", "Normal", "Normal/Card")
    + "".join(_style("paragraph", f"Heading{n}", f"heading {n}", alias,
                     f'<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="{n - 1}"/></w:pPr>',
                     "<w:b/>")
              for n, alias in ((1, "Pocket"), (2, "Hat"), (3, "Block"), (4, "Tag")))
    + _style("paragraph", "Title", "Title", "")
    + _style("character", "Style13ptBold", "Style 13 pt Bold", "Cite", "",
             '<w:b/><w:sz w:val="26"/>')
    + _style("character", "StyleUnderline", "Style Underline", "Underline", "",
             '<w:b w:val="0"/><w:u w:val="single"/>')
    + _style("character", "Emphasis", "Emphasis", "", "", '<w:b/><w:u w:val="single"/>')
    + "</w:styles>")

WORDS = [
    "carbon", "price", "emissions", "senate", "coal", "states", "revenue", "dividend",
    "households", "border", "adjustment", "leakage", "industry", "growth", "jobs", "treaty",
    "warming", "model", "estimate", "decline", "policy", "report", "economists", "the", "a",
    "of", "and", "will", "would", "could", "not", "only", "because",
]


def run(text: str, style: str | None = None, highlight: bool = False) -> str:
    """One ``w:r`` with an optional character style and yellow highlight."""
    props = (f'<w:rStyle w:val="{style}"/>' if style else "") + (
        '<w:highlight w:val="yellow"/>' if highlight else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(runs: str, style: str | None = None) -> str:
    """One ``w:p`` in a paragraph style."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{runs}</w:p>"


def package(body: str, styles: str = STYLES, document: str | None = None) -> bytes:
    """A .docx holding ``body`` (paragraphs) as its main document."""
    xml = document or (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                       f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/_rels/document.xml.rels", DOC_RELS)
        archive.writestr("word/document.xml", xml)
        archive.writestr("word/styles.xml", styles)
    return out.getvalue()


def evidence_docx(cards: int, seed: int = 1) -> bytes:
    """A Verbatim evidence file: 2 Pockets, Hats of 5 Blocks, Blocks of 10 cards, each card a
    Tag, a cite line (short cite in Cite, then details) and about 150 words of card text with
    underlined, emphasised and highlighted runs; one Tag in twenty an analytic."""
    rng = random.Random(seed)
    parts: list[str] = []
    for n in range(cards):
        if n % 500 == 0:
            parts.append(paragraph(run(f"Pocket {n // 500 + 1}"), "Heading1"))
        if n % 50 == 0:
            parts.append(paragraph(run(f"Hat {n // 50 + 1}: the plan solves"), "Heading2"))
        if n % 10 == 0:
            prefix = "A2: " if n % 20 else ""
            parts.append(paragraph(run(f"{prefix}Block {n // 10 + 1}"), "Heading3"))
        words = rng.sample(WORDS, 8)
        parts.append(paragraph(run(f"Card {n}: " + " ".join(words)), "Heading4"))
        if n % 20 == 19:
            continue  # an analytic: a tag with nothing below
        year = rng.randint(0, 24)
        author = rng.choice(("Murray", "Rivers", "Chen", "Okafor", "Silva"))
        parts.append(paragraph(
            run(f"{author} {year:02d}", "Style13ptBold")
            + run(f" (Jane {author}, Professor of Economics; “Report {n}”; Brookings; "
                  f"20{year:02d}-05-01; https://example.org/{n})")))
        body = []
        for _ in range(30):
            text = " ".join(rng.choices(WORDS, k=5)) + " "
            kind = rng.random()
            body.append(run(text) if kind < 0.4 else run(text, "StyleUnderline") if kind < 0.7
                        else run(text, "StyleUnderline", True) if kind < 0.9
                        else run(text, "Emphasis", True))
        parts.append(paragraph("".join(body)))
    return package("".join(parts))
