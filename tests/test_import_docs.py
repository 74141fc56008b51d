"""docs/imports.md names every count the Kialo and AIF imports can put in ``import-dropped``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from argmap.readers import aif, assemble, kialo, kialo_text, same_text
from tests.conftest import TESTS

DOC = (TESTS.parent / "docs/imports.md").read_text()
#: every fixed label those readers count under (labels built from a node kind are
#: documented by example: `PA-nodes`, `RA-nodes aimed at a CA-node`)
LABELS = [kialo_text.NOT_WEB, kialo_text.NO_SOURCE, kialo_text.BEFORE_SOURCES,
          kialo.QUESTION_CITES, kialo.OTHER_QUESTION, same_text.SAME_TEXT, same_text.OTHER_SPEAKER,
          assemble.UNDERCUT_OF_REF, aif.REPHRASE, aif.I_TO_I, aif.LINKED_UNDERCUT, aif.SCHEME,
          aif.ANALYSED, aif.REPEATED, aif.MALFORMED, *aif._DIALOGUE.values(),
          "I-nodes without text", "edges to or from no node",
          "CA-nodes aimed at a step that was left out"]


@pytest.mark.parametrize("label", LABELS)
def test_every_count_is_documented(label: str) -> None:
    assert f"`{label}`" in DOC.replace("``", "`")


def test_the_readers_count_nothing_else() -> None:
    # a new draft.dropped["…"] literal in these readers must be added to LABELS and the doc
    for module in (aif, kialo, kialo_text):
        source = Path(module.__file__ or "").read_text()
        for literal in re.findall(r'dropped\["([^"]+)"\]', source):
            assert literal in LABELS, (module.__name__, literal)
