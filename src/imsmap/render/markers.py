"""A site's marker, drawn as the chart, the history overlay and the reports draw it: a circle
coloured by the muscle's grasp, numbered, with a second ring for a cramp, dashed when ungraded
or planned, and a halo when selected. In view coordinates, like the rest of the chart
(render.chart_painter); sized by the style's marker radius times ``scale``.

An earlier visit's marker carries no number (beside today's numbered markers a digit would read
as a site number) but its grade as dice pips: none for 0, one to three dots. The grades' fills
step down in lightness, and the overlay fades earlier markers toward the background with age,
so lightness alone cannot say the grade of a marker seen on its own (a strong grasp three visits
back has the grey of a moderate one today; printed grey or seen with deuteranopia or protanopia,
lightness is all that is left): the pips say it at any age, in any print, to any eye.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from imsmap.render.style import ChartStyle, grey_level
from imsmap.render.text import text_path

__all__ = ["OTHER_LAYER_OPACITY", "OTHER_LAYER_RING", "PIP_OFFSET", "PIP_RADIUS",
           "number_steps", "other_layer_ring", "paint_marker", "paint_markers", "pip_centres"]

PIP_RADIUS = 0.21  # a pip's radius, of the marker's: still a dot on the smallest earlier marker
PIP_OFFSET = 0.44  # how far the outer pips of 2 and 3 sit from the centre, along each axis
# A site recorded on another layer of the view than the one shown (ChartPainter.on_other_layer),
# today's or an earlier visit's: its marker at this opacity (an earlier one, whose colours stay
# opaque, blended as far toward the background), and a dashed ring this far outside it (in marker
# units; further out round a cramp's second ring).
OTHER_LAYER_OPACITY = 0.6
OTHER_LAYER_RING = 3.5


HALO_PEN = 4.5  # a selected marker's halo's pen width, in marker units


def halo_ring_radius(style: ChartStyle, scale: float, cramp: bool) -> float:
    """The radius of a selected marker's halo ring (its pen's middle), in view units."""
    return (style.marker_radius + (8.5 if cramp else 5.0)) * scale


def halo_radius(style: ChartStyle, scale: float, cramp: bool) -> float:
    """The outer radius of a selected marker's halo, pen included, in view units."""
    return halo_ring_radius(style, scale, cramp) + HALO_PEN / 2 * scale


def paint_marker(painter: QPainter, style: ChartStyle, x: float, y: float,
                 number: int | str | None, grasp: int | None, *, cramp: bool = False,
                 selected: bool = False, planned: bool = False, scale: float = 1.0,
                 pips: bool = False) -> None:
    """A numbered circle coloured by grasp (None = ungraded), centred on (x, y).

    planned: hollow dashed ring (a site planned, not yet needled); cramp: a second ring;
    selected: a blue halo. The number covers the centre; the fill shows around it.
    pips: a marker without a number shows its grade as dice pips (an earlier visit's marker,
    and the key's); none for grade 0, none when ungraded (its dashed ring says so).
    """
    s = style
    r = s.marker_radius * scale
    c = QPointF(x, y)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if selected:
        painter.setPen(QPen(QColor(s.marker_selected), HALO_PEN * scale))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        halo = halo_ring_radius(s, scale, cramp)
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
        path = _number_path(text, size, x, y)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(text_colour))
        painter.drawPath(path)
    elif pips and not planned and grasp:
        # Black or white, whichever reads on the fill: an old marker's fill is faded, and
        # its pips must still stand out from it (as the other-chart diamond's figure does).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff" if grey_level(fill) < 0.55 else "#202020"))
        pip = r * PIP_RADIUS
        for dx, dy in pip_centres(grasp):
            painter.drawEllipse(QPointF(x + dx * r, y + dy * r), pip, pip)
    painter.restore()


def _number_path(text: str, size: float, x: float, y: float) -> QPainterPath:
    """A marker's number, centred on (x, y): bold (render.text keeps each text's outline)."""
    return text_path(text, size, bold=True, at=(x, y))


def number_steps(last: int) -> Iterator[None]:
    """Outline the numbers 1 to ``last`` as a marker letters them, one a step (about 0.1 ms
    each): render.text keeps each outline for the process, and a marker's first paint of a
    number then takes it (ui.chart_ahead, while the window waits for its first patient)."""
    for n in range(1, last + 1):
        _number_path(str(n), 1.0, 0.0, 0.0)
        yield


def other_layer_ring(painter: QPainter, style: ChartStyle, x: float, y: float, *,
                     cramp: bool = False, scale: float = 1.0) -> None:
    """The dashed ring round the marker of a site recorded on another layer than the one shown,
    whatever its grasp colour."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(style.marker_ring), 1.6 * scale, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    ring = style.marker_radius * scale + (OTHER_LAYER_RING + (3.0 if cramp else 0.0)) * scale
    painter.drawEllipse(QPointF(x, y), ring, ring)
    painter.restore()


def pip_centres(grade: int) -> tuple[tuple[float, float], ...]:
    """A grade's pips as a die shows them, in marker radii from its centre: one in the middle,
    two on the rising diagonal, three along it."""
    d = PIP_OFFSET
    return {1: ((0.0, 0.0),),
            2: ((-d, d), (d, -d)),
            3: ((-d, d), (0.0, 0.0), (d, -d))}.get(grade, ())


def _get(marker: Any, key: str, default: Any = None) -> Any:
    if isinstance(marker, Mapping):
        return marker.get(key, default)
    return getattr(marker, key, default)


def paint_markers(painter: QPainter, style: ChartStyle, markers: Iterable[Any],
                  scale: float = 1.0) -> None:
    """Many markers: mappings or objects with x, y, number, grasp (and optionally cramp,
    selected, planned, scale, pips)."""
    for m in markers:
        paint_marker(painter, style, float(_get(m, "x")), float(_get(m, "y")), _get(m, "number"),
                     _get(m, "grasp"), cramp=bool(_get(m, "cramp", False)),
                     selected=bool(_get(m, "selected", False)),
                     planned=bool(_get(m, "planned", False)),
                     scale=float(_get(m, "scale", scale) or scale),
                     pips=bool(_get(m, "pips", False)))
