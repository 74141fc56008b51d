"""fmt: the canonical layout, every comment kept, idempotent."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.cli import app as cli
from argmap.edit.fmt import format_text, meaning
from argmap.readers.yaml import style
from argmap.readers.yaml.load import load_text
from argmap.readers.yaml.source import parse
from argmap.rules.format import check_text
from tests.conftest import FIXTURES

runner = CliRunner()
ROOT = FIXTURES.parent.parent

COMMENTED = """\
# head comment

# second head
question: What?   # after a value
claims:   # after a key
  # before the first item
  - text: First   # after text
    # before a key that moves up
    id: first
    pro:
      # before a nested item
      - text: Pro one
        cites: [a, b]  # after a flow list
      # between items

      - text: >  # on a folded header
          A folded text that goes on
          and on.
    # before a key
    con:
      -   # after a dash
        text: 'Con'
  - ref: first
tags:
  - x  # after a list item
  - z
# before sources
sources:
  a:
    title: A   # after a title
  b: {title: B}  # after a flow mapping
# at the end

# really the end
"""

FORMATTED = """\
# head comment

# second head
question: What?  # after a value
tags:
  - x  # after a list item
  - z
claims:  # after a key
  # before the first item
  # before a key that moves up
  - id: first
    text: First  # after text
    pro:
      # before a nested item
      - text: Pro one
        cites: [a, b]  # after a flow list
      # between items

      - text: >  # on a folded header
          A folded text that goes on
          and on.
    # before a key
    con:
      - text: Con  # after a dash
  - ref: first
# before sources
sources:
  a:
    title: A  # after a title
  b:  # after a flow mapping
    title: B
# at the end

