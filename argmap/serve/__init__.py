"""``argmap serve``: the live preview, the HTML page of each map updated in place on every save.

:mod:`argmap.serve.project` decides which paths may be served (the maps under
the path given, nothing else); :mod:`argmap.serve.server` renders them, watches
them, and serves them over HTTP with server-sent events for the updates.
``live.js`` is the page's side: it swaps in the new page and keeps the scroll,
the zoom, the selection, the collapsed statements and the search.
"""

from __future__ import annotations
