"""Escaping for every output language (:mod:`escape`) and the diagram themes (:mod:`themes`).

The formats themselves are under :mod:`argmap.exporters`, listed in
:data:`argmap.exporters.EXPORTERS`; the terminal tree is :mod:`argmap.exporters.tree`.
"""
