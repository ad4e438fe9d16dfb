"""The Progress tab's visit chooser and the keyboard (7 December 2026). In a window narrower than
1366 px the chooser goes above the tabs (ui.progress.visit_chooser); its first version showed
the visit list while the panel was being made, before the list had a parent: the list came up as
a window of its own, took the window's activation, and after a tap on the chart the keys went
nowhere (tests/test_ui_chooser_keys.py failed). A clinician types a muscle's name or taps,
chooses among the muscles under the finger, and the keys go on to the chart: at 960 x 540 too,
after the Progress tab has been shown there and its chooser moved above the tabs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.test_ui_chooser_keys import layered_point, sites
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_support import click_region, make_window, qt_settings, window  # noqa: F401

SMALL = (960, 540)


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def windows_shown() -> list:
    return [t for t in QApplication.topLevelWidgets() if t.isVisible()]


def test_the_chooser_makes_no_window_of_its_own(qtbot, window):
    w = window
    chooser = w.progress.chooser
    assert windows_shown() == [w] and QApplication.activeWindow() is w
    for child in (chooser, chooser.sessions, chooser.pick, chooser.last4):
        assert child.window() is w  # the window's from the start, in a wide window too
    w.menus.act_progress.trigger()
    qtbot.wait(20)
    assert not w.progress.narrow and not chooser.pick.isVisible()
    w.resize(*SMALL)
    qtbot.waitUntil(lambda: w.progress.narrow)
    assert windows_shown() == [w] and QApplication.activeWindow() is w


def test_at_960_px_the_keys_go_on_to_the_chart_after_the_muscle_chooser(
        language, qtbot, window):
    w = window
    w.resize(*SMALL)
    w.menus.act_progress.trigger()  # the visit chooser moves above the Progress tab's pages
    qtbot.waitUntil(lambda: w.progress.narrow and w.progress.chooser.pick.isVisible())
    qtbot.mouseClick(w.progress.chooser.pick, Qt.MouseButton.LeftButton)  # its list shown
    assert w.progress.sessions.isVisible()
    w.right_tabs.setCurrentIndex(0)  # back to the session's sites
    qtbot.wait(20)
    assert windows_shown() == [w] and QApplication.activeWindow() is w
    top = layered_point(w)
    click_region(qtbot, w, top)
    (site,) = sites(w)
    chooser, view = w.chart.chooser, w.chart.view
    assert chooser.isVisible() and len(chooser.buttons) >= 2
    assert view.hasFocus()  # the tap leaves the keys with the chart
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert chooser.buttons[0].hasFocus()
    qtbot.keyClick(chooser.buttons[0], Qt.Key.Key_Right)
    assert chooser.buttons[1].hasFocus()
    # Escape: the muscle first taken stays, the chart has the keys again
    qtbot.keyClick(chooser.buttons[1], Qt.Key.Key_Escape)
    assert not chooser.isVisible() and view.hasFocus()
    assert sites(w)[0].muscle_id == site.muscle_id == top.muscle
    # and a grade typed now is the site's
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert sites(w)[0].grasp == 2
