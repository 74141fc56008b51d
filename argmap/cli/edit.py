"""The commands that edit maps: new, add, rm and mv (fmt and watch are next door).

app.py registers each with one line. This module imports only typer and the
console helpers at the top (``argmap --help`` must stay fast); the editing
machinery is imported inside each command.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.cli.messages import fail, say

if TYPE_CHECKING:
    from collections.abc import Callable

    from argmap.diagnostics import Diagnostic
    from argmap.edit.operations import Edit
    from argmap.readers.yaml.fast import CanonicalLines

SCHEMA_NAME = "argmap-1.schema.json"

File = Annotated[Path, typer.Argument(show_default=False, help="The map file.")]
MapOpt = Annotated[str | None, typer.Option(
    "--map", show_default=False, help="In a file of several maps, the id of the one to edit.")]


def valid_texts(**options: str | list[str] | None) -> None:
    """Refuse an option whose value is not text: bytes the shell passed that are not UTF-8
    (Python keeps them as lone surrogates, which no map can hold). A usage error, exit 2."""
    for name, value in options.items():
        for text in [value] if isinstance(value, str) else value or []:
            if any("\ud800" <= c <= "\udfff" for c in text):
                shown = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                fail(f"--{name.replace('_', '-')} '{shown}' is not UTF-8 text; "
                           "give the text in UTF-8", 2)


def read_map(file: Path) -> tuple[str, bool]:
    """The file's text and whether it starts with a byte-order mark.

    Read as every command reads a map (:func:`argmap.files.read_input`): a
    regular file of at most 64M; a FIFO, a device or standard input is
    refused before anything is read.
    """
    from argmap.files import MAX_BYTES, STDIN, read_input
    from argmap.readers.yaml.load import load_bytes

    if file == STDIN:
        fail("this command edits a file in place: give its name (- is not one here)", 2)
    data = read_input(file, MAX_BYTES)
    if not isinstance(data, bytes):
        print_errors([data])
        fail(f"{file} left unchanged: it cannot be read as a map file", 1)
    try:
        return data.decode("utf-8-sig"), data.startswith(b"\xef\xbb\xbf")
    except UnicodeDecodeError:
        print_errors(load_bytes(data, str(file)).diagnostics)
        fail(f"{file} left unchanged: it is not UTF-8", 1)


#: Why a read-only map is left alone, after ``FILE left unchanged: ``.
READ_ONLY = "it is read-only (no write permission)"


def read_only(file: Path) -> bool:
    """Whether the file's permissions say it is not to be changed.

    argmap rewrites a map by renaming a new file over it, which needs write
    permission only on the folder, and root may write any file: so neither
    the rename nor ``os.access`` would stop it. A map is read-only when this
    user may not write it (``os.access``) or when no write bit is set at all
    (``chmod a-w``, which holds for root too).
    """
    import os
    import stat

    try:
        mode = file.stat().st_mode
    except OSError:  # gone or unreadable: reading it says so
        return False
    return (not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
            or not os.access(file, os.W_OK))


def print_errors(diagnostics: list[Diagnostic]) -> None:
    """Print diagnostics on stderr as ``argmap check`` does."""
    from argmap.api import Document
    from argmap.cli.console import print_diagnostics

    print_diagnostics(Document(diagnostics=diagnostics), summary=False)


def edit_file(file: Path, edit: Callable[[str, CanonicalLines], Edit],
              guard: bool = False) -> None:
    """Apply ``edit`` to a map file's text, check the result, and write it atomically.

    The map must be valid before and after: otherwise the diagnostics are
    printed (the same as ``argmap check``) and the file is left untouched.
    ``guard`` (rm, mv: edits that may remove an id) also refuses an edit that
    would break a reference from another map of the project.
    What the edit did is said last, before the file's name. ``edit`` gets the
    canonical lines the check read (filled when the map is in fmt's layout), so
    the edit need not read the text again.
    """
    from argmap.cli.projectfile import project_file
    from argmap.edit import with_cr, with_lf
    from argmap.edit.operations import EditError
    from argmap.readers.yaml.fast import CanonicalLines
    from argmap.readers.yaml.load import load_text
    from argmap.readers.yaml.source import YAMLSyntaxError
    from argmap.rules.format import check_read

    if read_only(file):
        fail(f"{file} left unchanged: {READ_ONLY}", 1)
    text, bom = read_map(file)
    text, cr_only = with_lf(text)
    found = project_file()
    defaults = None if found is None else found.defaults_for(file)  # its debate format …
    lines = CanonicalLines()
    loaded = load_text(text, str(file), defaults=defaults, record=lines)
    before = check_read(loaded)
    errors = [d for d in before if d.severity.value == "error"]
    if errors:
        print_errors(errors)
        fail(f"{file} left unchanged: fix its errors first, then edit it", 1)
    try:
        edited, done = edit(text, lines)
    except EditError as exc:
        fail(f"{file} left unchanged: {exc}", exc.code)
    except YAMLSyntaxError as exc:  # checked above, so only a bug gets here
        fail(f"{file} left unchanged: {exc}", 3)
    reread = load_text(edited, str(file), defaults=defaults, like=lines)
    after = check_read(reread)
    if any(d.severity.value == "error" for d in after):
        print_errors([d for d in after if d.severity.value == "error"])
        fail(f"{file} left unchanged: the edit would make the map invalid (the "
                    "positions above are in the edited text)", 1)
    from argmap.api import cross_file_breaks

    broken = cross_file_breaks(file, loaded.maps, reread.maps) if guard else []
    if broken:
        print_errors(broken)
        fail(f"{file} left unchanged: {len(broken)} reference{'s' * (len(broken) > 1)} "
             "from other maps of the project would name nothing", 1)
    seen = {(d.code, d.message) for d in before}
    print_errors([d for d in after if (d.code, d.message) not in seen])
    write_map(file, ("\ufeff" if bom else "") + with_cr(edited, cr_only))
    say(f"{done} {file}")


def write_map(file: Path, text: str) -> None:
    """Replace the file's contents through the one safe writer (whole or not at all,
    through a symlink, keeping its mode: see :func:`argmap.cli.output.write_file`)."""
    from argmap.files.write import write_file

    try:
        write_file(file, text.encode("utf-8"))
    except OSError as exc:
        fail(f"cannot write {file}: {exc.strerror}", 1)


# -- new ------------------------------------------------------------------------

def schema_reference(file: Path) -> tuple[str, bool]:
    """The ``$schema`` path for a new map, relative to its folder, and whether it exists.

    Looks in the file's folder and each folder above it for
    ``argmap-1.schema.json`` or ``schema/argmap-1.schema.json`` (this
    repository's layout). Without one, the reference names
    ``argmap-1.schema.json`` next to the map, which ``argmap schema`` can write.
    """
    import os

    folder = file.absolute().parent
    for place in (folder, *folder.parents):
        for candidate in (place / SCHEMA_NAME, place / "schema" / SCHEMA_NAME):
            if candidate.is_file():
                return Path(os.path.relpath(candidate, folder)).as_posix(), True
    return SCHEMA_NAME, False


def new_command(
    file: File,
    question: Annotated[str | None, typer.Option("--question", "-q", show_default=False,
                        help="The question the map argues.")] = None,
    claim: Annotated[list[str] | None, typer.Option("--claim", "-c", show_default=False,
                     help="A claim that answers it; repeat for more. At least one.")] = None,
    library: Annotated[bool, typer.Option("--library", help="Start a card library instead: "
                       "sources and cards, no question, that the project's maps cite as "
                       "LIBRARY/SOURCE and ref as LIBRARY/ID (format 1.2).")] = False,
) -> None:
    """Start a new map: the schema line for editors, the question and its claims.

    Claims get ids made from their first words, to address them with add.
    Refuses to overwrite a file that exists. With --library, a card library
    (add sources with argmap add FILE --source ID --title TITLE).

    Example: argmap new maps/ring-road.yaml -q "Close the centre to cars?" -c "Yes, close it."
    """
    from argmap.edit.write import new_library, new_map
    from argmap.rules.format import check_text

    valid_texts(question=question, claim=claim)
    if library and (question is not None or claim):
        fail("--library starts a card library, which has no question or claims: leave out "
             "--question and --claim", 2)
    if not library and question is None:
        fail("a map needs a question: give --question TEXT (or --library for a card "
             "library)", 2)
    if not library and not claim:
        fail("a map needs at least one claim: give --claim TEXT", 2)
    if str(file) == "-":
        fail("argmap new writes a file: give its name (- is not one here)", 2)
    if file.exists() or file.is_symlink():
        fail(f"{file} already exists; not overwriting it", 1)
    reference, found = schema_reference(file)
    text = new_library(reference) if question is None else new_map(question, claim or [],
                                                                    reference)
    errors = [d for d in check_text(text, str(file)) if d.severity.value == "error"]
    if errors:
        print_errors(errors)
        fail(f"{file} not written: the question or a claim is not valid text", 1)
    try:
        _create(file, text.encode("utf-8"))
    except FileExistsError:
        fail(f"{file} already exists; not overwriting it", 1)
    except OSError as exc:
        fail(f"cannot write {file}: {exc.strerror}", 1)
    say(f"wrote {file}")
    if not found:
        say(f"no {SCHEMA_NAME} found near it; for editor checks run: "
            f"argmap schema > {file.parent / SCHEMA_NAME}")


def _create(file: Path, data: bytes) -> None:
    """Write a new file whole or not at all, never over an existing one.

    The data goes to a temporary file first; a hard link then gives it its
    name, which fails if the name exists (unlike a rename, which replaces).

    Raises:
        FileExistsError: if ``file`` exists; OSError if it cannot be written.
    """
    import os
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", dir=file.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        try:
            os.link(tmp, file)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: create it exclusively
            with open(file, "xb") as handle:
                handle.write(data)
    finally:
        os.unlink(tmp)


# -- add, rm, mv ------------------------------------------------------------------

def add_command(
    file: File,
    to: Annotated[str | None, typer.Option("--to", show_default=False,
                  help="Address of the statement to add under: an id or a derived id (c1.pro2) "
                  "as argmap show --ids prints them; a ref's address gives the statement it "
                  "names.")] = None,
    pro: Annotated[str | None, typer.Option("--pro", show_default=False,
                   help="Add a premise supporting it, with this text.")] = None,
    con: Annotated[str | None, typer.Option("--con", show_default=False,
                   help="Add a premise rebutting it, with this text.")] = None,
    undercut: Annotated[str | None, typer.Option("--undercut", show_default=False,
                        help="Add a premise attacking its step to its parent.")] = None,
    claim: Annotated[str | None, typer.Option("--claim", show_default=False,
                     help="Add a claim (no --to), with this text.")] = None,
    together: Annotated[list[str] | None, typer.Option("--together", show_default=False,
                        help="With --pro or --con: a premise that holds up the parent together "
                        "with it, as one linked argument (format 1.1); repeat for more.")] = None,
    new_id: Annotated[str | None, typer.Option("--id", show_default=False,
                      help="The new statement's id.")] = None,
    argument_id: Annotated[str | None, typer.Option("--argument-id", show_default=False,
                           help="With --together: the linked argument's own id.")] = None,
    by: Annotated[str | None, typer.Option("--by", show_default=False,
                  help="Who advances it.")] = None,
    cite: Annotated[list[str] | None, typer.Option("--cite", show_default=False,
                    help="SOURCE or SOURCE:LOCATOR it cites; repeat for more.")] = None,
    quote: Annotated[str | None, typer.Option("--quote", show_default=False,
                     help="The words quoted from the (last) cited source.")] = None,
    weight: Annotated[int | None, typer.Option("--weight", show_default=False,
                      help="How much it bears on its parent, 1-5.")] = None,
    scheme: Annotated[str | None, typer.Option("--scheme", show_default=False,
                      help="The argument scheme of its step to the parent (format 1.2; "
                      "argmap schemes lists them); with --together, the argument's.")] = None,
    answers: Annotated[list[str] | None, typer.Option("--answers", show_default=False,
                       help="A critical question of the step above that it raises or "
                       "settles (expert-opinion.expertise); repeat for more.")] = None,
    source: Annotated[str | None, typer.Option("--source", show_default=False,
                      help="Add a source with this id instead of a statement.")] = None,
    title: Annotated[str | None, typer.Option("--title", show_default=False,
                     help="The source's title (with --source).")] = None,
    author: Annotated[str | None, typer.Option("--author", show_default=False,
                      help="The source's author.")] = None,
    publisher: Annotated[str | None, typer.Option("--publisher", show_default=False,
                         help="The source's publisher.")] = None,
    date: Annotated[str | None, typer.Option("--date", show_default=False,
                    help="The source's date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    url: Annotated[str | None, typer.Option("--url", show_default=False,
                   help="The source's http(s) address.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", show_default=False,
                    help="article, report, book, memo, speech, fact-check, ...")] = None,
    map_id: MapOpt = None,
    speech: Annotated[str | None, typer.Option("--speech", show_default=False,
                      help="Format 1.2: the speech of the round it is said in.")] = None,
    ref: Annotated[str | None, typer.Option("--ref", show_default=False,
                   help="Add a ref to the statement with this id (with --speech: an extension); "
                   "without --to, beside that statement.")] = None,
    ref_as: Annotated[str | None, typer.Option("--as", show_default=False,
                      help="With --ref and --to: pro, con or undercut.")] = None,
) -> None:
    """Add a premise, a claim or a source to a map file, in place.

    Every comment, blank line and key order elsewhere in the file stays as it
    was; the new lines follow the file's indentation. The edited map is
    checked first: an edit that would make it invalid (unknown address,
    duplicate id, undercut on a claim, unknown source) is refused with the
    diagnostics of argmap check, and the file is left untouched.

    --pro A --together B adds one linked argument whose premises A and B hold
    up the statement only together; --weight and --argument-id are then the
    argument's, and --id, --by, --cite and --quote describe A. With --to a
    linked argument (c1.pro1), --pro or --con (its own side) adds a premise to
    it and --undercut attacks its step; --together there is refused (one linked argument cannot hold
    another).

    --speech says which speech of a round (format 1.2) it was said in; --ref ID
    adds a ref to a statement (with --speech, an extension: said again in that
    speech), beside it unless --to and --as say where.

    Exit code 1: the map does not allow the edit; 2: the command line is wrong
    in itself or names an address the map does not have.

    --scheme names the argument scheme of the new step (format 1.2: `argmap schemes`
    lists them); --answers names the critical question of the step above that the new
    statement raises or settles.

    Example: argmap add maps/nato-promise.yaml --to baker-germany --con "Said twice." --by TASS
    """
    valid_texts(pro=pro, con=con, undercut=undercut, claim=claim, together=together, id=new_id,
                argument_id=argument_id, by=by, quote=quote, title=title, author=author,
                publisher=publisher, kind=kind)
    from argmap.edit.operations import Edit, add_argument_edit, add_source, add_statement_edit
    from argmap.edit.write import NewStatement

    if ref is not None:
        from argmap.edit.refs import add_ref_edit

        if any(v is not None for v in (pro, con, undercut, claim, together, source, new_id)):
            fail("--ref adds a ref item; leave out --pro, --con, --undercut, --claim, "
                 "--together, --source and --id", 2)
        if ref_as not in (None, "pro", "con", "undercut"):
            fail(f"--as {ref_as}: use pro, con or undercut", 2)
        edit_file(file, lambda t, lines: add_ref_edit(t, ref, to, ref_as, speech, weight,
                                                      map_id, lines))
        return
    if ref_as is not None:
        fail("--as says how a --ref bears on --to; use it with --ref", 2)
    if source is not None:
        if any(v is not None for v in (to, pro, con, undercut, claim, together, scheme,
                                       answers)):
            fail("--source adds a source; leave out --to, --pro, --con, --undercut, "
                        "--claim and --together", 2)
        if title is None:
            fail("a source needs a --title", 2)
        fields = {"title": title, "author": author, "publisher": publisher, "date": date,
                  "url": url, "kind": kind}
        given = {k: v for k, v in fields.items() if v is not None}
        edit_file(file, lambda text, _: Edit(add_source(text, source, given, map_id),
                                              f"added source '{source}' to"))
        return
    if to is not None:
        to, map_id = local_address(to, map_id, file)
    chosen = [(name, value) for name, value in
              (("pro", pro), ("con", con), ("undercut", undercut), ("claim", claim))
              if value is not None]
    if len(chosen) != 1:
        fail("say what to add: one of --pro, --con, --undercut or --claim TEXT "
                    "(or --source ID)", 2)
    relation, text = chosen[0]
    if (relation == "claim") != (to is None):
        fail("--claim adds a claim, without --to; --pro, --con and --undercut need "
                    "--to ADDRESS", 2)
    cites = [(c.split(":", 1)[0], c.split(":", 1)[1] if ":" in c else None) for c in cite or []]
    if quote is not None and not cites:
        fail("--quote needs a --cite SOURCE to quote from", 2)
    if together:
        if relation not in ("pro", "con") or to is None:
            fail("--together adds premises that hold up a statement together: use it "
                        "with --to ADDRESS and --pro or --con TEXT", 2)
        premises = [NewStatement(text, new_id, by, None, cites, quote, None, answers or [],
                                 speech),
                    *(NewStatement(other) for other in together)]
        edit_file(file, lambda t, lines: add_argument_edit(
            t, premises, weight, to, relation, map_id, argument_id, scheme, lines))
        return
    if argument_id is not None:
        fail("--argument-id names a linked argument: use it with --together", 2)
    if scheme is not None and relation not in ("pro", "con"):
        fail("--scheme names the pattern of a pro or con step: use it with --pro or --con "
             "(an undercut attacks a step, a claim has none)", 2)
    new = NewStatement(text, new_id, by, weight, cites, quote, scheme, answers or [],
                       speech)
    edit_file(file, lambda t, lines: add_statement_edit(t, new, to, relation, map_id, lines))


def local_address(address: str, map_id: str | None, file: Path) -> tuple[str, str | None]:
    """An address as the edit layer takes it: ``MAP-ID/ID`` (format 1.2) is ``ID`` in the map
    ``MAP-ID`` of the file (as ``--map MAP-ID`` says, unless the map's id is the file's name);
    a usage error if it contradicts --map."""
    from argmap.readers.yaml.build import slugify

    if "/" not in address:
        return address, map_id
    named, _, local = address.partition("/")
    if map_id is not None and map_id != named:
        fail(f"{address} names map '{named}', but --map says '{map_id}'", 2)
    return local, None if map_id is None and named == slugify(file.stem) else named


def rm_command(
    file: File,
    address: Annotated[str, typer.Argument(show_default=False,
                       help="The statement to remove: id or derived id (c1.pro2).")],
    map_id: MapOpt = None,
) -> None:
    """Remove a statement and everything under it from a map file.

    Refuses when a ref elsewhere points at a statement it would remove. At a
    ref position, only the ref goes; the statement stays where it is written.

    Example: argmap rm maps/nato-promise.yaml c1.pro2.undercut1
    """
    from argmap.edit.operations import remove_edit

    address, map_id = local_address(address, map_id, file)
    edit_file(file, lambda text, lines: remove_edit(text, address, map_id, lines), guard=True)


def mv_command(
    file: File,
    address: Annotated[str, typer.Argument(show_default=False,
                       help="The statement to move: id or derived id (c1.pro2).")],
    to: Annotated[str, typer.Option("--to", show_default=False,
                  help="The statement to move it under.")],
    pro: Annotated[bool, typer.Option("--pro", help="As a supporting premise.")] = False,
    con: Annotated[bool, typer.Option("--con", help="As a rebutting premise.")] = False,
    undercut: Annotated[bool, typer.Option("--undercut", help="As an undercut.")] = False,
    map_id: MapOpt = None,
) -> None:
    """Move a statement, with its premises, under another statement.

    It keeps its relation (pro, con, undercut) unless --pro, --con or
    --undercut says otherwise, and goes last in that list. At a ref position
    only the ref moves; --to a ref position moves it under the statement the
    ref names.

    Example: argmap mv maps/nato-promise.yaml heard-broader --to nothing-in-writing --con
    """
    from argmap.edit.move import move_edit

    flags = [name for name, on in (("pro", pro), ("con", con), ("undercut", undercut)) if on]
    if len(flags) > 1:
        fail("give at most one of --pro, --con and --undercut", 2)
    relation = flags[0] if flags else None
    address, map_id = local_address(address, map_id, file)
    to, map_id = local_address(to, map_id, file)
    edit_file(file, lambda text, lines: move_edit(text, address, to, relation, map_id, lines),
              guard=True)
