"""The shared presentation vocabulary."""

from __future__ import annotations

from argmap.exporters import EXPORTERS, ExporterSpec, suffix_table
from argmap.exporters.notation import gauge, more_below, preview, ref_preview


def test_gauge() -> None:
    assert gauge(3) == "▰▰▰▱▱"
    assert gauge(5, ("#", ".")) == "#####"


def test_previews_cut_at_eight_words() -> None:
    assert preview("one two three") == "one two three"
    assert preview("a b c d e f g h i") == "a b c d e f g h …"
    assert ref_preview("x", "a  b\nc") == "↪ x “a b c”"
    assert ref_preview("gone", None) == "↪ gone"


def test_more_below() -> None:
    assert more_below(1, 2, "c1.pro1") == "… 1 more statement (--depth 3, or --focus c1.pro1)"
    assert more_below(4, 1, "x").startswith("… 4 more statements")


def test_registry_names_and_suffixes() -> None:
    for name, spec in EXPORTERS.items():
        assert isinstance(spec, ExporterSpec) and spec.name == name
        assert spec.suffixes and all(s.startswith(".") for s in spec.suffixes)
    table = suffix_table()
    assert table[".json"] == "json" and ".txt" not in table


def test_help_imports_no_exporter() -> None:
    import subprocess
    import sys

    code = ("import sys, argmap.exporters; "
            "print(sorted(m for m in sys.modules if m.startswith('argmap.exporters.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
