"""Small pieces of trend plots shared by the Progress tab and the progress PDF."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen


def broken_polyline(painter: QPainter, points: list[QPointF | None], pen: QPen) -> None:
    """A line through the points; None breaks it (nothing recorded that session)."""
    path = QPainterPath()
    drawing = False
    for p in points:
        if p is None:
            drawing = False
        elif drawing:
            path.lineTo(p)
        else:
            path.moveTo(p)
            drawing = True
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)


def diamond(c: QPointF, d: float) -> QPainterPath:
    """A diamond of half-size d centred on c (the mean-grasp marker)."""
    path = QPainterPath(QPointF(c.x(), c.y() - d))
    path.lineTo(c.x() + d, c.y())
    path.lineTo(c.x(), c.y() + d)
    path.lineTo(c.x() - d, c.y())
    path.closeSubpath()
    return path
