"""Every invalid fixture gives its diagnostic at the right line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.api import check_paths
from argmap.diagnostics.formats import format_text
from tests.conftest import FIXTURES, INVALID, Golden

# fixture -> (code, line, column) of the diagnostic it exists for
EXPECTED: dict[str, tuple[str, int, int]] = {
    "alias": ("alias", 5, 5),
    "alias-bomb": ("alias", 5, 15),
    "bad-date": ("bad-date", 8, 11),
    "bad-date-format": ("bad-date", 8, 11),
    "bad-id": ("bad-id", 3, 9),
    "bad-url": ("bad-url", 8, 10),
    "bad-version": ("bad-version", 1, 9),
    "bad-weight": ("bad-weight", 6, 17),
    "path-like-id": ("path-like-id", 3, 9),
    "binary": ("binary", 1, 1),
    "citation-missing-source": ("missing-key", 5, 9),
    "colon-in-text": ("yaml-syntax", 3, 15),
    "comment-in-text": ("comment-in-text", 3, 11),
    "complex-key": ("wrong-type", 4, 5),
    "cites-not-list": ("wrong-type", 4, 12),
    "duplicate-id": ("duplicate-id", 5, 9),
    "duplicate-key": ("duplicate-key", 5, 5),
    "duplicate-map-id": ("duplicate-map-id", 6, 1),
    "duplicate-source": ("duplicate-key", 8, 3),
    "duplicate-text": ("duplicate-text", 6, 9),
    "empty": ("empty-file", 1, 1),
    "empty-claims": ("empty-claims", 2, 9),
    "empty-text": ("empty-text", 3, 11),
    "id-number": ("wrong-type", 3, 9),
    "many-problems": ("unknown-key", 4, 5),
    "line-separators": ("unknown-key", 5, 5),
    "merge-key": ("unknown-key", 3, 5),
    "missing-claims": ("missing-key", 1, 1),
    "missing-map-id": ("missing-map-id", 1, 1),
    "missing-question": ("missing-key", 1, 1),
    "misspelt-list-key": ("unknown-key", 5, 5),
    "missing-text": ("missing-key", 3, 5),
    "missing-title": ("missing-key", 7, 5),
    "not-utf8": ("encoding", 1, 14),
    "only-comments": ("empty-file", 1, 1),
    "ref-with-keys": ("ref-with-keys", 8, 9),
    "quote-markup-unclosed": ("quote-markup", 7, 25),
    "quote-markup-crossing": ("quote-markup", 9, 31),
    "quals-needs-version": ("needs-version", 10, 5),
    "statement-not-mapping": ("wrong-type", 3, 5),
    "text-bool": ("wrong-type", 3, 11),
    "top-level-list": ("not-a-map", 1, 1),
    "top-level-scalar": ("not-a-map", 1, 1),
    "undercut-on-claim": ("undercut-on-claim", 5, 9),
    "needs-version": ("needs-version", 6, 9),
    "unknown-speech": ("unknown-speech", 6, 13),
    "unknown-format": ("unknown-format", 3, 9),
    "bad-speech": ("bad-speech", 3, 12),
    "too-few-premises": ("too-few-premises", 7, 11),
    "linked-key": ("linked-key", 9, 13),
    "linked-position": ("linked-position", 16, 13),
    "ref-to-argument": ("ref-to-argument", 13, 14),
    "duplicate-premise": ("duplicate-premise", 14, 18),
    "unknown-key": ("unknown-key", 4, 5),
    "unknown-key-far": ("unknown-key", 4, 5),
    "unknown-ref": ("unknown-ref", 7, 14),
    "unknown-source": ("unknown-source", 4, 13),
    "unused-source": ("unused-source", 5, 3),
    "utf16": ("encoding", 1, 1),
    "utf32": ("encoding", 1, 1),
    "utf32-be": ("encoding", 1, 1),
    "weight-not-number": ("wrong-type", 6, 17),
    "wrong-type-pro": ("wrong-type", 4, 10),
    "yaml-bad-indent": ("yaml-syntax", 4, 4),
    "yaml-tab": ("yaml-syntax", 3, 1),
    "yaml-unclosed-quote": ("yaml-syntax", 1, 11),
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.stem for p in INVALID) == sorted(EXPECTED)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_diagnostic_code_and_position(path: Path) -> None:
    report = check_paths([path])
    found = [(d.code, d.span.line, d.span.column) for d in report.diagnostics]
    assert EXPECTED[path.stem] in found


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_whole_output(path: Path, golden: Golden) -> None:
    report = check_paths([path])
    relative = path.relative_to(FIXTURES.parent.parent)
    text = format_text(report.diagnostics).replace(str(path), str(relative))
    golden(f"check/{path.stem}.txt", text)


def test_many_problems_reports_all_of_them() -> None:
    codes = [d.code for d in check_paths([FIXTURES / "invalid/many-problems.yaml"]).diagnostics]
    assert codes == ["unknown-key", "empty-text", "unknown-ref", "ref-with-keys",
                     "unknown-source", "bad-id"]


STATEMENT = "question: Q?\nclaims:\n  - text: A\n    {}\n"
SOURCE = ("question: Q?\nclaims:\n  - text: A\n    cites: [s]\nsources:\n  s:\n    title: T\n"
          "    {}\n")

# Values that used to raise (exit 3) or mislead, each with its one located diagnostic.
VALUES: dict[str, tuple[str, str]] = {
    "weight: 09": (STATEMENT, "4:13: error: weight 09 starts with 0, which YAML 1.1 reads as "
                   "octal and YAML 1.2 as decimal; write it without the leading zero [bad-weight]"),
    "weight: 017": (STATEMENT, "4:13: error: weight 017 starts with 0, which YAML 1.1 reads as "
                    "octal and YAML 1.2 as decimal; write it without the leading zero "
                    "[bad-weight]"),
    "weight: 00005": (STATEMENT, "4:13: error: weight 00005 starts with 0, which YAML 1.1 reads "
                      "as octal and YAML 1.2 as decimal; write it without the leading zero "
                      "[bad-weight]"),
    "weight: 5_": (STATEMENT, "4:13: error: weight 5_ is not a whole number; write one from 1 to "
                   "5 [bad-weight]"),
    "weight: " + "7" * 5000: (STATEMENT, "4:13: error: weight 777777777777… (5000 characters) is "
                              "outside 1-5 [bad-weight]"),
    "weight: 0x3": (STATEMENT, ""),
    "weight: !!int 3": (STATEMENT, ""),
    "weight: !!int x": (STATEMENT, "4:13: error: `weight` must be a whole number from 1 to 5, "
                        "not the text 'x' [wrong-type]\n"
                        "4:13: error: 'x' is not a valid !!int; remove the tag [yaml-tag]"),
    "weight: 3.0": (STATEMENT, "4:13: error: `weight` must be a whole number from 1 to 5, not "
                    "the number 3.0 [wrong-type]"),
    "weight: .inf": (STATEMENT, "4:13: error: `weight` must be a whole number from 1 to 5, not "
                     "the number .inf [wrong-type]"),
    "weight: true": (STATEMENT, "4:13: error: `weight` must be a whole number from 1 to 5, not "
                     "the boolean true [wrong-type]"),
    "weight: !custom 3": (STATEMENT, "4:13: error: YAML tag !custom is not used in maps; remove "
                          "it [yaml-tag]"),
    "note: !!binary aGk=": (STATEMENT, "4:11: error: YAML tag !!binary is not used in maps; "
                            "remove it [yaml-tag]"),
    "note: !!str 3": (STATEMENT, ""),
    "note: !!str 3\n    by:\n    pro: []\n    weight: 2": (STATEMENT, ""),  # untagged beside
    "by: !!null": (STATEMENT, ""),
    "note: !!timestamp 2024-01-01": (STATEMENT, "4:11: error: `note` must be text, but "
                                     "2024-01-01 reads as the date 2024-01-01; quote it: note: "
                                     '"2024-01-01" [wrong-type]'),
    "pro: !!set {a}": (STATEMENT, "4:10: error: `pro` must be a list, not a mapping "
                       "[wrong-type]\n"
                       "4:10: error: YAML tag !!set is not used in maps; remove it [yaml-tag]"),
    "tags: !<tag:example.org,2024:x> [a]": (STATEMENT, "4:11: error: YAML tag "
                                            "!<tag:example.org,2024:x> is not used in maps; "
                                            "remove it [yaml-tag]"),
    "2024: x": (STATEMENT, "4:5: error: unknown key '2024' in a statement; expected one of text, "
                "id, ref, pro, con, undercut, cites, by, tags, note, weight, side, speech, "
                "scheme, answers [unknown-key]"),
    'url: "http://[::1"': (SOURCE, "8:10: error: 'http://[::1' is not an http(s) URL: invalid "
                           "IPv6 URL [bad-url]"),
    'url: "http://]"': (SOURCE, "8:10: error: 'http://]' is not an http(s) URL: invalid IPv6 "
                        "URL [bad-url]"),
    "url: http://ex\u2100ample.org/": (SOURCE, "8:10: error: 'http://ex\u2100ample.org/' is not "
                                       "an http(s) URL: netloc 'ex\u2100ample.org' contains "
                                       "invalid characters under NFKC normalization [bad-url]"),
    "url: http://ｅｘａｍｐｌｅ．org/": (SOURCE, ""),  # full-width, as browsers accept it
    "date: ２０２４": (SOURCE, "8:11: error: `date` must be a date (YYYY, YYYY-MM or "
                      "YYYY-MM-DD), not the text '２０２４' [bad-date]"),
    "date: !!timestamp 2024-01-02": (SOURCE, ""),
    "date: 2024-01-02 10:00:00": (SOURCE, "8:11: error: `date` must be a date (YYYY, YYYY-MM or "
                                  "YYYY-MM-DD), not the date 2024-01-02 10:00:00 [bad-date]"),
}


@pytest.mark.parametrize("line", VALUES, ids=lambda line: line[:30])
def test_odd_values_get_one_located_diagnostic(line: str) -> None:
    from argmap.readers.yaml.load import load_text

    template, expected = VALUES[line]
    result = load_text(template.replace("{}", line), "v.yaml")
    assert "\n".join(str(d).removeprefix("v.yaml:") for d in result.diagnostics) == expected


@pytest.mark.parametrize("claims", ["null", "~", "", "[]"])
def test_claims_without_items_are_refused(claims: str) -> None:
    from argmap.readers.yaml.load import load_text

    result = load_text(f"question: Q?\nclaims: {claims}\n", "v.yaml")
    assert [str(d) for d in result.diagnostics] == [
        "v.yaml:2:9: error: `claims` needs at least one claim [empty-claims]"] if claims else [
        "v.yaml:2:7: error: `claims` needs at least one claim [empty-claims]"]


def test_a_misspelt_list_key_beside_the_real_one_is_only_reported() -> None:
    from argmap.readers.yaml.load import load_text

    text = "question: Q?\nclaims:\n  - text: A\n    Pro:\n      - text: ''\n    pro: []\n"
    assert [str(d) for d in load_text(text, "f.yaml").diagnostics] == [
        "f.yaml:4:5: error: unknown key 'Pro' in a statement; did you mean 'pro'? [unknown-key]"]


COMMENTS = {
    "text: Option #2 is cheaper": "warning: `text` ends at ' #': YAML reads the rest of the line "
                                  'as a comment; quote the text: text: "Option #2 is cheaper" '
                                  "[comment-in-text]",
    "text: A  # a note, with a space after #": "",  # reads as a deliberate comment
    'text: "Option #2 is cheaper"': "",
    "text: Option\t#2": "warning: `text` ends at ' #': YAML reads the rest of the line as a "
                        # shown as \t: a diagnostic is one visible line
                        'comment; quote the text: text: "Option\\t#2" [comment-in-text]',
    'by: The "Option" #1 fan': "warning: `by` ends at ' #': YAML reads the rest of the line as a "
                               "comment; quote the text: by: 'The \"Option\" #1 fan' "
                               "[comment-in-text]",
    "tags: [a, b] #c": "",  # the comment follows the list, not a text
    "note: x#y": "",  # no space before #: part of the text
}


@pytest.mark.parametrize("line", COMMENTS)
def test_a_comment_that_looks_like_text_warns(line: str) -> None:
    from argmap.readers.yaml.load import load_text

    text = f"question: Q?\nclaims:\n  - {line}\n" + ("" if "text" in line else "    text: A\n")
    result = load_text(text, "c.yaml")
    assert "\n".join(str(d).split(": ", 1)[1] for d in result.diagnostics) == COMMENTS[line]


def test_a_misspelt_required_key_is_reported_once_and_read_as_meant() -> None:
    from argmap.readers.yaml.load import load_text

    text = ("Question: yes\nclaims:\n  - Text: A\n    cites: [{sorce: s, quote: q}]\nsources:\n"
            "  s: {Title: T}\n")
    assert [str(d) for d in load_text(text, "f.yaml").diagnostics] == [
        "f.yaml:1:1: error: unknown key 'Question' in a map; did you mean 'question'? "
        "[unknown-key]",
        "f.yaml:1:11: error: `question` must be text, but yes reads as the boolean yes (in YAML "
        '1.1); quote it: question: "yes" [wrong-type]',
        "f.yaml:3:5: error: unknown key 'Text' in a statement; did you mean 'text'? [unknown-key]",
        "f.yaml:4:14: error: unknown key 'sorce' in a citation; did you mean 'source'? "
        "[unknown-key]",
        "f.yaml:6:7: error: unknown key 'Title' in source 's'; did you mean 'title'? "
        "[unknown-key]"]
