"""Earlier sessions on the chart, as the window shows them: the history overlay item on each
chart scene, the history bar's options mirrored by the View menu's actions, the timeline's
choice of session, and a muscle chosen in the progress panel lit on the chart. A controller the
main window makes and gives what it uses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from imsmap.atlas import Atlas
from imsmap.render.lit_rows import LitRow, level_parts
from imsmap.ui.chart_panel import ChartPanel
from imsmap.ui.history_bar import HistoryBar
from imsmap.ui.history_overlay import HistoryOverlay
from imsmap.ui.patient_panel import PatientPanel
from imsmap.ui.wording import muscle_name


class HistoryControl:
    def __init__(self, atlas: Atlas, chart: ChartPanel, overlay: HistoryOverlay,
                 bar: HistoryBar, patients: PatientPanel,
                 session_id: Callable[[], int | None], show_message: Callable[[str], None]):
        self.atlas = atlas
        self.chart = chart
        self.overlay = overlay
        self.bar = bar
        self.patients = patients
        self.session_id = session_id  # the session open now
        self.show_message = show_message
        self._mirrors: tuple[QAction, QAction, QAction] | None = None

    def bind_actions(self, overlay: QAction, heat: QAction, replay: QAction) -> None:
        """The View menu's checkable actions that mirror the bar's options and its replay."""
        self._mirrors = (overlay, heat, replay)

    def connect(self) -> None:
        # The chart panel creates a scene per view and layer when first shown, and says so
        # whenever it shows one (another chart or layer): the moment to give that scene its
        # overlay, or bring the one it has up to date (HistoryOverlay keeps the shown one's).
        # A tap or a selection changes no earlier visit: nothing to do then.
        self.chart.sceneShown.connect(self.attach)
        self.bar.sessionRequested.connect(self.timeline_session)
        self.bar.changed.connect(self.options_changed)
        self.bar.play.toggled.connect(self.replay_toggled)

    def attach(self, *_args) -> None:
        """Give the chart scene on show its history overlay item (made once per scene), up to
        date."""
        scene = self.chart.scene
        if scene is not None:
            self.overlay.attach(scene)
            self.overlay.update(scene)

    def options_changed(self) -> None:
        """The View menu's actions follow the bar (the overlay follows it itself:
        HistoryOverlay listens to the bar's `changed`)."""
        if self._mirrors is not None:
            act_overlay, act_heat, _replay = self._mirrors
            if act_overlay.isChecked() != self.bar.show_earlier.isChecked():
                act_overlay.setChecked(self.bar.show_earlier.isChecked())
            if act_heat.isChecked() != self.bar.heat.isChecked():
                act_heat.setChecked(self.bar.heat.isChecked())

    def set_overlay_visible(self, on: bool) -> None:
        self.bar.show_earlier.setChecked(bool(on))

    def set_heat_visible(self, on: bool) -> None:
        self.bar.heat.setChecked(bool(on))

    def timeline_session(self, session_id: int) -> None:
        self.patients.select_session(session_id)
        if self.session_id() != session_id:  # refused (unsaved edits): the slider goes back
            self.bar.set_sessions(self.overlay.history.sessions, self.session_id())

    def replay_toggled(self, on: bool) -> None:
        if self._mirrors is not None and self._mirrors[2].isChecked() != on:
            self._mirrors[2].setChecked(on)

    def show_target(self, target) -> None:
        """A row of the progress grid: the muscle, and for paraspinal rows only its level."""
        self.show_muscle(target.muscle_id, target.side, target.level)

    def show_muscle(self, muscle_id: str, side: str, level: str | None = None) -> None:
        """A muscle chosen in the progress panel: light it on the chart, on the view where it
        was needled last. With a level, that level alone: its row in a column drawn across
        several levels (lit_part), not T1 to T12."""
        lit: set[str | LitRow] = set()
        for vid in self.atlas.views:
            # a level a view's column has no row of: the column whole, as a site there lights
            lit.update(level_parts([r for r in self.atlas.view(vid).regions
                                    if r.muscle == muscle_id
                                    and (not side or r.side == side or side == "M")],
                                   level or None, whole=True))
        self.chart.set_root_highlight(frozenset(lit), frozenset())
        # Every visit's sites (the overlay's history has those of the visits it draws).
        history = self.overlay.histories.history(self.overlay.patient_id)
        for sid in reversed(history.ids):
            views = [s.view_id for s in history.sites_of(sid)
                     if s.muscle_id == muscle_id and s.side.value == side
                     and (level is None or s.level == level)]
            if views:
                self.chart.set_view(views[-1])
                break
        name = muscle_name(self.atlas, muscle_id)  # a muscle this atlas lacks: its id
        if level:
            name = f"{name} {level}"
        text = {"L": QCoreApplication.translate("HistoryControl",
                                                "{muscle}, left, is lit on the chart."),
                "R": QCoreApplication.translate("HistoryControl",
                                                "{muscle}, right, is lit on the chart.")}.get(
            side, QCoreApplication.translate("HistoryControl", "{muscle} is lit on the chart."))
        self.show_message(text.format(muscle=name))
