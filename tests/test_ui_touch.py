"""The chart under a finger: taps, drags and long presses as a touch screen sends them
(QTest touch events from a touch-screen device; Qt makes the mouse events the chart reads)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QInputDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from imsmap.ui.chart_view import LONG_PRESS_MS
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


def test_a_tap_the_window_was_too_busy_to_see_end_is_still_a_tap(qtbot, window, records, session,
                                                                finger):
    """The window busy when a finger taps (a loaded PC, a long paint), its release taken as
    soon as the window comes back to its events: the long press's time was up by then, and
    its timer, run first, opened the muscle chooser and no site was added (ui.touch.Hold)."""
    region = pick_region(window)
    viewport = window.chart.view.viewport()
    at = window.chart.scene_to_viewport(*region.label)
    QTest.touchEvent(viewport, finger).press(0, at, viewport).commit(False)
    time.sleep((LONG_PRESS_MS + 100) / 1000)  # the window busy with something else
    QApplication.processEvents()  # back to its events: the long press's time is up
    QTest.touchEvent(viewport, finger).release(0, at, viewport).commit()
    qtbot.wait(1)
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


def _near_the_border(window, inside: str, beyond: str, px: float) -> QPoint:
    """A viewport point inside region `inside`, `px` screen pixels short of where the line to
    region `beyond`'s label leaves it (and not inside `beyond`)."""
    chart, scene = window.chart, window.chart.scene
    a, b = chart.region(inside), chart.region(beyond)
    (ax, ay), (bx, by) = a.label, b.label
    last = None
    for i in range(201):
        t = i / 200
        x, y = ax + (bx - ax) * t, ay + (by - ay) * t
        if scene.region_at(x, y) is not a:
            break
        last = (x, y)
    assert last is not None
    edge = chart.scene_to_viewport(*last)
    towards = chart.scene_to_viewport(ax, ay) - chart.scene_to_viewport(bx, by)
    step = px / max(1.0, (towards.x() ** 2 + towards.y() ** 2) ** 0.5)
    at = edge + QPoint(round(towards.x() * step), round(towards.y() * step))
    assert scene.region_at(*scene_point(window, at)) is a
    return at


def scene_point(window, at: QPoint) -> tuple[float, float]:
    p = window.chart.view.mapToScene(at)
    return p.x(), p.y()


L4, L5 = "spinal.superficial.multifidus.L4.R", "spinal.superficial.multifidus.L5.R"


class _Paints(QObject):
    """Counts `widget`'s paints."""

    def __init__(self, widget):
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def spinal_shown(qtbot, window) -> None:
    """The spinal chart chosen and drawn, as a clinician sees it before touching it. Chosen
    just before the touch, its first paints (0.1-0.5 s, seconds at a load of 9) came between
    the finger's press and its release: past the long press's time, and the tap was taken for
    a long press, which opens the chooser and adds no site (failed under load, passed alone)."""
    window.chart.set_view("spinal")
    window.chart.set_layer("superficial")
    viewport = window.chart.view.viewport()
    paints = _Paints(viewport)
    viewport.update()
    qtbot.waitUntil(lambda: paints.count > 0)
    for _ in range(50):  # until a pass of the event loop paints nothing more
        before = paints.count
        qtbot.wait(20)
        if paints.count == before:
            break
    viewport.removeEventFilter(paints)


