"""Map-level checks: one small pure function per rule.

The loader has already checked each value on its own; these rules look across
the map: ids, references, citations, and things an author probably did not mean.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from argmap.diagnostics import Diagnostic, did_you_mean, error, warning
from argmap.model import ArgumentMap, Relation, Statement, text_key

if TYPE_CHECKING:
    from argmap.readers import ReadResult
    from argmap.speeches import MapDefaults


class MapIndex(NamedTuple):
    """What several rules need, computed once per map."""

    map: ArgumentMap
    statements: tuple[Statement, ...]
    ids: dict[str, Statement]
    #: every source id a citation names (each rule that needs it would walk the map again)
    cited: frozenset[str]
    #: every ``ref`` written in the map
    refs: frozenset[str]

    @classmethod
    def of(cls, argmap: ArgumentMap) -> MapIndex:
        """Index a map: every statement, the first statement for each explicit id, the
        sources cited and the refs written."""
        statements = tuple(argmap.walk())
        ids: dict[str, Statement] = {}
        for statement in statements:
            if statement.id is not None:
                ids.setdefault(statement.id, statement)
        cited = frozenset([c.source for s in statements if s.cites for c in s.cites])
        refs = frozenset([s.ref for s in statements if s.ref is not None])
        return cls(argmap, statements, ids, cited, refs)

    @property
    def crossing(self) -> bool:
        """Whether the map names another map's statement or source (``MAP-ID/ID``)."""
        return any("/" in name for name in self.refs) or any("/" in s for s in self.cited)


Rule = Callable[[MapIndex], Iterator[Diagnostic]]


def duplicate_ids(index: MapIndex) -> Iterator[Diagnostic]:
    """An id names one statement only."""
    for statement in index.statements:
        first = index.ids.get(statement.id) if statement.id is not None else None
        if first is not None and first is not statement:
            span = statement.id_span or statement.span
            if first.premises or statement.premises:  # a ref cannot hold an argument
                yield error("duplicate-id", f"id '{statement.id}' is already used on line "
                            f"{first.span.line}; statements and linked arguments share one "
                            "set of ids, so give one of them another id", span)
                continue
            yield error("duplicate-id", f"id '{statement.id}' is already used on line "
                        f"{first.span.line}; to reuse that statement here, write `ref: "
                        f"{statement.id}`", span)


def unknown_refs(index: MapIndex) -> Iterator[Diagnostic]:
    """A ref names an existing statement id (a linked argument's id is not a statement's)."""
    for statement in index.statements:
        if statement.ref is None or "/" in statement.ref:  # MAP-ID/ID: argmap.project
            continue
        target = index.ids.get(statement.ref)
        if target is None:
            hint = did_you_mean(statement.ref, index.ids) or (
                "; give the statement you mean an `id`")
            yield error("unknown-ref", f"ref '{statement.ref}' names no statement in this map"
                        f"{hint}", statement.span)
        elif target.premises:
            named = [name for p in target.premises
                     if (name := p.ref or p.id) is not None and name != statement.ref]
            hint = (f"ref one of its premises instead ({', '.join(named)})" if named else
                    "give the premise you mean an `id` and ref that")
            yield error("ref-to-argument", f"ref '{statement.ref}' names a linked argument, "
                        f"not a statement; {hint}", statement.span)


def duplicate_premises(index: MapIndex) -> Iterator[Diagnostic]:
    """A linked argument holds each statement once."""
    for statement in index.statements:
        if not statement.premises:
            continue
        seen: dict[str, int] = {}
        for premise in statement.premises:
            name = premise.ref or premise.id
            if name is None:
                continue
            if name in seen:
                yield error("duplicate-premise", f"'{name}' is already premise {seen[name]} of "
                            "this linked argument; each premise holds up the parent once",
                            premise.span)
            else:
                seen[name] = int(premise.path.rpartition(".")[2])


def unknown_sources(index: MapIndex) -> Iterator[Diagnostic]:
    """A citation names a source listed under `sources`."""
    sources = index.map.sources
    if index.cited <= sources.keys():  # the usual case: nothing to report
        return
    for statement in index.statements:
        for citation in statement.cites:
            if citation.source not in sources and "/" not in citation.source:
                hint = did_you_mean(citation.source, sources) or (
                    "; add it under `sources`")
                yield error("unknown-source", f"source '{citation.source}' is not listed under "
                            f"`sources`{hint}", citation.span)


