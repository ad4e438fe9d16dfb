"""The French screenshots of docs/translating.md (docs/screenshots/fr_*.png), made again: a demo
clinic made afresh in French, the real window under Xvfb at 1366 x 768 speaking the language
LC_ALL asks for (fr_CA.UTF-8), and the session and progress PDFs written by `imsmap pdf` and
rendered by pdftoppm. Not a test: pytest collects only test_*.py, so the suite never runs this;
tools/screenshots/french makes them (it starts Xvfb, runs this file with QT_QPA_PLATFORM=xcb,
LC_ALL=fr_CA.UTF-8 and IMSMAP_SHOTS=the folder to write to, and stops Xvfb).

Every function (named test_ only so that pytest runs it, with the suite's fixtures: its own
data folder and Qt settings, touch-sized controls off, Qt's strict warnings) makes one or a few
images. The settings are this run's own (the qt_settings fixture): a touch-sized setting left
in ~/.config/imsmap by someone else never reaches them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from imsmap import i18n
from imsmap.services.context import open_context
from imsmap.services.demo import ACTOR, create_demo
from test_ui_support import close_windows, qt_settings  # noqa: F401 - qt_settings: a fixture

OUT = os.environ.get("IMSMAP_SHOTS")
pytestmark = pytest.mark.skipif(
    not OUT or os.environ.get("QT_QPA_PLATFORM") != "xcb",
    reason="screenshots: run tools/screenshots/french (Xvfb, xcb, LC_ALL, IMSMAP_SHOTS)")
ANCHOR = date(2026, 11, 23)  # the Monday of the demo's latest week: the same dates every time
# (those of the images taken by hand on 3 December, and of tools/screenshots/overlay's)
SIZE = (1366, 768)
PATIENT = "DEMO-0003"  # Fernández García: six weekly visits, all signed (shoulder, neck)
DRAFTING = "DEMO-0001"  # Okafor: ten weekly visits, the last a draft (signed in fr_sign)
PICKED = 3  # her first three visits, under the latest one
PDF_SESSION = 3  # the demo's session 3 (Haddad, DEMO-0006: her first visit) and her progress


@pytest.fixture(scope="module")
def french(qapp):
    """The application in the language the system asks for (LC_ALL=fr_CA.UTF-8: French), as
    imsmap.ui.app.make_application installs it; English again after (the suite's)."""
    language = i18n.system_language()
    assert language == "fr_CA", f"LC_ALL={os.environ.get('LC_ALL')!r} is not French"
    i18n.install(qapp, language)
    yield language
    i18n.install(qapp, "en")


@pytest.fixture
def demo(tmp_path, monkeypatch, french):
    """A demo clinic made afresh, in French, where `imsmap --demo` keeps it (the data folder's
    demo/), in a data folder of this run's own (IMSMAP_SHOTS_DATA: the same name every run,
    as the first-run set-up shows it), opened as its practitioner's login, "demo"."""
    from imsmap import paths

    data = Path(os.environ.get("IMSMAP_SHOTS_DATA") or tmp_path / "imsmap")
    if data.exists():
        shutil.rmtree(data)
    monkeypatch.setenv("IMSMAP_DATA_DIR", str(data))
    path = paths.demo_db_path()
    paths.ensure_private_dir(path.parent)
    create_demo(path, anchor=ANCHOR, language=french)
    context = open_context(path, actor=ACTOR)
    yield context
    context.close()


def open_window(qtbot, context, chart: str = PATIENT):
    """The window at 1366 x 768 (as the demo opens: demo=True) with a patient open."""
    from imsmap.ui.main_window import MainWindow

    w = MainWindow(context, demo=True)
    w.resize(*SIZE)
    w.move(0, 0)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.built)
    patient = next(p for p in context.records.read.search_patients(chart)
                   if p.chart_number == chart)
    w.patients.select_patient(patient.id)
    return w, patient


def sessions_of(context, patient) -> list:
    return sorted(context.records.read.sessions_for_patient(patient.id),
                  key=lambda s: s.started_at)


def open_visit(qtbot, w, context, patient) -> None:
    """The patient's latest visit (signed) with her first three under it on the chart (Earlier
    sessions > Picked): strong and moderate grasps then, on muscles no longer needled, so the
    earlier markers stand alone with their grade as pips."""
    sessions = sessions_of(context, patient)
    w.patients.select_session(sessions[-1].id)
    w.history_bar.show_earlier.setChecked(True)
    w.history_bar.pick_sessions(s.id for s in sessions[:PICKED])
    qtbot.wait(300)


def select_site(qtbot, w, context, muscle: str) -> int:
    """The session's site on `muscle` selected (the chart shows its view); its id."""
    site = next(s for s in context.records.session_record(w.session_id).sites
                if s.muscle_id == muscle)
    w.chart.select_site(site.id)
    qtbot.wait(200)
    return site.id


def zoom_on(w, site_id: int, zoom: float = 2.0) -> None:
    """The chart zoomed in about a site: the earlier visits' markers around it, their pips
    readable."""
    w.chart.view.fit()
    w.chart.view.zoom_by(zoom, anchor_under_mouse=False)
    w.chart.view.centerOn(w.chart.scene.marker(site_id))


def save_screen(qtbot, name: str, size: tuple[int, int] = SIZE) -> None:
    qtbot.wait(600)  # the deferred panels, the heat map, a repaint
    QApplication.processEvents()
    pixmap = QGuiApplication.primaryScreen().grabWindow(0, 0, 0, *size)
    path = Path(OUT) / f"{name}.png"
    assert pixmap.save(str(path)), path


