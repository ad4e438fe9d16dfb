"""Two windows on one session (issue 12, M4), each with its own connection to the file, as two
imsmap windows have: the later save of a field the other window changed is refused, the window
shows the other's value, keeps what its user typed to copy, and says who changed it."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from support import spot
from test_ui_support import (  # noqa: F401 - fixture
    close_windows,
    qt_settings,
    show_window,
    sign_through_dialog,
)

# Two windows editing one session at once happens on a file only, and there only where its
# holds cannot be kept (`no_file_holds`: a folder imsmap may not write, an imsmap from before
# holds; tests/test_file_holds_processes.py: otherwise the second window reads only): on a clinic server the
# second room reads the session another room holds and edits nothing until it takes it over
# (tests/server/test_server_window_rooms.py), and the row's version guards the services' updates
# (tests/server/test_server_room_versions.py).


@pytest.fixture
def two_windows(qtbot, qt_settings, open_records_as, no_file_holds):  # noqa: F811
    """Anna's and Ben's windows on one draft session with one site, both showing it."""
    anna_context = open_records_as("anna.physio")
    ben_context = open_records_as("ben.physio")
    anna = anna_context.records
    patient = anna.create_patient(chart_number="C-1", family_name="Nguyen")
    session = anna.start_session(patient.id, started_at=datetime(2026, 11, 20, 9, 30))
    view, x, y, muscle, side = spot(anna.atlas)
    site = anna.add_site(session.id, view, x, y, muscle_id=muscle, side=side, grasp=1)
    windows = []
    for context in (anna_context, ben_context):
        w = show_window(qtbot, context, patient_id=patient.id, session_id=session.id)
        windows.append(w)
        w.edits.select_site(site.id)
        assert w.site_table.inspector.site.id == site.id
    yield windows[0], windows[1], session, site
    for w in windows:
        # A notice still holding typed text makes closing ask first (a test of its own).
        for notice in (w.session_panel.conflict, w.details.conflict,
                       w.site_table.inspector.conflict):
            notice.dismiss()
    close_windows(qtbot, windows)
    anna_context.close()
    ben_context.close()


def _type(qtbot, editor, text: str) -> None:
    """Type at the end of what the field shows."""
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, text)


def shown(notice) -> bool:
    """The notice is up (in a tab not on screen just now, it shows when the tab does)."""
    return not notice.isHidden()


def test_the_later_session_note_is_refused_and_kept_to_copy(qtbot, two_windows):
    anna, ben, session, _ = two_windows
    _type(qtbot, ben.session_panel.notes, "Ben: tolerated well.")
    assert ben.session_panel.save_notes()
    _type(qtbot, anna.session_panel.notes, "Anna: needled L5.")
    anna.session_panel.save_notes()
    panel = anna.session_panel
    stored = anna.records.repo.session(session.id)
    assert stored.notes == "Ben: tolerated well."  # not overwritten
    assert panel.notes.toPlainText() == "Ben: tolerated well."  # the other window's note
    assert shown(panel.conflict) and panel.conflict.text() == "Anna: needled L5."
    said = panel.conflict.sentence.text()
    assert "another window" in said and "ben.physio" in said and "not saved" in said
    assert "ben.physio" in anna.statusBar().currentMessage()
    # While her text is only in the notice, the window does not move on from the session
    # (closing asks first, as for any change not saved).
    assert not panel.flush()
    # Anna copies her text in after Ben's: it saves, from what she now sees.
    _type(qtbot, panel.notes, " " + panel.conflict.text())
    assert panel.save_notes()
    assert anna.records.repo.session(session.id).notes == \
        "Ben: tolerated well. Anna: needled L5."
    panel.conflict.dismiss_button.click()
    assert not shown(panel.conflict) and panel.flush()


def test_a_session_is_not_signed_while_typed_text_is_only_in_the_notice(qtbot, two_windows):
    # Anna's refused note was kept in the notice, in no record; Sign… signed the session
    # without it, and it could then only be an amendment. Now she is told to deal with it.
    anna, ben, session, _ = two_windows
    _type(qtbot, ben.session_panel.notes, "Ben: tolerated well.")
    assert ben.session_panel.save_notes()
    _type(qtbot, anna.session_panel.notes, "Anna: needled L5.")
    anna.session_panel.save_notes()
    assert shown(anna.session_panel.conflict)
    assert _sign_opens_no_dialog(qtbot, anna) and not anna.records.repo.session(session.id).is_signed
    assert "kept in the notice" in anna.statusBar().currentMessage()
    anna.session_panel.conflict.dismiss_button.click()
    sign_through_dialog(qtbot, anna)
    assert anna.records.repo.session(session.id).is_signed


def test_a_note_left_untouched_does_not_overwrite_the_other_windows(qtbot, two_windows):
    anna, ben, session, _ = two_windows
    _type(qtbot, ben.session_panel.notes, "Ben's note.")
    assert ben.session_panel.save_notes()
    assert anna.session_panel.flush()  # switching session or closing saves what is typed
    assert anna.records.repo.session(session.id).notes == "Ben's note."
    assert not shown(anna.session_panel.conflict)


def test_the_later_plan_is_refused_and_kept_to_copy(qtbot, two_windows):
    anna, ben, session, _ = two_windows
    _type(qtbot, ben.details.plan, "Review in a week.")
    ben.details.flush()
    assert ben.records.repo.session(session.id).plan == "Review in a week."
    _type(qtbot, anna.details.plan, "Home stretches.")
    anna.details.flush()
    assert anna.records.repo.session(session.id).plan == "Review in a week."
    assert anna.details.plan.toPlainText() == "Review in a week."
    notice = anna.details.conflict
    assert shown(notice) and notice.text() == "Home stretches."
    assert "ben.physio" in notice.sentence.text()


def test_a_count_changed_in_both_windows_is_refused_in_the_later(qtbot, two_windows):
    anna, ben, session, _ = two_windows
    ben.details.needles_accounted.setChecked(True)
    anna.details.needles_accounted.setChecked(True)  # what Ben saved already: no conflict
    assert not shown(anna.details.conflict)
    ben.details.needle_count.setValue(12)
    anna.details.needle_count.setValue(10)  # started from "not recorded"; Ben's is 12
    assert anna.records.repo.session(session.id).needle_count == 12
    assert shown(anna.details.conflict) and anna.details.needle_count.value() == 12
    assert "needle count" in anna.details.conflict.sentence.text()


def test_the_later_site_note_is_refused_and_kept_to_copy(qtbot, two_windows):
    anna, ben, _, site = two_windows
    _type(qtbot, ben.site_table.inspector.notes, "Ben: strong grasp")
    ben.site_table.inspector.save_notes()
    assert ben.records.repo.site(site.id).notes == "Ben: strong grasp"
    inspector = anna.site_table.inspector
    _type(qtbot, inspector.notes, "Anna: twitch seen")
    inspector.save_notes()
    assert anna.records.repo.site(site.id).notes == "Ben: strong grasp"
    assert inspector.notes.toPlainText() == "Ben: strong grasp"
    assert shown(inspector.conflict) and inspector.conflict.text() == "Anna: twitch seen"
    assert "ben.physio" in inspector.conflict.sentence.text()
    # A grade from Anna's inspector, started from the grade it shows, still works.
    qtbot.mouseClick(inspector.grasp_buttons[3], Qt.MouseButton.LeftButton)
    assert anna.records.repo.site(site.id).grasp == 3
    # Ben's inspector still shows grade 1: his grade over Anna's is refused.
    qtbot.mouseClick(ben.site_table.inspector.grasp_buttons[0], Qt.MouseButton.LeftButton)
    assert ben.records.repo.site(site.id).grasp == 3
    assert ben.site_table.inspector.grasp_buttons[3].isChecked()
    assert "anna.physio" in ben.statusBar().currentMessage()


def test_undo_does_not_put_back_a_value_another_window_changed(qtbot, two_windows):
    anna, ben, _, site = two_windows
    qtbot.mouseClick(anna.site_table.inspector.grasp_buttons[2], Qt.MouseButton.LeftButton)
    assert anna.records.repo.site(site.id).grasp == 2
    ben.records.update_site(site.id, grasp=3, expected={"grasp": 2})
    anna.undo_stack.undo()  # would put back grade 1 over Ben's 3
    assert anna.records.repo.site(site.id).grasp == 3
    assert "ben.physio" in anna.statusBar().currentMessage()


def test_coming_back_to_a_window_with_text_being_typed_keeps_it(qtbot, two_windows):
    """The window reads the other's changes when it comes back to the front (Refresh): the
    note still being typed here meets the other's saved one as a conflict, not a loss."""
    anna, ben, session, site = two_windows
    _type(qtbot, anna.session_panel.notes, "Anna, typing")
    _type(qtbot, anna.site_table.inspector.notes, "Anna's site note")
    ben.records.update_session(session.id, notes="Ben's note.", expected={"notes": ""})
    ben.records.update_site(site.id, notes="Ben's site note", expected={"notes": ""})
    anna.refresh_all()
    assert anna.records.repo.session(session.id).notes == "Ben's note."
    assert anna.session_panel.notes.toPlainText() == "Ben's note."
    assert anna.session_panel.conflict.text() == "Anna, typing"
    assert anna.records.repo.site(site.id).notes == "Ben's site note"
    assert anna.site_table.inspector.notes.toPlainText() == "Ben's site note"
    assert anna.site_table.inspector.conflict.text() == "Anna's site note"



