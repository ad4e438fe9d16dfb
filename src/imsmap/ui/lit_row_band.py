"""The lit row of a selected site, carried out beside its marker where the marker covers it.

A site on a column drawn across several levels (`level_rows`) lights only its level's row
(render.lit_rows). A row is 26 view units high and a column about 32 wide; at the window's fit
zoom a selected marker, kept readable on screen (ui.chart_markers: at least 9.5 px of radius,
with its halo), is about 110 units across: it covers the row, and the clinician saw nothing lit
at all where the whole column had been lit around it. So while the marker covers its row's
height, the row is drawn again over the chart (`RowBand`): its own cell (render.lit_rows.row_part,
the shape the lit row is painted in), and where that cell is narrower than the marker's halo,
a strip at the row's height reaching a little past the halo, so that the level reads beside the
marker. Zoomed in far enough that the row shows round the marker, the band goes.

The strip stays on its column's side of the spine (`BandRow.within`): reaching past a halo that
is wider than three columns, it crossed the spine line into the other side's columns, and read
as a level band across the back rather than that muscle's row. A halo that already covers the
spine line leaves no strip on that side; the other side's strip still shows the row.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from imsmap.atlas import Region, View
from imsmap.render.lit_rows import row_part
from imsmap.render.style import ChartStyle

Z_ROW_BAND = 2  # over the muscles, the history and the dashed outline; under the markers (10)
BEYOND_HALO_PX = 7.0  # how far the band reaches past the marker's halo on each side, on screen
SHOWN_PX = 4.0  # the row left in sight above and below the halo, on screen, without a band
BAND_ALPHA = 255  # the band looks as the lit row does
SIDES = {"L": "R", "R": "L"}


@dataclass(frozen=True)
class BandRow:
    """One lit row of a column: its cell (view units) and the band's horizontal bounds."""

    cell: QPainterPath
    within: tuple[float, float] = (-math.inf, math.inf)  # left, right: its side of the spine


def band_row(view: View, region: Region, level: str) -> BandRow:
    """The row of `level` in `region` (a column drawn across several levels), the band kept on
    the region's side of the line halfway between it and the same muscle's column of the other
    side on its layer (the spine line, on the back); unbounded where that column is not drawn
    (a lateral view)."""
    cell = row_part(region, level)
    other = SIDES.get(region.side)
    mirror = next((r for r in view.regions if r.muscle == region.muscle and r.side == other
                   and r.layer == region.layer), None)
    if mirror is None:
        return BandRow(cell)
    x0, _, x1, _ = region.bbox
    m0, _, m1, _ = mirror.bbox
    if m1 <= x0:  # the other side's column is left of this one
        return BandRow(cell, ((m1 + x0) / 2, math.inf))
    if x1 <= m0:
        return BandRow(cell, (-math.inf, (x1 + m0) / 2))
    return BandRow(cell)


class RowBand(QGraphicsPathItem):
    """The band of the selected site's lit rows, beside its marker (see the module)."""

    def __init__(self, style: ChartStyle):
        super().__init__()
        pen = QPen(QColor(style.highlight_line), 2.0)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.setPen(pen)
        fill = QColor(style.highlight_fill)
        fill.setAlpha(BAND_ALPHA)
        self.setBrush(fill)
        self.setZValue(Z_ROW_BAND)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.hide()

    def show_rows(self, rows: Iterable[BandRow], centre: QPointF | None, halo: float,
                  pixels_per_unit: float) -> None:
        """Band each row that the marker at `centre` is on and covers: the outer radius of its
        halo (`halo`, view units) leaves less than SHOWN_PX of the row in sight above and below
        it. The band is the row's cell, and on each side where the cell shows less than SHOWN_PX
        beside the halo, a strip at its height reaching BEYOND_HALO_PX past the halo, on the
        row's side of the spine.
        No centre: no band."""
        path = QPainterPath()
        if centre is not None and pixels_per_unit > 0:
            x, shown = centre.x(), halo + SHOWN_PX / pixels_per_unit
            reach = halo + BEYOND_HALO_PX / pixels_per_unit
            for row in rows:
                box = row.cell.boundingRect()
                if 2 * shown <= box.height() or not box.top() <= centre.y() <= box.bottom():
                    continue  # the row shows round the marker, or the marker is not on it
                band = QPainterPath(row.cell)
                # each side where the cell shows less than SHOWN_PX beside the halo: a strip
                left, right = row.within
                strip = QRectF(max(left, x - reach) if box.left() > x - shown else x,
                               box.top(), 0, box.height())
                strip.setRight(min(right, x + reach) if box.right() < x + shown else x)
                if strip.width() > 0:
                    band = band.united(_rect(strip))
                path.addPath(band)
        self.setPath(path)
        self.setVisible(not path.isEmpty())


def _rect(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRect(rect)
    return path
