"""Fixtures and helpers shared by the window tests (imported by the other test_ui_* modules).

Every window gets the conftest's temporary database and its own Qt settings folder, and is closed
before the database is.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from imsmap.atlas import Region


@pytest.fixture
def qt_settings(tmp_path, qapp):
    """QSettings in this test's folder (Qt caches the config path, so XDG alone is not enough)."""
    QCoreApplication.setOrganizationName("imsmap")
    QCoreApplication.setApplicationName("imsmap")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))
    # A touch screen made by a test (QTest.createTouchDevice) stays for the rest of the run and
    # would make every later window touch-sized (ui.touch_size): the tests choose, off unless
    # they turn it on.
    QSettings().setValue("window/touch_sized", False)
    yield
    QSettings().sync()
    # the application's style is the process's: a test's touch-sized window leaves none after it
    from imsmap.ui import touch_size
    touch_size.apply(False)


@pytest.fixture(params=[False, True], ids=["mouse-sized", "touch-sized"])
def touch_sized(request, qt_settings):
    """The test twice: with the controls as a mouse has them and touch-sized (ui.touch_size)."""
    QSettings().setValue("window/touch_sized", request.param)
    return request.param


def show_window(qtbot, context, *, patient_id: int | None = None,
                session_id: int | None = None, **kwargs):
    """A MainWindow on `context`, shown and whole as a user gets it (it completes itself just
    after its first paint), with the patient and then the session open when they are given."""
    from imsmap.ui.main_window import MainWindow

    w = MainWindow(context, **kwargs)
    # The tests' offscreen screen is 800 x 800, where a first start now opens the window at
    # the screen's size (window_layout.first_size): the tests work in the window a 1440 x 900
    # screen gets, as they always have.
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.built)
    qtbot.wait(1)
    if patient_id is not None:
        w.patients.select_patient(patient_id)
    if session_id is not None:
        w.patients.select_session(session_id)
        assert w.session_id == session_id
    return w


def close_windows(qtbot, windows) -> None:
    """Close the windows (before their databases are) and let Qt delete them."""
    for w in windows:
        w.close()
        w.deleteLater()
    qtbot.wait(1)


def answer_boxes(buttons: list[str], seen: list[str], *, others_pass: bool = False,
                 titles: list[str] | None = None) -> QTimer:
    """Click through the message boxes as they come up, the next of `buttons` (a part of a
    button's text) in each; a box without that button fails the test, or with `others_pass`
    is left to another of these (two at once: one for the boxes of a window's dialog, one
    for a box that comes after the window). What each box answered said (its text,
    informative and detailed text) goes to `seen`, and its window title to `titles` if given.
    Stop the returned timer when done."""
    timer = QTimer()
    timer.setInterval(20)

    def poll():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not buttons:
            return
        want = buttons[0]
        match = [b for b in box.buttons() if want.lower() in b.text().lower()]
        if not match and others_pass:
            return
        seen.append(" ".join((box.text(), box.informativeText(), box.detailedText())))
        if titles is not None:
            titles.append(box.windowTitle())
        buttons.pop(0)
        assert match, (want, [b.text() for b in box.buttons()])
        match[0].click()

    timer.timeout.connect(poll)
    timer.start()
    return timer


@pytest.fixture
def make_window(context, qtbot, qt_settings):
    made = []

    def make(**kwargs):
        w = show_window(qtbot, context, **kwargs)
        made.append(w)
        return w

    yield make
    close_windows(qtbot, made)


def open_visit(qtbot, make_window, visit, size: tuple[int, int]):
    """A window (`make_window`'s) of `size` with `visit` (a session) open, chosen in the
    patient list once the window has that size, as a clinician opens it."""
    w = make_window()
    w.resize(*size)
    w.patients.select_patient(visit.patient_id)
    w.patients.select_session(visit.id)
    qtbot.wait(20)
    return w


@pytest.fixture
def window(make_window, session):
    """The main window with the fixture patient and session open."""
    return make_window(patient_id=session.patient_id, session_id=session.id)


def pick_region(w, layer: str | None = None) -> Region:
    """A region of the current chart whose label point really hits it (topmost there)."""
    if layer is not None:
        w.chart.set_layer(layer)
    scene = w.chart.scene
    for region in scene.chart.regions():
        x, y = region.label
        if region.contains(x, y) and scene.region_at(x, y) is region and region.area > 2000:
            return region
    raise AssertionError("no clickable region on the first chart")


def viewport_point(w, x: float, y: float) -> QPoint:
    return w.chart.view.mapFromScene(x, y)


def click_chart(qtbot, w, x: float, y: float) -> None:
    qtbot.mouseClick(w.chart.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, viewport_point(w, x, y))


def click_region(qtbot, w, region: Region) -> None:
    click_chart(qtbot, w, *region.label)


def sites_of(records, session):
    """The session's sites as the store holds them."""
    return records.repo.sites_for_session(session.id)


def spread_regions(w, n: int, min_px: float = 34.0):
    """Up to n clickable regions of the current chart whose label points lie apart on screen."""
    scene = w.chart.scene
    chosen, points = [], []
    if n <= 0:
        return chosen
    for region in scene.chart.regions():
        x, y = region.label
        if not region.contains(x, y) or scene.region_at(x, y) is not region:
            continue
        p = w.chart.scene_to_viewport(x, y)
        if not w.chart.view.viewport().rect().adjusted(20, 20, -20, -20).contains(p):
            continue
        if all((p - q).manhattanLength() > min_px for q in points):
            chosen.append(region)
            points.append(p)
        if len(chosen) == n:
            break
    return chosen


def layered_point(w, view_id: str = "posterior"):
    """A superficial region's label point with a deep muscle under it."""
    w.chart.set_view(view_id)
    w.chart.set_layer("superficial")
    scene = w.chart.scene
    view = w.records.atlas.view(view_id)
    for region in scene.chart.regions():
        x, y = region.label
        if scene.region_at(x, y) is not region or region.area < 2000:
            continue
        deep = [r for r in view.regions_at(x, y) if r.layer == "deep"]
        if deep:
            return region, deep[0]
    raise AssertionError("no superficial muscle with a deep one under it")


def sign_through_dialog(qtbot, window, meanwhile=lambda: None) -> str:
    """Sign the window's session through Session > Sign and its dialog (ticking 'with these
    items open'), `meanwhile` done while the dialog is up; the notes the window showed behind
    the dialog."""
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        seen.append(window.session_panel.notes.toPlainText())
        meanwhile()
        dialog.confirm.setChecked(True)
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    window.menus.act_sign.trigger()
    return seen[0]
