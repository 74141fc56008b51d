"""A debater's cite line, taken apart into a source's fields.

Cites are written by hand, so this reads the shapes debaters use and says
when it could not place everything (:attr:`Cite.whole`): the reader then keeps
the cite as written in the source's ``note``. The shape argmap's own brief
writes (:func:`argmap.brief.cards.cite_parts`) is read back exactly::

    Murray & Rivers 15 (Jane Murray & Bob Rivers, Professor of Economics at MIT;
    “The Tax Will Fail”; Brookings; 2015-05-01; https://…; accessed 2024-01-02) p. 12

Others are read as far as they go: ``Kiersz 18 (Andy, a senior reporter at
Business Insider, "Title", Business Insider, 8-7-2018, https://…)`` and
``Bazzi, 19 – Mohamad Bazzi, a journalism professor …``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple


class Cite(NamedTuple):
    """What a cite line says; ``whole`` is set when part of it could not be placed."""

    short: str | None
    author: tuple[str, ...] = ()
    quals: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    accessed: str | None = None
    locator: str | None = None
    whole: bool = False


_SHORT_END = re.compile(r"\s*[(\[]|\s+[–—-]{1,3}\s+|\s*[–—]\s*|\s*//")
#: a line that is nothing but a short cite: a name and a year (``Smith 2020``, ``Lee 15``)
_ONLY_SHORT = re.compile(r"[A-Z][\w .,&'’-]{0,60}\s\d{2}(?:\d{2})?")
_URL = re.compile(r"https?://\S+")
_ACCESSED = re.compile(r"(?i)(?:date\s+)?(?:accessed|access date|doa|retrieved)[:\s]+(.+)")
_QUOTED = re.compile(r'\A[“"‘\'](.+?)[”"’\']?[,.]?\Z')
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"), 1)}
_CLOSE = {"(": ")", "[": "]"}


def parse_cite(text: str, cite_runs: list[str] | None = None) -> Cite:
    """Take a cite line apart; ``cite_runs`` are its runs in the Cite style (the short
    cite, where the line has no bracket or dash after it)."""
    text = " ".join(text.split())
    short, rest = _short(text, cite_runs or [])
    inner, after = _bracketed(rest)
    fields = [piece for field in _fields(inner) for piece in _pieces(field)]
    found: dict[str, str] = {}
    who: list[str] = []
    quals: list[str] = []
    leftover = False
    for field in fields:
        field = field.strip(" ,;")
        if not field:
            continue
        if (url := _URL.search(field)) is not None and "url" not in found:
            found["url"] = url.group().rstrip(".,;)")
            leftover |= bool(field.replace(url.group(), "").strip(" ,;.:"))
        elif (accessed := _ACCESSED.match(field)) is not None and "accessed" not in found:
            value = parse_date(accessed.group(1))
            if value is None:
                leftover = True
            else:
                found["accessed"] = value
        elif (quoted := _QUOTED.match(field.lstrip("("))) is not None and \
                "title" not in found and field.lstrip("(")[0] in "“\"‘'":
            found["title"] = quoted.group(1).strip().rstrip(",.")
        elif "date" not in found and (date := parse_date(field)) is not None:
            found["date"] = date
        elif "title" not in found:
            (quals if who else who).append(field)
        elif "publisher" not in found:
            found["publisher"] = field
        else:
            leftover = True
    author: tuple[str, ...] = ()
    if who:
        names, _, more = who[0].partition(", ") if ";" in inner or len(who) == 1 else (
            who[0], "", "")
        author = tuple(a.strip() for a in re.split(r"\s+(?:&|and)\s+", names) if a.strip())
        quals = ([more] if more else []) + quals
        last = re.match(r"[A-Z][\w'’-]+", short or "")
        if len(author) == 1 and " " not in author[0] and last and author[0][:1].isupper():
            author = (f"{author[0]} {last.group()}",)  # "Guay, 18 - Terrence, …": Terrence Guay
    if "date" not in found and short and (date := _date_in(short)) is not None:
        found["date"] = date
    locator = after.strip(" ,;.") or None
    whole = leftover or short is None or "title" not in found
    return Cite(short, author, ", ".join(quals) or None, found.get("title"),
                found.get("publisher"), found.get("date"), found.get("url"),
                found.get("accessed"), locator, whole)


def _short(text: str, cite_runs: list[str]) -> tuple[str | None, str]:
    match = _SHORT_END.search(text)
    if match is not None and 0 < match.start() <= 80:
        return text[:match.start()].strip(" ,;:") or None, text[match.start():].strip()
    runs = " ".join("".join(cite_runs).split())
    if runs and text.startswith(runs):
        return runs.strip(" ,;:") or None, text[len(runs):].strip()
    if _ONLY_SHORT.fullmatch(text):
        return text, ""
    return None, text


def _bracketed(rest: str) -> tuple[str, str]:
    """The text inside the bracket that opens ``rest`` and what follows it (the locator);
    a dash or ``//`` instead: everything after it."""
    if rest[:1] in _CLOSE:
        close = rest.rfind(_CLOSE[rest[0]])
        if close > 0:
            return rest[1:close], rest[close + 1:]
        return rest[1:], ""
    return re.sub(r"\A(?:[–—-]{1,3}|//)\s*", "", rest), ""