def save_widget(qtbot, widget: QWidget, name: str) -> None:
    qtbot.wait(400)
    QApplication.processEvents()
    path = Path(OUT) / f"{name}.png"
    assert widget.grab().save(str(path)), path


def test_main_and_tabs(qtbot, qt_settings, demo):  # noqa: F811
    """fr_main (a signed visit, a site selected, the earlier visits' markers with their pips),
    fr_consent, fr_progress, fr_spinal, fr_hand."""
    w, patient = open_window(qtbot, demo)
    # Her first visit's consent and safety: its examination findings (the later visits' are
    # empty). First, while the status bar says nothing yet of a site selected on another visit.
    first = sessions_of(demo, patient)[0]
    w.patients.select_session(first.id)
    w.right_tabs.setCurrentIndex(1)
    save_screen(qtbot, "fr_consent")
    w.right_tabs.setCurrentIndex(0)

    open_visit(qtbot, w, demo, patient)
    site_id = select_site(qtbot, w, demo, "infraspinatus")
    zoom_on(w, site_id)
    save_screen(qtbot, "fr_main")

    # the whole chart (as fitted when first shown): the spinal chart's key beside it
    for view, name in (("spinal", "fr_spinal"), ("hand_palmar", "fr_hand")):
        w.chart.set_view(view)
        w.chart.view.fit()
        save_screen(qtbot, name)

    w.chart.set_view("posterior")
    zoom_on(w, site_id)
    w.show_progress()
    qtbot.wait(300)
    save_screen(qtbot, "fr_progress")
    close_windows(qtbot, [w])


def test_menu(qtbot, qt_settings, demo):  # noqa: F811
    """fr_menu: the File menu open over the window."""
    w, patient = open_window(qtbot, demo)
    open_visit(qtbot, w, demo, patient)
    menu = w.menuBar().actions()[0].menu()
    w.menuBar().setActiveAction(w.menuBar().actions()[0])
    qtbot.waitUntil(menu.isVisible)
    save_screen(qtbot, "fr_menu")
    menu.close()
    close_windows(qtbot, [w])


def test_labels(qtbot, qt_settings, demo):  # noqa: F811
    """fr_labels: View > Muscle labels on, zoomed in on the anterior chart."""
    w, patient = open_window(qtbot, demo)
    open_visit(qtbot, w, demo, patient)
    w.chart.set_view("anterior")
    if not w.menus.act_labels.isChecked():
        w.menus.act_labels.trigger()
    w.chart.view.zoom_by(2.2, anchor_under_mouse=False)
    save_screen(qtbot, "fr_labels")
    close_windows(qtbot, [w])


def test_dialogs(qtbot, qt_settings, demo):  # noqa: F811
    """fr_settings (the clinic settings, its languages), fr_setup (the first-run set-up's first
    page), fr_sign (signing Okafor's draft): each dialog alone, as it draws itself."""
    from imsmap.ui.first_run import ClinicSetupWizard
    from imsmap.ui.record.settings_dialog import SettingsDialog
    from imsmap.ui.record.sign_amend import SignDialog

    w, patient = open_window(qtbot, demo, DRAFTING)
    draft = sessions_of(demo, patient)[-1]
    assert draft.signed_at is None, "the demo's last visit of DEMO-0001 is a draft"
    w.patients.select_session(draft.id)

    for name, dialog in (("fr_settings", SettingsDialog(demo.records, w)),
                         ("fr_setup", ClinicSetupWizard(demo.records, first=True, parent=w)),
                         ("fr_sign", SignDialog(demo.records, draft.id, w))):
        dialog.show()
        qtbot.waitExposed(dialog)
        save_widget(qtbot, dialog, name)
        dialog.reject()
        dialog.deleteLater()
    close_windows(qtbot, [w])


def page_with(pdf: Path, words: str) -> int:
    """The number of the first page of `pdf` that has `words` (pdftotext)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")
    return next(i + 1 for i, page in enumerate(pages) if words in page)


def test_pdfs(tmp_path, demo):
    """fr_session_pdf (page 1), fr_session_pdf_tables (the page with the segmental summary) and
    fr_progress_pdf (page 1):
    `imsmap pdf` in French (the system's language: the demo leaves the clinic's unset), pages
    rendered with pdftoppm -r 90."""
    db = demo.read.path
    session = demo.records.read.session(PDF_SESSION)
    env = dict(os.environ, LC_ALL="fr_CA.UTF-8", QT_QPA_PLATFORM="offscreen")
    imsmap = [sys.executable, "-m", "imsmap"]
    session_pdf, progress_pdf = tmp_path / "session.pdf", tmp_path / "progress.pdf"
    subprocess.run(imsmap + ["pdf", "--db", str(db), "--session", str(PDF_SESSION),
                             "--out", str(session_pdf)], check=True, env=env)
    subprocess.run(imsmap + ["pdf", "--db", str(db), "--patient", str(session.patient_id),
                             "--progress", "--out", str(progress_pdf)], check=True, env=env)
    for pdf, page, name in ((session_pdf, 1, "fr_session_pdf"),
                            (session_pdf, page_with(session_pdf, "Sommaire segmentaire"),
                             "fr_session_pdf_tables"),
                            (progress_pdf, 1, "fr_progress_pdf")):
        stem = tmp_path / name
        subprocess.run(["pdftoppm", "-r", "90", "-png", "-singlefile", "-f", str(page),
                        "-l", str(page), str(pdf), str(stem)], check=True)
        (Path(OUT) / f"{name}.png").write_bytes(stem.with_suffix(".png").read_bytes())
