"""The window as each role opens it on a real clinic server (`imsmap --dsn`, ui.app.window_for):
reception gets patients' demographics and nothing clinical, the administrator the clinic's
settings and practitioners, a practitioner the chart with the clinic's settings left to the
administrators; each says why in one sentence, and nothing raises (pytest-qt fails a test on an
exception in a slot)."""

from __future__ import annotations

import itertools
from datetime import datetime

import psycopg
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from imsmap.services import clinic
from imsmap.services.context import open_server_context
from imsmap.store.postgres import users
from imsmap.store.postgres.connection import connect
from imsmap.ui.app import window_for
from imsmap.ui.desk_window import DeskWindow
from imsmap.ui.main_window import MainWindow
from imsmap.ui.privacy_cover import Cover
from test_ui_support import qt_settings  # noqa: F401 - a fixture

PASSWORD = "window-role-secret"
_people = itertools.count(1)


@pytest.fixture
def people(pg_server, clinic_dsn):
    """role -> DSN of a person in that group, in a new clinic with one patient who has a
    signed session and a clinical note."""
    dbname = psycopg.conninfo.conninfo_to_dict(clinic_dsn)["dbname"]
    out = {}
    for role in ("practitioner", "reception", "admin"):
        name = f"{role[:5]}.w{next(_people)}.{dbname[-6:].strip('_')}"
        users.add_user(clinic_dsn, name, role, PASSWORD)
        out[role] = pg_server.dsn(dbname, user=name, password=PASSWORD)
    context = open_server_context(out["practitioner"])
    try:
        r = context.records
        p = r.create_patient(chart_number="A-1", family_name="Martin", given_name="Claire",
                             birth_date="1961-05-02", sex="F", notes="diabetic; left shoulder")
        s = r.start_session(p.id, started_at=datetime(2026, 11, 20, 10, 0), complaint="neck")
        r.sign_session(s.id)
    finally:
        context.close()
    return out


@pytest.fixture
def open_window(qtbot, qt_settings):  # noqa: F811 - the fixture imported above
    opened = []

    def open_as(dsn: str):
        context = open_server_context(dsn)
        window = window_for(context)
        opened.append((window, context))
        window.show()
        qtbot.waitExposed(window)
        if isinstance(window, MainWindow):
            qtbot.waitUntil(lambda: window.built)
        return window

    yield open_as
    for window, context in opened:
        window.close()
        window.deleteLater()
        context.close()
    qtbot.wait(1)


def answer_dialog(qtbot, fill) -> None:
    """``fill(dialog)`` on the modal dialog the next click opens."""
    def handle():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, handle)
            return
        try:
            fill(dialog)
        finally:
            if dialog.isVisible():  # refused, or the test's own check failed: never hang
                dialog.reject()
    QTimer.singleShot(20, handle)


