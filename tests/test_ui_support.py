"""Fixtures and helpers shared by the window tests (imported by the other test_ui_* modules).

Every window gets the conftest's temporary database and its own Qt settings folder, and is closed
before the database is.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt

from imsmap.atlas import Region


@pytest.fixture
def qt_settings(tmp_path, qapp):
    """QSettings in this test's folder (Qt caches the config path, so XDG alone is not enough)."""
    QCoreApplication.setOrganizationName("imsmap")
    QCoreApplication.setApplicationName("imsmap")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))
    yield
    QSettings().sync()


@pytest.fixture
def make_window(context, qtbot, qt_settings):
    from imsmap.ui.main_window import MainWindow

    made = []

    def make(**kwargs):
        w = MainWindow(context, **kwargs)
        made.append(w)
        w.show()
        qtbot.waitExposed(w)
        # As a user gets it: the window completes itself just after its first paint.
        qtbot.waitUntil(lambda: w.built)
        qtbot.wait(1)
        return w

    yield make
    for w in made:
        w.close()
        w.deleteLater()
    qtbot.wait(1)


@pytest.fixture
def window(make_window, session):
    """The main window with the fixture patient and session open."""
    w = make_window()
    w.patients.select_patient(session.patient_id)
    w.patients.select_session(session.id)
    assert w.session_id == session.id
    return w


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
