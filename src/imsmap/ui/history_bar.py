"""The controls under the chart: which earlier sessions it shows (`OverlayChoice`) and the heat
map, over the legend of what the chart shows (`ui.overlay_legend`) and the visits row
(`ui.visits_row`: the slider that steps the window through the visits or replays them).

The item that draws the earlier sessions on the chart is `ui.history_overlay`.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.local_time import local_date
from imsmap.domain.models import Session
from imsmap.render.chart_painter import ChartPainter
from imsmap.ui.overlay_legend import OverlayLegend
from imsmap.ui.touch_size import finger_arrows
from imsmap.ui.visits_row import VisitsRow
from imsmap.ui.wording import numeric_date, numeric_datetime
from imsmap.ui.wrapping_row import WrappingRow


# -- which sessions -----------------------------------------------------------------------
class OverlayMode(enum.Enum):
    """Which earlier sessions the chart shows: the last few, those between two dates, or those
    picked one by one."""

    LAST = "last"
    RANGE = "range"
    PICKED = "picked"


MODES = ((OverlayMode.LAST, QT_TRANSLATE_NOOP("HistoryBar", "Last")),
         (OverlayMode.RANGE, QT_TRANSLATE_NOOP("HistoryBar", "Dates")),
         (OverlayMode.PICKED, QT_TRANSLATE_NOOP("HistoryBar", "Picked")))


@dataclass(frozen=True)
class OverlayChoice:
    mode: OverlayMode = OverlayMode.LAST
    last_n: int = 3
    date_from: date | None = None
    date_to: date | None = None
    picked: frozenset[int] = field(default_factory=frozenset)


# -- the controls -------------------------------------------------------------------------
class WrappedWords(QLabel):
    """Words on one line where the row has room for them, on more lines where it has not: its
    least width is its longest word's, so it never widens the chart's column (« 10 séances en
    brouillon, non signées : non affichées » made a French window 990 px wide at 960 x 540).
    Its preferred width is the one line's (a word-wrapped QLabel prefers two shorter lines).

    It keeps the room of `room` (the longest words it is given to say), with its own words or
    none: the history bar is as tall for a patient with drafts as for one without, so the
    chart under it is neither resized nor painted again at each patient (history_open_ms, main
    thread's CPU 36 -> 45 ms when a line of its own came and went, reverted in 6a94b28a).
    Empty, a QLabel has no height for a width: the row gives it its one line (its sizeHint),
    so a room of two lines (French at 960 px) is not kept there, the line coming with a
    patient's drafts. Kept, it cost the touch-sized chart 14 px at 960 x 540 for every patient
    without drafts; the room is weighed at the smallest windows first, as the legend's is
    (OverlayLegend.ROOM_ROWS)."""

    def __init__(self, parent: QWidget | None = None, room: str = ""):
        super().__init__(parent)
        self.room = room
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def _lines(self, text: str, width: int) -> QSize:
        """The size of `text` wrapped at `width` px (its one line's where that is wider)."""
        return self.fontMetrics().boundingRect(
            QRect(0, 0, width, 1_000), Qt.TextFlag.TextWordWrap, text).size()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        words = [t for t in (self.text(), self.room) if t]
        if not words:
            return super().sizeHint()
        m = self.contentsMargins()
        width = max(self._lines(t, 100_000).width() for t in words) \
            + m.left() + m.right() + 2 * self.margin()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        least = super().minimumSizeHint()
        if not self.room:
            return least
        m = self.contentsMargins()
        longest = max(self.fontMetrics().horizontalAdvance(word) for word in self.room.split())
        return least.expandedTo(QSize(longest + m.left() + m.right() + 2 * self.margin(),
                                      self.sizeHint().height()))

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        own = super().heightForWidth(width) if self.text() else 0
        if not self.room:
            return own
        m = self.contentsMargins()
        inner = width - m.left() - m.right() - 2 * self.margin()
        return max(own, self._lines(self.room, max(1, inner)).height()
                   + m.top() + m.bottom() + 2 * self.margin())


class HistoryBar(QWidget):
    """Which earlier sessions the chart shows, the heat map and the legend, over the visits row
    (`visits`, a `VisitsRow`) it holds."""

    changed = Signal()  # the choice, the visibility or the heat map changed
    sessionRequested = Signal(int)  # noqa: N815 - the visits row moved to this session

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sessions: list[Session] = []
        self.amended: frozenset[int] = frozenset()  # sessions amended after signing
        self.current_id: int | None = None
        self._picked: set[int] = set()
        self._syncing = False

        # On a short chart (ui.short_chart: 960 x 540, 1080p at 200 %, touch-sized) the bar
        # folds into one line, `more`, that shows or hides the rest (first
        # made: first of the bar's Tab stops).
        self.compact = False
        self.unfolded_height = 0  # its height when it last folded
        self.brief_visits = False  # set_brief_visits
        self.more = QToolButton(self)
        self.more.setCheckable(True)
        self.more.setText(self.tr("Earlier sessions and visits"))
        self.more.setToolTip(self.tr("Show or hide the earlier sessions' choices, their legend "
                                     "and the visits row"))
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setArrowType(Qt.ArrowType.RightArrow)
        self.more.hide()
        self.more.toggled.connect(self._fold)
        self.show_earlier = QCheckBox(self.tr("Earlier sessions"))
        self.show_earlier.setChecked(True)
        self.show_earlier.setToolTip(self.tr("Show earlier visits' sites under today's (Ctrl+Shift+O)"))
        self.mode = QComboBox()
        for key, text in MODES:
            self.mode.addItem(self.tr(text), key.value)
        self.mode.setAccessibleName(self.tr("Which earlier sessions"))
        self.last_n = QSpinBox()
        self.last_n.setRange(1, 99)
        self.last_n.setValue(3)
        self.last_n.setAccessibleName(self.tr("How many earlier sessions"))
        # touch-sized, its arrows side by side, a fingertip each (14 x 8 px stacked)
        finger_arrows(self.last_n)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")  # ISO in every language: wording.numeric_date
        self.dash = QLabel("–")
        # A push button keeps room for its menu's arrow beside the words; a tool button's arrow
        # lay over the last letters ("Séances…" in French).
        self.pick = QPushButton(self.tr("Sessions…"))
        self.pick_menu = QMenu(self.pick)
        self.pick.setMenu(self.pick_menu)
        # Filled when it opens: 200 visits are 200 actions, about 9 ms on every patient chosen.
        self.pick_menu.aboutToShow.connect(self._fill_pick_menu)
        self.heat = QCheckBox(self.tr("Heat map"))
        self.heat.setToolTip(self.tr("Grasp summed over the earlier sessions shown (Ctrl+Shift+M)"))
        self.legend = OverlayLegend()
        # The longest ages it may say (the oldest of 99 visits, the middle one said as long):
        # their rows are kept for every patient, one age or three (OverlayLegend.room).
        longest = self.tr("%n visit(s) ago", "", 99)
        self.legend.room = [self.tr("last time"), longest, longest]
        # kept from the first frame, as Earlier sessions starts on: the chart does not move by
        # their row when the window's second step shows the first state (test_ui_staged)
        self.legend.earlier_on = self.show_earlier.isChecked()
        self.count = QLabel()
        self.count.setObjectName("overlayCount")
        # The patient's drafts before the visit open (or any, with none open): never drawn as
        # a visit nor aged "last time" (domain.progress.earlier_visits), said apart here. Its
        # room is kept for every patient, drafts or none (WrappedWords.room: 99 drafts' words):
        # beside the count where the row has room for them (1366 px and wider in English),
        # else on a line of its own, whole (at 1280 px they wrapped in three narrow lines
        # beside the count, walk /tmp/cday/71.png). Its words change; the bar's height not.
        self.drafts = WrappedWords(room=self.tr("%n draft(s), not signed: not drawn", "", 99))
        self.drafts.setObjectName("overlayDrafts")

        # The visits row: its slider, buttons and words (the same widgets under their old names
        # here, for the window's menus and shortcuts).
        self.visits = VisitsRow(self)
        self.visits.sessionRequested.connect(self.sessionRequested)
        self.first, self.prev, self.slider = self.visits.first, self.visits.prev, self.visits.slider
        self.next, self.last = self.visits.next, self.visits.last
        self.play, self.when = self.visits.play, self.visits.when
        # Folded, the visit shown said in brief beside `more` ("#3 of 5"): which earlier visit
        # the window steps through (Alt+Left) was said nowhere else on the folded bar.
        self.position = self.visits.position
        self.position.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._fold_line: QHBoxLayout | None = None  # `more` and `position`, while folded

        # Both rows go on to a second line where the chart's column is narrow (a 1366 x 768
        # laptop at 125 %, 1080p at 200 %: ui.wrapping_row), the date range kept together. The
        # choices' row at any width: Dates' two fields, or Picked's button, in place of the
        # count's box make it wider than the chart's column at 1366 px (in French, Picked too).
        row = WrappingRow(spacing=2, wide_too=True, tall=True)  # (tall: the drafts' words)
        dates = QHBoxLayout()
        dates.setSpacing(2)
        for w in (self.date_from, self.dash, self.date_to):
            dates.addWidget(w)
        for part in (self.show_earlier, self.mode, self.last_n, dates, self.pick, self.heat,
                     self.count):
            row.add(part)
        # (an em apart from the count: « 3 affichées1 séance en brouillon » read as one word)
        row.add_gap(self.fontMetrics().horizontalAdvance("M"))
        row.add(self.drafts, whole=True)  # (whole: a line of its own before wrapping)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 2, 6, 2)
        outer.setSpacing(2)
        outer.addLayout(row)
        outer.addWidget(self.legend)
        outer.addLayout(self.visits.row)

        self.show_earlier.toggled.connect(self._emit_changed)
        self.heat.toggled.connect(self._emit_changed)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.last_n.valueChanged.connect(self._emit_changed)
        self.date_from.dateChanged.connect(self._emit_changed)
        self.date_to.dateChanged.connect(self._emit_changed)
        # what folds: every control of the bar but `more` (as a layout holds them, not
        # wrapped in a widget of their own, which changed the bar's height at 1366 px)
        self._foldable = [w for w in self.findChildren(QWidget)
                          if w.parentWidget() is self and w not in (self.more, self.position)]
        self._mode_changed()
        self.set_sessions([], None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.StyleChange:  # touch-sized controls on or off
            self.visits.size_slider()
        super().changeEvent(event)

    # -- folded on a short chart ------------------------------------------------------------
    def set_compact(self, on: bool) -> None:
        """One line, the `more` button, in place of the bar (`on`), the rest shown while it is
        pressed; or the whole bar, as always."""
        if on == self.compact:
            return
        if on:  # folded, its rows are hidden and take no room: its height as they stood
            self.unfolded_height = self.height()
        # and it keeps the chart's column as wide as they did (the session's column took it)
        self.setMinimumWidth(self.minimumSizeHint().width() if on else 0)
        self.compact = on
        # in the bar's layout only while folding (hidden there, it moved the legend by a
        # pixel in a French window at 1366 px, where nothing folds)
        if on:
            line = self._fold_line = QHBoxLayout()
            line.setSpacing(8)
            line.addWidget(self.more)
            line.addWidget(self.position, 1)  # what room is left (never wider than the bar)
            self.layout().insertLayout(0, line)
        elif self._fold_line is not None:
            line, self._fold_line = self._fold_line, None
            self.layout().removeItem(line)
            for w in (self.more, self.position):
                line.removeWidget(w)
            line.deleteLater()
        self.legend.set_compact(on)  # on one row where its words take more (OverlayLegend)
        self.more.setVisible(on)
        self._fold(self.more.isChecked())

    def set_brief_visits(self, on: bool) -> None:
        """Opened on a short window (`on`, ui.short_chart), the visits row without its
        words, the visit said in brief beside `more`; or with them."""
        if on != self.brief_visits:
            self.brief_visits = on
            self._show_parts()

    def _fold(self, open_: bool) -> None:
        self.more.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self._show_parts()

    @property
    def folded(self) -> bool:
        return self.compact and not self.more.isChecked()

    def _show_parts(self) -> None:
        """Each control shown as the choice's mode and the drafts want it, none folded."""
        mode = self.current_mode()
        wanted = {self.last_n: mode is OverlayMode.LAST, self.pick: mode is OverlayMode.PICKED}
        for w in (self.date_from, self.dash, self.date_to):
            wanted[w] = mode is OverlayMode.RANGE
        # Opened on a short window (`brief_visits`), the visit said in brief beside `more`
        # (its whole words in the tooltip), not in the visits row's own words: with "Visits:"
        # they took the row to three lines at 960 x 540 touch-sized in French (88 px, 72 now).
        if self.brief_visits:
            wanted[self.when] = wanted[self.visits.label] = False
        for w in self._foldable:
            show = wanted.get(w, True) and not self.folded
            if w in wanted or w.isHidden() == show:  # (no needless show: nothing moves at 1366)
                w.setVisible(show)
        brief = self.folded or (self.compact and self.brief_visits)
        if self.position.isHidden() == brief:
            self.position.setVisible(brief)

    # -- state -----------------------------------------------------------------------------
    def choice(self) -> OverlayChoice:
        return OverlayChoice(
            mode=self.current_mode(), last_n=self.last_n.value(),
            date_from=self.date_from.date().toPython(), date_to=self.date_to.date().toPython(),
            picked=frozenset(self._picked))

    def set_choice(self, choice: OverlayChoice) -> None:
        self._syncing = True
        try:
            self.mode.setCurrentIndex(self.mode.findData(choice.mode.value))
            self.last_n.setValue(choice.last_n)
            if choice.date_from is not None:
                self.date_from.setDate(QDate(choice.date_from))
            if choice.date_to is not None:
                self.date_to.setDate(QDate(choice.date_to))
            self._picked = set(choice.picked)
            self._mode_changed()
        finally:
            self._syncing = False
        self.changed.emit()

    def current_mode(self) -> OverlayMode:
        return OverlayMode(self.mode.currentData())

    def _mode_changed(self, *_args) -> None:
        self._show_parts()
        self._emit_changed()

    def _emit_changed(self, *_args) -> None:
        if not self._syncing:
            self.changed.emit()

    def set_sessions(self, sessions: Sequence[Session], current_id: int | None,
                     amended: Collection[int] | None = None) -> None:
        """The patient's sessions (any order) and the one open in the window; ``amended``: the
        ids of those amended after signing (None: as they were)."""
        if amended is not None:
            self.amended = frozenset(amended)
        new_patient = {s.id for s in sessions} != {s.id for s in self.sessions}
        self.sessions = sorted(sessions, key=lambda s: (s.started_at, s.id))
        self.current_id = current_id
        self._syncing = True
        try:
            if new_patient and self.sessions:
                first = local_date(self.sessions[0].started_at)
                last = local_date(self.sessions[-1].started_at)
                self.date_from.setDate(QDate(first))
                self.date_to.setDate(QDate(last))
                self._picked &= {s.id for s in self.sessions}
        finally:
            self._syncing = False
        self.visits.set_sessions(self.sessions, current_id, self.amended)

    def _fill_pick_menu(self) -> None:
        """The visits to pick from, ticked as chosen (built as the menu opens)."""
        self.pick_menu.clear()
        for i, s in enumerate(self.sessions):
            act = QAction(f"#{i + 1}  {numeric_date(s.started_at)}", self.pick_menu)
            act.setCheckable(True)
            act.setChecked(s.id in self._picked)
            if not s.is_signed:  # listed, in words of its own: not drawn until signed
                draft = self.tr("draft, not signed")
                act.setText(f"{act.text()}  ({draft})")
                act.setEnabled(False)
            act.toggled.connect(lambda on, sid=s.id: self._toggle_pick(sid, on))
            self.pick_menu.addAction(act)

    def _toggle_pick(self, session_id: int, on: bool) -> None:
        (self._picked.add if on else self._picked.discard)(session_id)
        self._emit_changed()

    def pick_sessions(self, session_ids) -> None:
        self.set_choice(replace(self.choice(), mode=OverlayMode.PICKED, picked=frozenset(session_ids)))

    def show_state(self, chart: ChartPainter | None, drawn: Sequence[int], oldest: int,
                   heat_vmax: float | None, elsewhere: bool = False,
                   drafts: Sequence[Session] = ()) -> None:
        """What the chart now shows: the count and the legend (`elsewhere`: with the mark of a
        muscle needled on another chart), and the drafts it does not draw (`drafts`: not
        signed, before the session open)."""
        n = len(drawn)
        self.count.setText(self.tr("%n earlier shown", "", n) if self.show_earlier.isChecked()
                           else "")
        ages: list[tuple[int, str]] = []
        if n and self.show_earlier.isChecked():
            ages.append((1, self._last_time()))
            if oldest > 2:
                ages.append(((oldest + 1) // 2,
                             self.tr("%n visit(s) ago", "", (oldest + 1) // 2)))
            if oldest > 1:
                ages.append((oldest, self.tr("%n visit(s) ago", "", oldest)))
        self.legend.set_state(chart, ages, oldest, heat_vmax, self.heat.isChecked(),
                              elsewhere=elsewhere and bool(ages),
                              earlier_on=self.show_earlier.isChecked())
        self.show_drafts(drafts)

    def _last_time(self) -> str:
        return self.tr("last time")

    def legend_steps(self) -> Iterator[None]:
        """Measure and outline the legend's words that every first open of a patient with an
        earlier visit on the chart shows, while the overlay is on: its title and "last time"
        (the ages' other words depend on the patient), one a step (ui.chart_ahead: while the
        window waits for its first patient; the legend keeps each width, render.text each
        outline)."""
        for text, bold in ((self.legend.title(), True), (self._last_time(), False)):
            if self.show_earlier.isChecked():
                self.legend.text_width(text, bold)
            yield

    def show_drafts(self, drafts: Sequence[Session]) -> None:
        """The drafts not drawn, in words of their own: a draft is no visit yet (it may still
        change, be withdrawn or be entered in error), so it is never an age on the chart.
        Their room is kept with or without them (`WrappedWords.room`): the words change, the
        bar's lines and height not."""
        text = tip = ""
        if drafts:
            text = self.tr("%n draft(s), not signed: not drawn", "", len(drafts))
            tip = self.tr(
                "A draft is drawn with the earlier visits once it is signed: until then it may "
                "still change, be withdrawn or be entered in error. Not signed: {sessions}."
            ).format(sessions=", ".join(numeric_datetime(s.started_at) for s in drafts))
        self.drafts.setText(text)
        self.drafts.setToolTip(tip)

    # -- the visits row's (ui.visits_row), under their old names ----------------------------
    def set_replay_interval(self, ms: int) -> None:
        self.visits.set_replay_interval(ms)

    def step_to(self, index: int) -> None:
        self.visits.step_to(index)

    def step(self, delta: int) -> None:
        self.visits.step(delta)

    def set_replaying(self, on: bool) -> None:
        self.visits.set_replaying(on)

    @property
    def replaying(self) -> bool:
        return self.visits.replaying
