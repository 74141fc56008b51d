"""Cutting a map's outline into pages whose diagrams fit the paper at a readable size.

Pages are laid out left to right (``rankdir=LR``): a statement's premises
stand in the column to its right, so a page holds a few columns of boxes
stacked down the paper. The size of a page's drawing is estimated from its
boxes (:func:`box_height`, :data:`COLUMN`) before any layout; the atlas then
checks the real layout and cuts smaller if the estimate was wrong.

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


class Item(NamedTuple):
    """One box of a page: a written statement, or a ``ref`` pointer to one (a leaf)."""

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
    out = []
    for link in graph.children(item.key):
        if len(link.premises) == 1:
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
                link.key == joint or (link.relation is Relation.UNDERCUT
                                      and link.target == joint)):
            out[-1].append(item)
            continue
        joint = link.key if link is not None and link.linked else None
        out.append([item])
    return out


def box_height(graph: ArgumentGraph, item: Item) -> float:
    """The estimated height of a box with its gap (pt): its wrapped text plus meta lines."""
    s = graph.lookup(item.key)
    if s is None or item.ref:
        return 2 * LINE + PAD
    lines = -(-len(s.text) // (WRAP - 4))  # wrapping wastes a few characters a line
    if s.by or s.weight is not None:
        lines += -(-len(s.by or "") // WRAP) if s.by else 1
    return (lines + 1) * LINE + PAD  # +1: room for a "from/continued on page" line


def partition(graph: ArgumentGraph, width: float, height: float) -> list[Page]:
    """Cut the graph's outline into pages of at most ``width`` x ``height`` pt (estimated)."""
    columns = max(1, int((width + 24) // COLUMN))
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
            found = heights[item] = box_height(graph, item)
        return found

    pages: list[Page] = []
    while pending:
        page = Page([], {}, {})
        used = 0.0
        cuts: list[Item] = []
        while pending:
            unit = pending[0]
            if page.roots and used + sum(tall(root) for root in unit) > height:
                break
            pending.popleft()
            for root in unit:
                used = _take(graph, page, root, used, height, columns, tall, cuts)
        pages.append(page)
        # what this page cut continues on the next pages, in outline order
        pending.extendleft(reversed(groups(graph, _in_order(page, cuts))))
    return pages


def _take(graph: ArgumentGraph, page: Page, root: Item, used: float, height: float,
          columns: int, tall: Callable[[Item], float], cuts: list[Item]) -> float:
    """Put ``root`` on the page with as much of its subtree as fits; the height used after."""
    page.roots.append(root)
    extent = {root: tall(root)}
    parent: dict[Item, Item] = {}
    depth = {root: 0}
    queue = deque([root])
    base = used
    while queue:
        item = queue.popleft()
        below = kids(graph, item)
        if not below:
            continue
        if depth[item] + 1 < columns:
            grown = _grow(extent, parent, item, below, tall)
            if base + grown[root] <= height:
                extent = grown
                for kid in below:
                    parent[kid] = item
                    depth[kid] = depth[item] + 1
                page.below[item] = below
                queue.extend(below)
                continue
        page.cut[item] = below
        cuts.extend(below)
    return base + extent[root]


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
