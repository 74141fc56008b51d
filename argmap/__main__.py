"""Run argmap as ``python -m argmap``."""

from argmap.cli import main

main()
