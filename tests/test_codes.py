"""The one registry of diagnostic codes: the sources use only its codes, the docs list them all."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import argmap
from argmap.diagnostics.codes import CODES, group
from argmap.rules.debate import DEBATE_RULES, MAP_RULES, RULES
from argmap.rules.select import groups
from tests.conftest import TESTS

PACKAGE = Path(argmap.__file__).parent
#: the functions that make a diagnostic from a code given as their first argument
MAKERS = {"error", "warning", "_fail", "_error"}


def used_codes() -> dict[str, set[str]]:
    """Code -> the severities it is made with, from every literal first argument of a maker."""
    used: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # a module's own constants (CODE = "kialo-syntax") count as literals
        constants = {target.id: node.value.value for node in tree.body
                     if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                     and isinstance(node.value.value, str)
                     for target in node.targets if isinstance(target, ast.Name)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            code = (first.value if isinstance(first, ast.Constant) else
                    constants.get(first.id) if isinstance(first, ast.Name) else None)
            if name in MAKERS and isinstance(code, str):
                severity = "warning" if name == "warning" else "error"
                used.setdefault(code, set()).add(severity)
    return used


def test_every_code_made_is_registered_with_its_severity() -> None:
    used = used_codes()
    assert len(used) > 30  # the scan finds the makers
    assert {code: {CODES[code].severity.value} if code in CODES else None
            for code in used} == used


def test_every_registered_code_is_made_somewhere() -> None:
    assert set(CODES) - set(used_codes()) == set()


def test_the_docs_table_lists_exactly_the_registry() -> None:
    text = (TESTS.parent / "docs/format.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| `([a-z-]+)` \| (error|warning) \|", text, re.MULTILINE)
    assert sorted(table) == sorted((code, c.severity.value) for code, c in CODES.items())


def test_groups_come_from_the_registry() -> None:
    assert groups()["default"] == group("default") == (
        "unused-source", "comment-in-text", "duplicate-text", "duplicate-link", "import-dropped")
    assert list(DEBATE_RULES) == [*RULES, *MAP_RULES] == list(group("debate"))
    assert groups()["schemes"] == group("schemes") == (
        "open-critical-question", "hole-to-close", "question-to-ask")
    assert all(c.group in ("default", "debate", "schemes", "flow") for c in CODES.values()
               if c.severity.value == "warning")
    from argmap.rules.flow import RULES as FLOW_RULES

    assert list(FLOW_RULES) == list(group("flow")) == ["dropped", "not-extended"]
    assert all(c.group == "" for c in CODES.values() if c.severity.value == "error")


def test_every_rule_is_listed_under_each_code_it_reports() -> None:
    import ast

    from argmap.rules import RULES as BY_CODE
    from argmap.rules import format as format_rules

    source = Path(format_rules.__file__).read_text(encoding="utf-8")
    reported: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef):
            reported[node.name] = {
                str(call.args[0].value) for call in ast.walk(node) if isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name) and call.func.id in ("error", "warning")
                and isinstance(call.args[0], ast.Constant)}
    listed = {code: rule.function.__name__ for code, rule in BY_CODE.items()
              if rule.family == "format"}
    assert listed == {code: name for name, codes in reported.items() for code in codes}
    assert [c for c, r in BY_CODE.items() if r.family == "debate"] == list(group("debate"))
