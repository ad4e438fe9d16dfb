"""The amend dialog's refusal goes once the field it names is put right (the walk of 6 December
2026): "The reason for the amendment cannot be empty." stayed in red under a reason typed in,
as if the reason were still refused, until the next press of Add amendment. The new patient
dialog clears its refusals so; a refusal of something else (a correction chosen but not added)
stays until it is dealt with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from imsmap.ui.record.sign_amend import AmendDialog
from test_ui_support import qt_settings  # noqa: F401 - a fixture


def _open_dialog(qtbot, records, session) -> AmendDialog:
    records.add_site(session.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                     grasp=3)
    records.sign_session(session.id)
    dialog = AmendDialog(records, session.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def test_the_empty_reason_refusal_goes_once_a_reason_is_typed(qtbot, records, session):
    dialog = _open_dialog(qtbot, records, session)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "reason" in dialog.error.text().lower()
    assert dialog.isVisible() and not records.read.amendments(session.id)
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Wrong side for site 1")
    assert dialog.error.text() == ""
    # Typed in the amendment's words instead, the reason's refusal stays: it is still empty.
    dialog.reason.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    said = dialog.error.text()
    assert "reason" in said.lower()
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, "Site 1 was on the left.")
    assert dialog.error.text() == said


def test_a_correction_left_unadded_is_still_said_after_typing(qtbot, records, session):
    dialog = _open_dialog(qtbot, records, session)
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "Grade")
    dialog.value_box.activated.emit(0)  # a value chosen, not added
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    said = dialog.error.text()
    assert "Add correction" in said
    qtbot.keyClicks(dialog.reason, " 3 for 1")
    assert dialog.error.text() == said
