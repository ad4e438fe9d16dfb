"""Patient > Edit details… in the practitioner's window: a name or a date of birth typed wrong
is corrected there (only the desk window of a clinic server could, so a clinic on one computer
could not correct it at all), the list and the record read the correction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from imsmap.ui.dialogs import PatientDialog
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


def test_the_open_patients_details_are_corrected_from_the_patient_menu(qtbot, window, records,
                                                                       patient, monkeypatch):
    action = window.menus.act_edit_patient
    assert action.isEnabled()
    seen: list[PatientDialog] = []

    def answer(dialog):
        seen.append(dialog)
        assert dialog.family_name.text() == "Nguyen"  # the patient open, filled in
        dialog.family_name.setText("Nguyễn")
        dialog.birth_date.setText("1970-04-21")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(PatientDialog, "exec", answer)
    action.trigger()
    assert len(seen) == 1
    corrected = records.repo.patient(patient.id)
    assert (corrected.family_name, str(corrected.birth_date)) == ("Nguyễn", "1970-04-21")
    listed = window.patients.patients.currentItem().text()
    assert "Nguyễn" in listed and window.patients.patient_id == patient.id
    assert window.statusBar().currentMessage() == "Details of C-1001 saved."


def test_edit_details_waits_for_a_patient(make_window):
    window = make_window()
    assert not window.menus.act_edit_patient.isEnabled()


def test_details_saved_first_in_another_room_are_shown_and_what_was_typed_is_kept(
        qtbot, records, patient, open_records_as):
    """Two rooms edit the same patient's details at once: the second Save is refused (nothing
    overwritten), the field the other room changed shows what it saved, what was typed there is
    kept to copy, and the next Save, from what is shown now, saves. Before, the dialog kept the
    typed text over a record it no longer matched: every Save was refused with the same
    sentence, the other room's note was never shown, and the only way on was Cancel, which
    threw the text away (walk of 7 December, two rooms on the clinic server)."""
    dialog = PatientDialog(records, editing=patient)
    qtbot.addWidget(dialog)
    dialog.show()
    other_room = open_records_as("other.physio").records
    other_room.update_patient(patient.id, notes="Allergic to latex.")
    qtbot.keyClicks(dialog.notes, "Prefers morning appointments.")
    dialog.given_name.setText("Anna-Marie")  # a field the other room left alone
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == 0
    stored = records.read.patient(patient.id)
    assert (stored.notes, stored.given_name) == ("Allergic to latex.", "Anna")  # nothing lost
    assert dialog.notes.toPlainText() == "Allergic to latex."  # the other room's note shows
    assert dialog.given_name.text() == "Anna-Marie"  # what was typed elsewhere stays
    assert dialog.conflict.isVisible()
    assert dialog.conflict.text() == "Prefers morning appointments."
    words = dialog.conflict.sentence.text()
    assert "notes changed in another window or program" in words
    assert "copy it into the field" in words

    dialog.notes.setPlainText("Allergic to latex. Prefers morning appointments.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    stored = records.read.patient(patient.id)
    assert stored.notes == "Allergic to latex. Prefers morning appointments."
    assert stored.given_name == "Anna-Marie"
