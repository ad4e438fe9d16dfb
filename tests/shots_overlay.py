"""The user guide's screenshots of earlier visits on the chart (docs/screenshot-overlay.png, the
overlay replayed to visit 5 with the heat map; docs/screenshot-progress.png, the Progress tab
with the last eight visits and a muscle lit), made again from a fresh demo clinic in a real
window. Not a test: pytest collects only test_*.py, so the suite never runs this;
tools/screenshots/overlay makes them (it starts Xvfb, runs this file with
QT_QPA_PLATFORM=xcb and IMSMAP_SHOTS=the folder to write to, and stops Xvfb)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from imsmap.domain.progress import Target
from imsmap.services.context import open_context
from imsmap.services.demo import create_demo
from test_ui_support import close_windows, qt_settings  # noqa: F401 - qt_settings: a fixture

OUT = os.environ.get("IMSMAP_SHOTS")
pytestmark = pytest.mark.skipif(
    not OUT or os.environ.get("QT_QPA_PLATFORM") != "xcb",
    reason="screenshots: run tools/screenshots/overlay (Xvfb, xcb, IMSMAP_SHOTS)")
ANCHOR = date(2026, 11, 23)  # the Monday of the demo's latest week: the same dates every time
SIZE = (1440, 900)
PATIENT = "DEMO-0001"  # ten weekly visits, the last a draft


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.sqlite3"
    create_demo(path, anchor=ANCHOR, language="en")
    context = open_context(path)
    yield context
    context.close()


def open_window(qtbot, context):
    """The window at the guide's size with the demo's first patient open."""
    from imsmap.ui.main_window import MainWindow

    w = MainWindow(context)
    w.resize(*SIZE)
    w.move(0, 0)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.built)
    patient = next(p for p in context.records.read.search_patients(PATIENT)
                   if p.chart_number == PATIENT)
    w.patients.select_patient(patient.id)
    return w, patient


def save(qtbot, w, name: str) -> None:
    qtbot.wait(600)  # the deferred panels, the heat map, a repaint
    pixmap = QGuiApplication.primaryScreen().grabWindow(0, 0, 0, *SIZE)
    path = Path(OUT) / name
    assert pixmap.save(str(path)), path


def test_overlay(qtbot, qt_settings, demo):  # noqa: F811
    w, patient = open_window(qtbot, demo)
    sessions = demo.records.read.sessions_for_patient(patient.id)
    w.patients.select_session(sorted(sessions, key=lambda s: s.started_at)[4].id)  # visit 5
    w.chart.set_view("posterior")
    w.history_bar.last_n.setValue(3)
    if not w.history_bar.heat.isChecked():
        w.menus.act_heat.trigger()
    save(qtbot, w, "screenshot-overlay.png")
    close_windows(qtbot, [w])


def test_progress(qtbot, qt_settings, demo):  # noqa: F811
    w, patient = open_window(qtbot, demo)
    sessions = demo.records.read.sessions_for_patient(patient.id)
    w.patients.select_session(max(sessions, key=lambda s: s.started_at).id)  # today's draft
    w.history_bar.last_n.setValue(3)
    w.chart.set_view("spinal")
    w.show_progress()
    qtbot.wait(300)
    w.progress.choose_last(8)
    w.progress.matrix.choose(Target("multifidus", "R", "L5"))
    save(qtbot, w, "screenshot-progress.png")
    close_windows(qtbot, [w])