def _sign_opens_no_dialog(qtbot, window) -> bool:
    """Sign… in `window`; True when no dialog came up (one that did is noted and closed, not
    waited on)."""
    opened = []

    def close_any() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            opened.append(dialog)
            dialog.reject()

    watch = QTimer()
    watch.timeout.connect(close_any)
    watch.start(20)
    window.menus.act_sign.trigger()
    qtbot.wait(10)
    watch.stop()
    return opened == []


def _answer_when_asked(button_text: str, asked: list[str]) -> None:
    """Click `button_text` in the modal question as soon as it is up."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(10, answer)
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()
    QTimer.singleShot(0, answer)


def test_closing_with_typed_text_only_in_the_notice_asks_first(qtbot, two_windows):
    anna, ben, session, _ = two_windows
    ben.records.update_session(session.id, notes="Ben's note.", expected={"notes": ""})
    _type(qtbot, anna.session_panel.notes, "Anna's note")
    anna.session_panel.save_notes()
    assert anna.session_panel.conflict.text() == "Anna's note"
    asked: list[str] = []
    _answer_when_asked("Cancel", asked)
    anna.close()
    assert asked and "ben.physio" in asked[0]
    assert anna.isVisible() and anna.session_panel.conflict.text() == "Anna's note"
    _answer_when_asked("Close without them", asked)
    anna.close()
    assert len(asked) == 2 and not anna.isVisible()


def test_a_site_note_kept_only_in_its_notice_is_asked_about_on_close_and_not_signed_over(
        qtbot, two_windows):
    # A site's note refused (Ben's reached the site first) is kept in the inspector's notice,
    # in no record. Closing the window lost it without a word, and Sign… signed the session
    # without it: only the session's own notice was asked about.
    anna, ben, session, site = two_windows
    ben.records.update_site(site.id, notes="Ben's site note", expected={"notes": ""})
    inspector = anna.site_table.inspector
    _type(qtbot, inspector.notes, "Anna: twitch at 3 cm")
    inspector.save_notes()
    assert inspector.conflict.text() == "Anna: twitch at 3 cm"
    assert not anna.session_panel.conflict.holds_text()
    assert _sign_opens_no_dialog(qtbot, anna)
    assert not anna.records.repo.session(session.id).is_signed
    assert "notice" in anna.statusBar().currentMessage()
    asked: list[str] = []
    _answer_when_asked("Cancel", asked)
    anna.close()
    assert len(asked) == 1 and "notice" in asked[0]
    assert anna.isVisible() and inspector.conflict.text() == "Anna: twitch at 3 cm"
    _answer_when_asked("Close without them", asked)
    anna.close()
    assert len(asked) == 2 and not anna.isVisible()


def test_signing_shows_the_note_that_was_signed_with_another_windows_words(qtbot, two_windows):
    # Ben's words reached the file while Anna's window still showed the notes without them;
    # Anna signed, and her window went on showing the old notes, read-only, as if they were
    # what was signed. The window now shows what the store holds before the dialog opens,
    # and after signing the signed note itself.
    anna, ben, session, _site = two_windows
    _type(qtbot, ben.session_panel.notes, "Ben's plan: review in a week.")
    assert ben.session_panel.save_notes()
    assert anna.session_panel.notes.toPlainText() == ""  # not told: no focus change here
    behind_dialog = sign_through_dialog(qtbot, anna)
    signed = anna.records.read.session(session.id)
    assert signed.is_signed and signed.notes == "Ben's plan: review in a week."
    assert behind_dialog == signed.notes
    assert anna.session_panel.notes.toPlainText() == signed.notes


def test_words_another_window_saved_while_the_sign_dialog_was_up_are_not_signed_unseen(
        qtbot, two_windows):
    # Ben saves while Anna's dialog is open. They used to be signed with the rest, words Anna
    # had never been shown. Now nothing is signed: Anna's window shows Ben's words and says
    # why, and her next signature (having seen them) goes through.
    anna, ben, session, _site = two_windows
    entries = anna.records.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]

    def ben_writes():
        _type(qtbot, ben.session_panel.notes, "Ben: tolerated well.")
        assert ben.session_panel.save_notes()

    sign_through_dialog(qtbot, anna, ben_writes)
    stored = anna.records.read.session(session.id)
    assert not stored.is_signed and stored.signed_at is None
    assert "sign" not in [e.action for e in anna.records.audit_entries(session.id)]
    # Ben's save is the one entry added: the refused signature wrote nothing
    assert anna.records.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0] \
        == entries + 1
    assert anna.session_panel.notes.toPlainText() == "Ben: tolerated well."
    assert not anna.session_panel.notes.isReadOnly()
    assert "changed in another window while you were signing" in \
        anna.statusBar().currentMessage()
    behind_dialog = sign_through_dialog(qtbot, anna)
    signed = anna.records.read.session(session.id)
    assert signed.is_signed and signed.notes == behind_dialog == "Ben: tolerated well."
    assert anna.session_panel.notes.isReadOnly()


def test_words_saved_while_the_window_reads_the_session_for_signing_are_not_signed_unseen(
        qtbot, two_windows):
    # Ben saves again in the instant after Anna's window, asked to sign, read his first
    # words, and before her sign dialog read the record. The dialog signed his second words
    # as it had read them, words her window never showed (the dialog shows a summary). Now no
    # dialog opens: her window shows them and says why, and nothing is signed until she signs
    # what she sees.
    anna, ben, session, _site = two_windows
    first, second = "Ben: bruising over site 1.", "Ben: bruising over site 1. Ice given."
    ben.session_panel.notes.setPlainText(first)
    assert ben.session_panel.save_notes()
    entries = anna.records.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    asked = []

    def ben_saves_again_once_anna_shows_his_words() -> None:
        if anna.session_panel.notes.toPlainText() == first and \
                ben.session_panel.notes.toPlainText() == first:
            ben.session_panel.notes.setPlainText(second)
            assert ben.session_panel.save_notes()

    def sign_if_asked() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            asked.append(anna.session_panel.notes.toPlainText())
            dialog.confirm.setChecked(True)
            qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

    anna.session_panel.notes.textChanged.connect(ben_saves_again_once_anna_shows_his_words)
    QTimer.singleShot(0, sign_if_asked)
    anna.menus.act_sign.trigger()
    qtbot.wait(10)
    anna.session_panel.notes.textChanged.disconnect(ben_saves_again_once_anna_shows_his_words)
    assert not anna.records.read.session(session.id).is_signed
    assert asked == []
    assert anna.records.db.conn.execute("SELECT count(*) FROM audit").fetchone()[0] \
        == entries + 1  # Ben's second save alone
    assert anna.session_panel.notes.toPlainText() == second
    assert "just as you chose to sign it" in anna.statusBar().currentMessage()
    behind_dialog = sign_through_dialog(qtbot, anna)
    signed = anna.records.read.session(session.id)
    assert signed.is_signed and signed.notes == behind_dialog == second


def test_a_session_signed_in_another_window_locks_the_photo_strip_on_refresh(qtbot,
                                                                             two_windows):
    # Ben signs; Anna's window, coming back (its refresh), showed the note signed and
    # read-only but kept "drop photo files here" and an enabled Add photo… that opened a
    # file dialog for a locked session. Since photos may be added to a signed session by
    # amendment, the refreshed strip no longer takes one as a draft's: Add photo… asks for
    # the amendment.
    anna, ben, session, _site = two_windows
    strip = anna.photo_strip
    assert strip.editable and not strip.amendable
    ben.records.sign_session(session.id)
    assert anna.refresh_all(force=False)  # as when the window becomes active again
    assert anna.session_panel.session.is_signed
    assert not strip.editable and strip.amendable
    assert "by an amendment" in strip.add_button.toolTip()


def test_signing_a_session_the_other_window_signed_opens_no_dialog_and_says_why(qtbot,
                                                                               two_windows):
    anna, ben, session, _site = two_windows
    ben.records.sign_session(session.id)
    assert _sign_opens_no_dialog(qtbot, anna)
    assert anna.session_panel.session.is_signed
    assert "can no longer be signed here" in anna.statusBar().currentMessage()


def test_an_amendment_added_in_another_window_shows_on_refresh(qtbot, two_windows):
    """An amendment changes no field of the signed session: Anna's Refresh (F5, or coming back
    to her window) said "Refreshed from the database." and went on showing the record without
    Ben's amendment."""
    anna, ben, session, _site = two_windows
    anna.records.sign_session(session.id)
    anna.records.amend_session(session.id, "Grade corrected", "Site 1 grasped 2.")
    assert "Grade corrected" in anna.session_panel.amendments.text()
    ben.records.amend_session(session.id, "Plan added", "Review in two weeks.")
    assert anna.refresh_all(force=False)  # as when the window becomes active again
    shown = anna.session_panel.amendments.text()
    assert "Grade corrected" in shown and "Plan added" in shown and "Review in two" in shown
