"""Every diagnostic code, once: its severity, a one-line summary, and its group.

``check --select/--ignore`` reads the groups; docs/format.md's code table is
checked against this dict in both directions, and a test scans the sources so
that every ``error("…")``/``warning("…")`` uses a code listed here
(tests/test_codes.py). The codes are stable: editors and CI match on them.

Errors belong to no group: they mean a file cannot be read as a map, so they
are always reported. Warnings are in ``default`` (reported without options),
``debate`` (opt-in, ``check --select debate``) or ``flow`` (opt-in, ``check
--select flow``: a round's drops and extensions).
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.diagnostics import Severity

E, W = Severity.ERROR, Severity.WARNING


class Code(NamedTuple):
    """One diagnostic code."""

    severity: Severity
    summary: str
    group: str = ""  # "default", "debate" or "flow" for a warning; "" for an error


CODES: dict[str, Code] = {
    # reading the file
    "yaml-syntax": Code(E, "the file is not valid YAML"),
    "duplicate-key": Code(E, "the same key twice in one mapping"),
    "encoding": Code(E, "the file is not UTF-8"),
    "binary": Code(E, "the file holds NUL bytes: not a text file"),
    "unreadable": Code(E, "the file could not be read"),
    "too-large": Code(E, "the file is larger than --max-bytes"),
    "not-a-file": Code(E, "the path is a pipe, a device or a socket, not a regular file"),
    "empty-file": Code(E, "the file holds no document, or only comments"),
    "not-a-map": Code(E, "a document is a list or a scalar instead of a mapping"),
    # the format's keys and values
    "unknown-key": Code(E, "a key the format does not have"),
    "wrong-type": Code(E, "a value of the wrong kind"),
    "missing-key": Code(E, "a required key is missing"),
    "empty-text": Code(E, "`text` or `question` is empty"),
    "empty-claims": Code(E, "`claims` has no items"),
    "bad-id": Code(E, "an id that is not a slug"),
    "path-like-id": Code(E, "a statement id shaped like a derived path (c2.pro1)"),
    "bad-version": Code(E, "`argmap:` is not 1 or 1.1"),
    "bad-weight": Code(E, "`weight` is not a whole number from 1 to 5"),
    "bad-date": Code(E, "not YYYY, YYYY-MM or YYYY-MM-DD, or not a calendar date"),
    "bad-url": Code(E, "not an absolute http(s) URL"),
    "yaml-tag": Code(E, "an explicit YAML tag other than !!str, or one that does not fit"),
    "ref-with-keys": Code(E, "a `ref` item with a key of the statement, not of its step"),
    "alias": Code(E, "a YAML alias that would repeat a value"),
    "too-deep": Code(E, "nesting beyond the limits"),
    "missing-map-id": Code(E, "a file with several documents where one has no `id`"),
    "duplicate-map-id": Code(E, "two maps with the same `id`"),
    # reading Argdown, Kialo and AIF (argmap.readers)
    "kialo-syntax": Code(E, "a Kialo export argmap cannot read"),
    "aif-syntax": Code(E, "an AIF file argmap cannot read"),
    "argdown-syntax": Code(E, "an Argdown file argmap cannot read"),
    "json-syntax": Code(E, "an argmap JSON export argmap cannot read"),
    "verbatim-syntax": Code(E, "a Word (.docx) file argmap cannot read"),
    # across the map
    "duplicate-id": Code(E, "two statements with the same `id`"),
    "unknown-ref": Code(E, "a `ref` to an id no statement has"),
    "unknown-source": Code(E, "a citation of a source not under `sources`"),
    "undercut-on-claim": Code(E, "`undercut` on a claim, which has no inference to attack"),
    # linked arguments (format 1.1)
    "needs-version": Code(E, "a key of a later format version than the map declares"),
    "duplicate-side": Code(E, "a side listed twice in `sides`"),
    "unknown-side": Code(E, "a claim's `side` that is not one of the map's `sides`"),
    "side-position": Code(E, "`side` on a statement that is not a claim"),
    "bad-semantics": Code(E, "`semantics` that is not grounded or weighed"),
    "quote-markup": Code(E, "unbalanced or crossing quote markup (format 1.2)"),
    "unknown-format": Code(E, "a `format` that names no known speech order"),
    "bad-speech": Code(E, "an item of `speeches` argmap cannot place: no side, a bad time, "
                       "listed twice"),
    "unknown-speech": Code(E, "a `speech` that is not one of the round's speeches"),
    "too-few-premises": Code(E, "a linked argument with fewer than two premises"),
    "linked-key": Code(E, "a key on the wrong level of a linked argument"),
    "linked-position": Code(E, "`premises` on a claim, an undercut or a premise"),
    "ref-to-argument": Code(E, "a `ref` to a linked argument's id"),
    "duplicate-premise": Code(E, "the same statement twice in one linked argument"),
    # argument schemes and critical questions (format 1.2)
    "scheme-position": Code(E, "`scheme` or `answers` where there is no step: on a claim, or "
                            "`scheme` on an undercut"),
    "unknown-scheme": Code(E, "a `scheme` the catalogue does not have (`argmap schemes`)"),
    "unknown-question": Code(E, "an `answers` id that is no critical question of the "
                             "catalogue"),
    "answers-elsewhere": Code(E, "`answers` naming a question of a scheme the step above does "
                              "not use"),
    # projects (format 1.2): names that cross files, the project file
    "unknown-map": Code(E, "a qualified name (MAP-ID/ID) of a map the project does not have"),
    "outside-project": Code(E, "a name that would read a file outside the project root"),
    "library-cycle": Code(E, "a library that names a map which names the library back"),
    "project-file": Code(E, "a project file (argmap.toml) that is not valid TOML or has a "
                         "bad key or value"),
    # warnings check reports without options
    "unused-source": Code(W, "a source that nothing cites", "default"),
    "comment-in-text": Code(W, "a ' #' comment right after unquoted text", "default"),
    "duplicate-text": Code(W, "two statements with the same text", "default"),
    "duplicate-link": Code(W, "one statement listed twice as the same kind of premise of one "
                           "parent", "default"),
    "import-dropped": Code(W, "an imported file held what the format cannot (one summary)",
                           "default"),
    # the debate rules (argmap.rules.debate), opt-in
    "unanswered-attack": Code(W, "a `con` or `undercut` that nothing answers (no `con` under "
                              "it, no `undercut` of its step); with --for SIDE, only attacks "
                              "on SIDE (was unanswered-rebuttal, which still selects it)",
                              "debate"),
    "bare-claim": Code(W, "a claim with no standing support: no `pro` that stands and no "
                       "citation of its own; with --for SIDE, only SIDE's claims", "debate"),
    "standing-attack": Code(W, "with --for SIDE: an attack on SIDE that stands although SIDE "
                            "answered it (every answer falls): the block that loses the round",
                            "debate"),
    "uncited-evidence": Code(W, "a premise with nothing below it and no citation: evidence "
                             "nobody can check", "debate"),
    "self-support": Code(W, "a statement that `ref`s itself (or a statement it supports) as "
                         "its own `pro` premise: circular", "debate"),
    "no-side": Code(W, "a claim with no `side` (nor `speech`) in a map with sides: what is "
                    "argued under it counts for neither side in brief, flow and --for",
                    "debate"),
    # the critical-question rules (argmap.rules.schemes), opt-in: check --select schemes
    "open-critical-question": Code(W, "a critical question of a step's scheme that nothing "
                                   "answers", "schemes"),
    "hole-to-close": Code(W, "with --for: an open critical question on one of our own steps",
                          "schemes"),
    "question-to-ask": Code(W, "with --for: an open critical question on the other side's "
                            "step, to ask in cross-examination", "schemes"),
    # the flow rules (argmap.rules.flow), opt-in: a round's speeches and what each answered
    "dropped": Code(W, "an argument the side it attacks had a later speech to answer, and "
                    "answered in none", "flow"),
    "not-extended": Code(W, "an argument its side did not say again (a `ref` with a `speech`) "
                         "in its last speech", "flow"),
}


def group(name: str) -> tuple[str, ...]:
    """The codes of one group (``default``, ``debate``), in registry order."""
    return tuple(code for code, info in CODES.items() if info.group == name)
