"""Issue 26's findings (hardening, round two), one regression test per item fixed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app as cli

ROOT = Path(__file__).parent.parent


def argmap_bytes(*args: bytes | str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run argmap with raw argv bytes, as a shell passes what the user typed."""
    argv = [a if isinstance(a, bytes) else a.encode() for a in args]
    return subprocess.run([sys.executable.encode(), b"-m", b"argmap", *argv], cwd=cwd,
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_8_brief_follows_a_support_chain_of_any_depth(tmp_path: Path) -> None:
    lines = ["question: Q?", "claims:"]
    for i in range(1500):  # deeper than Python's recursion limit
        lines += [f"  - id: c{i}x", f"    text: Claim {i}"]
        if i < 1499:
            lines += ["    pro:", f"      - ref: c{i + 1}x"]
    chain = tmp_path / "chain.yaml"
    chain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["brief", str(chain), "--for", "c0x", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert "Claim 1499" in result.stdout


def test_9_a_docx_brief_takes_a_long_question_and_a_long_word(tmp_path: Path) -> None:
    import docx

    question = "Q" * 300 + "?"
    source = tmp_path / "long.yaml"
    source.write_text(f"question: {question}\nclaims:\n  - id: a\n    text: {'W' * 5000}\n",
                      encoding="utf-8")
    out = tmp_path / "long.docx"
    result = CliRunner().invoke(cli.app, ["brief", str(source), "--for", "a", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(out))
    assert document.core_properties.title == question[:254] + "…"
    assert any("W" * 5000 in p.text for p in document.paragraphs)


@pytest.mark.parametrize("args", [
    ["add", "m.yaml", "--to", "a", "--pro", "B", "--together", b"\xff"],
    ["add", "m.yaml", "--to", "a", "--pro", b"caf\xe9"],
    ["new", "n.yaml", "-q", b"Q\xff?", "-c", "A"],
])
def test_10_text_options_that_are_not_utf8_are_usage_errors(tmp_path: Path,
                                                           args: list[bytes | str]) -> None:
    (tmp_path / "m.yaml").write_text("question: Q?\nclaims:\n  - id: a\n    text: A\n",
                                     encoding="utf-8")
    before = (tmp_path / "m.yaml").read_bytes()
    done = argmap_bytes(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().startswith("argmap: --")
    assert b"is not UTF-8 text; give the text in UTF-8\n" in done.stderr
    assert (tmp_path / "m.yaml").read_bytes() == before and not (tmp_path / "n.yaml").exists()


@pytest.mark.parametrize("args", [
    ["import", "d.argdown", "-o", "d.argdown"],
    ["import", "d.argdown", "-o", "link.argdown"],  # through a symlink
    ["watch", "m.yaml", "-f", "yaml", "-o", "m.yaml", "--once"],
    ["brief", "m.yaml", "--for", "a", "-f", "md", "-o", "m.yaml"],
])
def test_1_no_command_writes_over_the_file_it_reads(tmp_path: Path, args: list[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.argdown").write_text("[A]: A claim.\n  + Because.\n", encoding="utf-8")
    (tmp_path / "link.argdown").symlink_to("d.argdown")
    (tmp_path / "m.yaml").write_text("# keep me\nquestion: Q?\nclaims:\n  - id: a\n"
                                     "    text: A\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = CliRunner().invoke(cli.app, args)
    assert (result.exit_code, result.stderr) == (
        2, f"argmap: not writing {args[-2] if args[-1] == '--once' else args[-1]}: it is a map "
        "being read; choose another name with -o\n")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("args", [
    ["add", "{map}", "--to", "a", "--pro", "B"], ["rm", "{map}", "a"],
    ["mv", "{map}", "a", "--to", "b"], ["fmt", "{map}"], ["watch", "{map}", "--once"],
])
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_13_edits_read_maps_as_every_command_does(tmp_path: Path, args: list[str],
                                                  kind: str) -> None:
    if kind == "fifo":
        target = tmp_path / "m.yaml"
        os.mkfifo(target)
    else:
        target = Path("/dev/zero")
    command = [str(target) if a == "{map}" else a for a in args]
    done = subprocess.run([sys.executable, "-m", "argmap", *command], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    assert "not a regular file but a " in done.stderr


def test_2_an_id_shaped_like_a_derived_path_is_an_error(tmp_path: Path) -> None:
    # c2.pro1 names the second claim's first pro; as an id it named the first claim too,
    # and `rm m.yaml c2.pro1` removed the claim's whole subtree
    source = tmp_path / "m.yaml"
    text = ("question: Q?\nclaims:\n  - id: c2.pro1\n    text: A\n    pro:\n      - text: X\n"
            "  - text: B\n    pro:\n      - text: C\n")
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["rm", str(source), "c2.pro1"])
    assert result.exit_code == 1 and source.read_text(encoding="utf-8") == text
    checked = CliRunner().invoke(cli.app, ["check", str(source)])
    assert checked.stderr.splitlines()[0] == (
        f"{source}:3:9: error: id 'c2.pro1' looks like a derived path (c1 is the first claim, "
        "c1.pro2 its second pro), so it and a position would be addressed alike; choose "
        "another id, such as 'c2-pro1' [path-like-id]")


@pytest.mark.parametrize(("name", "head"), [
    ("m.yaml", b"question: Q\xc3\xa9"), ("m.argdown", b"[A]: \xc3\xa9"),
    ("m.txt", b"Discussion Title: \xc3\xa9"), ("m.json", b'{"nodes": [], "AIF": "\xc3\xa9'),
])
def test_5_a_bom_then_a_bad_byte_is_located_in_every_reader(tmp_path: Path, name: str,
                                                            head: bytes) -> None:
    source = tmp_path / name
    source.write_bytes(b"\xef\xbb\xbf" + head + b"\xff\n")
    result = CliRunner().invoke(cli.app, ["check", str(source)])
    column = len(head.decode("utf-8")) + 1  # the mark is no column
    assert (result.exit_code, result.stderr.splitlines()[0]) == (
        1, f"{source}:1:{column}: error: file is not UTF-8 (byte 0xff cannot be decoded); "
        "save it as UTF-8 [encoding]")


@pytest.mark.parametrize(("args", "expected"), [
    (["add", "m.yaml", "--to", "a", "--pro", "B"],
     "question: Q?\rclaims:\r  - id: a\r    text: A\r    pro:\r      - text: B\r"),
    (["rm", "m.yaml", "c1.pro1"], "question: Q?\rclaims:\r  - id: a\r    text: A\r"),
    (["fmt", "m.yaml"], None),
])
def test_23_edits_keep_a_files_lone_cr_line_endings(tmp_path: Path, args: list[str],
                                                   expected: str | None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    start = "question: Q?\rclaims:\r  - id: a\r    text: A\r"
    if args[0] != "add":
        start += "    pro:\r    - text: B\r"  # fmt indents the list item
    (tmp_path / "m.yaml").write_bytes(start.encode())
    result = CliRunner().invoke(cli.app, args)
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "m.yaml").read_bytes().decode()
    assert "\n" not in text
    assert text == (expected or "question: Q?\rclaims:\r  - id: a\r    text: A\r    pro:\r"
                    "      - text: B\r")


@pytest.mark.parametrize("text", ["\u200d", "\ufeff", "\u202e", "\u200d \u2060"])
def test_21_a_text_with_no_visible_character_is_empty(tmp_path: Path, text: str) -> None:
    source = tmp_path / "m.yaml"
    escaped = "".join(f"\\u{ord(c):04x}" for c in text)
    source.write_text(f'question: Q?\nclaims:\n  - text: "{escaped}"\n', encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["check", str(source)])
    names = ", ".join(sorted({f"U+{ord(c):04X}" for c in text if not c.isspace()}))
    assert (result.exit_code, result.stderr.splitlines()[0]) == (
        1, f"{source}:3:11: error: `text` has no visible character (only {names}); write "
        "the text, or leave the key out [empty-text]")


@pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz's dot")
def test_21_a_map_built_with_an_invisible_text_still_draws() -> None:
    # every reader refuses such a text now; a map built in Python may still hold one
    import dataclasses

    import argmap

    m = argmap.loads("question: Q?\nclaims:\n  - text: A\n    pro:\n      - text: B\n")
    (built,) = m.maps
    claim = built.claims[0]._replace(text="\u200d")
    built = dataclasses.replace(built, claims=(claim,))
    assert argmap.export(built, "png").startswith(b"\x89PNG")
    assert "⟨U+200D⟩" in argmap.export(built, "dot")


WRITER = """
import sys
import time
from pathlib import Path
from argmap.files.write import write_files
folder = Path(sys.argv[1])
write_files([(folder / f"m{i}.json", b"x" * 200_000) for i in range(3000)])
"""


def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if ".argmap-tmp-" in p.name]


def _start_writer(folder: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], cwd=ROOT,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_temporaries(folder)) < 5:  # past the anonymous ones: named temporaries
        assert time.monotonic() < deadline and proc.poll() is None, "no temporary files"
        time.sleep(0.01)
    return proc


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_4_an_interrupted_write_leaves_no_temporary_files(tmp_path: Path, signum: int) -> None:
    proc = _start_writer(tmp_path)
    proc.send_signal(signum)
    assert proc.wait(60) == -signum
    assert _temporaries(tmp_path) == [] and list(tmp_path.iterdir()) == []


def test_4_a_later_write_removes_what_a_killed_one_left(tmp_path: Path) -> None:
    from argmap.files.write import write_file

    proc = _start_writer(tmp_path)
    proc.kill()
    proc.wait(60)
    assert _temporaries(tmp_path)  # SIGKILL leaves no time to clean up
    write_file(tmp_path / "next.json", b"{}")
    assert [p.name for p in tmp_path.iterdir()] == ["next.json"]


@pytest.mark.parametrize("extra", [[], ["--from", "yaml"]])
def test_import_refuses_a_map_that_is_argmap_yaml_already(extra: list[str]) -> None:
    path = str(ROOT / "maps" / "nato-promise.yaml")
    result = CliRunner().invoke(cli.app, ["import", path, *extra])
    assert (result.exit_code, result.stderr) == (
        2, f"argmap: {path} is an argmap map already: argmap fmt lays it out, argmap check "
        "checks it (import reads argdown, kialo, aif, json)\n")


def _aif(first_id: str, first_text: str) -> str:
    """An AIF file of two I-nodes and the RA-node between them; both values go in raw."""
    head = f'{{"nodes": [{{"nodeID": {first_id}, "text": "{first_text}", "type": "I"}}, '
    return (head + '{"nodeID": "2", "text": "because", "type": "I"}, '
            '{"nodeID": "3", "text": "Default Inference", "type": "RA"}], '
            '"edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, '
            f'{{"edgeID": "2", "fromID": "3", "toID": {first_id}}}]}}')


@pytest.mark.parametrize("command", [["check"], ["render", "-f", "json", "-o", "-"],
                                     ["import", "-o", "-"], ["brief", "--for", "c1"]])
def test_6_a_lone_surrogate_escape_is_a_located_error(tmp_path: Path,
                                                      command: list[str]) -> None:
    source = tmp_path / "s.json"
    source.write_text(_aif('"1"', "claim \\ud800"), encoding="utf-8")  # JSON: claim \ud800
    result = CliRunner().invoke(cli.app, [command[0], str(source), *command[1:]])
    assert result.exit_code == 1 and result.stdout == ""
    assert (f"{source}:1:13: error: the text holds U+D800, half of a UTF-16 pair (a lone "
            "surrogate escape), which is no character; write the character itself "
            "[encoding]") in result.stderr


def test_7_ids_of_thousands_of_digits_are_text(tmp_path: Path) -> None:
    big = "9" * 4301
    aif = tmp_path / "big.json"
    aif.write_text(_aif(big, "claim"), encoding="utf-8")
    kialo = tmp_path / "big.txt"
    kialo.write_text(f"Discussion Title: Q\n\n1. Q\n1.1. Pro: [Premise {big}] x\n",
                     encoding="utf-8")
    for path in (aif, kialo):
        result = CliRunner().invoke(cli.app, ["check", str(path)])
        assert result.exit_code == 0, result.stderr
    import argmap

    m = argmap.load_map(aif)
    assert next(s.origin for s in m.walk()) == big


def test_24_import_takes_the_max_bytes_its_message_names(tmp_path: Path) -> None:
    source = tmp_path / "small.argdown"
    source.write_text("[A]: A claim.\n  + Because.\n" * 20, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["import", str(source), "--max-bytes", "100"])
    assert (result.exit_code, result.stderr) == (
        1, f"{source}:1:1: error: file is 540 bytes, over the 100 bytes limit (--max-bytes) "
        "[too-large]\n")


def test_24_an_aif_file_with_a_byte_order_mark_is_sniffed(tmp_path: Path) -> None:
    source = tmp_path / "bom.json"
    source.write_bytes(b"\xef\xbb\xbf" + _aif('"1"', "A claim").encode())
    result = CliRunner().invoke(cli.app, ["check", str(source)])
    assert result.exit_code == 0, result.stderr


def test_24_a_ref_with_keys_and_no_valid_target_names_no_none(tmp_path: Path) -> None:
    source = tmp_path / "m.yaml"
    source.write_text("question: Q?\nclaims:\n  - text: A\n    pro:\n      - ref: 12\n"
                      "        text: X\n", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["check", str(source)])
    assert (f"{source}:6:9: error: a `ref` item carries only the keys of its step (weight, "
            "undercut, note); put `text` on the statement it names [ref-with-keys]"
            ) in result.stderr.splitlines()


@pytest.mark.parametrize(("line", "laid_out"), [
    ("weight: !!int 3 # strong", "weight: 3  # strong"),
    ("by: !!str true # c", "by: 'true'  # c"),
])
def test_24_fmt_keeps_the_comment_after_a_tagged_value(tmp_path: Path, line: str,
                                                       laid_out: str) -> None:
    source = tmp_path / "m.yaml"
    source.write_text(f"question: Q?\nclaims:\n  - text: A\n    pro:\n      - text: C\n"
                      f"        {line}\n", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["fmt", str(source)])
    assert result.exit_code == 0, result.stderr
    assert source.read_text(encoding="utf-8").splitlines()[-1] == f"        {laid_out}"


@pytest.mark.parametrize("fmt", ["markdown", "argdown", "kialo"])
def test_18_no_export_writes_a_raw_control_character(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "m.yaml"
    source.write_text('question: "Q\\x07?"\nclaims:\n  - text: "A\\x1b[31m red"\n'
                      '    pro:\n      - text: "B\\x00 nul"\n', encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["render", str(source), "-f", fmt, "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert [c for c in result.stdout if ord(c) < 0x20 and c not in "\t\n"] == []
    assert "\ufffd" in result.stdout
    if fmt != "markdown":  # argmap reads these back: never a file it refuses
        back = tmp_path / ("m.argdown" if fmt == "argdown" else "m.txt")
        back.write_text(result.stdout, encoding="utf-8")
        again = CliRunner().invoke(cli.app, ["check", str(back)])
        assert again.exit_code == 0, again.stderr


def test_19_an_imported_link_is_a_url_check_accepts_or_is_counted(tmp_path: Path) -> None:
    source = tmp_path / "u.txt"
    source.write_text("Discussion Title: Q\n\n1. Q\n1.1. Pro: Cars [Source](https://exa]]mple.org"
                      "/x) and [Two](https://x.org/a%20b) and [Three](HTTPS://x.org/c).\n",
                      encoding="utf-8")
    out = tmp_path / "u.yaml"
    result = CliRunner().invoke(cli.app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "links to no web address, kept as their text: 1" in result.stderr
    checked = CliRunner().invoke(cli.app, ["check", "--strict", str(out)])
    assert checked.exit_code == 0, checked.stderr
    text = out.read_text(encoding="utf-8")
    assert "url: https://x.org/a%20b" in text and "url: https://x.org/c" in text


@pytest.mark.parametrize(("name", "source"), [
    ("ws.txt", "Discussion Title: Q\n\n1. Q\n1.1. Pro: \u2028\u2009\u00a0Leading separators.\n"
               "1.2. Con: Trailing ones.\u00a0\u2009\n"),
    ("ws.argdown", "[A]: A claim #(tag\t)\n  + Because.\u00a0\n"),
])
def test_20_readers_trim_texts_as_the_yaml_reader_does(tmp_path: Path, name: str,
                                                      source: str) -> None:
    import json

    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    out = tmp_path / "m.yaml"
    assert CliRunner().invoke(cli.app, ["import", str(path), "-o", str(out)]).exit_code == 0

    def texts(p: Path) -> list[tuple[str, list[str]]]:
        result = CliRunner().invoke(cli.app, ["render", str(p), "-f", "json", "-o", "-"])
        return [(s["text"], s["tags"]) for s in json.loads(result.stdout)["statements"]]

    assert texts(path) == texts(out)


def test_3_a_kialo_round_trip_keeps_an_escaped_bracket_as_text(tmp_path: Path) -> None:
    source = tmp_path / "n.yaml"
    source.write_text('question: Q?\nclaims:\n  - text: "[Note] Cars should be banned."\n'
                      "    cites: [r]\n    pro:\n      - text: Because.\nsources:\n  r:\n"
                      "    title: Report\n    url: https://x.org/r\n", encoding="utf-8")
    kialo = tmp_path / "n.txt"
    assert CliRunner().invoke(cli.app, ["render", str(source), "-f", "kialo", "-o",
                                        str(kialo)]).exit_code == 0
    import argmap

    back = argmap.load_map(kialo)
    assert back.claims[0].text == "[Note] Cars should be banned."
    assert [back.sources[c.source].url for c in back.claims[0].cites] == ["https://x.org/r"]
    assert back.claims[0].pro[0].ref is None  # no statement merged into a ref to itself


@pytest.mark.parametrize(("depth", "code"), [(200, 0), (201, 1), (5000, 1)])
def test_12_readers_refuse_what_the_yaml_reader_would(tmp_path: Path, depth: int,
                                                      code: int) -> None:
    lines, number = ["Discussion Title: Q", "", "1. Q"], "1"
    for i in range(1, depth + 1):
        number += ".1"
        lines.append(f"{number}. Pro: Statement {i}.")
    source = tmp_path / "chain.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "chain.yaml"
    result = CliRunner().invoke(cli.app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == code, result.stderr
    if code:  # refused before the paths pile up, and nothing written
        assert not out.exists()
        assert f"{source}:203:1: error: statements nest more than 200 levels deep here" in (
            result.stderr)
    else:  # what is imported reads back
        assert CliRunner().invoke(cli.app, ["check", str(out)]).exit_code == 0


def test_14_a_long_chain_of_see_links_is_followed_once(tmp_path: Path) -> None:
    # 20,000 links: following each chain again from every link took minutes (quadratic)
    n = 20_000
    lines = ["Discussion Title: Q", "", "1. Q"]
    lines += [f"1.{i}. Pro: -> See 1.{i + 1}." for i in range(1, n)]
    lines.append(f"1.{n}. Pro: The end of the chain.")
    source = tmp_path / "see.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import argmap

    m = argmap.load_map(source)
    assert [s.text for s in m.walk() if s.ref is None] == ["The end of the chain."]


def test_24_fmt_says_what_to_write_instead_of_calling_its_refusal_a_bug(tmp_path: Path) -> None:
    source = tmp_path / "m.yaml"
    text = '{question: "Q?", claims: [{text: A}]} # trailing\n'
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["fmt", str(source)])
    assert (result.exit_code, result.stderr) == (
        1, f"argmap: {source}: formatting would lose a comment, so it is left as it is; fmt "
        "keeps comments on their own line or after a block-style value: move the comment "
        "onto a line of its own\n")
    assert source.read_text(encoding="utf-8") == text
