"""Atlas path data -> QPainterPath (cached). Qt GUI classes only."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from imsmap.atlas.geometry import parse_path


_ARITY = {"M": 2, "L": 2, "C": 6, "Q": 4, "Z": 0}


@lru_cache(maxsize=4096)
def _build(d: str) -> QPainterPath:
    path = _build_direct(d)
    return path if path is not None else _build_parsed(d)


def _build_direct(d: str) -> QPainterPath | None:
    """The path straight from its text, with no objects in between (the chart's first paint
    builds about 500 of them; half the time of going through parse_path). None at anything
    parse_path refuses, so that `_build_parsed` raises its error."""
    tokens = d.replace(",", " ").split()
    path = QPainterPath()
    i, n = 0, len(tokens)
    state = None  # None before the first M, then "open" or "closed" (after Z: only M)
    isfinite = math.isfinite
    try:
        while i < n:
            cmd = tokens[i]
            k = _ARITY[cmd]
            if i + 1 + k > n:
                return None
            v = [float(t) for t in tokens[i + 1:i + 1 + k]]
            if not all(map(isfinite, v)):
                return None
            i += 1 + k
            if cmd == "M":
                path.moveTo(v[0], v[1])
                state = "open"
            elif state != "open":
                return None
            elif cmd == "L":
                path.lineTo(v[0], v[1])
            elif cmd == "C":
                path.cubicTo(v[0], v[1], v[2], v[3], v[4], v[5])
            elif cmd == "Q":
                path.quadTo(v[0], v[1], v[2], v[3])
            else:
                path.closeSubpath()
                state = "closed"
    except (KeyError, ValueError):
        return None
    return path if state is not None else None


def _build_parsed(d: str) -> QPainterPath:
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
