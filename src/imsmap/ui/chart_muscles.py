"""The chart's muscles on screen: the body chart painted once into a cached picture
(`BackgroundItem`), the lit and hovered muscles over it (`EmphasisItem`), and an invisible item
per muscle region that takes hover and taps (`RegionItem`). All painting goes through
render.chart_painter.ChartPainter, as in the PDF. The scene (ui.chart_scene) puts them under the
site markers (ui.chart_markers)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from imsmap.atlas import Region
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.lit_rows import LitRow, lit_ids
from imsmap.ui.touch import by_finger, still_a_tap

Z_BACKGROUND = 0
Z_EMPHASIS = 0.2  # lit and hovered muscles: over the cached chart, under the history (0.5)
Z_REGION = 1


class RegionScene(Protocol):
    """What a muscle region asks of the scene it is in (ui.chart_scene.ChartScene)."""

    suppress_click: bool  # a long press opened the chooser: its release is no tap
    signals: QObject  # its regionClicked(region, x, y, by finger)

    def set_hover(self, item: RegionItem) -> None: ...

    def clear_hover(self, item: RegionItem) -> None: ...


class BackgroundItem(QGraphicsItem):
    """The body chart itself, painted by ChartPainter.paint_base without highlight or hover and
    kept as a pixmap at screen resolution (DeviceCoordinateCache): a click, a selection or the
    pointer moving over a muscle repaints only the `EmphasisItem` above it. ``highlight`` and
    ``hover`` (region ids; the highlight also muscle ids and rows of a region, LitRow) say what
    the chart shows lit; the emphasis item paints them."""

    def __init__(self, chart: ChartPainter):
        super().__init__()
        self.chart = chart
        self.labels = False
        self.notes = True  # the chart's key on the drawing (the view may write it beside)
        self.caption = True  # its sides (or title) on the drawing (the view may write them)
        self.hover: str | None = None
        self.highlight: frozenset[str | LitRow] = frozenset()
        self.setZValue(Z_BACKGROUND)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt naming
        return self.chart.bounding_rect()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # Zoomed in, the cached picture holds the part of the chart the view shows: the muscles
        # beyond it are not painted (Qt's exposedRect is the whole item here).
        self.chart.paint_base(painter, labels=self.labels, within=shown_part(painter),
                              notes=self.notes, caption=self.caption)


def shown_part(painter: QPainter) -> QRectF:
    """The part of the painter's coordinates that its device, and its clip if any, can show."""
    inverse, invertible = painter.worldTransform().inverted()
    if not invertible:
        return QRectF(0, 0, 0, 0)
    device = painter.device()
    part = inverse.mapRect(QRectF(0, 0, device.width(), device.height()))
    if painter.hasClipping():
        part = part.intersected(painter.clipBoundingRect())
    return part


class EmphasisItem(QGraphicsItem):
    """The lit and hovered muscles over the cached chart (ChartPainter.paint_emphasis), under
    the history overlay and the markers; it takes no mouse or hover events."""

    def __init__(self, background: BackgroundItem):
        super().__init__()
        self.background = background
        self.chart = background.chart
        self.setZValue(Z_EMPHASIS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        # option.exposedRect is then the part being repainted (a tap: the new marker's square),
        # not the whole chart: paint_emphasis leaves out what cannot reach it.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt naming
        return self.chart.bounding_rect()

    def region_bounds(self, ids: Iterable[str | LitRow]) -> QRectF:
        """Where lighting these regions (ids, muscle ids or rows of a region) paints, with its
        outline."""
        wanted = lit_ids(ids)
        rect = QRectF()
        for r in self.chart.regions():
            if r.id in wanted or r.muscle in wanted:
                rect = rect.united(self.chart.region_path(r.id).boundingRect())
        if rect.isNull():
            return rect
        pad = 4.0 + max(self.chart.style.hover_width, self.chart.style.muscle_width * 1.6)
        return rect.adjusted(-pad, -pad, pad, pad)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        bg = self.background
        self.chart.paint_emphasis(painter, labels=bg.labels, highlight=bg.highlight,
                                  hover=bg.hover, within=option.exposedRect, notes=bg.notes,
                                  caption=bg.caption)


class RegionItem(QGraphicsPathItem):
    """An invisible muscle region: its shape is the region's path, for hit testing and hover."""

    def __init__(self, region: Region, path: QPainterPath,
                 tooltip: str | Callable[[str | None], str], host: RegionScene):
        """`host`: the scene the region goes in (told of hover and of taps). `tooltip`: the
        text, or how to make it for a level (None: the region's own, or none)."""
        super().__init__(path)
        self.region = region
        self.host = host
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        # A text, or how to make it: made when the pointer first comes over the muscle (every
        # region of a chart described at once was about 2 ms of opening the window).
        self._tooltip = tooltip
        if isinstance(tooltip, str):
            self.setToolTip(tooltip)
        # A region drawn across several levels (level_rows) is described at the level under the
        # pointer, as each box of the spinal chart is at its own: the texts made, by level.
        self._level: str | None = None
        self._texts: dict[str | None, str] = {}
        self.setZValue(Z_REGION)
        # It paints nothing: the view then skips it when it paints (no call into Python for
        # each of a chart's ~140 muscles at every frame); hit tests and hover still use shape().
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)
        self._press_screen: QPointF | None = None

    def shape(self) -> QPainterPath:
        return self.path()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        pass  # the background paints the muscle; this item only listens

    def describe(self) -> str:
        """The tooltip: muscle, side and innervation (at the level under the pointer, for a
        region with level rows)."""
        if isinstance(self._tooltip, str):
            return self._tooltip
        text = self._texts.get(self._level)
        if text is None:
            text = self._texts[self._level] = self._tooltip(self._level)
        if text != self.toolTip():
            self.setToolTip(text)
        return text

    def _level_under(self, event: QGraphicsSceneHoverEvent) -> bool:
        """Take the level under the pointer; True if it changed."""
        if not self.region.level_rows:
            return False
        level = self.region.level_at(event.pos().y())
        changed, self._level = level != self._level, level
        return changed

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self._level_under(event)
        self.describe()
        if self.scene() is not None:
            self.host.set_hover(self)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        if self._level_under(event):
            self.describe()
            if self.scene() is not None:
                self.host.set_hover(self)  # the status bar says the new level

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        if self.scene() is not None:
            self.host.clear_hover(self)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_screen = QPointF(event.screenPos())
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        press, self._press_screen = self._press_screen, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        in_scene = self.scene() is not None
        if in_scene and self.host.suppress_click:
            return  # a long press: the chooser opened instead
        if not still_a_tap(press, QPointF(event.screenPos()), event.source()):
            return  # a finger rolls further than a mouse in a tap (ui.touch)
        if in_scene:
            p = event.scenePos()
            self.host.signals.regionClicked.emit(self.region, p.x(), p.y(),
                                                 by_finger(event.source()))
