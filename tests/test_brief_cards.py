"""The cards of a brief: Verbatim's styles in the docx (python-docx and LibreOffice read it),
the marks in md and html, the reading times, and ``show --quotes`` on a terminal."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Pt
from typer.testing import CliRunner

from argmap.cli.app import app
from tests.conftest import FIXTURES, Golden

CARDS = FIXTURES / "valid/cards.yaml"
runner = CliRunner()


@pytest.fixture(scope="module")
def brief_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief") / "cards.docx"
    result = runner.invoke(app, ["brief", str(CARDS), "--for", "fail", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _alias(style: object) -> str | None:
    element = style.element.find(qn("w:aliases"))  # type: ignore[attr-defined]
    return None if element is None else str(element.get(qn("w:val")))


def test_the_docx_has_verbatims_styles_by_name_alias_and_definition(brief_docx: Path) -> None:
    styles = Document(str(brief_docx)).styles
    found = {(s.name, _alias(s)) for s in styles if _alias(s)}
    assert found == {("Normal", "Normal/Card"), ("Heading 1", "Pocket"), ("Heading 2", "Hat"),
                     ("Heading 3", "Block"), ("Heading 4", "Tag"),
                     ("Style 13 pt Bold", "Cite"), ("Style Underline", "Underline")}
    for level, size, underline in ((1, 26, None), (2, 22, "double"), (3, 16, "single"),
                                   (4, 13, None)):
        style = styles[f"Heading {level}"]
        assert style.base_style is not None and style.base_style.name == "Normal"
        assert (style.font.size, style.font.bold, style.font.italic) == (Pt(size), True, False)
        u = style.element.rPr.find(qn("w:u"))
        assert (None if u is None or u.get(qn("w:val")) == "none" else u.get(qn("w:val"))) \
            == underline
        assert style.paragraph_format.page_break_before is (level < 4)
    cite, under, emphasis = (styles["Style 13 pt Bold"], styles["Style Underline"],
                             styles["Emphasis"])
    assert (cite.font.bold, cite.font.size, cite.font.underline) == (True, Pt(13), False)
    assert (under.font.bold, under.font.size, under.font.underline) == (False, Pt(11), True)
    assert (emphasis.font.bold, emphasis.font.italic, emphasis.font.underline,
            emphasis.font.size) == (True, False, True, Pt(11))


def test_card_runs_carry_verbatims_styles_and_highlight(brief_docx: Path) -> None:
    paragraphs = Document(str(brief_docx)).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.runs and p.runs[0].style is not None
              and p.runs[0].style.name == "Style 13 pt Bold")
    cite, card = paragraphs[at], paragraphs[at + 1]
    assert [(r.text, r.style.name) for r in cite.runs] == [
        ("Murray & Rivers 15", "Style 13 pt Bold"),
        (" (Jane Murray & Bob Rivers, Professors of Economics at MIT; “The Tax Will Fail”; "
         "Brookings; 2015-05-01; https://example.org/tax; accessed 2024-01-02) p. 12",
         "Default Paragraph Font")]
    runs = [(r.text, r.style.name, r.font.highlight_color == WD_COLOR_INDEX.YELLOW,
             r.font.size) for r in card.runs]
    assert runs == [
        ("Senators ", "Default Paragraph Font", False, Pt(8)),
        ("from coal states", "Style Underline", True, None),
        (" will ", "Default Paragraph Font", False, Pt(8)),
        ("block any", "Emphasis", True, None),
        (" ", "Default Paragraph Font", False, Pt(8)),
        ("carbon price", "Style Underline", False, None),
        (", said the report. It is not close.", "Default Paragraph Font", False, Pt(8))]


def test_libreoffice_shows_the_structure_and_the_marks(brief_docx: Path, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice is missing: make libreoffice installs it"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(brief_docx)],
                   check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "cards.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")
    # Verbatim's Pocket, Hat and Block each start a page; the Tag does not
    assert pages[1].split() == ["Our", "case"]
    card = next(page for page in pages if "Murray & Rivers 15" in page)
    assert "The tax will fail in the Senate." in card and "It is not close." in card
    number = pages.index(card) + 1
    subprocess.run(["pdftoppm", "-r", "50", "-f", str(number), "-l", str(number), str(pdf),
                    str(tmp_path / "page")], check=True)
    image = next(tmp_path.glob("page*.ppm")).read_bytes()
    yellow = _count(image, lambda r, g, b: r > 220 and g > 220 and b < 80)
    assert yellow > 100  # the highlighted words are painted yellow


def _count(ppm: bytes, wanted: Callable[[int, int, int], bool]) -> int:
    """Pixels of a binary PPM (P6) for which ``wanted(r, g, b)`` holds."""
    header = ppm.split(b"\n", 3)
    assert header[0] == b"P6" and header[2] == b"255"
    pixels = header[3]
    return sum(1 for i in range(0, len(pixels) - 2, 3)
               if wanted(pixels[i], pixels[i + 1], pixels[i + 2]))


def test_md_and_html_mark_the_read_parts(golden: Golden) -> None:
    md = runner.invoke(app, ["brief", str(CARDS), "--for", "fail"])
    html = runner.invoke(app, ["brief", str(CARDS), "--for", "fail", "-f", "html"])
    assert md.exit_code == html.exit_code == 0
    assert ("> Senators <mark><u>from coal states</u></mark> will <mark><strong>block any"
            "</strong></mark> <u>carbon price</u>, said the report. It is not close.") \
        in md.stdout.splitlines()
    assert ('<blockquote class="card cut"><p>Senators <mark><u>from coal states</u></mark> will '
            "<mark><strong>block any</strong></mark> <u>carbon price</u>, said the report. "
            "It is not close.</p></blockquote>") in html.stdout
    golden("debate/brief-cards.md", md.stdout.replace(str(CARDS), "CARDS"))


def test_reading_time_per_card_and_block_at_the_chosen_speed() -> None:
    slow = runner.invoke(app, ["brief", str(CARDS), "--for", "fail", "--wpm", "60"])
    lines = slow.stdout.splitlines()
    hat = lines.index("## The tax will fail in the Senate.")  # the claim, its card under it
    # the claim (7 words), the short cite (4) and the highlighted words (5) are read
    assert lines[hat + 2: hat + 5] == ["**✗ FALLS**", "", "*Read aloud: 16 words, 0:16.*"]
    tag = lines.index("#### Leadership has the votes.")  # a tag: its words and its cite's
    assert lines[tag + 4] == "*Read aloud: 8 words, 0:08.*"
    assert runner.invoke(app, ["brief", str(CARDS), "--for", "fail", "--wpm", "0"]
                         ).exit_code == 2


@pytest.mark.parametrize("width", [80, 200])
def test_show_quotes_marks_the_read_parts_on_a_terminal(width: int, golden: Golden) -> None:
    coloured = runner.invoke(app, ["show", str(CARDS), "--quotes", "--color", "always",
                                   "--width", str(width)])
    assert coloured.exit_code == 0
    assert "\x1b[7;4mfrom" in coloured.stdout  # highlighted and underlined: reverse
    assert "\x1b[1;7mblock" in coloured.stdout  # emphasised and highlighted: bold
    assert "\x1b[4mcarbon" in coloured.stdout  # underlined
    golden(f"show/cards-quotes-{width}.ansi", coloured.stdout)
    plain = runner.invoke(app, ["show", str(CARDS), "--quotes", "--width", str(width)])
    assert "==" not in plain.stdout and "__" not in plain.stdout and "**" not in plain.stdout
    golden(f"show/cards-quotes-{width}.txt", plain.stdout)


def test_no_color_on_a_terminal_keeps_the_marks_as_attributes() -> None:
    from argmap.api import load_map, show

    shown = show(load_map(CARDS), quotes=True, width=80, marks=True)
    assert "\x1b[7;4mfrom" in shown and "\x1b[1;7mblock" in shown and "\x1b[4mcarbon" in shown
    assert "\x1b[1m" not in shown and "\x1b[36m" not in shown and "\x1b[3m" not in shown
    assert "\x1b" not in show(load_map(CARDS), quotes=True, width=80)  # a pipe: plain text
