"""The docs list every export format of the registry."""

from __future__ import annotations

from argmap.exporters import EXPORTERS
from tests.conftest import TESTS

ROOT = TESTS.parent


def test_every_format_is_in_the_readme_table_and_the_docs() -> None:
    readme = (ROOT / "README.md").read_text()
    exports = (ROOT / "docs/exports.md").read_text()
    for name in EXPORTERS:
        assert f"| `{name}` |" in readme, name
        assert f"| `{name}` |" in exports, name


def test_the_readme_links_the_markdown_example() -> None:
    assert "(examples/nato-promise.md)" in (ROOT / "README.md").read_text()
