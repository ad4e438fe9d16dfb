"""A site's marker, drawn as the chart, the history overlay and the reports draw it: a circle
coloured by the muscle's grasp, numbered, with a second ring for a cramp, dashed when ungraded
or planned, and a halo when selected. In view coordinates, like the rest of the chart
(render.chart_painter); sized by the style's marker radius times ``scale``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from imsmap.render.style import ChartStyle
from imsmap.render.text import text_path

__all__ = ["paint_marker", "paint_markers"]


def paint_marker(painter: QPainter, style: ChartStyle, x: float, y: float,
                 number: int | str | None, grasp: int | None, *, cramp: bool = False,
                 selected: bool = False, planned: bool = False, scale: float = 1.0) -> None:
    """A numbered circle coloured by grasp (None = ungraded), centred on (x, y).

    planned: hollow dashed ring (a site planned, not yet needled); cramp: a second ring;
    selected: a blue halo. The number covers the centre; the fill shows around it.
    """
    s = style
    r = s.marker_radius * scale
    c = QPointF(x, y)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if selected:
        painter.setPen(QPen(QColor(s.marker_selected), 4.5 * scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        halo = r + (8.5 if cramp else 5.0) * scale
        painter.drawEllipse(c, halo, halo)
    ring = QColor(s.marker_ring)
    if planned:
        fill = QColor(s.background)
        text_colour = ring
        pen = QPen(ring, 2.2 * scale, Qt.PenStyle.DashLine)
    else:
        fill = s.grasp_fill(grasp)
        text_colour = s.grasp_text_colour(grasp)
        pen = QPen(ring, 2.0 * scale,
                   Qt.PenStyle.DashLine if grasp is None else Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    painter.setBrush(fill)
    painter.drawEllipse(c, r, r)
    if cramp:
        painter.setPen(QPen(ring, 1.6 * scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(c, r + 3.6 * scale, r + 3.6 * scale)
    if number is not None and str(number) != "":
        text = str(number)
        size = r * (0.95 if len(text) <= 1 else 0.82 if len(text) == 2 else 0.62)
        path = text_path(text, size, bold=True, at=(x, y))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(text_colour))
        painter.drawPath(path)
    painter.restore()


def _get(marker: Any, key: str, default: Any = None) -> Any:
    if isinstance(marker, Mapping):
        return marker.get(key, default)
    return getattr(marker, key, default)


def paint_markers(painter: QPainter, style: ChartStyle, markers: Iterable[Any],
                  scale: float = 1.0) -> None:
    """Many markers: mappings or objects with x, y, number, grasp (and optionally cramp,
    selected, planned, scale)."""
    for m in markers:
        paint_marker(painter, style, float(_get(m, "x")), float(_get(m, "y")), _get(m, "number"),
                     _get(m, "grasp"), cramp=bool(_get(m, "cramp", False)),
                     selected=bool(_get(m, "selected", False)),
                     planned=bool(_get(m, "planned", False)),
                     scale=float(_get(m, "scale", scale) or scale))