def test_a_finger_tap_beside_a_neighbouring_muscle_offers_it_for_the_new_site(
        qtbot, window, records, session, finger):
    """On the spine at its fitted size the levels are a few millimetres tall, less than a
    fingertip: a tap on multifidus L4 a few pixels above L5 took L4 and said nothing of L5.
    The strip that offers the muscles under the point now offers those within the finger's
    reach too, and one tap there re-assigns the site."""
    spinal_shown(qtbot, window)
    at = _near_the_border(window, L4, L5, px=6)
    touch(finger, window.chart.view.viewport(), at)
    (site,) = _sites(records, session)
    assert (site.muscle_id, site.level, site.side.value) == ("multifidus", "L4", "R")
    chooser = window.chart.chooser
    assert chooser.isVisible() and chooser.site_id == site.id
    assert any(t.startswith("Multifidus L5") for t in chooser.choice_texts())
    button = next(b for b in chooser.buttons if b.text().startswith("Multifidus L5"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    (site,) = _sites(records, session)
    # The tap lay in L4: the marker goes inside L5, where its record says it is, and moving it
    # a little later keeps it there (the muscle follows the point).
    view = window.atlas.view("spinal")
    here = [r for r in view.regions_at(site.x, site.y) if r.layer == site.layer]
    assert site.level == "L5" and here and here[0].level == "L5"
    assert (site.x, site.y) != pytest.approx(scene_point(window, at), abs=0.01)
    assert "placed inside the muscle" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    (site,) = _sites(records, session)
    assert site.level == "L4" and (site.x, site.y) == pytest.approx(scene_point(window, at), abs=0.01)


def test_a_mouse_click_beside_a_neighbouring_muscle_takes_the_muscle_under_the_pointer(
        qtbot, window, records, session):
    """A mouse points at a pixel: no neighbour offered (the strip would follow every click)."""
    spinal_shown(qtbot, window)
    at = _near_the_border(window, L4, L5, px=6)
    qtbot.mouseClick(window.chart.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    (site,) = _sites(records, session)
    assert site.level == "L4"
    assert not any(t.startswith("Multifidus L5") for t in window.chart.chooser.choice_texts()) \
        or not window.chart.chooser.isVisible()


def _pinch(finger, viewport, centre: QPoint, start: int, end: int, steps: int = 8,
           shift: QPoint | None = None, first_alone: bool = False, step_ms: int = 0) -> None:
    """Two fingers either side of `centre`, `start` px from it, spread (or closed) to `end`
    px while the pair moves by `shift`; `first_alone`: the first finger lands a moment before
    the second (as fingers do) and stays where it landed while the second one spreads;
    `step_ms` between moves (a real pinch takes about a second)."""
    shift = shift or QPoint(0, 0)

    def at(i: int) -> tuple[QPoint, QPoint]:
        d = start + (end - start) * i // steps
        move = QPoint(shift.x() * i // steps, shift.y() * i // steps)
        if first_alone:
            return centre - QPoint(start, 0), centre - QPoint(start, 0) + QPoint(start + d, 0)
        return centre + move - QPoint(d, 0), centre + move + QPoint(d, 0)

    a, b = at(0)
    if first_alone:
        QTest.touchEvent(viewport, finger).press(0, a, viewport).commit()
        QTest.touchEvent(viewport, finger).move(0, a, viewport).press(1, b, viewport).commit()
    else:
        QTest.touchEvent(viewport, finger).press(0, a, viewport).press(1, b, viewport).commit()
    for i in range(1, steps + 1):
        a, b = at(i)
        if step_ms:
            QTest.qWait(step_ms)
        QTest.touchEvent(viewport, finger).move(0, a, viewport).move(1, b, viewport).commit()
    QTest.touchEvent(viewport, finger).release(0, a, viewport).release(1, b, viewport).commit()


def test_two_fingers_spreading_zoom_in_about_the_point_between_them(qtbot, window, records,
                                                                    session, finger):
    """A touch screen has no wheel and no Ctrl++: spreading two fingers did nothing."""
    view = window.chart.view
    viewport = view.viewport()
    _pinch(finger, viewport, viewport.rect().center(), 30, 60)
    assert view.zoom() == pytest.approx(2.0, rel=0.05)
    qtbot.wait(20)  # the scroll bars the zoom brought have taken their room
    # zoomed in, the chart wider and taller than the view: the point between the fingers
    # stays between them
    centre = viewport.rect().center() + QPoint(30, -40)
    under = view.mapToScene(centre)
    _pinch(finger, viewport, centre, 40, 60)
    assert view.zoom() == pytest.approx(3.0, rel=0.05)
    back = view.mapFromScene(under)
    assert abs(back.x() - centre.x()) <= 3 and abs(back.y() - centre.y()) <= 3
    assert _sites(records, session) == []  # the fingers recorded nothing
    _pinch(finger, viewport, centre, 90, 30)  # closing them zooms out again
    assert view.zoom() == pytest.approx(1.0, rel=0.05)


def test_two_fingers_moving_together_pan_the_zoomed_chart(qtbot, window, records, session,
                                                          finger):
    view = window.chart.view
    viewport = view.viewport()
    view.zoom_by(3.0, anchor_under_mouse=False)
    qtbot.wait(20)  # the scroll bars the zoom brought have taken their room
    zoom = view.zoom()
    centre = viewport.rect().center()
    under = view.mapToScene(centre)
    _pinch(finger, viewport, centre, 40, 40, shift=QPoint(60, 45))
    moved = view.mapFromScene(under)
    assert abs(moved.x() - (centre.x() + 60)) <= 3 and abs(moved.y() - (centre.y() + 45)) <= 3
    assert view.zoom() == pytest.approx(zoom, rel=0.01)


def test_a_pinch_begun_on_a_muscle_or_a_marker_records_and_moves_nothing(qtbot, window,
                                                                          records, session,
                                                                          finger):
    """The first finger lands on a muscle (Qt has made its press) before the second: that
    press ends without adding a site, nor opens the muscle chooser as a long press (a pinch
    lasts longer than one); on a marker, the pinch does not drag it."""
    site, at = _one_site(qtbot, window, records, session)
    depth = window.undo_stack.count()
    viewport = window.chart.view.viewport()
    _pinch(finger, viewport, at + QPoint(40, 0), 40, 70, first_alone=True)  # 1st on the marker
    (same,) = _sites(records, session)
    assert (same.x, same.y) == (site.x, site.y) and window.undo_stack.count() == depth
    window.chart.view.fit()
    region = next(r for r in window.chart.scene.chart.regions()
                  if r.area > 2000 and r.muscle != site.muscle_id
                  and window.chart.scene.region_at(*r.label) is r)
    on_muscle = window.chart.scene_to_viewport(*region.label)
    window.chart.chooser.dismiss()  # (the strip the first site's tap may have offered)
    _pinch(finger, viewport, on_muscle + QPoint(50, 0), 50, 90, first_alone=True, step_ms=100)
    assert [s.id for s in _sites(records, session)] == [site.id]
    assert window.undo_stack.count() == depth
    assert not window.chart.hint.isVisible()  # and no "No muscle there."
    qtbot.wait(700)  # no long press opens the chooser afterwards
    assert not window.chart.chooser.isVisible()
    window.chart.view.fit()
    touch(finger, viewport, window.chart.scene_to_viewport(*region.label))  # a tap again
    assert [s.muscle_id for s in _sites(records, session)] == [site.muscle_id, region.muscle]


def beside_a_muscle(window, px: float):
    """A muscle of the chart shown and a viewport point `px` screen pixels outside it, where
    no muscle lies (bone, tendon, between the limbs), walking out from its label."""
    chart, scene = window.chart, window.chart.scene
    k = chart.view.transform().m11()
    for region in scene.chart.regions():
        x, y = region.label
        if not (region.contains(x, y) and scene.region_at(x, y) is region):
            continue
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            t = 0.0
            while scene.region_at(x + dx * t, y + dy * t) is region and t < 400:
                t += 0.5
            ex, ey = x + dx * t, y + dy * t
            if scene.region_at(ex, ey) is not None:
                continue  # another muscle beyond it
            at = chart.scene_to_viewport(ex + dx * px / k, ey + dy * px / k)
            tapped = scene_point(window, at)
            if scene.region_at(*tapped) is None and scene.region_at(
                    tapped[0] + dx * 8 / k, tapped[1] + dy * 8 / k) is None:
                return region, at
    raise AssertionError("no muscle with nothing just beside it")


def test_a_finger_tap_just_beside_a_muscle_offers_it_and_places_the_site_inside_it(
        qtbot, window, records, session, finger):
    """A fingertip landing on bone or tendon a few pixels from a thin muscle said "No muscle
    there.": it now offers the muscles within its reach; the one chosen takes the site at its
    nearest point inside it (the tap is outside it, where moving the site would be refused),
    and the status bar says so. A mouse click there is what it was."""
    chart = window.chart
    region, at = beside_a_muscle(window, px=4)
    qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert _sites(records, session) == []
    assert chart.hint.text() == "No muscle there." and not chart.chooser.isVisible()

    touch(finger, chart.view.viewport(), at)
    assert _sites(records, session) == []  # nothing recorded until a muscle is chosen
    chooser = chart.chooser
    assert chooser.isVisible() and chooser.site_id is None
    assert chart.hint.text() != "No muscle there."
    key = (region.muscle, region.side, region.level)
    offered = [(r.muscle, r.side, r.level) for r in chooser.regions]
    assert key in offered
    qtbot.mouseClick(chooser.buttons[offered.index(key)], Qt.MouseButton.LeftButton)
    (site,) = _sites(records, session)
    assert (site.muscle_id, site.side.value, site.level) == key
    tapped = scene_point(window, at)
    assert region.contains(site.x, site.y) and (site.x, site.y) != pytest.approx(tapped)
    # nearest: within the finger's reach of the tap, not the muscle's label far off
    reach = 17.0 / chart.view.transform().m11()
    assert ((site.x - tapped[0]) ** 2 + (site.y - tapped[1]) ** 2) ** 0.5 <= reach
    assert "point nearest the finger" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 1
    moved = records.move_site(site.id, site.x, site.y)  # the record takes its own point again
    assert (moved.muscle_id, moved.side.value, moved.level) == key
