"""Atlas path data -> QPainterPath (cached). Qt GUI classes only."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from imsmap.atlas.geometry import parse_path


@lru_cache(maxsize=4096)
def _build(d: str) -> QPainterPath:
    path = QPainterPath()
    for sub in parse_path(d):
        for seg in sub.segments:
            p = [QPointF(x, y) for x, y in seg.points]
            if seg.cmd == "M":
                path.moveTo(p[0])
            elif seg.cmd == "L":
                path.lineTo(p[0])
            elif seg.cmd == "C":
                path.cubicTo(p[0], p[1], p[2])
            elif seg.cmd == "Q":
                path.quadTo(p[0], p[1])
        if sub.closed:
            path.closeSubpath()
    return path


def painter_path(d: str) -> QPainterPath:
    """The QPainterPath for path data ``d``; a copy, so callers may change it freely."""
    return QPainterPath(_build(d))


def painter_paths(ds: tuple[str, ...] | list[str]) -> QPainterPath:
    """Several path strings joined into one QPainterPath (e.g. a multi-part outline)."""
    path = QPainterPath()
    for d in ds:
        path.addPath(_build(d))
    return path
