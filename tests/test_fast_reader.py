"""The canonical-layout fast path (argmap.readers.yaml.fast) is pinned to the full reader.

For any text, the fast path either declines (None: the full reader reads it) or gives
exactly the map the full reader builds, with the same spans and the same version, for a
file the full reader finds nothing wrong with.
"""

from __future__ import annotations

import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import argmap.readers.yaml.load as loader
from argmap.readers.yaml import fast
from argmap.readers.yaml.build import slugify
from argmap.readers.yaml.load import _implicit_tags, load_text, plain_tag
from tests.conftest import FIXTURES

ROOT = FIXTURES.parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

EVERY_YAML = sorted([*FIXTURES.rglob("*.yaml"), *(ROOT / "maps").glob("*.yaml"),
                     *(ROOT / "examples").rglob("*.yaml")])


def full_read(text: str, file: str = "m.yaml") -> tuple[list[object], list[object], list[str]]:
    """What the full reader (libyaml and the builder) makes of ``text``."""
    with mock.patch.object(loader, "read_canonical", lambda *args: None):
        result = load_text(text, file)
    return list(result.maps), list(result.diagnostics), [m.version for m in result.maps]


def assert_pinned(text: str, file: str = "m.yaml") -> bool:
    """The fast path declines or agrees with the full reader; True when it read the text."""
    got = fast.read_canonical(text, file, slugify(Path(file).stem), plain_tag)
    if got is None:
        return False
    maps, diagnostics, versions = full_read(text, file)
    assert diagnostics == []
    assert maps == [got]
    assert versions == [got.version]
    assert load_text(text, file).maps == [got]  # the loader takes the fast path's map
    return True


def test_resolved_first_characters_cover_the_resolver() -> None:
    """Every first character the loader's resolver tests is one the fast path asks it about."""
    assert set(_implicit_tags()) - {""} <= fast.RESOLVED_FIRST


@pytest.mark.parametrize("n", [1, 7, 1000])
def test_synthetic_maps_take_the_fast_path(n: int) -> None:
    assert assert_pinned(generate(n))


