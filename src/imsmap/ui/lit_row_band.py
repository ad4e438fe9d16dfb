"""The lit row of a selected site, carried out beside its marker where the marker covers it.

A site on a column drawn across several levels (`level_rows`) lights only its level's row
(render.lit_rows). A row is 26 view units high and a column about 32 wide; at the window's fit
zoom a selected marker, kept readable on screen (ui.chart_markers: at least 9.5 px of radius,
with its halo), is about 70 units across: it covers the row, and the clinician saw nothing lit
at all where the whole column had been lit around it. So while the marker covers its row's
height, the row's band is drawn on past the marker's halo on both sides (`RowBand`): the level
reads as a lit band across the marker, at the row's own height, under the marker. Zoomed in
far enough that the row shows round the marker, the band goes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from imsmap.render.style import ChartStyle

Z_ROW_BAND = 2  # over the muscles, the history and the dashed outline; under the markers (10)
BEYOND_HALO_PX = 7.0  # how far the band reaches past the marker's halo on each side, on screen
SHOWN_PX = 4.0  # the row left in sight above and below the halo, on screen, without a band
BAND_ALPHA = 255  # the band looks as the lit row does


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

    def show_rows(self, rows: Iterable[QRectF], centre: QPointF | None, halo: float,
                  pixels_per_unit: float) -> None:
        """Band each row (its bounds, in view units) that the marker at `centre` is on and
        covers: the outer radius of its halo (`halo`, view units) leaves less than SHOWN_PX
        of the row in sight above and below it. No centre: no band."""
        path = QPainterPath()
        if centre is not None and pixels_per_unit > 0:
            reach = halo + BEYOND_HALO_PX / pixels_per_unit
            for row in rows:
                shows = 2 * halo + 2 * SHOWN_PX / pixels_per_unit <= row.height()
                if shows or not row.top() <= centre.y() <= row.bottom():
                    continue  # the row shows round the marker, or the marker is not on it
                band = QRectF(min(row.left(), centre.x() - reach), row.top(), 0, row.height())
                band.setRight(max(row.right(), centre.x() + reach))
                path.addRect(band)
        self.setPath(path)
        self.setVisible(not path.isEmpty())