def undercut_on_claim(index: MapIndex) -> Iterator[Diagnostic]:
    """A claim has no parent inference to undercut."""
    for claim in index.map.claims:
        if claim.undercut:
            yield error("undercut-on-claim", "a claim cannot have `undercut`: it attacks the "
                        "step from a premise to its parent, and a claim has none; use `con`",
                        claim.undercut[0].span)


def unused_sources(index: MapIndex) -> Iterator[Diagnostic]:
    """Warn about sources that nothing cites (a library's are cited by other maps)."""
    if index.map.library:
        return
    for source in index.map.sources.values():
        if source.id not in index.cited:
            yield warning("unused-source", f"source '{source.id}' is never cited", source.span)


def duplicate_texts(index: MapIndex) -> Iterator[Diagnostic]:
    """Warn when two statements say the same thing: one should `ref` the other."""
    texts = [s.text for s in index.statements if s.ref is None and s.text]
    if _all_differ(texts):  # the usual case
        return
    written = [s for s in index.statements if s.ref is None and s.text]
    keys = _text_keys(texts)
    if len(set(keys)) == len(keys):
        return
    first: dict[str, Statement] = {}
    for statement, key in zip(written, keys, strict=True):
        if key in first:
            original = first[key]
            if _siblings_in_argument(original, statement):  # a ref there is duplicate-premise
                yield warning("duplicate-text", f"same text as the premise on line "
                              f"{original.span.line} of this linked argument; a premise holds "
                              "up the argument once, so remove one", statement.span)
                continue
            how = (f"write `ref: {original.id}` here" if original.id is not None else
                   "give that statement an `id` and write `ref: <its id>` here")
            yield warning("duplicate-text", f"same text as the statement on line "
                          f"{original.span.line}; to reuse it, {how}", statement.span)
        else:
            first[key] = statement


def duplicate_links(index: MapIndex) -> Iterator[Diagnostic]:
    """Warn when one statement is listed twice as the same kind of premise of one parent:
    the second says nothing new, but ``stats`` and ``--semantics weighed`` count it."""
    if not index.ids and not index.refs:
        return  # only an id or a ref can name a statement twice
    for statement in index.statements:
        for kind, items in (("pro", statement.pro), ("con", statement.con),
                            ("undercut", statement.undercut)):
            seen: dict[str, Statement] = {}
            for item in items:
                name = item.ref or item.id
                if name is None or item.premises or (item.ref and item.speech):
                    continue  # a ref with a `speech` is an extension: said again, on purpose
                if name in seen:
                    article = "an" if kind == "undercut" else "a"
                    yield warning("duplicate-link", f"'{name}' is already {article} `{kind}` of "
                                  f"this statement (line {seen[name].span.line}); one link says "
                                  "it once, so remove this one", item.span)
                else:
                    seen[name] = item


#: the bytes ``str.split`` breaks an ASCII text on
_ASCII_SPACES = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _all_differ(texts: list[str]) -> bool:
    """True when no two texts can share a :func:`text_key`, found in a few C-level passes
    over all of them: for ASCII texts, ones that differ even lower-cased with every space
    removed (two texts with one key agree on that); False means: compare the keys."""
    joined = "\0".join(texts)
    if not joined.isascii():
        return False
    coarse = joined.encode("ascii").lower().translate(None, _ASCII_SPACES).split(b"\0")
    return len(coarse) == len(texts) and len(set(coarse)) == len(coarse)


def _text_keys(texts: list[str]) -> list[str]:
    """:func:`text_key` of each text; in one C-level pass over all of them when every text
    is single-spaced already (what a formatted map holds), else text by text."""
    joined = "\0".join(texts)
    if (joined.count("\0") == len(texts) - 1 and "  " not in joined and " \0" not in joined
            and "\0 " not in joined and not joined.startswith(" ")
            and not joined.endswith(" ") and joined.replace("\0", "").isprintable()):
        return joined.casefold().split("\0") if texts else []
    return [text_key(text) for text in texts]


