"""``argmap fmt``: write a map in the canonical layout, keeping every comment.

The layout (docs/format.md, "Canonical layout"): keys in the order of the
format's tables, two-space indentation, list items at two spaces under their
key, lists of plain texts as ``[a, b]`` when they fit in 80 columns, one-line
texts plain unless YAML needs quotes (:mod:`argmap.readers.yaml.style`), folded
blocks (``>``) kept folded with lines of at most 80 columns, texts with line
breaks as literal blocks (``|``).

Line endings stay as they were (CRLF or LF). Comments are kept where they
are. A comment on its own line belongs to the key or list item that follows
it and moves with it, indented like it; a comment after a value stays after
that value on its line; comments after the last key of a document stay at
its end. Runs of blank lines become one.

The output is composed from libyaml's node tree (:mod:`argmap.readers.yaml.source`),
not dumped by ruamel: ruamel's round-trip dumper attaches a comment to the key
*before* it, so putting keys in order moved comments to the wrong keys, and it
is much slower (0.84 s against 0.07 s for a 1,000-statement map;
benchmarks/README.md). Before anything is written, the result is read
back: it must mean the same map and hold the same comments, or it is refused.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from argmap.diagnostics import Diagnostic
from argmap.edit import with_cr, with_lf
from argmap.errors import ArgmapError
from argmap.model import CITATION_KEYS, MAP_KEYS, SOURCE_KEYS
from argmap.readers.yaml import style
from argmap.readers.yaml.source import Parsed, content_end, is_mapping, is_null, is_sequence, parse

WIDTH = style.WIDTH
#: The order ``fmt`` writes a statement's keys in: what the statement is
#: (id, text) and who says it first, its evidence next, its premises last.
STATEMENT_ORDER = ("id", "ref", "side", "text", "by", "weight", "tags", "note", "cites",
                   "pro", "con", "undercut")
#: The order of a linked argument's keys (format 1.1): ``premises`` first, as it
#: makes the item an argument, then the statement order of the keys it may have.
LINKED_ORDER = ("premises", "id", "weight", "tags", "note", "undercut")
ORDERS: dict[str, tuple[str, ...]] = {
    "map": tuple(MAP_KEYS), "statement": STATEMENT_ORDER, "linked": LINKED_ORDER,
    "citation": tuple(CITATION_KEYS), "source": tuple(SOURCE_KEYS),
}
#: What the value under a key holds, by what its mapping is.
CHILDREN = {("map", "claims"): "statement", ("map", "sources"): "sources",
            ("statement", "pro"): "statement", ("statement", "con"): "statement",
            ("statement", "undercut"): "statement", ("statement", "cites"): "citation",
            ("linked", "premises"): "statement", ("linked", "undercut"): "statement"}
_BLANK = None


class FormatError(ArgmapError):
    """The file cannot be formatted safely; the message says why (``errors``: the map's)."""

    def __init__(self, message: str, errors: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or []


def format_map(text: str, file: str) -> str:
    """The canonical layout of a map file's text, or :class:`FormatError` saying why not.

    Only a valid map is formatted: a file argmap cannot read as a map (aliases,
    complex keys, a syntax error) has no canonical layout.
    """
    from pathlib import Path

    from argmap.readers.yaml.build import slugify
    from argmap.readers.yaml.fast import is_formatted, read_canonical
    from argmap.readers.yaml.load import plain_tag
    from argmap.readers.yaml.source import YAMLSyntaxError
    from argmap.rules.format import MapIndex, check_text, run_rules

    # A map in the canonical layout is read once, line by line: what check_text would
    # find is then the rules' findings on that map (the loader has nothing to report).
    canonical = read_canonical(text, file, slugify(Path(file).stem), plain_tag)
    found = check_text(text, file) if canonical is None else run_rules(MapIndex.of(canonical))
    errors = [d for d in found if d.severity.value == "error"]
    if errors:
        raise FormatError("left unchanged: fix its errors first", errors)
    if canonical is not None and is_formatted(text, plain_tag, style.plain_ok, ORDERS, WIDTH):
        return text
    text, cr_only = with_lf(text)
    try:
        return with_cr(format_text(text), cr_only)
    except YAMLSyntaxError as exc:
        raise FormatError(str(exc)) from None


def already_formatted(text: str) -> bool:
    """Whether ``text`` is in the canonical layout already, told from its lines without
    composing it (:func:`argmap.readers.yaml.fast.is_formatted`); False means: format it
    to find out. This is what keeps ``fmt --check`` of a formatted map near ``check``."""
    from argmap.readers.yaml.fast import is_formatted, read_canonical
    from argmap.readers.yaml.load import plain_tag

    return (read_canonical(text, "", "map", plain_tag) is not None
            and is_formatted(text, plain_tag, style.plain_ok, ORDERS, WIDTH))


def format_text(text: str) -> str:
    """The canonical layout of a map's YAML text, comments kept.

    Raises:
        FormatError: if the text is not YAML, or if the result would not read
            back as the same map with the same comments (a flow-style document or a
            comment fmt cannot place; the message says what to write instead).
    """
    from argmap.readers.yaml.source import YAMLSyntaxError

    try:
        parsed = parse(text)
    except YAMLSyntaxError as exc:
        raise FormatError(f"not valid YAML: {exc}") from None
    result = _Emitter(parsed).emit()
    if "\r\n" in text:  # keep the file's line endings
        result = result.replace("\n", "\r\n")
    _verify(parsed, text, result)
    return result


def _verify(parsed: Parsed, before: str, after: str) -> None:
    """Refuse a result that means another map or lost a comment."""
    from argmap.readers.yaml.load import load_text

    if after == before:
        return
    old, new = load_text(before), load_text(after)
    if meaning(old.maps) != meaning(new.maps) or len(new.diagnostics) != len(old.diagnostics):
        raise FormatError("formatting would change what the map says, so it is left as it "
                          "is; fmt lays out block-style YAML: write any flow-style {...} or "
                          "[...] mapping as a block, and keep a comment apart from a value "
                          "by a space (`text: 'B'  # note`)")
    if _comment_words(parse(after)) != _comment_words(parsed):
        raise FormatError("formatting would lose a comment, so it is left as it is; fmt "
                          "keeps comments on their own line or after a block-style value: "
                          "move the comment onto a line of its own")


def _comment_words(parsed: Parsed) -> list[str]:
    """Every comment's words, sorted: two trailing comments may share a line after fmt."""
    return sorted(word for c in parsed.comments for word in c.text.split())


def meaning(obj: Any) -> Any:
    """The model without positions, to compare two readings of a map."""
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return tuple(meaning(getattr(obj, f)) for f in obj._fields
                     if f not in ("span", "id_span"))
    if hasattr(obj, "__dataclass_fields__"):
        return tuple(meaning(getattr(obj, f)) for f in obj.__dataclass_fields__
                     if f != "span")
    if isinstance(obj, dict):
        return {k: meaning(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [meaning(v) for v in obj]
    return obj


class _Emitter:
    """Writes the documents of a parsed text line by line."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.text = parsed.text
        self.out: list[str] = []
        self.before: dict[int, list[str | None]] = {}
        self.ends: list[list[str | None]] = [[] for _ in parsed.documents]
        self.comment_at = sorted(c.at for c in parsed.comments)
        self._place_loose()

    # -- where own-line comments and blank lines go --------------------------

    def _place_loose(self) -> None:
        anchors: list[tuple[int, int]] = []  # (start index, document)
        for number, document in enumerate(self.parsed.documents):
            stack = [document]
            while stack:
                node = stack.pop()
                if is_mapping(node):
                    anchors.extend((k.start_mark.index, number) for k, _ in node.value)
                    stack.extend(v for _, v in node.value)
                elif is_sequence(node):
                    anchors.extend((i.start_mark.index, number) for i in node.value)
                    stack.extend(node.value)
        anchors.sort()
        starts = [a for a, _ in anchors]
        bounds = [self._document_start(d) for d in self.parsed.documents[1:]]
        loose: list[tuple[int, str | None]] = sorted(
            [*self.parsed.loose, *((i, _BLANK) for i in self.parsed.blank_lines)],
            key=lambda item: item[0])
        for index, item in loose:
            document = bisect_right(bounds, index)
            at = bisect_left(starts, index)
            if at < len(anchors) and anchors[at][1] == document:
                self.before.setdefault(starts[at], []).append(item)
            elif document < len(self.ends):
                self.ends[document].append(item)

    def _document_start(self, document: Any) -> int:
        start = int(document.start_mark.index)
        explicit = [s for s in self.parsed.document_starts if s <= start]
        return explicit[-1] if explicit else start

    # -- writing ----------------------------------------------------------------

    def emit(self) -> str:
        documents = self.parsed.documents
        for number, document in enumerate(documents):
            if number or (self.parsed.document_starts and self.parsed.document_starts[0]
                          <= document.start_mark.index):
                self.out.append("---")
            mark = len(self.out)
            if is_mapping(document) and not document.flow_style and document.value:
                self.mapping(document, 0, "map", None)
            else:
                self.out.append(self.text[document.start_mark.index:
                                          content_end(self.parsed, document)])
            if number == 0 and len(self.out) > mark and self.out[mark] == "":
                del self.out[mark]
            self.loose(self.ends[number], 0, end=True)
        while self.out and self.out[-1] == "":
            self.out.pop()
        return "\n".join(self.out) + "\n" if self.out else ""

    def loose(self, items: list[str | None], indent: int, end: bool = False) -> None:
        """Own-line comments at ``indent``; runs of blank lines as one."""
        for item in items:
            if item is _BLANK:
                # Not right after a document's `---` (a comment `# ---` is another matter).
                if self.out and self.out[-1] not in ("", "---"):
                    self.out.append("")
            else:
                self.out.append(" " * indent + item)
        if end:
            return

    def comments_before(self, node: Any, indent: int) -> None:
        items = self.before.pop(node.start_mark.index, None)
        if items:
            if not self.out or self.out[-1] == "---":
                items = _strip_leading_blanks(items)
            self.loose(items, indent)

    def trailing(self, *lists: list[str]) -> str:
        found = [c for comments in lists for c in comments]
        return "".join("  " + c for c in found)

    def mapping(self, node: Any, indent: int, kind: str, dash: str | None) -> None:
        if kind == "statement" and any(key.value == "premises" for key, _ in node.value):
            kind = "linked"  # a linked argument (format 1.1)
        order = ORDERS.get(kind)
        pairs = list(node.value)
        if order is not None:
            rank = {key: i for i, key in enumerate(order)}
            pairs.sort(key=lambda pair: rank.get(pair[0].value, len(rank)))
        for number, (key, value) in enumerate(pairs):
            if dash is not None and number == 0:
                self.comments_before(key, len(dash) - 2)
                prefix = dash
            else:
                self.comments_before(key, indent)
                prefix = " " * indent
            self.pair(key, value, prefix, indent, CHILDREN.get((kind, key.value),
                                                               "source" if kind == "sources"
                                                               else "other"))

    def pair(self, key: Any, value: Any, prefix: str, indent: int, kind: str) -> None:
        head = prefix + style.scalar(str(key.value)) + ":"
        key_notes = self.parsed.after_start.pop(key.start_mark.index, [])
        if value.id == "scalar":
            self.scalar(head, value, indent, key_notes)
        elif is_sequence(value):
            self.sequence(head, value, indent, kind, key_notes)
        elif not value.value:
            self.out.append(head + " {}" + self.trailing(key_notes, self._after_end(value)))
        else:
            self.out.append(head + self.trailing(key_notes, self._after_end(value)))
            self.mapping(value, indent + 2, kind, None)

    def _after_end(self, node: Any) -> list[str]:
        if node.flow_style:
            return self.parsed.after_end.pop(node.end_mark.index, [])
        return []

    def _has_comment_inside(self, node: Any) -> bool:
        at = bisect_left(self.comment_at, node.start_mark.index)
        # A block list's end mark lies past the comments after it: use its content's end.
        return (at < len(self.comment_at)
                and self.comment_at[at] < content_end(self.parsed, node))

    def sequence(self, head: str, node: Any, indent: int, kind: str, notes: list[str]) -> None:
        items = node.value
        if not items:
            self.out.append(head + " []" + self.trailing(notes, self._after_end(node)))
            return
        if all(i.id == "scalar" and not is_null(i) and i.style not in ("|", ">")
               for i in items) and not self._has_comment_inside(node) and not any(
                   i.start_mark.index in self.before or i.start_mark.index in
                   self.parsed.after_start for i in items):
            flow = head + " [" + ", ".join(self.flow_item(i) for i in items) + "]"
            if len(flow) <= WIDTH:
                self.out.append(flow + self.trailing(notes, self._after_end(node)))
                return
        self.out.append(head + self.trailing(notes))
        after = self._after_end(node)
        # ``indent`` is the key's column, also when the key follows a list item's
        # ``- `` (a linked argument opens with ``- premises:``).
        column = indent + 2
        for item in items:
            self.comments_before(item, column)
            dash = " " * column + "-"
            if is_mapping(item) and item.value:
                self.mapping(item, column + 2, kind, dash + " ")
            elif item.id == "scalar":
                self.scalar(dash, item, column, [])
            elif is_sequence(item):
                self.sequence(dash, item, column, "other", [])
            else:
                self.out.append(dash + " {}" + self.trailing(self._after_end(item)))
        if after:
            self.out[-1] += self.trailing(after)

    def flow_item(self, node: Any) -> str:
        if not node.tag.endswith(":str"):
            return str(node.value)
        return style.scalar(str(node.value).strip(), flow=True)

    def scalar(self, head: str, node: Any, indent: int, notes: list[str]) -> None:
        """Write ``head`` with a scalar value: one line, or a block under it."""
        notes = [*notes, *self.parsed.after_start.pop(node.start_mark.index, [])]
        value = str(node.value)
        if is_null(node):
            self.out.append(head + self.trailing(notes))
            return
        if not node.tag.endswith(":str"):
            self.out.append(f"{head} {value}{self.trailing(notes)}")
            return
        text = value.strip()
        if node.style == ">" and "\n\n" not in text and all(
                style.foldable(p) for p in text.split("\n")):
            self.folded(head, node, text, indent, notes, value.endswith("\n"))
        elif "\n" in text and style.literal_ok(text):
            chomp = "" if node.style in ("|", ">") and value.endswith("\n") else "-"
            self.out.append(f"{head} |{chomp}{self.trailing(notes)}")
            self.out.extend(" " * (indent + 2) + line if line else "" for line in text.split("\n"))
        else:
            self.out.append(f"{head} {style.scalar(text)}{self.trailing(notes)}")

    def folded(self, head: str, node: Any, text: str, indent: int, notes: list[str],
               clip: bool) -> None:
        """A folded block: the file's own line breaks if they fit, else wrapped at WIDTH."""
        self.out.append(f"{head} >{'' if clip else '-'}{self.trailing(notes)}")
        pad = " " * (indent + 2)
        body = self.text[self.parsed.line_end(node.start_mark.index):
                         content_end(self.parsed, node)]
        old = [line.strip() for line in body.split("\n")]
        paragraphs = text.split("\n")
        kept = [" ".join(group.split("\n")) for group in "\n".join(old).split("\n\n")]
        if kept == paragraphs and all(len(pad) + len(line) <= WIDTH for line in old):
            self.out.extend(pad + line if line else "" for line in old)
            return
        for number, paragraph in enumerate(paragraphs):
            if number:
                self.out.append("")
            self.out.extend(pad + line for line in style.wrap(paragraph, len(pad), WIDTH))


def _strip_leading_blanks(items: list[str | None]) -> list[str | None]:
    while items and items[0] is _BLANK:
        items = items[1:]
    return items
