"""``argmap import FILE.docx``: Verbatim files in, every card kept, bad files refused by name."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.text.paragraph import Paragraph
from typer.testing import CliRunner

from argmap.cli.app import app
from argmap.markup import plain
from argmap.model import ArgumentMap, single_spaced
from argmap.readers import load_path
from argmap.readers.verbatim import read_bytes
from tests.conftest import TESTS
from tests.docx_files import STYLES, W_NS, evidence_docx, package, paragraph, run

REAL = TESTS / "corpus/verbatim/opendebate-1ac-sample.docx"
runner = CliRunner()


def cards_of(m: ArgumentMap) -> dict[str, list[tuple[str | None, str | None]]]:
    """Tag text -> its (source's short cite or title, quote without markers) per citation."""
    found: dict[str, list[tuple[str | None, str | None]]] = {}
    for s in m.walk():
        if s.ref is None and s.text:
            found.setdefault(single_spaced(s.text), []).extend(
                (m.sources[c.source].short or m.sources[c.source].title,
                 plain(c.quote) if c.quote else None) for c in s.cites)
    return found


def _level(p: Paragraph) -> int:
    """A paragraph's heading level as Word's navigation pane reads it: its style's, or an
    outline level set on the paragraph itself (one Tag of the real file is Normal text
    with outline level 4)."""
    from docx.oxml.ns import qn

    ppr = p._p.pPr
    outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if outline is not None:
        return int(outline.get(qn("w:val"))) + 1
    name = p.style.name if p.style is not None else ""
    return int(name[-1]) if name.startswith("Heading") else 0


def test_a_real_verbatim_file_keeps_every_card_as_python_docx_reads_it() -> None:
    # python-docx, an independent reader, says what each Tag holds: the paragraph that
    # opens in the Cite style (else the first) is the cite, the rest up to the next
    # heading the card text
    document = Document(str(REAL))
    expected: dict[str, str] = {}
    tag: str | None = None
    body: list[str] = []
    for p in [*document.paragraphs, None]:
        level = 0 if p is None else _level(p)
        if p is None or level:
            if tag is not None and len(body) > 1:
                expected[tag] = single_spaced(" ".join(body[1:]))
            tag, body = (single_spaced(p.text), []) if p is not None and level == 4 else \
                (None, [])
        elif tag is not None and p.text.strip():
            if p.runs and p.runs[0].style is not None and \
                    p.runs[0].style.name == "Style 13 pt Bold":
                body = []  # a remark above the cite line is no part of the card
            body.append(p.text)
    result = load_path(REAL)
    assert result.diagnostics == []
    imported = cards_of(result.maps[0])
    assert len(expected) == 15
    for text, card in expected.items():
        quotes = [single_spaced(q or "") for _, q in imported[text]]
        assert quotes == [card], text


def test_a_real_file_reads_its_structure_and_cites() -> None:
    m = load_path(REAL).maps[0]
    assert m.question == "opendebate 1ac sample"  # the file's name: it has no title
    assert [c.text for c in m.claims] == ["Plan", "Yemen", "Framing"]
    assert all(c.tags == ("1AC",) for c in m.claims)
    plan = m.claims[0].pro[0]
    assert plan.cites == () and plan.text.startswith("The United States federal government")
    kiersz = m.sources["kiersz-18"]
    assert (kiersz.short, kiersz.author, kiersz.url) == (
        "Kiersz 18", ("Andy Kiersz",), "https://www.businessinsider.com/saudi-arabia-reportedly-"
        "using-sudanese-child-soldiers-in-yemen-2018-12")
    # what the cite parser could not place is kept whole, never dropped
    assert kiersz.note is not None and kiersz.note.startswith("Kiersz 18 (Andy, a senior")
    guay = m.sources["guay-10-19-2018"]  # a cite placed whole: nothing left for the note
    assert guay == guay._replace(
        title="Arms sales to Saudi Arabia give Trump all the leverage he needs in Khashoggi "
        "affair", author=("Terrence Guay",), quals="Clinical Professor of International "
        "Business, Pennsylvania State University", publisher="Conversation",
        date="2018-10-19", note=None, short="Guay, 10-19-2018")
    quote = m.claims[1].pro[1].cites[0].quote or ""
    assert quote.startswith("==**Saudi Arabia and its allies are paying Sudanese soldiers")


def test_import_then_brief_of_a_real_file_keeps_every_card(tmp_path: Path) -> None:
    out = tmp_path / "1ac.yaml"
    assert runner.invoke(app, ["import", str(REAL), "-o", str(out)]).exit_code == 0
    m = load_path(out).maps[0]
    claims = ",".join(c.address for c in m.claims[:-1])  # the last: their case
    brief = tmp_path / "1ac.docx"
    result = runner.invoke(app, ["brief", str(out), "--for", claims, "-o", str(brief)])
    assert result.exit_code == 0, result.output
    text = single_spaced(" ".join(p.text for p in Document(str(brief)).paragraphs))
    cards = [q for found in cards_of(m).values() for _, q in found if q]
    assert len(cards) == 15
    assert [q[:60] for q in cards if single_spaced(q) not in text] == []


def test_a_generated_evidence_file_imports_whole() -> None:
    # 600 cards here; benchmarks/verbatim.py times the 3,000-card file
    result = read_bytes(evidence_docx(600), "evidence.docx")
    assert result.diagnostics == []
    m = result.maps[0]
    written = [s for c in m.claims for s in c.pro if s.ref is None]
    assert (len(m.claims), len(written)) == (12, 600)
    assert sum(1 for s in written if s.cites) == 570  # one tag in twenty is an analytic
    assert written[0].tags == ("Pocket 1", "Block 1")
    assert written[10].tags == ("Pocket 1", "A2: Block 2")


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


DOCUMENT = f'<w:document xmlns:w="{W_NS}"><w:body>{{}}</w:body></w:document>'
LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
          '"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
          + DOCUMENT.format("<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>"))
