"""Grounded and weighed evaluation: hand-worked debates and a brute-force cross-check."""

from __future__ import annotations

from textwrap import dedent, indent

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.evaluate import Evaluation, Semantics, evaluate
from argmap.analysis.report import reason
from argmap.graph import ArgumentGraph, GStatement, Link, build_graph
from argmap.model import ArgumentMap, Relation, Span
from argmap.readers.yaml.load import load_text
from tests.test_properties import maps


def run(yaml: str, semantics: Semantics = Semantics.GROUNDED) -> Evaluation:
    loaded = load_text(dedent(yaml), "t.yaml")
    assert not loaded.diagnostics, loaded.diagnostics
    return evaluate(build_graph(loaded.maps[0]), semantics)


def labels(evaluation: Evaluation) -> dict[str, str]:
    return {key: status.value for key, status in evaluation.statements.items()}


def test_unattacked_claim_stands_and_is_bare() -> None:
    e = run("""
        question: q
        claims:
          - id: a
            text: A.
    """)
    assert labels(e) == {"a": "in"}
    assert not e.supported("a")


def test_reinstatement_chain() -> None:
    # a <- b <- c <- d: d stands, so c falls, so b stands, so a falls.
    e = run("""
        question: q
        claims:
          - id: a
            text: A.
            con:
              - id: b
                text: B.
                con:
                  - id: c
                    text: C.
                    con:
                      - id: d
                        text: D.
    """)
    assert labels(e) == {"a": "out", "b": "in", "c": "out", "d": "in"}
    deciding = e.deciding("a")
    assert deciding is not None and deciding.premises == ("b",)


def test_undercut_voids_a_rebuttal() -> None:
    # b rebuts a, but u undercuts the step from b to a: the rebuttal no longer counts.
    e = run("""
        question: q
        claims:
          - id: a
            text: A.
            con:
              - id: b
                text: B.
                undercut:
                  - id: u
                    text: U.
    """)
    assert labels(e) == {"a": "in", "b": "in", "u": "in"}
    assert e.deciding("a") is None


def test_undercut_itself_rebutted() -> None:
    # r rebuts the undercut u, so u falls, the step from b counts again, and a falls.
    e = run("""
        question: q
        claims:
          - id: a
            text: A.
            con:
              - id: b
                text: B.
                undercut:
                  - id: u
                    text: U.
                    con:
                      - id: r
                        text: R.
    """)
    assert labels(e) == {"a": "out", "b": "in", "u": "out", "r": "in"}


def test_undercut_on_support_leaves_statement_bare() -> None:
    e = run("""
        question: q
        claims:
          - id: a
            text: A.
            pro:
              - id: p
                text: P.
                undercut:
                  - text: U.
    """)
    assert labels(e)["a"] == "in"
    assert not e.supported("a")
    assert not e.supported("p")


def test_support_and_citation_make_supported() -> None:
    e = run("""
        question: q
        claims:
          - id: a
            text: A.
            pro:
              - id: p
                text: P.
                cites: [s]
        sources:
          s:
            title: S
    """)
    assert e.supported("a") and e.supported("p")


def test_mutual_attack_through_refs_is_undecided() -> None:
    e = run("""
        question: q
        claims:
          - id: chicken
            text: Chicken.
            con:
              - ref: egg
          - id: egg
            text: Egg.
            con:
              - ref: chicken
    """)
    assert labels(e) == {"chicken": "undecided", "egg": "undecided"}


def test_odd_cycle_is_undecided_and_so_is_what_it_attacks() -> None:
    e = run("""
        question: q
        claims:
          - id: a
            text: A.
            con:
              - id: b
                text: B.
                con:
                  - id: c
                    text: C.
                    con:
                      - ref: a
          - id: d
            text: D.
            con:
              - ref: c
    """)
    assert labels(e) == {"a": "undecided", "b": "undecided", "c": "undecided",
                         "d": "undecided"}


def test_cycle_broken_by_an_unattacked_attacker() -> None:
    # chicken and egg attack each other, but an unattacked fact defeats egg.
    e = run("""
        question: q
        claims:
          - id: chicken
            text: Chicken.
            con:
              - ref: egg
          - id: egg
            text: Egg.
            con:
              - ref: chicken
              - text: Fact.
    """)
    assert labels(e) == {"chicken": "in", "egg": "out", "c2.con2": "in"}


