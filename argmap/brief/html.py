"""A brief as one printable HTML page; every piece of user text goes through :func:`esc`."""

from __future__ import annotations

from argmap.brief.records import LEVELS, Brief
from argmap.escape import CONTROLS

_CLEAN = str.maketrans(CONTROLS)

STYLE = """
body { font: 11pt/1.4 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #111; }
h1 { font-size: 18pt; border-bottom: 2px solid #111; margin-top: 1.6em; }
h1.title { font-size: 22pt; border: none; margin-top: 0; }
h2 { font-size: 16pt; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 13pt; margin-top: 1.4em; }
h4 { font-size: 11pt; margin: 1em 0 0.2em; }
.status { margin: 0 0 0.3em; }
.deep { border-left: 2px solid #bbb; padding-left: 0.6em; }
.flag { font-family: sans-serif; font-size: 9pt; border: 1px solid; padding: 0 0.3em;
        margin-right: 0.4em; }
.unanswered { font-weight: bold; text-decoration: underline; }
.cite { font-weight: bold; margin: 0.2em 0; }
.card { margin: 0.2em 0 0.8em 1.5em; }
.note { font-style: italic; color: #444; margin: 0.2em 0; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; }
               h4 { break-after: avoid; } }
"""


def esc(text: str) -> str:
    """User text escaped for HTML body text and attribute values."""
    return (text.translate(_CLEAN).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;"))


def render_html(brief: Brief) -> str:
    """The brief as a standalone HTML page, styled for screen and print."""
    body: list[str] = []
    for block in brief.blocks:
        if block.depth:  # a step deeper into an exchange: indented, with a rule to its left
            body.append(f'<div class="deep" style="margin-left:{1.5 * block.depth}em">')
        text = esc(block.text)
        flag = ""
        if block.flag:
            extra = " unanswered" if "UNANSWERED" in block.flag else ""
            flag = f'<span class="flag{extra}">{esc(block.flag)}</span>'
        if block.kind == "title":
            body.append(f'<h1 class="title">Brief: {text}</h1>')
        elif block.kind in LEVELS:
            level = LEVELS[block.kind]
            body.append(f"<h{level}>{text}</h{level}>")
            if flag:  # its own line: a heading copied into a file carries no label
                body.append(f'<p class="status">{flag}</p>')
        elif block.kind == "cite":
            body.append(f'<p class="cite">{text}</p>')
        elif block.kind == "card":
            body.append(f'<blockquote class="card">{text}</blockquote>')
        else:
            body.append(f'<p class="note">{text}</p>')
        if block.depth:
            body.append("</div>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>Brief: {esc(brief.title)}</title>\n<style>{STYLE}</style>\n</head>\n"
            "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n")
