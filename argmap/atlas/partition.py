"""Cutting a map's outline into pages whose diagrams fit the paper at a readable size.

Pages are laid out left to right (``rankdir=LR``): a statement's premises
stand in the column to its right, so a page holds a few columns of boxes
stacked down the paper. The size of a page's drawing is estimated from its
boxes (:func:`box_height`, :data:`COLUMN`) and a linked argument's junction
column and chip (:class:`Columns`) before any layout; the atlas then checks
the real layout and cuts smaller, for every page, if the estimate was wrong.

A page is a forest: subtrees taken greedily in outline order. From a page's
root, a statement's premises are taken all together or not at all; premises
that do not fit start the next pages ("continued on page N" at the statement,
"from page M" at each premise), in outline order, so a subtree continues on
the pages right after it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import NamedTuple

from argmap.graph import ArgumentGraph, Link
from argmap.model import Relation

#: Text size in the page diagrams (pt); pages are never shrunk below 8 pt.
FONT_PT = 9.0
MIN_PT = 8.0
WRAP = 28  # characters per box line
LINE = 11.0  # pt per text line
PAD = 10.0  # box padding and the gap to the next box, vertically (pt)
COLUMN = WRAP * 0.55 * FONT_PT + 14 + 24  # a box's width plus the gap to the next column (pt)
GAP = 0.3 * 72  # the gap after the last column, which a page does not need (pt)
#: A linked argument's premises meet at a junction dot one column to the right
#: of their parent, so they stand two columns to the right; a column of only
#: junctions is this wide (a dot and the gap after it, pt).
JUNCTION = 30.0


#: a box's width and height (pt), each with the gap after it
Measure = Callable[["Item"], tuple[float, float]]


#: joins the keys of a box that lists several refs (a key never holds a line break)
REFS = "\n"


class Item(NamedTuple):
    """One box of a page: a written statement, or a ``ref`` pointer to one (a leaf), or
    one box listing a statement's several refs of one relation (keys joined by REFS)."""

    key: str  # the statement's key
    link: Link | None  # the link it hangs from (None for a claim)
    ref: bool


class Page(NamedTuple):
    """One page: its root boxes and, for every box whose premises are drawn, those premises."""

    roots: list[Item]
    below: dict[Item, list[Item]]  # drawn premises of a box, in outline order
    cut: dict[Item, list[Item]]  # premises continued on later pages


def kids(graph: ArgumentGraph, item: Item) -> list[Item]:
    """The boxes below a box in the outline: its premises via each link (refs are leaves);
    a linked argument's premises, then its undercuts, as the outline shows them."""
    if item.ref:
        return []
    out: list[Item] = []
    refs: dict[Relation, int] = {}  # relation -> where its box of refs is in out
    for link in graph.children(item.key):
        if len(link.premises) == 1:
            if link.ref:  # a statement's refs of one relation share one box of pointers:
                at = refs.get(link.relation)  # pages grow with statements, not refs
                if at is not None:
                    out[at] = out[at]._replace(key=out[at].key + REFS + link.premises[0])
                    continue
                refs[link.relation] = len(out)
            out.append(Item(link.premises[0], link, link.ref))
            continue
        out += [Item(p, link, not graph.written_at(link, p)) for p in link.premises]
        out += [Item(p, cut, not graph.written_at(cut, p))
                for cut in graph.undercuts_of(link.key) for p in cut.premises]
    return out


def groups(graph: ArgumentGraph, items: list[Item]) -> list[list[Item]]:
    """Items (in outline order) as the units a page takes whole: a linked argument's
    premises with its undercuts are one unit, any other box is one by itself."""
    out: list[list[Item]] = []
    joint = None  # the key of the linked argument the last unit holds
    for item in items:
        link = item.link
        if link is not None and joint is not None and out and (
                link.key == joint or link.undercuts(joint)):
            out[-1].append(item)
            continue
        joint = link.key if link is not None and link.linked else None
        out.append([item])
    return out


