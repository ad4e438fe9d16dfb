"""Earlier sessions on the chart, under today's markers: "what grasped last time?" at a glance.

- `sessions_to_draw`: which earlier sessions a choice (last N, a date range, picked ones) draws;
  pure, so the choice is tested with numbers.
- `HistoryOverlayItem`: one QGraphicsItem per chart scene, between the chart background and the
  markers (z 0.5: the scene's background is 0, its invisible muscle regions 1, markers 10; the
  item takes no mouse or hover events, so clicks still reach the muscles). It paints the
  optional grasp heat map (render.heatmap), the earlier sites coloured by grasp and faded with
  age (render.overlay), and a diamond at each muscle of this chart needled at an earlier visit
  on another chart (render.other_charts), each with an `OtherChartTip` for its tooltip.
- `HistoryBar` (in `ui.history_bar`, with `OverlayChoice`): the controls under the chart (which
  sessions, heat map, legend) and the timeline slider.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from imsmap.domain.heat import grasp_heat
from imsmap.domain.local_time import local_date
from imsmap.domain.models import Session
from imsmap.domain.progress import History, drafts_not_drawn, earlier_visits
from imsmap.render.chart_painter import ChartPainter
from imsmap.render.heatmap import heat_image, heat_vmax
from imsmap.render.other_charts import OtherChartMark, other_chart_marks, paint_other_chart_marks
from imsmap.render.overlay import EarlierMarkers, OverlayMarker, paint_overlay
from imsmap.services.changes import Action, Change, Entity
from imsmap.services.history import PatientHistories
from imsmap.services.records import Records
from imsmap.ui.chart_words import side_label
from imsmap.ui.history_bar import (  # noqa: F401 - re-exported: their home was here
    MODES,
    HistoryBar,
    OverlayChoice,
    OverlayMode,
)
from imsmap.ui.listening import listen
from imsmap.ui.wording import grasp_word, layer_name, muscle_name, numeric_date, view_name

Z_HISTORY = 0.5  # between chart_muscles.Z_BACKGROUND (0) and chart_markers.Z_MARKER (10)
Z_OTHER_CHART_TIP = 5.0  # above the muscles (1): its tooltip is found first; under the markers
HEAT_CELL = 4.0  # view units per heat-map cell on screen
HEAT_MAX_ALPHA = 0.8  # the muscle under the heat stays readable
HEAT_SIGMA = 36.0  # view units: a site warms about a hand's breadth of the chart
EARLIER_BOOST = 1.3


# -- which sessions -----------------------------------------------------------------------
def earlier_sessions(sessions: Sequence[Session], current_id: int | None) -> list[Session]:
    """The patient's visits before the current one, oldest first (all of them when no session
    is open): the signed ones (domain.progress.earlier_visits). A draft, this room's own left
    unsigned or one in progress in another room or window, is never drawn as a visit nor
    counted in an age ("last time"): the bar says it apart (`drafts_not_drawn`)."""
    return earlier_visits(sessions, current_id)


def sessions_to_draw(sessions: Sequence[Session], current_id: int | None,
                     choice: OverlayChoice) -> list[int]:
    """Ids of the earlier sessions the choice draws, oldest first."""
    earlier = earlier_sessions(sessions, current_id)
    if choice.mode is OverlayMode.LAST:
        n = max(0, choice.last_n)
        chosen = earlier[-n:] if n else []
    elif choice.mode is OverlayMode.RANGE:
        lo, hi = choice.date_from, choice.date_to
        chosen = [s for s in earlier if (lo is None or local_date(s.started_at) >= lo)
                  and (hi is None or local_date(s.started_at) <= hi)]
    elif choice.mode is OverlayMode.PICKED:
        chosen = [s for s in earlier if s.id in choice.picked]
    else:
        raise ValueError(f"unknown overlay mode {choice.mode!r}")
    return [s.id for s in chosen]


def ages_of(history: History, current_id: int | None) -> dict[int, int]:
    """Each earlier session's age: how many visits before the current one (1 = last time)."""
    earlier = [s.id for s in earlier_sessions(history.sessions, current_id)]
    return {sid: len(earlier) - i for i, sid in enumerate(earlier)}


