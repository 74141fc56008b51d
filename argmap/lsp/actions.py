"""Code actions and formatting: the fixes ``check``'s messages already spell out, as edits.

- the "did you mean" of ``unknown-key``, ``unknown-ref``, ``unknown-source`` and
  ``unknown-side``, the ``try '...'`` of ``bad-id``, and the id ``path-like-id``
  suggests: the name replaced;
- "quote this value" for text cut at ``: `` (``yaml-syntax``) or `` #``
  (``comment-in-text``), and for a value read as a number or boolean
  (``wrong-type``): the quoting the message proposes;
- "add a source stub" for ``unknown-source``: an entry under ``sources``;
- "answer this rebuttal" on a ``con`` or ``undercut``: a ``con`` item under it.

Insertions are :mod:`argmap.edit`'s, so they are indented as the file is; every
action is one edit covering only the characters that change.
"""

from __future__ import annotations

import re

from lsprotocol import types as t

from argmap.diagnostics import Diagnostic
from argmap.lsp.analysis import Analysis
from argmap.lsp.features import diagnostic_range, lsp_range

_SUGGESTION = re.compile(r"did you mean '([^']+)'\?|; try '([^']+)'$|such as '([^']+)'$")
_QUOTE_TEXT = re.compile(r"quote the text: (.*)$")
_QUOTE_IT = re.compile(r"quote it: [\w-]+: (\".*\")$")
_UNKNOWN_SOURCE = re.compile(r"source '(.+)' is not listed under `sources`")
#: what "answer this rebuttal" writes: a placeholder the author replaces
ANSWER_PLACEHOLDER = "TODO: answer this rebuttal"
#: the title of a source stub, to be replaced
STUB_TITLE = "TODO: the title of this source"


def code_actions(analysis: Analysis, uri: str, selection: t.Range) -> list[t.CodeAction]:
    """The fixes for the diagnostics touching ``selection`` or starting on its lines (a
    cursor anywhere on the line of a problem is offered its fix), and the edits for the
    statement at its start."""
    actions = []
    for d in analysis.diagnostics:
        where = diagnostic_range(analysis.lines, d)
        on_lines = selection.start.line <= where.start.line <= selection.end.line
        if not on_lines and (_before(where.end, selection.start)
                             or _before(selection.end, where.start)):
            continue
        actions.extend(_fixes(analysis, uri, d, where))
    answer = _answer(analysis, uri, selection.start)
    if answer is not None:
        actions.append(answer)
    return actions


def _before(a: t.Position, b: t.Position) -> bool:
    return (a.line, a.character) < (b.line, b.character)


def _fixes(analysis: Analysis, uri: str, d: Diagnostic, where: t.Range) -> list[t.CodeAction]:
    lsp = _lsp_diagnostic(d, where)
    found = []
    suggestion = _SUGGESTION.search(d.message)
    if suggestion is not None:
        new = next(g for g in suggestion.groups() if g is not None)
        found.append(_action(f"Change to '{new}'", uri, [t.TextEdit(where, new)], lsp,
                             preferred=True))
    quoting = _quote_edit(analysis, d, where)
    if quoting is not None:
        found.append(_action("Quote this value", uri, [quoting], lsp, preferred=True))
    unknown = _UNKNOWN_SOURCE.match(d.message)
    if d.code == "unknown-source" and unknown is not None:
        stub = _source_stub(analysis, unknown.group(1), d)
        if stub is not None:
            found.append(_action(f"Add a source stub '{unknown.group(1)}' under `sources`",
                                 uri, [stub], lsp))
    return found


def _action(title: str, uri: str, edits: list[t.TextEdit], diagnostic: t.Diagnostic | None,
            preferred: bool = False) -> t.CodeAction:
    return t.CodeAction(title=title, kind=t.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic] if diagnostic is not None else None,
                        is_preferred=preferred or None,
                        edit=t.WorkspaceEdit(changes={uri: edits}))


def _lsp_diagnostic(d: Diagnostic, where: t.Range) -> t.Diagnostic:
    from argmap.lsp.features import _SEVERITY

    return t.Diagnostic(range=where, message=d.message, severity=_SEVERITY[d.severity],
                        code=d.code, source="argmap")