def test_reception_gets_demographics_and_nothing_clinical(people, open_window, qtbot):
    w = open_window(people["reception"])
    assert isinstance(w, DeskWindow) and w.reception and not w.admin
    assert "reception" in w.banner.text() and "server keeps them" in w.banner.text()
    assert w.banner.text().count(".") == 1  # one sentence
    panel = w.patients
    assert panel.sessions.isHidden() and panel.new_session.isHidden()
    assert panel.patients.count() == 1
    panel.patients.setCurrentRow(0)
    assert w.fields["chart_number"].text() == "A-1"
    assert w.fields["birth_date"].text() == "1961-05-02"
    assert w.patient.notes == ""  # never read: the server does not give it to reception
    assert w.edit_button.isEnabled()

    # A new patient through the window's own button and dialog (no notes field in it).
    def new(dialog):
        assert not dialog.with_notes and not dialog.notes.isVisible()
        dialog.chart_number.setText("R-7")
        dialog.family_name.setText("Tremblay")
        dialog.birth_date.setText("1990-01-31")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    answer_dialog(qtbot, new)
    qtbot.mouseClick(panel.new_patient, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.patient is not None and w.patient.chart_number == "R-7")
    assert "R-7 created" in w.statusBar().currentMessage()

    # Her details changed, and a practitioner still reads the first patient's note intact.
    panel.select_patient(next(p.id for p in w.records.read.search_patients("A-1")))

    def edit(dialog):
        assert dialog.family_name.text() == "Martin"
        dialog.family_name.setText("Martin-Roy")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    answer_dialog(qtbot, edit)
    qtbot.mouseClick(w.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.fields["family_name"].text() == "Martin-Roy")
    with connect(people["practitioner"]) as conn:
        assert conn.execute("SELECT family_name, notes, updated_by FROM patients"
                            " WHERE chart_number = 'A-1'").fetchone() == \
            ("Martin-Roy", "diabetic; left shoulder", w.records.read.login)

    # The privacy screen hides the names and the details.
    w.act_hide.setChecked(True)
    assert w.fields["family_name"].text() == "●●●●●"
    assert all("Martin" not in panel.patients.item(i).text()
               for i in range(panel.patients.count()))
    # and covers the patient's dialog opened then (ui.privacy_cover), until F12 in it
    seen: list[tuple[bool, bool]] = []

    def covered(dialog):
        cover = dialog.findChild(Cover)
        seen.append((cover is not None and cover.covering, w.act_hide in dialog.actions()))
        w.act_hide.setChecked(False)  # F12 in the dialog
        seen.append((cover.covering, w.hide_names))
    answer_dialog(qtbot, covered)
    qtbot.mouseClick(w.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [(True, True), (False, False)]


def test_the_desks_patient_dialogs_are_gone_once_answered(people, open_window, qtbot):
    """A new patient's or edited details' dialog stayed a child of the desk window once closed,
    one more each time (its fields' connections kept it). The privacy screen's guard
    (ui.privacy_cover) now deletes each once answered, as the window's own line did."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from imsmap.ui.dialogs import PatientDialog

    w = open_window(people["reception"])
    panel = w.patients
    panel.patients.setCurrentRow(0)
    qtbot.waitUntil(lambda: w.edit_button.isEnabled())
    seen: list[str] = []
    for _ in range(3):
        for button in (panel.new_patient, w.edit_button):
            answer_dialog(qtbot, lambda dialog: seen.append(type(dialog).__name__))
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # answered: Cancel
            qtbot.wait(1)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            assert w.findChildren(PatientDialog) == [], button.text()
    assert seen == ["PatientDialog"] * 6


def test_the_administrator_gets_the_clinic_settings_and_no_patients(people, open_window,
                                                                     qtbot):
    w = open_window(people["admin"])
    assert isinstance(w, DeskWindow) and w.admin and not w.reception and w.patients is None
    assert "administrator" in w.banner.text() and w.banner.text().count(".") == 1
    assert "no name yet" in w.clinic_summary.text()

    def settings(dialog):
        dialog.clinic_name.setText("Harbour Physiotherapy")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    answer_dialog(qtbot, settings)
    qtbot.mouseClick(w.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Harbour" in w.clinic_summary.text())
    assert w.statusBar().currentMessage() == "Clinic settings saved."
    reader = open_server_context(people["practitioner"])
    try:
        assert clinic.load(reader.records).clinic_name == "Harbour Physiotherapy"
    finally:
        reader.close()


def test_a_practitioner_gets_the_chart_and_leaves_the_settings_to_the_administrators(
        people, open_window):
    w = open_window(people["practitioner"])
    assert isinstance(w, MainWindow)
    w.patients.patients.setCurrentRow(0)
    assert w.patients.sessions.topLevelItemCount() == 1  # the clinical record is hers
    for act in (w.menus.act_settings, w.menus.act_setup):
        assert not act.isEnabled()
        assert "administrator's login" in act.statusTip()
    assert w.menus.act_new_patient.isEnabled()


def test_a_practitioners_window_offers_no_backup_of_the_server(people, open_window, qtbot):
    """The walk of 6 December: File > Back up now (Ctrl+Shift+B) in a room on the clinic server
    copied nothing and said "The automatic backup failed: There is no database at anna.nguyen
    at database clinic on 127.0.0.1:58413." The server is backed up as a whole on the server;
    the action is off and says so."""
    w = open_window(people["practitioner"])
    act = w.menus.act_backup
    assert not act.isEnabled()
    assert "backed up on the server" in act.statusTip() and "imsmap backup --dsn" in act.toolTip()
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.wait(300)
    assert not w.backups.running
    assert "backup" not in w.statusBar().currentMessage().lower()


def test_the_clinic_settings_on_the_server_ask_for_no_backup_folder(people, open_window,
                                                                    qtbot):
    """The administrator's clinic settings offered a backup folder ("Automatic backups go here:
    a full copy each week…") that no room of a clinic server ever uses. They say where the
    server's backups are made instead, and keep the stored folder as it was."""
    w = open_window(people["admin"])
    seen = {}

    def settings(dialog):
        seen["folder shown"] = dialog.backup_dir.isVisible()
        seen["note"] = dialog.server_backups.text() if dialog.server_backups.isVisible() else ""
        dialog.clinic_name.setText("Harbour Physiotherapy")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    answer_dialog(qtbot, settings)
    qtbot.mouseClick(w.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Harbour" in w.clinic_summary.text())
    assert seen["folder shown"] is False
    assert "Made on the clinic server" in seen["note"]
    assert clinic.load(w.records).backup_dir == ""


def test_a_search_the_server_cannot_answer_leaves_no_list_passed_off_as_its(
        people, open_window, qtbot, pg_server):
    """The desk searches while the clinic server is out of reach: the list kept the last
    search's patients and said "1 patient found" under what was typed since (an empty search,
    or another name), as if they matched it."""
    from imsmap.domain.errors import UserFacingError

    w = open_window(people["reception"])
    panel = w.patients
    panel.search.setText("Mar")
    panel.refresh_patients()
    assert panel.patients.count() == 1 and panel.count.text() == "1 patient found"
    login = psycopg.conninfo.conninfo_to_dict(people["reception"])["user"]
    with pg_server.admin() as admin:
        admin.execute(f'ALTER ROLE "{login}" NOLOGIN')
        try:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          " WHERE usename = %s", (login,))
            panel.search.setText("Tremblay")
            with pytest.raises(UserFacingError):
                panel.refresh_patients()
        finally:
            admin.execute(f'ALTER ROLE "{login}" LOGIN')
    assert panel.count.text() == "Not searched" and "search before" in panel.count.toolTip()

    def answers() -> bool:
        try:
            return w.records.read.search_patients("Mar") is not None
        except UserFacingError:
            return False
    qtbot.waitUntil(answers, timeout=10_000)
    panel.refresh_patients()  # back: the count says what was found, and nothing else
    assert panel.count.text() == "0 patients found" and panel.count.toolTip() == ""
