"""What argmap takes for a web address: one rule for the YAML reader and every importer,
so an import never writes a ``url`` that ``check`` would refuse (``bad-url``)."""

from __future__ import annotations

from urllib.parse import urlsplit


def url_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute http(s) URL without spaces, or None if it is one."""
    try:
        parts = urlsplit(value)
    except ValueError as exc:  # "http://[::1", or a host NFKC turns into "/" or "@"
        reason = str(exc)
        return f"{reason[:1].lower()}{reason[1:]}"
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        return ""
    return None


def web_url(value: str) -> str | None:
    """``value`` as argmap keeps a link's address (the scheme in lower case: ``HTTPS://``
    is a web address too), or None when it is none."""
    scheme, sep, rest = value.partition("://")
    candidate = scheme.lower() + sep + rest if sep else value
    return candidate if url_problem(candidate) is None else None
