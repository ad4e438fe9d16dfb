"""One patient's progress in one widget: what grasped last time, and is it getting better?

Embed it with ``ProgressPanel(records, histories, patient_id)`` (see `imsmap.ui.progress`). It
reads the shared patient histories and refreshes itself when the change bus reports a change to
this patient.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import (
    QEvent,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QListWidgetItem,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.comparison import recorded_in_error
from imsmap.domain.progress import Course, History, Target, grasp_matrix
from imsmap.render.style import LIGHT, ChartStyle
from imsmap.services import clinic
from imsmap.services.changes import Change, Entity
from imsmap.services.history import PatientHistories
from imsmap.services.merging import merged_charts
from imsmap.services.records import Records
from imsmap.ui.listening import listen
from imsmap.ui.progress.compare import CompareView
from imsmap.ui.progress.history_chart import CHART_ROOMY_WIDTH, HistoryChart
from imsmap.ui.progress.pain_plot import PainPlot
from imsmap.ui.progress.segment_trend import SegmentTrend
from imsmap.ui.progress.summary import summary_text
from imsmap.ui.progress.trend_matrix import TrendMatrix
from imsmap.ui.progress.visit_chooser import VisitChooser
from imsmap.ui.wording import language, numeric_datetime, short_date
from imsmap.ui.wrapping_row import WRAP_BELOW

__all__ = ["DEFAULT_LAST_N", "ProgressPanel", "summary_text"]

DEFAULT_LAST_N = 8


class Deferred(enum.Enum):
    """What a hidden panel put off until it is shown: a new patient includes a refresh."""

    PATIENT = "patient"
    REFRESH = "refresh"


class ProgressPanel(QWidget):
    """Progress of one patient: a session chooser, a summary, the muscle x session grid with the
    pain plot, a chart with the heat map and earlier sites, and a comparison of two sessions."""

    muscleChosen = Signal(str, str)  # noqa: N815 - Qt signal naming: muscle id, side
    targetChosen = Signal(object)  # noqa: N815 - a domain.progress.Target (with level)

    def __init__(self, records: Records, histories: PatientHistories,
                 patient_id: int | None = None, parent=None, *, last_n: int = DEFAULT_LAST_N,
                 style: ChartStyle = LIGHT, lazy: bool = False):
        super().__init__(parent)
        self.records = records
        self.histories = histories  # shared with the window's history overlay
        self.patient_id: int | None = None
        # lazy (the window's tab): while hidden, a new patient or a change is only noted, and
        # read and computed when the panel is next shown (showEvent) or asked (chosen_ids).
        self.lazy = lazy
        self._pending: Deferred | None = None
        self.style = style
        self.last_n = last_n
        self.full = History(())
        self.history = History(())

        # Session chooser: beside the pages, or above them in a narrow window (`_follow_window`)
        self.chooser = VisitChooser(self)
        self.sessions = self.chooser.sessions
        self.last4, self.last8, self.all = self.chooser.last4, self.chooser.last8, self.chooser.all
        self.sessions.itemChanged.connect(self._chosen_changed)
        self.last4.clicked.connect(lambda: self.choose_last(4))
        self.last8.clicked.connect(lambda: self.choose_last(8))
        self.all.clicked.connect(lambda: self.choose_last(0))

        # Summary and tabs
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.matrix = TrendMatrix(style=style)
        self.matrix.setAccessibleName(self.tr("Grasp of each muscle, visit by visit"))
        self.pain = PainPlot()
        trend = QSplitter(Qt.Orientation.Vertical)
        trend.addWidget(self.matrix)
        trend.addWidget(self.pain)
        trend.setStretchFactor(0, 3)
        trend.setStretchFactor(1, 2)
        self.chart = HistoryChart(style=style)
        self.compare = CompareView(style=style)
        self.segments = SegmentTrend()
        self.tabs = QTabWidget()
        self.trend = trend
        self.tabs.addTab(trend, self.tr("Trend"))
        self.tabs.addTab(self.chart, self.tr("Chart"))
        self.tabs.addTab(self.segments, self.tr("Segments"))
        self.tabs.addTab(self.compare, self.tr("Compare"))
        # The tabs take the height there is (at least their minimum) rather than asking for
        # their preferred height: in the window's scroll area, that would scroll a short
        # screen (1366 x 768) up and down for nothing.
        self.tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.tabs.setMinimumHeight(self.tabs.minimumSizeHint().height())
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.tabs, 1)

        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        # No margins of its own beside the scroll area's frame and the page's margins around it
        # (they were 11 px each side, twice a margin): at 960 px the panel fits its column with
        # them gone, the French Trend grid's headers (« Changement ») the widest of its pages.
        margins = self.box.contentsMargins()
        self.box.setContentsMargins(0, margins.top(), 0, margins.bottom())
        self.box.addWidget(self.chooser)
        self.box.addLayout(right, 1)
        self._watched: QWidget | None = None  # the window whose width `_follow_window` follows

        self.matrix.targetChosen.connect(self._target_chosen)
        # The window's panel (lazy) fills the Segments and Compare pages when they are shown,
        # from the sessions chosen then (`_fill`); the Trend and Chart pages at every choice.
        self._course = Course.of(self.history)
        self._stale: set[QWidget] = set()  # pages not filled since the choice changed
        self.tabs.currentChanged.connect(self._fill_shown_page)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        listen(records.bus, self, self._on_change)
        self.set_patient(patient_id)

    @property
    def narrow(self) -> bool:
        """The chooser above the pages (a window narrower than 1366 px), not beside them."""
        return self.chooser.narrow

    def _follow_window(self) -> None:
        """The chooser above the pages in a window narrower than `WRAP_BELOW`, where beside
        them it took the room of three visits from the Segments page's sums by root; beside
        them in a wider one, as before. The window's width decides, as for the window's rows
        that wrap (ui.wrapping_row), not the panel's: the panel's own least width changes
        with the chooser's place."""
        window = self.window()
        narrow = window is not self and window.width() < WRAP_BELOW
        if narrow == self.narrow:
            return
        self.chooser.set_narrow(narrow)
        self.box.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                              else QBoxLayout.Direction.LeftToRight)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        # The window's width, not the panel's: the window's splitter gives a change of width
        # to the chart's column, the right column (this panel) keeps its own.
        if watched is self._watched and event.type() == QEvent.Type.Resize:
            self._follow_window()
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(1100, 760)

    def roomy_width(self) -> int:
        """The width that shows every page without giving way: the Trend grid's muscle names
        whole, the Chart's body chart as wide as a laptop's height makes it; at least the
        panel's least width (at which the names are elided, the chart narrower: a 960 px
        window). The window folds its patients column for it where that is enough
        (ui.progress_room)."""
        least = max(self.minimumWidth(), self.minimumSizeHint().width())
        pages = [(self.matrix.parentWidget(), self.matrix.roomy_width()
                  - self.matrix.minimumSizeHint().width()),
                 (self.chart, CHART_ROOMY_WIDTH - self.chart.canvas.minimumWidth())]
        widest = max(self.tabs.widget(i).minimumSizeHint().width()
                     for i in range(self.tabs.count()))
        roomy = max(page.minimumSizeHint().width() + max(0, more) for page, more in pages)
        return least + max(0, roomy - widest)

    # -- data ----------------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if self.patient_id is None:
            return
        if change.entity is Entity.SETTINGS or change.patient_id == self.patient_id or (
                change.session_id is not None and change.session_id in self.full.ids):
            self._refresh_timer.start()

    def name(self, muscle_id: str) -> str:
        try:
            return self.records.atlas.catalogue.get(muscle_id).display_name(language())
        except Exception:  # noqa: BLE001 - a muscle this atlas version lacks: show its id
            return muscle_id.replace("_", " ").capitalize()

    def set_patient(self, patient_id: int | None) -> None:
        """Show another patient (None: nobody), the last ``last_n`` sessions chosen."""
        self.patient_id = patient_id
        if self._defer(Deferred.PATIENT):
            return
        self._load()
        self.choose_last(self.last_n)

    def set_current(self, session_id: int | None) -> None:
        """The window's own session open (None: none): the Chart tab draws it as today's while
        it is a draft; another room's or window's draft never is."""
        self.chart.set_current(session_id)

    def refresh(self) -> None:
        """Re-read the record, keeping the sessions chosen (new sessions join the choice)."""
        if self._defer(Deferred.REFRESH):
            return
        before = set(self.full.ids)
        chosen = set(self.chosen_ids())
        self._load()
        chosen |= set(self.full.ids) - before
        self._check(chosen)

    @property
    def put_off(self) -> Deferred | None:
        """What this hidden panel heard of and will read when it is shown or asked."""
        return self._pending

    def _defer(self, what: Deferred) -> bool:
        if not self.lazy or self.isVisible():
            return False
        if self._pending is not Deferred.PATIENT:  # a new patient includes any refresh
            self._pending = what
        return True

    def _catch_up(self) -> None:
        pending, self._pending = self._pending, None
        if pending is Deferred.PATIENT:
            self.set_patient(self.patient_id)
        elif pending is Deferred.REFRESH:
            self.refresh()

    def _catch_up_hidden(self) -> None:
        lazy, self.lazy = self.lazy, False
        try:
            self._catch_up()
        finally:
            self.lazy = lazy

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        window = self.window()
        if window is not self._watched and window is not self:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window
        self._follow_window()
        if self._pending is not None:
            self._catch_up()

    def _load(self) -> None:
        # Shared with the window's history overlay: read once per patient and change.
        self.full = self.histories.history(self.patient_id)
        labels = clinic.grasp_labels(self.records)  # the clinic's words for the grades
        self.chart.grasp_labels = self.compare.grasp_labels = labels
        self.matrix.trend_model.grasp_labels = labels
        self.chart.legend.update()
        amended = self.records.read.amendment_counts(self.patient_id) \
            if self.patient_id is not None else {}
        # Visits recorded under a duplicate record merged into this one, by its chart number
        # (the progress report's rule and words: "chart DEMO-0099").
        charts = merged_charts(self.records, self.full.sessions, self.patient_id) \
            if self.patient_id is not None else {}
        self.chooser.set_left_out(self._left_out_text())
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for i in range(len(self.full.ids) - 1, -1, -1):  # newest first
            s = self.full.sessions[i]
            n = len(self.full.sites_of(s.id))
            # Two short lines (the visit; its pain and sites): whole in a narrow column.
            details = [self.tr("%n site(s)", "", n)]
            if s.pain_before is not None:
                details.insert(0, self.tr("pain {pain}").format(pain=s.pain_before))
            lines = [f"#{i + 1}  {short_date(s.started_at)}", " \u00b7 ".join(details)]
            if s.id in charts:
                lines.append(self.tr("chart {number}", "a visit recorded under a duplicate "
                                     "record merged into this one").format(number=charts[s.id]))
            # A third line for a visit whose figures a reader must not take as final: a draft,
            # or a visit corrected after signing (the grid and the charts count the sites as its
            # amendments corrected them; what an amendment says in words only, they cannot).
            if not s.is_signed:
                lines.append(self.tr("draft, not signed"))
                tip = self.tr("Draft: not signed yet")
            elif s.id in amended:
                lines.append(self.tr("amended"))
                tip = self.tr("Amended after signing (%n amendment(s)). The grid and the charts "
                              "count the sites as the amendments corrected them (a grade, a "
                              "cramp, a site recorded in error); what an amendment says in words "
                              "only is not counted: read the amendments on the Session & sites "
                              "tab or in the session's PDF.", "", amended[s.id])
            else:
                tip = ""
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if tip:
                item.setToolTip(tip)
            self.sessions.addItem(item)
        self.sessions.blockSignals(False)

    def _left_out_text(self) -> str:
        """The withdrawn and entered-in-error sessions the list leaves out, as the progress
        report says them (History.retracted: Session.counts); "" with none."""
        retracted = self.full.retracted
        n = len(retracted)  # (a name: pyside6-lupdate skips a call with a call in it)
        if not n:
            return ""
        return self.tr("Left out, as not this patient's treatment: %n session(s) withdrawn or "
                       "entered in error, started {dates}.", "", n).format(dates=", ".join(
                           numeric_datetime(s.started_at) for s in reversed(retracted)))

    # -- choosing sessions ---------------------------------------------------------------
    def chosen_ids(self) -> list[int]:
        """The sessions ticked in the chooser, oldest first."""
        if self._pending is not None:  # asked while hidden: read what was put off first
            self._catch_up_hidden()
        checked = set()
        for row in range(self.sessions.count()):
            item = self.sessions.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                checked.add(item.data(Qt.ItemDataRole.UserRole))
        return [sid for sid in self.full.ids if sid in checked]

    def choose_last(self, n: int) -> None:
        """Choose the latest n sessions (0: all of them)."""
        ids = self.full.ids if n <= 0 else self.full.ids[-n:]
        self._check(set(ids))

    def choose(self, session_ids) -> None:
        self._check(set(session_ids))

    def _check(self, ids: set) -> None:
        self.sessions.blockSignals(True)
        for row in range(self.sessions.count()):
            item = self.sessions.item(row)
            state = (Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                     else Qt.CheckState.Unchecked)
            item.setCheckState(state)
        self.sessions.blockSignals(False)
        self._chosen_changed()

    def _chosen_changed(self, *_args) -> None:
        self.history = self.full.select(self.chosen_ids())
        # Each chosen session's targets and figures, worked out here once for every page
        # (each worked them all out again: a thousand times for "All" of 200 visits).
        self._course = Course.of(self.history)
        self.summary.setText(summary_text(self._course, self.name))
        self._stale = {self.trend, self.chart, self.segments, self.compare}
        # The tabs' least width is their widest page's, shown or not: the Trend and Chart
        # pages, whose least width follows what they show (the grid's names, the chart's key),
        # are filled now, or showing one would widen the panel; the other two, whose least
        # width does not, wait in the window until they are shown.
        waiting = {self.segments, self.compare} - {self.tabs.currentWidget()} \
            if self.lazy else set()
        for page in (self.trend, self.chart, self.segments, self.compare):
            if page not in waiting:
                self._fill(page)

    def _fill_shown_page(self, *_args) -> None:
        self._fill(self.tabs.currentWidget())

    def _fill(self, page: QWidget) -> None:
        """One page from the sessions chosen, if it has not been since they changed."""
        if page not in self._stale:
            return
        self._stale.discard(page)
        course, atlas, names = self._course, self.records.atlas, self.name
        if page is self.trend:
            self.matrix.set_matrix(grasp_matrix(self.history, atlas.catalogue, course.targets),
                                   names, self.history.numbering)
            self.pain.set_metrics(course.metrics)
        elif page is self.chart:
            self.chart.set_history(self.history, atlas)
        elif page is self.compare:
            self.compare.set_course(course, atlas, names, self.in_error)
        elif page is self.segments:
            self.segments.set_course(course, atlas.catalogue, self.history.numbering)

    def in_error(self, session_id: int) -> frozenset[Target]:
        """The session's targets recorded in error by its amendments (the Compare view's and
        the progress report's one rule); read only when a comparison has a muscle absent from
        its later visit."""
        read = self.records.read
        return recorded_in_error(read.sites_for_session(session_id),
                                 read.site_corrections([session_id]).get(session_id, []))

    def _target_chosen(self, target: Target) -> None:
        self.chart.set_highlight(frozenset({target.muscle_id}))
        self.muscleChosen.emit(target.muscle_id, target.side)
        self.targetChosen.emit(target)
