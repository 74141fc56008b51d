"""Command functions kept out of cli.py; cli.py registers each with one line."""
