"""The controls under the chart: which earlier sessions it shows (`OverlayChoice`), the heat map,
the legend and the timeline slider that steps the window through the visits or replays them.

The item that draws the earlier sessions on the chart is `ui.history_overlay`.
"""

from __future__ import annotations

import copy
import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPainterPath, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.models import Session
from imsmap.render.chart_painter import ChartPainter, text_path
from imsmap.render.heatmap import paint_heat_legend
from imsmap.render.other_charts import paint_other_chart_mark
from imsmap.render.overlay import EARLIER_SCALE, LAST_SCALE, age_fade, faded_style
from imsmap.render.text import text_width
from imsmap.ui.touch_size import TouchStyle
from imsmap.ui.wording import numeric_date, short_date
from imsmap.ui.wrapping_row import WrappingRow

REPLAY_MS = 1300
# The visits slider's least width (px). Mouse: 120, about 100 px of the handle's travel, 7 px a
# visit over 14 visits (a course of treatment), the ticks apart and the handle easy to catch and
# drag (French at 1366 px left it 20 px: it could only be clicked). Touch: three fingertips,
# 27 mm (four made the window wider than 960 px, 1080p at 200 %).
SLIDER_LEAST = 120
SLIDER_FINGERS = 3


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


class OverlayLegend(QWidget):
    """How earlier sites look by age, and the heat scale when the heat map is on. Its words
    take one row, or more where the chart is too narrow for them (longer in French; at 960 px,
    1080p at 200 %, the third age was cut off at the chart's edge, and the French title): the
    markers then go under the title, on as many rows as they need, the title too. Where the
    chart marks a muscle needled on another chart, the key's last marker is that diamond."""

    ROW = 26  # px: one row of the legend
    WRAPPED = 18  # px: each further row (of the title, of markers) when the words need more
    HEAT = 44  # px: the heat scale under them

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart: ChartPainter | None = None
        self.ages: list[tuple[int, str]] = []
        self.oldest = 1
        self.heat_vmax: float | None = None
        self.heat_on = False  # the heat map is asked for: its row is kept, with or without a scale
        self.elsewhere = False  # the chart marks muscles needled on another chart (a diamond)
        self._widths: dict[tuple[str, bool], float] = {}  # text_width's
        # Its height follows its width (`heightForWidth`), asked by the layouts as they place
        # it, as a wrapping row's is: set from its own resize, the history bar learnt of a
        # third row only after it had been placed, and the visits row was drawn over the key.
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(380, self.heightForWidth(380))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(10, self.heightForWidth(max(10, self.width())))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        height = self.ROW + self.WRAPPED * (self.rows(width) - 1)
        if self.heat_on or self.heat_vmax is not None:
            height += self.HEAT
        return height

    def set_state(self, chart: ChartPainter | None, ages: list[tuple[int, str]], oldest: int,
                  heat_vmax: float | None, heat_on: bool = False,
                  elsewhere: bool = False) -> None:
        """`heat_on`: the heat map is asked for. Its row stays while it is, scale or none (a
        patient's first visit has nothing to sum), so the chart above does not jump by the
        row's height from one patient or visit to the next. `elsewhere`: the chart marks a
        muscle needled on another chart; the key then says what the diamond is."""
        ages = list(ages)
        if (chart is self.chart and ages == self.ages and oldest == self.oldest
                and heat_vmax == self.heat_vmax and heat_on == self.heat_on
                and elsewhere == self.elsewhere):
            return  # a site tapped today changes nothing here: no repaint (about 1 ms a tap)
        self.chart, self.ages, self.oldest, self.heat_vmax = chart, ages, oldest, heat_vmax
        self.heat_on, self.elsewhere = heat_on, elsewhere
        self.updateGeometry()  # its height for a width may have changed
        self.update()

    # The legend's words: the title, then a marker and its words for each age.
    SIZE = 10.5
    _R = 9.0
    _LEFT = 4.0  # px before the title and each row of markers
    _AFTER_TITLE = 8.0
    _GAP = 12.0  # px after each age's words

    def title(self) -> str:
        return self.tr("Earlier sites, e.g. strong grasp:")

    def text_width(self, text: str, bold: bool = False) -> float:
        # Measured once a text (an outline each time: the layouts ask the legend's height for
        # a width many times over, and the words are few).
        key = (text, bold)
        if key not in self._widths:
            self._widths[key] = text_width(text, OverlayLegend.SIZE, bold=bold)
        return self._widths[key]

    def _age_width(self, text: str) -> float:
        return 2 * self._R + 4 + self.text_width(text)

    def elsewhere_text(self) -> str:
        return self.tr("needled on another chart")

    def _marker_texts(self) -> list[str]:
        """The words of the key's markers: each age's, then the diamond's when it shows."""
        texts = [text for _, text in self.ages]
        return [*texts, self.elsewhere_text()] if texts and self.elsewhere else texts

    def needed_width(self) -> float:
        """The px the legend's words need on one row (0 when it shows none)."""
        if not self.ages:
            return 0.0
        return self._LEFT + self.text_width(self.title(), True) + self._AFTER_TITLE + sum(
            self._age_width(text) + self._GAP for text in self._marker_texts())

    def wrapped(self, width: int | None = None) -> bool:
        """True when the markers go on rows of their own, under the title (at `width`, or the
        legend's own)."""
        return self.needed_width() > (self.width() if width is None else width)

    def places(self, width: int | None = None) -> list[tuple[float, int]]:
        """Each marker's (the ages', then the diamond's): its left edge and its row (0: the
        title's), at `width` or the legend's own. Under the title, a row holds the markers
        whose words fit, at least one."""
        width = self.width() if width is None else width
        if not self.wrapped(width):
            x = self._LEFT + self.text_width(self.title(), True) + self._AFTER_TITLE
            out = []
            for text in self._marker_texts():
                out.append((x, 0))
                x += self._age_width(text) + self._GAP
            return out
        out, x, row = [], self._LEFT, len(self.title_lines(width))
        for text in self._marker_texts():
            if x > self._LEFT and x + self._age_width(text) > width:
                x, row = self._LEFT, row + 1
            out.append((x, row))
            x += self._age_width(text) + self._GAP
        return out

    def title_lines(self, width: int) -> list[str]:
        """The title's words on rows `width` wide (one row where it fits: French is longer)."""
        title = self.title()
        if self._LEFT + self.text_width(title, True) <= width:
            return [title]
        lines, line = [], ""
        for word in title.split(" "):
            longer = f"{line} {word}" if line else word
            if line and self._LEFT + self.text_width(longer, True) > width:
                lines.append(line)
                line = word
            else:
                line = longer
        return [*lines, line]

    def elsewhere_apart(self, width: int | None = None) -> bool:
        """True when the diamond and its words go on a row of their own, under the ages'."""
        if not (self.ages and self.elsewhere):
            return False
        places = self.places(width)
        return places[-1][1] > places[-2][1]

    def rows(self, width: int | None = None) -> int:
        """The legend's rows of words at `width` (or its own): the title's and the markers'."""
        return 1 + max((row for _, row in self.places(width)), default=0)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        if self.chart is None or not (self.ages or self.heat_on):
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        s = self.chart.style
        r = self._R
        scale = r / s.marker_radius
        colour = QColor(s.caption)

        def label(text: str, at_x: float, at_y: float, bold: bool = False) -> None:
            path = text_path(text, self.SIZE, anchor="left", at=(at_x, at_y), bold=bold)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colour)
            p.drawPath(path)

        y = 13.0
        if self.ages:
            for number, line in enumerate(self.title_lines(self.width())):
                label(line, self._LEFT, y + number * self.WRAPPED, bold=True)
        places = self.places()
        for (age, text), (x, row) in zip(self.ages, places, strict=False):
            at_y = y + row * self.WRAPPED
            faded = copy.copy(self.chart)
            faded.style = faded_style(s, age_fade(age, self.oldest))
            faded.paint_marker(p, x + r, at_y, None, 3,
                               scale=scale * (LAST_SCALE if age <= 1 else EARLIER_SCALE),
                               pips=True)
            label(text, x + 2 * r + 4, at_y)
        if len(places) > len(self.ages):  # the diamond of a muscle needled on another chart
            x, row = places[-1]
            at_y = y + row * self.WRAPPED
            paint_other_chart_mark(p, self.chart, x + r, at_y, 3, age_fade(1, self.oldest), r)
            label(self.elsewhere_text(), x + 2 * r + 4, at_y)
        top = self.ROW + self.WRAPPED * (self.rows() - 1)
        if self.heat_vmax is None and self.heat_on:
            label(self.tr("Heat map: no earlier visit to sum"), 4.0, top + 13.0)
        elif self.heat_vmax is not None:
            paint_heat_legend(p, QRectF(4, top, min(320.0, self.width() - 8), 42),
                              self.heat_vmax, title=self.tr("Heat map: grasp summed over those visits"))
        p.end()


