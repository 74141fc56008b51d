"""The quoting helpers: exact outputs, and arbitrary text through real Graphviz."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET

from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.escape import (
    CONTROLS,
    _html_escape,
    dot_string,
    html_text,
    json_text,
    terminal_visible,
    url,
)

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def test_html_text() -> None:
    assert html_text('<a href="x">&\'\\N\t\x1b]') == (
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;\\\\N \ufffd&#93;")


def test_html_text_skips_only_text_it_would_not_change() -> None:
    # html_text returns text untouched unless a pre-check finds a special
    # character; every character the full escape changes must trip it.
    missed = [hex(c) for c in range(0x30000) if not 0xD800 <= c <= 0xDFFF
              if _html_escape(chr(c)) != chr(c) and html_text(chr(c)) == chr(c)]
    assert missed == []


def test_dot_string() -> None:
    assert dot_string('say "hi"\\N\nnext\r\x07 &lt;') == (
        '"say \\"hi\\"\\\\\\\\N\\nnext\\n\ufffd &amp;lt;"')


def test_url() -> None:
    assert url('https://x.test/a b?q=<1>&r="2"', xml=True) == (
        '"https://x.test/a%20b?q=%3C1%3E&amp;r=%222%22"')
    assert url("https://x.test/?a=1&b=2", xml=False) == '"https://x.test/?a=1&b=2"'


TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=30)


def expected(text: str, tooltip: bool) -> str:
    """What Graphviz should show: breaks as \\n (labels: spaces), tabs as spaces,
    other control characters as U+FFFD. In tooltips Graphviz writes a space
    that follows a space as U+00A0 (&#160;), keeping the run visible in SVG."""
    text = text.replace("\r\n", "\n").replace("\r", "\n" if tooltip else " ")
    shown = text.translate({**CONTROLS, 9: " ", 10: "\n"})
    return re.sub("(?<= ) ", "\u00a0", shown) if tooltip else shown.replace("\n", " ")


@settings(max_examples=60, deadline=None)
@given(TEXT)
@example(" \t")  # a run of spaces in a tooltip: the second becomes U+00A0
@example("a   b\n  c")
def test_any_text_reaches_svg_unchanged(text: str) -> None:
    dot = (f"digraph G {{ a [label=<{html_text(text)}>, tooltip={dot_string(text)}, "
           f"URL={url('https://x.test/?q=1&r=2', xml=True)}]; }}")
    done = subprocess.run(["dot", "-Tsvg"], input=dot.encode(), capture_output=True,
                          timeout=30, check=True)
    svg = ET.fromstring(done.stdout)
    anchor = next(a for a in svg.iter(f"{SVG}a") if a.get(f"{XLINK}href"))
    assert anchor.get(f"{XLINK}href") == "https://x.test/?q=1&r=2"
    assert anchor.get(f"{XLINK}title") == expected(text, True)
    label = "".join(t.text or "" for t in svg.iter(f"{SVG}text"))
    assert " ".join(label.split()) == " ".join(expected(text, False).split())


@given(st.text(alphabet=st.characters(codec=None)))
def test_json_text_keeps_values_and_sends_nothing_a_terminal_obeys(text: str) -> None:
    out = json_text({"t": text}, indent=None)
    assert json.loads(out) == {"t": text}
    out.encode("utf-8")  # no lone surrogate left raw
    assert terminal_visible(out) == out


def test_json_text_escapes_controls_bidi_and_astral_format_characters() -> None:
    assert json_text(["a\x9b\u202e\U000e0041é"], indent=None) == \
        '["a\\u009b\\u202e\\udb40\\udc41é"]'