def test_nixon_diamond() -> None:
    # Nixon is a Quaker (so a pacifist) and a Republican (so not a pacifist).
    e = run("""
        question: Was Nixon a pacifist?
        claims:
          - id: pacifist
            text: Nixon was a pacifist.
            pro:
              - id: quaker
                text: Nixon was a Quaker.
            con:
              - ref: hawk
          - id: hawk
            text: Nixon was not a pacifist.
            pro:
              - id: republican
                text: Nixon was a Republican.
            con:
              - ref: pacifist
    """)
    assert labels(e) == {"pacifist": "undecided", "quaker": "in", "hawk": "undecided",
                         "republican": "in"}
    assert e.supported("pacifist") and e.supported("hawk")


def test_weighed_preponderance() -> None:
    yaml = """
        question: q
        claims:
          - id: a
            text: A.
            pro:
              - text: Strong support.
                weight: 4
            con:
              - text: Weak attack.
                weight: 2
          - id: b
            text: B.
            pro:
              - text: Weak support.
                weight: 2
            con:
              - text: Equal attack.
                weight: 2
    """
    assert labels(run(yaml))["a"] == "out"  # grounded: any standing attack wins
    weighed = labels(run(yaml, Semantics.WEIGHED))
    assert weighed["a"] == "in" and weighed["b"] == "out"


def test_weighed_with_undercut_support() -> None:
    e = run("""
        question: q
        claims:
          - id: a
            text: A.
            pro:
              - text: Support.
                weight: 5
                undercut:
                  - text: Irrelevant.
            con:
              - text: Attack.
                weight: 1
    """, Semantics.WEIGHED)
    assert labels(e)["a"] == "out"


def linked_graph() -> ArgumentGraph:
    """Format 1.1 by hand: a and b support c together; a con knocks out a."""
    span = Span("t", 1, 1)

    def s(key: str, claim: bool = False, link: str | None = None) -> GStatement:
        return GStatement(key, key, key, key.upper(), None, (), None, (), span, claim, link)

    statements = {k: s(k, k == "c", None if k == "c" else "l9") for k in "abcdx"}
    links = (Link("l1", ("a", "b"), "c", Relation.PRO, None, "c.pro1", span, False),
             Link("l2", ("x",), "a", Relation.CON, None, "c.pro1.con1", span, False),
             Link("l3", ("d",), "c", Relation.CON, None, "c.con1", span, False),
             Link("l4", ("a", "b"), "d", Relation.CON, None, "c.con1.con1", span, False))
    return ArgumentGraph("m", "q", None, (), span, {}, statements, ("c",), links, {}, [],
                         ("c",))


def test_linked_premises_count_only_together() -> None:
    e = evaluate(linked_graph())
    assert e.links["l1"].value == "out" and e.links["l4"].value == "out"
    assert labels(e) == {"a": "out", "b": "in", "c": "out", "d": "in", "x": "in"}


LINKED_CON = """
    argmap: 1.1
    question: q
    claims:
      - id: c
        text: C.
        con:
          - premises:
              - id: a
                text: A.
{below}
              - id: b
                text: B.
{cut}
"""


def linked_con(below: str = "", cut: str = "") -> Evaluation:
    """A claim c rebutted by a and b together; ``below`` goes under a, ``cut`` on the argument."""
    return run(LINKED_CON.format(below=indent(dedent(below), " " * 16),
                                 cut=indent(dedent(cut), " " * 12)))


def test_linked_rebuttal_with_both_premises_standing_defeats_the_claim() -> None:
    e = linked_con()
    assert labels(e) == {"c": "out", "a": "in", "b": "in"}
    assert reason(e, "c") == "falls to the linked argument c1.con1 (a + b), which stands"


def test_linked_rebuttal_with_one_premise_rebutted_no_longer_counts() -> None:
    e = linked_con(below="""
        con:
          - id: x
            text: X.
    """)
    assert labels(e) == {"c": "in", "a": "out", "x": "in", "b": "in"}
    assert reason(e, "c") == ("every attack answered: the linked argument c1.con1 (a + b) "
                              "fails: a falls")


def test_reinstatement_through_a_linked_argument() -> None:
    # y rebuts x, so x falls, so a stands again, so a and b together defeat c.
    e = linked_con(below="""
        con:
          - id: x
            text: X.
            con:
              - id: y
                text: Y.
    """)
    assert labels(e) == {"c": "out", "a": "in", "x": "out", "y": "in", "b": "in"}
    assert reason(e, "c") == "falls to the linked argument c1.con1 (a + b), which stands"


def test_an_undercut_of_a_linked_argument_voids_it_as_a_whole() -> None:
    e = linked_con(cut="""
        id: joint
        undercut:
          - id: u
            text: U.
    """)
    assert labels(e) == {"c": "in", "a": "in", "b": "in", "u": "in"}
    assert reason(e, "c") == ("every attack answered: the linked argument joint (a + b) "
                              "undercut by u")


