"""The HTML ``argmap serve`` sends: the map's page with the live script, an error page, the index.

The map's page is ``render -f html``'s, with two changes: its Content-Security-Policy
lets the page connect to the server it came from (for the event stream and the
new page, nothing else), and the live script with its settings is added at the
end. Every user text goes through the page's own escaping.
"""

from __future__ import annotations

from importlib.resources import files
from urllib.parse import quote

from argmap.exporters.html import escape, script_json

_CSP = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "connect-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:\">")
_PLAIN = "<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}</style>"
_STYLE = ("<style>#argmap-live-errors{position:fixed;left:1rem;right:1rem;bottom:1rem;"
          "z-index:10;max-height:40vh;overflow:auto;margin:0;padding:.75rem 1rem;"
          "background:#fff4f4;color:#7a0000;border:2px solid #b00020;border-radius:6px;"
          "font:13px/1.4 ui-monospace,monospace;white-space:pre-wrap;"
          "box-shadow:0 4px 16px rgba(0,0,0,.2)}"
          "#argmap-live-errors[hidden]{display:none}"
          "@media (prefers-color-scheme:dark){#argmap-live-errors{background:#3a0008;"
          "color:#ffd7d7}}</style>")


def _script() -> str:
    return (files("argmap.serve") / "live.js").read_text(encoding="utf-8")


def _live_parts(config: dict[str, object]) -> str:
    errors = config.get("errors") or []
    shown = "" if errors else " hidden"
    text = escape("\n".join(str(e) for e in errors))  # type: ignore[attr-defined]
    return (f'{_STYLE}<pre id="argmap-live-errors" role="alert"{shown}>{text}</pre>'
            f'<script type="application/json" id="argmap-live">{script_json(config)}</script>'
            f'<script id="argmap-live-script">\n{_script()}</script>\n')


def live_page(html: str, config: dict[str, object]) -> str:
    """A map's page with the live script: it follows the file's saves in place."""
    start = html.find('<meta http-equiv="Content-Security-Policy"')
    end = html.find(">", start) + 1
    if start >= 0:
        html = html[:start] + _CSP + html[end:]
    at = html.rfind("</body>")
    return html[:at] + _live_parts(config) + html[at:]


def error_page(name: str, config: dict[str, object]) -> str:
    """The page of a file that has never held a good map: its diagnostics, waiting for one."""
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"{_CSP}\n{_PLAIN}\n<title>{escape(name)}: errors</title>\n</head>\n<body>\n"
            f"<h1>{escape(name)}</h1>\n<p>This file does not hold a map argmap can draw yet; "
            "the page shows it once a save fixes the errors below.</p>\n"
            f"{_live_parts(config)}</body>\n</html>\n")


def index_page(names: list[str]) -> str:
    """The list of the maps being served, each a link to its page."""
    items = "".join(f'<li><a href="/map/{escape(quote(n))}">{escape(n)}</a></li>'
                    for n in names)
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"{_CSP}\n{_PLAIN}\n<title>argmap serve</title>\n</head>\n<body>\n<h1>Maps</h1>\n"
            f"<ul>{items}</ul>\n</body>\n</html>\n")
