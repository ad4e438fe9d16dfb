"""Touch-sized controls (View > Touch-sized controls, ui.touch_size): the rows a finger picks a
patient or a visit from, the tabs and their scroll arrows, the buttons, check boxes and spin
boxes at a fingertip's size, switched in the running window; on at a first start on a computer
with a touch screen, the explicit choice winning after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionSlider,
    QStyleOptionSpinBox,
    QTabBar,
    QToolButton,
)

from imsmap.ui import touch_size
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

FINGER = 32  # the least a fingertip's row or button is (touch_size.MIN_PX)


def _arrows(spin: QSpinBox) -> list:
    """The spin box's up and down arrows where a press lands (the style's hit rectangles)."""
    opt = QStyleOptionSpinBox()
    opt.initFrom(spin)
    opt.frame = spin.hasFrame()
    opt.subControls = QStyle.SubControl.SC_SpinBoxUp | QStyle.SubControl.SC_SpinBoxDown
    return [spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, opt, sub, spin)
            for sub in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown)]


def _handle(slider: QSlider):
    """The slider's handle as the style places it."""
    opt = QStyleOptionSlider()
    opt.initFrom(slider)
    opt.orientation = slider.orientation()
    opt.minimum, opt.maximum = slider.minimum(), slider.maximum()
    opt.sliderPosition = opt.sliderValue = slider.value()
    opt.tickPosition = slider.tickPosition()
    opt.subControls = QStyle.SubControl.SC_SliderHandle
    return slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt,
                                         QStyle.SubControl.SC_SliderHandle, slider)


def _sizes(w) -> dict[str, int]:
    """The heights (widths for the scroll arrows) a finger has to hit."""
    patients, sessions = w.patients.patients, w.patients.sessions
    tabs: QTabBar = w.chart.tabs
    arrows = [b for b in tabs.findChildren(QToolButton)]
    return {
        "patient row": patients.visualItemRect(patients.item(0)).height(),
        "session row": sessions.visualItemRect(sessions.topLevelItem(0)).height(),
        "chart tab": tabs.tabRect(0).height(),
        "tab scroll arrow": min((QApplication.style().pixelMetric(
            QStyle.PixelMetric.PM_TabBarScrollButtonWidth, None, tabs),
            *(b.width() for b in arrows if b.isVisible()))),
        "new session button": w.patients.new_session.sizeHint().height(),
        "layer button": w.chart.layer_group.buttons()[0].sizeHint().height(),
        "earlier sessions check box": w.history_bar.show_earlier.sizeHint().height(),
        "check box's box": QApplication.style().pixelMetric(
            QStyle.PixelMetric.PM_IndicatorHeight, None, w.history_bar.show_earlier),
        # the earlier sessions' "Last N" and the visits slider (14 x 8 px arrows, a 15 px
        # handle touch-sized, walk at 1366 x 768 of 7 December)
        "last N spin box's arrows": min(min(r.width(), r.height())
                                        for r in _arrows(w.history_bar.last_n)),
        "visits slider's handle": _handle(w.history_bar.slider).width(),
        "visits slider": w.history_bar.slider.sizeHint().height(),  # the handle's room across
    }


def test_the_view_menus_toggle_makes_rows_tabs_and_buttons_finger_sized_at_once(window, qtbot):
    w = window
    assert not w.menus.act_touch.isChecked()
    before = _sizes(w)
    assert before["patient row"] < 20 and before["session row"] < 20  # 14 px: 3.5 mm
    w.menus.act_touch.trigger()  # on, in the running window
    qtbot.wait(20)
    on = _sizes(w)
    small = {k: v for k, v in on.items() if v < (22 if k == "check box's box" else FINGER)}
    assert not small, small
    assert QSettings().value("window/touch_sized") in (True, "true")
    w.menus.act_touch.trigger()  # and off again
    qtbot.wait(20)
    assert _sizes(w) == before
    assert QSettings().value("window/touch_sized") in (False, "false")


def test_a_finger_steps_the_number_of_earlier_sessions_by_its_arrows(window, qtbot):
    """Touch-sized, "Last N"'s arrows side by side, a fingertip each: a press in either steps
    it, and the window is no wider; the visits row no taller for its slider."""
    w = window
    width = w.width()
    w.menus.act_touch.trigger()
    qtbot.wait(20)
    spin = w.history_bar.last_n
    up, down = _arrows(spin)
    assert not up.intersects(down) and up.left() > down.left()  # [ 3 ][ - ][ + ]
    start = spin.value()
    QTest.mouseClick(spin, Qt.MouseButton.LeftButton, pos=up.center())
    assert spin.value() == start + 1
    QTest.mouseClick(spin, Qt.MouseButton.LeftButton, pos=down.center())
    QTest.mouseClick(spin, Qt.MouseButton.LeftButton, pos=down.center())
    assert spin.value() == start - 1
    assert w.width() == width
    # the slider's handle a fingertip wide, the slider no taller than the row's buttons (its
    # ticks' room taken from the handle: 5 px more were 5 px off the chart at 1366 x 768)
    bar = w.history_bar
    assert bar.slider.height() <= bar.next.height(), (bar.slider.height(), bar.next.height())
    w.menus.act_touch.trigger()


def test_a_first_start_on_a_computer_with_a_touch_screen_is_touch_sized(make_window, session):
    QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)  # stays for the run
    QSettings().remove("window/touch_sized")  # never chosen on this computer
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    assert w.menus.act_touch.isChecked() and touch_size.is_on()
    assert _sizes(w)["patient row"] >= FINGER


def test_the_choice_made_wins_over_the_touch_screen(make_window, session):
    QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)
    QSettings().setValue("window/touch_sized", False)
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    assert not w.menus.act_touch.isChecked() and not touch_size.is_on()
    assert _sizes(w)["patient row"] < 20


@pytest.mark.parametrize("dpi, ratio, px", [(96, 1.0, 34), (85.0, 1.0, 32), (102, 1.0, 36),
                                             (184, 2.0, 33), (30, 1.0, 34), (1000, 1.0, 34)])
def test_a_fingertip_in_pixels_follows_the_screens_size(dpi, ratio, px):
    class Screen:
        def physicalDotsPerInch(self):  # noqa: N802 - Qt naming
            return dpi

        def devicePixelRatio(self):  # noqa: N802 - Qt naming
            return ratio

    assert touch_size.finger_px(Screen()) == px  # type: ignore[arg-type]