# really the end
"""


def test_comments_in_every_position_are_kept() -> None:
    assert format_text(COMMENTED) == FORMATTED
    assert format_text(FORMATTED) == FORMATTED


def test_a_comment_inside_a_flow_list_makes_it_a_block_list() -> None:
    text = "question: Q?\nclaims:\n  - text: A\n    cites: [a,  # first\n      b]\n"
    assert format_text(text) == (
        "question: Q?\nclaims:\n  - text: A\n    cites:\n      - a  # first\n      - b\n")


@pytest.mark.parametrize("path", sorted(ROOT.glob("maps/*.yaml")), ids=lambda p: p.name)
def test_bundled_maps_are_in_the_canonical_layout(path: Path) -> None:
    text = path.read_text()
    assert format_text(text) == text


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("valid/*.yaml")), ids=lambda p: p.name)
def test_fixtures_format_to_the_same_map(path: Path) -> None:
    text = path.read_text()
    once = format_text(text)
    assert meaning(load_text(once).maps) == meaning(load_text(text).maps)
    assert format_text(once) == once


def test_quotes_only_where_yaml_needs_them() -> None:
    assert [style.scalar(t) for t in ["plain words", "a: b", "a #b", "#tag", "yes", "2024",
                                      "it's: so", "tab\there", "- item", "-x"]] == [
        "plain words", "'a: b'", "'a #b'", "'#tag'", "'yes'", "'2024'", '"it\'s: so"',
        '"tab\\there"', "'- item'", "-x"]


def test_long_folded_lines_are_rewrapped_at_80_columns() -> None:
    words = " ".join(f"word{i}" for i in range(30))
    text = f"question: Q?\ncontext: >\n  {words}\nclaims:\n  - text: A\n"
    result = format_text(text)
    assert max(len(line) for line in result.splitlines()) <= 80
    assert result.startswith("question: Q?\ncontext: >\n  word0 word1")
    assert load_text(result).maps[0].context == words


# -- the command ---------------------------------------------------------------------


def test_check_lists_files_that_would_change_and_exits_1(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(FORMATTED)
    bad.write_text(COMMENTED)
    result = runner.invoke(cli.app, ["fmt", "--check", str(tmp_path)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"argmap: would reformat {bad}\n"
    assert bad.read_text() == COMMENTED
    assert runner.invoke(cli.app, ["fmt", "--check", str(good)]).exit_code == 0


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("question: 'Q?'\nclaims:\n  - text: A\n")
    result = runner.invoke(cli.app, ["fmt", "--diff", str(path)])
    assert result.exit_code == 0
    assert result.stdout == (f"--- a/{path}\n+++ b/{path}\n@@ -1,3 +1,3 @@\n-question: 'Q?'\n"
                             "+question: Q?\n claims:\n   - text: A\n")
    assert path.read_text() == "question: 'Q?'\nclaims:\n  - text: A\n"


def test_fmt_rewrites_and_reports_yaml_errors(tmp_path: Path) -> None:
    path, broken = tmp_path / "m.yaml", tmp_path / "broken.yaml"
    path.write_text("question: 'Q?'\nclaims:\n  - text: A\n")
    broken.write_text("question: [\n")
    result = runner.invoke(cli.app, ["fmt", str(path), str(broken)])
    assert result.exit_code == 1
    assert path.read_text() == "question: Q?\nclaims:\n  - text: A\n"
    assert result.stderr.startswith(f"argmap: formatted {path}\n{broken}:2:1: error: ")
    assert result.stderr.endswith(f"argmap: {broken} left unchanged: fix its errors first\n")


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("invalid/*.yaml")), ids=lambda p: p.name)
def test_fmt_never_rewrites_a_map_with_errors_and_never_crashes(path: Path) -> None:
    result = runner.invoke(cli.app, ["fmt", "--diff", str(path)])
    has_errors = runner.invoke(cli.app, ["check", str(path)]).exit_code == 1
    assert result.exit_code == (1 if has_errors else 0), result.stderr
    if has_errors:
        assert result.stdout == ""
        assert result.stderr.endswith(f"argmap: {path} left unchanged: fix its errors first\n") \
            or "not UTF-8" in result.stderr


# -- the property: generated maps with comments everywhere ----------------------------

_TEXT = st.text(alphabet=st.sampled_from("ab yZ:#'\"-[]{},!&*%@`|>?\\é\t"), min_size=1,
                max_size=30).map(str.strip).filter(bool)
_COMMENT = st.text(alphabet=st.sampled_from("ab :#'\"-é"), max_size=12).map(
    lambda t: ("# " + t).rstrip())


@st.composite
def commented_maps(draw: st.DrawFn) -> str:
    """A valid map in a random layout, with comments in every kind of place."""
    lines: list[str] = []
    ids = itertools.count(1)
    offset = draw(st.sampled_from([0, 2, 4]))  # from a key to the `-` of its items
    step = draw(st.sampled_from([2, 4]))  # from a key to the keys of its mapping

    def own(indent: int) -> None:
        if draw(st.integers(0, 3)) == 0:
            lines.append(" " * indent + draw(_COMMENT))
        if draw(st.integers(0, 5)) == 0:
            lines.append("")

    def trail() -> str:
        return "  " + draw(_COMMENT) if draw(st.booleans()) else ""

    def scalar(value: str, indent: int) -> list[str]:
        how = draw(st.sampled_from(["plain", "single", "double", "folded", "literal"]))
        if how == "folded" and style.foldable(value):
            return [">" + trail(), *(" " * (indent + 2) + line
                                     for line in style.wrap(value, indent + 2, 40))]
        if how == "literal" and style.literal_ok(value + "\n" + value):
            return ["|-" + trail(), " " * (indent + 2) + value, " " * (indent + 2) + value]
        if how == "plain" and style.plain_ok(value):
            return [value + trail()]
        if how == "single" and "'" not in value and value.isprintable():
            return [f"'{value}'" + trail()]
        return [style.quoted(value) + trail()]

    def pair(prefix: str, key: str, value: str, indent: int) -> None:
        first, *rest = scalar(value, indent)
        lines.append(f"{prefix}{key}: {first}")
        lines.extend(rest)

    def cites(prefix: str, column: int) -> None:
        if draw(st.booleans()):
            lines.append(f"{prefix}cites: [s1]{trail()}")
            return
        lines.append(f"{prefix}cites:{trail()}")
        dash = column + offset
        own(dash)
        if draw(st.booleans()):
            lines.append(" " * dash + "- s1" + trail())
        else:
            lines.append(" " * dash + "- source: s1" + trail())
            if draw(st.booleans()):
                pair(" " * (dash + 2), "locator", draw(_TEXT), dash + 2)

    def statement(dash: int, depth: int, item: str = "statement") -> None:
        """One list item: a statement, a linked argument's premise, or (in `pro` and
        `con`, format 1.1) sometimes a linked argument."""
        if item == "pro/con" and depth < 3 and draw(st.integers(0, 3)) == 0:
            linked(dash, depth)
            return
        keys = ["text", "id", "by", "cites"] + (["weight"] if item != "premise" else []) + (
            ["pro", "con"] if depth < 3 else [])
        chosen = draw(st.lists(st.sampled_from(keys), unique=True).map(
            lambda ks: ["text", *[k for k in ks if k != "text"]]))
        chosen = draw(st.permutations(chosen))
        column = dash + 2
        for number, key in enumerate(chosen):
            if number:
                own(column)
            prefix = " " * dash + "- " if number == 0 else " " * column
            if key in ("pro", "con"):
                lines.append(f"{prefix}{key}:{trail()}")
                for _ in range(draw(st.integers(1, 2))):
                    own(column + offset)
                    statement(column + offset, depth + 1, "pro/con")
            elif key == "id":
                lines.append(f"{prefix}id: s{next(ids)}{trail()}")
            elif key == "weight":
                lines.append(f"{prefix}weight: {draw(st.integers(1, 5))}{trail()}")
            elif key == "cites":
                cites(prefix, column)
            else:
                pair(prefix, key, draw(_TEXT), column)

    def linked(dash: int, depth: int) -> None:
        """A linked argument: its keys in any order, comments among them and its premises."""
        keys = draw(st.lists(st.sampled_from(["id", "weight", "tags", "note", "undercut"]),
                             unique=True))
        column = dash + 2
        for number, key in enumerate(draw(st.permutations(["premises", *keys]))):
            if number:
                own(column)
            prefix = " " * dash + "- " if number == 0 else " " * column
            if key in ("premises", "undercut"):
                lines.append(f"{prefix}{key}:{trail()}")
                for _ in range(draw(st.integers(2, 3)) if key == "premises" else 1):
                    own(column + offset)
                    statement(column + offset, depth + 1,
                              "premise" if key == "premises" else "statement")
            elif key == "id":
                lines.append(f"{prefix}id: s{next(ids)}{trail()}")
            elif key == "weight":
                lines.append(f"{prefix}weight: {draw(st.integers(1, 5))}{trail()}")
            elif key == "tags":
                lines.append(f"{prefix}tags: [x]{trail()}")
            else:
                pair(prefix, key, draw(_TEXT), column)

    own(0)
    pair("", "question", draw(_TEXT), 0)
    own(0)
    if draw(st.booleans()):
        lines.append(f"tags: [{', '.join(draw(st.lists(st.sampled_from(['x', 'y z']))))}]"
                     + trail())
        own(0)
    lines.append("claims:" + trail())
    for _ in range(draw(st.integers(1, 3))):
        own(offset)
        statement(offset, 1)
    own(0)
    lines.append("sources:" + trail())
    own(step)
    lines.append(" " * step + "s1:" + trail())
    pair(" " * 2 * step, "title", draw(_TEXT), 2 * step)
    own(0)
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented_maps())
def test_fmt_is_idempotent_and_keeps_every_comment(text: str) -> None:
    assert [d for d in check_text(text, "m.yaml") if d.severity.value == "error"] == []
    once = format_text(text)  # raises if the map or a comment would change
    assert format_text(once) == once
    words = sorted(w for c in parse(text).comments for w in c.text.split())
    assert sorted(w for c in parse(once).comments for w in c.text.split()) == words
    assert meaning(load_text(once).maps) == meaning(load_text(text).maps)


def test_fmt_key_orders_are_the_order_of_the_docs_tables() -> None:
    import re

    from argmap.edit.fmt import ORDERS

    docs = (ROOT / "docs/format.md").read_text()

    def table(title: str) -> tuple[str, ...]:
        section = docs.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
        return tuple(re.findall(r"^\| `([a-z]+)` \|", section, re.MULTILINE))

    assert ORDERS["map"] == table("Map keys")
    assert ORDERS["statement"] == table("Statement keys")
    assert ORDERS["linked"] == table("Linked arguments (version 1.1)")
    assert ORDERS["source"] == table("Source keys")


def test_a_blank_line_after_a_comment_ending_in_dashes_is_kept() -> None:
    # It was taken for a document's `---` and dropped, so the list below became
    # `[s1]` only on a second run: fmt was not idempotent.
    text = ("question: Q\nclaims:\n  - text: A\n    cites:  # ---\n\n      - s1\n"
            "sources:\n  s1:\n    title: T\n")
    assert format_text(text) == text
    assert format_text("---\n\nquestion: Q\nclaims:\n  - text: A\n") == (
        "---\nquestion: Q\nclaims:\n  - text: A\n")


def test_crlf_files_keep_crlf() -> None:
    assert format_text("question: 'Q?'\r\nclaims:\r\n- text: A\r\n") == (
        "question: Q?\r\nclaims:\r\n  - text: A\r\n")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented_maps(), st.data())
def test_add_then_rm_keeps_generated_maps_byte_for_byte(text: str, data: st.DataObject) -> None:
    from argmap.edit.operations import add_statement, remove
    from argmap.edit.write import NewStatement
    from argmap.readers.yaml.source import get, statements

    parsed = parse(text)
    found = [s for s in statements(parsed.documents) if get(s.node, "ref") is None]
    target = data.draw(st.sampled_from(found))
    # A linked argument takes a premise (its own relation) or an undercut.
    relation = data.draw(st.sampled_from([target.key, "undercut"] if target.linked
                                         else ["pro", "con"]))
    key = "premises" if target.linked and relation != "undercut" else relation
    pair = get(target.node, key)
    count = len(pair[1].value) if pair is not None and pair[1].value else 0
    edited = add_statement(text, NewStatement("Added: yes # really", by="me"), target.path,
                           relation)
    assert [d.code for d in check_text(edited, "m.yaml")] == [
        d.code for d in check_text(text, "m.yaml")]  # lines below the new item move down
    step = "" if key == "premises" else relation
    assert remove(edited, f"{target.path}.{step}{count + 1}") == text
