"""The chart under a finger: taps, drags and long presses as a touch screen sends them
(QTest touch events from a touch-screen device; Qt makes the mouse events the chart reads)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputDevice
from PySide6.QtTest import QTest

from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    pick_region,
    qt_settings,
    window,
)


@pytest.fixture(scope="module")
def finger():
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


def touch(finger, widget, pos: QPoint, *path: QPoint) -> None:
    """A finger down at `pos`, moved through `path`, lifted where it last was."""
    QTest.touchEvent(widget, finger).press(0, pos, widget).commit()
    for p in path:
        QTest.touchEvent(widget, finger).move(0, p, widget).commit()
    QTest.touchEvent(widget, finger).release(0, path[-1] if path else pos, widget).commit()


def _sites(records, session):
    return records.repo.sites_for_session(session.id)


def _one_site(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    (site,) = _sites(records, session)
    return site, window.chart.scene_to_viewport(site.x, site.y)


def test_a_finger_tap_on_a_muscle_records_a_site(qtbot, window, records, session, finger):
    region = pick_region(window)
    viewport = window.chart.view.viewport()
    touch(finger, viewport, window.chart.scene_to_viewport(*region.label))
    (site,) = _sites(records, session)
    assert (site.muscle_id, site.side.value) == (region.muscle, region.side)


def test_a_finger_that_rolls_a_little_in_a_tap_still_records_the_site(qtbot, window, records,
                                                                      session, finger):
    """A fingertip rolls a few pixels between touching and lifting: the tap was dropped,
    silently (neither a site nor "No muscle there."), past 4 pixels."""
    region = pick_region(window)
    viewport = window.chart.view.viewport()
    at = window.chart.scene_to_viewport(*region.label)
    touch(finger, viewport, at, at + QPoint(4, 3), at + QPoint(7, 6))
    (site,) = _sites(records, session)
    assert site.muscle_id == region.muscle


def test_a_finger_that_rolls_in_a_tap_on_a_marker_leaves_the_site_where_it_was(
        qtbot, window, records, session, finger):
    """A tap on a marker (to select it) moved the site by the finger's jitter, and the muscle
    follows where a site lands: a site near a border could change muscle or level unseen."""
    site, at = _one_site(qtbot, window, records, session)
    window.chart.scene.clearSelection()
    depth = window.undo_stack.count()
    touch(finger, window.chart.view.viewport(), at, at + QPoint(5, 4), at + QPoint(9, 7))
    (same,) = _sites(records, session)
    assert (same.x, same.y, same.muscle_id) == (site.x, site.y, site.muscle_id)
    assert window.undo_stack.count() == depth
    assert window.chart.scene.marker(site.id).isSelected()  # the tap selected it


def test_a_mouse_that_wobbles_in_a_click_on_a_marker_leaves_the_site_where_it_was(
        qtbot, window, records, session):
    site, at = _one_site(qtbot, window, records, session)
    viewport = window.chart.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at)
    QTest.mouseMove(viewport, at + QPoint(2, 2))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at + QPoint(2, 2))
    (same,) = _sites(records, session)
    assert (same.x, same.y) == (site.x, site.y)


def test_a_finger_drag_moves_the_site_with_the_finger_in_one_undo_step(qtbot, window, records,
                                                                       session, finger):
    site, at = _one_site(qtbot, window, records, session)
    depth = window.undo_stack.count()
    path = [at + QPoint(0, 4 * i) for i in range(1, 11)]  # 40 px down, past the tap's slop
    touch(finger, window.chart.view.viewport(), at, *path)
    (moved,) = _sites(records, session)
    end = window.chart.view.mapToScene(path[-1])
    assert abs(moved.y - end.y()) < 1.5 and abs(moved.x - site.x) < 1.5  # under the finger
    assert window.undo_stack.count() == depth + 1
