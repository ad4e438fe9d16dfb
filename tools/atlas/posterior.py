"""Posterior body chart (placeholder while drawing)."""
from body import new_figure


def build():
    return new_figure("posterior")
