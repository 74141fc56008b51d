"""Loading valid maps: every key, streams, directories, refs, derived ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.api import check_paths
from argmap.diagnostics import Severity
from argmap.files import expand_paths
from argmap.model import Citation, Relation, Source, Span
from argmap.readers import load_path
from argmap.readers.yaml.load import load_bytes, load_text
from tests.conftest import FIXTURES, VALID


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixtures_are_clean(path: Path) -> None:
    assert check_paths([path]).diagnostics == []


def test_full_fixture_reads_every_key() -> None:
    m = load_path(FIXTURES / "valid/full.yaml").maps[0]
    assert (m.id, m.version, m.tags) == ("full", "1", ("transport", "budget"))
    assert m.context == ("The council votes next spring. Diesel buses reach the end of their "
                         "service life in 2027.")
    replace = m.claims[0]
    assert (replace.id, replace.by, replace.tags, replace.note) == (
        "replace", "Transport department", ("proposal",), "Strongest case is health, not cost.")
    health = replace.pro[0]
    assert health.weight == 5
    assert health.cites == (Citation("who-2021", Span(str(FIXTURES / "valid/full.yaml"), 21, 21),
                                     "Air pollution is one of the biggest environmental threats "
                                     "to health.", "p. 3"),)
    assert [s.path for s in health.children()] == ["c1.pro1.pro1", "c1.pro1.con1",
                                                   "c1.pro1.undercut1"]
    assert health.undercut[0].relation is Relation.UNDERCUT
    assert replace.con[0].con[0].ref == "cost"
    who = m.sources["who-2021"]
    assert who == Source(id="who-2021", title="WHO global air quality guidelines",
                         span=who.span, author=("World Health Organization", "Air Quality Unit"),
                         publisher="WHO", date="2021",
                         url="https://www.who.int/publications/i/item/9789240034228",
                         kind="report", note="Summary chapter only.")
    assert m.sources["audit-2024"].author == ("City auditor's office",)
    assert m.sources["audit-2024"].accessed == "2024-05-01"


def test_derived_paths_address_every_statement() -> None:
    m = load_path(FIXTURES / "valid/full.yaml").maps[0]
    paths = [s.path for s in m.walk()]
    assert len(paths) == len(set(paths))
    assert paths[:4] == ["c1", "c1.pro1", "c1.pro1.pro1", "c1.pro1.con1"]
    from argmap.graph import build_graph

    graph = build_graph(m)
    assert graph.positions["grid"] == graph.positions["c1.pro1.con1"] == "grid"
    assert graph.statements[graph.positions["c2"]].id == "wait"


def test_stream_holds_one_map_per_document() -> None:
    result = load_path(FIXTURES / "valid/stream.yaml")
    assert [m.id for m in result.maps] == ["tea", "coffee"]
    assert result.maps[1].span.line == 10


def test_default_map_id_is_the_slugged_file_stem() -> None:
    result = load_text("question: Q?\nclaims:\n  - text: A\n", "/tmp/My Map (v2).yaml")
    assert result.maps[0].id == "my-map-v2-"


def test_cycle_is_allowed() -> None:
    assert check_paths([FIXTURES / "valid/cycle.yaml"]).errors == 0


def test_directory_expands_to_sorted_yaml_files(tmp_path: Path) -> None:
    for name in ("b.yml", "a.yaml", "sub/c.yaml", "notes.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert found == ["a.yaml", "b.yml", "sub/c.yaml"]


def test_null_lists_are_empty_and_null_optional_text_is_absent() -> None:
    result = load_text("question: Q?\ncontext:\nclaims:\n  - text: A\n    pro:\n    by:\n")
    assert result.diagnostics == []
    claim = result.maps[0].claims[0]
    assert (claim.pro, claim.by, result.maps[0].context) == ((), None, None)


def test_text_is_stripped_and_block_scalars_keep_inner_newlines() -> None:
    result = load_text("question: '  Q?  '\nclaims:\n  - text: |\n      one\n      two\n")
    assert result.maps[0].question == "Q?"
    assert result.maps[0].claims[0].text == "one\ntwo"


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    lines = ["question: Q?", "claims:"]
    for depth in range(400):  # 800 YAML levels: under depth.MAX_YAML_DEPTH
        pad = "  " * (2 * depth + 1)
        lines += [f"{pad}- text: level {depth}", f"{pad}  pro:"]
    lines.append("  " * 801 + "- text: bottom")
    result = load_text("\n".join(lines) + "\n", "deep.yaml")
    assert [(d.code, d.span.line) for d in result.diagnostics] == [("too-deep", 403)]


def test_deep_flow_nesting_is_refused_before_libyaml_recurses() -> None:
    result = load_text("question: Q?\nclaims: " + "[" * 100_000 + "]" * 100_000 + "\n", "f.yaml")
    assert [str(d) for d in result.diagnostics] == [
        # the map itself is the first level, so the 1000th bracket is too deep
        "f.yaml:2:1008: error: YAML nested more than 1000 levels deep; argmap reads no deeper "
        "[too-deep]"]


# Most of these texts crashed libyaml's recursive composer (a segfault, not an
# exception), so each runs in its own process: a crash fails the test instead of
# killing pytest. Indented mappings grow with the square of their depth, so
# those stop at 1,500 levels (1 MB): refused all the same.
DEEP = {
    "sequences": ("question: Q?\nclaims:\n" + "- " * 30_000 + "x\n", "f.yaml:3:1999"),
    "mappings": ("".join(" " * i + "a:\n" for i in range(1500)), "f.yaml:1001:1001"),
    "keys": ("? " * 30_000 + "a\n", "f.yaml:1:2001"),
    "mixed": ("a:\n" + "".join(" " * i + "b:\n" for i in range(1, 500)) + " " * 500 + "- "
              * 400 + "[" * 30_000 + "]" * 30_000 + "\n", "f.yaml:501:1401"),
    "cr-lines": ("".join(" " * i + "a:\r" for i in range(1500)), "f.yaml:1001:1001"),
    "mappings-in-sequences": ("".join("  " * i + "- a:\n" for i in range(1, 600)),
                              "f.yaml:501:1003"),
}


@pytest.mark.parametrize("name", DEEP)
def test_deep_block_nesting_is_refused_before_libyaml_recurses(name: str) -> None:
    import subprocess
    import sys

    text, where = DEEP[name]
    script = ("import sys; from argmap.readers.yaml.load import load_text; "
              "print(*load_text(sys.stdin.read(), 'f.yaml').diagnostics, sep='\\n')")
    done = subprocess.run([sys.executable, "-c", script], input=text, capture_output=True,
                          text=True, timeout=60, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (
        0, f"{where}: error: YAML nested more than 1000 levels deep; argmap reads no deeper "
        "[too-deep]\n", "")


def test_a_normal_map_never_reads_events_for_depth() -> None:
    from argmap.readers.yaml.depth import may_be_deep

    text = (FIXTURES / "valid/full.yaml").read_text()
    assert not may_be_deep(text)
    assert not may_be_deep(text.replace("\n", "\n" + " " * 400))  # long indents alone
    assert may_be_deep("\n" + " " * 500 + "a: b\n")


def test_alias_bomb_is_cheap_and_refused() -> None:
    text = "question: Q?\nclaims:\n  - &a\n    text: A\n    pro: [" + ", ".join(["*a"] * 50) + "]\n"
    result = load_text(text, "bomb.yaml")
    assert {d.code for d in result.diagnostics} == {"alias"}
    assert len(result.diagnostics) == 50


def test_warnings_are_warnings() -> None:
    report = check_paths([FIXTURES / "invalid/unused-source.yaml"])
    assert [d.severity for d in report.diagnostics] == [Severity.WARNING]


def test_the_c_parser_is_in_use() -> None:
    from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]

    from argmap.readers.yaml.load import _parser

    assert isinstance(_parser("a: 1\n"), CParser)


def test_libyaml_composes_argmap_nodes_and_the_names_are_put_back() -> None:
    # The loader swaps slim node classes into ruamel.yaml.clib's composer while
    # it composes (loader._lean_nodes); a clib that stopped building nodes
    # through those names would fail here, not silently slow down.
    import _ruamel_yaml
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    from argmap.readers.yaml.load import _compose, _Mapping, _Scalar, _Sequence

    nodes, problem = _compose("a: [!!str 1, 2, {b: ~}]\n", "f.yaml")
    assert problem is None
    [(key, value)] = nodes[0].value
    types: list[type] = [type(nodes[0]), type(key), type(value)]
    assert types == [_Mapping, _Scalar, _Sequence]
    assert [(n.id, n.tag[18:]) for n in value.value] == [
        ("scalar", "str"), ("scalar", "int"), ("mapping", "map")]
    assert value.end_mark.column == 23  # set after the items, as ruamel does
    _compose("a: [1\n", "bad.yaml")  # a syntax error half-way through
    assert (_ruamel_yaml.ScalarNode, _ruamel_yaml.SequenceNode, _ruamel_yaml.MappingNode) == (
        ScalarNode, SequenceNode, MappingNode)


def test_public_api_survives_importing_the_submodules() -> None:
    import argmap
    import argmap.readers.yaml.load  # importing it must not shadow the function argmap.load
    import argmap.rules.format

    result = argmap.load(FIXTURES / "valid/minimal.yaml")
    assert argmap.check(result.maps[0]) == []


ESCAPES = {
    '"x \\uD83D\\uDE00"': "f.yaml:2:20: error: \\uD83D\\uDE00 is a UTF-16 surrogate pair, which "
                          "YAML does not decode; write the character itself (😀) or \\U0001F600 "
                          "[yaml-syntax]",
    '"\\udc00"': "f.yaml:2:18: error: \\udc00 is not a character (a surrogate code, half of a "
                 "UTF-16 pair); write the character itself or its \\U code [yaml-syntax]",
    '"\\U0000D800"': "f.yaml:2:18: error: \\U0000D800 is not a character (a surrogate code, half "
                     "of a UTF-16 pair); write the character itself or its \\U code "
                     "[yaml-syntax]",
    '"\\U00110000"': "f.yaml:2:18: error: \\U00110000 is not a Unicode character [yaml-syntax]",
}


@pytest.mark.parametrize("value", ESCAPES)
def test_surrogate_escapes_are_named_not_called_unclosed_quotes(value: str) -> None:
    result = load_text(f"question: Q?\nclaims: [{{text: {value}}}]\n", "f.yaml")
    assert [str(d) for d in result.diagnostics] == [ESCAPES[value]]


def test_a_lone_surrogate_in_a_string_is_an_encoding_error() -> None:
    # Files are decoded strictly, but load_text is public: a str can hold one.
    for text in ("question: Q?\nclaims: [{text: \ud800}]\n",
                 "question: Q?\nclaims: [{text: \ud800}]\n" + "- " * 600):
        assert [str(d) for d in load_text(text, "f.yaml").diagnostics] == [
            "f.yaml:2:17: error: text holds a lone surrogate (U+D800), which UTF-8 cannot "
            "encode [encoding]"]


@given(st.text("ab\n\r\x85\u2028\u2029", max_size=40))
def test_editor_lines_count_only_newlines_and_carriage_returns(text: str) -> None:
    from argmap.readers.lines import EditorLines

    def positions(breaks: str) -> list[tuple[int, int]]:
        """(line, column) of each character, a \\r\\n counting as one break."""
        found, line, column = [], 0, 0
        for at, char in enumerate(text):
            found.append((line, column))
            column += 1
            if char in breaks and not (char == "\r" and text[at + 1:at + 2] == "\n"):
                line, column = line + 1, 0
        return found

    yaml, editor = positions("\n\r\x85\u2028\u2029"), positions("\n\r")
    mapped = EditorLines(text)
    assert [mapped.position(*p) for p in yaml] == editor


def test_a_bad_byte_is_placed_as_an_editor_shows_it() -> None:
    # Old position: line 1 (only \n counted), column in bytes (é is two).
    data = "question: é\rcontext: ü ".encode() + b"\xff"
    assert [str(d) for d in load_bytes(data, "f.yaml").diagnostics] == [
        "f.yaml:2:12: error: file is not UTF-8 (byte 0xff cannot be decoded); save it as UTF-8 "
        "[encoding]"]