def box_height(graph: ArgumentGraph, item: Item) -> float:
    """The estimated height of a box with its gap (pt): its wrapped text plus meta lines."""
    if item.ref:
        return (2 + item.key.count(REFS)) * LINE + PAD
    s = graph.lookup(item.key)
    if s is None:
        return 2 * LINE + PAD
    lines = -(-len(s.text) // (WRAP - 4))  # wrapping wastes a few characters a line
    if s.by or s.weight is not None:
        lines += -(-len(s.by or "") // WRAP) if s.by else 1
    return (lines + 1) * LINE + PAD  # +1: room for a "from/continued on page" line


class Columns:
    """The columns a page's boxes and junctions take, to estimate its width before layout.

    A column holding a box is as wide as its widest box (``measure``; else
    :data:`COLUMN`) and the gap after it, one holding only junctions
    :data:`JUNCTION`; a linked argument's chip (its marker, weight and id, an
    edge label) widens the gap between its parent's column and its junction's.

    A page fits if its boxes, junctions and chips fit at :data:`MIN_PT`: the
    atlas shrinks a page down to that size, and a linked argument stays beside
    its parent.
    """

    def __init__(self, graph: ArgumentGraph, measure: Measure | None = None) -> None:
        self.graph = graph
        self.measure = measure
        self.wide: dict[int, float] = {}  # column -> its width
        self.chips: dict[int, float] = {}  # column -> the widest chip in the gap after it
        self.at: dict[Item, int] = {}  # box -> its column
        self.level: dict[Item, int] = {}  # box -> its depth below its page root

    def fit(self, width: float) -> bool:
        """Does the page fit ``width`` pt (as the class says)?"""
        joined = sum(self.wide.values()) + sum(self.chips.values()) - GAP
        # the page may shrink to MIN_PT, never below (a little kept for the estimate)
        return joined <= width * FONT_PT / MIN_PT * 0.98

    def joint(self, link: Link | None) -> Link | None:
        """The linked argument a box hangs from through a junction (a premise of it, or
        one of its undercuts), if any."""
        if link is None:
            return None
        if link.relation is Relation.UNDERCUT and not link.linked:
            attacked = self.graph.link(link.target)
            return attacked if attacked is not None and attacked.linked else None
        return link if link.linked else None

    def place(self, items: list[Item], column: int, level: int) -> None:
        """Put boxes hanging from a box in ``column - 1`` (a page root: ``column`` 0)."""
        for item in items:
            self.level[item] = level
            joint = self.joint(item.link)
            at = column
            if joint is not None:
                # the junction, and the chip before it: a root's parent is on
                # another page, and the chip stands in its place, a column itself
                junction = column
                if column == 0:
                    self.wide[0] = max(self.wide.get(0, 0.0), chip_width(joint) + GAP)
                    junction = 1
                else:
                    self.chips[column - 1] = max(self.chips.get(column - 1, 0.0),
                                                 chip_width(joint))
                self.wide[junction] = max(self.wide.get(junction, 0.0), JUNCTION)
                at = junction + 1
            wide = COLUMN if self.measure is None else self.measure(item)[0]
            self.wide[at] = max(self.wide.get(at, 0.0), wide)
            self.at[item] = at

    def copy(self) -> Columns:
        """A copy to try more boxes on."""
        other = Columns(self.graph, self.measure)
        other.wide, other.chips = dict(self.wide), dict(self.chips)
        other.at, other.level = dict(self.at), dict(self.level)
        return other


def chip_width(link: Link) -> float:
    """A linked argument's chip: ``+ ▰▰▰▱▱`` over its id (pt)."""
    chars = max(8 if link.weight is not None else 1, min(len(link.id or ""), WRAP))
    return chars * 0.55 * FONT_PT + 10


def partition(graph: ArgumentGraph, width: float, height: float,
              measure: Measure | None = None) -> list[Page]:
    """Cut the graph's outline into pages of at most ``width`` x ``height`` pt (estimated).

    ``measure`` gives a box's width and height, each with the gap after it (pt);
    without it every column is :data:`COLUMN` wide and a box :func:`box_height` tall.
    """
    #: units a page takes whole (see :func:`groups`): a linked argument's premises
    #: continued from another page stay on one page together
    pending: deque[list[Item]] = deque()
    for key in graph.roots:
        home = graph.statements[key].link
        pending.append([Item(key, graph.link(home) if home else None, False)])
    heights: dict[Item, float] = {}

    def tall(item: Item) -> float:
        found = heights.get(item)
        if found is None:
            found = heights[item] = (box_height(graph, item) if measure is None
                                     else measure(item)[1])
        return found

    pages: list[Page] = []
    while pending:
        page = Page([], {}, {})
        used = 0.0
        cuts: list[Item] = []
        columns = Columns(graph, measure)
        while pending:
            unit = pending[0]
            if page.roots and used + sum(tall(root) for root in unit) > height:
                break
            pending.popleft()
            for root in unit:
                columns.place([root], 0, 0)
                used = _take(graph, page, root, used, (width, height), columns, tall, cuts)
        pages.append(page)
        # what this page cut continues on the next pages, in outline order
        pending.extendleft(reversed(groups(graph, _in_order(page, cuts))))
    return pages


def whole_subtrees(graph: ArgumentGraph) -> list[Page]:
    """One page for each root's whole subtree (``--fit``), nothing cut."""
    pages = []
    for key in graph.roots:
        home = graph.statements[key].link
        root = Item(key, graph.link(home) if home else None, False)
        page = Page([root], {}, {})
        stack = [root]
        while stack:
            item = stack.pop()
            below = kids(graph, item)
            if below:
                page.below[item] = below
                stack.extend(below)
        pages.append(page)
    return pages


def _take(graph: ArgumentGraph, page: Page, root: Item, used: float,
          size: tuple[float, float], columns: Columns, tall: Callable[[Item], float],
          cuts: list[Item]) -> float:
    """Put ``root`` on the page with as much of its subtree as fits; the height used after.

    ``columns`` (placed ``root`` already) grows with the boxes taken, for the whole page.
    """
    width, height = size
    page.roots.append(root)
    extent = {root: tall(root)}
    parent: dict[Item, Item] = {}
    queue = deque([root])
    base = used
    while queue:
        item = queue.popleft()
        below = everything = kids(graph, item)
        if not below:
            continue
        wider = columns.copy()
        wider.place(below, columns.at[item] + 1, columns.level[item] + 1)
        if wider.fit(width):
            if sum(tall(kid) for kid in below) > height:
                # a wide statement: its premises fill no single page, so this page takes
                # as many as fit (whole units) and the rest continue on the next pages
                below = _fitting(graph, extent, parent, item, below, tall, height - base, root)
            grown = _grow(extent, parent, item, below, tall)
            if below and base + grown[root] <= height:
                rest = everything[len(below):]
                if rest:
                    page.cut[item] = rest
                    cuts.extend(rest)
                extent = grown
                for kid in below:
                    parent[kid] = item
                columns.wide, columns.chips = wider.wide, wider.chips
                columns.at, columns.level = wider.at, wider.level
                page.below[item] = below
                queue.extend(below)
                continue
        page.cut[item] = everything
        cuts.extend(everything)
    return base + extent[root]


def _fitting(graph: ArgumentGraph, extent: dict[Item, float], parent: dict[Item, Item],
             item: Item, below: list[Item], tall: Callable[[Item], float], room: float,
             root: Item) -> list[Item]:
    """The longest run of ``below``'s first units (see :func:`groups`) that fits ``room``
    pt under ``item`` (a binary search: a statement may have 100,000 premises)."""
    units = groups(graph, below)
    ends = [0]
    for unit in units:
        ends.append(ends[-1] + len(unit))
    low, high = 0, len(units)
    while low < high:
        middle = (low + high + 1) // 2
        if _grow(extent, parent, item, below[:ends[middle]], tall)[root] <= room:
            low = middle
        else:
            high = middle - 1
    return below[:ends[low]]


def _grow(extent: dict[Item, float], parent: dict[Item, Item], item: Item, below: list[Item],
          tall: object) -> dict[Item, float]:
    """Extents after hanging ``below`` under ``item``: a box's extent is the larger of its
    own height and the sum of its premises' extents."""
    assert callable(tall)
    grown = dict(extent)
    for kid in below:
        grown[kid] = tall(kid)
    grown[item] = max(tall(item), sum(grown[k] for k in below))
    # walk up: each ancestor's extent is the sum over its drawn premises
    node = parent.get(item)
    while node is not None:
        siblings = [k for k, p in parent.items() if p == node]
        grown[node] = max(tall(node), sum(grown[k] for k in siblings))
        node = parent.get(node)
    return grown


def _in_order(page: Page, cuts: list[Item]) -> list[Item]:
    """The page's cut premises in outline order (depth-first over the page's boxes)."""
    wanted = set(cuts)
    out: list[Item] = []
    stack = list(reversed(page.roots))
    while stack:
        item = stack.pop()
        for kid in page.cut.get(item, []):
            if kid in wanted:
                out.append(kid)
        stack.extend(reversed(page.below.get(item, [])))
    return out
