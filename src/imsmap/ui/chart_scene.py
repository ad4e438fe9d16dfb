"""The chart scene: one atlas view on one layer, and the session's sites on it.

The scene holds no clinical data of its own. It mirrors the sites the window hands it
(`set_sites`, always fresh from the store) and keeps a map from site id to marker item. What the
user does on it (a click on a muscle, a marker dragged) goes out as signals; the window turns them
into service calls, and the scene follows the store's answer.

All painting goes through `render.chart_painter.ChartPainter`, the same painter the PDF uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QLineF,
    QObject,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from imsmap.atlas import Atlas, Region
from imsmap.domain.models import Site
from imsmap.domain.vocabulary import GRASP_LABELS, NERVE_SENSATION
from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.ui.chart_words import describe_region, describe_site
from imsmap.ui.theme import screen_style
from imsmap.ui.touch import by_finger, still_a_tap
from imsmap.ui.wording import (
    in_window_language,
)

Z_BACKGROUND = 0
Z_EMPHASIS = 0.2  # lit and hovered muscles: over the cached chart, under the history (0.5)
Z_REGION = 1
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
# A site recorded on the other layer of the view: lighter, with a dashed ring.
OFF_LAYER_OPACITY = 0.6
Z_GHOST = 1.5  # the outline of a selected site's muscle drawn on the other layer


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


class _Signals(QObject):
    regionClicked = Signal(object, float, float, bool)  # Region, x, y in view units, by finger
    markerMoved = Signal(int, QPointF, QPointF)  # site id, from, to
    hoverText = Signal(str)


class BackgroundItem(QGraphicsItem):
    """The body chart itself, painted by ChartPainter.paint_base without highlight or hover and
    kept as a pixmap at screen resolution (DeviceCoordinateCache): a click, a selection or the
    pointer moving over a muscle repaints only the `EmphasisItem` above it. ``highlight`` and
    ``hover`` (region ids) say what the chart shows lit; the emphasis item paints them."""

    def __init__(self, chart: ChartPainter):
        super().__init__()
        self.chart = chart
        self.labels = False
        self.notes = True  # the chart's key on the drawing (the view may write it beside)
        self.hover: str | None = None
        self.highlight: frozenset[str] = frozenset()
        self.setZValue(Z_BACKGROUND)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt naming
        return self.chart.bounding_rect()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # Zoomed in, the cached picture holds the part of the chart the view shows: the muscles
        # beyond it are not painted (Qt's exposedRect is the whole item here).
        self.chart.paint_base(painter, labels=self.labels, within=shown_part(painter),
                              notes=self.notes)


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

    def region_bounds(self, ids: Iterable[str]) -> QRectF:
        """Where lighting these regions (ids or muscle ids) paints, with its outline."""
        ids = set(ids)
        rect = QRectF()
        for r in self.chart.regions():
            if r.id in ids or r.muscle in ids:
                rect = rect.united(self.chart.region_path(r.id).boundingRect())
        if rect.isNull():
            return rect
        pad = 4.0 + max(self.chart.style.hover_width, self.chart.style.muscle_width * 1.6)
        return rect.adjusted(-pad, -pad, pad, pad)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        bg = self.background
        self.chart.paint_emphasis(painter, labels=bg.labels, highlight=bg.highlight,
                                  hover=bg.hover, within=option.exposedRect, notes=bg.notes)


class RegionItem(QGraphicsPathItem):
    """An invisible muscle region: its shape is the region's path, for hit testing and hover."""

    def __init__(self, region: Region, path: QPainterPath, tooltip: str | Callable[[], str]):
        super().__init__(path)
        self.region = region
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(Qt.BrushStyle.NoBrush)
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        # A text, or how to make it: made when the pointer first comes over the muscle (every
        # region of a chart described at once was about 2 ms of opening the window).
        self._tooltip = tooltip
        if isinstance(tooltip, str):
            self.setToolTip(tooltip)
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
        """The tooltip: muscle, side and innervation."""
        if not isinstance(self._tooltip, str):
            self._tooltip = self._tooltip()
            self.setToolTip(self._tooltip)
        return self._tooltip

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        self.describe()
        scene = self.scene()
        if isinstance(scene, ChartScene):
            scene.set_hover(self)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:  # noqa: N802
        scene = self.scene()
        if isinstance(scene, ChartScene):
            scene.clear_hover(self)

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
        scene = self.scene()
        if isinstance(scene, ChartScene) and scene.suppress_click:
            return  # a long press: the chooser opened instead
        if not still_a_tap(press, QPointF(event.screenPos()), event.source()):
            return  # a finger rolls further than a mouse in a tap (ui.touch)
        scene = self.scene()
        if isinstance(scene, ChartScene):
            p = event.scenePos()
            scene.signals.regionClicked.emit(self.region, p.x(), p.y(), by_finger(event.source()))