BAD: dict[str, tuple[bytes, str]] = {
    "text": (b"Discussion notes, not a Word file\n", "1:1: error: this is not a .docx file (a "
             ".docx is a zip archive; this is not one) [verbatim-syntax]"),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "WordDocument".encode(
        "utf-16-le"), "1:1: error: this is an old Word 97-2003 .doc file, not a .docx; open it "
        "in Word or LibreOffice and save it as .docx [verbatim-syntax]"),
    "encrypted": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode(
        "utf-16-le"), "1:1: error: this Word file is encrypted (password-protected); save an "
        "unprotected copy (File > Info > Protect Document) and import that [verbatim-syntax]"),
    "no-document": (_zip({"word/styles.xml": STYLES.encode()}), "1:1: error: this zip holds no "
                    "word/document.xml, so it is no Word document; export the file from Word as "
                    ".docx [verbatim-syntax]"),
    "bomb": (_zip({"word/document.xml": b"<w:document" + b" " * (40 << 20) + b"/>"}),
             "1:1: error: word/document.xml would inflate to 41943053 bytes from 40757: a zip "
             "bomb, not a document [verbatim-syntax]"),
    "entities": (package("", document=LAUGHS), "1:1: error: word/document.xml declares a DTD "
                 "or entities, which no Word document does and argmap never expands (they can "
                 "read local files or exhaust memory) [verbatim-syntax]"),
    "broken-xml": (package("", document=DOCUMENT.format("<w:p>\n<w:r></w:p>")),
                   "2:8: error: word/document.xml is not well-formed XML (mismatched tag: line "
                   "2, column 7) [verbatim-syntax]"),
    "no-headings": (package(paragraph(run("Just a letter to a friend."))),
                    "1:1: error: no headings: a Verbatim file has Tags (Heading 4) under "
                    "Pockets, Hats and Blocks (Heading 1-3); apply those styles, then import "
                    "[verbatim-syntax]"),
}
BAD["bomb"] = (BAD["bomb"][0], BAD["bomb"][1].replace(
    "40757", str(zipfile.ZipFile(io.BytesIO(BAD["bomb"][0])).getinfo(
        "word/document.xml").compress_size)))


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_is_refused_with_a_located_message(name: str, tmp_path: Path) -> None:
    data, message = BAD[name]
    path = tmp_path / f"{name}.docx"
    path.write_bytes(data)
    out = tmp_path / "out.yaml"
    result = runner.invoke(app, ["import", str(path), "-o", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"{path}:{message}\n")
    assert not out.exists()


def test_a_doc_named_doc_is_recognised_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(BAD["doc"][0])
    result = runner.invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    assert "this is an old Word 97-2003 .doc file" in result.stderr


def test_a_200_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    with path.open("wb") as stream:  # sparse: 200 MB on paper, nothing on disk
        stream.write(b"PK\x03\x04")
        stream.truncate(200 * 1000 * 1000)
    result = runner.invoke(app, ["import", str(path)])
    assert (result.exit_code, result.stderr) == (
        1, f"{path}:1:1: error: file is 190.7 MiB, over the 64 MiB limit (--max-bytes) "
        "[too-large]\n")


def test_no_traceback_on_any_part_that_fails_to_inflate(tmp_path: Path) -> None:
    data = bytearray(package(paragraph(run("Tag"), "Heading4")))
    start = data.find(b"word/document.xml") + len("word/document.xml")
    data[start + 10:start + 40] = b"\xff" * 30  # damage the deflated stream
    result = read_bytes(bytes(data), "damaged.docx")
    assert [d.code for d in result.diagnostics] == ["verbatim-syntax"]
    assert result.maps == []


def test_the_same_tag_and_card_twice_is_one_statement() -> None:
    card = (paragraph(run("Taxes cut emissions"), "Heading4")
            + paragraph(run("Murray 15", "Style13ptBold") + run(" (“Report”; Brookings)"))
            + paragraph(run("Prices ") + run("cut emissions", "StyleUnderline", True)))
    body = (paragraph(run("Aff"), "Heading1") + paragraph(run("Solvency"), "Heading2")
            + paragraph(run("A2: Leakage"), "Heading3") + card
            + paragraph(run("A2: Jobs"), "Heading3") + card
            + paragraph(run("Taxes cut emissions"), "Heading4"))  # same tag, no card
    m = read_bytes(package(body), "aff.docx").maps[0]
    first, again, analytic = m.claims[0].pro
    assert (first.id, first.tags, again.ref) == ("taxes-cut-emissions", ("Aff", "A2: Leakage"),
                                                 "taxes-cut-emissions")
    assert first.cites[0].quote == "Prices ==__cut emissions__=="
    assert (analytic.text, analytic.cites, analytic.ref) == ("Taxes cut emissions", (), None)
    assert list(m.sources) == ["murray-15"]
