"""The session panel: edits reach the database as they happen; errors become sentences."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from imsmap.ui.session_panel import NOTES_DELAY_MS
from support import spot
from test_ui_support import (  # noqa: F401 - fixtures
    make_window,
    qt_settings,
    sign_through_dialog,
    window,
)

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


def _site_note_in_hand(make_window, records, session):
    """A window on the session with a site selected, the focus in its note: (window, site,
    the note's field)."""
    view, x, y, muscle, side = spot(records.atlas)
    site = records.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=1)
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    window.edits.select_site(site.id)
    notes = window.site_table.inspector.notes
    notes.setFocus()
    return window, site, notes


def test_a_site_note_still_being_typed_is_in_what_is_signed(qtbot, make_window, records,
                                                            session):
    # A site's note typed a moment before Sign… (saved after a pause) was shown in the window
    # but left out of the signature: the dialog read the record without it, and the note's
    # save came after, refused (or, after a longer pause, refused the signature as changed).
    window, site, notes = _site_note_in_hand(make_window, records, session)
    qtbot.keyClicks(notes, "Twitch at 4 cm.")
    sign_through_dialog(qtbot, window)
    assert records.repo.session(session.id).is_signed
    assert records.repo.site(site.id).notes == "Twitch at 4 cm." == notes.toPlainText()


def test_a_site_note_still_being_typed_is_saved_on_close(qtbot, make_window, records, session):
    # The session's notes were saved on closing the window, a site's note only a moment after
    # the last key (or on leaving the field): closed in that moment, it was lost.
    window, site, notes = _site_note_in_hand(make_window, records, session)
    qtbot.keyClicks(notes, "Deep ache, referred to the heel.")
    assert records.repo.site(site.id).notes == ""  # still waiting for the pause
    window.close()
    assert records.repo.site(site.id).notes == "Deep ache, referred to the heel."


def test_a_tolerance_still_in_its_field_is_in_what_is_signed(qtbot, window, records, session):
    window.right_tabs.setCurrentWidget(window.details.parentWidget())
    tolerance = window.details.tolerance
    tolerance.setFocus()
    qtbot.keyClicks(tolerance, "Tolerated well")
    assert tolerance.hasFocus()
    sign_through_dialog(qtbot, window)
    assert records.repo.session(session.id).is_signed
    assert records.repo.session(session.id).tolerance == "Tolerated well" == tolerance.text()


@pytest.mark.sqlite_only('locks the SQLite file from another connection')
def test_notes_that_could_not_be_saved_are_not_left_out_of_a_signature(qtbot, window, records,
                                                                      session, db_path):
    # The database busy (another program writing), the notes just typed could not be saved;
    # the dialog still opened and signed the session without them, and the window then showed
    # the signed note: the typed words were gone. Now nothing is signed until they are saved.
    import sqlite3

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    records.db.conn.execute("PRAGMA busy_timeout = 50")
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    notes = window.session_panel.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Dizzy after the first needle.")

    def sign_once_the_file_is_free() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            blocker.execute("ROLLBACK")
            dialog.confirm.setChecked(True)
            qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

    try:
        QTimer.singleShot(0, sign_once_the_file_is_free)
        window.menus.act_sign.trigger()
        qtbot.wait(10)
        assert not records.repo.session(session.id).is_signed
        assert notes.toPlainText() == "Dizzy after the first needle."
        assert "not signed" in window.statusBar().currentMessage()
    finally:
        if blocker.in_transaction:
            blocker.execute("ROLLBACK")
        blocker.close()
    sign_through_dialog(qtbot, window)
    assert records.repo.session(session.id).notes == "Dizzy after the first needle."
    assert records.repo.session(session.id).is_signed


def test_the_next_visit_shows_its_own_tolerance_with_the_focus_in_the_field(
        qtbot, make_window, records, session):
    # Alt+Right with the focus in the tolerance field (nothing typed) kept the visit left's
    # tolerance in the field of the visit shown: the field kept "typed" text of the focus.
    from datetime import datetime

    records.update_session(session.id, tolerance="Felt faint after the third needle")
    later = records.start_session(session.patient_id, started_at=datetime(2026, 11, 27, 9, 30),
                                  tolerance="Tolerated well")
    window = make_window(patient_id=session.patient_id, session_id=session.id)
    window.right_tabs.setCurrentWidget(window.details.parentWidget())
    tolerance = window.details.tolerance
    tolerance.setFocus()
    assert tolerance.hasFocus() and tolerance.text() == "Felt faint after the third needle"
    window.menus.act_next_visit.trigger()
    qtbot.waitUntil(lambda: window.session_id == later.id)
    assert tolerance.text() == "Tolerated well"
    assert records.repo.session(session.id).tolerance == "Felt faint after the third needle"


def test_the_pain_range_reads_with_an_en_dash(window):
    from PySide6.QtWidgets import QLabel

    labels = [w.text() for w in window.session_panel.findChildren(QLabel)
              if w.text().startswith("Pain")]
    assert labels == ["Pain (0–10)"], labels  # a range: 0–10, not 0-10


def _dark_pixels_at_right_end(field) -> int:
    """Dark pixels (an arrow's) in the field's right end, inside its frame, drawn wide enough
    that the time's digits stay clear of it."""
    field.resize(260, field.height())
    image = field.grab().toImage()
    w, h = image.width(), image.height()
    return sum(image.pixelColor(x, y).lightness() < 110
               for x in range(w - 18, w - 3) for y in range(4, h - 4))


def test_a_signed_sessions_start_time_looks_read_only(qtbot, window, records, session):
    """A signed session's "Started" kept its calendar's drop-down arrow and a white field, as
    if it could be changed (walk of 6 December): read-only, it shows neither, as the pain
    boxes do."""
    started = window.session_panel.started_at
    assert started.calendarPopup() and _dark_pixels_at_right_end(started) > 4
    records.sign_session(session.id)
    assert started.isReadOnly() and not started.calendarPopup()
    assert _dark_pixels_at_right_end(started) == 0
    assert started.palette().color(started.backgroundRole()) \
        == window.session_panel.pain_before.palette().color(started.backgroundRole())
