"""Atlas path data -> QPainterPath (cached). Qt GUI classes only."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QPainterPath

from imsmap.atlas.geometry import parse_path


@lru_cache(maxsize=4096)
def _build(d: str) -> QPainterPath:
    # The coordinates are given as numbers, not as a QPointF each: a chart's first paint builds
    # about 2,500 paths, and making the points was a quarter of the time.
    path = QPainterPath()
    for sub in parse_path(d):
        for cmd, points in sub.segments:
            if cmd == "M":
                path.moveTo(*points[0])
            elif cmd == "L":
                path.lineTo(*points[0])
            elif cmd == "C":
                (x1, y1), (x2, y2), (x3, y3) = points
                path.cubicTo(x1, y1, x2, y2, x3, y3)
            elif cmd == "Q":
                (x1, y1), (x2, y2) = points
                path.quadTo(x1, y1, x2, y2)
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
