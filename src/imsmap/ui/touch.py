"""A finger is not a pointer: how far a press may wander and still be a tap, and how far around
the point it landed on a finger reaches.

Qt delivers a touch screen's taps to the chart as mouse events it synthesizes from the touch
(their source says so). A mouse click moves by a pixel or two; a fingertip rolls by a few
millimetres between touching and lifting, a gloved or wet one further, and covers about 9 mm of
the screen where the reported point is only its centre.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QEventPoint, QGuiApplication, QHelpEvent, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget

# A mouse press that moves less than this many screen pixels before release is a click, not a
# drag (nor a pan).
CLICK_SLOP_PX = 4.0
# A finger's press: about 4 mm at 96 logical dpi (Android's touch slop is 8 dp, about 1.3 mm,
# for bare fingers on phones; a gloved finger on a treatment-room screen rolls further).
TOUCH_SLOP_PX = 16.0
# Half a fingertip's contact (about 9 mm across): muscles this close to where a finger landed
# may be the one it meant.
FINGER_REACH_PX = 17.0


def by_finger(source: Qt.MouseEventSource) -> bool:
    """True for a mouse event Qt (or the system) made from a touch."""
    return source != Qt.MouseEventSource.MouseEventNotSynthesized


def tap_slop(source: Qt.MouseEventSource) -> float:
    """How far (screen pixels) a press from this source may move and still be a tap."""
    return TOUCH_SLOP_PX if by_finger(source) else CLICK_SLOP_PX


def still_a_tap(press: QPointF, now: QPointF, source: Qt.MouseEventSource) -> bool:
    """Whether a press at `press` that is now at `now` (screen pixels) is still a tap."""
    return QLineF(press, now).length() <= tap_slop(source)


class Hold(QObject):
    """A press held still for `ms`: `held` once the time is up and the input that was waiting
    meanwhile has been delivered (`start` at the press, `stop` at its release or drag).

    A timer alone could take a quick tap for a long press when the window was busy as the
    finger lifted (a loaded PC, a long paint): the time was up when the window came back to
    its events, and Qt may run a timer that is due before the input waiting since (its Unix
    event loop does). The time up is acted on a moment later, a queued call behind the
    waiting release, whose `stop` ends the hold first
    (tests/test_ui_touch.py::test_a_tap_the_window_was_too_busy_to_see_end_is_still_a_tap).
    """

    held = Signal()

    def __init__(self, ms: int, parent: QObject):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ms)
        self._timer.timeout.connect(self._time_up, Qt.ConnectionType.QueuedConnection)
        self._down = False

    def start(self) -> None:
        self._down = True
        self._timer.start()

    def stop(self) -> None:
        self._down = False
        self._timer.stop()

    def _time_up(self) -> None:
        if self._down and not self._timer.isActive():  # not stopped, nor started again since
            self._down = False
            self.held.emit()


class TwoFingers:
    """Pinch to zoom and two-finger pan on the chart's view: the point of the chart between the
    two fingers stays between them while they spread, close or move together.

    Qt makes mouse events only from touches the view leaves unhandled; the view hands this its
    viewport's touch events, and it takes those with two fingers or more down. One finger stays
    Qt's (a tap, a drag, a long press). A second finger landing while the first is down ends
    what the first had begun without doing it (`view.cancel_press`): no site added, none moved.
    """

    def __init__(self, view):
        self.view = view  # a ui.chart_view.ChartView
        self.active = False
        # the two fingers followed (their ids), the point between them and their spread
        self._last: tuple[tuple[int, int], QPointF, float] | None = None

    def touch(self, event: QTouchEvent) -> bool:
        """True when the event is the two fingers' (acted on and accepted): from the moment a
        second finger is down until the last one lifts."""
        down = [p for p in event.points() if p.state() != QEventPoint.State.Released]
        ended = event.type() in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)
        if not self.active:
            if ended or len(down) < 2:
                return False  # one finger: Qt's mouse events (a tap, a drag, a long press)
            self.active = True
            self._last = None
            self.view.cancel_press()
            self._follow(down[0], down[1])
        elif ended:
            self.active = False
        elif len(down) >= 2:  # one finger left: it does nothing until it lifts
            self._follow(down[0], down[1])
        event.accept()
        return True

    def _follow(self, a: QEventPoint, b: QEventPoint) -> None:
        ids, centre = (a.id(), b.id()), (a.position() + b.position()) / 2
        spread = QLineF(a.position(), b.position()).length()
        last, self._last = self._last, (ids, centre, spread)
        if last is None or last[0] != ids:
            return  # a new pair: the next move is measured from here
        factor = spread / last[2] if last[2] > 1 and spread > 1 else 1.0
        self.view.pinch_by(factor, last[1], centre)


class HoldForTip(QObject):
    """A finger held still on `widget` (Qt's press-and-hold time, 0.8 s) shows what the widget
    says on hover, its tooltip, above the finger; lifted, the tip stays (until the next touch
    or its time is up). A finger has no hover: the thorax prompt's whole list of muscles, a
    Segments cell's sentence, the Progress grid's cells, a photo's caption were out of its reach.

    The widget asks itself, as a hover would: the tip of the cell, row or photo under the finger.
    A held button is not clicked when the finger lifts (a check box's long press is a question,
    not a record). An item view's tips are its viewport's: pass the view.
    """

    def __init__(self, widget: QWidget):
        target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
        super().__init__(target)
        self.target = target
        self._hold = Hold(QGuiApplication.styleHints().mousePressAndHoldInterval(), self)
        self._hold.held.connect(self._held)
        self._press: QPointF | None = None  # where the finger is down, in the target
        self._global = QPoint()
        self._shown = False  # held long enough: the tip is shown
        target.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._shown = False
            if by_finger(event.source()):
                self._press = event.position()
                self._global = event.globalPosition().toPoint()
                self._hold.start()
        elif kind == QEvent.Type.MouseMove and self._press is not None \
                and isinstance(event, QMouseEvent) \
                and not still_a_tap(self._press, event.position(), event.source()):
            self._press = None  # a drag or a scroll, not a hold
            self._hold.stop()
        elif kind == QEvent.Type.MouseButtonRelease and self._press is not None:
            self._press = None
            self._hold.stop()
            if self._shown:  # Qt hides a tip when a button is released: shown again after
                QTimer.singleShot(0, self._show)
        return False

    def _held(self) -> None:
        if self._press is None:
            return
        self._shown = True
        button = self.target
        if isinstance(button, QAbstractButton):
            button.setDown(False)  # lifted, it is not a click
        self._show()

    def _show(self) -> None:
        if self._press is None and not self._shown:
            return
        at = self._press if self._press is not None else QPointF(
            self.target.mapFromGlobal(self._global))
        # Qt puts a tip a little below and right of the point it is given: given a point two
        # fingertips' reach above the finger, a one-line tip shows above it, not under it.
        above = self._global - QPoint(0, round(2 * FINGER_REACH_PX) + 20)
        QApplication.sendEvent(self.target, QHelpEvent(QEvent.Type.ToolTip, at.toPoint(), above))


def hold_for_tips(*widgets: QWidget) -> None:
    """A finger's long press on each of `widgets` shows its tooltip (HoldForTip)."""
    for w in widgets:
        HoldForTip(w)