@pytest.mark.parametrize("path", EVERY_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_fixture_and_map_is_read_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert_pinned(text, str(path))


def test_formatted_bundled_maps_are_read_alike() -> None:
    """fmt's layout, comments and quotes dropped: the lines the fast path reads most."""
    from argmap.edit.fmt import format_text

    for path in sorted((ROOT / "maps").glob("*.yaml")):
        lines = [line for line in format_text(path.read_text(encoding="utf-8")).split("\n")
                 if not line.lstrip().startswith("#")]
        assert_pinned("\n".join(lines), str(path))


def test_a_key_the_fast_path_does_not_know_goes_to_the_builder() -> None:
    """New keys (other formats' versions, other issues) are the builder's: the fast path
    falls back for any key it does not know, so their values and messages come from it."""
    base = generate(4)
    for key, value in (("side", "aff"), ("speech", "1ac"), ("flavour", "sweet"),
                       ("ref", "x")):
        text = base.replace("  - text: Statement number 0",
                            f"  - {key}: {value}\n    text: Statement number 0", 1)
        assert fast.read_canonical(text, "m.yaml", "m", plain_tag) is None
        assert load_text(text, "m.yaml").diagnostics == full_read(text)[1]
    unknown = load_text(base.replace("question:", "flavour: sweet\nquestion:"), "m.yaml")
    assert [d.code for d in unknown.diagnostics] == ["unknown-key"]


# -- generated maps, near the canonical layout and off it -------------------------------

ODD_TEXTS = st.sampled_from([
    "A plain statement.", "Baker's \"not one inch\" remark", "Cost: £30m", "cost:", "yes", "No",
    "null", "~", "true", "TRUE", "3", "017", "1.5", "2024-01-15", "-x", "- x", "? x", "x ?",
    "see [1]", "[x]", "{a}", "'q'", '"q"', "&a x", "*a", "!x y", "%x", "@x", "`x`", "a #b",
    "a#b", "Café crème", "x\u00a0y", "x\u200by", "é", "c1.pro2", "ok-id", "Bad_ID", "n", "y",
    "off", "<<", "=", ".5", "+1", "0x3", "a: b: c", "a -b", "...", "---", "x\\y", "1990 talks",
])
GOOD_TEXTS = st.sampled_from(["A plain statement.", "Another one, with a comma.",
                              "Three [bracketed] words", "naïve café", "Option 2: more",
                              "'Cost: £30m'", "'it''s'", '"yes"', "' padded '", "'#2 #3'",
                              "\"a 'b'\"", "''", '""', "'a' b", '"x" y', "'''", '"a\\"'])
GOOD_TAGS = st.sampled_from(["economy", "urban planning", "naïve", "x-1"])
ODD_IDS = st.sampled_from(["c1", "c1.pro2", "2024", "1e3", "Up", "null", "_x", "true", "0x1"])
GOOD_IDS = st.sampled_from(["ok", "a-1", "x.y", "a_b", "2024-report"])
GOOD_KEYS = st.sampled_from(["id", "by", "note", "tags", "cites", "weight"])
ODD_KEYS = st.sampled_from(["ref", "side", "premises", "flavour", "Text", "text"])


def pick(odd: bool, good: st.SearchStrategy[str], bad: st.SearchStrategy[str],
         ) -> st.SearchStrategy[str]:
    """The good values, or (in an odd map) the good and the bad."""
    return st.one_of(good, bad) if odd else good


@st.composite
def statement_lines(draw: st.DrawFn, column: int, depth: int, odd: bool) -> list[str]:
    texts, ids = pick(odd, GOOD_TEXTS, ODD_TEXTS), pick(odd, GOOD_IDS, ODD_IDS)
    pad = " " * column
    keys: list[str] = ["text"] if draw(st.integers(0, 9)) or not odd else []
    keys += draw(st.lists(pick(odd, GOOD_KEYS, ODD_KEYS), max_size=3, unique=True))
    lines = []
    for key in keys:
        if key in ("id", "ref", "side"):
            value = draw(ids)
        elif key in ("tags", "cites"):
            items = draw(st.lists(ids if key == "cites" else pick(odd, GOOD_TAGS, ODD_TEXTS),
                                  max_size=3))
            value = "[" + draw(pick(odd, st.just(", "), st.sampled_from([",", " , "]))).join(
                items) + "]"
        elif key == "weight":
            value = draw(pick(odd, st.sampled_from(["1", "3", "5"]),
                              st.sampled_from(["0", "6", "03", "x", "2.0"])))
        else:
            value = draw(texts)
        lines.append(f"{pad}{key}: {value}")
    if depth < 3:
        for relation in draw(st.lists(st.sampled_from(["pro", "con", "undercut"]),
                                      max_size=2)):
            children = draw(st.lists(statement_lines(column + 4, depth + 1, odd),
                                     min_size=0 if odd else 1, max_size=2))
            lines.append(f"{pad}{relation}:")
            for child in children:
                lines.extend(child)
    if not lines:
        lines = [f"{pad}text: {draw(texts)}"]
    dash = draw(pick(odd, st.just("- "), st.sampled_from(["-  ", "-"])))
    lines[0] = f"{' ' * (column - 2)}{dash}{lines[0][column:]}"
    return lines


@st.composite
def canonical_maps(draw: st.DrawFn) -> str:
    odd = draw(st.booleans())
    texts, ids = pick(odd, GOOD_TEXTS, ODD_TEXTS), pick(odd, GOOD_IDS, ODD_IDS)
    lines = []
    if draw(st.booleans()):
        versions = pick(odd, st.sampled_from(["1", "1.1", "1.2"]), st.sampled_from(["2", "1.0"]))
        lines.append(f"argmap: {draw(versions)}")
    if draw(st.booleans()):
        lines.append(f"id: {draw(ids)}")
    lines.append(f"question: {draw(texts)}")
    if draw(st.booleans()):
        tags = draw(st.lists(pick(odd, GOOD_TAGS, ODD_TEXTS), max_size=2))
        lines.append(f"tags: [{', '.join(tags)}]")
    lines.append("claims:")
    for item in draw(st.lists(statement_lines(4, 1, odd), min_size=1, max_size=3)):
        lines.extend(item)
    if draw(st.booleans()):
        lines.append("sources:")
        for name in draw(st.lists(ids, min_size=1, max_size=2, unique=True)):
            lines.append(f"  {name}:")
            lines.append(f"    title: {draw(texts)}")
            keys = pick(odd, st.sampled_from(["date", "url", "author", "publisher", "accessed"]),
                        st.just("isbn"))
            for key in draw(st.lists(keys, max_size=2, unique=True)):
                good = {"date": "2024-01-15", "accessed": "2024", "url": "https://example.org/a",
                        "author": "[Ann, Bob]", "publisher": "Ann Author"}.get(key, "x")
                value = draw(pick(odd, st.just(good), st.sampled_from(
                    ["2024-02-30", "ftp://x", "http://x y", "2024-13"])))
                lines.append(f"    {key}: {value}")
    # perturb: blank lines, a stray indent, a trailing space, a line ending
    for _ in range(draw(st.integers(0, 2)) if odd else 0):
        at = draw(st.integers(0, len(lines) - 1))
        change = draw(st.sampled_from(["blank", "blank", "spaces", "indent", "trail", "cr"]))
        if change == "blank":
            lines.insert(at, "")
        elif change == "spaces":
            lines.insert(at, "   ")
        elif change == "indent":
            lines[at] = " " + lines[at]
        elif change == "trail":
            lines[at] += " "
        else:
            lines[at] += "\r"
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n"]) if odd else st.just("\n"))


@settings(max_examples=300)
@given(canonical_maps())
@example("question: Q?\nclaims:\n  - text: A.\n    pro:\n      - text: B.\n        id: b\n"
         "        cites: [s]\nsources:\n  s:\n    title: S\n    date: 2024-01-15\n")
def test_fast_path_is_the_full_reader(text: str) -> None:
    assert_pinned(text)


def test_the_property_reaches_the_fast_path() -> None:
    """The generated maps above are read by the fast path often, not only declined."""
    read = 0

    @settings(max_examples=200, database=None, derandomize=True)
    @given(canonical_maps())
    def count(text: str) -> None:
        nonlocal read
        read += assert_pinned(text)

    count()
    assert read >= 20


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3),
                          st.text(alphabet=" -:#[],'\"\n\t\r!&*?|>%@`~0123456789aAtny.\\\u0085"
                                  "\u2028\ufeff\u00a0é", max_size=4)), max_size=3))
