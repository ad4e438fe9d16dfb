"""The chart's site markers (`MarkerItem`): a numbered marker for each site of the open session,
painted by ChartPainter.paint_marker (as in the PDF), with the nerve flag, the dashed ring of a
site on the other layer, and its drag. The scene (ui.chart_scene) makes them from the sites it is
handed and keeps them over the muscles (ui.chart_muscles)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from imsmap.atlas import Atlas
from imsmap.domain.models import Site
from imsmap.domain.vocabulary import NERVE_SENSATION
from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.render.markers import OTHER_LAYER_OPACITY, other_layer_ring
from imsmap.ui.chart_words import describe_site
from imsmap.ui.touch import still_a_tap
from imsmap.ui.wording import layer_word

Z_MARKER = 10
Z_MARKER_SELECTED = 11
# On screen a marker's radius stays within these pixels: never too small to read its number
# when the whole body is in view, never so large when zoomed in that neighbouring sites (the
# multifidus at L4 and L5) cover each other. The PDF keeps the painter's own size.
MIN_MARKER_RADIUS_PX = 9.5
MAX_MARKER_RADIUS_PX = 14.0
# The patient sensation that may mean the needle touched a nerve (domain.vocabulary
# NERVE_SENSATION) is flagged on marker and list in these colours.
NERVE_FILL = "#ffd54f"
NERVE_LINE = "#8c1d18"
NERVE_FLAG_AT = 1.05  # the warning's centre, in marker radii up and right of the centre
NERVE_FLAG_SIZE = 0.8


class MarkerScene(Protocol):
    """What a marker asks of the scene it is in (ui.chart_scene.ChartScene)."""

    atlas: Atlas
    layer: str
    chart: ChartPainter
    grasp_labels: Sequence[str]
    signals: QObject  # its markerDragged(site id, at) and markerMoved(site id, from, to)


def paint_nerve_flag(painter: QPainter, x: float, y: float, size: float) -> None:
    """A warning triangle with "!" centred on (x, y): electric/paraesthetic sensation."""
    h = size * 1.1
    tri = QPainterPath(QPointF(x, y - h * 0.6))
    tri.lineTo(x + size * 0.65, y + h * 0.4)
    tri.lineTo(x - size * 0.65, y + h * 0.4)
    tri.closeSubpath()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(NERVE_LINE), max(size * 0.12, 0.8), Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(QColor(NERVE_FILL))
    painter.drawPath(tri)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(NERVE_LINE))
    painter.drawPath(text_path("!", size * 0.75, bold=True, at=(x, y + h * 0.08)))
    painter.restore()


class MarkerItem(QGraphicsItem):
    """A numbered site marker, painted by ChartPainter.paint_marker, centred on its position."""

    def __init__(self, chart: ChartPainter, site: Site, host: MarkerScene, scale: float = 1.0):
        """`host`: the scene the marker goes in (its tooltip's words, the layer shown, where a
        drag is said)."""
        super().__init__()
        self.chart = chart
        self.host = host
        self.site = site
        self.scale_factor = scale
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(Z_MARKER)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._press_pos: QPointF | None = None
        self._press_screen = QPointF()
        self._dragging = False
        # Its tooltip names the muscle in the scene's words: `update_site` once it is in one.
        self.setPos(site.x, site.y)

    def update_site(self, site: Site) -> None:
        self.site = site
        self.setPos(site.x, site.y)
        host = self.host if self.scene() is not None else None
        tip = describe_site(host.atlas, site, host.grasp_labels) if host is not None else ""
        if tip and self.off_layer:
            # The layer as its button names it, in the window's language: the id ("deep",
            # "posterior_wall") was said in English, also in a French window.
            # (« sur la couche de la paroi postérieure »: wording.layer_word)
            tip += " · " + QCoreApplication.translate(
                "ChartScene", "recorded on the {layer} layer").format(
                    layer=layer_word(host.atlas, site.view_id, site.layer))
        self.setToolTip(tip)
        self.update()

    def set_movable(self, movable: bool) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.setCursor(Qt.CursorShape.SizeAllCursor if movable else Qt.CursorShape.PointingHandCursor)

    def set_scale_factor(self, scale: float) -> None:
        if abs(scale - self.scale_factor) > 1e-3:
            self.prepareGeometryChange()
            self.scale_factor = scale

    def boundingRect(self) -> QRectF:  # noqa: N802
        r = (self.chart.style.marker_radius + 12.0) * self.scale_factor
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        r = (self.chart.style.marker_radius + 2.0) * self.scale_factor
        path.addEllipse(QPointF(0, 0), r, r)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        s = self.site
        off = self.off_layer
        if off and not self.isSelected():
            painter.save()
            painter.setOpacity(OTHER_LAYER_OPACITY)
        self.chart.paint_marker(painter, 0.0, 0.0, s.seq, s.grasp, cramp=s.cramp,
                                selected=self.isSelected(), planned=s.planned,
                                scale=self.scale_factor)
        if off and not self.isSelected():
            painter.restore()
        k = self.scale_factor
        r = self.chart.style.marker_radius * k
        if off:
            other_layer_ring(painter, self.chart.style, 0.0, 0.0, cramp=s.cramp, scale=k)
        if s.sensation == NERVE_SENSATION:
            paint_nerve_flag(painter, r * NERVE_FLAG_AT, -r * NERVE_FLAG_AT, r * NERVE_FLAG_SIZE)

    @property
    def off_layer(self) -> bool:
        """True for a site recorded on another layer of this view than the one shown (the rule
        the earlier visits' markers follow too: ChartPainter.on_other_layer)."""
        return self.scene() is not None and self.host.chart.on_other_layer(self.site.layer)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        self._press_pos = QPointF(self.pos())
        self._press_screen = QPointF(event.screenPos())
        self._dragging = False
        if event.button() == Qt.MouseButton.LeftButton and self.scene() is not None:
            # A plain click selects only this marker (no multi-selection in this chart).
            self.scene().clearSelection()
            self.setSelected(True)
        super().mousePressEvent(event)

    def cancel_drag(self) -> None:
        """Back where the press found it, as if never dragged (a second finger landed)."""
        if self._press_pos is not None:
            self.setPos(self._press_pos)
            self._say_dragged()
        self._dragging = False

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        # A tap that selects the marker is not a drag: the site moves (and its muscle follows
        # where it lands) only once the press has gone further than a tap's slop; from then
        # on the marker keeps to the finger or pointer (Qt moves it by the whole way).
        if not self._dragging and still_a_tap(self._press_screen, QPointF(event.screenPos()),
                                              event.source()):
            return
        self._dragging = True
        at = QPointF(self.pos())
        super().mouseMoveEvent(event)  # Qt moves it (when movable)
        if self.pos() != at:
            self._say_dragged()

    def _say_dragged(self) -> None:
        """Where the marker is now, while dragged (what follows it: ui.lit_row_band); the site
        moves only on release (markerMoved)."""
        if self.scene() is not None:
            self.host.signals.markerDragged.emit(self.site.id, QPointF(self.pos()))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        self._dragging = False
        start, self._press_pos = self._press_pos, None
        if start is None or not (self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable):
            return
        end = QPointF(self.pos())
        if QLineF(start, end).length() < 0.5:
            return
        if self.scene() is not None:
            # One drag, one step: the window records the move once, on release.
            self.host.signals.markerMoved.emit(self.site.id, start, end)