def overlay_markers(history: History, drawn: Sequence[int], current_id: int | None,
                    view_id: str, age_of: dict[int, int] | None = None
                    ) -> tuple[list[OverlayMarker], int]:
    """Markers of the drawn sessions on one view, each aged by how many visits before the
    current one its session was (1 = last time), and the oldest age shown. `age_of`: the
    sessions' ages, when the caller has them (`ages_of`)."""
    if age_of is None:
        age_of = ages_of(history, current_id)
    out: list[OverlayMarker] = []
    for sid in drawn:
        for site in history.sites_of(sid):
            if site.view_id == view_id:
                out.append(OverlayMarker(site.x, site.y, site.grasp, age_of.get(sid, 1), sid,
                                         site.muscle_id, site.side.value, site.layer))
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
        # The muscles of this chart needled at an earlier visit on another chart, and the
        # items that give their tooltips.
        self.others: list[OtherChartMark] = []
        self.tips: list[OtherChartTip] = []
        self.oldest = 1
        self.heat_on = False
        self._history = History(())
        self._drawn: tuple[int, ...] = ()
        self._current_id: int | None = None
        self._heat: QImage | None = None
        self._earlier: EarlierMarkers | None = None  # the markers in paint order, made once
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
        changed = not self._draws_the_same(history, drawn)
        self._history = history
        if not changed and current_id == self._current_id and heat == self.heat_on:
            return  # a tap, a selection: the same earlier visits (4,000 markers not recounted)
        self._drawn, self._current_id = drawn, current_id
        age_of = ages_of(history, current_id)  # the markers' and the other charts' marks' ages
        markers, oldest = overlay_markers(history, drawn, current_id, self.view_id, age_of)
        others = other_chart_marks(history, drawn, age_of, self.chart)
        if changed:
            self._heat = None
        if others != self.others:
            self.others = others
            self._place_tips(history)
        elif not (changed or heat != self.heat_on or oldest != self.oldest
                  or markers != self.markers):
            return
        self.markers, self.oldest, self.heat_on = markers, oldest, heat
        self._earlier = None
        self.update()  # only then: the cached picture stays valid otherwise

    def _draws_the_same(self, history: History, drawn: tuple[int, ...]) -> bool:
        """Whether `history` gives the visits drawn the same sites and ages as the picture
        has. A tap in the open visit can replace the history (when that visit's sites were
        read: it was drawn as an earlier one before it was opened) and changes nothing here."""
        old = self._history
        if drawn != self._drawn:
            return False
        if history is old:
            return True
        return history.sessions == old.sessions and all(
            history.sites_of(sid) == old.sites_of(sid) for sid in drawn)

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
            if self._earlier is None:  # the same at every zoom step: made when they change
                # this scene's layer alone: the sites of its other layers paler, ringed, as
                # the open session's markers of other layers are (ChartPainter.on_other_layer)
                self._earlier = EarlierMarkers(self.markers, max(1, self.oldest), self.chart)
            paint_overlay(painter, self.chart, self._earlier, (), scale=scale)
        if self.others:
            scale = (getattr(self.scene(), "marker_scale", 1.0) or 1.0) * EARLIER_BOOST
            paint_other_chart_marks(painter, self.chart, self.others, max(1, self.oldest),
                                    scale=scale)

    def _place_tips(self, history: History) -> None:
        """One tooltip item per mark, in the scene beside this item (not its child: a child
        stacks under the muscles, whose own tooltips would then be found first)."""
        scene = self.scene()
        for tip in self.tips:
            if tip.scene() is not None:
                tip.scene().removeItem(tip)
        self.tips = []
        if scene is None:
            return
        for mark in self.others:
            tip = OtherChartTip(mark, other_chart_text(scene, history, mark))
            scene.addItem(tip)
            self.tips.append(tip)


class OtherChartTip(QGraphicsItem):
    """Where a muscle's mark from another chart is: paints nothing (the overlay item paints the
    mark), takes no click or hover (they reach the muscle under it), and gives the tooltip:
    the visit, the grade and the chart it was needled on. A fixed size on screen, as the
    marks nearly are (chart_scene.MIN/MAX_MARKER_RADIUS_PX)."""

    RADIUS_PX = 11.0

    def __init__(self, mark: OtherChartMark, text: str):
        super().__init__()
        self.mark = mark
        self.setPos(mark.x, mark.y)
        self.setZValue(Z_OTHER_CHART_TIP)
        self.setToolTip(text)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, True)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt naming
        r = self.RADIUS_PX
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        pass


def other_chart_text(scene, history: History, mark: OtherChartMark) -> str:
    """"Gluteus minimus, right – grasp 3 (strong) at visit #1, 2026-11-10, needled on:
    Posterior (Deep)": the mark's tooltip, in the window's words."""
    atlas = scene.atlas
    name = muscle_name(atlas, mark.muscle_id) + (f" {mark.level}" if mark.level else "")
    if mark.grasp is None:
        grasp = QCoreApplication.translate("ChartScene", "ungraded")
    else:
        grasp = QCoreApplication.translate("ChartScene", "grasp {grade} ({label})").format(
            grade=mark.grasp, label=grasp_word(mark.grasp, scene.grasp_labels))
    charts = ", ".join(f"{view_name(atlas, v)} ({layer_name(atlas, v, layer)})"
                       for v, layer in mark.charts)
    session = history.session(mark.session_id)
    return QCoreApplication.translate(
        "HistoryOverlay",
        "{muscle}, {side} – {grasp} at visit #{number}, {date}, needled on: {charts}").format(
        muscle=name, side=side_label(mark.side).lower(), grasp=grasp,
        number=history.number(mark.session_id), date=numeric_date(session.started_at),
        charts=charts)