# -- the timeline's buttons --------------------------------------------------------------
# The four media glyphs, drawn here rather than taken from the style (QStyle.standardIcon):
# naming the QStyle class costs PySide6 about 10 ms at start-up for its enums (issue 8), and the
# bar is part of the first paint. Triangles and bars in a 16 x 16 box, pointing right; the
# backward ones are mirrored.
ICON_SIZE = 16
_GLYPHS = {
    "skip": (((3, 3), (11, 8), (3, 13)), ((11.5, 3), (13.5, 3), (13.5, 13), (11.5, 13))),
    "seek": (((2, 3), (8, 8), (2, 13)), ((8, 3), (14, 8), (8, 13))),
}


def media_icon(glyph: str, backward: bool, colour: QColor, ratio: float = 1.0) -> QIcon:
    """"skip" (to the first / latest visit) or "seek" (previous / next visit) as an icon."""
    pixmap = QPixmap(round(ICON_SIZE * ratio), round(ICON_SIZE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(0, 0, 0, 0))
    path = QPainterPath()
    for shape in _GLYPHS[glyph]:
        points = [(ICON_SIZE - x if backward else x, y) for x, y in shape]
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.closeSubpath()
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.fillPath(path, colour)
    p.end()
    return QIcon(pixmap)


# -- the controls -------------------------------------------------------------------------
class HistoryBar(QWidget):
    """Which earlier sessions the chart shows, the heat map, the legend and the timeline."""

    changed = Signal()  # the choice, the visibility or the heat map changed
    sessionRequested = Signal(int)  # noqa: N815 - the timeline moved to this session

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sessions: list[Session] = []
        self.amended: frozenset[int] = frozenset()  # sessions amended after signing
        self.current_id: int | None = None
        self._picked: set[int] = set()
        self._syncing = False

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
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")  # ISO in every language: wording.numeric_date
        self.dash = QLabel("–")
        self.pick = QToolButton()
        self.pick.setText(self.tr("Sessions…"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pick_menu = QMenu(self.pick)
        self.pick.setMenu(self.pick_menu)
        # Filled when it opens: 200 visits are 200 actions, about 9 ms on every patient chosen.
        self.pick_menu.aboutToShow.connect(self._fill_pick_menu)
        self.heat = QCheckBox(self.tr("Heat map"))
        self.heat.setToolTip(self.tr("Grasp summed over the earlier sessions shown (Ctrl+Shift+M)"))
        self.legend = OverlayLegend()
        self.count = QLabel()
        self.count.setObjectName("overlayCount")

        ink = self.palette().color(QPalette.ColorRole.ButtonText)
        ratio = self.devicePixelRatioF()
        self.first = QToolButton()
        self.first.setIcon(media_icon("skip", True, ink, ratio))
        self.first.setToolTip(self.tr("First visit"))
        self.first.setAccessibleName(self.tr("First visit"))
        self.prev = QToolButton()
        self.prev.setIcon(media_icon("seek", True, ink, ratio))
        self.prev.setToolTip(self.tr("Previous visit (Alt+Left)"))
        self.prev.setAccessibleName(self.tr("Previous visit"))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setAccessibleName(self.tr("Visit timeline"))
        self._size_slider()
        self.next = QToolButton()
        self.next.setIcon(media_icon("seek", False, ink, ratio))
        self.next.setToolTip(self.tr("Next visit (Alt+Right)"))
        self.next.setAccessibleName(self.tr("Next visit"))
        self.last = QToolButton()
        self.last.setIcon(media_icon("skip", False, ink, ratio))
        self.last.setToolTip(self.tr("Latest visit"))
        self.last.setAccessibleName(self.tr("Latest visit"))
        self.play = QToolButton()
        self.play.setText(self.tr("Replay"))
        self.play.setCheckable(True)
        self.play.setToolTip(self.tr("Replay the visits one after another (Ctrl+Shift+R)"))
        self.when = QLabel()
        self.when.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # As wide as its longest text in the window's language (French is longer), so that the
        # slider, not the date, gives way.
        widest = self.tr("#{number} of {count} · {date} · {state}").format(
            number=99, count=99, date=short_date(date(2026, 9, 30)),
            state=max(self.tr("draft"), self.tr("signed"), self.tr("amended"), key=len))
        self.when.setMinimumWidth(self.when.fontMetrics().horizontalAdvance(widest) + 4)
        self._timer = QTimer(self)
        self._timer.setInterval(REPLAY_MS)
        self._timer.timeout.connect(self._replay_step)

        # Both rows go on to a second line where the chart's column is narrow (a 1366 x 768
        # laptop at 125 %, 1080p at 200 %: ui.wrapping_row), the date range kept together. The
        # choices' row at any width: Dates' two fields, or Picked's button, in place of the
        # count's box make it wider than the chart's column at 1366 px (in French, Picked too).
        row = WrappingRow(spacing=2, wide_too=True)
        dates = QHBoxLayout()
        dates.setSpacing(2)
        for w in (self.date_from, self.dash, self.date_to):
            dates.addWidget(w)
        for part in (self.show_earlier, self.mode, self.last_n, dates, self.pick, self.heat,
                     self.count):
            row.add(part)
        # Its words go on a line of their own where the slider would be narrower than
        # SLIDER_LEAST beside them, at any window width: the chart's column at 1366 px in French.
        timeline = WrappingRow(spacing=2, wide_too=True)
        player = QHBoxLayout()
        player.setSpacing(2)
        player.addWidget(QLabel(self.tr("Visits:")))
        for w in (self.first, self.prev):
            player.addWidget(w)
        player.addWidget(self.slider, 1)
        for w in (self.next, self.last):
            player.addWidget(w)
        timeline.add(player, stretch=1)
        timeline.add(self.play)  # goes with the words at 960 px (1080p at 200 %)
        timeline.add(self.when)
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

    def _size_slider(self) -> None:
        """The slider's least width for a mouse, or for a fingertip (SLIDER_LEAST)."""
        style = QApplication.style()
        finger = style.finger if isinstance(style, TouchStyle) else 0
        self.slider.setMinimumWidth(max(SLIDER_LEAST, SLIDER_FINGERS * finger))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.StyleChange:  # touch-sized controls on or off
            self._size_slider()
        super().changeEvent(event)

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
        mode = self.current_mode()
        self.last_n.setVisible(mode is OverlayMode.LAST)
        for w in (self.date_from, self.dash, self.date_to):
            w.setVisible(mode is OverlayMode.RANGE)
        self.pick.setVisible(mode is OverlayMode.PICKED)
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
                first = self.sessions[0].started_at.date()
                last = self.sessions[-1].started_at.date()
                self.date_from.setDate(QDate(first))
                self.date_to.setDate(QDate(last))
                self._picked &= {s.id for s in self.sessions}
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
        """The visits to pick from, ticked as chosen (built as the menu opens)."""
        self.pick_menu.clear()
        for i, s in enumerate(self.sessions):
            act = QAction(f"#{i + 1}  {numeric_date(s.started_at)}", self.pick_menu)
            act.setCheckable(True)
            act.setChecked(s.id in self._picked)
            act.toggled.connect(lambda on, sid=s.id: self._toggle_pick(sid, on))
            self.pick_menu.addAction(act)

    def _toggle_pick(self, session_id: int, on: bool) -> None:
        (self._picked.add if on else self._picked.discard)(session_id)
        self._emit_changed()

    def pick_sessions(self, session_ids) -> None:
        self.set_choice(replace(self.choice(), mode=OverlayMode.PICKED, picked=frozenset(session_ids)))

    def show_state(self, chart: ChartPainter | None, drawn: Sequence[int], oldest: int,
                   heat_vmax: float | None, elsewhere: bool = False) -> None:
        """What the chart now shows: the count and the legend (`elsewhere`: with the mark of a
        muscle needled on another chart)."""
        n = len(drawn)
        self.count.setText(self.tr("%n earlier shown", "", n) if self.show_earlier.isChecked()
                           else "")
        ages: list[tuple[int, str]] = []
        if n and self.show_earlier.isChecked():
            ages.append((1, self.tr("last time")))
            if oldest > 2:
                ages.append(((oldest + 1) // 2,
                             self.tr("%n visit(s) ago", "", (oldest + 1) // 2)))
            if oldest > 1:
                ages.append((oldest, self.tr("%n visit(s) ago", "", oldest)))
        self.legend.set_state(chart, ages, oldest, heat_vmax, self.heat.isChecked(),
                              elsewhere=elsewhere and bool(ages))

    # -- the timeline ----------------------------------------------------------------------
    def _show_when(self) -> None:
        i = self.slider.value()
        if not self.sessions:
            self.when.setText(self.tr("no visits yet"))
            return
        if self.current_id is not None and all(s.id != self.current_id for s in self.sessions):
            # The open session is not among the visits (withdrawn, or entered in error): the
            # slider rests on the last visit, but the label must not name it as the one open.
            self.when.setText(self.tr("not counted · %n other visit(s)", "",
                                      len(self.sessions)))
            self.when.setToolTip(self.tr("This session is withdrawn or entered in error: it "
                                         "counts in no figure. The slider moves through the "
                                         "visits that count."))
            return
        self.when.setToolTip("")
        s = self.sessions[min(i, len(self.sessions) - 1)]
        state = self.tr("draft") if not s.is_signed else \
            self.tr("amended") if s.id in self.amended else self.tr("signed")
        self.when.setText(self.tr("#{number} of {count} · {date} · {state}").format(
            number=i + 1, count=len(self.sessions), date=short_date(s.started_at), state=state))

    def _slider_moved(self, index: int) -> None:
        self._show_when()
        if self._syncing or not 0 <= index < len(self.sessions):
            return
        sid = self.sessions[index].id
        if sid != self.current_id:
            self.sessionRequested.emit(sid)

    def set_replay_interval(self, ms: int) -> None:
        """How long each visit stays on the chart while the visits replay (REPLAY_MS)."""
        self._timer.setInterval(ms)

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
        self.play.setText(self.tr("Stop") if self._timer.isActive() else self.tr("Replay"))

    @property
    def replaying(self) -> bool:
        return self._timer.isActive()

    def _replay_step(self) -> None:
        if self.slider.value() >= len(self.sessions) - 1:
            self.set_replaying(False)
            return
        self.step(1)
