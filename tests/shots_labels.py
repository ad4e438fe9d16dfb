"""The chart's muscle labels, as a clinician sees them, for looking at (not a test: pytest
collects only test_*.py): every body view and its layers and the spinal chart, View > Muscle labels
on, in the language LC_ALL asks for, in the real window at 1366 x 768 and at 1920 x 1080, fitted
and zoomed in one and two steps (View > Zoom in); and the whole sheet at each zoom, painted as
the window paints it, to see the names the window scrolls away. Run by tools/screenshots/labels
(Xvfb, xcb, LC_ALL, IMSMAP_SHOTS=the folder to write to)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication

from imsmap import i18n
from imsmap.services.context import open_context
from imsmap.services.demo import ACTOR, create_demo
from test_ui_support import close_windows, qt_settings  # noqa: F401 - qt_settings: a fixture

OUT = os.environ.get("IMSMAP_SHOTS")
pytestmark = pytest.mark.skipif(
    not OUT or os.environ.get("QT_QPA_PLATFORM") != "xcb",
    reason="screenshots: run tools/screenshots/labels (Xvfb, xcb, LC_ALL, IMSMAP_SHOTS)")
SIZES = ((1366, 768), (1920, 1080))
VIEWS = ("anterior", "posterior", "lateral_left", "lateral_right", "spinal")
PATIENT = "DEMO-0003"


@pytest.fixture(scope="module")
def spoken(qapp):
    language = i18n.system_language()
    i18n.install(qapp, language)
    yield language
    i18n.install(qapp, "en")


@pytest.fixture
def demo(tmp_path, monkeypatch, spoken):
    from imsmap import paths

    monkeypatch.setenv("IMSMAP_DATA_DIR", str(tmp_path / "imsmap"))
    path = paths.demo_db_path()
    paths.ensure_private_dir(path.parent)
    create_demo(path, language=spoken)
    context = open_context(path, actor=ACTOR)
    yield context
    context.close()


def _sheet(w, path: Path) -> None:
    """The whole sheet at the view's scale, as the window paints it (its background item)."""
    scene, view = w.chart.scene, w.chart.view
    k = view.transform().m11()
    rect = scene.sceneRect()
    image = QImage(int(rect.width() * k), int(rect.height() * k), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    assert image.save(str(path)), path


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_labels(qtbot, qt_settings, demo, spoken, size):  # noqa: F811
    from imsmap.ui.main_window import MainWindow

    w = MainWindow(demo, demo=True)
    w.resize(*size)
    w.move(0, 0)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.built)
    patient = next(p for p in demo.records.read.search_patients(PATIENT)
                   if p.chart_number == PATIENT)
    w.patients.select_patient(patient.id)
    if not w.menus.act_labels.isChecked():
        w.menus.act_labels.trigger()
    out = Path(OUT)
    for view_id in VIEWS:
        w.chart.set_view(view_id)
        for layer in w.chart.scene.chart.view.layer_ids:
            w.chart.set_layer(layer)
            w.chart.view.fit()
            for step in range(3):
                if step:
                    w.menus.act_zoom_in.trigger()
                qtbot.wait(300)
                QApplication.processEvents()
                name = f"{spoken}-{size[0]}-{view_id}-{layer}-z{step}"
                pixmap = QGuiApplication.primaryScreen().grabWindow(0, 0, 0, *size)
                assert pixmap.save(str(out / f"{name}-window.png"))
                if step != 1:
                    _sheet(w, out / f"{name}-sheet.png")
    close_windows(qtbot, [w])