# -- the legend ---------------------------------------------------------------------------
# -- keeping the items up to date ---------------------------------------------------------
class HistoryOverlay:
    """The patient's history and the overlay item of every chart scene shown so far. Only the
    item of the scene shown is kept up to date: the others are brought up to date when their
    scene is shown again (`attach`, then `update` of that scene: ui.history_control)."""

    def __init__(self, records: Records, histories: PatientHistories, bar: HistoryBar):
        self.records = records
        self.histories = histories  # shared with the progress panel: read once per patient
        self.bar = bar
        self.patient_id: int | None = None
        self.current_id: int | None = None
        self.history = History(())
        self._amended: dict[int, int] = {}  # {session id: amendments}, the patient's amended
        self._items: list[tuple[object, HistoryOverlayItem]] = []
        self._shown: object | None = None  # the scene last attached: the one the chart shows
        bar.changed.connect(self.update)
        listen(records.bus, bar, self._on_change)  # for as long as the bar it draws with lives

    def _on_change(self, change: Change) -> None:
        if self.patient_id is None:
            return
        if change.entity is Entity.PATIENT_MERGE:  # whose sessions are whose: read again
            self.reload()
        elif change.entity in (Entity.SESSION, Entity.AMENDMENT, Entity.RETRACTION):
            if change.patient_id == self.patient_id and change.action in (
                    Action.CREATE, Action.SIGN, Action.UPDATE, Action.AMEND, Action.WITHDRAW,
                    Action.ENTERED_IN_ERROR):
                self.reload()
        elif (change.entity is Entity.SITE and change.session_id != self.current_id
              and change.session_id in self.history.ids):
            self.reload()

    def set_patient(self, patient_id: int | None) -> None:
        """Another patient chosen: their sessions read, nothing drawn yet. The window sets the
        session they open on next (`set_current`, None when they have none), which draws
        them: never the previous patient's visits with the new one's session, nor the new
        one's with the previous session (ui.patient_panel says the patient, then the
        session)."""
        self.patient_id = patient_id
        self.current_id = None
        self._read()

    def set_current(self, session_id: int | None, draw: bool = True) -> None:
        """The session open in the window, said to the bar and drawn. `draw` False: drawn by
        the next `update`, when the window's chart is about to show another chart (the one
        the visit was needled on), which draws its overlay as it is shown (ui.history_control)."""
        self.current_id = session_id
        self.bar.set_sessions(self.history.sessions, self.current_id, self._amended)
        if draw:
            self.update()

    def reload(self) -> None:
        """Read the patient's sessions again (after a change or a refresh) and draw them."""
        self._read()
        self._draw()

    def _read(self) -> None:
        # Shared with the progress panel: read once per patient and change; `update` reads
        # the sites of the visits drawn.
        self.history = self.histories.history(self.patient_id, ())
        self._amended = self.records.read.amendment_counts(self.patient_id) \
            if self.patient_id is not None else {}

    def _draw(self) -> None:
        self.bar.set_sessions(self.history.sessions, self.current_id, self._amended)
        self.update()

    def drawn_ids(self) -> list[int]:
        if not self.bar.show_earlier.isChecked():
            return []
        return sessions_to_draw(self.history.sessions, self.current_id, self.bar.choice())

    def attach(self, scene) -> HistoryOverlayItem | None:
        """The overlay item of the chart scene shown now, added on first sight."""
        if scene is None:
            return None
        self._shown = scene
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
        drawn = self._read_drawn()
        item.set_data(self.history, drawn, self.current_id, self.bar.heat.isChecked())

    def _read_drawn(self) -> list[int]:
        """The visits drawn, their sites read into `history` if they were not yet."""
        drawn = self.drawn_ids()
        if self.patient_id is not None:
            # Only the visits drawn have their sites read (the last three by default, not
            # all 200 of a long history); the same history object when nothing was missing.
            self.history = self.histories.history(self.patient_id, drawn)
        return drawn

    def update(self, current_scene=None) -> None:
        """The shown scene's item (`current_scene`, else the one last attached) drawn from the
        history and the bar's choice, and the bar's legend for it."""
        drawn = self._read_drawn()
        shown = current_scene or self._shown
        item = self.item_for(shown) if shown is not None else None
        if item is not None and not shiboken6.isValid(item):
            item = None
        if item is not None:
            item.set_data(self.history, drawn, self.current_id, self.bar.heat.isChecked())
        chart = item.chart if item is not None else None
        oldest = item.oldest if item is not None else 1
        vmax = None
        if item is not None and self.bar.heat.isChecked() and drawn:
            item.heat_picture()
            vmax = item.heat_vmax
        drafts = drafts_not_drawn(self.history.sessions, self.current_id) \
            if self.bar.show_earlier.isChecked() else []
        self.bar.show_state(chart, drawn, oldest, vmax,
                            elsewhere=bool(item is not None and item.others), drafts=drafts)
