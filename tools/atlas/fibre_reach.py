"""Keep only the fibre lines that can show: the painter clips a muscle's fibres to its region.

The generators lay fibres across a region's box (spinal.fibres_for: parallel lines over the
whole box of a slanted groove) or a little past its ends (pathkit.fibres), and the chart
painter clips them to the region. A line whose stroke cannot reach the region paints nothing,
on screen or on paper, yet every paint parsed and clipped it and every PDF of the chart wrote
it: 1,722 of the 7,159 lines of atlas 2026.12.9 (1,390 of the spinal chart's 3,645).

A line is kept when its stroke, widened by MARGIN on each side, meets the region's fill: the
pen is render.style's fibre_width (0.8 units, round caps), and the margin (3 units, a pixel
at the window's smallest zoom) keeps every line whose anti-aliased edge could tint a pixel the
clip lets through.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPathStroker

from imsmap.render.paths import painter_path

FIBRE_PEN = 0.8  # render.style.ChartStyle.fibre_width
MARGIN = 3.0


def reaching(d: str, fibres: list[str]) -> list[str]:
    """The fibre lines (path data) whose stroke can paint inside the region ``d``, in order."""
    region = painter_path(d)
    stroker = QPainterPathStroker()
    stroker.setWidth(FIBRE_PEN + 2 * MARGIN)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    return [f for f in fibres if stroker.createStroke(painter_path(f)).intersects(region)]


def prune_view(view: dict) -> dict:
    """The view (its JSON form) with each region's fibres that cannot show left out; in place."""
    for region in view.get("regions", []):
        if region.get("fibres"):
            region["fibres"] = reaching(region["d"], region["fibres"])
    return view