def _quote_edit(analysis: Analysis, d: Diagnostic, where: t.Range) -> t.TextEdit | None:
    """The value quoted as the message proposes, from where it starts to the end of its line."""
    lines = analysis.lines
    number = where.start.line
    line = lines.line(number)
    start_column = lines.offset(number, where.start.character) - lines.starts[number]
    whole = _QUOTE_TEXT.search(d.message)
    if whole is not None and d.code in ("yaml-syntax", "comment-in-text"):
        fix = whole.group(1)
        if fix[:1] not in "\"'":  # `key: "value"`: the value starts after that key
            key, _, fix = fix.partition(": ")
            found = re.search(rf"(?:^|[\s-]){re.escape(key)}:[ \t]+", line)
            if found is None:
                return None
            start_column = found.end()
        end_column = len(line.rstrip())
        if end_column <= start_column:
            return None
        begin = lines.starts[number]
        return t.TextEdit(lsp_range(lines, begin + start_column, begin + end_column), fix)
    value = _QUOTE_IT.search(d.message)
    if value is not None and d.code == "wrong-type":
        return t.TextEdit(where, value.group(1))
    return None


def _source_stub(analysis: Analysis, name: str, d: Diagnostic) -> t.TextEdit | None:
    from argmap.edit.operations import add_source
    from argmap.errors import ArgmapError
    from argmap.readers.yaml.source import YAMLSyntaxError

    argmap = analysis.map_at(d.span.line - 1)
    several = len(analysis.maps) > 1
    try:
        new = add_source(analysis.text, name, {"title": STUB_TITLE},
                         argmap.id if several and argmap is not None else None)
    except (ArgmapError, YAMLSyntaxError):
        return None
    return difference(analysis, new)


def _answer(analysis: Analysis, uri: str, at: t.Position) -> t.CodeAction | None:
    """"Answer this rebuttal" on the innermost ``con`` or ``undercut`` holding ``at``."""
    from argmap.edit.operations import add_statement
    from argmap.edit.write import NewStatement
    from argmap.errors import ArgmapError
    from argmap.readers.yaml.source import YAMLSyntaxError, content_end, get

    index = analysis.index
    if index is None:
        return None
    offset = analysis.lines.offset(at.line, at.character)
    # An item starts at the start of its line: a cursor on its `- ` is in it.
    inside = [spot for spot in index.located
              if index.parsed.line_start(spot.node.start_mark.index) <= offset
              <= content_end(index.parsed, spot.node)]
    if not inside:
        return None
    spot = inside[-1]  # depth-first order: the last one holding the cursor is innermost
    if spot.key not in ("con", "undercut") or spot.linked or get(spot.node, "ref") is not None:
        return None
    argmap = analysis.map_of_document(spot.document)
    several = len(analysis.maps) > 1
    try:
        new = add_statement(analysis.text, NewStatement(ANSWER_PLACEHOLDER),
                            spot.id or spot.path, "con",
                            argmap.id if several and argmap is not None else None)
    except (ArgmapError, YAMLSyntaxError):
        return None
    edit = difference(analysis, new)
    if edit is None:
        return None
    what = "rebuttal" if spot.key == "con" else "undercut"
    return t.CodeAction(title=f"Answer this {what} (add a con under {spot.id or spot.path})",
                        kind=t.CodeActionKind.Refactor,
                        edit=t.WorkspaceEdit(changes={uri: [edit]}))


def difference(analysis: Analysis, new: str) -> t.TextEdit | None:
    """One edit turning the analysed text into ``new``: only the span that differs."""
    old = analysis.text
    if old == new:
        return None
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    # Never split a CRLF pair: LSP positions cannot point between \r and \n.
    if start and old[start - 1] == "\r" and start < len(old) and old[start] == "\n":
        start -= 1
    if end_old < len(old) and old[end_old - 1:end_old + 1] == "\r\n":
        end_old, end_new = end_old + 1, end_new + 1
    return t.TextEdit(lsp_range(analysis.lines, start, end_old), new[start:end_new])


def formatting(analysis: Analysis) -> list[t.TextEdit]:
    """``argmap fmt``'s canonical layout as edits (none when it is formatted already).

    Raises:
        FormatError: when fmt would refuse the file (errors, or no canonical layout).
    """
    from argmap.edit.fmt import format_map

    edit = difference(analysis, format_map(analysis.text, analysis.file))
    return [] if edit is None else [edit]
