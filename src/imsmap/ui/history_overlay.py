"""Earlier sessions on the chart, under today's markers: "what grasped last time?" at a glance.

- `sessions_to_draw`: which earlier sessions a choice (last N, a date range, picked ones) draws;
  pure, so the choice is tested with numbers.
- `HistoryOverlayItem`: one QGraphicsItem per chart scene, between the chart background and the
  markers (z 0.5: the scene's background is 0, its invisible muscle regions 1, markers 10; the
  item takes no mouse or hover events, so clicks still reach the muscles). It paints the
  optional grasp heat map (render.heatmap) and the earlier sites coloured by grasp and faded with
  age (render.overlay).
- `HistoryBar`: the controls under the chart (which sessions, heat map, legend) and the timeline
  slider that steps the window through the visits, or replays them one after another.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import shiboken6
from PySide6.QtCore import QDate, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.models import Session
from imsmap.domain.progress import History, grasp_heat
from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.render.heatmap import heat_image, heat_vmax, paint_heat_legend
from imsmap.render.overlay import (EARLIER_SCALE, LAST_SCALE, OverlayMarker, age_fade,
                                   faded_style, paint_overlay)

Z_HISTORY = 0.5  # between chart_scene.Z_BACKGROUND (0) and Z_MARKER (10)
HEAT_CELL = 4.0  # view units per heat-map cell on screen
HEAT_MAX_ALPHA = 0.8  # the muscle under the heat stays readable
HEAT_SIGMA = 36.0  # view units: a site warms about a hand's breadth of the chart
REPLAY_MS = 1300
EARLIER_BOOST = 1.3
MODES = (("last", "Last"), ("range", "Dates"), ("picked", "Picked"))


# -- which sessions -----------------------------------------------------------------------
@dataclass(frozen=True)
class OverlayChoice:
    mode: str = "last"  # "last", "range" or "picked"
    last_n: int = 3
    date_from: date | None = None
    date_to: date | None = None
    picked: frozenset[int] = field(default_factory=frozenset)


def earlier_sessions(sessions: Sequence[Session], current_id: int | None) -> list[Session]:
    """The patient's sessions before the current one, oldest first (all of them when no session
    is open)."""
    ordered = sorted(sessions, key=lambda s: (s.started_at, s.id))
    ids = [s.id for s in ordered]
    if current_id is not None and current_id in ids:
        return ordered[: ids.index(current_id)]
    return ordered


def sessions_to_draw(sessions: Sequence[Session], current_id: int | None,
                     choice: OverlayChoice) -> list[int]:
    """Ids of the earlier sessions the choice draws, oldest first."""
    earlier = earlier_sessions(sessions, current_id)
    if choice.mode == "last":
        n = max(0, choice.last_n)
        chosen = earlier[-n:] if n else []
    elif choice.mode == "range":
        lo, hi = choice.date_from, choice.date_to
        chosen = [s for s in earlier if (lo is None or s.started_at.date() >= lo)
                  and (hi is None or s.started_at.date() <= hi)]
    elif choice.mode == "picked":
        chosen = [s for s in earlier if s.id in choice.picked]
    else:
        raise ValueError(f"unknown overlay mode {choice.mode!r}")
    return [s.id for s in chosen]


def overlay_markers(history: History, drawn: Sequence[int], current_id: int | None,
                    view_id: str) -> tuple[list[OverlayMarker], int]:
    """Markers of the drawn sessions on one view, each aged by how many visits before the
    current one its session was (1 = last time), and the oldest age shown."""
    earlier = [s.id for s in earlier_sessions(history.sessions, current_id)]
    age_of = {sid: len(earlier) - i for i, sid in enumerate(earlier)}
    out: list[OverlayMarker] = []
    for sid in drawn:
        for site in history.sites_of(sid):
            if site.view_id == view_id:
                out.append(OverlayMarker(site.x, site.y, site.grasp, age_of.get(sid, 1), sid,
                                         site.muscle_id, site.side.value))
    oldest = max((age_of.get(sid, 1) for sid in drawn), default=1)
    return out, oldest


# -- the item on the chart ----------------------------------------------------------------
class HistoryOverlayItem(QGraphicsItem):
    """Earlier sites (and the heat map) of one view, painted under the scene's own markers."""

    def __init__(self, chart: ChartPainter, view_id: str):
        super().__init__()
        self.chart = chart
        self.view_id = view_id
        self.markers: list[OverlayMarker] = []
        self.oldest = 1
        self.heat_on = False
        self._history = History(())
        self._drawn: tuple[int, ...] = ()
        self._heat: QImage | None = None
        self.heat_vmax = 3.0
        self.setZValue(Z_HISTORY)
        # Kept as a pixmap at screen resolution until its data or the zoom changes: a click,
        # a selection or the pointer over a muscle repaints nothing of it.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, False)

    def set_data(self, history: History, drawn: Sequence[int], current_id: int | None,
                 heat: bool) -> None:
        drawn = tuple(drawn)
        changed = history is not self._history or drawn != self._drawn
        self._history, self._drawn = history, drawn
        markers, oldest = overlay_markers(history, drawn, current_id, self.view_id)
        if changed:
            self._heat = None
        if changed or heat != self.heat_on or oldest != self.oldest or markers != self.markers:
            self.markers, self.oldest, self.heat_on = markers, oldest, heat
            self.update()  # only then: the cached picture stays valid otherwise

    def heat_grid(self):
        v = self.chart.view
        return grasp_heat(self._history, self.view_id, v.width, v.height,
                          session_ids=self._drawn, cell=HEAT_CELL, sigma=HEAT_SIGMA)

    def heat_picture(self) -> QImage:
        if self._heat is None:
            grid = self.heat_grid()
            self.heat_vmax = heat_vmax(grid)
            self._heat = heat_image(grid, self.heat_vmax, max_alpha=HEAT_MAX_ALPHA)
        return self._heat

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt naming
        return self.chart.bounding_rect().adjusted(-40, -40, 40, 40)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.heat_on and self._drawn:
            v = self.chart.view
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(QRectF(0, 0, v.width, v.height), self.heat_picture())
            painter.restore()
        if self.markers:
            scene = self.scene()
            # Today's markers keep a readable size at any zoom (scene.marker_scale); earlier
            # ones follow, a little larger than render.overlay's sizes so that a past strong
            # grasp still reads at a glance when the whole body is in view.
            scale = (getattr(scene, "marker_scale", 1.0) or 1.0) * EARLIER_BOOST
            paint_overlay(painter, self.chart, self.markers, (), oldest=max(1, self.oldest),
                          scale=scale)


