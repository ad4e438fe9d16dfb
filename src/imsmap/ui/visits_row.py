"""The visits row under the chart: the slider that steps the window through the patient's visits,
its buttons, Replay and the words of the visit shown (`VisitsRow`), laid out to wrap where the
chart's column is narrow. The history bar (`ui.history_bar`) holds it under its choice of
earlier sessions and its legend."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QWidget,
)

from imsmap.domain.models import Session
from imsmap.ui.touch_size import TouchStyle
from imsmap.ui.wording import short_date
from imsmap.ui.wrapping_row import WrappingRow

REPLAY_MS = 1300
# The visits slider's least width (px). Mouse: 120, about 100 px of the handle's travel, 7 px a
# visit over 14 visits (a course of treatment), the ticks apart and the handle easy to catch and
# drag (French at 1366 px left it 20 px: it could only be clicked). Touch: three fingertips,
# 27 mm (four made the window wider than 960 px, 1080p at 200 %).
SLIDER_LEAST = 120
SLIDER_FINGERS = 3


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


# -- the visit shown, in brief ------------------------------------------------------------
class BriefLabel(QLabel):
    """A label that says the first of its forms (longest first) that fits its width, the last
    one where none does: never a form cut at the label's edge ("12 sur 1" for « 12 sur 14 »)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.forms: list[str] = []

    def set_forms(self, forms: Sequence[str]) -> None:
        self.forms = list(forms)
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        # as wide as its longest form: a layout with the room gives it that
        hint = super().sizeHint()
        if self.forms:
            hint.setWidth(self.fontMetrics().horizontalAdvance(self.forms[0]) + 2)
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        fm = self.fontMetrics()
        room = self.contentsRect().width()
        fitting = next((f for f in self.forms if fm.horizontalAdvance(f) <= room),
                       self.forms[-1] if self.forms else "")
        if fitting != self.text():
            self.setText(fitting)


# -- the row ------------------------------------------------------------------------------
class VisitsRow(QObject):
    """The visits slider, its buttons, Replay and the visit's words, and their layout (`row`,
    which the host widget places): which visit the slider rests on, stepping and replaying."""

    sessionRequested = Signal(int)  # noqa: N815 - the slider moved to this session

    def __init__(self, host: QWidget):
        """`host`: the widget the row goes in (its palette and pixel ratio draw the icons)."""
        super().__init__(host)
        self.sessions: list[Session] = []
        self.amended: frozenset[int] = frozenset()  # sessions amended after signing
        self.current_id: int | None = None
        self._syncing = False

        ink = host.palette().color(QPalette.ColorRole.ButtonText)
        ratio = host.devicePixelRatioF()
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
        self.size_slider()
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
        # Which visit, in brief ("#3 of 5"): beside the history bar's one button where the bar
        # is folded on a short chart (ui.short_chart), the row and its words hidden; the whole
        # words in its tooltip. The bar places it (hidden until then).
        self.position = BriefLabel(host)
        self.position.setObjectName("visitPosition")
        self.position.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(REPLAY_MS)
        self._timer.timeout.connect(self._replay_step)

        # Goes on to a second line where the chart's column is narrow (a 1366 x 768 laptop at
        # 125 %, 1080p at 200 %: ui.wrapping_row). Its words go on a line of their own where the
        # slider would be narrower than SLIDER_LEAST beside them, at any window width: the
        # chart's column at 1366 px in French.
        self.row = WrappingRow(spacing=2, wide_too=True)
        player = QHBoxLayout()
        player.setSpacing(2)
        # (hidden with `when` on a short chart: the bar's brief words say which visit)
        self.label = QLabel(self.tr("Visits:"))
        player.addWidget(self.label)
        for w in (self.first, self.prev):
            player.addWidget(w)
        player.addWidget(self.slider, 1)
        for w in (self.next, self.last):
            player.addWidget(w)
        self.row.add(player, stretch=1)
        self.row.add(self.play)  # goes with the words at 960 px (1080p at 200 %)
        self.row.add(self.when)

        self.slider.valueChanged.connect(self._slider_moved)
        self.first.clicked.connect(lambda: self.step_to(0))
        self.last.clicked.connect(lambda: self.step_to(len(self.sessions) - 1))
        self.prev.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.play.toggled.connect(self.set_replaying)

    def size_slider(self) -> None:
        """The slider's least width for a mouse, or for a fingertip (SLIDER_LEAST): again when
        touch-sized controls go on or off."""
        style = QApplication.style()
        finger = style.finger if isinstance(style, TouchStyle) else 0
        self.slider.setMinimumWidth(max(SLIDER_LEAST, SLIDER_FINGERS * finger))

    def set_sessions(self, sessions: Sequence[Session], current_id: int | None,
                     amended: frozenset[int]) -> None:
        """The patient's sessions, oldest first, the one open in the window and those amended
        after signing: the slider rests on the open one (the latest when it is not a visit)."""
        self.sessions = list(sessions)
        self.current_id = current_id
        self.amended = amended
        n = len(self.sessions)
        self._syncing = True
        try:
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

    def _show_when(self) -> None:
        self._say_when()
        self.position.setToolTip(self.when.text())
        self.position.setAccessibleName(self.when.text())

    def _say_when(self) -> None:
        i = self.slider.value()
        if not self.sessions:
            self.when.setText(self.tr("no visits yet"))
            # in brief where the row is narrow (« aucune visite encore » was cut to « aucune s »
            # beside the button at 960 px, walk of 6 December); whole in its tooltip
            self.position.set_forms([self.when.text(), self.tr("none", "no visits yet, in brief")])
            return
        if self.current_id is not None and all(s.id != self.current_id for s in self.sessions):
            # The open session is not among the visits (withdrawn, or entered in error): the
            # slider rests on the last visit, but the label must not name it as the one open.
            self.when.setText(self.tr("not counted · %n other visit(s)", "",
                                      len(self.sessions)))
            self.when.setToolTip(self.tr("This session is withdrawn or entered in error: it "
                                         "counts in no figure. The slider moves through the "
                                         "visits that count."))
            self.position.set_forms([self.tr("not counted")])
            return
        self.when.setToolTip("")
        s = self.sessions[min(i, len(self.sessions) - 1)]
        state = self.tr("draft") if not s.is_signed else \
            self.tr("amended") if s.id in self.amended else self.tr("signed")
        self.when.setText(self.tr("#{number} of {count} · {date} · {state}").format(
            number=i + 1, count=len(self.sessions), date=short_date(s.started_at), state=state))
        self.position.set_forms([
            self.tr("#{number} of {count}").format(number=i + 1, count=len(self.sessions)),
            f"{i + 1}/{len(self.sessions)}"])  # where the words have no room (« 12 sur 14 »)

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