class MarkerItem(QGraphicsItem):
    """A numbered site marker, painted by ChartPainter.paint_marker, centred on its position."""

    def __init__(self, chart: ChartPainter, site: Site, scale: float = 1.0):
        super().__init__()
        self.chart = chart
        self.site = site
        self.scale_factor = scale
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(Z_MARKER)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._press_pos: QPointF | None = None
        self._press_screen = QPointF()
        self._dragging = False
        self.update_site(site)

    def update_site(self, site: Site) -> None:
        self.site = site
        self.setPos(site.x, site.y)
        scene = self.scene()
        tip = describe_site(scene.atlas, site, scene.grasp_labels) \
            if isinstance(scene, ChartScene) else ""
        if tip and self.off_layer:
            tip += " · " + QCoreApplication.translate(
                "ChartScene", "recorded on the {layer} layer").format(layer=site.layer)
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
            painter.setOpacity(OFF_LAYER_OPACITY)
        self.chart.paint_marker(painter, 0.0, 0.0, s.seq, s.grasp, cramp=s.cramp,
                                selected=self.isSelected(), planned=s.planned,
                                scale=self.scale_factor)
        if off and not self.isSelected():
            painter.restore()
        k = self.scale_factor
        r = self.chart.style.marker_radius * k
        if off:
            # A site on another layer: a dashed outer ring, whatever its grasp colour.
            pen = QPen(QColor(self.chart.style.marker_ring), 1.6 * k, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = r + (6.5 if s.cramp else 3.5) * k
            painter.drawEllipse(QPointF(0, 0), ring, ring)
        if s.sensation == NERVE_SENSATION:
            paint_nerve_flag(painter, r * NERVE_FLAG_AT, -r * NERVE_FLAG_AT, r * NERVE_FLAG_SIZE)

    @property
    def off_layer(self) -> bool:
        """True for a site recorded on another layer of this view than the one shown."""
        scene = self.scene()
        return isinstance(scene, ChartScene) and self.site.layer != scene.layer and \
            self.site.layer in scene.chart.view.layer_ids

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(Z_MARKER_SELECTED if value else Z_MARKER)
        return super().itemChange(change, value)

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
        self._dragging = False

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        # A tap that selects the marker is not a drag: the site moves (and its muscle follows
        # where it lands) only once the press has gone further than a tap's slop; from then
        # on the marker keeps to the finger or pointer (Qt moves it by the whole way).
        if not self._dragging and still_a_tap(self._press_screen, QPointF(event.screenPos()),
                                              event.source()):
            return
        self._dragging = True
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        self._dragging = False
        start, self._press_pos = self._press_pos, None
        if start is None or not (self.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable):
            return
        end = QPointF(self.pos())
        if QLineF(start, end).length() < 0.5:
            return
        scene = self.scene()
        if isinstance(scene, ChartScene):
            # One drag, one step: the window records the move once, on release.
            scene.signals.markerMoved.emit(self.site.id, start, end)


class ChartScene(QGraphicsScene):
    """One view and layer of the atlas, with the markers of the sites on that view."""

    def __init__(self, atlas: Atlas, view_id: str, layer: str,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.signals = _Signals()
        self.atlas = atlas
        self.view_id = view_id
        self.chart = in_window_language(ChartPainter(atlas, view_id, layer, style=screen_style()),
                                        atlas)
        self.layer = self.chart.layer
        self.editable = True
        self.suppress_click = False  # set by the view on a long press
        self.setBackgroundBrush(QColor(self.chart.style.background))
        rect = self.chart.bounding_rect()
        self.setSceneRect(rect)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.background = BackgroundItem(self.chart)
        self.addItem(self.background)
        self.emphasis = EmphasisItem(self.background)
        self.addItem(self.emphasis)
        self._atlas = atlas
        self._regions: dict[str, RegionItem] | None = None
        self._cursor = Qt.CursorShape.CrossCursor
        self.markers: dict[int, MarkerItem] = {}
        self.grasp_labels: Sequence[str] = GRASP_LABELS  # the clinic's words (the tooltips)
        self.marker_scale = 1.0
        self._hover: RegionItem | None = None
        self._root_lit: frozenset[str] = frozenset()
        self._search_lit: frozenset[str] = frozenset()
        # The muscle of a selected site recorded on the other layer: its outline, dashed.
        self.ghost = QGraphicsPathItem()
        style = self.chart.style
        pen = QPen(QColor(style.highlight_line), 2.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.ghost.setPen(pen)
        fill = QColor(style.highlight_fill)
        fill.setAlpha(90)
        self.ghost.setBrush(fill)
        self.ghost.setZValue(Z_GHOST)
        self.ghost.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.ghost.setAcceptHoverEvents(False)
        self.ghost.hide()
        self.addItem(self.ghost)
        self.selectionChanged.connect(self._update_highlight)

    # -- hover ------------------------------------------------------------------------------
    def set_hover(self, item: RegionItem) -> None:
        self._hover = item
        self._emphasise(hover=item.region.id)
        self.signals.hoverText.emit(item.describe())

    def clear_hover(self, item: RegionItem) -> None:
        if self._hover is not item:
            return
        self._hover = None
        self._emphasise(hover=None)
        self.signals.hoverText.emit("")

    def _emphasise(self, *, hover: object = False, highlight: frozenset[str] | None = None) -> None:
        """Change what is lit or hovered; repaint only where it was and where it is now (the
        chart under it stays cached)."""
        bg = self.background
        old_lit, old_hover = bg.highlight, bg.hover
        if hover is not False:
            bg.hover = hover  # type: ignore[assignment]
        if highlight is not None:
            bg.highlight = highlight
        changed = set(old_lit ^ bg.highlight)
        if old_hover != bg.hover:
            changed |= {h for h in (old_hover, bg.hover) if h}
        dirty = self.emphasis.region_bounds(changed)
        if not dirty.isNull():
            self.emphasis.update(dirty)

    @property
    def hovered_region(self) -> Region | None:
        return self._hover.region if self._hover else None

    # -- the muscles' items ------------------------------------------------------------------
    @property
    def regions(self) -> dict[str, RegionItem]:
        """The invisible muscle items that take clicks and hover, by region id.

        Made on first use (a scene may never be shown, and the chart is painted by its
        background item): for the first chart shown by the window's step 2 (ChartPanel.
        build_rest), for any scene by the view before it passes on a press or a move, and by a
        lookup (region_at). (Not from an override of the
        scene's event(): every event of the scene would then pass through Python.)
        """
        if self._regions is None:
            self._regions = {}
            atlas = self._atlas
            for region in self.chart.regions():
                item = RegionItem(region, self.chart.region_path(region.id),
                                  lambda region=region: describe_region(atlas, region))
                item.setCursor(self._cursor)
                self.addItem(item)
                self._regions[region.id] = item
        return self._regions

    @property
    def regions_made(self) -> bool:
        return self._regions is not None

    # -- display options --------------------------------------------------------------------
    def set_labels(self, on: bool) -> None:
        self.background.labels = on
        self.background.update()
        self.emphasis.update()

    def set_notes(self, on: bool) -> None:
        """Whether the drawing letters its key (ui.chart_key_text: the view writes it beside
        the chart where the drawing's would be too small to read)."""
        if on != self.background.notes:
            self.background.notes = on
            self.background.update()
            self.emphasis.update()

    def set_landmark_names(self, on: bool) -> None:
        """Whether the drawing letters its landmarks' names (the view may write them beside)."""
        if on != self.chart.landmark_names:
            self.chart.landmark_names = on
            self.background.update()
            self.emphasis.update()

    def set_grasp_labels(self, labels: Sequence[str]) -> None:
        """The clinic's words for the grades (services.clinic.grasp_labels), in the markers'
        tooltips."""
        if tuple(labels) != tuple(self.grasp_labels):
            self.grasp_labels = labels
            for item in self.markers.values():
                item.update_site(item.site)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        for item in self.markers.values():
            item.set_movable(editable)
        self._cursor = Qt.CursorShape.CrossCursor if editable else Qt.CursorShape.ArrowCursor
        for item in (self._regions or {}).values():
            item.setCursor(self._cursor)

    def fit_markers_to(self, pixels_per_unit: float) -> None:
        """Keep markers readable and apart at any zoom (see MIN/MAX_MARKER_RADIUS_PX)."""
        screen_r = self.chart.style.marker_radius * pixels_per_unit
        scale = 1.0
        if screen_r > 0:
            scale = min(max(screen_r, MIN_MARKER_RADIUS_PX), MAX_MARKER_RADIUS_PX) / screen_r
        self.marker_scale = scale
        for item in self.markers.values():
            item.set_scale_factor(scale)

    # -- mirror of the session --------------------------------------------------------------
    def set_sites(self, sites: Iterable[Site]) -> None:
        """Make the markers match these sites (those on other views are left out)."""
        wanted = {s.id: s for s in sites if s.view_id == self.view_id}
        for site_id in list(self.markers):
            if site_id not in wanted:
                item = self.markers.pop(site_id)
                self.removeItem(item)
        for site_id, site in wanted.items():
            item = self.markers.get(site_id)
            if item is None:
                item = MarkerItem(self.chart, site, self.marker_scale)
                self.addItem(item)
                item.update_site(site)  # now in the scene: tooltip can name the muscle
                item.set_movable(self.editable)
                self.markers[site_id] = item
            elif item.site != site or item.pos() != QPointF(site.x, site.y):
                item.update_site(site)
        self._update_highlight()

    def marker(self, site_id: int) -> MarkerItem | None:
        return self.markers.get(site_id)

    def selected_site_id(self) -> int | None:
        for item in self.selectedItems():
            if isinstance(item, MarkerItem):
                return item.site.id
        return None

    def select_site(self, site_id: int | None) -> None:
        item = self.markers.get(site_id) if site_id is not None else None
        if item is not None and item.isSelected() and len(self.selectedItems()) == 1:
            return
        self.clearSelection()
        if item is not None:
            item.setSelected(True)

    def set_root_highlight(self, muscles: frozenset[str], levels: frozenset[str]) -> None:
        """Light up a root's muscles (ids) and the regions at its paraspinal levels."""
        lit = set(muscles)
        lit.update(r.id for r in self.chart.view.regions if r.level is not None and r.level in levels)
        self._root_lit = frozenset(lit)
        self._update_highlight()

    def set_search_highlight(self, region_ids: frozenset[str]) -> None:
        """Light up the regions of a muscle found by name (empty: none)."""
        self._search_lit = frozenset(region_ids)
        self._update_highlight()

    @property
    def search_highlight(self) -> frozenset[str]:
        return self._search_lit

    def _update_highlight(self) -> None:
        """Light up the muscle under the selected marker, a chosen root's muscles and a muscle
        found by name."""
        site_id = self.selected_site_id()
        lit: frozenset[str] = self._root_lit | self._search_lit
        if site_id is not None:
            site = self.markers[site_id].site
            lit = lit | frozenset(
                r.id for r in self.chart.regions()
                if r.muscle == site.muscle_id and r.side == site.side.value
                and (site.level is None or r.level in (None, site.level)))
        if lit != self.background.highlight:
            self._emphasise(highlight=lit)
        self._update_ghost(self.markers[site_id].site if site_id is not None else None)

    def _update_ghost(self, site: Site | None) -> None:
        path = QPainterPath()
        if site is not None and site.layer != self.layer:
            for r in self.chart.view.regions_on(site.layer):
                if r.muscle == site.muscle_id and r.side == site.side.value \
                        and (site.level is None or r.level in (None, site.level)):
                    path.addPath(self.chart.region_path(r.id))
        self.ghost.setPath(path)
        self.ghost.setVisible(not path.isEmpty())

    def region_at(self, x: float, y: float) -> Region | None:
        """The topmost region of this layer under a scene point."""
        self.regions  # noqa: B018 - made if not yet
        for item in self.items(QPointF(x, y)):
            if isinstance(item, RegionItem):
                return item.region
        return None
