"""The chart in the centre of the window: tabs for the atlas views, a layer switch, the zoomable
view of the current scene (`ui.chart_view.ChartView`, re-exported here), and a legend of the
grasp colours."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.atlas import Atlas, Region
from imsmap.domain.models import Site
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.render.chart_painter import ChartPainter
from imsmap.ui import chart_ahead, focus_order
from imsmap.ui.chart_keys import SiteKeyAction, Step
from imsmap.ui.chart_scene import ChartScene
from imsmap.ui.chart_tabs import ChartTabBar, ChartTabStrip
from imsmap.ui.chart_view import (  # noqa: F401 - the view and its constants, as before
    LONG_PRESS_MS,
    MAX_ZOOM,
    MIN_ZOOM,
    SEARCH_WIDTH,
    WHEEL_STEP,
    ChartHint,
    ChartView,
    LegendSwatch,
)
from imsmap.ui.chart_words import describe_site
from imsmap.ui.chooser_flow import ChooserFlow
from imsmap.ui.grasp_legend import GraspLegend
from imsmap.ui.idle_work import IdleWork
from imsmap.ui.layer_button import LayerButton
from imsmap.ui.layer_row import LayerRow
from imsmap.ui.listening import follow_grasp_labels
from imsmap.ui.lit_muscle_keys import lit_key, lit_point, lit_regions
from imsmap.ui.muscle_search import TOUCH_HEIGHT, MuscleSearchBox, show_on
from imsmap.ui.region_chooser import RegionChooser
from imsmap.ui.touch import FINGER_REACH_PX
from imsmap.ui.undo import SiteEditor, apply_site_key
from imsmap.ui.wording import layer_name, layer_short_name, layer_word, view_name, view_tab_name

# The charts first among the tabs, the rest after them in the atlas's order. The spinal chart
# beside the posterior view: Gunn's IMS needles the paraspinal muscles of the segments involved
# at nearly every visit, so it is Ctrl+3 and on screen, not the last of a dozen tabs behind the
# scroll buttons without a key. (A document prints its charts in the atlas's order.)
FIRST_TABS = ("anterior", "posterior", "spinal")


def tab_order(view_ids: Collection[str]) -> list[str]:
    first = [v for v in FIRST_TABS if v in view_ids]
    return first + [v for v in view_ids if v not in first]


class ChartPanel(QWidget):
    """Tabs of atlas views, the layer switch, the chart view and the grasp legend."""

    regionClicked = Signal(object, float, float)  # Region, x, y (current view and layer)
    markerMoved = Signal(int, QPointF, QPointF)
    siteSelected = Signal(object)  # site id or None
    hoverText = Signal(str)
    sceneShown = Signal(object)  # the ChartScene now in the view (a new view or layer)
    graspLabelsChanged = Signal(object)  # noqa: N815 - the clinic's words for the grades

    def __init__(self, atlas: Atlas, editor: SiteEditor | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.atlas = atlas
        self.editor = editor  # the window's: each edit through the services, one undo step
        self._view_ids = tab_order(atlas.views)
        self._scenes: dict[tuple[str, str], ChartScene] = {}
        self._sites: list[Site] = []
        self._labels = False
        self._editable = True
        # The layer each chart was last shown on: a chart opens where it was left, one never
        # shown on its first (superficial) layer; a layer id of one chart means nothing on
        # another (the posterior "deep" is not the spinal chart's "deep").
        self._layers: dict[str, str] = {}
        self._root_lit: tuple[frozenset, frozenset] = (frozenset(), frozenset())
        self.ahead: IdleWork | None = None  # build_ahead

        # A dozen charts: the tabs have a row of their own, and buttons beside it to show the
        # tabs beyond it, whole, and to list every chart by name (ui.chart_tabs).
        self.tabs = ChartTabBar()
        self.tab_strip = ChartTabStrip(self.tabs, name=self.tab_title)
        for i, vid in enumerate(self._view_ids):
            self.tabs.addTab(view_tab_name(atlas, vid))
            self.tabs.setTabToolTip(i, _view_name(atlas, vid))
        self.layer_label = QLabel(self.tr("Layer:"))
        # the label and the layer buttons (ui.layer_row: on one line on a short window)
        self.layer_row = LayerRow(self.layer_label)
        self.layer_box = self.layer_row.box
        self.layer_group = QButtonGroup(self)
        self.layer_group.setExclusive(True)
        self.layer_group.idClicked.connect(self._layer_clicked)
        self._layer_buttons: list[QToolButton] = []
        self._buttons_view: str | None = None  # the chart the layer buttons were made for

        self.view = ChartView()
        # a screen reader names the chart; its description says how to work it from the keys
        self.view.setAccessibleName(self.tr("Body chart"))
        self.view.setAccessibleDescription(self.tr(
            "Tap a muscle to record a site; Ctrl+F finds a muscle by name"))
        self.view.corner_room = QSize(SEARCH_WIDTH, TOUCH_HEIGHT)  # the search box (build_rest)
        self.view.site_keys = self.site_key
        self.view.lit_keys = self._chart_key

        # The search box over the chart's corner (Ctrl+F) and the muscle chooser: built by
        # `build_rest`, which the window calls right after the chart's first paint (neither is
        # needed to see the chart).
        self.search: MuscleSearchBox | None = None
        self.chooser: RegionChooser | None = None
        self.chooser_flow: ChooserFlow | None = None
        self.view.chooserRequested.connect(self.offer_choices_at)
        self.view.pressed.connect(self._dismiss_chooser)
        self.view.escaped.connect(self._dismiss_chooser)
        self.view.missed.connect(self._missed)
        self.view.zoomed.connect(self._zoomed)

        # The chart's tabs on their own row, the layer switch under them: in one row, the
        # layer buttons' longer French words left the tabs room for one chart at 1366 px.

        self.legend = GraspLegend()
        # (The grade legend stays a layout in the box: as a widget of its own, its change of
        # lines on a short chart (ui.short_chart) reached the box a pass of the event loop
        # later, and the chart was fitted at a height it had on the way: 177 px, not 197, at
        # 960 x 540 in tests/test_ui_chooser_width.py. Its one line is little to work out.)
        self.grasp_labels: Sequence[str] = GRASP_LABELS  # the clinic's words for the grades

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.tab_strip)
        layout.addWidget(self.layer_row)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.legend)
        self.hint = ChartHint(self.view)

        self.tabs.currentChanged.connect(self._tab_changed)
        if self._view_ids:
            self._tab_changed(self.tabs.currentIndex())
            self._build_legend()

    # -- state ------------------------------------------------------------------------------
    def view_title(self, index: int) -> str:
        """The whole name of the chart on tab `index` ("Vue antérieure"; the tab may say it
        shorter, "Antérieure")."""
        return _view_name(self.atlas, self._view_ids[index])

    def tab_title(self, index: int) -> str:
        """The whole name of the chart on tab `index` with the count its tab shows of the
        session's sites on it ("Vue postérieure (2)"): the tab strip's list of every chart."""
        tab = view_tab_name(self.atlas, self._view_ids[index])
        text = self.tabs.tabText(index)
        return self.view_title(index) + (text[len(tab):] if text.startswith(tab) else "")

    def view_id_at(self, index: int) -> str | None:
        """The view on tab `index`."""
        return self._view_ids[index] if 0 <= index < len(self._view_ids) else None

    @property
    def view_id(self) -> str | None:
        return self.view_id_at(self.tabs.currentIndex())

    @property
    def layer(self) -> str:
        scene = self.scene
        if scene is not None:
            return scene.layer
        view_id = self.view_id
        return self.layer_of(view_id) if view_id is not None else ""

    def layer_of(self, view_id: str) -> str:
        """The layer this chart was last shown on, its first if it was never shown."""
        return self._layers.get(view_id) or self.atlas.view(view_id).layer_ids[0]

    @property
    def scene(self) -> ChartScene | None:
        s = self.view.scene()
        return s if isinstance(s, ChartScene) else None

    def scene_for(self, view_id: str, layer: str) -> ChartScene:
        """This chart's scene on this layer (its first where it has no such layer), made the
        first time it is asked for, kept, and set as the panel's other scenes are."""
        view = self.atlas.view(view_id)
        if layer not in view.layer_ids:
            layer = view.layer_ids[0]
        key = (view_id, layer)
        scene = self._scenes.get(key)
        if scene is None:
            scene = ChartScene(self.atlas, view_id, layer, self)
            scene.set_labels(self._labels)
            scene.set_grasp_labels(self.grasp_labels)
            scene.set_editable(self._editable)
            scene.set_sites(self._sites)
            scene.set_root_highlight(*self._root_lit)
            scene.signals.regionClicked.connect(self._region_clicked)
            scene.signals.markerMoved.connect(self.markerMoved)
            scene.signals.hoverText.connect(self.hoverText)
            scene.selectionChanged.connect(self._selection_changed)
            self._scenes[key] = scene
        return scene

    def _show(self, view_id: str, layer: str) -> None:
        previous = self.scene
        selected = previous.selected_site_id() if previous is not None else None
        scene = self.scene_for(view_id, layer)
        if scene is previous:
            return
        scene.set_sites(self._sites)
        scene.select_site(selected)
        self.view.setScene(scene)
        if previous is not None:
            previous.clearSelection()
        self._sync_layer_buttons()
        self.hoverText.emit("")
        self.hint.setText("")  # it answered a tap (or a search) on the chart shown before
        self._dismiss_chooser()
        self.sceneShown.emit(scene)
        self._selection_changed()

    def _tab_changed(self, index: int) -> None:
        if 0 <= index < len(self._view_ids):
            view_id = self._view_ids[index]
            self._show(view_id, self.layer_of(view_id))

    def _sync_layer_buttons(self) -> None:
        view = self.atlas.view(self.view_id)
        if view.id == self._buttons_view:  # another layer of the same chart: its buttons stay
            for b, layer in zip(self._layer_buttons, view.layers, strict=True):
                b.setChecked(layer.id == self.layer)
            return
        self._buttons_view = view.id
        for b in self._layer_buttons:
            self.layer_group.removeButton(b)
            # Out of the row now, not at deletion: the row's minimum width must not keep the
            # old chart's buttons (a long one widened the window on the spinal chart).
            self.layer_box.removeWidget(b)
            b.hide()
            b.deleteLater()
        self._layer_buttons = []
        for i, layer in enumerate(view.layers):
            b = LayerButton(layer_name(self.atlas, view.id, layer.id),
                            layer_short_name(self.atlas, view.id, layer.id))
            b.setCheckable(True)
            b.setChecked(layer.id == self.layer)
            b.setToolTip(self.tr("Show the {layer} muscles (Ctrl+L switches layer)").format(
                layer=layer_word(self.atlas, view.id, layer.id)))
            self.layer_group.addButton(b, i)
            self.layer_box.add(b)
            self._layer_buttons.append(b)
        multi = len(view.layers) > 1
        self.layer_row.setVisible(multi)  # no room taken (nor the box's spacing) by one layer
        for b in self._layer_buttons:
            b.setVisible(multi)
        self.layer_row.buttons = len(self._layer_buttons)
        if self.layer_row.short:  # on a short window: on one line again if need be
            self.layer_row.set_short(True)
        else:
            self.layer_label.setVisible(multi)
        # made anew, they came last of the window's Tab order: between the tabs and the chart
        focus_order.chain(focus_order.with_parts([self.tabs, self.tab_strip.more,
                                                  *self._layer_buttons, self.view]))

    def tab_stops(self) -> list[QWidget]:
        """Where Tab stops on the chart, as on the screen: the tabs (with their scroll
        arrows), the button listing every chart, the layer buttons, the chart, the muscle
        search over its foot (ui.focus_order)."""
        return [self.tabs, self.tab_strip.more, *self._layer_buttons, self.view,
                *([self.search] if self.search is not None else [])]

    def _layer_clicked(self, index: int) -> None:
        view = self.atlas.view(self.view_id)
        self.set_layer(view.layers[index].id)

    def set_layer(self, layer: str) -> None:
        """Show this layer of the chart shown; the chart keeps it until another is chosen."""
        view_id = self.view_id
        if view_id is not None:
            if layer in self.atlas.view(view_id).layer_ids:
                self._layers[view_id] = layer
            self._show(view_id, layer)

    def toggle_layer(self) -> None:
        ids = self.atlas.view(self.view_id).layer_ids
        if len(ids) > 1:
            self.set_layer(ids[(ids.index(self.layer) + 1) % len(ids)])

    def set_view(self, view_id: str) -> None:
        if view_id in self._view_ids:
            self.tabs.setCurrentIndex(self._view_ids.index(view_id))

    def _build_legend(self) -> None:
        self.legend.build(ChartPainter(self.atlas, self._view_ids[0]))
        if self.editor is not None:  # the clinic's own words, as the site inspector says them
            follow_grasp_labels(self.editor.records, self, self.set_grasp_labels)

    @property
    def legend_short(self) -> bool:
        return self.legend.short

    def set_legend_short(self, on: bool) -> None:
        """The grasp legend on one line (`on`: a short chart, ui.short_chart), or in words."""
        self.legend.set_short(on)

    def set_grasp_labels(self, labels: Sequence[str]) -> None:
        """The legend, the markers' tooltips and what a site's edits say name the grades in
        these words (the clinic's: services.clinic)."""
        self.grasp_labels = labels
        self.legend.set_labels(labels)
        for scene in self._scenes.values():
            scene.set_grasp_labels(labels)
        self.graspLabelsChanged.emit(labels)

    # -- mirror of the session --------------------------------------------------------------
    def site(self, site_id: int | None) -> Site | None:
        """The shown site with this id, None if it is not shown."""
        return next((s for s in self._sites if s.id == site_id), None)

    def set_sites(self, sites: list[Site]) -> None:
        self._sites = list(sites)
        chooser = self.chooser
        if chooser is not None and chooser.site_id is not None:
            offered = self.site(chooser.site_id)
            if offered is None:
                chooser.dismiss()  # its site was removed (or another session shown)
            else:
                chooser.renumber(offered.seq)  # a site before it removed: its number moved
        # The chart shown; the others take the sites when they are shown (`_show`). Each tap
        # went through every chart and layer looked at so far (up to 26), none of them seen.
        if self.scene is not None:
            self.scene.set_sites(self._sites)
        counts: dict[str, int] = {}
        for s in self._sites:
            counts[s.view_id] = counts.get(s.view_id, 0) + 1
        for i, vid in enumerate(self._view_ids):
            n = counts.get(vid, 0)
            name = _view_name(self.atlas, vid)
            tab = view_tab_name(self.atlas, vid)
            text = f"{tab} ({n})" if n else tab
            if self.tabs.tabText(i) == text:
                continue  # a tap changes one count: the other tabs are not laid out again
            self.tabs.setTabText(i, text)
            self.tabs.setTabToolTip(i, self.tr("%n site(s) of this session on the {chart} chart",
                                               "", n).format(chart=name.lower()) if n else name)

    def show_where_sites_are(self) -> None:
        """Where none of the shown session's sites is on this chart, the chart (and layer) with
        the most of them, first in tab order on a tie: a visit opened is read where it was
        needled. Nothing changes for a session without sites, or one with sites here."""
        if not self._sites or any(s.view_id == self.view_id for s in self._sites):
            return
        on_view = Counter(s.view_id for s in self._sites if s.view_id in self._view_ids)
        if not on_view:
            return
        view_id = max(on_view, key=lambda v: (on_view[v], -self._view_ids.index(v)))
        layer = Counter(s.layer for s in self._sites if s.view_id == view_id).most_common(1)[0][0]
        self._layers[view_id] = layer
        self.set_view(view_id)
        if self.layer != layer:
            self.set_layer(layer)

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for scene in self._scenes.values():
            scene.set_editable(editable)
        if not editable:  # signed, withdrawn, taken: no muscle to move a site to any more
            self._dismiss_chooser()

    def set_labels(self, on: bool) -> None:
        self._labels = on
        for scene in self._scenes.values():
            scene.set_labels(on)

    def show_labels(self, on: bool) -> None:
        """View > Muscle labels, as the user turns it: set_labels, and where the names are too
        small to read at the chart's zoom (the chart paints them only where they can be read:
        ChartPainter.labels_readable), the hint says to zoom in."""
        self.set_labels(on)
        if on and not self._labels_readable():
            self.hint.setText(self._too_small())
        elif self.hint.text() == self._too_small():
            self.hint.setText("")

    def _too_small(self) -> str:
        return self.tr("The muscles' names are too small to read at this size: zoom in to see "
                       "them.")

    def _labels_readable(self) -> bool:
        scene = self.scene
        scale = self.view.transform().m11() * self.view.devicePixelRatioF()
        return scene is None or scene.chart.labels_readable(scale)

    def _zoomed(self) -> None:
        """A zoom where the names can be read puts away the hint that said to zoom in."""
        if self.hint.text() == self._too_small() and self._labels_readable():
            self.hint.setText("")

    def set_root_highlight(self, muscles: frozenset, levels: frozenset[str]) -> None:
        self._root_lit = (frozenset(muscles), frozenset(levels))
        for scene in self._scenes.values():
            scene.set_root_highlight(*self._root_lit)

    def selected_site_id(self) -> int | None:
        scene = self.scene
        return scene.selected_site_id() if scene is not None else None

    def select_site(self, site_id: int | None, *, reveal: bool = True) -> None:
        """Select a site's marker, switching to its view if needed."""
        site = next((s for s in self._sites if s.id == site_id), None)
        if site is not None and reveal and site.view_id != self.view_id:
            self.set_view(site.view_id)
        scene = self.scene
        if scene is not None:
            scene.select_site(site.id if site is not None else None)
            item = scene.marker(site.id) if site is not None else None
            if item is not None and reveal:
                self.view.ensureVisible(item, 40, 40)

    def _selection_changed(self) -> None:
        if self.sender() is not None and self.sender() is not self.scene \
                and isinstance(self.sender(), ChartScene):
            return
        selected = self.selected_site_id()
        if selected is not None:
            self.hint.setText("")  # it answered an earlier tap, not this site's
        self.siteSelected.emit(selected)

    # -- finding a muscle -------------------------------------------------------------------
    def build_rest(self) -> None:
        """What the chart's first paint does not need (the window's step 2, MainWindow.
        build_rest): the search box and its Ctrl+F shortcut, the muscle chooser, and the shown
        chart's muscle items for hit-testing (ChartScene.regions). Once."""
        if self.search is not None:
            return
        # Find a muscle by name or synonym (Ctrl+F): over the chart's bottom left corner, where
        # the body charts leave room (the top left holds the side caption).
        search = MuscleSearchBox(self.atlas, self.view, self.tr("Find a muscle (Ctrl+F)"),
                                 above=True, levels=True)
        self.search = search
        search.setObjectName("chartSearch")
        search.setAccessibleName(self.tr("Find a muscle by name"))
        search.setFixedWidth(SEARCH_WIDTH)
        self.view.set_corner_widget(search)
        search.muscleChosen.connect(self.show_muscle)
        search.levelChosen.connect(self.show_muscle)
        search.escaped.connect(self._search_escaped)
        search.textChanged.connect(lambda text: None if text else self.clear_search())
        if self.view.isVisible():
            search.show()  # a child added to a shown widget stays hidden until told
        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.find_shortcut.activated.connect(self.focus_search)

        # Which muscle, where several lie under the finger.
        chooser = RegionChooser(self.view)
        chooser.dock_above = search
        self.view.corner_followers.append(chooser)
        self.view.over_captions.append(chooser)
        self.hint.keep_clear_of(chooser)
        self.chooser = chooser
        self.chooser_flow = ChooserFlow(self, chooser)

        scene = self.scene
        if scene is not None:
            scene.regions  # noqa: B018 - the muscle items, made on first use

    def build_ahead(self, then: Iterable[None] = ()) -> IdleWork:
        """Build what a visit's first open would, while the window waits for it (ui.chart_ahead:
        the charts a visit is most often on, the markers' numbers), then the steps `then`."""
        self.ahead = IdleWork(chart_ahead.steps(
            self, [v for v in FIRST_TABS if v in self._view_ids], then), self)
        return self.ahead

    def _missed(self, at: QPoint, finger: bool) -> None:
        """A tap where no muscle lies: nothing is added, and the hint over the chart says why
        (the chooser's words for the same miss). A finger's tap beside a muscle (a thin one,
        bone or tendon under the fingertip's centre) offers the muscles within its reach
        instead (ui.chooser_flow.ChooserFlow.beside); a mouse points where it means."""
        if finger and self.chooser_flow is not None and self.chooser_flow.beside(
                at, FINGER_REACH_PX / self.view.transform().m11()):
            return
        self.hint.setText(QCoreApplication.translate("ChooserFlow", "No muscle there."))

    def _dismiss_chooser(self) -> None:
        if self.chooser is not None:
            self.chooser.dismiss()

    def focus_search(self) -> None:
        if self.chooser is not None and self.chooser.covering:
            self.chooser.dismiss()  # the strip lay over the search box (a short chart)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_escaped(self) -> None:
        self.search.clear()
        self.view.setFocus()

    def clear_search(self) -> None:
        for scene in self._scenes.values():
            scene.set_search_highlight(frozenset())

    def show_muscle(self, muscle_id: str, level: str | None = None) -> bool:
        """Show a muscle (at one level, when given): its view and layer, lit, zoomed and
        centred (muscle_search.show_on). False if no chart draws it."""
        return show_on(self, muscle_id, level or None)

    def _chart_key(self, event: QKeyEvent) -> bool:
        """The chart's keys before the site keys: a lit muscle's (Enter, L, R, M), then M with
        the muscle chooser shown, which gives the keys to its choices (region_chooser)."""
        if self._lit_key(event):
            return True
        return event.key() == Qt.Key.Key_M and not event.modifiers() \
            and self.chooser is not None and self.chooser.enter()

    def _lit_key(self, event: QKeyEvent) -> bool:
        """Enter / L / R with a muscle found by name lit: a site on it (ui.lit_muscle_keys)."""
        scene = self.scene
        if scene is None or not scene.search_highlight:
            return False
        lit = scene.search_highlight
        regions = lit_regions(self.atlas, self.view_id, self.layer, lit)
        return lit_key(event, regions, self.selected_site_id() is not None, self.atlas,
                       lambda r: self._region_clicked(r, *lit_point(r, lit)), self.hint.setText)

    def _region_clicked(self, region: Region, x: float, y: float, finger: bool = False) -> None:
        """A tap on a muscle: the window adds the site; if other muscles lie under that point
        (or, for a finger, within its reach: ui.touch), the chooser offers them for the new
        site."""
        if self.search is not None and self.search.text():
            self.search.clear()  # and with it the muscle it lit
        self.hint.setText("")
        self._dismiss_chooser()
        before = {s.id for s in self._sites}
        self.regionClicked.emit(region, x, y)
        new = [s for s in self._sites if s.id not in before]
        if len(new) == 1 and self.chooser_flow is not None:
            reach = FINGER_REACH_PX / self.view.transform().m11() if finger else 0.0
            self.chooser_flow.after_click(region, x, y, new[0].id, reach=reach)

    def offer_choices_at(self, viewport_pos: QPoint) -> bool:
        """Right-click or long press: which muscle (see ui.chooser_flow.ChooserFlow.at)."""
        if self.chooser_flow is None:
            return False  # before the window's step 2: nothing to choose into yet
        return self.chooser_flow.at(viewport_pos)

    # -- stepping and keys ------------------------------------------------------------------
    def site_ids_in_order(self) -> list[int]:
        return [s.id for s in sorted(self._sites, key=lambda s: s.seq)]

    def step_selection(self, step: int, leaves: bool = False) -> bool:
        """Select the next (step 1) or previous (-1) site in number order, across views; False
        (the focus moves on) past the last or first site when the step `leaves` (Tab)."""
        ids = self.site_ids_in_order()
        if not ids:
            return False
        current = self.selected_site_id()
        if current in ids:
            i = ids.index(current) + step
            if leaves and not 0 <= i < len(ids):
                return False
            i %= len(ids)
        else:
            i = 0 if step > 0 else len(ids) - 1
        self.select_site(ids[i])
        return True

    def site_key(self, action: SiteKeyAction) -> bool:
        if isinstance(action, Step):
            return self.step_selection(action.by, action.leaves)
        return apply_site_key(self.editor, self.selected_site_id(), action,
                              lambda site: describe_site(self.atlas, site, self.grasp_labels))

    # -- helpers for tests and the window ---------------------------------------------------
    def scene_to_viewport(self, x: float, y: float):
        """Viewport pixel of a chart point (for simulated clicks)."""
        return self.view.mapFromScene(QPointF(x, y))

    def visible_rect(self) -> QRectF:
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()

    def region(self, region_id: str) -> Region:
        return self.atlas.view(self.view_id).region(region_id)


def _view_name(atlas: Atlas, view_id: str) -> str:
    """A view's name in the window's language, without parsing the view (Atlas.view_name)."""
    return view_name(atlas, view_id)
