"""A finger is not a pointer: how far a press may wander and still be a tap, and how far around
the point it landed on a finger reaches.

Qt delivers a touch screen's taps to the chart as mouse events it synthesizes from the touch
(their source says so). A mouse click moves by a pixel or two; a fingertip rolls by a few
millimetres between touching and lifting, a gloved or wet one further, and covers about 9 mm of
the screen where the reported point is only its centre.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt

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
