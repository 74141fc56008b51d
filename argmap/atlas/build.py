"""Making an atlas: cut, lay the pages out two at a time, check their size, join them."""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from typing import TYPE_CHECKING

from argmap.atlas import MARGIN, AtlasOptions
from argmap.atlas.pages import Pager, page_file
from argmap.atlas.partition import FONT_PT, MIN_PT, partition, whole_subtrees
from argmap.errors import ArgmapError
from argmap.graph import ArgumentGraph

if TYPE_CHECKING:
    from pypdf import PageObject

Progress = Callable[[int, int], None]
#: The budget a page is cut to, as a share of the paper, on each try: the
#: estimate of a page's size is checked against its real layout.
TRIES = (1.0, 0.8, 0.6, 0.45)
#: Pages laid out by one Graphviz process: it reads them one after another and
#: writes one document per page, so a page costs milliseconds, not a process
#: start (about 30 ms, fonts included) as when each page had its own.
BATCH = 40
_SIZE = {"pdf": re.compile(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]"),
         "svg": re.compile(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"')}


class AtlasError(ArgmapError):
    """The atlas cannot be made (Graphviz failed, or a page cannot be legible)."""


def pages_of(graph: ArgumentGraph, options: AtlasOptions, fmt: str, timeout: float,
             progress: Progress | None = None, stem: str = ""
             ) -> tuple[Pager, list[tuple[bytes, float]]]:
    """Lay out every page (the overview first) as ``fmt`` bytes with its scale to the paper.

    Raises:
        AtlasError: if a page stays too big to print at 8 pt after every try.
    """
    width, height = options.area()
    marks = None if options.statuses is None else options.statuses.get(graph.id, {})
    if options.fit:  # the user's choice: one page a claim, whatever its size
        pager = Pager(graph, whole_subtrees(graph), options.theme, marks)
        texts = [pager.overview(fmt == "svg", stem)]
        texts += [pager.dot(i) for i in range(len(pager.pages))]
        laid = _layout_all(graph, texts, fmt, timeout, progress)
        return pager, [(data, _scale(data, fmt, width, height)) for data in laid]
    for share in TRIES:
        measure = Pager(graph, [], options.theme, marks).measure
        pager = Pager(graph, partition(graph, width * share, height * share, measure),
                      options.theme, marks)
        texts = [pager.overview(fmt == "svg", stem)]
        texts += [pager.dot(i) for i in range(len(pager.pages))]
        laid = _layout_all(graph, texts, fmt, timeout, progress)
        scaled = [(data, _scale(data, fmt, width, height)) for data in laid]
        small = [i + 1 for i, (_, scale) in enumerate(scaled[1:], start=1)
                 if scale * FONT_PT < MIN_PT - 1e-6]
        if not small:
            return pager, scaled
    raise AtlasError(f"pages {', '.join(map(str, small[:10]))} would print text smaller than "
                     f"{MIN_PT:g} pt even when cut small; try --page a3 or --orientation "
                     "landscape")


def _layout_all(graph: ArgumentGraph, texts: list[str], fmt: str, timeout: float,
                progress: Progress | None) -> list[bytes]:
    """Every page laid out, in page order: placed by argmap's tidy layout (a premise
    right of its parent, premises top to bottom in file order) and drawn by Graphviz,
    pages in batches, two batches at a time (the machine's cores)."""
    from argmap.exporters.layout import LayoutError, layout
    from argmap.exporters.tidy import tidy_dot

    done = 0
    batches = [texts[i:i + BATCH] for i in range(0, len(texts), BATCH)]

    def one(batch: list[str]) -> list[bytes]:
        nonlocal done
        try:
            data = layout("".join(tidy_dot(text, graph, "LR") for text in batch), "tidy", fmt,
                          timeout)
        except LayoutError as exc:
            raise AtlasError(str(exc)) from None
        pages = split_documents(data, fmt)
        if len(pages) != len(batch):
            raise AtlasError(f"Graphviz made {len(pages)} {fmt.upper()} pages of {len(batch)}")
        done += len(batch)
        if progress is not None:
            progress(done, len(texts))
        return pages

    with ThreadPoolExecutor(max_workers=2) as pool:
        return [page for pages in pool.map(one, batches) for page in pages]


#: where each document starts in Graphviz's output for several graphs
_STARTS = {"pdf": re.compile(rb"%PDF-"), "svg": re.compile(rb"<\?xml ")}


def split_documents(data: bytes, fmt: str) -> list[bytes]:
    """Graphviz's output for several graphs, one document each (it writes them one after
    another: whole PDF files, or SVG files, each starting with its header)."""
    if fmt == "pdf":  # a PDF ends with %%EOF and the next begins right after it
        starts = [0] + [m.end() - 5 for m in re.finditer(rb"%%EOF\r?\n%PDF-", data)]
    else:
        starts = [m.start() for m in _STARTS[fmt].finditer(data)]
    return [data[a:b] for a, b in zip(starts, [*starts[1:], len(data)], strict=True)]


def _scale(data: bytes, fmt: str, width: float, height: float) -> float:
    """How much a page's drawing must shrink to fit the paper's printable area (at most 1)."""
    found = _SIZE[fmt].search(data)
    if found is None:
        raise AtlasError(f"Graphviz made a {fmt.upper()} page without a size")
    w, h = float(found.group(1)), float(found.group(2))
    return min(1.0, width / w, height / h)


def atlas_pdf(graph: ArgumentGraph, options: AtlasOptions, timeout: float,
              progress: Progress | None = None) -> bytes:
    """The atlas as one PDF: every page on the chosen paper, drawing at the top, centred.

    pypdf only wraps each Graphviz page's content in a transformation and sets
    its paper size: nothing is drawn again, so joining 500 pages takes a second.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import RectangleObject

    _, laid = pages_of(graph, options, "pdf", timeout, progress)
    paper_w, paper_h = options.size()
    area_w, _ = options.area()
    writer = PdfWriter()
    for data, scale in laid:
        page = writer.add_page(PdfReader(BytesIO(data)).pages[0])
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        left = MARGIN + (area_w - w * scale) / 2
        bottom = paper_h - MARGIN - h * scale
        if scale < 1.0:  # scale the drawing: one cm operator around its content
            _transform(page, scale, left, bottom)
            box = [0.0, 0.0, paper_w, paper_h]
        else:  # move the paper, not the drawing: the content is not touched
            box = [-left, -bottom, paper_w - left, paper_h - bottom]
        page.mediabox = RectangleObject(box)
        page.cropbox = RectangleObject(box)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def atlas_svg(graph: ArgumentGraph, options: AtlasOptions, timeout: float, stem: str,
              progress: Progress | None = None) -> list[tuple[str, bytes]]:
    """The atlas as SVG files: ``<stem>.svg`` (the overview, linking to the pages) and
    ``<stem>-page-NNN.svg``, each drawn at the size it prints on the paper."""
    _, laid = pages_of(graph, options, "svg", timeout, progress, stem)
    files = []
    for number, (data, scale) in enumerate(laid, start=1):
        if scale < 1.0:
            data = _shrink_svg(data, scale)
        files.append((f"{stem}.svg" if number == 1 else page_file(stem, number), data))
    return files


def _shrink_svg(data: bytes, scale: float) -> bytes:
    """A page's SVG sized to print at ``scale`` (its viewBox keeps the drawing whole)."""
    found = _SIZE["svg"].search(data)
    assert found is not None  # _scale found it
    size = b'<svg width="%.2fpt" height="%.2fpt"' % (float(found.group(1)) * scale,
                                                      float(found.group(2)) * scale)
    return data[:found.start()] + size + data[found.end():]


def _transform(page: PageObject, scale: float, left: float, bottom: float) -> None:
    """Scale and move a Graphviz page's drawing by wrapping its one content stream.

    pypdf's ``add_transformation`` parses every operator of the page (0.1 s
    a page) and writes the content back uncompressed; Graphviz pages have one
    Flate stream, so a ``cm`` around it does the same in a millisecond.
    """
    from pypdf import Transformation
    from pypdf.generic import StreamObject

    contents = page["/Contents"].get_object()
    if not isinstance(contents, StreamObject):
        page.add_transformation(Transformation().scale(scale, scale).translate(left, bottom))
        return
    prefix = b"q %.5f 0 0 %.5f %.3f %.3f cm\n" % (scale, scale, left, bottom)
    contents.set_data(prefix + contents.get_data() + b"\nQ\n")
