"""An Argdown argument with a description and a premise-conclusion structure.

The Argdown CLI reads ``<A>: description`` and the structure below ``<A>`` as
ONE argument. The import represents it by its structure: several premises
are one linked argument whose id is the title and whose note is the
description; one premise is an ordinary item, its description counted as
left out. The description never becomes a statement of its own (found by a
user test: it was imported as an extra premise beside the linked argument,
or as a stray claim). tests/test_import_argdown.py compares the corpus file
with the CLI's reading; here are the exact YAML and the shapes.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from argmap.readers import READERS
from tests.conftest import TESTS, Golden
from tests.test_import_linked import imported

CORPUS = Path("tests") / "corpus"  # relative: the golden header names the file


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(TESTS.parent)


def test_described_pcs_golden(tmp_path: Path, golden: Golden) -> None:
    said, text = imported(tmp_path, CORPUS / "argdown" / "described-pcs.argdown")
    golden("import/argdown-described-pcs.yaml", text)
    assert said.splitlines() == [
        "tests/corpus/argdown/described-pcs.argdown:1:1: warning: argdown import left out or "
        "changed what format 1.1 cannot hold: descriptions of reconstructed arguments with "
        "one premise: 1 [import-dropped]",
        f"argmap: wrote {tmp_path / 'out.yaml'}"]


#: the user test's file: the description on the relation line, the structure below
#: the bare title, concluding the statement it supports
ON_THE_RELATION_LINE = """\
# Should the centre close?

[Close]: Close the centre to cars.
  <+ <Gridlock>: Closing does not cause gridlock.

<Gridlock>

(1) Most displaced trips vanish.
(2) The rest move to transit.
----
(3) [Close]
"""


def test_a_described_argument_is_its_linked_argument() -> None:
    result = READERS["argdown"].read(ON_THE_RELATION_LINE, "u.argdown")
    (m,) = result.maps
    (close,) = m.claims
    (argument,) = close.pro  # one pro, not a premise with the description beside it
    assert (argument.id, argument.note, argument.text) == (
        "gridlock", "Closing does not cause gridlock.", "")
    assert [p.text for p in argument.premises] == [
        "Most displaced trips vanish.", "The rest move to transit."]
    assert result.dropped == Counter()


def test_a_description_on_the_definition_line_is_no_stray_claim() -> None:
    text = ON_THE_RELATION_LINE.replace(
        "  <+ <Gridlock>: Closing does not cause gridlock.\n\n<Gridlock>\n",
        "\n<Gridlock>: Closing does not cause gridlock.\n")
    (m,) = READERS["argdown"].read(text, "u.argdown").maps
    (close,) = m.claims  # the description was a second claim
    ((argument_id, note),) = [(s.id, s.note) for s in close.pro]
    assert (argument_id, note) == ("gridlock", "Closing does not cause gridlock.")


def test_one_premise_keeps_its_own_text_and_counts_the_description() -> None:
    text = "[Close]: Close it.\n\n<Quiet>: It gets quieter.\n\n(1) Less noise.\n----\n(2) [Close]\n"
    result = READERS["argdown"].read(text, "q.argdown")
    (m,) = result.maps
    (close,) = m.claims
    assert [(s.text, s.note, s.premises) for s in close.pro] == [("Less noise.", None, ())]
    assert result.dropped == Counter(
        {"descriptions of reconstructed arguments with one premise": 1})


def test_a_speaker_of_a_reconstructed_argument_is_counted() -> None:
    text = ON_THE_RELATION_LINE.replace(
        "  <+ <Gridlock>: Closing does not cause gridlock.\n\n<Gridlock>\n",
        '\n<Gridlock>: Closing does not cause gridlock. {"by": "Ann"}\n')
    result = READERS["argdown"].read(text, "u.argdown")
    (m,) = result.maps
    assert [s.id for s in m.claims[0].pro] == ["gridlock"]
    assert result.dropped == Counter({"data 'by'": 1})
