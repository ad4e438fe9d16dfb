"""A clinician amending a signed session sees the amendments another program wrote meanwhile.

Walk of 7 December: a signed session open in the active window (not polled: its user is typing,
ui.rereading); another program added an amendment; the window still said "2 amendments", and
its amendment dialog would have added a correcting amendment written blind beside the other.
Now the window reads the record again as the dialog opens (when the file moved on), and one
added while the dialog is open is named in the dialog before this one is added: Add amendment
again adds it as typed, Cancel adds nothing.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from imsmap.domain.errors import ConflictError
from imsmap.services.context import open_context
from imsmap.ui.record.sign_amend import AmendDialog
from test_signing_processes import imsmap_check, python
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

# Another program on the same file (a second window's process): one amendment, words only.
OTHER = """
    import sys
    from imsmap.services.context import open_context
    context = open_context(sys.argv[1], actor="ben.physio", create=False)
    context.records.amend_session(int(sys.argv[2]), sys.argv[3], "Written by Ben.")
    context.close()
"""


def signed_and_amended(records, session):
    records.add_site(session.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                     grasp=1)
    records.sign_session(session.id)
    records.amend_session(session.id, "Own first amendment", "Words.")
    return records.read.session(session.id)


def other_program_amends(db_path, session_id: int, reason: str) -> None:
    assert python(OTHER, db_path, session_id, reason).wait(timeout=60) == 0


def _active(qtbot, w) -> None:
    """The window is the active one, as the clinician's is (no timer reads it again)."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)


def test_the_dialog_opens_on_what_another_program_amended(qtbot, make_window, records,
                                                         session, db_path):
    signed = signed_and_amended(records, session)
    w = make_window(patient_id=signed.patient_id, session_id=signed.id)
    _active(qtbot, w)
    assert "Own first amendment" in w.session_panel.amendments.text()
    other_program_amends(db_path, signed.id, "Ben graded it on paper")
    qtbot.wait(50)
    seen: dict[str, object] = {}

    def while_open():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AmendDialog):
            QTimer.singleShot(20, while_open)
            return
        seen["column"] = w.session_panel.amendments.text()  # behind the dialog, as it opens
        seen["heading"] = w.session_panel.amendments.heading.text()
        dialog.reject()

    QTimer.singleShot(0, while_open)
    w.menus.act_amend.trigger()
    assert "Ben graded it on paper" in str(seen["column"])
    assert "2 amendments" in str(seen["heading"])


def test_one_added_while_the_dialog_is_open_is_said_before_this_one_is_added(
        qtbot, make_window, records, session, db_path):
    signed = signed_and_amended(records, session)
    w = make_window(patient_id=signed.patient_id, session_id=signed.id)
    _active(qtbot, w)
    seen: dict[str, object] = {}

    def while_open():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AmendDialog):
            QTimer.singleShot(20, while_open)
            return
        qtbot.keyClicks(dialog.reason, "Grade was 2, not 1")
        dialog.text.setPlainText("Rechecked the sheet.")
        other_program_amends(db_path, signed.id, "Ben graded it on paper")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        # Not added: the dialog names Ben's, the window behind now shows it, nothing typed lost.
        seen["error"] = dialog.error.text()
        seen["column"] = w.session_panel.amendments.text()
        seen["count"] = len(records.read.amendments(signed.id))
        seen["kept"] = (dialog.reason.text(), dialog.text.toPlainText(), dialog.isVisible())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # read it: go on

    QTimer.singleShot(0, while_open)
    w.menus.act_amend.trigger()
    assert "Another amendment was added to this session" in str(seen["error"])
    assert "by ben.physio at" in str(seen["error"])
    assert "Ben graded it on paper" in str(seen["error"])
    assert "Ben graded it on paper" in str(seen["column"])
    assert seen["count"] == 2
    assert seen["kept"] == ("Grade was 2, not 1", "Rechecked the sheet.", True)
    # Added the second time, after Ben's, as typed.
    amendments = records.read.amendments(signed.id)
    assert [a.reason for a in amendments] == ["Own first amendment", "Ben graded it on paper",
                                              "Grade was 2, not 1"]
    assert "Grade was 2, not 1" in w.session_panel.amendments.text()
    imsmap_check(db_path)


def test_cancel_after_the_notice_adds_nothing(qtbot, make_window, records, session, db_path):
    signed = signed_and_amended(records, session)
    w = make_window(patient_id=signed.patient_id, session_id=signed.id)
    _active(qtbot, w)
    said: dict[str, str] = {}

    def while_open():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AmendDialog):
            QTimer.singleShot(20, while_open)
            return
        dialog.reason.setText("Grade was 2, not 1")
        dialog.text.setPlainText("Rechecked the sheet.")
        other_program_amends(db_path, signed.id, "Ben graded it on paper")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        said["error"] = dialog.error.text()
        dialog.reject()  # Cancel (its guard's question answered: throw away)

    QTimer.singleShot(0, while_open)
    w.menus.act_amend.trigger()
    assert "Another amendment was added" in said["error"]
    assert [a.reason for a in records.read.amendments(signed.id)] == [
        "Own first amendment", "Ben graded it on paper"]


def test_a_second_connection_amending_first_refuses_the_write_begun_before_it(
        records, session, db_path):
    """The check is made inside the write (services.amending): whatever the window saw."""
    from imsmap.services.amending import AmendedMeanwhile  # (new: the others ran on the old code)

    signed = signed_and_amended(records, session)
    other = open_context(db_path, actor="ben.physio", create=False)
    try:
        other.records.amend_session(signed.id, "Ben graded it on paper", "Written by Ben.")
    finally:
        other.close()
    with pytest.raises(AmendedMeanwhile) as refused:
        records.amend_session(signed.id, "Grade was 2", "Not seen Ben's.", seen=1)
    assert isinstance(refused.value, ConflictError)
    assert refused.value.amendments == 2
    assert len(records.read.amendments(signed.id)) == 2  # nothing written
    added = records.amend_session(signed.id, "Grade was 2", "Seen Ben's.", seen=2)
    assert [a.id for a in records.read.amendments(signed.id)][-1] == added.id
    # Without `seen` (a program that shows nothing first), as before.
    records.amend_session(signed.id, "Scripted", "No dialog.")
    assert len(records.read.amendments(signed.id)) == 4
