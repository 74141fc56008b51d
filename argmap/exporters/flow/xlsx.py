"""The flow as an xlsx workbook (openpyxl): one worksheet per sheet, one column per speech.

Cells wrap their text, columns are as wide as a flow pad's, each speech's column
is tinted by its side, a dropped argument's cell is filled red and says
``DROPPED by …`` in words, and each worksheet prints landscape, one page wide.
"""

from __future__ import annotations

import io
import re

from argmap.analysis.flow import Flow
from argmap.exporters.flow import heading, label, marks, speech_label

#: the characters a worksheet title cannot hold, and its longest title
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
_TITLE_MAX = 31
_SIDE_FILLS = ("EEF4FF", "FFF4E8")
#: a column's width in characters, and the height of one line of 11-point text
_WIDTH, _LINE_POINTS = 28, 15
#: the characters XML 1.0 (and so an xlsx cell) cannot hold
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def render(flow: Flow) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    sides = list(dict.fromkeys(s.side for s in flow.speeches if s.side))
    fills = [PatternFill("solid", fgColor=_SIDE_FILLS[sides.index(s.side) % 2])
             if s.side in sides else None for s in flow.speeches]
    dropped = PatternFill("solid", fgColor="F4CCCC")
    wrap = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin", color="BBBBBB")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    titles: set[str] = set()
    for index, sheet in enumerate(flow.sheets):
        page = book.create_sheet(_title(f"{index + 1} {sheet.address}", titles))
        page.append([_clean(heading(flow, index))])
        page["A1"].font = Font(bold=True)
        page.append([speech_label(flow, c) for c in range(len(flow.speeches))])
        for column in range(len(flow.speeches)):
            letter = get_column_letter(column + 1)
            page.column_dimensions[letter].width = _WIDTH
            header = page.cell(row=2, column=column + 1)
            header.font = Font(bold=True)
            if fills[column] is not None:
                header.fill = fills[column]
        lines: dict[int, int] = {}
        for cell in sheet.cells:
            notes = [f"[{m}]" for m in marks(cell) if m != "extension"]
            text = _clean("\n".join([label(cell), *notes]))
            # a spreadsheet does not grow a row to its wrapped text on opening (LibreOffice
            # keeps the default height), so each row is made as tall as its longest cell
            lines[cell.row] = max(lines.get(cell.row, 1), _wrapped(text))
            target = page.cell(row=cell.row + 3, column=cell.column + 1, value=text)
            target.alignment = wrap
            if cell.dropped:
                target.fill = dropped
                target.font = Font(bold=True)
            elif cell.kind in ("extension", "ref"):
                target.font = Font(italic=True)
        for row, count in lines.items():
            page.row_dimensions[row + 3].height = count * _LINE_POINTS + 2
        for row_cells in page.iter_rows(min_row=2, max_row=sheet.rows + 2,
                                        max_col=len(flow.speeches)):
            for each in row_cells:
                each.border = grid
        page.freeze_panes = "A3"
        page.page_setup.orientation = "landscape"
        page.page_setup.fitToWidth = 1
        page.page_setup.fitToHeight = 0
        page.sheet_properties.pageSetUpPr.fitToPage = True
        page.print_title_rows = "2:2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _title(name: str, taken: set[str]) -> str:
    """A worksheet title: no forbidden character, at most 31 characters, unique."""
    base = _BAD_TITLE.sub("-", _clean(name))[:_TITLE_MAX] or "sheet"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[:_TITLE_MAX - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _wrapped(text: str) -> int:
    """How many lines ``text`` takes wrapped in a column (a little narrower, for margins)."""
    import textwrap

    return sum(max(1, len(textwrap.wrap(line, _WIDTH - 3))) for line in text.split("\n"))


def _clean(text: str) -> str:
    """Text an xlsx cell can hold, which a spreadsheet will not run as a formula."""
    text = _ILLEGAL.sub("\ufffd", text)
    return "'" + text if text[:1] == "=" else text
