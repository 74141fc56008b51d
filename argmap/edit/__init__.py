"""Writing maps: new, add, rm, mv, fmt and watch.

Edits work on the file's text, never on a re-dumped tree: an edit splices lines in
or out, so every byte it does not touch stays as it was. The positions come from
the canonical reader's lines for a map in fmt's layout (:mod:`argmap.edit.canonical`,
which the check before the edit has read already), and from composing the YAML with
libyaml (:mod:`argmap.readers.yaml.source`) for anything else.
"""

from __future__ import annotations


def with_lf(text: str) -> tuple[str, bool]:
    """The text with classic Mac line endings (a lone ``\\r``) as ``\\n``, and whether it had
    them: edits and ``fmt`` work on ``\\n`` or ``\\r\\n`` lines and give the file's own back."""
    cr_only = "\r" in text and "\n" not in text
    return (text.replace("\r", "\n"), True) if cr_only else (text, False)


def with_cr(text: str, cr_only: bool) -> str:
    """The edited text with the file's own lone-``\\r`` line endings back (see :func:`with_lf`)."""
    return text.replace("\n", "\r") if cr_only else text
