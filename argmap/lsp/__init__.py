"""``argmap lsp``: the compiler argmap is, for every editor that speaks LSP.

The pieces, from the bottom up:

- :mod:`argmap.lsp.text`: the document's lines, LSP positions (UTF-16 columns)
  and the range of the token a diagnostic points at;
- :mod:`argmap.lsp.index`: where each id, ref, citation, source and key sits,
  and the outline, from the composed YAML (positions only, no meaning);
- :mod:`argmap.lsp.context`: what the cursor is in, read from the lines around it,
  so completion works on a half-typed file that does not parse;
- :mod:`argmap.lsp.analysis`: one version of a document: ``check``'s diagnostics,
  its maps, and the index, each made once;
- :mod:`argmap.lsp.features` and :mod:`argmap.lsp.actions`: completion, hover,
  definitions, references, symbols, rename, code actions and formatting, as pure
  functions of an analysis;
- :mod:`argmap.lsp.server`: pygls, the debounce, and the guard that answers a
  failing request with an error instead of ending the connection.
"""

from __future__ import annotations