# -- the legend ---------------------------------------------------------------------------
class OverlayLegend(QWidget):
    """How earlier sites look by age, and the heat scale when the heat map is on."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: ChartPainter | None = None
        self.ages: list[tuple[int, str]] = []
        self.oldest = 1
        self.heat_vmax: float | None = None
        self.setMinimumSize(10, 26)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(380, self.minimumHeight())

    def set_state(self, chart: ChartPainter | None, ages: list[tuple[int, str]], oldest: int,
                  heat_vmax: float | None) -> None:
        self.chart, self.ages, self.oldest, self.heat_vmax = chart, ages, oldest, heat_vmax
        self.setFixedHeight(26 if heat_vmax is None else 70)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        if self.chart is None or not self.ages:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        s = self.chart.style
        y = 13.0
        r = 9.0
        scale = r / s.marker_radius
        x = 4.0
        colour = QColor(s.caption)

        def label(text: str, at_x: float, bold: bool = False) -> float:
            path = text_path(text, 10.5, anchor="left", at=(at_x, y), bold=bold)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawPath(path)
            return path.boundingRect().right()

        x = label("Earlier sites, e.g. strong grasp:", x, bold=True) + 8
        for age, text in self.ages:
            faded = copy.copy(self.chart)
            faded.style = faded_style(s, age_fade(age, self.oldest))
            faded.paint_marker(p, x + r, y, None, 3,
                               scale=scale * (LAST_SCALE if age <= 1 else EARLIER_SCALE))
            x = label(text, x + 2 * r + 4) + 12
        if self.heat_vmax is not None:
            paint_heat_legend(p, QRectF(4, 26, min(320.0, self.width() - 8), 42),
                              self.heat_vmax, title="Heat map: grasp summed over those visits")
        p.end()


# -- the controls -------------------------------------------------------------------------
class HistoryBar(QWidget):
    """Which earlier sessions the chart shows, the heat map, the legend and the timeline."""

    changed = Signal()  # the choice, the visibility or the heat map changed
    sessionRequested = Signal(int)  # noqa: N815 - the timeline moved to this session

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sessions: list[Session] = []
        self.current_id: int | None = None
        self._picked: set[int] = set()
        self._syncing = False

        self.show_earlier = QCheckBox("Earlier sessions")
        self.show_earlier.setChecked(True)
        self.show_earlier.setToolTip("Show earlier visits' sites under today's (Ctrl+Shift+O)")
        self.mode = QComboBox()
        for key, text in MODES:
            self.mode.addItem(text, key)
        self.mode.setAccessibleName("Which earlier sessions")
        self.last_n = QSpinBox()
        self.last_n.setRange(1, 99)
        self.last_n.setValue(3)
        self.last_n.setAccessibleName("How many earlier sessions")
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.dash = QLabel("–")
        self.pick = QToolButton()
        self.pick.setText("Sessions…")
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pick_menu = QMenu(self.pick)
        self.pick.setMenu(self.pick_menu)
        self.heat = QCheckBox("Heat map")
        self.heat.setToolTip("Grasp summed over the earlier sessions shown (Ctrl+Shift+M)")
        self.legend = OverlayLegend()
        self.count = QLabel()
        self.count.setObjectName("overlayCount")

        self.first = QToolButton()
        self.first.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward))
        self.first.setToolTip("First visit")
        self.prev = QToolButton()
        self.prev.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.prev.setToolTip("Previous visit (Alt+Left)")
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setAccessibleName("Visit timeline")
        self.next = QToolButton()
        self.next.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.next.setToolTip("Next visit (Alt+Right)")
        self.last = QToolButton()
        self.last.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.last.setToolTip("Latest visit")
        self.play = QToolButton()
        self.play.setText("Replay")
        self.play.setCheckable(True)
        self.play.setToolTip("Replay the visits one after another (Ctrl+Shift+R)")
        self.when = QLabel()
        self.when.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.when.setMinimumWidth(60)
        self._timer = QTimer(self)
        self._timer.setInterval(REPLAY_MS)
        self._timer.timeout.connect(self._replay_step)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.show_earlier, self.mode, self.last_n, self.date_from, self.dash,
                  self.date_to, self.pick, self.heat, self.count):
            row.addWidget(w)
        row.addStretch(1)
        timeline = QHBoxLayout()
        timeline.setContentsMargins(0, 0, 0, 0)
        timeline.addWidget(QLabel("Visits:"))
        for w in (self.first, self.prev):
            timeline.addWidget(w)
        timeline.addWidget(self.slider, 1)
        for w in (self.next, self.last, self.play):
            timeline.addWidget(w)
        timeline.addWidget(self.when, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 2, 6, 2)
        outer.setSpacing(2)
        outer.addLayout(row)
        outer.addWidget(self.legend)
        outer.addLayout(timeline)

        self.show_earlier.toggled.connect(self._emit_changed)
        self.heat.toggled.connect(self._emit_changed)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.last_n.valueChanged.connect(self._emit_changed)
        self.date_from.dateChanged.connect(self._emit_changed)
        self.date_to.dateChanged.connect(self._emit_changed)
        self.slider.valueChanged.connect(self._slider_moved)
        self.first.clicked.connect(lambda: self.step_to(0))
        self.last.clicked.connect(lambda: self.step_to(len(self.sessions) - 1))
        self.prev.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.play.toggled.connect(self.set_replaying)
        self._mode_changed()
        self.set_sessions([], None)

    # -- state -----------------------------------------------------------------------------
    def choice(self) -> OverlayChoice:
        return OverlayChoice(
            mode=self.mode.currentData(), last_n=self.last_n.value(),
            date_from=self.date_from.date().toPython(), date_to=self.date_to.date().toPython(),
            picked=frozenset(self._picked))

    def set_choice(self, choice: OverlayChoice) -> None:
        self._syncing = True
        try:
            self.mode.setCurrentIndex(self.mode.findData(choice.mode))
            self.last_n.setValue(choice.last_n)
            if choice.date_from is not None:
                self.date_from.setDate(QDate(choice.date_from))
            if choice.date_to is not None:
                self.date_to.setDate(QDate(choice.date_to))
            self._picked = set(choice.picked)
            self._fill_pick_menu()
            self._mode_changed()
        finally:
            self._syncing = False
        self.changed.emit()

    def _mode_changed(self, *_args) -> None:
        mode = self.mode.currentData()
        self.last_n.setVisible(mode == "last")
        for w in (self.date_from, self.dash, self.date_to):
            w.setVisible(mode == "range")
        self.pick.setVisible(mode == "picked")
        self._emit_changed()

    def _emit_changed(self, *_args) -> None:
        if not self._syncing:
            self.changed.emit()

    def set_sessions(self, sessions: Sequence[Session], current_id: int | None) -> None:
        """The patient's sessions (any order) and the one open in the window."""
        new_patient = {s.id for s in sessions} != {s.id for s in self.sessions}
        self.sessions = sorted(sessions, key=lambda s: (s.started_at, s.id))
        self.current_id = current_id
        self._syncing = True
        try:
            if new_patient and self.sessions:
                first = self.sessions[0].started_at.date()
                last = self.sessions[-1].started_at.date()
                self.date_from.setDate(QDate(first))
                self.date_to.setDate(QDate(last))
                self._picked &= {s.id for s in self.sessions}
            self._fill_pick_menu()
            n = len(self.sessions)
            self.slider.setRange(0, max(0, n - 1))
            ids = [s.id for s in self.sessions]
            self.slider.setValue(ids.index(current_id) if current_id in ids else max(0, n - 1))
            for w in (self.slider, self.first, self.prev, self.next, self.last, self.play):
                w.setEnabled(n > 1)
        finally:
            self._syncing = False
        self._show_when()
        if n < 2:
            self.set_replaying(False)

    def _fill_pick_menu(self) -> None:
        self.pick_menu.clear()
        for i, s in enumerate(self.sessions):
            act = QAction(f"#{i + 1}  {s.started_at:%Y-%m-%d}", self.pick_menu)
            act.setCheckable(True)
            act.setChecked(s.id in self._picked)
            act.toggled.connect(lambda on, sid=s.id: self._toggle_pick(sid, on))
            self.pick_menu.addAction(act)

    def _toggle_pick(self, session_id: int, on: bool) -> None:
        (self._picked.add if on else self._picked.discard)(session_id)
        self._emit_changed()

    def pick_sessions(self, session_ids) -> None:
        self.set_choice(replace(self.choice(), mode="picked", picked=frozenset(session_ids)))

    def show_state(self, chart: ChartPainter | None, drawn: Sequence[int], oldest: int,
                   heat_vmax: float | None) -> None:
        """What the chart now shows: the count and the legend."""
        n = len(drawn)
        self.count.setText(f"{n} earlier shown" if self.show_earlier.isChecked() else "")
        ages: list[tuple[int, str]] = []
        if n and self.show_earlier.isChecked():
            ages.append((1, "last time"))
            if oldest > 2:
                ages.append(((oldest + 1) // 2, f"{(oldest + 1) // 2} visits ago"))
            if oldest > 1:
                ages.append((oldest, f"{oldest} visits ago"))
        self.legend.set_state(chart, ages, oldest, heat_vmax)

    # -- the timeline ----------------------------------------------------------------------
    def _show_when(self) -> None:
        i = self.slider.value()
        if not self.sessions:
            self.when.setText("no visits yet")
            return
        s = self.sessions[min(i, len(self.sessions) - 1)]
        state = "draft" if not s.is_signed else "signed"
        self.when.setText(f"#{i + 1} of {len(self.sessions)} · {s.started_at:%d %b %Y} · {state}")

    def _slider_moved(self, index: int) -> None:
        self._show_when()
        if self._syncing or not 0 <= index < len(self.sessions):
            return
        sid = self.sessions[index].id
        if sid != self.current_id:
            self.sessionRequested.emit(sid)

    def step_to(self, index: int) -> None:
        if self.sessions:
            self.slider.setValue(min(max(0, index), len(self.sessions) - 1))

    def step(self, delta: int) -> None:
        self.step_to(self.slider.value() + delta)

    def set_replaying(self, on: bool) -> None:
        if on and len(self.sessions) > 1:
            if self.slider.value() >= len(self.sessions) - 1:
                self.step_to(0)
            self._timer.start()
        else:
            self._timer.stop()
        if self.play.isChecked() != (on and len(self.sessions) > 1):
            self.play.blockSignals(True)
            self.play.setChecked(on and len(self.sessions) > 1)
            self.play.blockSignals(False)
        self.play.setText("Stop" if self._timer.isActive() else "Replay")

    @property
    def replaying(self) -> bool:
        return self._timer.isActive()

    def _replay_step(self) -> None:
        if self.slider.value() >= len(self.sessions) - 1:
            self.set_replaying(False)
            return
        self.step(1)


# -- keeping the items up to date ---------------------------------------------------------
class HistoryOverlay:
    """The patient's history and the overlay item of every chart scene shown so far."""

    def __init__(self, records, bar: HistoryBar):
        self.records = records
        self.bar = bar
        self.patient_id: int | None = None
        self.current_id: int | None = None
        self.history = History(())
        self._items: list[tuple[object, HistoryOverlayItem]] = []
        bar.changed.connect(self.update)

    def set_patient(self, patient_id: int | None, current_id: int | None = None) -> None:
        self.patient_id = patient_id
        self.current_id = current_id
        self.reload()

    def set_current(self, session_id: int | None) -> None:
        self.current_id = session_id
        self.bar.set_sessions(self.history.sessions, session_id)
        self.update()

    def reload(self) -> None:
        """Read the patient's sessions and sites again (after a change or a refresh)."""
        # Shared with the progress panel: read once per patient and change.
        self.history = self.records.histories.history(self.patient_id)
        self.bar.set_sessions(self.history.sessions, self.current_id)
        self.update()

    def drawn_ids(self) -> list[int]:
        if not self.bar.show_earlier.isChecked():
            return []
        return sessions_to_draw(self.history.sessions, self.current_id, self.bar.choice())

    def attach(self, scene) -> HistoryOverlayItem | None:
        """The overlay item of a chart scene, added on first sight."""
        if scene is None:
            return None
        self._items = [(s, i) for s, i in self._items if shiboken6.isValid(s)
                       and shiboken6.isValid(i)]
        for s, item in self._items:
            if s is scene:
                return item
        item = HistoryOverlayItem(scene.chart, scene.view_id)
        scene.addItem(item)
        self._items.append((scene, item))
        self._update_item(item)
        return item

    def item_for(self, scene) -> HistoryOverlayItem | None:
        return next((i for s, i in self._items if s is scene), None)

    def _update_item(self, item: HistoryOverlayItem) -> None:
        item.set_data(self.history, self.drawn_ids(), self.current_id,
                      self.bar.heat.isChecked())

    def update(self, current_scene=None) -> None:
        drawn = self.drawn_ids()
        for scene, item in self._items:
            if shiboken6.isValid(item):
                item.set_data(self.history, drawn, self.current_id, self.bar.heat.isChecked())
        shown = current_scene or (self._items[-1][0] if self._items else None)
        item = self.item_for(shown) if shown is not None else None
        chart = item.chart if item is not None else None
        oldest = item.oldest if item is not None else 1
        vmax = None
        if item is not None and self.bar.heat.isChecked() and drawn:
            item.heat_picture()
            vmax = item.heat_vmax
        self.bar.show_state(chart, drawn, oldest, vmax)
