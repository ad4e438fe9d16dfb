"""Words drawn as glyph outlines (details of kind "label"): the level names and key of the spinal
chart, the orientation cues of the hand and foot sheets. The painter draws no text for details, so
the letters are outlined and hatched here, with Qt, at build time only.
"""

from __future__ import annotations

import os

from pathkit import fmt

_APP = None


def _glyphs(text: str, cap: float):
    """Polygons (subpaths) of `text` in DejaVu Sans Bold with cap height `cap`, and a containment
    test, at the origin. Needs Qt (only at build time)."""
    global _APP
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont, QGuiApplication, QPainterPath, QTransform

    if QGuiApplication.instance() is None:
        _APP = QGuiApplication([])
    font = QFont("DejaVu Sans")
    font.setPixelSize(100)
    font.setBold(True)
    path = QPainterPath()
    path.addText(0, 0, font, text)
    k = cap / 72.0  # DejaVu Sans cap height is 0.72 of the pixel size
    path = QTransform.fromScale(k, k).map(path)
    return path


def level_label(text: str, right_x: float, cy: float, cap: float = 19.0) -> str:
    """Glyph outlines plus horizontal hatching 0.9 units apart (the painter strokes details with
    a 1.3 pen and fills only paths that end with Z): solid, bone-coloured letters. Right-aligned
    at right_x, vertically centred on cy; absolute view coordinates."""
    from PySide6.QtCore import QPointF

    path = _glyphs(text, cap)
    r = path.boundingRect()
    dx, dy = right_x - r.right(), cy - r.center().y()
    parts = []
    for poly in path.toSubpathPolygons():
        pts = [(p.x() + dx, p.y() + dy) for p in poly]
        if len(pts) < 3:
            continue
        parts.append("M " + " L ".join(f"{fmt(x)} {fmt(y)}" for x, y in pts) + " Z")
    step_y, step_x = 0.9, 0.2
    y = r.top() + 0.45
    while y < r.bottom():
        x = r.left() - step_x
        run = None
        while x <= r.right() + step_x:
            inside = path.contains(QPointF(x, y))
            if inside and run is None:
                run = x
            elif not inside and run is not None:
                if x - run > 0.5:
                    parts.append(f"M {fmt(run + dx)} {fmt(y + dy)} L {fmt(x - step_x + dx)} {fmt(y + dy)}")
                run = None
            x += step_x
        y += step_y
    # end on an open stroke so the painter does not fill the glyphs with bone colour
    while parts and parts[-1].endswith("Z"):
        parts.append(parts.pop(0))
    return " ".join(parts)