def test_a_linked_support_with_a_fallen_premise_leaves_its_target_bare() -> None:
    e = run("""
        argmap: 1.1
        question: q
        claims:
          - id: c
            text: C.
            pro:
              - premises:
                  - id: a
                    text: A.
                    con:
                      - text: X.
                  - id: b
                    text: B.
    """)
    assert labels(e)["c"] == "in" and not e.supported("c")


def test_an_undecided_linked_rebuttal_is_named_as_the_argument() -> None:
    # a and the claim rebut each other: both undecided, and c hangs on the argument
    e = linked_con(below="""
        con:
          - ref: c
    """)
    assert labels(e) == {"c": "undecided", "a": "undecided", "b": "in"}
    assert reason(e, "c") == ("hangs on the linked argument c1.con1 (a + b), itself undecided "
                              "(a cycle of attacks)")


# The brute force: build the Dung framework explicitly and iterate its
# characteristic function F(S) = {x | every attacker of x is attacked by S}
# from the empty set to its least fixed point.

def brute_force(graph: ArgumentGraph) -> dict[str, str]:
    attackers: dict[str, set[str]] = {f"s:{k}": set() for k in graph.statements}
    for link in graph.links:
        node = f"l:{link.key}"
        attackers.setdefault(node, set())
        for premise in link.premises:
            fails = f"f:{link.key}:{premise}"  # "this premise fails"
            attackers[fails] = {f"s:{premise}"}
            attackers[node].add(fails)
        if link.relation is Relation.CON:
            attackers[f"s:{link.target}"].add(node)
        elif link.relation is Relation.UNDERCUT:
            attackers.setdefault(f"l:{link.target}", set()).add(node)
    extension: set[str] = set()
    while True:
        attacked = {x for x, by in attackers.items() if by & extension}
        bigger = {x for x, by in attackers.items() if by <= attacked}
        if bigger == extension:
            break
        extension = bigger
    attacked = {x for x, by in attackers.items() if by & extension}
    return {k: "in" if f"s:{k}" in extension else "out" if f"s:{k}" in attacked
            else "undecided" for k in graph.statements}


@st.composite
def random_graphs(draw: st.DrawFn) -> ArgumentGraph:
    """Small random graphs: any statement may bear on any other, cycles included,
    with linked premises and undercuts on any link."""
    span = Span("t", 1, 1)
    n = draw(st.integers(1, 6))
    keys = [f"s{i}" for i in range(n)]
    statements = {k: GStatement(k, k, k, k, None, (), None, (), span, i == 0, None)
                  for i, k in enumerate(keys)}
    links: list[Link] = []
    for i in range(draw(st.integers(0, 9))):
        premises = tuple(draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3,
                                       unique=True)))
        kinds = [Relation.PRO, Relation.CON] + ([Relation.UNDERCUT] if links else [])
        relation = draw(st.sampled_from(kinds))
        target = (draw(st.sampled_from(links)).key if relation is Relation.UNDERCUT
                  else draw(st.sampled_from(keys)))
        links.append(Link(f"l{i + 1}", premises, target, relation, None, f"p{i}", span, False))
    return ArgumentGraph("m", "q", None, (), span, {}, statements, (keys[0],), tuple(links),
                         {}, [], (keys[0],))


@settings(max_examples=400, deadline=None)
@given(random_graphs())
def test_grounded_matches_brute_force(graph: ArgumentGraph) -> None:
    assert labels(evaluate(graph)) == brute_force(graph)


@settings(max_examples=200, deadline=None)
@given(random_graphs(), st.sampled_from(list(Semantics)))
def test_one_pass_helpers_agree_with_per_statement_ones(graph: ArgumentGraph,
                                                        semantics: Semantics) -> None:
    e = evaluate(graph, semantics)
    deciders = e.deciders()
    assert {k: e.deciding(k) for k in graph.statements} == {
        k: deciders.get(k) for k in graph.statements}
    assert e.supported_keys() == {k for k in graph.statements if e.supported(k)}


def test_bundled_maps_and_fixtures_evaluate() -> None:
    from pathlib import Path

    from argmap.readers import load_path

    root = Path(__file__).parent.parent
    for path in [*root.glob("maps/*.yaml"), *root.glob("tests/fixtures/valid/*.yaml")]:
        for m in load_path(path).maps:
            graph = build_graph(m)
            assert labels(evaluate(graph)) == brute_force(graph), path


@settings(max_examples=200, deadline=None)
@given(maps(linked=True))
def test_grounded_matches_brute_force_on_maps_with_linked_arguments(m: ArgumentMap) -> None:
    # real maps: linked pro and con arguments at any depth, with undercuts of their own
    graph = build_graph(m)
    assert labels(evaluate(graph)) == brute_force(graph)
