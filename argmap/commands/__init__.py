"""Command functions kept out of cli.py, registered there with one line each."""
