"""The screenshots of the lock and the privacy screen (docs/user-guide.md, docs/screenshots/
locks_*.png), in the language LC_ALL asks for (English or French), of the real windows under
Xvfb: the practitioner's window locked over a message box, Lock now without a PIN over a
patient's details, the reception desk (on a real PostgreSQL server, tests/pg_support.py)
locked and behind the privacy screen. Not a test: pytest collects only test_*.py, so the suite
never runs this; tools/screenshots/locks makes them (Xvfb, QT_QPA_PLATFORM=xcb, LC_ALL,
IMSMAP_SHOTS=the folder to write to), once in each language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from test_server_window_roles import open_window, people  # noqa: F401 - fixtures

from imsmap import i18n
from imsmap.services import lock
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

OUT = os.environ.get("IMSMAP_SHOTS")
pytestmark = pytest.mark.skipif(
    not OUT or os.environ.get("QT_QPA_PLATFORM") != "xcb",
    reason="screenshots: run tools/screenshots/locks (Xvfb, xcb, LC_ALL, IMSMAP_SHOTS)")
SIZE = (1100, 700)


@pytest.fixture(autouse=True)
def language(qapp):
    """The application in the language LC_ALL asks for, as imsmap.ui.app installs it."""
    chosen = i18n.system_language()
    i18n.install(qapp, chosen)
    yield "fr" if chosen == "fr_CA" else "en"
    i18n.install(qapp, "en")


def save(qtbot, name: str, widget: QWidget | None = None) -> None:
    qtbot.wait(500)
    QApplication.processEvents()
    pixmap = widget.grab() if widget is not None else \
        QGuiApplication.primaryScreen().grabWindow(0, 0, 0, *SIZE)
    path = Path(OUT) / f"{name}.png"
    assert pixmap.save(str(path)), path


def placed(qtbot, w) -> None:
    w.resize(*SIZE)
    w.move(0, 0)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()


def in_modal(qtbot, start, scenario, under: QWidget | None = None) -> None:
    """`scenario(dialog)` inside the modal dialog `start` opens (a new one over `under`),
    which is closed after it."""
    def run() -> None:
        top = QApplication.activeModalWidget()
        if top is None or top is under:
            QTimer.singleShot(20, run)
            return
        try:
            qtbot.waitExposed(top)
            top.activateWindow()
            scenario(top)
        finally:
            top.close()
    QTimer.singleShot(0, run)
    start()


def test_window_locked_over_a_message_box(qtbot, records, session, make_window, language):
    """The PIN panel over the typed guard's question (« Discard what you typed? »), over a
    patient's details."""
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    placed(qtbot, w)
    lock.save(records, pin="2468", idle_minutes=0)
    w.screen_lock.apply_settings()

    def details(dialog) -> None:
        dialog.notes.setPlainText("Seen by Dr Tremblay")

        def question(box) -> None:
            w.menus.act_lock.trigger()  # Ctrl+Shift+K (keys reach no window without a
            # window manager to give it the focus)
            save(qtbot, f"locks_{language}_window_box")
            save(qtbot, f"locks_{language}_box", box)
            w.screen_lock.unlock()
        in_modal(qtbot, dialog.guard.may_discard, question, under=dialog)
    in_modal(qtbot, w.menus.act_edit_patient.trigger, details)


def test_window_lock_now_without_a_pin(qtbot, records, session, make_window, language):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    placed(qtbot, w)

    def details(dialog) -> None:
        w.menus.act_lock.trigger()
        save(qtbot, f"locks_{language}_window_no_pin")
        w.set_names_hidden(False)
    in_modal(qtbot, w.menus.act_edit_patient.trigger, details)


def test_desk(qtbot, people, open_window, language):  # noqa: F811 - fixtures
    w = open_window(people["reception"])
    w.resize(*SIZE)
    w.move(0, 0)
    w.patients.patients.setCurrentRow(0)
    save(qtbot, f"locks_{language}_desk")
    w.act_lock.trigger()  # no PIN: the privacy screen
    save(qtbot, f"locks_{language}_desk_no_pin")
    w.set_names_hidden(False)
    lock.save(w.records, pin="2468", idle_minutes=0)
    w.screen_lock.apply_settings()
    w.act_lock.trigger()
    save(qtbot, f"locks_{language}_desk_locked")
    w.screen_lock.unlock()


def test_a_short_box_locked(qtbot, records, session, make_window, language):
    """A message box narrower than the PIN panel, made as large as it while locked."""
    from PySide6.QtWidgets import QMessageBox

    w = make_window(patient_id=session.patient_id, session_id=session.id)
    placed(qtbot, w)
    lock.save(records, pin="2468", idle_minutes=0)
    w.screen_lock.apply_settings()
    text = "Enregistré." if language == "fr" else "Saved."

    def locked(box) -> None:
        save(qtbot, f"locks_{language}_short_box_open", box)
        w.menus.act_lock.trigger()
        save(qtbot, f"locks_{language}_short_box", box)
        w.screen_lock.unlock()
    in_modal(qtbot, lambda: QMessageBox(QMessageBox.Icon.NoIcon, "imsmap", text,
                                        QMessageBox.StandardButton.Ok, w).exec(), locked)
