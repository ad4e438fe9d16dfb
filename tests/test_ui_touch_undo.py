"""Editing by finger alone: the Undo button beside the grade buttons (its step in its tooltip,
off when there is nothing to undo), and Remove site in the Edit menu, a fingertip tall with
touch-sized controls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QInputDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from test_ui_support import click_region, make_window, pick_region, qt_settings, window  # noqa: F401
from test_ui_touch_tips import on_screen


@pytest.fixture(scope="module")
def finger():
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


def tap(qtbot, finger, widget, pos: QPoint | None = None) -> None:
    pos = widget.rect().center() if pos is None else pos
    on_screen(widget, pos)
    QTest.touchEvent(widget, finger).press(0, pos, widget).commit()
    QTest.touchEvent(widget, finger).release(0, pos, widget).commit()
    qtbot.wait(10)


def test_the_undo_button_beside_the_grades_undoes_by_finger(qtbot, window, records, session,
                                                            finger):
    w = window
    inspector = w.site_table.inspector
    undo = inspector.undo
    assert not undo.isEnabled() and undo.toolTip() == "Nothing to undo"
    click_region(qtbot, w, pick_region(w))
    (site,) = records.repo.sites_for_session(session.id)
    assert undo.isEnabled()
    tap(qtbot, finger, inspector.grasp_buttons[2])
    assert records.repo.site(site.id).grasp == 2
    assert undo.toolTip() == f"Undo: grasp of site {site.seq} (Ctrl+Z)"
    # beside the grades: at the end of the row over them
    assert abs(undo.mapTo(inspector, QPoint()).y()
               - inspector.grasp_buttons[2].mapTo(inspector, QPoint()).y()) < 60
    tap(qtbot, finger, undo)
    assert records.repo.site(site.id).grasp is None
    assert undo.toolTip().startswith("Undo: ") and undo.isEnabled()  # adding the site
    tap(qtbot, finger, undo)
    assert records.repo.sites_for_session(session.id) == []
    assert not undo.isEnabled() and undo.toolTip() == "Nothing to undo"


def test_remove_site_is_a_fingertip_tall_in_the_edit_menu_and_a_finger_removes(
        qtbot, make_window, records, session, finger):
    QSettings().setValue("window/touch_sized", True)
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    click_region(qtbot, w, pick_region(w))
    (site,) = records.repo.sites_for_session(session.id)
    menu = w.menus.menu("&Edit")
    menu.popup(QApplication.primaryScreen().geometry().topLeft() + QPoint(50, 50))
    qtbot.waitExposed(menu)
    rect = menu.actionGeometry(w.menus.act_remove)
    assert rect.height() >= 32, rect
    tap(qtbot, finger, menu, rect.center())
    qtbot.waitUntil(lambda: records.repo.sites_for_session(session.id) == [])
    assert not menu.isVisible()
