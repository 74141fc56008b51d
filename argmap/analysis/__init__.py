"""Analyses of an argument graph: evaluation (which statements stand) and statistics."""
