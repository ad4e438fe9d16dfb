"""The chart scene: one atlas view on one layer, and the session's sites on it.

The scene holds no clinical data of its own. It mirrors the sites the window hands it
(`set_sites`, always fresh from the store) and keeps a map from site id to marker item. What the
user does on it (a click on a muscle, a marker dragged) goes out as signals; the window turns them
into service calls, and the scene follows the store's answer.

All painting goes through `render.chart_painter.ChartPainter`, the same painter the PDF uses.
The scene puts together the muscles' items (ui.chart_muscles: the cached chart, what is lit and
hovered, a region per muscle for taps) and the sites' markers (ui.chart_markers); what is here is
what they show: the sites handed to it, the selection, what is lit, hover, the display options.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QObject,
    QPointF,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
)

from imsmap.atlas import Atlas, Region
from imsmap.domain.models import Site
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.lit_rows import LitRow, row_part, site_parts
from imsmap.render.markers import halo_radius
from imsmap.ui.chart_markers import (
    MAX_MARKER_RADIUS_PX,
    MIN_MARKER_RADIUS_PX,
    Z_MARKER,
    Z_MARKER_SELECTED,
    MarkerItem,
)
from imsmap.ui.chart_muscles import BackgroundItem, EmphasisItem, RegionItem
from imsmap.ui.chart_words import describe_region
from imsmap.ui.lit_row_band import BandRow, RowBand, band_row
from imsmap.ui.theme import screen_style
from imsmap.ui.wording import (
    in_window_language,
)

Z_GHOST = 1.5  # the outline of a selected site's muscle drawn on the other layer



class _Signals(QObject):
    regionClicked = Signal(object, float, float, bool)  # Region, x, y in view units, by finger
    markerMoved = Signal(int, QPointF, QPointF)  # site id, from, to
    markerDragged = Signal(int, QPointF)  # site id, where its marker is now (not yet moved)
    hoverText = Signal(str)


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
        self._root_lit: frozenset[str | LitRow] = frozenset()
        self._search_lit: frozenset[str | LitRow] = frozenset()
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
        # The selected site's lit row carried out beside its marker when the marker covers it.
        self.row_band = RowBand(style)
        self.addItem(self.row_band)
        self._pixels_per_unit = 0.0
        self._band: tuple[Site | None, list[BandRow]] = (None, [])
        # ... and follows the marker while it is dragged, before the site moves on release
        self.signals.markerDragged.connect(self._marker_dragged)
        self.selectionChanged.connect(self._raise_selected)
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

    def _emphasise(self, *, hover: object = False,
                   highlight: frozenset[str | LitRow] | None = None) -> None:
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
                                  lambda level, region=region: describe_region(atlas, region, level),
                                  self)
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

    def set_caption(self, on: bool) -> None:
        """Whether the drawing letters its sides (or its title) at its top (ui.side_captions:
        the view writes the sides where they stay in view and readable at any zoom)."""
        if on != self.background.caption:
            self.background.caption = on
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
        self._pixels_per_unit = pixels_per_unit
        for item in self.markers.values():
            item.set_scale_factor(scale)
        self._place_band()

    # -- mirror of the session --------------------------------------------------------------
    def set_sites(self, sites: Iterable[Site]) -> None:
        """Make the markers match these sites (those on other views are left out)."""
        wanted = {s.id: s for s in sites if s.view_id == self.view_id}
        for site_id in list(self.markers):
            if site_id not in wanted:
                item = self.markers.pop(site_id)
                self.removeItem(item)
        # The highlight follows the selected site: a selected marker removed says so itself
        # (Qt's selectionChanged), one changed here (moved, another muscle or level) is lit
        # anew below. A site added or another one changed lights nothing new: a tap added
        # one and had the highlight of the site still selected worked out again for nothing.
        selected_changed = False
        for site_id, site in wanted.items():
            item = self.markers.get(site_id)
            if item is None:
                item = MarkerItem(self.chart, site, self, self.marker_scale)
                self.addItem(item)
                item.update_site(site)  # now in the scene: tooltip can name the muscle
                item.set_movable(self.editable)
                self.markers[site_id] = item
            elif item.site != site or item.pos() != QPointF(site.x, site.y):
                item.update_site(site)
                selected_changed = selected_changed or item.isSelected()
        if selected_changed:
            self._update_highlight()

    def _raise_selected(self) -> None:
        """The selected marker over its neighbours. Done here, once a selection changes, rather
        than in the marker's `itemChange`: Qt calls that for every change of every item (its
        position, flags, cursor, tooltip, scene...), about 18 times a marker as a session opens,
        each a call into Python (1.5 ms of opening a 40-site session)."""
        for item in self.markers.values():
            item.setZValue(Z_MARKER_SELECTED if item.isSelected() else Z_MARKER)

    def marker(self, site_id: int) -> MarkerItem | None:
        return self.markers.get(site_id)

    def selected_site_id(self) -> int | None:
        for item in self.selectedItems():
            if isinstance(item, MarkerItem):
                return item.site.id
        return None

    def select_site(self, site_id: int | None) -> None:
        """Select this site's marker alone (None: none). A selection replaced is one change,
        said once (`selectionChanged`), as Qt says a click on another marker: the "nothing
        selected" between the two is never shown, and its signal lit nothing, emptied the
        inspector and took back the status bar's words, to have them all set again at once."""
        item = self.markers.get(site_id) if site_id is not None else None
        if item is not None and item.isSelected() and len(self.selectedItems()) == 1:
            return
        if item is None:
            self.clearSelection()
            return
        with QSignalBlocker(self):  # said by the selection of the item, next
            self.clearSelection()
        item.setSelected(True)

    def set_root_highlight(self, muscles: frozenset[str | LitRow], levels: frozenset[str]
                           ) -> None:
        """Light up a root's muscles (ids) at its levels: a region at one level if it is one of
        `levels`, whatever its muscle (the paraspinal boxes); in a region drawn across several
        levels (`level_rows`), the rows of `levels` alone, not the column from T1 to T12; a
        region without levels whole if its muscle is one of `muscles`. Region ids and `LitRow`s
        in `muscles` light those regions whole and those rows (a muscle chosen in the progress
        panel)."""
        regions = self.chart.view.regions
        by_level = {r.muscle for r in regions if r.levels}
        # a muscle drawn without levels here lit by its id (all its regions), as before
        lit: set[str | LitRow] = {m for m in muscles if m not in by_level}
        for r in regions:
            if (r.level is not None and r.level in levels) or (not r.levels and r.muscle in muscles):
                lit.add(r.id)
            elif r.level_rows:
                lit.update(LitRow(r.id, level) for level in r.levels if level in levels)
        self._root_lit = frozenset(lit)
        self._update_highlight()

    def set_search_highlight(self, parts: frozenset[str | LitRow]) -> None:
        """Light up a muscle found by name (empty: none): region ids, and the rows of a level
        typed after its name in a column drawn across several ("longissimus T7")."""
        self._search_lit = frozenset(parts)
        self._update_highlight()

    @property
    def search_highlight(self) -> frozenset[str | LitRow]:
        return self._search_lit

    def _update_highlight(self) -> None:
        """Light up the muscle under the selected marker, a chosen root's muscles and a muscle
        found by name."""
        site_id = self.selected_site_id()
        lit: frozenset[str | LitRow] = self._root_lit | self._search_lit
        site = self.markers[site_id].site if site_id is not None else None
        parts = self._site_parts(site, self.chart.regions()) if site is not None else []
        lit = lit | frozenset(parts)
        if lit != self.background.highlight:
            self._emphasise(highlight=lit)
        self._update_ghost(site)
        view = self.chart.view
        self._band = (site, [band_row(view, view.region(p.region_id), p.level)
                             for p in parts if isinstance(p, LitRow)])
        self._place_band()

    def _place_band(self) -> None:
        """The selected site's lit rows carried out beside its marker at this zoom, where the
        marker covers them (ui.lit_row_band)."""
        site, rows = self._band
        marker = self.markers.get(site.id) if site is not None else None
        self.row_band.show_rows(
            rows, QPointF(marker.pos()) if marker is not None else None,
            halo_radius(self.chart.style, self.marker_scale, bool(site and site.cramp)),
            self._pixels_per_unit)

    def _marker_dragged(self, site_id: int, _at: QPointF) -> None:
        site, _rows = self._band
        if site is not None and site.id == site_id:
            self._place_band()

    def _update_ghost(self, site: Site | None) -> None:
        path = QPainterPath()
        if site is not None and site.layer != self.layer:
            regions = self.chart.view.regions_on(site.layer)
            for part in self._site_parts(site, regions):
                path.addPath(row_part(self.chart.view.region(part.region_id), part.level)
                             if isinstance(part, LitRow) else self.chart.region_path(part))
        self.ghost.setPath(path)
        self.ghost.setVisible(not path.isEmpty())

    @staticmethod
    def _site_parts(site: Site, regions: Iterable[Region]) -> list[str | LitRow]:
        """What a site lights among `regions` (render.lit_rows.site_parts: the report's
        enlargements light the same)."""
        return site_parts(site.muscle_id, site.side.value, site.layer, site.level or None,
                          regions)

    def region_at(self, x: float, y: float) -> Region | None:
        """The topmost region of this layer under a scene point."""
        self.regions  # noqa: B018 - made if not yet
        for item in self.items(QPointF(x, y)):
            if isinstance(item, RegionItem):
                return item.region
        return None