def _pieces(field: str) -> list[str]:
    """A ``; ``-field that holds a quoted title or a URL among other things (``"Title,"
    Publisher, https://…``), split at its commas outside quotation marks; any other field
    whole (argmap's own cites keep one thing a field, and qualifications have commas)."""
    stripped = field.strip(" (")
    pure = (stripped[:1] in "“\"" and stripped.rstrip(" ,.)").endswith(("”", '"'))) or \
        _URL.fullmatch(stripped.rstrip(" ,.)")) is not None
    if pure or not (_URL.search(field) or any(q in field for q in "“\"")):
        return [field]
    out = []
    for piece in _fields(field.replace(";", ",")):
        # `“Title,” Publisher`: the title ends at its closing mark
        close = max(piece.find("”"), piece.rfind('"') if piece.count('"') >= 2 else -1)
        if 0 < close < len(piece.rstrip()) - 1 and piece.lstrip(" (")[:1] in "“\"":
            out += [piece[:close + 1], piece[close + 1:]]
        else:
            out.append(piece)
    return out


def _date_in(short: str) -> str | None:
    """The date a short cite holds (``Guay, 10-19-2018``, ``Karnofsky 2014``), if whole."""
    match = re.search(r"(\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4})\s*\Z", short)
    return parse_date(match.group(1)) if match else None


def _fields(inner: str) -> list[str]:
    """``; ``-separated fields (argmap's own cites), else ``, ``-separated ones outside
    quotation marks."""
    if "; " in inner:
        return inner.split("; ")
    out: list[str] = []
    current: list[str] = []
    quoted = False
    for i, c in enumerate(inner):
        if c in "“”\"":
            quoted = c != "”" and not (c == '"' and quoted)
        if c == "," and not quoted and inner[i + 1:i + 2] == " ":
            out.append("".join(current))
            current = []
        else:
            current.append(c)
    out.append("".join(current))
    return out


def parse_date(text: str) -> str | None:
    """A date as argmap writes it (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), from the ways
    cites write dates: ISO, ``5-14-2019``, ``5/14/19``, ``May 14, 2019``, ``14 May 2019``."""
    text = text.strip(" ,.;")
    if (m := re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)) is not None:
        return _iso(int(m[1]), m[2] and int(m[2]), m[3] and int(m[3]))
    if (m := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", text)) is not None:
        year = int(m[3]) + (2000 if len(m[3]) == 2 and int(m[3]) < 50 else
                            1900 if len(m[3]) == 2 else 0)
        return _iso(year, int(m[1]), int(m[2]))
    m = re.fullmatch(r"([A-Za-z]{3,})\.? (\d{1,2}),? (\d{4})", text) or None
    if m is not None and (month := _MONTHS.get(m[1][:3].lower())):
        return _iso(int(m[3]), month, int(m[2]))
    m = re.fullmatch(r"(\d{1,2}) ([A-Za-z]{3,})\.?,? (\d{4})", text)
    if m is not None and (month := _MONTHS.get(m[2][:3].lower())):
        return _iso(int(m[3]), month, int(m[1]))
    m = re.fullmatch(r"([A-Za-z]{3,})\.? (\d{4})", text)
    if m is not None and (month := _MONTHS.get(m[1][:3].lower())):
        return _iso(int(m[2]), month, None)
    return None


def _iso(year: int, month: int | str | None, day: int | str | None) -> str | None:
    try:
        dt.date(year, int(month or 1), int(day or 1))
    except ValueError:
        return None
    if year < 1000:
        return None
    if not month:
        return f"{year:04d}"
    return f"{year:04d}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
