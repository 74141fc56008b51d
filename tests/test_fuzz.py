"""Fuzzing: a map that passes `check` must print and draw, and no input may raise.

Maps are generated as YAML text with random structure (refs with cycles,
undercuts at depth, citations, odd sources) and random Unicode texts written
plain, single- or double-quoted. Whenever `check` finds no error, `show` and
`render -f dot` must succeed, and for a sample of them Graphviz must accept
the DOT without a word on stderr.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.diagnostics import Severity
from argmap.exporters.dot import DotOptions, render_dot
from argmap.exporters.tree import TreeOptions, render_tree, to_text
from argmap.model import ArgumentMap, Relation
from argmap.readers.yaml.load import load_bytes, load_text
from argmap.rules.format import check
from argmap.view import ViewOptions, view_graph

#: the characters that have broken quoting somewhere before, heavily weighted
NASTY = st.sampled_from(['"', "'", "\\", "\\N", "\\G", "<", ">", "&", "&amp;", "]", "[", "{",
                         "}", "#", " #", ": ", "|", "%", "@", "`", "\t", "\n", "\r", "\x85",
                         "\u2028", "\x00", "\x1b[31m", "\ufeff", "😀", "ｅ", "é", "\u0301",
                         "-->", "<!--", "*", "!", "&#93;", "\\\\", "$"])
TEXT = st.lists(NASTY | st.text(max_size=12), min_size=1, max_size=6).map("".join)
LONG = st.integers(60, 600).map(lambda n: ("word " * n).strip())
#: mostly short texts; now and then a long one (a paragraph, a huge label)
ANY_TEXT = st.integers(0, 19).flatmap(lambda n: LONG if n == 0 else TEXT)
URLS = st.sampled_from([
    "https://example.org/a?b=c&d=e#f", "http://[::1]/x", "https://例え.jp/パス?q=<>",
    'https://x.test/"quoted"', "https://x.test/a\\N\\G", "https://x.test/%zz]",
    "http://ｅｘａｍｐｌｅ．org/", "https://x.test/{braces}|pipe^", "https://x.test/" + "a" * 2000])
_PLAIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9 .,()?'-]*[A-Za-z0-9.?)]\Z")
_YAML11_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false", "null"}


@st.composite
def scalar(draw: st.DrawFn, text: str) -> str:
    """Write one text as YAML: plain when that is safe, else quoted at random."""
    style = draw(st.integers(0, 2))
    if style == 0 and _PLAIN_RE.match(text) and " #" not in text and ": " not in text and (
            text.lower() not in _YAML11_WORDS):
        return text
    if style == 1 and text.isprintable() and "\ufeff" not in text:
        return "'" + text.replace("'", "''") + "'"
    return double_quoted(text, ascii_only=draw(st.booleans()))


def double_quoted(text: str, ascii_only: bool) -> str:
    """A YAML double-quoted scalar: raw characters where YAML allows them, else escapes.

    YAML refuses raw control characters (C1 too); a file cannot hold a lone
    surrogate, but its escape can be written (and is refused by the loader).
    """
    out = []
    for c in text.replace("\\", "\\\\").replace('"', '\\"'):
        if c.isprintable() and not "\ud800" <= c <= "\udfff" and (c.isascii() or not ascii_only):
            out.append(c)
        else:
            out.append(f"\\U{ord(c):08x}" if ord(c) > 0xFFFF else f"\\u{ord(c):04x}")
    return '"' + "".join(out) + '"'


class Ids:
    """Ids handed out while drawing, for refs drawn afterwards."""

    def __init__(self) -> None:
        self.given: list[str] = []

    def new(self) -> str:
        self.given.append(f"s{len(self.given) + 1}")
        return self.given[-1]


@st.composite
def statement(draw: st.DrawFn, depth: int, claim: bool, ids: Ids, sources: list[str],
              ) -> dict[str, Any]:
    if not claim and draw(st.integers(0, 6)) == 0:
        return {"ref": None}  # filled in once every id is known
    doc: dict[str, Any] = {"text": draw(ANY_TEXT)}
    if draw(st.booleans()):
        doc["id"] = ids.new()
    for key in ("by", "note"):
        if draw(st.integers(0, 3)) == 0:
            doc[key] = draw(ANY_TEXT)
    if draw(st.integers(0, 3)) == 0:
        doc["weight"] = draw(st.integers(1, 5))
    if draw(st.integers(0, 4)) == 0:
        doc["tags"] = draw(st.lists(TEXT, min_size=1, max_size=2))
    if draw(st.booleans()) and sources:
        cites: list[Any] = []
        for _ in range(draw(st.integers(1, 2))):
            source = draw(st.sampled_from(sources))
            cites.append(source if draw(st.booleans()) else
                         {"source": source, "quote": draw(ANY_TEXT), "locator": draw(TEXT)})
        doc["cites"] = cites
    for key in ("pro", "con", "undercut"):
        if (key == "undercut" and claim) or depth > 3 or draw(st.integers(0, 2)) == 0:
            continue
        doc[key] = [draw(statement(depth + 1, False, ids, sources))
                    for _ in range(draw(st.integers(1, 2)))]
    return doc


def fill_refs(doc: Any, ids: list[str], pick: st.DrawFn) -> None:
    """Point every placeholder ref at a drawn id: ancestors too, so cycles happen."""
    if isinstance(doc, list):
        for item in doc:
            fill_refs(item, ids, pick)
    elif isinstance(doc, dict):
        if "ref" in doc:
            doc["ref"] = pick(st.sampled_from(ids)) if ids else "nowhere"
        for value in doc.values():
            fill_refs(value, ids, pick)


def emit(value: Any, draw: st.DrawFn, indent: int = 0) -> str:
    """Block-style YAML with every scalar written by :func:`scalar`."""
    pad = " " * indent
    out = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)):
                out.append(f"{pad}{key}:\n{emit(item, draw, indent + 2)}")
            elif isinstance(item, str) and key != "claims":
                out.append(f"{pad}{key}: {draw(scalar(item))}\n")
            else:
                out.append(f"{pad}{key}: {item}\n")
    else:
        for item in value:
            if isinstance(item, dict):
                body = emit(item, draw, indent + 2)
                out.append(f"{pad}- {body[indent + 2:]}")
            else:
                out.append(f"{pad}- {draw(scalar(item))}\n")
    return "".join(out)


@st.composite
def map_texts(draw: st.DrawFn) -> str:
    sources = [f"src{n}" for n in range(draw(st.integers(0, 3)))]
    ids = Ids()
    claims = [draw(statement(1, True, ids, sources)) for _ in range(draw(st.integers(1, 3)))]
    fill_refs(claims, ids.given, draw)
    doc: dict[str, Any] = {"argmap": 1, "question": draw(ANY_TEXT)}
    if draw(st.booleans()):
        doc["context"] = draw(ANY_TEXT)
    # claims: null once passed check and drew DOT that Graphviz refused
    doc["claims"] = claims if draw(st.integers(0, 14)) else draw(st.sampled_from(["null", "[]"]))
    if sources:
        doc["sources"] = {sid: {"title": draw(ANY_TEXT), "author": draw(st.lists(TEXT, max_size=2)),
                                "url": draw(URLS), "publisher": draw(TEXT), "kind": draw(TEXT)}
                          for sid in sources}
    return emit(doc, draw)


def graphviz_accepts(dot: str) -> None:
    done = subprocess.run(["dot", "-Tsvg"], input=dot.encode("utf-8"), capture_output=True,
                          timeout=60, check=False)
    assert (done.returncode, done.stderr.decode("utf-8", "replace")) == (0, ""), dot


def render_all(m: ArgumentMap, focus: str | None, depth: int | None, run_dot: bool) -> None:
    """What `show` and `render -f dot` do with a map (and `dot -Tsvg` for a sample)."""
    side = Relation.CON if depth == 2 else None
    view = view_graph(m, ViewOptions(focus, depth, side))
    to_text(render_tree(view, TreeOptions(width=depth and 30, quotes=True, ids=True)), True)
    dot = render_dot(view, DotOptions(legend=depth != 1))
    dot.encode("utf-8")  # a lone surrogate would fail here, as it would on stdout
    if run_dot:
        graphviz_accepts(dot)


HAS_DOT = shutil.which("dot") is not None


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(map_texts(), st.data())
def test_a_map_that_passes_check_renders(text: str, data: st.DataObject) -> None:
    result = load_text(text, "fuzz.yaml")
    problems = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    for m in result.maps:
        problems += [d for d in check(m) if d.severity is Severity.ERROR]
    if problems:
        return
    [m] = result.maps
    from argmap.graph import build_graph

    addresses = sorted(build_graph(m).positions)
    focus = data.draw(st.none() | st.sampled_from(addresses)) if addresses else None
    depth = data.draw(st.none() | st.integers(1, 3))
    render_all(m, focus, depth, HAS_DOT and (data.draw(st.integers(0, 2)) == 0 or not m.claims))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_raises(text: str) -> None:
    for m in load_text(text, "any.yaml").maps:
        check(m)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(map_texts(), st.data())
def test_mutated_generated_maps_never_raise(text: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 8))
    noise = data.draw(st.text(max_size=6) | NASTY)
    for m in load_bytes((text[:at] + noise + text[at + cut:]).encode("utf-8", "surrogatepass"),
                        "mutated.yaml").maps:
        check(m)


# -- the depth bound (argmap.readers.yaml.depth.may_be_deep) is never below the real depth --

@st.composite
def trees(draw: st.DrawFn, depth: int) -> Any:
    """Lists and mappings nested ``depth`` levels, with a sibling here and there."""
    if depth == 0:
        return draw(st.sampled_from(["a", "b1", "c d"]))
    child = draw(trees(depth - 1))
    extra = draw(st.booleans())
    if draw(st.booleans()):
        return [child, "b"] if extra else [child]
    return {"k": child, "x": "b"} if extra else {"k": child}


TREES = st.integers(1, 14).flatmap(trees)


def block(value: Any, column: int, draw: Callable[..., Any]) -> list[str]:
    """Block YAML whose first line starts at ``column``: compact `- - x` and `- k: v`
    forms, sequences level with their key, and flow collections, drawn at random."""
    if isinstance(value, str):
        return [value]
    if not value or draw(st.integers(0, 4)) == 0:
        return [json.dumps(value)]
    lines: list[str] = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            sub = block(item, column + 2, draw)
            lines += [(" " * column if index else "") + "- " + sub[0], *sub[1:]]
        return lines
    for index, (key, item) in enumerate(value.items()):
        pad = " " * column if index else ""
        if isinstance(item, (list, dict)) and item and draw(st.booleans()):
            inner = column if isinstance(item, list) and draw(st.booleans()) else column + 2
            sub = block(item, inner, draw)
            lines += [f"{pad}{key}:", " " * inner + sub[0], *sub[1:]]
        else:
            sub = block(item, column + 2, draw)
            lines += [f"{pad}{key}: {sub[0]}", *sub[1:]]
    return lines


def event_depth(text: str) -> int | None:
    """The deepest nesting libyaml's parser reports, or None for a syntax error."""
    from ruamel.yaml.error import YAMLError

    from argmap.readers.yaml.load import _parser

    parser, depth, deepest = _parser(text), 0, 0
    try:
        while (name := type(parser.get_event()).__name__) != "StreamEndEvent":
            depth += name in ("SequenceStartEvent", "MappingStartEvent")
            depth -= name in ("SequenceEndEvent", "MappingEndEvent")
            deepest = max(deepest, depth)
    except YAMLError:
        return None
    return deepest


@settings(max_examples=150, deadline=None)
@given(TREES, st.data())
def test_depth_bound_is_never_below_the_real_depth(tree: Any, data: st.DataObject) -> None:
    from argmap.readers.yaml.depth import may_be_deep

    text = "\n".join(block(tree, 0, data.draw)) + "\n"
    depth = event_depth(text)
    if depth:
        assert may_be_deep(text, depth - 1), text