def test_edits_of_a_canonical_map_are_read_alike(edits: list[tuple[int, int, str]]) -> None:
    """Characters inserted into or deleted from a map the fast path reads."""
    text = generate(12)
    for at, cut, insert in edits:
        at %= len(text) + 1
        text = text[:at] + insert + text[at + cut:]
    assert_pinned(text)


def test_fmt_recognises_its_own_layout_without_formatting() -> None:
    from argmap.edit.fmt import already_formatted, format_text

    for n in (1, 7, 1000):
        text = generate(n)
        assert already_formatted(text) and format_text(text) == text
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        lines = [line for line in format_text(path.read_text(encoding="utf-8")).split("\n")
                 if not line.lstrip().startswith("#")]
        text = "\n".join(lines)
        assert not already_formatted(text) or format_text(text) == text


@settings(max_examples=300)
@given(canonical_maps(), st.integers(0, 60))
def test_what_fmt_recognises_as_formatted_is_what_it_writes(text: str, longer: int) -> None:
    """Whenever the line check says "formatted", formatting changes nothing (keys out of
    order, lists past 80 columns, texts fmt would quote: it must say no)."""
    from argmap.edit.fmt import already_formatted, format_text

    text = text.replace("tags: [", "tags: [" + "x" * longer + ", ", 1)
    if already_formatted(text):
        assert format_text(text) == text


@settings(max_examples=300)
@given(canonical_maps(), st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3),
                                            st.sampled_from(["", "\n", "  - text: X.\n", "x",
                                                             "    pro:\n", "\n\n", " ",
                                                             "\x07", "é", "\u00a0", "#"])),
                                  min_size=1, max_size=3))
def test_a_text_read_like_the_one_it_was_edited_from_is_read_alike(
        text: str, edits: list[tuple[int, int, str]]) -> None:
    """Given the lines of the text before an edit, the reader matches only the lines that
    changed, and reads what it reads without them."""
    before = fast.CanonicalLines()
    fast.read_canonical(text, "m.yaml", "m", plain_tag, before)
    edited = text
    for at, cut, insert in edits:
        at %= len(edited) + 1
        edited = edited[:at] + insert + edited[at + cut:]
    assert (fast.read_canonical(edited, "m.yaml", "m", plain_tag, like=before)
            == fast.read_canonical(edited, "m.yaml", "m", plain_tag))
    if before.map is not None:
        assert fast._edited_rows(edited, before)[0] == fast._LINES.findall(edited)
