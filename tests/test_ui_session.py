"""The session panel: edits reach the database as they happen; errors become sentences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from imsmap.ui.session_panel import NOTES_DELAY_MS
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

pytestmark = pytest.mark.both_backends


def test_pain_spin_boxes_save_on_edit(qtbot, window, records, session):
    panel = window.session_panel
    panel.pain_before.setValue(7)
    assert records.repo.session(session.id).pain_before == 7
    panel.pain_after.setFocus()
    panel.pain_after.lineEdit().selectAll()
    qtbot.keyClicks(panel.pain_after, "3")
    qtbot.keyClick(panel.pain_after, Qt.Key.Key_Return)
    assert records.repo.session(session.id).pain_after == 3
    panel.pain_before.setValue(panel.pain_before.minimum())  # "not recorded"
    assert panel.pain_before.text() == "not recorded"
    assert records.repo.session(session.id).pain_before is None
    # The session list shows the pain too.
    assert window.patients.sessions.topLevelItem(0).text(2) == "– → 3"


def test_text_fields_save_on_leaving_and_notes_after_a_pause(qtbot, window, records, session):
    panel = window.session_panel
    panel.practitioner.setFocus()
    panel.practitioner.selectAll()
    qtbot.keyClicks(panel.practitioner, "K. Lee, PT")
    qtbot.keyClick(panel.practitioner, Qt.Key.Key_Return)
    assert records.repo.session(session.id).practitioner == "K. Lee, PT"
    qtbot.keyClicks(panel.notes, "Tolerated well.")
    qtbot.waitUntil(lambda: records.repo.session(session.id).notes == "Tolerated well.",
                    timeout=NOTES_DELAY_MS * 10)


def test_notes_still_typed_are_saved_on_close(qtbot, window, records, session):
    qtbot.keyClicks(window.session_panel.notes, "Plan: review in a week")
    window.close()
    assert records.repo.session(session.id).notes == "Plan: review in a week"


def test_a_refused_value_becomes_a_status_message(qtbot, window, records, session):
    panel = window.session_panel
    panel.practitioner.setText("x" * 600)  # over the limit for a name
    panel.practitioner.editingFinished.emit()
    assert "limit" in window.statusBar().currentMessage()
    assert records.repo.session(session.id).practitioner == "J. Physio"
    assert window.isVisible()


def test_signing_locks_the_panel(qtbot, window, records, session, monkeypatch):
    from imsmap.ui.record.sign_amend import SignDialog

    def confirm_and_sign(dialog):
        dialog.confirm.setChecked(True)
        dialog.sign_button.click()
        return dialog.result()

    monkeypatch.setattr(SignDialog, "exec", confirm_and_sign)
    window.session_panel.pain_before.setValue(5)
    qtbot.mouseClick(window.session_panel.sign_button, Qt.MouseButton.LeftButton)
    assert records.repo.session(session.id).is_signed
    assert not window.session_panel.editable
    assert window.session_panel.practitioner.isReadOnly()
    assert window.patients.sessions.topLevelItem(0).text(1) == "signed"
    assert window.undo_stack.count() == 0


@pytest.mark.sqlite_only('locks the SQLite file from another connection')
def test_a_database_locked_by_another_program_loses_no_edit(qtbot, window, records, session,
                                                            db_path):
    import sqlite3

    other = records.start_session(session.patient_id, practitioner="J. Physio")
    window.patients.select_session(session.id)
    records.db.conn.execute("PRAGMA busy_timeout = 50")
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        panel = window.session_panel
        panel.complaint.setFocus()
        panel.complaint.selectAll()
        qtbot.keyClicks(panel.complaint, "Neck pain")
        qtbot.keyClick(panel.complaint, Qt.Key.Key_Return)
        assert "busy" in window.statusBar().currentMessage()
        assert panel.complaint.text() == "Neck pain"  # still there, not saved yet
        window.patients.select_session(other.id)  # refused: switching would drop the text
        assert window.session_id == session.id and panel.complaint.text() == "Neck pain"
        assert "could not be saved" in window.statusBar().currentMessage()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    window.patients.select_session(other.id)
    assert window.session_id == other.id
    assert records.repo.session(session.id).complaint == "Neck pain"


@pytest.mark.sqlite_only("on the server the clinic's list is the admin's")
def test_practitioner_from_the_clinic_list_brings_the_registration_number(
        qtbot, make_window, records, session):
    from imsmap.services import clinic

    clinic.save(records, clinic.ClinicSettings(
        practitioners=(clinic.Practitioner("Jo Lee, PT", "PT-12345"),)))
    window = make_window()
    window.patients.select_patient(session.patient_id)
    window.patients.select_session(session.id)
    panel = window.session_panel
    assert panel.practitioner.completer().model().stringList() == ["Jo Lee, PT"]
    panel.practitioner.setFocus()
    panel.practitioner.selectAll()
    qtbot.keyClicks(panel.practitioner, "Jo Lee, PT")
    qtbot.keyClick(panel.practitioner, Qt.Key.Key_Return)
    saved = records.repo.session(session.id)
    assert (saved.practitioner, saved.practitioner_registration) == ("Jo Lee, PT", "PT-12345")


def test_start_time_is_edited_at_the_field_and_a_future_time_is_refused(
        qtbot, window, records, session):
    from datetime import datetime, timedelta

    from PySide6.QtCore import QDateTime

    panel = window.session_panel
    earlier = datetime(2026, 11, 20, 8, 15)
    panel.started_at.setDateTime(QDateTime(earlier))
    panel.started_at.editingFinished.emit()
    assert records.repo.session(session.id).started_at.replace(tzinfo=None) == earlier
    errors = []
    panel.errorOccurred.connect(errors.append)
    future = datetime.now() + timedelta(days=2)
    panel.started_at.setDateTime(QDateTime(future.replace(second=0, microsecond=0)))
    panel.started_at.editingFinished.emit()
    assert records.repo.session(session.id).started_at.replace(tzinfo=None) == earlier
    assert errors and "in the future" in errors[0].message
    assert panel.started_at.dateTime().toPython() == earlier


def test_with_no_session_open_the_start_field_shows_no_date(qtbot, window, records, session):
    # A patient with no session, chosen after one whose session was open: the greyed start
    # field shows a dash, not the other patient's session time (nor Qt's 2000-01-01).
    panel = window.session_panel
    shown = panel.started_at.text()
    assert "2026-11-20" in shown
    other = records.create_patient(chart_number="C-1002", family_name="Second",
                                   given_name="Ben", birth_date="1980-01-02", sex="M")
    window.patients.refresh_patients()
    window.patients.select_patient(other.id)
    qtbot.waitUntil(lambda: panel.session is None)
    assert panel.started_at.text() == "—"
    assert not panel.started_at.isEnabled()
    # and a session opened again shows its own time
    window.patients.select_patient(session.patient_id)
    window.patients.select_session(session.id)
    assert panel.started_at.text() == shown


def test_an_impossible_pain_score_is_refused_with_a_sentence_and_stores_nothing(
        qtbot, window, records, session):
    # Typing "11" in a 0-10 box: the box took the first "1", dropped the second, and saved
    # pain 1 without a word. Now nothing is stored, the box shows what was there, and the
    # status bar says why.
    panel = window.session_panel
    box = panel.pain_before
    assert records.repo.session(session.id).pain_before is None
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "11")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert records.repo.session(session.id).pain_before is None
    assert box.text() == "not recorded"
    message = window.statusBar().currentMessage()
    assert "11" in message and "0 to 10" in message
    # a possible score still saves as before
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "10")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert records.repo.session(session.id).pain_before == 10


def test_a_complaint_still_being_typed_is_saved_after_a_pause(qtbot, window, records, session):
    # A complaint typed and not yet left was lost when the program was killed (kill -9, a
    # power cut): the line saved only on leaving it, the notes a moment after the last key.
    # It now saves after the same pause as the notes, focus still in it.
    panel = window.session_panel
    panel.complaint.setFocus()
    panel.complaint.selectAll()
    qtbot.keyClicks(panel.complaint, "Neck pain")
    assert panel.complaint.hasFocus()
    qtbot.waitUntil(lambda: records.repo.session(session.id).complaint == "Neck pain",
                    timeout=NOTES_DELAY_MS * 10)
    assert panel.complaint.hasFocus() and panel.complaint.text() == "Neck pain"
