"""Atlas path data -> QPainterPath (cached). Qt GUI classes only."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QPainterPath

from imsmap.atlas.geometry import parse_path


@lru_cache(maxsize=4096)
def _build(d: str) -> QPainterPath:
    # Each segment's numbers go to Qt as the path data writes them (a cubic's six, x1 y1 x2 y2
    # x y, are cubicTo's arguments): a chart's first paint builds about 2,500 paths, and making
    # a point of each pair, as a QPointF or a tuple, was a quarter of the time.
    path = QPainterPath()
    for sub in parse_path(d):
        for cmd, numbers in sub.segments:
            if cmd == "M":
                path.moveTo(*numbers)
            elif cmd == "L":
                path.lineTo(*numbers)
            elif cmd == "C":
                path.cubicTo(*numbers)
            elif cmd == "Q":
                path.quadTo(*numbers)
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
