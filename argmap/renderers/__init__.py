"""The picture formats' writers: DOT text (:mod:`dot`) and its Graphviz layout (:mod:`layout`).

Which formats exist, their file suffixes and descriptions are listed once, in
:data:`argmap.exporters.EXPORTERS`; the terminal tree lives here too (:mod:`tree`).
"""