def _siblings_in_argument(a: Statement, b: Statement) -> bool:
    """True for two premises of one linked argument (paths ``c1.pro1.1``, ``c1.pro1.2``)."""
    head_a, _, last_a = a.path.rpartition(".")
    head_b, _, last_b = b.path.rpartition(".")
    return head_a == head_b and last_a.isdigit() and last_b.isdigit()


#: each rule and the codes it reports (:data:`argmap.rules.RULES` lists them by code)
def misplaced_answers(index: MapIndex) -> Iterator[Diagnostic]:
    """``answers`` (format 1.2) names a question of the scheme of the step above the
    statement (:func:`argmap.analysis.questions.step_above`, read here from the written
    tree); the ids themselves were checked against the catalogue when the file was read."""
    if not any(s.answers for s in index.statements):
        return
    # (statement, the item holding the scheme of its own step, the one of the step above)
    stack: list[tuple[Statement, Statement | None, Statement | None]] = [
        (claim, None, None) for claim in reversed(index.map.claims)]
    while stack:
        statement, own, above = stack.pop()
        if statement.answers and statement.relation is not Relation.CLAIM:
            for question in statement.answers:
                message = _elsewhere(question, above)
                if message is not None:
                    yield error("answers-elsewhere", message, statement.span)
        below: list[tuple[Statement, Statement | None, Statement | None]] = []
        below.extend((p, statement, above) for p in statement.premises)
        below.extend((c, c, own) for c in statement.pro + statement.con)
        below.extend((u, None, statement if statement.premises else own)
                     for u in statement.undercut)
        stack.extend(reversed(below))


def _elsewhere(question: str, step: Statement | None) -> str | None:
    """Why ``answers: question`` does not fit the step above, or None when it does."""
    scheme = step.scheme if step is not None else None
    wanted = question.partition(".")[0]
    if scheme == wanted:
        return None
    said = f"`answers: {question}` names a question of '{wanted}', but "
    if step is None:
        return said + "this statement's parent is a claim: there is no step above it"
    if scheme is None:
        return said + (f"the step above ({step.address}) uses no scheme; add `scheme: "
                       f"{wanted}` to it")
    return said + (f"the step above ({step.address}) uses '{scheme}' (its questions: "
                   f"`argmap schemes {scheme}`)")


REPORTS: dict[Rule, tuple[str, ...]] = {
    duplicate_ids: ("duplicate-id",),
    unknown_refs: ("unknown-ref", "ref-to-argument"),
    duplicate_premises: ("duplicate-premise",),
    unknown_sources: ("unknown-source",),
    undercut_on_claim: ("undercut-on-claim",),
    unused_sources: ("unused-source",),
    duplicate_texts: ("duplicate-text",),
    duplicate_links: ("duplicate-link",),
    misplaced_answers: ("answers-elsewhere",),
}
RULES: tuple[Rule, ...] = tuple(REPORTS)


def run_rules(index: MapIndex) -> list[Diagnostic]:
    """Run every rule over an indexed map; return the diagnostics sorted by position."""
    found = [d for rule in RULES for d in rule(index)]
    found.sort(key=Diagnostic.sort_key)
    return found


def check(argmap: ArgumentMap) -> list[Diagnostic]:
    """Run every rule over a map; return the diagnostics sorted by position."""
    return run_rules(MapIndex.of(argmap))


def check_text(text: str, file: str, defaults: MapDefaults | None = None) -> list[Diagnostic]:
    """Every diagnostic ``argmap check`` would report for ``text``, sorted (``defaults``:
    its project file's, :class:`argmap.speeches.MapDefaults`)."""
    from argmap.readers.yaml.load import load_text

    return check_read(load_text(text, file, defaults=defaults))


def check_read(loaded: ReadResult) -> list[Diagnostic]:
    """Every diagnostic ``argmap check`` would report for a text read as ``loaded``
    (the reader's and every rule's on each map), sorted."""
    found = list(loaded.diagnostics)
    for argmap in loaded.maps:
        found.extend(run_rules(MapIndex.of(argmap)))
    found.sort(key=Diagnostic.sort_key)
    return found
