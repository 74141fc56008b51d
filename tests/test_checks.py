"""Map-level rules on maps built in Python."""

from __future__ import annotations

import sys

from hypothesis import example, given
from hypothesis import strategies as st

from argmap.model import (
    ArgumentMap,
    Citation,
    Relation,
    Source,
    Span,
    Statement,
    single_spaced,
)
from argmap.rules.format import check


def at(line: int) -> Span:
    return Span("m.yaml", line, 1)


def claim(line: int, text: str, **kw: object) -> Statement:
    return Statement(path=f"c{line}", relation=Relation.CLAIM, span=at(line), text=text,
                     **kw)  # type: ignore[arg-type]


def messages(m: ArgumentMap) -> list[str]:
    return [str(d) for d in check(m)]


def test_clean_map_has_no_diagnostics() -> None:
    m = ArgumentMap("m", "Q?", at(1), (claim(2, "A", id="a"),))
    assert messages(m) == []


def test_duplicate_id_points_at_the_second_one() -> None:
    m = ArgumentMap("m", "Q?", at(1), (claim(2, "A", id="a", id_span=at(2)),
                                        claim(3, "B", id="a", id_span=Span("m.yaml", 3, 9))))
    assert messages(m) == ["m.yaml:3:9: error: id 'a' is already used on line 2; to reuse that "
                           "statement here, write `ref: a` [duplicate-id]"]


def test_unknown_ref_suggests_the_closest_id() -> None:
    ref = Statement(path="c2.con1", relation=Relation.CON, span=at(4), ref="braod")
    m = ArgumentMap("m", "Q?", at(1), (claim(2, "A", id="broad"), claim(3, "B", con=(ref,))))
    assert messages(m) == ["m.yaml:4:1: error: ref 'braod' names no statement in this map; "
                           "did you mean 'broad'? [unknown-ref]"]


def test_unknown_source_and_unused_source() -> None:
    m = ArgumentMap("m", "Q?", at(1), (claim(2, "A", cites=(Citation("nyt", at(3)),)),),
                    sources={"nyt-2020": Source("nyt-2020", "T", at(5))})
    assert messages(m) == [
        "m.yaml:3:1: error: source 'nyt' is not listed under `sources`; did you mean "
        "'nyt-2020'? [unknown-source]",
        "m.yaml:5:1: warning: source 'nyt-2020' is never cited [unused-source]"]


def test_undercut_on_claim() -> None:
    cut = Statement(path="c2.undercut1", relation=Relation.UNDERCUT, span=at(4), text="U")
    m = ArgumentMap("m", "Q?", at(1), (claim(2, "A", undercut=(cut,)),))
    assert [d.code for d in check(m)] == ["undercut-on-claim"]


def test_duplicate_text_ignores_case_and_spacing() -> None:
    m = ArgumentMap("m", "Q?", at(1), (claim(2, "Same  words", id="s"), claim(3, "same words")))
    assert messages(m) == ["m.yaml:3:1: warning: same text as the statement on line 2; to reuse "
                           "it, write `ref: s` here [duplicate-text]"]


def test_duplicate_link_points_at_the_second_listing() -> None:
    def ref(line: int, name: str, kind: Relation = Relation.PRO) -> Statement:
        return Statement(path=f"c2.pro{line}", relation=kind, span=at(line), ref=name)

    premise = Statement(path="c2.pro1", relation=Relation.PRO, span=at(3), text="B", id="b")
    other = Statement(path="c2.con1", relation=Relation.CON, span=at(6), ref="b")
    m = ArgumentMap("m", "Q?", at(1), (
        claim(2, "A", pro=(premise, ref(4, "b"), ref(5, "b")), con=(other,)),))
    assert messages(m) == [
        "m.yaml:4:1: warning: 'b' is already a `pro` of this statement (line 3); one link "
        "says it once, so remove this one [duplicate-link]",
        "m.yaml:5:1: warning: 'b' is already a `pro` of this statement (line 3); one link "
        "says it once, so remove this one [duplicate-link]"]


def test_duplicate_text_treats_every_kind_of_space_alike() -> None:
    texts = ["Same words", "same\u00a0words", "same\twords", "same \u2003 words", "same\nwords"]
    m = ArgumentMap("m", "Q?", at(1), tuple(claim(n, t) for n, t in enumerate(texts, 2)))
    assert [d.span.line for d in check(m)] == [3, 4, 5, 6]


def test_single_spaced_is_split_and_join() -> None:
    # The shortcut in single_spaced must see every character str.split breaks on.
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert len(spaces) == 29
    assert [hex(ord(c)) for c in spaces for text in (f"a{c}b", f"{c}a", f"a{c}", f"a {c}b")
            if single_spaced(text) != " ".join(text.split())] == []
    assert [single_spaced(t) for t in ("Le débat, 2008", "a  b", " a", "a ")] == [
        "Le débat, 2008", "a b", "a", "a"]


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30)
       | st.text(alphabet=st.sampled_from(" \t\n\u00a0\u2003\u3000ab"), max_size=12))
@example("a\u2028b")
@example("a \u00a0b")
@example(" a")
def test_single_spaced_matches_split_and_join(text: str) -> None:
    assert single_spaced(text) == " ".join(text.split())


@given(st.lists(st.text(alphabet=st.sampled_from(" \t\x1cAaBb\u00e9\u00c9\0"), max_size=5),
                max_size=6))
@example(["A b", "a  B"])
@example(["a\0b", "a", "b"])
def test_texts_told_apart_quickly_have_different_keys(texts: list[str]) -> None:
    """duplicate-text's quick test never hides two texts with one key."""
    from argmap.model import text_key
    from argmap.rules.format import _all_differ

    if _all_differ(texts):
        assert len({text_key(t) for t in texts}) == len(texts)


def test_linked_argument_ids_get_hints_that_work() -> None:
    from argmap.readers.yaml.load import load_text

    text = ("argmap: 1.1\nquestion: Q?\nclaims:\n  - text: C.\n    pro:\n      - id: arg\n"
            "        premises:\n          - text: A.\n          - ref: arg\n"
            "      - id: arg\n        text: B.\n")
    found = [(d.span.line, d.code, d.message) for d in check(load_text(text, "m.yaml").maps[0])]
    assert found == [
        (9, "ref-to-argument", "ref 'arg' names a linked argument, not a statement; give the "
         "premise you mean an `id` and ref that"),  # never "ref one of its premises (arg)"
        (10, "duplicate-id", "id 'arg' is already used on line 6; statements and linked "
         "arguments share one set of ids, so give one of them another id")]  # not `ref: arg`


def test_the_same_text_twice_in_one_argument_is_not_advised_to_become_a_ref() -> None:
    # a ref to a sibling premise would be duplicate-premise: say to remove one instead
    from argmap.readers.yaml.load import load_text

    text = ("argmap: 1.1\nquestion: Q?\nclaims:\n  - text: C.\n    pro:\n      - premises:\n"
            "          - text: Same words.\n          - text: Same words.\n"
            "      - text: Same words.\n")
    found = [(d.span.line, d.message) for d in check(load_text(text, "m.yaml").maps[0])]
    assert found == [
        (8, "same text as the premise on line 7 of this linked argument; a premise holds up "
            "the argument once, so remove one"),
        (9, "same text as the statement on line 7; to reuse it, give that statement an `id` "
            "and write `ref: <its id>` here")]
